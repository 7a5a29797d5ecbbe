"""Stage 3a: name mentions in a sentence: gazetteer names, demonyms and capitals, named entities,
place names ("Aleppo province"), person name variants and acronyms learnt in the article.

Mixed into :class:`kg.actors.ArticleActors`, which resolves what is not a name (descriptions, pronouns).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from kg.agents import default_agents
from kg.descriptions import STATE_ROLES, slug
from kg.gazetteer import Actor, is_acronym, normalize
from kg.sentences import common_noun, load_pipeline, only_adverb

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
TITLES = {"mr", "mrs", "ms", "dr", "president", "prime", "minister", "general", "gen", "sheikh", "king", "queen",
          "crown", "prince", "emir"}  # fmt: skip


@dataclass
class Mention:
    """A span of a sentence that names an actor, and how it names it."""

    start: int
    end: int
    actor: Actor
    kind: str  # name, demonym, capital, ner


class MentionFinder:
    """Finds the name mentions of each sentence (see the module docstring)."""

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
        for ent in self._entities(span):
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

    def _entities(self, span: Span) -> list[Span]:
        """The named entities of a sentence. ``span.ents`` walks all of the document's entities for every sentence
        (quadratic in a long article); they are read once per document instead."""
        doc = span.doc
        cached = getattr(self, "_doc_entities", None)
        if cached is None or cached[0] is not doc:
            cached = self._doc_entities = (doc, whole_person_names(list(doc.ents)))
        return [e for e in cached[1] if e.start >= span.start and e.end <= span.end]

    def _person_variants(self, span: Span, found: list[Mention]) -> list[Mention]:
        """'Abiy Ahmed' ... 'Abiy', 'Mr Ahmed': part of the name of a person named before is that person."""
        names = self._person_names()
        if not names:
            return found
        result = []
        for mention in found:
            words = [t.text for t in span.doc[mention.start : mention.end]]
            known = {names[w].id if w in names else None for w in words}
            # a person named before wins over a place of the same one word ('Lloyd Austin ... Austin urged')
            place = mention.actor.type == "Place" and len(words) == 1
            if (mention.kind == "ner" or place) and len(known) == 1 and None not in known:
                mention = Mention(mention.start, mention.end, names[words[0]], "name")
            result.append(mention)
        covered = {i for m in result for i in range(m.start, m.end)}
        for token in span:
            if token.i not in covered and token.pos_ == "PROPN" and token.text in names:
                result.append(Mention(token.i, token.i + 1, names[token.text], "name"))
        return result

    def _person_names(self) -> dict[str, Actor]:
        """Each part of the name of a person named so far, to the person named last with it (a shared surname
        is the latest person's). Kept up to date with the article's history as it grows, rather than remade from
        all of it for every sentence (quadratic in a long article)."""
        names, seen = getattr(self, "_names_seen", ({}, 0))
        for actor in self.history[seen:]:
            if actor.type == "Person":
                for word in actor.label.split():
                    # ('Abdel Fattah al-Burhan' ... 'Burhan')
                    for form in (word, word.split("-", 1)[1] if word[:3].lower() in ("al-", "el-") else ""):
                        if len(form) > 2 and form[0].isupper() and form.lower() not in TITLES:
                            names[form] = actor
        self._names_seen = (names, len(self.history))
        return names

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
        # (a person the tagger guessed is no person before a place noun: 'the Douma suburb')
        blocking = [m for m in found if m.actor.type != "Place" and not (m.kind == "ner" and m.actor.type == "Person")]
        actor_at = {i: m for m in blocking for i in range(m.start, m.end)}
        places = []
        for token in span:
            if token.pos_ not in ("NOUN", "PROPN") or not self.lexicon.token_cue("placenoun", token):
                continue
            left = [t for t in token.lefts if t.dep_ in ("compound", "amod", "nmod")]
            if not left or left[-1].i != token.i - 1 or any(t.i in actor_at for t in left):
                continue
            # the name is the capitalised words before the noun and its lower-case compounds ('Shayrat air base';
            # 'the rebel-held Douma suburb' is Douma's)
            start, named = token.i, False
            while start > span.start and span.doc[start - 1].i >= left[0].i:
                word = span.doc[start - 1]
                # ('the K1 military base': a lower-case modifier inside the name, before its proper word)
                if not (word.is_title or word.pos_ == "PROPN") and (named or word.dep_ not in ("compound", "amod")):
                    break
                named = named or word.is_title or word.pos_ == "PROPN"
                start -= 1
            if named and any((t.pos_ == "PROPN" or t.is_title) and t.i >= start for t in left):
                name = span.doc[start : token.i + 1].text
                actor = self.derive(slug(name), name, "Place", source="derived")
                places.append(Mention(start, token.i + 1, actor, "ner"))
        return places

    def _acronym(self, text: str) -> list[tuple[Actor, str]]:
        return [(self.gazetteer[i], kind) for i, kind in self.gazetteer.acronyms.get(text, [])]

    def _from_entity(self, ent: Span) -> list[Mention]:
        """A mention for a named entity the gazetteer does not know (a new actor of a guessed type)."""
        tokens = [t for t in ent if not (t.i == ent.start and t.lower_ == "the") and t.tag_ != "POS"]
        bracket = next((k for k, t in enumerate(tokens) if t.text == "("), None)
        if bracket:  # 'the Intergovernmental Authority on Development (IGAD': the name ends at its bracket
            tokens = tokens[:bracket]
        if ent.label_ == "PERSON":
            # ('Hunter Biden', 'Mullah Omar': a one-word rest is a surname, the first word the name's own)
            while tokens and (
                tokens[0].lower_.rstrip(".") in TITLES or (self._person_noun(tokens[0]) and len(tokens) > 2)
            ):
                tokens = tokens[1:]  # 'Mr', 'President', 'Counsellor' (a person's agent noun)
        if len(tokens) > 1 and tokens[0].is_sent_start and only_adverb(tokens[0].text, load_pipeline()):
            tokens = tokens[1:]  # an adverb the tagger glued onto a name: 'Later Abiy attacked ...'
        if all(t.is_lower for t in tokens):
            return []  # 'defense ministry': the tagger's guess on common words; names are capitalised
        if not tokens or ent.label_ not in NER_TYPES or any(t.text == "," for t in tokens):
            return []  # ('Mali, Burkina Faso' is a list the tagger glued into one entity, whose names match alone)
        doc = ent.doc
        if len(tokens) > 1 and tokens[-1].lower_ == "of":  # 'the Ministry of Foreign Affairs of' + 'Turkey'
            for end in range(tokens[-1].i + 2, min(tokens[-1].i + 5, len(doc)) + 1):
                if any(a.type == "State" for a, _ in self.gazetteer.lookup(doc[tokens[-1].i + 1 : end].text)):
                    tokens = [*tokens, *doc[tokens[-1].i + 1 : end]]
                    break
        name = doc[tokens[0].i : tokens[-1].i + 1].text
        common = len(tokens) == 1 and (self.lexicon.cue("military", name) or tokens[0].lower_ == "police")
        if common and ent.label_ == "ORG" and not self.gazetteer.lookup(name):
            return []  # 'Army chief X', 'Police said': a capitalised common noun, a description and no name
        if len(tokens) == 1 and self._title_complement(tokens[0]):
            return []  # 'Secretary of State', 'Minister of Defence': the title's words, no organisation of their own
        hits = self.gazetteer.lookup(name)
        if hits:
            return [Mention(tokens[0].i, tokens[-1].i + 1, hits[0][0], hits[0][1])]
        if len(tokens) == 1 and tokens[0].is_sent_start and common_noun(tokens[0].text, load_pipeline()):
            return []  # 'Missiles struck Kyiv': a common noun capitalised at the sentence start, no name
        half = self._half_named(name) if len(tokens) == 1 else None
        if half is not None:  # 'The North accepted the offer', 'the South's delegation': of the two Koreas named
            return [Mention(tokens[0].i, tokens[-1].i + 1, half, "name")]
        head = tokens[-1]
        described = default_agents().get(head.lower_) or default_agents().get(head.lemma_.lower())
        if len(tokens) > 1 and described and any(k == "demonym" for _, k in self.gazetteer.lookup(tokens[0].text)):
            return []  # 'Turkish F-16s', 'Iraqi Security Forces': a demonym and an agent noun describe, not name
        body = self._state_body_name(name)
        if body is not None:  # 'the Government of Colombia' is Colombia's government, as 'Colombian government' is
            return [Mention(tokens[0].i, tokens[-1].i + 1, body, "ner")]
        if tokens[-1].lower_ == "of":
            return []  # a name cut off at its preposition is no name
        actor_type = NER_TYPES[ent.label_] or guess_org_type(name)
        if actor_type != "Person" and self._titled(tokens):
            actor_type = "Person"  # 'Foreign Ministry spokesman Oleg Nikolenko', a name the tagger took for a group
        if actor_type == "Person" and (self._followed_by_state(tokens[-1]) or self._located_in(tokens[-1])):
            actor_type = "Place"  # 'Da Nang, Vietnam, November 11' (a dateline's city and country), 'in Kremenchuk'
        if ent.label_ == "NORP":
            if len(tokens) > 1 or tokens[0].dep_ in ("amod", "compound", "npadvmod") or tokens[0].pos_ == "ADJ":
                return []  # an adjective ('Kurdish') names nobody by itself
            if tokens[0].tag_ == "NNP" and tokens[0].dep_ == "pobj":
                actor_type = "Place"  # 'areas of Aleppo': the tagger's NORP is a place name
        actor = self.derive(slug(name), name, actor_type, source="ner")
        return [Mention(tokens[0].i, tokens[-1].i + 1, actor, "ner")]

    def _titled(self, tokens: list[Token]) -> bool:
        """Whether a name of two or three capitalised words comes right after a title ('spokesman', 'minister'): a
        person's, whatever the tagger said."""
        first = tokens[0]
        if not 2 <= len(tokens) <= 3 or first.i == 0 or not all(t.is_title for t in tokens):
            return False
        before = first.doc[first.i - 1]
        return before.is_lower and bool(self.lexicon.trigger("role", before.lower_))

    def _located_in(self, token: Token) -> bool:
        """'attacked a shopping mall in Kremenchuk', 'fighting near Bakhmut': a name the tagger took for a person (and
        the gazetteer does not know), as the object of a preposition of place on a verb or a thing, is a place ('a
        meeting in Putin's office' is not: a possessive; nor 'hopes in X': cue kind abstract)."""
        prep = token.head
        if token.dep_ != "pobj" or prep.lower_ not in ("in", "near", "outside", "into"):
            return False
        if any(c.dep_ == "case" for c in token.children):
            return False
        thing = prep.head.pos_ == "NOUN" and not self.lexicon.cue("abstract", prep.head.lemma_.lower())
        return prep.lower_ != "in" or prep.head.pos_ in ("VERB", "AUX") or thing

    def _followed_by_state(self, token: Token) -> bool:
        """Whether a name is followed by a comma and a state's name ('Da Nang, Vietnam')."""
        doc = token.doc
        if token.i + 2 >= len(doc) or doc[token.i + 1].text != ",":
            return False
        for end in range(token.i + 3, min(token.i + 6, len(doc)) + 1):
            after = doc[end].text if end < len(doc) else ""
            state = any(
                a.type == "State" and k == "name" for a, k in self.gazetteer.lookup(doc[token.i + 2 : end].text)
            )
            if state and after in ("", ",", ".", "\n"):  # (not 'X, Kenya's president,': a person and a title)
                return True
        return False

    def _half_named(self, word: str) -> Actor | None:
        """The one state the article has named whose name is this compass word and another ('the North' after
        North Korea and South Korea), if there is exactly one."""
        if word.lower() not in ("north", "south", "east", "west"):
            return None
        found = [a for i in self.state_counts if (a := self.gazetteer.get(i)) and a.label.startswith(f"{word} ")]
        return found[0] if len(found) == 1 else None

    @staticmethod
    def _person_noun(token: Token) -> bool:
        """A capitalised agent noun for one person ('Counsellor', 'Envoy') the tagger put inside a name."""
        agent = default_agents().get(token.lower_)
        return agent is not None and agent.person and len(token) > 2

    def _title_complement(self, token: Token) -> bool:
        """An office's word after a title's 'of' ('State' in 'Secretary of State', 'Defence' in 'Minister of
        Defence'; cue kind office)."""
        of = token.head
        if token.dep_ != "pobj" or of.lower_ != "of" or not self.lexicon.cue("office", token.lower_):
            return False
        return default_agents().get(of.head.lower_) is not None

    def _state_body_name(self, name: str) -> Actor | None:
        """The body of a state a name like 'Government of Colombia' or 'Army of Mali' names, if any; for a title
        ('Minister of Foreign Affairs of Somalia') the state its holder acts for, as 'Somalia's foreign minister'."""
        words = name.rsplit(" of ", 1)
        if len(words) != 2:
            return None
        title, *office = words[0].split(" of ")  # 'Minister of Foreign Affairs'; not 'Chamber of Commerce'
        if office and not self.lexicon.cue("office", office[0].lower()):
            return None
        agent = default_agents().get(title.lower())
        state = next((a for a, _ in self.gazetteer.lookup(words[1]) if a.type == "State"), None)
        if agent is None or state is None or agent.role not in STATE_ROLES:
            return None
        if office and not (agent.person or agent.role == "government"):
            return None  # 'Ministry of Commerce of X' is X's government; 'Chamber of Commerce of X' no legislature
        return state if agent.person else self.state_body(state, agent.role)

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


#: lower-case particles of Arabic names, joined to the next word by a hyphen ('el-Sissi', 'al-Abadi')
NAME_PARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "ed", "bin", "ibn", "abu"})


