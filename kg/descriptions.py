"""Open-world actors: noun phrases that are not names but still say who acts.

News names most of its actors by description: "Kenyan officials", "Syrian troops", "AU
peacekeepers", "separatists", "both sides", "we" in a government's own statement. The agent nouns
(ontology/lexicon/agents.tsv, imported from the Phoenix agents dictionary) say what kind of actor a
noun describes; the grammar says whose it is:

* an owner from a demonym, possessor, compound name or "of X"/"from X": a state's agent is one of its
  bodies ("Kenyan officials" -> Kenyan government, "Syrian troops" -> Syrian military, "Kenyan police"
  -> Kenyan police, partOf Kenya); an organisation's agents are the organisation ("Hamas fighters",
  "AU officials"); a population noun becomes a population of the owner ("Nigerian traders");
* without an owner, a definite description ("the troops") refers back to the last actor of its type,
  and an indefinite one ("separatists") is a generic actor of this article only: generic actors are
  kept apart across articles (separatists in Ukraine are not separatists in Yemen), so their id carries
  the document's id and their label is the noun;
* "both sides", "the two countries", "the two leaders": the last two actors of the right type;
* "we", "our", "us", "I": inside a quotation or a reported clause, the speaker; in the document's own
  voice, its author (an official statement's issuer).
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from kg.agents import Agent, default_agents
from kg.gazetteer import Actor, normalize

FIRST_PERSON = {"we", "us", "our", "ours", "i", "me", "my"}
#: Heads of plural descriptions and the type of actor they refer back to
#: Plural descriptions that recall a group named before: actors named acting together, the sides of talks
SET_RECALLED = {"ally", "partner", "negotiator", "delegation"}
SET_HEADS = {
    "side": "group", "party": "group", "country": "State", "nation": "State", "state": "State",
    "government": "State", "leader": "Person", "president": "Person", "minister": "Person", "man": "Person",
    "group": "group", "movement": "group", "army": "group", "force": "group",
}  # fmt: skip
STATE_ROLES = {"military", "government", "police", "legislature", "judiciary", "intelligence"}


def slug(text: str) -> str:
    """An IRI-safe id from a name."""
    return re.sub(r"[^a-z0-9]+", "-", normalize(text)).strip("-") or "actor"


def collective_noun(token: Token) -> str:
    """The label of what a noun describes, as a group: 'separatists', 'security forces', 'police'."""
    compounds = [t.lower_ for t in token.lefts if t.dep_ == "compound" and t.pos_ == "NOUN"]
    noun = token.lower_ if token.tag_ in ("NNS", "NNPS") else token.lemma_.lower()
    modifier = next((t for t in reversed(list(token.lefts)) if t.dep_ in ("amod", "compound")), None)
    if not compounds and modifier is not None and f"{modifier.lower_} {noun}" in default_agents():
        compounds = [modifier.lower_]  # 'extremist groups': the agent phrase, not just its head
    return " ".join([*compounds, noun])


class Descriptions:
    """Resolution of descriptions, mixed into :class:`kg.actors.ArticleActors` (which supplies
    ``owner``, ``recent``, ``derive``, ``seen``, ``state_body`` and the article's ``author``)."""

    doc_id: str
    author: Actor | None
    sides: tuple[Actor, Actor] | None
    plural_subject: list[Actor] | None

    # ------------------------------------------------------------------ agent nouns
    def agent_of(self, token: Token) -> Agent | None:
        """The agent noun a token heads: its compound phrase ('security forces') or its word."""
        agents = default_agents()
        if any(c.dep_ == "prep" and c.lower_ in t.preps for t in self.lexicon.trigger("noun", token.lemma_.lower())
               for c in token.children):  # fmt: skip
            return None  # 'Turkey's opposition to the YPG' is the relation, not the opposition
        # the modifier words right before the noun, nearest last ('border patrol' of 'border patrol agents');
        # the longest agent phrase they make wins
        modifiers: list[str] = []
        for word in reversed(token.doc[token.left_edge.i : token.i]):
            if word.dep_ not in ("compound", "amod") or word.i in self.mentions:
                break
            modifiers.insert(0, word.lower_)
        for start in range(len(modifiers)):
            phrase = " ".join(modifiers[start:])
            for key in (f"{phrase} {token.lower_}", f"{phrase} {token.lemma_.lower()}"):
                if key in agents:
                    return agents[key]
        return agents.get(token.lower_) or agents.get(token.lemma_.lower())

    def described(self, token: Token, agent: Agent) -> list[Actor]:
        """The actors an agent noun phrase describes (see the module docstring)."""
        owned = any(c.dep_ in ("poss", "amod", "compound", "nmod") or (c.dep_ == "prep" and c.lower_ == "of")
                    for c in token.children)  # fmt: skip
        if self.lexicon.token_cue("crowd", token) and not owned:
            return []  # 'killed 40 people in Lebanon': nobody in particular ('its people', 'the Syrian people' are)
        owners = self.owners(token)
        if owners and agent.person and token.tag_ in ("NN", "NNP"):
            return [self.seen(owner) for owner in owners]  # 'Iraq's security advisor' acts for Iraq
        if owners:
            return [self.seen(self.owned(owner, agent, token), self._phrase(token)) for owner in owners]
        armed, _ = self.armed_modifier(token) if agent.actor_type != "ArmedGroup" else (None, None)
        if armed is not None:  # 'separatist officials', 'rebel commanders': the armed group's, acting for it
            return [armed]
        named = self.named_by(token)
        if named:  # 'Yoruba leaders', 'Druze inhabitants': a community or group the gazetteer does not know
            named_words = named.lower().split()  # ("Shi'ite militias": the name is no compound of its own)
            label = " ".join([named, *(w for w in collective_noun(token).split() if w not in named_words)])
            actor_type = "Population" if agent.actor_type == "GovernmentBody" else agent.actor_type
            return [self.seen(self.derive(slug(label), label, actor_type, source="derived"))]
        determiners = {c.lower_ for c in token.children if c.dep_ in ("det", "poss")}
        # 'the Secretary of State', 'the Minister of Defence' of nobody named: an office, not the person named before
        office = agent.person and any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)
        if determiners & {"the", "these", "those", "this", "that"} and not office:
            wanted = "group" if agent.actor_type == "GovernmentBody" else agent.actor_type
            if agent.person and token.tag_ in ("NN", "NNP"):
                wanted = "Person"  # 'the Secretary', 'the minister': the person named before
            # 'the separatists' refer back to an armed group, named or not, never to a state; 'the hostages' to
            # hostages named before ('Israeli hostages'), not to whatever population came last ('Palestinian workers')
            found = self.referent(wanted, collective_noun(token).split()[-1], token.i)
            # 'the troops' refers back to a force, never to a population; 'the refugees' to a population or nobody
            if (found is not None and found.type != "Population") or agent.actor_type == "Population":
                return [self.seen(found)] if found is not None else []
        if agent.person and token.tag_ in ("NN", "NNP"):
            return []  # 'an official', 'a minister': one unnamed person is no actor of its own
        if self.lexicon.token_cue("mass", token) and not any(c.dep_ in ("det", "poss", "amod", "compound")
                                                             for c in token.children):  # fmt: skip
            return []  # 'agreed to share intelligence': bare, the word is what is shared, not a body
        return [self.seen(self.generic(agent, token))]

    def named_by(self, token: Token) -> str:
        """The proper words before a noun that no gazetteer entry or named entity resolved ('Yoruba', 'Ibo')."""
        words = [c for c in token.lefts if c.dep_ in ("amod", "compound", "nmod") and c.i not in self.mentions]
        proper = [w for w in words if w.pos_ == "PROPN" or w.ent_type_ in ("NORP", "ORG", "GPE")]
        return " ".join(w.text for w in proper)

    def owners(self, token: Token) -> list[Actor]:
        """The owner of a noun and the owners coordinated with it ('Hungarian and Romanian officials'); an
        organisation the noun's members come from wins over a demonym ('Russian mercenaries from Wagner')."""
        organisations = [p for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "from")
                         for p in c.children if p.dep_ == "pobj" and p.i in self.mentions
                         and self.mentions[p.i].actor.type in ("ArmedGroup", "PoliticalOrganization")]  # fmt: skip
        owner, word = (
            (self.mentions[organisations[0].i].actor, organisations[0]) if organisations else self.owner(token)
        )
        if owner is None:  # 'rebels in the Ivory Coast', 'officials in Kenya'
            places = [p for c in token.children if c.dep_ == "prep" and c.lower_ in ("in", "throughout")
                      for p in c.children if p.dep_ == "pobj" and p.i in self.mentions]  # fmt: skip
            if places and self.mentions[places[0].i].actor.type == "State":
                owner, word = self.mentions[places[0].i].actor, places[0]
        if owner is None or word is None:
            return []
        found = [owner]
        for conj in word.conjuncts:
            mention = self.mentions.get(conj.i)
            if mention is not None and mention.actor not in found and not mention.actor.generic:
                found.append(mention.actor)
        return found

    def owned(self, owner: Actor, agent: Agent, token: Token) -> Actor:
        """What an agent noun of an owner is: a body of a state, the organisation itself, or a population."""
        if owner.type == "Person":
            return self.get(owner.leads) or owner
        if owner.type == "State" and agent.role in STATE_ROLES:
            return self.state_body(owner, agent.role)
        if owner.type in ("State", "Place"):  # 'Nigerian traders', 'Syrian rebels', 'Gaza residents'
            qualifier = owner.demonyms[0] if owner.demonyms else owner.label
            noun = collective_noun(token)
            parent = owner.id if owner.type == "State" and agent.actor_type == "Population" else None
            return self.derive(slug(f"{owner.id} {noun}"), f"{qualifier} {noun}", agent.actor_type,
                               parent=parent, source="derived")  # fmt: skip
        return owner  # 'Hamas fighters', 'AU officials': the organisation acts through them

    def generic(self, agent: Agent, token: Token) -> Actor:
        """'separatists' with no owner: an actor of this article only, labelled by the noun."""
        return self.article_generic(collective_noun(token), agent.actor_type)

    def article_generic(self, noun: str, actor_type: str) -> Actor:
        """The generic actor of this article a noun names ('separatists', 'protesters'): other articles' are others."""
        return self.derive(f"{slug(self.doc_id or 'text')}/{slug(noun)}", noun, actor_type, generic=True,
                           source="derived")  # fmt: skip

    def armed_modifier(self, token: Token) -> tuple[Actor | None, Token | None]:
        """'separatist positions', 'insurgent strongholds': a word for an armed group before a target noun makes
        the target theirs, the same generic actor as 'separatists' in this article ('terrorist activities' are
        a kind of act, not anybody's)."""
        agents = default_agents()
        for child in token.lefts:
            if child.dep_ in ("amod", "compound") and child.i not in self.mentions:
                lemma = child.lemma_.lower()
                agent = agents.get(f"{lemma}s") or agents.get(lemma)
                if agent is not None and agent.actor_type == "ArmedGroup" and not agent.person:
                    return self.seen(self.article_generic(agent.noun, agent.actor_type)), child
        return None, None

    # ------------------------------------------------------------------ sets
    def collective(self, token: Token) -> list[Actor] | None:
        """'both sides', 'the two countries', 'the two leaders': the last two actors of the type;
        None when the token is no such description."""
        lemma = token.lemma_.lower()
        if token.tag_ in ("NNS", "NNPS") and lemma in SET_RECALLED and self.definite_only(token):
            # 'the allies hit a research centre', 'The negotiators also agreed': those named acting together, or
            # the two sides of the talks
            recalled = self.allies if lemma in ("ally", "partner") else self.talks
            return [self.seen(a) for a in recalled or ()]
        wanted = SET_HEADS.get(lemma)
        if wanted is None or token.tag_ not in ("NNS", "NNPS"):
            return None
        numbers = {c.lower_ for c in token.children if c.dep_ in ("nummod", "det", "predet")}
        # ('Trump spoke with Abe. The leaders agreed ...': the two persons who just met)
        leaders = wanted == "Person" and self.definite_only(token) and self.met is not None
        if leaders and all(a.type == "Person" for a in self.met):
            return [self.seen(a) for a in self.met]
        if not numbers & {"both", "two"}:
            return None
        # 'Human Rights Watch accused both sides of ...': whoever speaks of both sides is neither
        verb = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
        # (and whom the speaker's phrase names: 'U.N. envoy X', 'X, deputy head of the OSCE mission,')
        subjects = [s for s in verb.children if s.dep_ in ("nsubj", "nsubjpass")] if verb is not None else []
        clauses = {t.i for s in subjects for c in s.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
        speakers = {t.i for s in subjects for t in s.subtree} - clauses  # ('Qatar, which mediated between X and Y,')
        outside = [self.mentions[i].actor for i in speakers if i in self.mentions]
        # ('The Chairperson reminds both leaders': the speaker named by a description is neither)
        outside += [a for s in subjects if s.i not in self.mentions and s.pos_ != "PRON"
                    and token.i not in {t.i for t in s.subtree} for a in self.denote(s)]  # fmt: skip
        # the pair of a 'between' phrase before it ('Qatar, which mediated between X and Y, urged both sides'), else
        # the two named together as the last sentence's subject ('The US and Britain condemned X. The two countries
        # ...'), else the two sides of the last agreement or fight: when they are of the kind the noun says
        between = [p for t in token.sent if t.dep_ == "prep" and t.lower_ == "between" and t.i < token.i
                   and token.i not in {x.i for x in t.subtree}  # ('a ceasefire between the two sides': itself)
                   for p in t.children if p.dep_ == "pobj"]  # fmt: skip
        named = self.expand(between[0]) if between else []
        for pair in (named, self.plural_subject, self.sides):
            if pair is None or len(pair) != 2 or {a.id for a in pair} & {a.id for a in outside}:
                continue
            kinds = {a.type for a in pair}
            if (wanted == "group" and "Person" not in kinds) or kinds == {wanted}:
                return [self.seen(a) for a in pair]
        found: list[Actor] = []
        for actor in self.recent_all(wanted, token.i):
            if actor not in found and actor not in outside:
                found.append(actor)
            if len(found) == 2:
                return [self.seen(a) for a in found]
        return []

    @staticmethod
    def definite_only(token: Token) -> bool:
        """'the allies', 'both delegations', 'the two delegations', 'the allies'' (possessive): the noun with 'the'
        or 'both' and nothing that says whose or which."""
        children = [c.lower_ for c in token.children if c.dep_ not in ("case", "punct")]
        return children in (["the"], ["both"], ["the", "two"], ["the", "both"])

    # ------------------------------------------------------------------ first person
    def first_person(self, token: Token) -> list[Actor]:
        """'we', 'our': the speaker of the clause it is in, else the document's author."""
        for ancestor in token.ancestors:
            if self.lexicon.token_cue("report", ancestor) or self.lexicon.token_cue("belief", ancestor):
                subjects = [c for c in ancestor.children if c.dep_ in ("nsubj", "nsubjpass")]
                if (
                    subjects
                    and subjects[0].lower_ not in FIRST_PERSON
                    and token.i not in {t.i for t in subjects[0].subtree}
                ):
                    found = self.denote(subjects[0])
                    if found and token.lower_ in ("we", "us", "our", "ours"):
                        found = self.voice_of(subjects[0], found)
                    if found:
                        return found
        if self.author is not None and not self.quoted(token):
            joint = self.co_issuers if token.lower_ in ("we", "us", "our", "ours") else []
            return [self.seen(a) for a in (self.author, *joint)]  # (a joint statement's 'we' is all its issuers)
        return []

    def voice_of(self, speaker: Token, found: list[Actor]) -> list[Actor]:
        """'"We will keep attacking," al-Shabab spokesman Ali Dhere said': the 'we' of a person is the body his title
        or the gazetteer says he speaks for or leads; a person with neither (a witness) stays himself."""
        if len(found) != 1 or found[0].type != "Person":
            return found
        served = found[0].leads or next((r["of"] for r in reversed(found[0].roles) if r.get("of")), None)
        led = self.get(served) if served else None  # (the gazetteer's dated roles: 'Poroshenko' speaks for Ukraine)
        if led is not None:
            return [self.seen(led)]
        titles = [t for t in speaker.subtree if t.dep_ in ("compound", "appos", "nsubj") and self._is_role(t)]
        for title in titles:
            owner, _ = self.owner(title)
            if owner is not None and owner.type != "Person" and owner != found[0]:
                return [self.seen(owner)]
        return found

    def quoted(self, token: Token) -> bool:
        """Whether a token stands inside quotation marks in its sentence."""
        sentence = token.sent
        marks = sum(1 for t in sentence if t.i < token.i and t.text in ('"', "\u201c", "\u201d"))
        return marks % 2 == 1
