"""Stage 3: actor mentions in sentences, resolved to canonical actors.

A mention is found by the gazetteer (names, demonyms, capitals; acronyms case-sensitively) or by
spaCy's named entities. Noun phrases that are not names are resolved by grammar and article
context: "Syria's army" and "Syrian troops" are the armed forces of Syria, "its YPG militia"
names the YPG, "the group" is the armed group named last, "his country" is the state of the person
named last, "an official of Hamas" speaks for Hamas. Nothing resolves across articles except
through the gazetteer: :class:`ArticleActors` holds one article's context.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from kg.descriptions import FIRST_PERSON, Descriptions, slug
from kg.gazetteer import Actor, Gazetteer, is_acronym, normalize
from kg.lexicon import Lexicon
from kg.sentences import load_pipeline, only_adverb

NER_TYPES = {
    "PERSON": "Person",
    "GPE": "Place",
    "LOC": "Place",
    "FAC": "Place",
    "ORG": None,  # guessed from the words of the name
    "NORP": "Population",
}
ORG_HEADS = (
    (
        "ArmedGroup",
        ("army", "forces", "militia", "brigade", "brigades", "front", "battalion", "guard", "units", "jihad"),
    ),
    ("GovernmentBody", ("ministry", "government", "parliament", "police", "department", "court", "agency", "council")),
    (
        "InternationalOrganization",
        ("nations", "union", "organization", "organisation", "alliance", "coalition", "league"),
    ),
    ("PoliticalOrganization", ("party", "movement", "congress", "front")),
)
TITLES = {"mr", "mrs", "ms", "dr", "president", "prime", "minister", "general", "gen", "sheikh", "king", "queen"}
PRONOUNS = {
    "he": "Person", "him": "Person", "his": "Person", "she": "Person", "her": "Person",
    "it": "group", "its": "group", "they": "group", "them": "group", "their": "group",
}  # fmt: skip
#: Heads that stand for the name before them: 'the APEC forum' is APEC, 'the Greek side' is Greece
NAMED_HEADS = {
    "forum", "movement", "group", "organization", "organisation", "party", "side", "sides", "camp", "faction",
    "bloc", "network", "regime", "administration", "leadership", "delegation",
}  # fmt: skip
#: Heads that count or take part of their 'of' phrase: the phrase names the actor
QUANTITIES = {
    "thousand", "thousands", "hundreds", "dozens", "scores", "millions", "some", "most", "many", "part", "third",
    "half", "group", "member", "members", "delegation", "contingent", "batch", "patch", "unit",
}  # fmt: skip
#: 'members, including X and Y', 'countries such as X': the listed actors belong to the phrase
LIST_PREPS = {"including", "like", "among"}
OWNER_DEPS = {"poss", "amod", "compound", "nmod", "npadvmod"}


@dataclass
class Mention:
    """A span of a sentence that names an actor, and how it names it."""

    start: int
    end: int
    actor: Actor
    kind: str  # name, demonym, capital, ner


@dataclass
class ArticleActors(Descriptions):
    """Actor resolution within one article: gazetteer, derived actors and what was said before."""

    gazetteer: Gazetteer
    lexicon: Lexicon
    matchers: tuple[PhraseMatcher, PhraseMatcher]
    doc_id: str = ""
    #: the document's issuer ('we' in an official statement), when known
    author: Actor | None = None
    actors: dict[str, Actor] = field(default_factory=dict)
    surface: dict[str, set[str]] = field(default_factory=dict)
    history: list[Actor] = field(default_factory=list)
    pending: list[Actor] = field(default_factory=list)
    local_aliases: dict[str, str] = field(default_factory=dict)
    mentions: dict[int, Mention] = field(default_factory=dict)
    sentence_doc: Doc | None = None
    state_counts: dict[str, int] = field(default_factory=dict)

    # ------------------------------------------------------------------ mentions
    def read(self, span: Span) -> None:
        """Find the name mentions of a sentence; call once per sentence, in order."""
        self.mentions = {}
        self.sentence_doc = span.doc
        found: list[Mention] = []
        by_case, by_lower = self.matchers
        for matcher in (by_case, by_lower):
            for _, start, end in matcher(span):  # offsets are the document's, not the span's
                text = span.doc[start:end].text
                hits = self.gazetteer.lookup(text) if matcher is by_lower else self._acronym(text)
                if not hits:
                    continue
                actor, kind = hits[0]
                if end - start == 1 and span.doc[start].is_lower and not actor.generic:
                    continue  # 'polish', 'chad', 'turkey' as common words are no names
                found.append(Mention(start, end, actor, kind))
        for ent in span.ents:
            if "\n" in ent.text:
                continue
            found.extend(self._from_entity(ent))
        found.extend(self._place_names(span, found))
        found = self._person_variants(span, found)
        for token in span:
            if token.text in self.local_aliases:
                found.append(Mention(token.i, token.i + 1, self.actors[self.local_aliases[token.text]], "name"))
        taken: set[int] = set()
        for mention in sorted(found, key=lambda m: (-(m.end - m.start), m.kind == "ner", m.start)):
            positions = set(range(mention.start, mention.end))
            if positions & taken:
                continue
            taken |= positions
            for i in positions:
                self.mentions[i] = mention
        self._learn_acronyms(span)
        self._drop_generic_modifiers()
        for mention in {m.start: m for m in self.mentions.values()}.values():
            actor = mention.actor
            state = actor if actor.type == "State" else self.get(actor.parent) or self.get(actor.country)
            if state is not None and state.type == "State":
                self.state_counts[state.id] = self.state_counts.get(state.id, 0) + 1

    def _person_variants(self, span: Span, found: list[Mention]) -> list[Mention]:
        """'Abiy Ahmed' ... 'Abiy', 'Mr Ahmed': part of the name of a person named before is that person."""
        names: dict[str, Actor] = {}
        for actor in reversed(self.history):  # the person named last wins a shared surname
            if actor.type == "Person":
                for word in actor.label.split():
                    if len(word) > 2 and word[0].isupper() and word.lower() not in TITLES:
                        names.setdefault(word, actor)
        if not names:
            return found
        result = []
        for mention in found:
            words = [t.text for t in span.doc[mention.start : mention.end]]
            known = {names[w].id if w in names else None for w in words}
            if mention.kind == "ner" and len(known) == 1 and None not in known:
                mention = Mention(mention.start, mention.end, names[words[0]], "name")
            result.append(mention)
        covered = {i for m in result for i in range(m.start, m.end)}
        for token in span:
            if token.i not in covered and token.pos_ == "PROPN" and token.text in names:
                result.append(Mention(token.i, token.i + 1, names[token.text], "name"))
        return result

    def _drop_generic_modifiers(self) -> None:
        """'Islamist militant group al-Shabab': a generic word that only describes a name is no actor."""
        for i, mention in list(self.mentions.items()):
            if not mention.actor.generic or i not in self.mentions:
                continue
            head = self.sentence_doc[mention.end - 1].head
            named = self.mentions.get(head.i)
            if named is not None and not named.actor.generic and named is not mention:
                for j in range(mention.start, mention.end):
                    self.mentions.pop(j, None)

    def _place_names(self, span: Span, found: list[Mention]) -> list[Mention]:
        """'Aleppo province', 'Incirlik air base': a proper name before a place noun names a place."""
        actor_at = {i: m for m in found if m.actor.type != "Place" for i in range(m.start, m.end)}
        places = []
        for token in span:
            if token.pos_ not in ("NOUN", "PROPN") or not self.lexicon.token_cue("placenoun", token):
                continue
            left = [t for t in token.lefts if t.dep_ in ("compound", "amod")]
            if not left or left[-1].i != token.i - 1 or any(t.i in actor_at for t in left):
                continue
            if any(t.pos_ == "PROPN" for t in left):
                name = span.doc[left[0].i : token.i + 1].text
                actor = self.derive(slug(name), name, "Place", source="derived")
                places.append(Mention(left[0].i, token.i + 1, actor, "ner"))
        return places

    def _acronym(self, text: str) -> list[tuple[Actor, str]]:
        return [(self.gazetteer[i], kind) for i, kind in self.gazetteer.acronyms.get(text, [])]

    def _from_entity(self, ent: Span) -> list[Mention]:
        """A mention for a named entity the gazetteer does not know (a new actor of a guessed type)."""
        tokens = [t for t in ent if not (t.i == ent.start and t.lower_ == "the") and t.tag_ != "POS"]
        if ent.label_ == "PERSON":
            while tokens and tokens[0].lower_.rstrip(".") in TITLES:
                tokens = tokens[1:]  # 'Mr', 'President'
        if len(tokens) > 1 and tokens[0].is_sent_start and only_adverb(tokens[0].text, load_pipeline()):
            tokens = tokens[1:]  # an adverb the tagger glued onto a name: 'Later Abiy attacked ...'
        if not tokens or ent.label_ not in NER_TYPES:
            return []
        name = ent.doc[tokens[0].i : tokens[-1].i + 1].text
        hits = self.gazetteer.lookup(name)
        if hits:
            return [Mention(tokens[0].i, tokens[-1].i + 1, hits[0][0], hits[0][1])]
        actor_type = NER_TYPES[ent.label_] or guess_org_type(name)
        if ent.label_ == "NORP":
            if len(tokens) > 1 or tokens[0].dep_ in ("amod", "compound", "npadvmod") or tokens[0].pos_ == "ADJ":
                return []  # an adjective ('Kurdish') names nobody by itself
            if tokens[0].tag_ == "NNP" and tokens[0].dep_ == "pobj":
                actor_type = "Place"  # 'areas of Aleppo': the tagger's NORP is a place name
        actor = self.derive(slug(name), name, actor_type, source="ner")
        return [Mention(tokens[0].i, tokens[-1].i + 1, actor, "ner")]

    def _learn_acronyms(self, span: Span) -> None:
        """'the Democratic Union Party (PYD)': the acronym names the same actor for the rest of the article."""
        doc = span.doc
        for token in span[2:]:
            if not token.is_upper or token.i + 1 >= len(doc):  # cheap test first: most words are no acronym
                continue
            if doc[token.i - 1].text != "(" or doc[token.i + 1].text != ")":
                continue
            if not is_acronym(token.text) or (token.i in self.mentions and self.mentions[token.i].kind != "ner"):
                continue
            before = self.mentions.get(token.i - 2)
            if before is not None:
                self.local_aliases[token.text] = before.actor.id
                self.actors.setdefault(before.actor.id, before.actor)
                self.mentions[token.i] = Mention(token.i, token.i + 1, before.actor, "name")

    # ------------------------------------------------------------------ derived actors
    def derive(self, actor_id: str, label: str, actor_type: str, **extra) -> Actor:
        """An actor that is not in the gazetteer, kept for the rest of the article."""
        if actor_id in self.gazetteer.by_id:
            return self.gazetteer[actor_id]
        if actor_id not in self.actors:
            self.actors[actor_id] = Actor(id=actor_id, label=label, type=actor_type, **extra)
        return self.actors[actor_id]

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
            if not m.actor.generic and (m.kind != "capital" or _acts(self.sentence_doc[m.end - 1]))
        ]
        self.history.extend([*named, *(a for a in self.pending if a not in named)])
        self.pending = []

    def recent(self, wanted: str, position: int) -> Actor | None:
        """The actor named last before ``position`` whose type fits ('group': any collective actor).

        Names earlier in the same sentence come first, then earlier sentences, latest first.
        """
        return next(self.recent_all(wanted, position), None)

    def recent_all(self, wanted: str, position: int) -> Iterator[Actor]:
        """Every actor of a type named before ``position``, latest first (see :meth:`recent`)."""
        own = {t.i for t in self.sentence_doc[position].subtree} if self.sentence_doc is not None else set()
        earlier = sorted(
            {m.start: m for i, m in self.mentions.items() if m.end <= position and i not in own}.values(),
            key=lambda m: m.start,
        )
        in_sentence = [m.actor for m in earlier if m.kind != "capital" or _acts(self.sentence_doc[m.end - 1])]
        for actor in [*reversed(in_sentence), *reversed(self.history)]:
            if actor.generic:
                continue
            if (wanted == "group" and actor.type not in ("Person", "Place")) or actor.type == wanted:
                yield actor

    def salient_state(self, sentence: Span) -> Actor | None:
        """The state an unowned 'government' belongs to: named in the sentence, else most named so far."""
        for token in sentence:
            mention = self.mentions.get(token.i)
            if mention and mention.actor.type == "State" and mention.kind in ("name", "demonym", "ner"):
                return mention.actor
        counts = self.state_counts
        return self.get(max(counts, key=counts.__getitem__)) if counts else None

    def mention_at(self, token: Token) -> Mention | None:
        return self.mentions.get(token.i)

    def owner(self, token: Token) -> tuple[Actor | None, Token | None]:
        """The actor a noun belongs to: 'Syria's army', 'Syrian troops', 'troops from Burundi', 'its forces'."""
        modifiers = [c for c in token.children if c.dep_ in ("amod", "compound") and c.i in self.mentions]
        generic = next((c for c in modifiers if self.mentions[c.i].actor.generic), None)
        if generic is not None:  # 'Palestinian militant targets': the targets of Palestinian militants
            qualifier = next((c for c in modifiers if c.i != generic.i), None)
            actor = self.mentions[generic.i].actor
            return (self.qualified(actor, qualifier.text) if qualifier is not None else actor), generic
        for child in token.children:
            if child.dep_ in OWNER_DEPS:
                found = self._owner_word(child)
                if found:
                    return found, child
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "from"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        found = self.denote(pobj)
                        if found:
                            return found[0], pobj
        return None, None

    def _owner_word(self, word: Token) -> Actor | None:
        mention = self.mentions.get(word.i)
        if mention:
            return mention.actor
        if word.lower_ in PRONOUNS and word.dep_ == "poss":
            return self.recent(PRONOUNS[word.lower_], word.i)
        if word.lemma_.lower() in ("government", "regime", "state"):
            return self.salient_state(word.sent)
        return None

    def denote(self, token: Token, object_position: bool = False) -> list[Actor]:
        """The actors a noun-phrase head refers to (without its conjuncts)."""
        mention = self.mentions.get(token.i)
        if mention is not None:
            return [self._from_mention(mention, token)]
        lower, lemma = token.lower_, token.lemma_.lower()
        if lower in FIRST_PERSON and token.pos_ == "PRON":
            return self.first_person(token)
        if lower in PRONOUNS and token.pos_ == "PRON":
            found = self.recent(PRONOUNS[lower], token.i)
            return [self.seen(found)] if found else []
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
        if self.lexicon.cue("military", lemma) or self.lexicon.cue("military", lower):
            owner, word = self.owner(token)
            if owner is not None and word is not None and word.dep_ == "pobj":
                return self.expand(word)  # 'troops from Burundi and Uganda': the contributing states
            if owner is not None:
                military = self.military_of(owner)
                named = word is not None and word.i in self.mentions
                return [self.seen(military, self._phrase(token) if named else None)]
            if any(c.lower_ in ("the", "these", "those") for c in token.children):
                found = self.recent("GovernmentBody", token.i) or self.recent("ArmedGroup", token.i)
                return [self.seen(found)] if found else []
        if lemma in NAMED_HEADS:  # 'the APEC forum', 'the Turkish and Greek sides': the named ones act
            named = [self.mentions[c.i] for c in token.children if c.dep_ in ("compound", "amod", "nmod")
                     and c.i in self.mentions and not self.mentions[c.i].actor.generic]  # fmt: skip
            if named:
                found = [self._from_mention(m, self.sentence_doc[m.start]) for m in named]
                for conj in (c for m in named for c in self.sentence_doc[m.end - 1].conjuncts):
                    mention = self.mentions.get(conj.i)
                    if mention is not None and mention.actor not in found:
                        found.append(self.seen(mention.actor))
                return found
        if self.lexicon.cue("coref", lemma):
            return self._description(token, lemma)
        agent = self.agent_of(token)
        if agent is not None and not (agent.person and token.tag_ in ("NN", "NNP") and self._is_role(token)):
            return self.described(token, agent)  # 'Kenyan officials', 'separatists', 'AU peacekeepers'
        if self._is_role(token):
            owner, _ = self.owner(token)
            return [self.seen(owner)] if owner else []
        if object_position and (self.lexicon.cue("target", lemma) or self.lexicon.cue("target", lower)):
            owner, _ = self.owner(token)
            return [self.seen(owner)] if owner else []
        if object_position and (self.lexicon.cue("partitive", lemma) or self.lexicon.cue("partitive", lower)):
            # 'areas of X', 'neighborhoods in X'; but 'a town in Syria' is not Syria
            preps = ("of", "in") if token.tag_ in ("NNS", "NNPS") else ("of",)
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in preps:
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            return self.denote(pobj, object_position=True)
        return []

    def is_quantity(self, token: Token) -> bool:
        """A head that counts or takes part of what its 'of' phrase names."""
        return token.pos_ == "NUM" or token.lemma_.lower() in QUANTITIES

    def _from_mention(self, mention: Mention, token: Token) -> Actor:
        actor = mention.actor
        text = token.doc[mention.start : mention.end].text
        if mention.kind == "capital" and not _acts(token):
            return self.seen(self.derive(slug(text), text, "Place", source="derived"))
        if actor.generic:
            named = next((c for c in token.children if c.dep_ == "appos" and c.i in self.mentions
                          and not self.mentions[c.i].actor.generic), None)  # fmt: skip
            if named is not None:  # 'militant group al-Shabab', 'the group, al-Shabab,'
                return self._from_mention(self.mentions[named.i], named)
            return self._generic(actor, token, text)
        return self.seen(actor, text)

    def _generic(self, actor: Actor, token: Token, text: str) -> Actor:
        """'the militants' is the armed group named last; 'Palestinian militants' a group of its own."""
        determiners = {c.lower_ for c in token.children if c.dep_ == "det"}
        if determiners & {"the", "these", "those", "this", "that"}:
            found = self.recent(actor.type, token.i)
            if found is not None:
                return self.seen(found)
        for child in token.children:
            mention = self.mentions.get(child.i)
            modifies = child.dep_ in ("amod", "compound", "poss") and mention is not None
            if modifies and mention.kind == "name" and mention.actor.type not in ("State", "Place", "Population"):
                return self.seen(mention.actor)  # 'Hezbollah fighters' are Hezbollah
            if modifies and mention.kind in ("demonym", "name"):
                return self.seen(self.qualified(actor, token.doc[mention.start : mention.end].text))
        # an unqualified generic ('rebels') is this article's: rebels elsewhere are other rebels
        scoped = self.derive(f"{slug(self.doc_id or 'text')}/{actor.id}", actor.label, actor.type, generic=True,
                             source="derived")  # fmt: skip
        return self.seen(scoped, text)

    def qualified(self, generic: Actor, qualifier: str) -> Actor:
        """'Palestinian militants', 'Syrian rebels': a generic actor made specific by a name or demonym."""
        label = f"{qualifier} {generic.label}"
        return self.derive(slug(label), label, generic.type, source="derived")

    def _description(self, token: Token, lemma: str) -> list[Actor]:
        """'the group', 'his country', 'the Syrian leader', 'government': an actor named before."""
        wanted = self.lexicon.cue_value("coref", lemma) or "group"
        children = list(token.children)
        possessor = next((c for c in children if c.dep_ == "poss"), None)
        if possessor is not None and possessor.lower_ in PRONOUNS:
            person = self.recent("Person", token.i) if PRONOUNS[possessor.lower_] == "Person" else None
            if wanted == "State" and person is not None:
                country = self.get(person.country) or self.get(person.leads)
                if country is not None:
                    return [self.seen(country)]
            speaker = self._speaker(token)
            if wanted == "State" and speaker is not None:
                return [self.seen(speaker)]
        if lemma in ("government", "regime") and not any(c.dep_ == "det" and c.lower_ == "a" for c in children):
            owner, _ = self.owner(token)
            state = owner if owner and owner.type == "State" else self.salient_state(token.sent)
            return [self.seen(self.state_body(state, "government"))] if state else []
        for child in children:
            mention = self.mentions.get(child.i)
            if child.dep_ in ("amod", "compound", "poss") and mention and wanted == "Person":
                return [self.seen(self._leader_of(mention.actor) or mention.actor)]
        if wanted == "State" and any(c.dep_ == "det" for c in children):
            person = next(
                (m.actor for i, m in sorted(self.mentions.items()) if i < token.i and m.actor.type == "Person"), None
            )
            state = self.get(person.country) if person else self.salient_state(token.sent)
            return [self.seen(state)] if state else []
        if any(c.dep_ in ("det", "poss") for c in children):
            found = self.recent(wanted, token.i)
            return [self.seen(found)] if found else []
        return []

    def _speaker(self, token: Token) -> Actor | None:
        """For 'his country' inside 'Turkey's foreign minister says ...': the state the speaker serves."""
        for ancestor in token.ancestors:
            for child in ancestor.children:
                if child.dep_ == "nsubj" and self._is_role(child):
                    owner, _ = self.owner(child)
                    if owner is not None:
                        return owner
        return None

    def _leader_of(self, actor: Actor) -> Actor | None:
        for candidate in reversed(self.history):
            if candidate.type == "Person" and candidate.leads == actor.id:
                return candidate
        for candidate in self.gazetteer.by_id.values():
            if candidate.type == "Person" and candidate.leads == actor.id:
                return candidate
        return None

    def _is_role(self, token: Token) -> bool:
        phrase = " ".join(t.lower_ for t in token.lefts if t.dep_ in ("amod", "compound") and t.i not in self.mentions)
        lemma = token.lemma_.lower()
        return bool(self.lexicon.trigger("role", lemma) or self.lexicon.trigger("role", f"{phrase} {lemma}".strip()))

    def _phrase(self, token: Token) -> str:
        """The surface form of a noun phrase: its modifiers up to the head, without determiners."""
        left = min(
            (t.i for t in token.subtree if t.i <= token.i and t.dep_ in OWNER_DEPS | {"case", "poss"}), default=token.i
        )
        return token.doc[left : token.i + 1].text

    def expand(self, token: Token, object_position: bool = False) -> list[Actor]:
        """The actors of a noun phrase and its conjuncts ('his country and Saudi Arabia')."""
        members = [p for c in token.children if c.dep_ == "prep" and c.lower_ in LIST_PREPS
                   for p in c.children if p.dep_ == "pobj"]  # fmt: skip
        listed = [a for member in members for a in self.expand(member, object_position)]
        found = listed or list(self.denote(token, object_position))  # the listed ones are the specific actors
        for conj in token.conjuncts:
            if conj.i > token.i:
                for actor in self.denote(conj, object_position):
                    if actor not in found:
                        found.append(actor)
        return found


def _acts(token: Token) -> bool:
    """A capital acts ('Moscow denied') as subject, agent or possessor; elsewhere it is a place."""
    head = token
    while head.dep_ == "compound":
        head = head.head
    if head.dep_ in ("nsubj", "nsubjpass", "poss"):
        return True
    return head.dep_ == "pobj" and head.head.lower_ == "by"


def guess_org_type(name: str) -> str:
    """The type of an organisation the gazetteer does not know, from the words of its name."""
    words = set(normalize(name).split())
    for actor_type, heads in ORG_HEADS:
        if words & set(heads):
            return actor_type
    return "PoliticalOrganization"
