"""The default extractor: dependency-grammar rules over spaCy parses, driven by the lexicons.

For every trigger word of ontology/lexicon/relations.tsv the rules find who acts and on whom:

* verbs: subject from ``nsubj`` or a passive ``by`` agent, inherited through control and
  raising ("planning to attack", "ready to send"), relative clauses ("Hamas, which controls") and
  coordination; object from the direct object, a passive subject or the listed prepositions;
* event nouns: "Russian airstrikes", "X's offensive against Y", "talks between X and Y",
  "the Israel-Hamas truce", and light verbs ("launch operations against X");
* noun-phrase modifiers: "X-backed Y", "X-held town", "its YPG militia", "Syrian President X",
  "with the help of X", "together with X".

Factuality and attribution come from walking up from the trigger: modals and cue verbs make it
potential, negation and denial make it negated, report and belief verbs ("X said", "Ankara
considers", "reports say", "it is claimed", "reportedly") name the nearest asserter. The walk stops
at a noun-phrase boundary: what a relative clause or a modifier presupposes is in the article's own
voice, as the spec's gold treats it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Token

from kg.actors import PRONOUNS, ArticleActors
from kg.constructions import Constructions
from kg.discards import Discards, default_discards
from kg.errors import KgError
from kg.gazetteer import Actor, Gazetteer, alias_matchers, default_gazetteer, normalize
from kg.lexicon import Lexicon, Trigger, default_lexicon
from kg.sentences import Sentence, load_pipeline
from kg.statements import SOURCE, Extraction, Statement, register_extractor
from kg.vocabulary import data_path, relations

PLACE_TYPES = ("Place", "State")
#: Relations whose verbs frame another act ('threatened to cut off X', 'refused to meet X', 'agreed to free X'):
#: with no object of their own, the target is what the controlled clause acts on
FRAMES = {"threatens", "rejects", "agreesWith", "concedesTo", "supports", "opposes"}
#: Prepositions that, under an object noun, name the actor the act is aimed at ('action against X', 'ties with X')
THROUGH_PREPS = {"against", "on", "with", "toward", "towards", "by", "from"}
#: Acts an official release does not perform itself when it reports them in the passive ('soldiers were killed')
VIOLENT = {"attacks", "fights", "captures", "coerces", "controls", "deploysTo", "withdrawsFrom"}
#: Prepositions whose event noun's agent is a verb's target ('complained over Israeli raids', 'protested
#: against the killing by X')
EVENT_PREPS = {"over", "about", "against", "for", "at"}
#: Relations whose verbs judge or answer an event rather than carry it out ('condemned the attack')
JUDGING = {
    "accuses", "rejects", "requests", "supports", "opposes", "threatens", "investigates", "sanctions", "agreesWith",
}  # fmt: skip
STRUCTURAL = {"partOf", "leads", "represents", "controls"}
RELATIVE_PRONOUNS = {"which", "that", "who", "whom", "whose"}


@dataclass
class Modality:
    """What the context of a predicate says about it: factuality and who asserts it."""

    factuality: str = "actual"
    attributed_to: Actor | str | None = None


NO_TRIGGER = Trigger("supports", ())
#: How many first lines of a document may be the header of an official release
HEADER_LINES = 4
MINISTRY = re.compile(r"(?:(?P<adj>[\w .'-]+?) )?ministry of foreign affairs(?: of (?:the )?(?P<of>[\w .'-]+))?")


@cache
def default_issuers() -> dict[str, str]:
    """Header phrase (normalised) -> issuer id, from ontology/lexicon/issuers.tsv."""
    path = data_path("lexicon/issuers.tsv")
    rows = [line.rstrip("\n").split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
    rows = [r for r in rows if r[0] and not r[0].startswith("#")][1:]
    for number, row in enumerate(rows, 1):
        if len(row) != 2:
            raise KgError(f"{path}: row {number}: expected phrase and actor id, tab-separated")
    return {normalize(phrase): actor for phrase, actor in rows}


#: PLOVER codes what an actor says it will do by the kind of act: an intended cooperative act is AGREE ("agree to,
#: offer, promise, or otherwise indicate willingness to cooperate"), an intended hostile one THREATEN
INTENDED = {
    "supports": "AGREE", "cooperatesWith": "AGREE", "meetsWith": "AGREE", "concedesTo": "AGREE",
    "withdrawsFrom": "AGREE", "attacks": "THREATEN", "fights": "THREATEN", "captures": "THREATEN",
    "coerces": "THREATEN", "sanctions": "THREATEN", "deploysTo": "THREATEN",
}  # fmt: skip


def intended(relation: str, plover: str, factuality: str, attributed: Actor | str | None, subject: Actor) -> str:
    """The PLOVER event of a statement: a potential act its own subject announces is PLOVER's AGREE or THREATEN
    (see :data:`INTENDED`); any other statement keeps its trigger's or relation's type."""
    core = relations()[relation].core
    if factuality == "potential" and core in INTENDED and (attributed is None or speaks_for(attributed, subject)):
        return INTENDED[core]
    return plover


def speaks_for(speaker: Actor | str, actor: Actor) -> bool:
    """Whether an asserter speaks for an actor: the actor itself, its leader or official, or a body of it."""
    if not isinstance(speaker, Actor):
        return False
    return speaker.id == actor.id or actor.id in (speaker.leads, speaker.country, speaker.parent)


@register_extractor("rules")
class RuleExtractor:
    """Grammar + lexicon + gazetteer; no sentence-specific knowledge."""

    name = "rules"

    def __init__(
        self, gazetteer: Gazetteer | None = None, lexicon: Lexicon | None = None, discards: Discards | None = None
    ):
        self.gazetteer = gazetteer or default_gazetteer()
        self.lexicon = lexicon or default_lexicon()
        self.discards = default_discards() if discards is None else discards
        self.matchers = alias_matchers(load_pipeline(), self.gazetteer)
        self.relations = relations()

    def extract(self, sentences: list[Sentence], author: str | None = None) -> Extraction:
        """Statements of one document; ``author`` names its issuer (an official statement's 'we')."""
        if self.discarded_document(sentences):  # sport, entertainment: no political statement in it
            return Extraction()
        context = self.context(sentences, author)
        statements: dict[tuple, Statement] = {}
        for sentence in sentences:
            context.read(sentence.span)  # a discarded sentence still names actors for the next ones
            if not self.discarded_sentence(sentence):
                for statement in SentenceRules(self, context, sentence).run():
                    statements.setdefault((sentence.index, *statement.key()), statement)
            context.end_sentence()
        return Extraction(list(statements.values()), context.surface, context.actors)

    def context(self, sentences: list[Sentence], author: str | None = None) -> ArticleActors:
        """A fresh article context: actor resolution for one document, with its issuer if known."""
        doc_id = sentences[0].doc_id if sentences else ""
        issuer = self.issuer(author) or self.issuer_from_headers(sentences)
        return ArticleActors(self.gazetteer, self.lexicon, self.matchers, doc_id, issuer)

    def issuer_from_headers(self, sentences: list[Sentence]) -> Actor | None:
        """The issuer an official release names in its header lines ('Office of the Spokesperson')."""
        issuers = default_issuers()
        for sentence in sentences[:HEADER_LINES]:
            line = normalize(sentence.text.rstrip(" ."))
            if line in issuers and issuers[line] in self.gazetteer.by_id:
                return self.gazetteer[issuers[line]]
            ministry = MINISTRY.fullmatch(line)
            if ministry:
                hits = self.gazetteer.lookup(ministry.group("of") or ministry.group("adj") or "")
                if hits and hits[0][0].type == "State":
                    return hits[0][0]
        return None

    def discarded_document(self, sentences: list[Sentence]) -> str | None:
        """The story-level discard phrase of a document (sport, entertainment), if any."""
        return self.discards.document_reason(sentences)

    def discarded_sentence(self, sentence: Sentence) -> str | None:
        """The sentence-level discard phrase of a sentence, if any."""
        return self.discards.sentence_reason(sentence.span)

    def issuer(self, author: str | None) -> Actor | None:
        """The actor an author name denotes, if the gazetteer knows it ('U.S. Department of State')."""
        if not author:
            return None
        hits = self.gazetteer.lookup(author)
        return hits[0][0] if hits else None


class SentenceRules(Constructions):
    """The rules applied to one sentence."""

    def __init__(self, extractor: RuleExtractor, context: ArticleActors, sentence: Sentence):
        self.lex = extractor.lexicon
        self.relations = extractor.relations
        self.ctx = context
        self.sentence = sentence
        self.span = sentence.span
        self.found: list[Statement] = []
        #: the rule or construction now running, recorded on each statement for --explain
        self.construction = ""

    # ------------------------------------------------------------------ driver
    def run(self) -> list[Statement]:
        doc = self.span.doc
        for token in self.span:
            pos = token.pos_
            if (pos in ("VERB", "AUX") or token.tag_.startswith("VB")) and self.lex.may_trigger("verb", token):
                self.construction = "verb"
                self.verb(token)
            if pos in ("NOUN", "PROPN") and self.lex.may_trigger("noun", token):
                self.construction = "event noun"
                self.noun(token)
            if token.i >= 2 and doc[token.i - 1].text == "-":
                self.construction = "hyphen compound"
                self.hyphen(token)
            if token.lower_ == "with":
                self.construction = "with the help of"
                self.with_help(token)
        for name, rule in (
            ("title before a name", self.roles),
            ("possessive member", self.possessive_members),
            ("adjunct phrase", self.adjuncts),
            ("reported obligation", self.reported_demands),
            ("role in apposition or predicate", self.described_roles),
        ):
            self.construction = name
            rule()
        return self.spoken_for(self.found)

    def spoken_for(self, found: list[Statement]) -> list[Statement]:
        """'Portugal will support Turkey, Portuguese President Mario Soares said': an act announced by the
        subject's own leader or representative (as this sentence says) is the subject's announcement."""
        roles = {(s.subject.id, s.object.id) for s in found if s.relation in ("leads", "represents")}
        result = []
        for s in found:
            speaker = s.attributed_to
            if isinstance(speaker, Actor) and (speaker.id, s.subject.id) in roles and s.factuality == "potential":
                plover = intended(s.relation, s.plover, s.factuality, s.subject, s.subject)
                s = replace(s, plover=plover)
            result.append(s)
        return result

    def candidates(self):
        """(token, kind, triggers) for every trigger word of the sentence, as :meth:`run` finds them."""
        doc = self.span.doc
        for token in self.span:
            if (token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB")) and self.lex.may_trigger("verb", token):
                triggers = self.verb_triggers(token)
                if triggers:
                    yield token, "verb", triggers
            if token.pos_ in ("NOUN", "PROPN") and self.lex.may_trigger("noun", token):
                triggers = self.noun_triggers(token)
                if triggers and self.ctx.mention_at(token) is None:
                    yield token, "noun", triggers
            if token.i >= 2 and doc[token.i - 1].text == "-" and self.lex.trigger("hyphen", token.lower_):
                yield token, "hyphen", self.lex.trigger("hyphen", token.lower_)

    def missing(self, token: Token, kind: str, triggers: list[Trigger]) -> str:
        """Why a trigger gave no statement: the argument that no actor filled."""
        if kind == "verb":
            if not self.subjects(token):
                return "no actor as its subject (or by-agent)"
            if not any(self.objects(token, t) for t in triggers):
                preps = sorted({p for t in triggers for p in t.preps})
                where = "direct object" + (f" or a phrase with {', '.join(preps)}" if preps else "")
                return f"no actor as its {where}"
            return "subject and object are the same actor, or the object is not a place"
        if kind == "noun":
            if not (self.agents(token) or self.pair(token)):
                return "no agent (possessor, demonym, 'by X', or the subject of a light verb)"
            return "no actor after its prepositions (" + ", ".join(sorted({p for t in triggers for p in t.preps})) + ")"
        return "no actor before the hyphen or no actor it modifies"

    def add(
        self,
        subjects,
        relation,
        objects,
        trigger: Token,
        modality: Modality | None = None,
        source: Trigger | None = None,
    ) -> None:
        """A statement for every (subject, object) pair; ``source`` is the lexicon entry that fired (its codes)."""
        modality = modality or Modality()
        info = self.relations[relation]
        cameo = source.cameo if source is not None and source.relation == relation else ""
        plover = source.plover if source is not None and source.relation == relation and source.plover else ""
        plover = plover or (info.plover[0] if len(info.plover) == 1 else "")
        for subject in subjects:
            for obj in objects:
                rel = relation
                if subject.id == obj.id:
                    continue
                if info.core in ("captures", "controls") and obj.type not in PLACE_TYPES:
                    rel = self.lex.cue_value("fallback", info.core) or ""
                    if not rel:
                        continue
                factuality, attributed = modality.factuality, modality.attributed_to
                codes = (cameo, intended(rel, plover, factuality, attributed, subject)) if rel == relation else ("", "")
                statement = Statement(subject, rel, obj, self.sentence, factuality, attributed, trigger.text, *codes)
                self.found.append(replace(statement, construction=self.construction))

    # ------------------------------------------------------------------ verbs
    def verb_triggers(self, verb: Token) -> list[Trigger]:
        found = self.object_noun_triggers(verb)
        if found:
            return found
        for child in verb.children:
            if child.dep_ in ("prt", "prep") or (child.dep_ == "advmod" and child.i == verb.i + 1):
                found = self.lex.token_trigger("verb", verb, suffix=f" {child.lower_}")
                if found:  # 'call on X': the preposition of the verb's own form introduces its object
                    return [t if child.lower_ in t.preps else replace(t, preps=(*t.preps, child.lower_)) for t in found]
        return self.lex.token_trigger("verb", verb)

    def object_noun_triggers(self, verb: Token) -> list[Trigger]:
        """'imposed a curfew on X', 'called off talks with X': a verb whose object noun makes the event
        (CAMEO's verb + noun patterns). The noun is not the target, so these triggers take theirs from
        a preposition; a verb with another object keeps its own triggers."""
        particles = [*(c.lower_ for c in verb.children if c.dep_ == "prt"), ""]
        for child in verb.children:
            if child.dep_ in ("dobj", "nsubjpass"):
                for particle in particles:
                    found = self.lex.verbnoun_trigger(verb, child, particle)
                    if found:
                        return found
        return []

    def verb(self, verb: Token) -> None:
        triggers = self.verb_triggers(verb)
        if not triggers or self.carried_by_noun(verb):
            return
        subjects = self.subjects(verb)
        if not subjects:
            return
        modality = self.modality(verb)
        partners = self.partners(verb)
        if partners:
            self.add(subjects, "cooperatesWith", partners, verb, modality)
        for trigger in triggers:
            relation = trigger.relation
            if relation == "partOf" and any(c.dep_ == "prep" and c.lower_ == "in" for c in verb.children):
                relation = "cooperatesWith"  # 'A joined B in imposing sanctions' is no membership
            objects = self.objects(verb, trigger)
            if not objects and self.relations[relation].symmetric and len(subjects) >= 2:
                self.pairwise(subjects, relation, verb, modality, trigger)  # 'Kenya and Somalia agreed'
                continue
            self.add([*subjects, *partners], relation, objects, verb, modality, trigger)

    def pairwise(
        self, actors: list[Actor], relation: str, word: Token, modality: Modality, source: Trigger | None = None
    ) -> None:
        """A symmetric relation among coordinated actors: each pair once."""
        for n, first in enumerate(actors):
            self.add([first], relation, actors[n + 1 :], word, modality, source)

    def carries(self, verb: Token) -> bool:
        """'completed their withdrawal', 'opened an investigation': a verb with no relation of its own whose
        subject carries out its event noun (a verb that judges the event, 'condemned the attack', does not)."""
        if verb.pos_ not in ("VERB", "AUX") or self.lex.token_cue("report", verb) or self.lex.token_cue("deny", verb):
            return False
        triggers = self.verb_triggers(verb)
        return not triggers or all(self.relations[t.relation].core not in JUDGING for t in triggers)

    def carried_by_noun(self, verb: Token) -> bool:
        """'imposed sanctions on X', 'launched an offensive against X': a light verb whose event noun carries
        the relation says nothing of its own."""
        return self.is_light(verb) and any(
            c.dep_ in ("dobj", "nsubjpass") and self.is_event_noun(c) and not self.structural(c) for c in verb.children
        )

    def subjects(self, verb: Token) -> list[Actor]:
        """Who does what the verb says, following control, relative clauses and coordination.

        (Tokens are compared by index: spaCy makes a new Token object on every access.)
        """
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        for child in verb.children:
            if child.dep_ == "agent" or (passive and child.dep_ == "prep" and child.lower_ == "by"):
                agents = self.pobjs(child)
                if agents:
                    return agents
        accused = self.accused(verb)
        if accused is not None:
            return accused  # 'France accused Russia of arming X': Russia arms X
        if passive and self.ctx.author is not None and self.official_act(verb):
            return [self.ctx.seen(self.ctx.author)]  # a release's 'sanctions are imposed on X': the issuer acts
        if passive or verb.tag_ == "VBN":  # 'soldiers killed in an al-Shabab attack'
            for child in verb.children:
                if child.dep_ == "prep" and child.lower_ in ("in", "during"):
                    events = [p for p in child.children if p.dep_ == "pobj" and self.is_event_noun(p)]
                    agents = [a for e in events for a in self.agents(e)]
                    if agents:
                        return agents
        if passive and any(c.dep_ == "nsubjpass" for c in verb.children):
            return []  # 'if it is attacked': the clause names who suffers, and nobody who acts
        if not passive:
            for child in verb.children:
                if child.dep_ in ("nsubj", "csubj"):
                    if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                        return self.ctx.expand(verb.head)
                    if self.is_event_noun(child) and not self.structural(child):
                        return self.agents(child)  # 'Russian airstrikes killed ...'

                    return self.ctx.expand(child)
        head = verb.head
        if verb.dep_ == "relcl" and not passive:
            return self.ctx.expand(head)
        if verb.dep_ in ("acl", "amod") and verb.i > head.i and verb.tag_ in ("VBG", "VBP", "VBZ", "VBD"):
            return self.ctx.expand(head)  # 'militants attacking the base', headline 'Kurds Close in on ...'
        if verb.dep_ == "acl":
            if verb.tag_ == "VBN":
                return []  # 'areas controlled by X': only a by-agent (above) is the subject
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ == "by":
                    return self.pobjs(child)
            return []
        if verb.dep_ in ("xcomp", "ccomp") and self.lex.token_cue("belief", head):
            objects = [c for c in head.children if c.dep_ == "dobj"]
            if objects:
                return self.ctx.expand(objects[0])
        if verb.dep_ == "xcomp" and head.i != verb.i and not self.lex.token_cue("subject-control", head):
            controllers = self.controllers(head)
            if controllers:
                return controllers  # 'urged Hamas to free', 'called on Iran to stop': the object acts
        if verb.dep_ in ("xcomp", "conj", "advcl", "acomp") and head.i != verb.i:
            return self.subjects(head)
        if verb.dep_ == "pcomp" and head.head.i != head.i:
            return self.subjects(head.head)
        return []

    def official_act(self, verb: Token) -> bool:
        """A passive act with no agent that an official release performs itself ('X is designated', 'sanctions
        are imposed'): not violence, and in the release's own voice (not reported or quoted)."""
        triggers = self.verb_triggers(verb)
        if not triggers or any(self.relations[t.relation].core in VIOLENT for t in triggers):
            return False
        return self.modality(verb).attributed_to is None and not self.ctx.quoted(verb)

    def controllers(self, verb: Token) -> list[Actor]:
        """The object of an object-control verb ('urged X', 'called on X', 'forced X'): who does the
        controlled clause."""
        for child in verb.children:
            if child.dep_ == "dobj":
                return self.ctx.expand(child)
            if (
                child.dep_ == "prep"
                and child.lower_ == "on"
                and any(c.dep_ == "prep" and c.i == child.i for c in verb.children)
            ):
                triggers = self.lex.token_trigger("verb", verb, suffix=" on")
                if triggers:
                    return self.pobjs(child)
        return []

    def accusation(self, verb: Token) -> Token | None:
        """For the gerund of 'A accused B of V-ing' (or 'blamed B for V-ing'), the accusing verb."""
        prep = verb.head
        if verb.dep_ != "pcomp" or prep.dep_ != "prep" or prep.lower_ not in ("of", "for") or prep.head.i == prep.i:
            return None
        accuser = prep.head
        triggers = self.lex.token_trigger("verb", accuser)
        return accuser if any(t.relation == "accuses" for t in triggers) else None

    def accused(self, verb: Token) -> list[Actor] | None:
        """The accused of 'A accused B of V-ing' is who V-s (None when the verb is no such gerund)."""
        accuser = self.accusation(verb)
        if accuser is None:
            return None
        return [a for c in accuser.children if c.dep_ in ("dobj", "nsubjpass") for a in self.ctx.expand(c)]

    def pobjs(self, prep: Token, object_position: bool = False) -> list[Actor]:
        """The actors of a preposition's objects ('by X and Y')."""
        return [a for p in prep.children if p.dep_ == "pobj" for a in self.ctx.expand(p, object_position)]

    def objects(self, verb: Token, trigger: Trigger) -> list[Actor]:
        """On whom the verb acts: direct object, passive subject, the trigger's prepositions, or the
        noun a participle modifies ('areas controlled by X'). An attack on a place someone holds is an
        attack on the holder ('bombarded areas controlled by Kurdish forces')."""
        targets = []
        for child in verb.children:
            if child.dep_ in ("dobj", "nsubjpass") and not trigger.preps_only:
                targets.append(child)
            if child.dep_ in ("prep", "prt") and child.lower_ in trigger.preps:
                targets += [p for p in child.children if p.dep_ == "pobj"]
        if trigger.relation == "attacks":
            held_by = [a for target in targets for a in self.holders(target)]
            if held_by:
                return held_by
        if trigger.relation == "requests":  # 'demanded that Belarus release ...'
            targets += [c for clause in verb.children if clause.dep_ == "ccomp" for c in clause.children
                        if c.dep_ == "nsubj"]  # fmt: skip
        found = [a for target in targets for a in self.ctx.expand(target, object_position=True)]
        if not found and trigger.relation != "attacks":
            found = [a for target in targets for a in self.through_noun(target, trigger)]
        if not found and not trigger.preps_only and any(t.dep_ == "dobj" for t in targets):
            found = self.recipients(verb)  # 'supply arms to Israel', 'give Tanzania a grant'
        if not found and self.relations[trigger.relation].core in FRAMES:
            found = self.clause_objects(verb)
        if not found and trigger.relation != "attacks" and not trigger.preps_only:  # 'complained over Israeli raids'
            events = [p for c in verb.children if c.dep_ == "prep" and c.lower_ in EVENT_PREPS for p in c.children
                      if p.dep_ == "pobj" and self.is_event_noun(p)]  # fmt: skip
            found = [a for event in events for a in self.agents(event)]
        if verb.dep_ == "acl" and verb.tag_ == "VBN" and not trigger.preps_only:
            found += self.ctx.expand(verb.head, object_position=True)
        return found

    def through_noun(self, noun: Token, trigger: Trigger, extra: frozenset[str] = frozenset()) -> list[Actor]:
        """The actor behind an object that is a thing, not an actor: 'condemned the attack by X' (its agent),
        'rejected a U.S. request', 'an offer from X' (its owner), 'threatened action against X' (its target)."""
        if noun.pos_ not in ("NOUN", "PROPN"):
            return []
        if self.is_event_noun(noun):
            return self.agents(noun)  # its target is the event's, not the verb's ('condemned the attack on X')
        found: list[Actor] = []
        for child in noun.children:
            if child.dep_ == "prep" and (child.lower_ in trigger.preps or child.lower_ in THROUGH_PREPS | extra):
                for pobj in (p for p in child.children if p.dep_ == "pobj"):
                    owner = None if (actors := self.ctx.expand(pobj, True)) else self.ctx.owner(pobj)[0]
                    found += actors or ([self.ctx.seen(owner)] if owner is not None else [])  # 'against German goods'
        if not found:
            owner, _ = self.ctx.owner(noun)
            found = [self.ctx.seen(owner)] if owner is not None and owner.type != "Place" else []
        return found

    def recipients(self, verb: Token) -> list[Actor]:
        """Who receives what a verb hands over: 'to X' or the indirect object ('give Tanzania a grant')."""
        found: list[Actor] = []
        for child in verb.children:
            if child.dep_ == "dative":
                found += self.pobjs(child, True) if child.pos_ == "ADP" else self.ctx.expand(child, True)
            elif child.dep_ == "prep" and child.lower_ == "to":
                found += self.pobjs(child, object_position=True)
        return found

    def clause_objects(self, verb: Token) -> list[Actor]:
        """'threatened to break relations with Russia', 'refused to meet X', 'offered to hand over to Britain':
        the actors the controlled clause acts on are the target of the frame verb (PLOVER codes the frame)."""
        found: list[Actor] = []
        for clause in verb.children:
            if clause.dep_ != "xcomp" or clause.pos_ not in ("VERB", "AUX"):
                continue
            for child in clause.children:
                if child.dep_ in ("dobj", "dative"):
                    found += self.ctx.expand(child, object_position=True) or self.through_noun(
                        child, NO_TRIGGER, frozenset({"in", "to"})
                    )  # 'threatened to institute a curfew in Algiers'
                elif child.dep_ == "prep" and child.lower_ in THROUGH_PREPS | {"to", "in", "from", "into"}:
                    found += self.pobjs(child, object_position=True)
        return found

    def holders(self, token: Token) -> list[Actor]:
        """Whoever holds an attacked place: 'areas controlled by Kurdish forces', 'an IS-held town'."""
        found: list[Actor] = []
        for node in token.subtree:
            if node.dep_ == "acl" and node.tag_ == "VBN" and self.controls(node, "verb"):
                for agent in node.children:
                    if agent.dep_ == "agent" or (agent.dep_ == "prep" and agent.lower_ == "by"):
                        found += self.pobjs(agent)
            elif node.i >= 2 and node.doc[node.i - 1].text == "-" and self.controls(node, "hyphen"):
                found += self.ctx.denote(node.doc[node.i - 2])
        return found

    def controls(self, token: Token, kind: str) -> bool:
        triggers = self.verb_triggers(token) if kind == "verb" else self.lex.trigger(kind, token.lower_)
        return any(t.relation == "controls" for t in triggers)

    def partners(self, verb: Token) -> list[Actor]:
        """'AU troops, together with Somali forces, have pushed ...': partners who act with the subject."""
        partners: list[Actor] = []
        for token in verb.subtree:
            for prep in self.together_with(token):
                if (governing := self.governing_verb(prep)) is not None and governing.i == verb.i:
                    partners += self.pobjs(prep)
        return partners

    @staticmethod
    def governing_verb(token: Token) -> Token | None:
        """The nearest verb above a token (the clause it belongs to)."""
        for ancestor in token.ancestors:
            if ancestor.pos_ in ("VERB", "AUX"):
                return ancestor
        return None

    def together_with(self, token: Token) -> list[Token]:
        """The 'with' preposition of 'together with X' / 'along with X' (the parser attaches it either way)."""
        if token.dep_ == "advmod" and self.lex.cue("with", token.lower_):
            return [c for c in token.children if c.dep_ == "prep" and c.lower_ == "with"]
        if (
            token.dep_ == "prep"
            and token.lower_ == "with"
            and any(c.dep_ == "advmod" and self.lex.cue("with", c.lower_) for c in token.children)
        ):
            return [token]
        return []

    # ------------------------------------------------------------------ event nouns
    def noun_triggers(self, noun: Token) -> list[Trigger]:
        """Triggers of an event noun: its compound form ('joint operation', 'cease-fire') and the noun."""
        lemma = noun.lemma_.lower()
        doc = noun.doc
        found: list[Trigger] = []
        for child in noun.children:
            if child.dep_ not in ("compound", "amod"):
                continue
            if child.i == noun.i - 1:
                found += self.lex.trigger("noun", f"{child.lower_} {lemma}")
            elif child.i == noun.i - 2 and doc[noun.i - 1].text == "-":  # 'cease-fire'
                found += self.lex.trigger("noun", f"{child.lower_}-{lemma}")
        found += self.lex.trigger("noun", lemma) or self.lex.trigger("noun", noun.lower_)
        return list(dict.fromkeys(found))

    def is_light(self, verb: Token) -> bool:
        """'launch', 'carry out', 'wage': a verb whose event noun carries the relation."""
        if self.lex.token_cue("light", verb):
            return True
        particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
        return any(self.lex.cue("light", f"{verb.lemma_.lower()} {p}") for p in particles)

    def structural(self, noun: Token) -> bool:
        """'members', 'wing': a noun whose relation is a standing structure, not an event with agents."""
        return all(self.relations[t.relation].core in STRUCTURAL for t in self.noun_triggers(noun))

    def is_event_noun(self, token: Token) -> bool:
        return token.pos_ == "NOUN" and bool(self.noun_triggers(token))

    def agents(self, noun: Token) -> list[Actor]:
        """Who carries out an event noun: 'Russian airstrikes', 'Turkey's offensive', 'US-led strikes', 'by X'."""
        found: list[Actor] = []
        for child in noun.children:
            mention = self.ctx.mention_at(child)
            if child.dep_ == "poss":
                found += self.ctx.expand(child)
            elif child.dep_ in ("amod", "compound", "nmod") and mention is not None:
                found.append(self.ctx.seen(mention.actor))
            elif child.dep_ == "amod" and child.i >= 2 and self.drives(child):  # 'US-led airstrikes'
                leader = self.ctx.mention_at(child.doc[child.i - 2])
                if leader is not None:
                    found.append(self.ctx.seen(leader.actor))
            elif child.dep_ == "prep" and child.lower_ == "by":
                found += self.pobjs(child)
            elif child.dep_ == "prep" and child.lower_ == "of" and self.movement(noun):
                found += self.pobjs(child)  # 'the withdrawal of Russian troops': who moves
        return [a for a in found if a.type != "Place"]

    def movement(self, noun: Token) -> bool:
        """An event noun of moving forces ('withdrawal', 'deployment'), whose 'of' phrase is the mover."""
        return any(self.relations[t.relation].core in ("withdrawsFrom", "deploysTo") for t in self.noun_triggers(noun))

    def drives(self, word: Token) -> bool:
        """'led', 'backed' after a hyphen: whoever leads or backs an event is among its agents."""
        triggers = self.lex.trigger("hyphen", word.lower_)
        return word.doc[word.i - 1].text == "-" and any(t.relation in ("leads", "supports") for t in triggers)

    def noun(self, noun: Token) -> None:
        triggers = self.noun_triggers(noun)
        if not triggers or self.ctx.mention_at(noun) is not None:
            return
        for trigger in triggers:
            objects = self.noun_objects(noun, trigger)
            pair = self.pair(noun)
            if pair and self.relations[trigger.relation].symmetric:
                self.add([pair[0]], trigger.relation, [pair[1]], noun, self.modality(noun), trigger)
                continue
            subjects = self.agents(noun)
            predicate = noun
            copula = noun.head.lemma_.lower() == "be"
            light = self.is_light(noun.head) or self.carries(noun.head)
            if not subjects and (
                (noun.dep_ in ("dobj", "attr") and (copula or light)) or (noun.dep_ == "nsubjpass" and light)
            ):
                predicate = noun.head
                subjects = self.subjects(noun.head)
                if not subjects and noun.dep_ == "nsubjpass" and self.ctx.author is not None:
                    official = self.relations[trigger.relation].core not in VIOLENT and not self.ctx.quoted(noun)
                    subjects = [self.ctx.seen(self.ctx.author)] if official else []  # 'sanctions are imposed on X'
                if not copula:
                    objects += self.objects(noun.head, Trigger(trigger.relation, trigger.preps, True))
            if not objects and len(subjects) >= 2 and self.relations[trigger.relation].symmetric:
                self.pairwise(
                    subjects, trigger.relation, noun, self.modality(predicate), trigger
                )  # 'X and Y signed a truce'
            elif subjects and objects:
                self.add(subjects, trigger.relation, objects, noun, self.modality(predicate), trigger)

    def noun_objects(self, noun: Token, trigger: Trigger) -> list[Actor]:
        """'airstrikes on X', 'offensive against X' ('between' is handled by :meth:`pair`)."""
        found: list[Actor] = []
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in trigger.preps and child.lower_ != "between":
                found += self.pobjs(child, object_position=True)
        return found

    def pair(self, noun: Token) -> tuple[Actor, Actor] | None:
        """The two sides of a symmetric event: 'truce between Israel and Hamas', 'the Israel-Hamas truce'."""
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "between":
                pobjs = [p for p in child.children if p.dep_ == "pobj"]
                if pobjs:
                    sides = self.ctx.expand(pobjs[0])
                    if len(sides) >= 2:
                        return sides[0], sides[1]
        sides: list[Actor] = []
        for token in noun.subtree:
            if token.i >= noun.i:
                break
            mention = self.ctx.mention_at(token)
            named = mention is not None and mention.kind in ("name", "ner", "demonym") and token.i == mention.start
            if named and mention.actor not in sides:
                sides.append(self.ctx.seen(mention.actor))
        if len(sides) == 2 and any(t.text == "-" for t in noun.doc[noun.left_edge.i : noun.i]):
            return sides[0], sides[1]
        return None

    # ------------------------------------------------------------------ noun-phrase modifiers
    def hyphen(self, token: Token) -> None:
        """'American-backed Kurdish militia', 'rebel-held parts', 'al-Qaida-linked militants'."""
        if token.i < 2 or token.doc[token.i - 1].text != "-":
            return
        triggers = self.lex.trigger("hyphen", token.lower_)
        if not triggers:
            return
        left = token.doc[token.i - 2]
        actors = self.ctx.denote(left) or self._word_actor(left)
        target = token.head if token.dep_ in ("amod", "compound", "nmod") else None
        if not actors or target is None or self.is_event_noun(target):
            return
        objects = self.ctx.expand(target, object_position=True)
        for trigger in triggers:
            if trigger.reverse:
                self.add(objects, trigger.relation, actors, token)
            else:
                self.add(actors, trigger.relation, objects, token)

    def _word_actor(self, token: Token) -> list[Actor]:
        """'rebel-held', 'government-controlled': a generic or descriptive word before the hyphen."""
        for actor, _kind in self.ctx.gazetteer.lookup(token.text) or self.ctx.gazetteer.lookup(token.lemma_):
            return [self.ctx.seen(actor)]
        if token.lemma_.lower() in ("government", "regime"):
            state = self.ctx.salient_state(token.sent)
            if state is not None:
                return [self.ctx.seen(self.ctx.state_body(state, "government"))]
        return []

    def with_help(self, token: Token) -> None:
        """'advancing with the help of Russian airstrikes', 'with help from X': X supports the subject."""
        if token.dep_ != "prep" or token.lower_ != "with":
            return
        for help_word in token.children:
            if help_word.dep_ != "pobj" or not self.lex.cue("help", help_word.lemma_.lower()):
                continue
            helpers: list[Actor] = []
            for prep in help_word.children:
                if prep.dep_ == "prep" and prep.lower_ in ("of", "from"):
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
                            helpers += self.agents(pobj) if self.is_event_noun(pobj) else self.ctx.expand(pobj)
            clause = token.head
            while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
                clause = clause.head
            helped = self.subjects(clause)
            if helpers and helped:
                self.add(helpers, "supports", helped, help_word, self.modality(clause))

    def roles(self) -> None:
        """'Syrian President Bashar al-Assad', 'Palestinian negotiator Azzam Ahmed': the person leads/represents."""
        seen_people: set[int] = set()
        for token in self.span:
            mention = self.ctx.mention_at(token)
            if mention is None or mention.actor.type != "Person" or mention.start in seen_people:
                continue
            seen_people.add(mention.start)
            head = token.doc[mention.end - 1]
            while head.dep_ == "compound" and head.head.i < mention.end:
                head = head.head
            words = [t for t in head.subtree if t.i < mention.start and t.dep_ in ("compound", "amod")]
            role_words = [t for t in words if self.ctx.mention_at(t) is None]
            owners = [self.ctx.mention_at(t).actor for t in words if self.ctx.mention_at(t) is not None]
            if not role_words or not owners:
                continue
            phrase = " ".join(t.lower_ for t in role_words)
            for trigger in self.lex.trigger("role", phrase) or self.lex.trigger("role", role_words[-1].lemma_.lower()):
                self.add([self.ctx.seen(mention.actor)], trigger.relation, [self.ctx.seen(o) for o in owners], head)
                break

    def possessive_members(self) -> None:
        """'the PYD and its YPG militia': a named group possessed by another is part of it;
        'Assad's forces': a person leads the forces possessed."""
        for token in self.span:
            if token.dep_ != "poss":
                continue
            head = token.head
            possessor = self.ctx.denote(token) if token.lower_ in PRONOUNS else []
            mention = self.ctx.mention_at(head)
            if possessor and mention is not None and mention.kind in ("name", "ner"):
                owner, member = possessor[0], mention.actor
                if owner.type not in ("Person", "Place") and member.type not in ("Person", "Place", "State"):
                    self.add([member], "partOf", [owner], head)
            person = self.ctx.mention_at(token)
            if person is not None and person.actor.type == "Person" and self.lex.token_cue("military", head):
                forces = self.ctx.denote(head)
                self.add([person.actor], "leads", forces, head)

    # ------------------------------------------------------------------ factuality and attribution
    def modality(self, predicate: Token) -> Modality:
        """Walk up from the predicate: modals, cue verbs, negation, and the nearest asserter.

        The walk climbs complement clauses (xcomp, ccomp), coordination and adverbials, and stops at
        the first report/belief/denial verb (the nearest asserter) or at anything else, such as a
        relative clause or a modifier: what a noun phrase presupposes is in the article's own voice.
        """
        result = Modality()
        negated = potential = False
        allow_negation = allow_modal = True  # False for what a coordinated clause does not share
        node = predicate
        while True:
            for child in node.children:
                lower = child.lower_
                if self.negates(child):
                    negated = negated or allow_negation
                elif child.dep_ == "aux" and self.lex.cue("modal", lower):
                    potential = potential or allow_modal
                elif child.dep_ == "advmod" and self.lex.cue("source-adv", lower) and result.attributed_to is None:
                    result.attributed_to = SOURCE
                elif child.dep_ == "prep" and lower == "according" and result.attributed_to is None:
                    result.attributed_to = self.according_to(child)
                elif child.dep_ == "det" and lower == "no" and node.pos_ == "NOUN":
                    negated = True
            dep, head = node.dep_, node.head
            if head.i == node.i or dep == "ROOT":
                break
            accuser = self.accusation(node)
            if accuser is not None:  # 'A accused B of V-ing': what B did is A's claim
                if result.attributed_to is None:
                    accusers = self.subjects(accuser)
                    result.attributed_to = accusers[0] if accusers else SOURCE
                break
            if dep == "conj":  # 'did not attack X and bombed Y': the head's negation stays in its clause
                allow_negation = any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in head.children)
                allow_modal = not any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children)
                node = head
                continue
            allow_negation = allow_modal = True
            cue = self.lex.token_cue
            if dep in ("ccomp", "xcomp") and (cue("report", head) or cue("belief", head) or cue("deny", head)):
                potential = potential or (dep == "xcomp" and cue("potential", head))  # 'vowed to retake'
                if cue("deny", head):
                    negated = not negated
                if result.attributed_to is None:
                    result.attributed_to = self.asserter(head)
                break
            if dep in ("xcomp", "ccomp", "acomp"):
                potential = potential or cue("potential", head)
                negated = negated or cue("negator", head)
                node = head
                continue
            if dep in ("dobj", "nsubj", "attr") and predicate.pos_ == "NOUN" and node.i == predicate.i:
                potential = potential or cue("potential", head)
                node = head
                continue
            if dep == "acl" and head.pos_ == "NOUN":
                potential = potential or cue("potential", head)
                break
            if dep in ("conj", "advcl", "pcomp", "prep", "pobj", "advmod"):
                node = head
                continue
            break
        if negated:
            result.factuality = "negated"
        elif potential:
            result.factuality = "potential"
        return result

    def negates(self, child: Token) -> bool:
        """'not', 'never', 'no longer' (the parser puts 'no' under 'longer')."""
        if child.dep_ == "neg":
            return True
        if child.dep_ != "advmod":
            return False
        phrases = [child.lower_, *(f"{g.lower_} {child.lower_}" for g in child.children if g.dep_ == "neg")]
        return any(self.lex.cue("negator", phrase) for phrase in phrases)

    def asserter(self, verb: Token) -> Actor | str:
        """Who says/believes/denies: an actor, or SOURCE for 'reports', 'a military source', 'it is claimed'."""
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                if child.lower_ == "it" and child.dep_ == "nsubjpass":
                    return SOURCE
                actors = self.ctx.expand(child)
                if self.lex.token_cue("source", child) and all(a.generic or a.type == "Population" for a in actors):
                    return SOURCE  # 'officials said', 'Turkish media reported': no one in particular
                if actors:
                    return actors[0]
                return SOURCE
            if child.dep_ == "agent":
                actors = self.pobjs(child)
                if actors:
                    return actors[0]
        if verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i:
            return self.asserter(verb.head)
        return SOURCE

    def according_to(self, according: Token) -> Actor | str:
        """'according to X': X, or an unnamed source when X is no actor ('according to reports')."""
        actors = [a for to in according.children for a in self.pobjs(to)]
        return actors[0] if actors else SOURCE
