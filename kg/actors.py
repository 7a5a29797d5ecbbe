"""Stage 3: actor mentions in sentences, resolved to canonical actors.

A mention is found by the gazetteer (names, demonyms, capitals; acronyms case-sensitively) or by
spaCy's named entities. Noun phrases that are not names are resolved by grammar and article
context: "Syria's army" and "Syrian troops" are the armed forces of Syria, "its YPG militia"
names the YPG, "the group" is the armed group named last, "his country" is the state of the person
named last, "an official of Hamas" speaks for Hamas. Nothing resolves across articles except
through the gazetteer: :class:`ArticleActors` holds one article's context.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token

from kg.agents import default_agents
from kg.coreference import PRONOUNS, RELATIVE_PRONOUNS, Coreference, acts
from kg.descriptions import FIRST_PERSON, Descriptions, slug
from kg.gazetteer import Actor, Gazetteer, normalize
from kg.lexicon import Lexicon
from kg.mentions import ORG_HEADS, TITLES, Mention, MentionFinder, guess_org_type  # noqa: F401 (re-exported)

#: Heads that stand for the name before them: 'the APEC forum' is APEC, 'the Greek side' is Greece
NAMED_HEADS = {
    "forum", "movement", "group", "organization", "organisation", "party", "side", "sides", "camp", "faction",
    "bloc", "network", "regime", "administration", "leadership", "delegation",
}  # fmt: skip
#: Heads that count or take part of their 'of' phrase: the phrase names the actor
QUANTITIES = {
    "thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "scores", "million", "millions", "tens", "some",
    "most", "many", "part", "third",
    "half", "group", "member", "members", "delegation", "contingent", "batch", "patch", "unit",
}  # fmt: skip
#: Place nouns whose 'of' phrase is their own name ('the Red Sea port of Hodeidah' is Hodeidah; but 'the Jobar
#: district of Damascus' is Jobar, a part of Damascus)
NAMED_BY_OF = frozenset({"city", "town", "village", "port", "province", "region", "governorate", "county", "state"})
#: Head words of an issuer's name that stand for it in its own release ('the Department', 'the Ministry')
ISSUER_HEADS = {"Department", "Ministry", "Office", "Embassy", "Mission", "Administration", "Commission", "Council"}
#: Actor types whose members, named by a generic noun ('fighters of X'), act as the organisation
ORGANISATIONS = {"ArmedGroup", "PoliticalOrganization", "InternationalOrganization"}
#: 'members, including X and Y', 'countries such as X': the listed actors belong to the phrase
LIST_PREPS = {"including", "like", "among"}
OWNER_DEPS = {"poss", "amod", "compound", "nmod", "npadvmod"}


@dataclass
class ArticleActors(MentionFinder, Descriptions, Coreference):
    """Actor resolution within one article: gazetteer, derived actors and what was said before."""

    gazetteer: Gazetteer
    lexicon: Lexicon
    matchers: tuple[PhraseMatcher, PhraseMatcher]
    doc_id: str = ""
    #: the document's issuer ('we' in an official statement), when known
    author: Actor | None = None
    #: the other issuers of a joint statement ('Joint Statement by the United States and Kenya'): 'we' is all of them
    co_issuers: list[Actor] = field(default_factory=list)
    actors: dict[str, Actor] = field(default_factory=dict)
    surface: dict[str, set[str]] = field(default_factory=dict)
    history: list[Actor] = field(default_factory=list)
    pending: list[Actor] = field(default_factory=list)
    local_aliases: dict[str, str] = field(default_factory=dict)
    #: the two sides of the last agreement, talks or fight ('both sides', 'both parties', 'the two countries')
    sides: tuple[Actor, Actor] | None = None
    #: the two sides of the last meeting, agreement or cooperation: 'they' in what follows ('They condemned ...')
    met: tuple[Actor, Actor] | None = None
    #: the last actors named acting together ('The US, Britain and France launched strikes'): 'the allies' later
    allies: list[Actor] | None = None
    allies_age: int = 0
    #: pairs of actors the article has stated fighting or attacking each other: never joint agents
    enemies: set[frozenset[str]] = field(default_factory=set)
    #: the two sides of the last talks ('the negotiators', 'the two delegations' later)
    talks: tuple[Actor, Actor] | None = None
    #: the previous sentence's plural main subject ('The members of the Council condemned ...'), for 'They ...'
    plural_subject: list[Actor] | None = None
    #: the person the last sentences were about (their main subject), for 'He' or 'She' opening a sentence
    person_subject: Actor | None = None
    person_age: int = 0
    #: sentences since the meeting (only its sentence and the next say 'they' of it) and since the sides were named
    met_age: int = 0
    sides_age: int = 0
    #: the title words a person was named with ('Secretary of State John Kerry'): 'the Secretary' is Kerry
    titles: dict[str, set[str]] = field(default_factory=dict)
    #: the persons whose title kg has read for the country the gazetteer knows them to serve (stated once)
    known_roles: set[str] = field(default_factory=set)
    #: who carried out the last act the article states as actual by each trigger word's lemma ('Israeli jets struck
    #: Gaza'), with the sentence it was stated in: 'the strikes' later in the article are theirs ('Egypt condemned
    #: the strikes'), but 'the bombing' is not the airstrikes'
    event_agents: dict[str, tuple[int, list[Actor]]] = field(default_factory=dict)
    #: sentences read so far (the index of the sentence being read)
    sentence_count: int = 0
    mentions: dict[int, Mention] = field(default_factory=dict)
    sentence_doc: Doc | None = None
    state_counts: dict[str, int] = field(default_factory=dict)

    def note_agent(self, lemma: str, actor: Actor | None, relation: str = "") -> None:
        """Record who did an act named by a word of this lemma (kg.events: 'the attack' refers back to it), or
        (``None``) that the sentence names such an act with nobody who did it: 'the strike' after 'A car bomb
        struck a market' is that one, not an earlier one's. The actors of one sentence's acts are kept together
        ('Israel and Egypt attacked'). With its core ``relation``, the act is also the last of its kind, for a
        word of another lemma ('launched missile strikes ... called the attack a violation')."""
        for key in (lemma, f"#{relation}") if relation else (lemma,):
            sentence, agents = self.event_agents.get(key, (-1, []))
            agents = agents if sentence == self.sentence_count else []
            if actor is None:
                self.event_agents[key] = (self.sentence_count, agents)
            elif actor not in agents:
                self.event_agents[key] = (self.sentence_count, [*agents, actor])

    def last_agents(self, keys: tuple[str, ...] | list[str]) -> tuple[int, list[Actor]] | None:
        """The sentence and agents of the latest act recorded under any of these keys (:meth:`note_agent`)."""
        return max((self.event_agents[k] for k in keys if k in self.event_agents), default=None, key=lambda e: e[0])

    # ------------------------------------------------------------------ derived actors
    def derive(self, actor_id: str, label: str, actor_type: str, **extra) -> Actor:
        """An actor that is not in the gazetteer, kept for the rest of the article."""
        if actor_id in self.gazetteer.by_id:
            return self.gazetteer[actor_id]
        if actor_id not in self.actors:
            self.actors[actor_id] = Actor(id=actor_id, label=label, type=actor_type, **extra)
        return self.actors[actor_id]

    def capital_state(self, actor: Actor) -> Actor | None:
        """The state whose capital a place read from a capital's name is ('sanctions on Pyongyang')."""
        state = self.get(actor.country) if actor.type == "Place" and actor.source == "derived" else None
        return state if state is not None and actor.label in state.capitals else None

    def get(self, actor_id: str | None) -> Actor | None:
        if not actor_id:
            return None
        return self.gazetteer.get(actor_id) or self.actors.get(actor_id)

    def military_of(self, owner: Actor) -> Actor:
        """The armed forces of an actor: a state's military, a group's own fighters."""
        if owner.type == "Person":
            led = self.get(owner.leads)
            return self.military_of(led) if led else owner
        if owner.type != "State":
            return owner
        return self.state_body(owner, "military")

    def state_body(self, state: Actor, role: str) -> Actor:
        """A state's military or government: the gazetteer's entry, else a derived 'Somali military'."""
        listed = self.gazetteer.body_of(state.id, role)
        if listed:
            return self.gazetteer[listed]
        adjective = state.demonyms[0] if state.demonyms else state.label
        return self.derive(
            f"{state.id}-{role}", f"{adjective} {role}", "GovernmentBody", parent=state.id, role=role, source="derived"
        )

    # ------------------------------------------------------------------ resolution
    def seen(self, actor: Actor, surface: str | None = None) -> Actor:
        """Record that the article mentions an actor (for coreference and altLabels)."""
        if actor.id not in self.gazetteer.by_id:
            self.actors.setdefault(actor.id, actor)
        self.pending.append(actor)
        if surface:
            surface = re.sub(r"^(the|a|an)\s+", "", " ".join(surface.split()), flags=re.I).strip(" ,")
            known = {normalize(n) for n in (*actor.names, *actor.demonyms, *actor.capitals)}
            if surface and normalize(surface) not in known:  # gazetteer names are already altLabels
                self.surface.setdefault(actor.id, set()).add(surface)
        return actor

    def end_sentence(self) -> None:
        """Everything this sentence named, in order, and what its descriptions resolved to, becomes
        context for the next sentences (whether or not it took part in a statement)."""
        named = [
            m.actor
            for m in sorted({m.start: m for m in self.mentions.values()}.values(), key=lambda m: m.start)
            if not m.actor.generic and (m.kind != "capital" or acts(self.sentence_doc[m.end - 1]))
        ]
        self.history.extend([*named, *(a for a in self.pending if a not in named)])
        self.pending = []
        self.sentence_count += 1
        self.met_age += 1
        if self.met_age > 1:
            self.met = None
        self.sides_age += 1
        if self.sides_age > 8:  # 'both sides' looks back some paragraphs, not to an old story of the article
            self.sides = self.talks = None
        self.allies_age += 1
        if self.allies_age > 8:
            self.allies = None

    def note_person_subject(self, person: Actor | None) -> None:
        """Keep the person a sentence is about for two more sentences ('He said ...' two sentences on)."""
        if person is not None:
            self.person_subject, self.person_age = person, 0
        else:
            self.person_age += 1
            if self.person_age > 2:
                self.person_subject = None

    def mention_at(self, token: Token) -> Mention | None:
        return self.mentions.get(token.i)

    def split_demonym(self, token: Token) -> Token | None:
        """'accused Azerbaijani forces' parsed as two objects, 'Azerbaijani' and 'forces': the demonym before a noun
        of the same role and head, which is its modifier."""
        if token.i == 0:
            return None
        before = token.doc[token.i - 1]
        mention = self.mentions.get(before.i)
        # (or as a dative or loose dependent and an object: 'accused/dative Azerbaijani forces/dobj')
        role = before.dep_ == token.dep_ or (before.dep_ in ("dative", "dep") and token.dep_ == "dobj")
        same = role and before.head.i == token.head.i and token.pos_ == "NOUN"
        return before if same and mention is not None and mention.kind == "demonym" else None

    def owner(self, token: Token) -> tuple[Actor | None, Token | None]:
        """The actor a noun belongs to: 'Syria's army', 'Syrian troops', 'troops from Burundi', 'its forces'."""
        split = self.split_demonym(token)
        if split is not None:
            return self.mentions[split.i].actor, split
        modifiers = [c for c in token.children if c.dep_ in ("amod", "compound") and c.i in self.mentions]
        generic = next((c for c in modifiers if self.mentions[c.i].actor.generic), None)
        if generic is not None:  # 'Palestinian militant targets': the targets of Palestinian militants
            qualifier = next((c for c in modifiers if c.i != generic.i), None)
            actor = self.mentions[generic.i].actor
            return (self.qualified(actor, qualifier.text) if qualifier is not None else actor), generic
        for child in token.children:
            if child.dep_ in OWNER_DEPS and not self.only_locates(token, child):
                found = self._owner_word(child)
                if found:
                    return found, child
        # ('a spokesman for X' is X's: cue kind speaks-for; 'the envoy for Yemen' deals with Yemen)
        preps = ("of", "from", "for") if self.lexicon.token_cue("speaks-for", token) else ("of", "from")
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        found = self.denote(pobj)
                        if found:
                            return found[0], pobj
                        # 'the Minister of Defence of Kenya': the owner follows the title's own words
                        nested = [p for c in pobj.children if c.dep_ == "prep" and c.lower_ == "of"
                                  for p in c.children if p.dep_ == "pobj" and p.i in self.mentions]  # fmt: skip
                        if nested and self._is_role(token):
                            return self.mentions[nested[0].i].actor, nested[0]
        # 'forces loyal to Khalifa Haftar': the person they serve ('militias loyal to Iran' are Iran's proxies, not
        # its forces)
        for pobj in (p for a in token.children if a.dep_ in ("amod", "acl") and a.lower_ == "loyal"
                     for c in a.children if c.dep_ == "prep" and c.lower_ == "to"
                     for p in c.children if p.dep_ == "pobj"):  # fmt: skip
            found = self.denote(pobj)
            # ('forces loyal to eastern Libyan commander Khalifa Haftar': the named person the title describes)
            named = [m.actor for t in pobj.subtree if (m := self.mentions.get(t.i)) is not None]
            person = next((a for a in [*found, *named] if a.type == "Person"), None)
            if person is not None:
                return person, pobj
            # 'loyal to Yemen's government'; but 'the Houthi-run government', 'the eastern-based parliament' are
            # rival authorities, not the state's
            rival = any(t.text == "-" for t in pobj.subtree)
            government = found and found[0].type == "GovernmentBody" and found[0].role == "government"
            if government and found[0].parent and not rival:
                return self.get(found[0].parent), pobj.head
        # 'Kenya, which has 4,000 troops serving with AMISOM': forces one keeps (cue kinds keep, military) are one's
        keeper = token.head
        kept = token.dep_ == "dobj" and keeper.dep_ in ("relcl", "ROOT", "ccomp")
        if kept and self.lexicon.token_cue("keep", keeper) and self.lexicon.token_cue("military", token):
            for subject in (c for c in keeper.children if c.dep_ == "nsubj"):
                named = self.antecedent(keeper) if subject.lower_ in RELATIVE_PRONOUNS else subject
                found = [a for a in self.denote(named) if not a.generic]
                if found:
                    return found[0], subject
        return None, None

    def antecedent(self, clause: Token) -> Token:
        """The noun a relative clause describes: the word it hangs on, but in 'Tal Afar, west of Mosul, which is
        held by X' the place the direction phrase locates, not Mosul."""
        head = clause.head
        compass = head
        if head.dep_ == "pobj" and head.head.lower_ == "of":  # ('which' may hang on Mosul itself)
            compass = head.head.head
        start = compass.left_edge.i
        if self.direction(compass) and start >= 2 and head.doc[start - 1].text == ",":
            return head.doc[start - 2]
        named = self.mentions.get(head.i)  # ('the commander of Iran's Quds Force, who': a named body, no person)
        if any(c.lower_ == "who" for c in clause.children) and named is not None and named.actor.type != "Person":
            # 'Qassem Soleimani, the commander of Iran's Quds Force, who met X': 'who' is the person, wherever
            # the parser hangs the clause inside the person's apposition
            for ancestor in itertools.islice(head.ancestors, 4):
                if self.names_person(ancestor):
                    return ancestor
        return head

    def opening_possessor(self, token: Token) -> bool:
        """'His government said ...', 'But her spokesman denied ...': 'his' or 'her' in the main subject that opens
        the sentence, which continues with the person the sentences before were about (centering, as for 'He')."""
        if token.lower_ not in ("his", "her") or token.dep_ != "poss" or self.person_subject is None:
            return False
        head = token.head
        before = token.doc[token.sent.start : token.i]
        opening = all(t.is_punct or t.pos_ in ("CCONJ", "ADV", "SCONJ") for t in before)
        return head.dep_ in ("nsubj", "nsubjpass") and head.head.dep_ == "ROOT" and opening

    def names_person(self, token: Token) -> bool:
        """Whether a token is part of a person's name."""
        mention = self.mentions.get(token.i)
        return mention is not None and mention.actor.type == "Person"

    def direction(self, token: Token) -> bool:
        """'west of Mosul', 'to the north of Mosul': a direction that places something outside a place ('the north
        of Syria' is in it)."""
        bare = not any(c.dep_ == "det" for c in token.children) or token.head.lower_ == "to"
        return bare and self.lexicon.cue("direction", token.lemma_.lower())

    def only_locates(self, noun: Token, word: Token) -> bool:
        """'the Minsk agreement', 'the Hague ruling': a capital before an accord or proceeding (cue kind venue)
        names where it was made, not who made it, as 'the Moscow proposal' does."""
        mention = self.mentions.get(word.i)
        located = word.dep_ in ("compound", "amod", "nmod") and mention is not None and mention.kind == "capital"
        return located and self.lexicon.token_cue("venue", noun)

    def _owner_word(self, word: Token) -> Actor | None:
        mention = self.mentions.get(word.i)
        if mention:
            return mention.actor
        if word.lower_ in FIRST_PERSON and word.dep_ == "poss":  # 'our security forces': the speaker's or author's
            speaker = next(iter(self.first_person(word)), None)
            if speaker is not None and speaker.type == "Person":  # '"our soldiers," Ruto said': his country's
                return self.get(speaker.leads) or self.get(speaker.country)
            return speaker
        if word.lower_ == "whose":  # 'Chad, whose troops ...': the noun the relative clause describes
            clause = next((a for a in word.ancestors if a.dep_ == "relcl"), None)
            return next(iter(self.denote(clause.head)), None) if clause is not None else None
        if word.lower_ in PRONOUNS and word.dep_ == "poss":  # resolved as any pronoun ('Kenya said its jets ...')
            return next(iter(self.denote(word)), None)
        if word.lemma_.lower() in ("government", "regime", "state"):
            return self.salient_state(word.sent)
        if word.dep_ == "poss" and word.pos_ == "NOUN" and self.lexicon.cue("coref", word.lemma_.lower()):
            return next(iter(self.denote(word)), None)  # "the group's leader": the group named before
        return self.led_group(word)  # 'Saudi-led coalition warplanes': the coalition's

    def denote(self, token: Token, object_position: bool = False) -> list[Actor]:
        """The actors a noun-phrase head refers to (without its conjuncts)."""
        issuer = self.author is not None and token.text in ISSUER_HEADS and token.text in self.author.label.split()
        if issuer and [c.lower_ for c in token.children] == ["the"]:  # 'The Department is imposing ...'
            return [self.seen(self.author)]
        mention = self.mentions.get(token.i)
        after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        if mention is not None and after is not None and self.split_demonym(after) is not None:
            return []  # ('Azerbaijani' of 'accused Azerbaijani forces': the forces' owner, no object of its own)
        if mention is not None:
            return [self._from_mention(mention, token)]
        lower, lemma = token.lower_, token.lemma_.lower()
        if lower in FIRST_PERSON and token.pos_ == "PRON":
            return self.first_person(token)
        if lower in PRONOUNS and token.pos_ == "PRON":
            speakers = (
                self.reporting_subject(token)
                or self.own_subject(token)
                or self.clause_subject(token)
                or self.coordinated_antecedent(token)
            )
            if speakers:
                return speakers
            if self.unnamed_antecedent(token):
                return []
            plural = self.plural_antecedent(token)
            if plural is not None:
                return plural
            if lower == "it" and token.dep_ in ("dobj", "pobj") and self.names_an_event(token):
                return []  # 'welcomed the truce and urged both sides to respect it': the truce
            if lower in ("they", "them", "their") and self.met is not None:
                return [self.seen(a) for a in self.met]  # 'X met Y today. They condemned ...': both
            if lower == "they" and token.dep_ == "nsubj" and self.plural_subject and self.opens_sentence(token):
                return [self.seen(a) for a in self.plural_subject]  # 'The ministers met. They agreed ...'
            found = self.recent(PRONOUNS[lower], token.i)
            # the person the sentences before were about, over one named since ('X met Y. He warned ...': most
            # often X, as in the centering of discourse; kg knows no genders, so 'Macron met Sandu. She ...' errs)
            subject = token.dep_ in ("nsubj", "nsubjpass") and self.opens_sentence(token)
            if lower in ("he", "she") and subject and self.person_subject is not None:
                return [self.seen(self.person_subject)]
            if self.opening_possessor(token):  # 'But his government said ...': the person the sentences were about
                return [self.seen(self.person_subject)]
            return [self.seen(found)] if found else []
        allies = self.demonym_allies(token)
        if allies:
            return allies
        named = self.name_given(token)
        person = named is not None and self.mentions[named.i].actor.type == "Person" and self._is_role(token)
        # 'the party's leader, Mahmoud Abbas', 'The Chairperson ..., Dr. X,': the name says who
        if named is not None and (token.pos_ == "NOUN" or person):
            actor = self._from_mention(self.mentions[named.i], named)
            # ('Shi'ite militias known as the PMF': 'the militias' after this are the PMF; a title is no name)
            return [actor if person or self._is_role(token) else self.seen(actor, self._phrase(token))]
        if token.dep_ == "appos" and token.head.i != token.i and token.head.i in self.mentions:
            return self.denote(token.head, object_position)  # 'the rebels, a group backed by Iran,'
        collective = self.collective(token)
        if collective is not None:
            return collective
        if self.is_quantity(token):  # 'thousands of Iraqi Kurds', 'members of the Association', 'one third of X'
            counted = [a for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                       for p in c.children if p.dep_ == "pobj" for a in self.expand(p, object_position)]  # fmt: skip
            if counted:
                return counted
        part_of = self.part_of(token)
        if part_of is not None:
            return [part_of]
        if self.lexicon.cue("military", lemma) or self.lexicon.cue("military", lower):
            owner, word = self.owner(token)
            # 'Turkish F-16s and artillery': the artillery is Turkish too; but 'Iraqi forces and Iranian-backed
            # militias' are a group of their own: only a bare weapon or unit shares its conjunct's owner
            first = self.agent_of(token.head) if token.dep_ == "conj" else None
            own = self.agent_of(token)
            shares = first is not None and own is not None and first.role == own.role == "military"
            bare = not any(c.dep_ in ("amod", "compound", "poss", "prep") for c in token.children)
            if owner is None and shares and bare:
                owner, word = self.owner(token.head)[0], None
            if owner is not None and word is not None and word.dep_ == "pobj" and owner.type == "State":
                return self.expand(word)  # 'troops from Burundi and Uganda': the contributing states
            if owner is not None:
                military = self.military_of(owner)
                named = word is not None and word.i in self.mentions
                surface = self._phrase(token) if named else None
                if word is not None and word.dep_ == "prep":  # 'Forces loyal to Yemen's government': its own name
                    surface = token.doc[token.i : word.right_edge.i + 1].text
                return [self.seen(military, surface)]
            named = token.pos_ == "PROPN" and any(
                p.pos_ == "PROPN" for c in token.children if c.dep_ == "prep" for p in c.children
            )
            if named:
                return []  # 'the Forces for Freedom and Change' (when the tagger misses it): a name, no reference back
            if any(c.lower_ in ("the", "these", "those") for c in token.children):
                agent = default_agents().get(lower) or default_agents().get(lemma)
                if agent is not None and agent.actor_type == "ArmedGroup":  # 'the militias': a group, never an army
                    found = self.referent("ArmedGroup", lower, token.i)
                    return [self.seen(found)] if found else []
                # 'the army' is a state's, or a group's whose name says so ('Free Syrian Army'), not any armed group
                group = self.recent("ArmedGroup", token.i)
                named = group is not None and (
                    (agent is not None and agent.actor_type == "ArmedGroup")  # 'the militia'
                    or lemma in group.label.lower().split()
                    or lower in group.label.lower().split()
                )
                # ('ordered the military to ...' after the State Department spoke: an armed body, not any state body)
                role = agent.role if agent is not None and agent.actor_type == "GovernmentBody" else "military"
                bodies = self.recent_all("GovernmentBody", token.i)
                found = next((b for b in bodies if b.role == role), None) or (group if named else None)
                return [self.seen(found)] if found else []
        # 'Borno, Yobe and Adamawa states', 'Idlib and Hama provinces': the places named
        places = token.tag_ == "NNS" and (self.lexicon.cue("placenoun", lemma) or lemma == "state")
        # (two or more names: 'the Baltic states', 'Red Sea ports' are no list of places)
        places = places and any(c.conjuncts for c in token.children if c.dep_ in ("compound", "amod", "nmod"))
        if lemma in NAMED_HEADS or places:  # 'the APEC forum', 'the Turkish and Greek sides': the named ones act
            named = [self.mentions[c.i] for c in token.children if c.dep_ in ("compound", "amod", "nmod")
                     and c.i in self.mentions and not self.mentions[c.i].actor.generic
                     and (not places or self.mentions[c.i].actor.type == "Place")]  # fmt: skip
            if named:
                found = [self._from_mention(m, self.sentence_doc[m.start]) for m in named]
                for conj in (c for m in named for c in self.sentence_doc[m.end - 1].conjuncts):
                    mention = self.mentions.get(conj.i)
                    if mention is not None and mention.actor not in found:
                        found.append(self.seen(mention.actor))
                return found
        if self._unknown_name(token):
            return []
        led = self.led_group(token)
        if led is not None:
            return [led]
        agent = self.agent_of(token)
        # 'Ethiopian federal forces', 'Amhara militias': an owned or named description, not a reference back;
        # without an article an armed group's noun is a generic actor ('Iranian-backed militias attacked ...')
        described = (
            agent is not None
            and not any(c.dep_ in ("det", "poss") for c in token.children)
            and (self.owner(token)[0] is not None or bool(self.named_by(token)) or agent.actor_type == "ArmedGroup")
        )
        if self.lexicon.cue("coref", lemma) and (agent is None or agent.noun in (lower, lemma)) and not described:
            return self._description(token, lemma)  # but 'opposition groups' are described by their phrase
        if agent is not None and not (agent.person and token.tag_ in ("NN", "NNP") and self._is_role(token)):
            return self.described(token, agent)  # 'Kenyan officials', 'separatists', 'AU peacekeepers'
        if self._is_role(token) and self.lexicon.token_cue("relational", token):
            # 'his Chinese counterpart': a peer of China, not of the possessor ('his' is whose peer he is)
            named = [m.actor for c in token.children if c.dep_ in ("amod", "compound")
                     and (m := self.mentions.get(c.i)) is not None and m.actor.type == "State"]  # fmt: skip
            return [self.seen(a) for a in named]
        if self._is_role(token):
            owner, _ = self.owner(token)
            office = any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)  # 'the Secretary of State'
            if owner is None and not office and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
                owner = self.referent("Person", lemma, token.i)  # 'the minister': the person named before
            return [self.seen(owner)] if owner else []
        if object_position and (self.lexicon.cue("target", lemma) or self.lexicon.cue("target", lower)):
            # ('the Gaza offices of the Associated Press': the AP's, in Gaza)
            named = [a for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                     for p in c.children if p.dep_ == "pobj" for a in self.denote(p) if a.type != "Place"]  # fmt: skip
            owner = next(iter(named), None) or self.owner(token)[0] or self.armed_modifier(token)[0]
            if owner is None:  # 'a camp for refugees': whom it houses
                owner = next((a for c in token.children if c.dep_ == "prep" and c.lower_ == "for"
                              for p in c.children if p.dep_ == "pobj" for a in self.expand(p)), None)  # fmt: skip
            if owner is None:  # 'pounded targets across Gaza': an owner-less target is the place it is in
                places = [a for c in token.children if c.dep_ == "prep" and c.lower_ in ("in", "across", "throughout")
                          for p in c.children if p.dep_ == "pobj" for a in self.denote(p, True)]  # fmt: skip
                # (a town or region; 'struck Islamist positions in northern Mali' is no attack on Mali)
                owner = next((a for a in places if a.type == "Place"), None)
            if owner is not None or not self.lexicon.cue("place-ref", lemma):
                return [self.seen(owner)] if owner else []
        if object_position and lemma == "capital" and [c.lower_ for c in token.children] == ["the"]:
            # 'al-Shabab has repeatedly struck the capital': the capital of the state the article names most
            state = self.most_named_state({self.author.id} if self.author is not None else set())
            if state is not None and state.capitals:
                name = state.capitals[0]
                return [self.seen(self.derive(slug(name), name, "Place", source="derived", country=state.id))]
            return []
        if object_position and self.lexicon.cue("place-ref", lemma) and [c.lower_ for c in token.children] == ["the"]:
            # 'withdrew from the town': the town named before (cue kind place-ref), never a capital named as one
            town = next((p for p in self.recent_all("Place", token.i) if self.capital_state(p) is None), None)
            return [self.seen(town)] if town is not None else []
        if object_position and self.direction(token):
            return []  # 'villages to the north of Mosul' are not Mosul
        if object_position and (self.lexicon.cue("partitive", lemma) or self.lexicon.cue("partitive", lower)):
            # 'areas of X', 'neighborhoods in X'; but 'a town in Syria' is not Syria
            named_here = [m.actor for c in token.children if c.dep_ in ("compound", "nmod", "amod")
                          and (m := self.mentions.get(c.i)) is not None and m.actor.type == "Place"]  # fmt: skip
            if named_here and lemma not in NAMED_BY_OF:  # 'the eastern Ghouta suburbs of Damascus': Ghouta, a part
                return [self.seen(a) for a in named_here]
            preps = ("of", "in") if token.tag_ in ("NNS", "NNPS") else ("of",)
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in preps:
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            found: list[Actor] = []
                            for name in (pobj, *pobj.conjuncts):  # 'the regions of X, Y and Z'
                                named = self.denote(name, object_position=True)
                                mention = self.mentions.get(name.i)
                                guessed = mention is not None and mention.kind == "ner"  # the tagger's 'Person' Gubio
                                if not named or (guessed and named[0].type not in ("Place", "State")):
                                    named = self.unknown_place(token, name) or named
                                found += [a for a in named if a not in found]
                            return found
        return []

    def names_an_event(self, pronoun: Token) -> bool:
        """Whether the nearest singular subject or object before an object 'it' in its sentence is an event ('the
        truce'), which 'it' then stands for, rather than the last actor named."""
        nouns = [t for t in pronoun.doc[pronoun.sent.start : pronoun.i]
                 if t.tag_ in ("NN", "NNP") and t.dep_ in ("dobj", "nsubj", "nsubjpass")]  # fmt: skip
        if not nouns or nouns[-1].i in self.mentions:
            return False
        return bool(self.lexicon.trigger("noun", nouns[-1].lemma_.lower()))

    @staticmethod
    def opens_sentence(token: Token) -> bool:
        """Whether a token is the first word of its sentence (a dateline or quotation mark aside)."""
        return all(t.is_punct or t.is_space for t in token.doc[token.sent.start : token.i])

    def note_sides(self, first: Actor, second: Actor, relation: str) -> None:
        """Remember the two sides of a statement of two parties (a core relation), unless either is a place: the
        parties of an agreement or a fight are 'both sides' later (a mediator who meets each is neither); the
        two who meet, agree or cooperate are 'they' in the next sentence."""
        if any(a.type == "Place" for a in (first, second)):
            return
        if relation in ("agreesWith", "fights", "attacks") and first.type != "Person" and second.type != "Person":
            self.sides, self.sides_age = (first, second), 0
        if relation in ("fights", "attacks"):
            self.enemies.add(frozenset((first.id, second.id)))
        if relation in ("meetsWith", "agreesWith", "cooperatesWith"):
            self.met, self.met_age = (first, second), 0
        if relation == "meetsWith" and first.type != "Person" and second.type != "Person":
            self.talks = (first, second)

    def note_allies(self, allies: list[Actor]) -> None:
        """Remember actors named acting together: 'the allies' in the next sentences are they."""
        self.allies, self.allies_age = list(allies), 0

    def unknown_place(self, token: Token, name: Token) -> list[Actor]:
        """'the Nigerian town of Damasak' where no gazetteer entry knows Damasak (and the tagger, if it does, may
        take it for a person): the place is the name after 'of', in the state before the noun, never that state."""
        if name.pos_ != "PROPN" or not self.lexicon.cue("placenoun", token.lemma_.lower()):
            return []
        text = " ".join(t.text for t in name.subtree if t.i == name.i or (t.dep_ == "compound" and t.i < name.i))
        owner, _ = self.owner(token)
        country = owner.id if owner is not None and owner.type == "State" else None
        guessed = self.actors.get(slug(text))
        if guessed is not None and guessed.source == "ner":  # the noun says what the tagger guessed, for the article
            guessed.type, guessed.country = "Place", guessed.country or country
        return [self.seen(self.derive(slug(text), text, "Place", source="derived", country=country))]

    def part_of(self, token: Token) -> Actor | None:
        """'The armed wing of Hamas attacked ...', 'a branch of al-Qaeda claimed ...': an unnamed part of an
        organisation, as an argument, acts for it (as 'Hamas fighters' do). As a predicate ('X is a wing of Y',
        'X, the armed wing of Y', 'joined as a member of Y') the noun states the membership instead."""
        if not any(t.relation == "partOf" for t in self.lexicon.trigger("noun", token.lemma_.lower())):
            return None
        argument = token.dep_ in ("nsubj", "nsubjpass", "dobj") or (token.dep_ == "pobj" and token.head.lower_ != "as")
        owner, _ = self.owner(token) if argument else (None, None)
        if owner is None or owner.type not in (*ORGANISATIONS, "GovernmentBody"):
            return None
        return self.seen(owner)

    def is_quantity(self, token: Token) -> bool:
        """A head that counts or takes part of what its 'of' phrase names."""
        return token.pos_ == "NUM" or token.lemma_.lower() in QUANTITIES

    def _from_mention(self, mention: Mention, token: Token) -> Actor:
        actor = mention.actor
        text = token.doc[mention.start : mention.end].text
        if mention.kind == "capital" and not acts(token):  # the city, in its state
            return self.seen(self.derive(slug(text), text, "Place", source="derived", country=actor.id))
        if actor.generic:
            named = self.name_given(token)
            if named is not None:  # 'militant group al-Shabab', 'the group, al-Shabab,'
                return self._from_mention(self.mentions[named.i], named)
            return self._generic(actor, token, text)
        return self.seen(actor, text)

    def name_given(self, token: Token) -> Token | None:
        """The name an apposition or a naming participle gives a description ('the party's leader, Mahmoud Abbas',
        'militias known as the Popular Mobilization Forces', 'a group called Ansar Dine'); a generic word ('the
        militants') names nobody."""
        names = [c for c in token.children if c.dep_ == "appos"]
        for participle in (c for c in token.children if c.dep_ == "acl" and c.lemma_ in ("know", "call", "name")):
            names += [c for c in participle.children if c.dep_ == "oprd"]
            names += [p for c in participle.children if c.dep_ == "prep" and c.lower_ == "as"
                      for p in c.children if p.dep_ == "pobj"]  # fmt: skip
        return next((c for c in names if c.i in self.mentions and not self.mentions[c.i].actor.generic), None)

    def _generic(self, actor: Actor, token: Token, text: str) -> Actor:
        """'the militants' is the armed group named last; 'Palestinian militants' a group of its own."""
        members_of = [self.mentions[p.i] for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "from")
                      for p in c.children if p.dep_ == "pobj" and p.i in self.mentions]  # fmt: skip
        organisations = [m.actor for m in members_of if not m.actor.generic and m.actor.type in ORGANISATIONS]
        if organisations:  # 'fighters of al-Shabab', 'mercenaries from Wagner' are al-Shabab and Wagner
            return self.seen(organisations[0])
        unknown = [c for c in token.children if c.dep_ in ("compound", "amod") and c.pos_ == "PROPN"
                   and c.i not in self.mentions and c.i < token.i]  # fmt: skip
        if unknown:  # 'the ELN rebels': a name kg does not know qualifies them; they are no earlier group
            return self.seen(self.qualified(actor, " ".join(c.text for c in unknown)))
        for child in token.children:
            mention = self.mentions.get(child.i)
            modifies = child.dep_ in ("amod", "compound", "poss") and mention is not None
            if (
                modifies
                and mention.kind in ("name", "ner")
                and mention.actor.type not in ("State", "Place", "Population")
            ):
                return self.seen(mention.actor)  # 'Hezbollah fighters' are Hezbollah
            if modifies and mention.kind in ("demonym", "name"):
                return self.seen(self.qualified(actor, token.doc[mention.start : mention.end].text))
        possessors = (c for c in token.children if c.dep_ == "poss" and (c.lower_ in PRONOUNS or c.lower_ == "whose"))
        pronoun = next(possessors, None)
        owner = self._owner_word(pronoun) if pronoun is not None else None
        if owner is not None and owner.type in ORGANISATIONS:  # 'the Houthis said their fighters ...': the Houthis
            return self.seen(owner)
        determiners = {c.lower_ for c in token.children if c.dep_ == "det"}
        if determiners & {"the", "these", "those", "this", "that"}:  # 'the rebels': the last armed group, named or not
            found = self.referent(actor.type, actor.label.lower().split()[-1], token.i)
            if found is not None:
                return self.seen(found)
        # an unqualified generic ('rebels') is this article's: rebels elsewhere are other rebels
        scoped = self.derive(f"{slug(self.doc_id or 'text')}/{actor.id}", actor.label, actor.type, generic=True,
                             source="derived")  # fmt: skip
        return self.seen(scoped, text)

    def qualified(self, generic: Actor, qualifier: str) -> Actor:
        """'Palestinian militants', 'Syrian rebels': a generic actor made specific by a name or demonym."""
        label = f"{qualifier} {generic.label}"
        return self.derive(slug(label), label, generic.type, source="derived")

    def _is_role(self, token: Token) -> bool:
        modifiers = [t for t in token.lefts if t.dep_ in ("amod", "compound") and t.i not in self.mentions]
        phrase = " ".join(t.lower_ for t in modifiers)
        lemma = token.lemma_.lower()
        if self.lexicon.trigger("role", f"{phrase} {lemma}".strip()):
            return True
        return bool(self.lexicon.trigger("role", lemma)) and not self._unknown_name(token)

    def led_group(self, token: Token) -> Actor | None:
        """'the Saudi-led coalition': a coalition or alliance of its own, which its leader leads (the hyphen rule says
        so), rather than the last organisation named; the gazetteer's 'US-led coalition' is matched as a name."""
        if self.lexicon.cue_value("coref", token.lemma_.lower()) != "InternationalOrganization":
            return None
        # ('Saudi-led coalition warplanes': the parser hangs 'led' on the noun the coalition modifies)
        shared = [c for c in token.head.children if c.i < token.i] if token.dep_ == "compound" else []
        for child in [*token.children, *shared]:
            if child.dep_ == "amod" and child.lower_ == "led" and child.i >= 2 and token.doc[child.i - 1].text == "-":
                leader = self.mention_at(token.doc[child.i - 2])
                if leader is not None:
                    name = token.doc[leader.start : child.i + 1].text
                    label = f"{name} {token.lemma_.lower()}"
                    group = self.derive(slug(label), label, "InternationalOrganization", leader=leader.actor.id,
                                        source="derived")  # fmt: skip
                    return self.seen(group)
        return None

    def _unknown_name(self, token: Token) -> bool:
        """'the Galaxy Leader' (a ship), 'Radio Liberty Director': a capitalised title or agent noun after a proper
        name kg does not know is part of that name, not a description of an actor named before."""
        compounds = [t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
        if token.pos_ != "PROPN" or not compounds or any(t.i in self.mentions for t in compounds):
            return False  # 'the Hezbollah Deputy Leader': a known name before the title owns it
        if self.lexicon.trigger("role", " ".join([*(t.lower_ for t in compounds), token.lemma_.lower()])):
            return False  # 'The Secretary-General': a title, the person named with it before
        agent = self.agent_of(token)  # 'the Supreme Leader', 'the Border Police': a known phrase of its own
        return agent is None or " " not in agent.noun

    def _phrase(self, token: Token) -> str:
        """The surface form of a noun phrase: its modifiers up to the head, without determiners."""
        left = min(
            (t.i for t in token.subtree if t.i <= token.i and t.dep_ in OWNER_DEPS | {"case", "poss"}), default=token.i
        )
        return token.doc[left : token.i + 1].text

    def ally_noun(self, token: Token) -> bool:
        """A relational noun of cooperation ('ally', 'partner'; not 'counterpart' or 'rival'): its noun rows in
        ontology/lexicon/relations.tsv say cooperatesWith."""
        cooperative = any(t.relation == "cooperatesWith" for t in self.lexicon.trigger("noun", token.lemma_.lower()))
        return cooperative and self.lexicon.token_cue("relational", token)

    def demonym_allies(self, token: Token) -> list[Actor]:
        """'the government and its Russian ally', "Syria's Iranian allies": a possessed ally or partner is the state
        its demonym names ('US allies', without a possessor, are the allies of the US: nobody named; 'his Chinese
        counterpart, Wang Yi,' is the person named)."""
        if not self.ally_noun(token) or not any(c.dep_ == "poss" for c in token.children):
            return []
        # only a bare demonym says who: 'its Lebanese ally Hezbollah', "Turkey's Syrian rebel allies", "Assad's
        # Lebanese allies in Hezbollah" are a group, not the state
        after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        named_in = [p for c in token.children if c.dep_ == "prep" for p in c.children if p.i in self.mentions]
        if (
            named_in
            or any(c.dep_ in ("compound", "appos", "nmod") for c in token.children)
            or (after is not None and (after.pos_ == "PROPN" or after.i in self.mentions))
        ):
            return []
        modifiers = [c for c in token.children if c.dep_ == "amod"]
        if sum(c.i in self.mentions for c in modifiers) != 1 or any(
            c.i not in self.mentions and not c.is_lower for c in modifiers
        ):
            return []  # ("Tehran's Iraqi Shiite allies"; but "Syria's closest Russian ally" is Russia)
        demonyms = [self.mentions.get(c.i) for c in token.children if c.dep_ in ("amod", "compound")]
        states = [m.actor for m in demonyms if m is not None and m.kind == "demonym" and m.actor.type == "State"]
        return [self.seen(a) for a in states]

    def coordinated_groups(self, token: Token, found: list[Actor]) -> list[Actor]:
        """'Hamas and Islamic Jihad militants': named groups coordinated before a group noun are the groups
        themselves, as 'Hamas militants' is Hamas (the parser makes the first a modifier, the rest its conjuncts)."""
        if len(found) != 1 or not found[0].generic or found[0].type != "ArmedGroup":
            return []
        modifiers = [c for c in token.children if c.dep_ in ("nmod", "compound") and c.i < token.i]
        named = [m.actor for c in modifiers for t in (c, *c.conjuncts) if (m := self.mentions.get(t.i)) is not None]
        groups = [a for a in named if a.type in ("ArmedGroup", "PoliticalOrganization") and not a.generic]
        return [self.seen(a) for a in groups] if len(groups) >= 2 and len(groups) == len(named) else []

    def coordinated_owners(self, token: Token, found: list[Actor]) -> list[Actor]:
        """'Russian and Syrian forces', 'Japanese, British and Canadian warships': demonyms coordinated before one
        described head each own the same kind of body; the description resolved to the first one's."""
        bodies = [a for a in found if a.type == "GovernmentBody" and a.role and a.parent]
        if len(bodies) != 1:
            return []
        modifiers = [c for c in token.children if c.dep_ in ("amod", "compound") and c.i < token.i]
        modifiers += [c for m in modifiers for c in m.conjuncts if c not in modifiers and c.i < token.i]
        states = [m.actor for c in modifiers if (m := self.mentions.get(c.i)) is not None and m.kind == "demonym"]
        if bodies[0].parent not in {s.id for s in states}:
            return []
        return [self.seen(self.state_body(s, bodies[0].role)) for s in states if s.type == "State"]

    def expand(self, token: Token, object_position: bool = False) -> list[Actor]:
        """The actors of a noun phrase and its conjuncts ('his country and Saudi Arabia')."""
        members = [p for c in token.children if c.dep_ == "prep" and c.lower_ in LIST_PREPS
                   for p in c.children if p.dep_ == "pobj"]  # fmt: skip
        listed: list[Actor] = []
        for member in members:
            actors = [a for a in self.expand(member, object_position) if not a.generic]
            guessed = (mention := self.mentions.get(member.i)) is not None and mention.kind == "ner"
            if guessed and not any(a.type in ("Place", "State") for a in actors):
                actors = self.unknown_place(token, member) or actors  # 'towns, including Maarat al-Numan'
            listed += actors
        found = listed or list(self.denote(token, object_position))  # the listed ones are the specific actors
        if not found and token.ent_type_ in ("DATE", "TIME") and token.i not in self.mentions:
            named = [c for c in token.children if c.dep_ == "compound" and c.i in self.mentions]
            if named:  # 'met with Syrian President Bashar Assad Tuesday': the parser made the day the head
                token = named[-1]
                found = list(self.denote(token, object_position))
        mention = self.mentions.get(token.i)
        words = list(self.sentence_doc[mention.start : mention.end]) if mention is not None else [token]
        if mention is not None and mention.actor.type == "State":  # 'Mali, Burkina Faso and Niger' parsed as an
            words += [c for c in token.children if c.dep_ == "appos" and (m := self.mentions.get(c.i)) is not None
                      and m.actor.type == "State" and m.actor != mention.actor]  # apposition: a list  # fmt: skip
            for appos in words[len(self.sentence_doc[mention.start : mention.end]) :]:
                found += [a for a in self.denote(appos, object_position) if a not in found]
        if mention is not None and mention.actor.role and mention.actor.parent:
            # 'Russian and Ukrainian forces': a demonym coordinated before a state body's name owns the same body
            first = self.sentence_doc[mention.start]
            for conj in (c for c in first.conjuncts if c.i < mention.start):
                named = self.mentions.get(conj.i)
                if named is not None and named.kind == "demonym" and named.actor.type == "State":
                    body = self.seen(self.state_body(named.actor, mention.actor.role))
                    found += [body] if body not in found else []
        found += [b for b in self.coordinated_owners(token, found) if b not in found]
        found = self.coordinated_groups(token, found) or found
        for nmod in (c for word in words for c in word.children if c.dep_ == "nmod" and c.i < word.i):
            # 'President Trump and President Duque', parsed as one name modifying the other: two persons
            person = self.mentions.get(nmod.i)
            coordinated = any(c.dep_ == "cc" for c in nmod.children)
            if coordinated and person is not None and person.actor.type == "Person" and mention is not None:
                found += [a for a in self.denote(nmod, object_position) if a not in found]
        for conj in (c for word in words for c in word.conjuncts):  # 'Barack Obama and Vladimir Putin'
            person = self.mentions.get(conj.i + 1)
            if conj.i not in self.mentions and person is not None and person.actor.type == "Person":
                # ('Kerry and Saudi Foreign Minister Adel al-Jubeir': the parser may make the title the conjunct)
                conj = self.sentence_doc[person.end - 1]
            if conj.i > token.i:
                for actor in self.denote(conj, object_position):
                    if actor not in found:
                        found.append(actor)
        return found