def whole_person_names(ents: list[Span]) -> list[Span]:
    """The tagger cuts long names of people in two ('Ismail Ould' + 'Cheikh Ahmed', 'Abd Rabbuh' + 'Mansour Hadi')
    or stops before a hyphenated particle ('Abdel-Fattah' of 'Abdel-Fattah el-Sissi'); either way kg would find
    two people, or a person no later mention matches. Persons that touch are one name, and a name runs on over
    'el-Sissi'."""
    if not ents:
        return ents
    doc = ents[0].doc
    merged: list[Span] = []
    for ent in ents:
        if ent.label_ == "PERSON":
            end = ent.end
            while end + 2 < len(doc) and doc[end].lower_ in NAME_PARTICLES and doc[end + 1].text == "-":
                if not doc[end + 2].is_title or doc[end + 2].ent_type_ not in ("", "PERSON"):
                    break
                end += 3  # (spaCy tokenises 'el-Sissi' as 'el', '-', 'Sissi')
            last = merged[-1] if merged else None
            if (
                last is not None
                and last.label_ == "PERSON"
                and last.end == ent.start
                and "\n" not in doc[last.end - 1 : ent.start + 1].text
            ):
                merged[-1] = Span(doc, last.start, end, label="PERSON")
                continue
            if end != ent.end:
                ent = Span(doc, ent.start, end, label="PERSON")
        merged.append(ent)
    return merged


def guess_org_type(name: str) -> str:
    """The type of an organisation the gazetteer does not know, from the words of its name."""
    words = set(normalize(name).split())
    for actor_type, heads in ORG_HEADS:
        if words & set(heads):
            return actor_type
    return "PoliticalOrganization"
