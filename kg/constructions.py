"""Constructions news is written in, beyond a trigger and its direct arguments.

Mixed into :class:`kg.rules.SentenceRules` (which supplies ``add``, ``subjects``, ``modality``,
``agents``, ``ctx``, ``lex`` and ``tokens``). Each method is one construction, tested on sentences written for it
(tests/test_constructions.py):

* adjunct phrases from data (ontology/constructions/adjuncts.tsv): "in support of X", "in cooperation
  with X", "under siege by X";
* "A said B must/should V": A requests B;
* "accepted the demands of X", "bowed to pressure from X": yielding to a demand concedes to whoever made it;
* "X is the leader of Y", "Colonel Diallo, a commander of the Malian army,": a description in
  apposition or as a predicate states the role it names (leads, represents, partOf).

Kept in Python because they are recursive (the clause's subject is inherited through control and
coordination); what varies between them is data.
"""

from __future__ import annotations

import csv
import itertools
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from spacy.tokens import Token

from kg.actors import ORGANISATIONS
from kg.coreference import RELATIVE_PRONOUNS
from kg.errors import KgError
from kg.events import STRUCTURAL
from kg.gazetteer import Actor
from kg.lexicon import Trigger
from kg.modality import FORMER, Modality, infinitive, marked
from kg.objects import DIRECT, POWERS, same_side, speaks_for
from kg.statements import Factuality
from kg.verbs import NO_TRIGGER
from kg.vocabulary import data_path, relations

#: Prepositions of where forces are kept ('troops in Mali', 'soldiers at a base', 'on the ground in X')
STATIONS = ("in", "at", "on")

#: Verbs whose CAMEO patterns say what a received thing was ('received weapons from X': X gave weapons)
GIVING = ("give", "provide", "deliver", "supply", "offer", "extend", "grant")
#: Auxiliaries that make a reported clause a demand on its subject ("B must leave")
DEONTIC = {"must", "should", "ought", "needs"}
#: Acts that several agents doing them at once do jointly (joint_agents): force and pressure, not words
JOINT_ACTS = {"attacks", "captures", "coerces", "sanctions"}


@dataclass(frozen=True)
class Adjunct:
    """'in support of X': the preposition, its noun, the inner preposition, the relation and its direction."""

    preposition: str
    noun: str
    inner: str
    relation: str
    reverse: bool
    example: str
    expected: tuple[str, str, str]


def load_adjuncts(path: Path | None = None) -> dict[tuple[str, str], list[Adjunct]]:
    """The adjunct phrases of ontology/constructions/adjuncts.tsv, by (preposition, noun)."""
    path = path or data_path("constructions/adjuncts.tsv")
    known = relations()
    found: dict[tuple[str, str], list[Adjunct]] = {}
    with open(path, encoding="utf-8", newline="") as handle:
        rows = [(n, line) for n, line in enumerate(handle, 1) if line.strip() and not line.startswith("#")]
    for number, line in rows[1:]:
        cells = next(csv.reader([line], delimiter="\t"))
        if len(cells) != 7:
            raise KgError(f"{path}:{number}: expected 7 tab-separated columns, found {len(cells)}")
        preposition, noun, inner, relation, direction, example, expected = (c.strip() for c in cells)
        if relation not in known:
            raise KgError(f"{path}:{number}: {relation!r} is not a relation of the ontology")
        if direction not in ("subject", "reverse"):
            raise KgError(f"{path}:{number}: direction must be 'subject' or 'reverse', not {direction!r}")
        parts = tuple(expected.split("|"))
        if len(parts) != 3:
            raise KgError(f"{path}:{number}: expected must be subject|relation|object")
        adjunct = Adjunct(preposition, noun, inner, relation, direction == "reverse", example, parts)  # type: ignore[arg-type]
        found.setdefault((preposition.lower(), noun.lower()), []).append(adjunct)
    return found


@cache
def default_adjuncts() -> dict[tuple[str, str], list[Adjunct]]:
    return load_adjuncts()


class Constructions:
    """Construction rules; see the module docstring."""

    def adjuncts(self) -> None:
        """'in support of X', 'under siege by X': the phrase relates the clause's subject and X."""
        table = default_adjuncts()
        for prep in self.tokens:
            if prep.dep_ != "prep":
                continue
            for noun in prep.children:
                if noun.dep_ != "pobj":
                    continue
                # the parser hangs the inner phrase under the noun or, as often, beside the adjunct phrase
                following = [c for c in prep.head.children if c.dep_ == "prep" and c.i == noun.right_edge.i + 1]
                for adjunct in table.get((prep.lower_, noun.lemma_.lower()), ()):
                    inners = [c for c in [*noun.children, *following] if c.dep_ == "prep" and c.lower_ == adjunct.inner]
                    actors = [a for inner in inners for a in self.pobjs(inner, object_position=True)]
                    if not actors:  # 'in protest against the arrest of X by the police': the agent or owner of a thing
                        actors = [a for inner in inners for a in self.behind(inner)]
                    possessed = any(c.dep_ == "poss" for c in noun.children)
                    if not inners and adjunct.reverse:  # 'at Baghdad's request', 'with Russia's backing': the possessor
                        actors = [a for c in noun.children if c.dep_ == "poss" for a in self.ctx.expand(c, True)]
                    elif possessed:
                        continue  # 'during Blinken's talks with X, Hezbollah fired': the talks are Blinken's
                    if adjunct.relation == "threatens":  # ('despite warnings from the WHO': a forecast, no threat)
                        actors = [a for a in actors if a.type in POWERS or a.country or a.leads]
                    clause = self.clause_of(prep)
                    if not actors or clause is None:
                        continue
                    subjects = self.subjects(clause)
                    # 'welcomed Turkey's efforts, in coordination with the UN': the phrase set off after an owned
                    # object is the object's (Turkey coordinates), wherever the parser hangs it
                    obj = next((c for c in clause.children if c.dep_ == "dobj" and c.i < prep.i), None)
                    set_off = obj is not None and obj.right_edge.i + 2 == prep.i and prep.nbor(-1).text == ","
                    # (an act of the owner's, not an actor: "backed Mali's government, in coordination with Chad," is
                    # France's coordination)
                    set_off = set_off and not self.ctx.expand(obj)
                    possessors = [c for c in obj.children if c.dep_ == "poss"] if set_off else []
                    owners = [a for c in possessors for a in self.ctx.expand(c)]
                    subjects = owners or subjects
                    doers, done_to = (actors, subjects) if adjunct.reverse else (subjects, actors)
                    self.add(doers, adjunct.relation, done_to, noun, self.modality(clause))

    def yielded(self) -> None:
        """'The government accepted the demands of the rebels', 'did not meet their demands': a verb of yielding
        (cue kind 'yield') whose object is a demand concedes to whoever made the demand."""
        for verb in self.tokens:
            if verb.pos_ != "VERB" or not self.lex.token_cue("yield", verb):
                continue
            demanders = [a for noun in self.demands_answered(verb) for a in self.agents(noun)]
            if demanders:
                self.add(self.subjects(verb), "concedesTo", demanders, verb, self.modality(verb))

    def demands_answered(self, verb: Token) -> list[Token]:
        """The demands, calls or appeals a verb answers: its object or passive subject ('accepted the demands')."""
        return [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.pos_ == "NOUN" and self.demand(c)]

    def answered(self) -> None:
        """'Iran rejected repeated calls from Washington to halt enrichment', 'accepted the demands of the rebels': a
        demand an actor answers (the object of a verb of rejecting or yielding) was made of that actor, whatever
        the answer: its maker requests the answerer (actual; reported by whoever reports the answer), and a
        rejection rejects the maker."""
        for verb in self.tokens:
            if verb.pos_ != "VERB":
                continue
            rejecting = any(self.relations[t.relation].core == "rejects" for t in self.verb_triggers(verb))
            if not rejecting and not self.lex.token_cue("yield", verb):
                continue
            demands = self.demands_answered(verb)
            demanders = [a for noun in demands for a in self.agents(noun)]
            if not demanders:
                continue
            answerers, modality = self.subjects(verb), self.modality(verb)
            if rejecting:
                self.add(answerers, "rejects", demanders, verb, modality)
            if any(c.dep_ == "det" and c.lower_ in ("any", "no", "every") for c in demands[0].children):
                continue  # ('would reject any demand from X': none made yet)
            made = Modality(attributed_to=modality.attributed_to)
            # the demand noun may have named its own target ('demands that the group keep ...'): that demand was
            # made all the same, whatever the walk up from the noun read into the verb of rejecting
            read = [s for s in self.found if s.trigger == demands[0].text and s.relation == "requests"]
            for statement in read:
                self.found.remove(statement)
                self.add([statement.subject], "requests", [statement.object], demands[0], made)
            if not read and not self.addressed_elsewhere(verb, demands[0]):
                self.add(demanders, "requests", answerers, demands[0], made)

    @staticmethod
    def addressed_elsewhere(verb: Token, demand: Token) -> bool:
        """'appeals from the Red Cross to the Hamas leadership', 'a call for Egypt and Sudan to negotiate': the demand
        names whom it is made of, someone other than who answers it (the parser may hang the 'to' on the verb)."""
        clauses = [v for v in demand.children if v.dep_ in ("acl", "relcl") and v.pos_ == "VERB" and infinitive(v)]
        for prep in (c for n in (demand, verb) for c in n.children if c.dep_ == "prep"):
            objects = [p for p in prep.children if p.dep_ == "pobj"]
            if prep.lower_ in ("to", "on") and objects:
                return True
            own = [v for p in objects for v in p.children if v.pos_ == "VERB" and infinitive(v)]
            if prep.lower_ == "for" and prep.head.i == demand.i and objects and (own or clauses):
                return True
        return any(s.dep_ == "nsubj" for c in clauses for s in c.children)

    def protested(self) -> None:
        """'Landowners began a hunger strike to demand the return of property seized by the army', 'Students
        marched demanding the president's resignation': an act of protest (a protest verb, or a verb whose object
        is a protest noun: cue kinds protest and protest-act) done for a demand on or an accusation of an actor is
        a protest against that actor, PLOVER's PROTEST; the protest happened, whatever becomes of the demand."""
        protest = Trigger("accuses", (), plover="PROTEST")
        for verb in self.tokens:
            if verb.pos_ != "VERB":
                continue
            acts = [c for c in verb.children if c.dep_ == "dobj" and self.lex.token_cue("protest-act", c)]
            if not (acts or self.lex.token_cue("protest", verb)):
                continue
            # ('Israel carried out a strike', 'M23 rebels marched on Goma': armed acts, no protest)
            protesters = [a for a in self.subjects(verb) if a.type not in ("State", "GovernmentBody", "ArmedGroup")
                          or (a.type == "ArmedGroup" and a.generic)]  # fmt: skip
            for clause in verb.children:
                to_clause = infinitive(clause)
                if clause.dep_ != "advcl" or not (to_clause or clause.tag_ == "VBG"):
                    continue
                for trigger in self.verb_triggers(clause):
                    core = self.relations[trigger.relation].core
                    # a demand ('to demand X's resignation') or a protest, not a plea ('to ask Macron for help')
                    if core == "accuses" or (core == "requests" and self.lex.token_cue("demand", clause)):
                        targets = self.objects(clause, trigger)
                        self.add(protesters, "accuses", targets, verb, self.modality(verb), protest)
                        break

    def stationed(self) -> None:
        """'France has about 750 troops in Mali', 'Turkey, which keeps soldiers at a base in Bashiqa', 'Russia has a
        military base in Armenia': forces or a base an actor keeps somewhere (cue kinds keep, military and
        installation) are deployed there; 'has no troops in Syria' says they are not."""
        for verb in self.tokens:
            if verb.pos_ not in ("VERB", "AUX"):
                continue
            # 'About 5,000 American troops are now in Iraq', 'French troops are stationed in Mali', 'Russian warships
            # patrol the Black Sea': forces that are somewhere (cue kind presence), deployed there by their owner
            located = any(c.dep_ == "prep" and c.lower_ in STATIONS for c in verb.children)
            patrolled = [c for c in verb.children if c.dep_ == "dobj" and self.lex.token_cue("patrol", verb)]
            present = self.lex.token_cue("presence", verb) and (located or bool(patrolled))
            if not self.lex.token_cue("keep", verb) and not present:
                continue
            # ('has kept thousands of troops in Syria': what the number counts)
            held = ("nsubj", "nsubjpass") if present else ("dobj",)
            kept = [n for c in verb.children if c.dep_ in held for n in self.measured(c)]
            forces = [c for c in kept if self.lex.token_cue("military", c) or self.lex.token_cue("installation", c)]
            if not forces:
                continue
            places: list[Actor] = []
            places += [a for c in patrolled for a in self.ctx.expand(c, True) if a.type in ("Place", "State")]
            for prep in (c for w in (verb, *kept) for c in w.children if c.dep_ == "prep" and c.lower_ in STATIONS):
                for pobj in (p for p in prep.children if p.dep_ == "pobj"):
                    # 'on the ground in Mali', 'at a base in Bashiqa': where the ground or the base is
                    nested = [q for c in pobj.children if c.dep_ == "prep" and c.lower_ == "in"
                              for q in c.children if q.dep_ == "pobj"]  # fmt: skip
                    # ('are in control of Homs', 'are in talks': forces that are in something other than a place)
                    if present and self.ctx.mention_at(pobj) is None:
                        continue
                    for where in (pobj, *nested):
                        places += [a for a in self.ctx.expand(where, True) if a.type in ("Place", "State")]
            modality = self.modality(verb)
            if any(c.lower_ == "no" for f in forces for c in f.children):  # 'has no troops in Syria'
                modality.factuality = Factuality.NEGATED
            owners = [a for f in forces for a in self.ctx.expand(f)] if present else self.subjects(verb)
            for owner in owners:  # ('Syrian troops are in Damascus': at home, deployed nowhere)
                self.add([owner], "deploysTo", [p for p in places if not same_side(owner, p)], verb, modality)

    def composed(self) -> None:
        """'the AMISOM force, made up of troops from Uganda and Kenya,': each state whose troops make up a force or
        body is part of it (cue kind composed)."""
        for verb in self.tokens:
            self.composed_clause(verb)
            if verb.dep_ not in ("acl", "relcl"):
                continue
            # ('whose troops come from Uganda': the relative clause's subject is the force's own members)
            whose = any(p.lower_ == "whose" for c in verb.children if c.dep_ == "nsubj" for p in c.children)
            if verb.lemma_.lower() == "come" and not whose:
                continue
            particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), "")
            if not (self.lex.cue("composed", f"{verb.lemma_.lower()} {particle}".strip())
                    or self.lex.token_cue("composed", verb)):  # fmt: skip
                continue
            members = [p for c in verb.children if c.dep_ in ("prep", "dobj", "prt")
                       for p in ([c] if c.dep_ == "dobj" else c.children if c.lower_ == "of" else [])
                       if p.dep_ in ("pobj", "dobj")]  # fmt: skip
            # ('made up of troops from Uganda and Kenya': the parser may hang the 'from' on the verb)
            sources = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "from" for p in c.children]
            members = [*members, *(p for p in sources if p.dep_ == "pobj")]
            parts = [a for m in members for a in self.ctx.expand(m) if a.type in ("State", "GovernmentBody")
                     and not a.generic]  # fmt: skip
            whole = [
                a for a in self.ctx.expand(verb.head) if a.type not in ("State", "Place", "Person") and not a.generic
            ]
            self.add(parts, "partOf", whole, verb, self.asserted(verb.head))

    def composed_clause(self, verb: Token) -> None:
        """'AMISOM has (includes) troops from Uganda and Kenya': the states whose troops a force has are its parts;
        'Kenya contributes troops to AMISOM': the contributor is part of the force."""
        lemma = verb.lemma_.lower()
        if lemma not in ("have", "include", "contribute") or verb.pos_ not in ("VERB", "AUX"):
            return
        troops = [c for c in verb.children if c.dep_ == "dobj" and self.lex.token_cue("military", c)]
        if not troops:
            return
        if lemma == "contribute":
            bodies = [a for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for a in self.pobjs(c)]
            wholes = [a for a in bodies if a.type in ("InternationalOrganization", "ArmedGroup") and not a.generic]
            parts = [a for a in self.subjects(verb) if a.type == "State"]
            self.add(parts, "partOf", wholes, verb, self.modality(verb))
            return
        sources = [p for t in troops for c in (*t.children, *verb.children) if c.dep_ == "prep" and c.lower_ == "from"
                   for p in c.children if p.dep_ == "pobj"]  # fmt: skip
        parts = [a for p in sources for a in self.ctx.expand(p) if a.type == "State" and not a.generic]
        wholes = [a for a in self.subjects(verb) if a.type in ("InternationalOrganization", "ArmedGroup")]
        self.add(parts, "partOf", wholes, verb, self.modality(verb))

    def affiliated(self) -> None:
        """'Al-Shabab, which is linked to al-Qaida', 'militants affiliated with Islamic State': what is said to be
        linked to an organisation is part of it (cue kind affiliation; a state's links are backing, not membership:
        the hyphen 'Iran-linked' says the same)."""
        for verb in self.tokens:
            if verb.tag_ != "VBN" or not self.lex.token_cue("affiliation", verb):
                continue
            wholes = [a for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "with")
                      for a in self.pobjs(c) if a.type in ORGANISATIONS and not a.generic]  # fmt: skip
            if verb.dep_ == "acl":
                linked = self.ctx.expand(verb.head)
            else:
                held = [c for c in verb.children if c.dep_ == "nsubjpass"]
                held = [self.ctx.antecedent(verb) if c.lower_ in RELATIVE_PRONOUNS else c for c in held]
                linked = [a for c in held for a in self.ctx.expand(c)]
            parts = [a for a in linked if a.type not in ("State", "Place") and not a.generic]
            self.add(parts, "partOf", wholes, verb, self.modality(verb))

    def phoned(self) -> None:
        """'Biden called Erdogan on Monday to discuss the grain deal': calling a person or a state, with nothing said
        of them ('called X a terrorist', 'called on X to') and no call for anything, is a phone call: talks."""
        for verb in self.tokens:
            if verb.lemma_.lower() != "call" or verb.pos_ != "VERB" or self.verb_triggers(verb):
                continue
            complements = [c for c in verb.children if c.dep_ in ("dobj", "oprd", "attr", "ccomp", "xcomp", "prt")]
            if len(complements) != 1 or complements[0].dep_ not in ("dobj", "oprd"):
                continue
            called = self.ctx.expand(complements[0], object_position=True)
            if called and all(a.type in ("Person", "State", "GovernmentBody") for a in called):
                self.add(self.subjects(verb), "meetsWith", called, verb, self.modality(verb))

    def censured(self) -> None:
        """'Abe called the launch "unacceptable"', 'Assad called the Turkish presence an invasion', 'described their
        presence as a violation': naming an act or an actor by a word of censure (cue kind censure) accuses whoever
        is behind it."""
        for verb in self.tokens:
            thing = self.censured_thing(verb)
            if thing is None:
                continue
            accused = self.ctx.expand(thing, True) or self.agents(thing) or self.through_noun(thing, NO_TRIGGER)
            self.add(self.subjects(verb), "accuses", accused, verb, self.modality(verb))

    def censured_thing(self, verb: Token) -> Token | None:
        """What a naming verb names by a word of censure ('called the launch unacceptable', 'held Israel fully
        responsible'), if it does: the verb then judges, and says nothing of its own ('held' holds no place)."""
        if verb.pos_ != "VERB" or not self.lex.token_cue("naming", verb):
            return None
        named = [c for c in verb.children if c.dep_ == "dobj"]
        complements = [c for c in verb.children if c.dep_ in ("oprd", "dobj", "ccomp", "xcomp", "advcl", "acomp")]
        # ('holds [the PKK responsible]': the parser may make the one named the subject of the complement)
        named = named or [n for c in complements if c.pos_ == "ADJ" for n in c.children if n.dep_ == "nsubj"]
        complements = [c for c in complements if c not in named[:1]]
        complements += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children]
        complements += [c for n in named[:1] for c in n.children if c.dep_ == "appos"]
        blamed = (self.lex.cue_value("blame", verb.lemma_.lower()) or "").split(",")
        censure = any(self.lex.token_cue("censure", c) or c.lemma_.lower() in blamed for c in complements)
        return named[0] if named and censure else None

    def under_control(self) -> None:
        """'Mosul, the last city under Islamic State control', 'towns under rebel control': whoever's control it is
        controls the place (as 'rebel-held towns' say with a hyphen)."""
        for control in self.tokens:
            if control.lemma_.lower() != "control" or control.dep_ != "pobj":
                continue
            held = control.head.lower_ == "in" and control.head.head.lemma_ == "be"
            if held:  # 'government forces are in control of most of Homs': the subject controls it
                places = [a for c in control.children if c.dep_ == "prep" and c.lower_ == "of"
                          for a in self.pobjs(c, True) if a.type in ("Place", "State")]  # fmt: skip
                verb = control.head.head
                self.add(self.subjects(verb), "controls", places, control, self.modality(verb))
            if control.head.lower_ != "under":
                continue
            holders = [a for c in control.children if c.dep_ in ("compound", "amod", "poss", "nmod")
                       for a in self.ctx.denote(c) or self._word_actor(c)]  # fmt: skip
            place = control.head.head
            if place.dep_ == "attr":  # 'Mosul is the last city under IS control'
                places = [a for c in place.head.children if c.dep_ == "nsubj" for a in self.ctx.expand(c)]
            elif place.dep_ == "appos":  # 'toward Mosul, the last major city under IS control'
                places = self.ctx.expand(place.head, True)
            else:
                places = self.ctx.expand(place, True)
            places = [a for a in places if a.type in ("Place", "State") and a not in holders]
            self.add(holders, "controls", places, control, self.asserted(place))

    def received(self) -> None:
        """'Kyiv received weapons from Washington', 'Obama faced criticism from Congress': a verb of receiving
        (cue kind 'receive') turns round its object's event: the 'from' phrase does it to the subject. The
        event is the object noun's own relation, else CAMEO's pattern for giving that noun ('give weapons')."""
        for verb in self.tokens:
            if verb.pos_ != "VERB" or not self.lex.token_cue("receive", verb):
                continue
            for obj in (c for c in verb.children if c.dep_ == "dobj"):
                nouns = self.measured(obj)
                givers = [a for p in self.received_from(verb) for a in self.pobjs(p)]
                if not givers:
                    continue
                triggers = [t for n in nouns for t in self.noun_triggers(n)] or [
                    t for n in nouns for giving in GIVING for t in self.lex.pattern_trigger(giving, n)
                ]
                # ("North Korea's missile test drew condemnation from X": whoever is behind the thing that drew it)
                receivers = self.subjects(verb) or [
                    a for c in verb.children if c.dep_ == "nsubj" for a in self.through_noun(c, NO_TRIGGER)
                ]
                for trigger in triggers:
                    if self.relations[trigger.relation].core not in STRUCTURAL:
                        self.add(givers, trigger.relation, receivers, obj, self.modality(verb), trigger)

    def exchanged(self) -> None:
        """'Trump traded threats with Kim', 'Israel and Hamas exchanged fire', 'Ukraine and the rebels swapped
        prisoners': a verb of exchange (cue kind exchange) does its object's act both ways, between the subject and
        its 'with' phrase, or between the subjects themselves. Fire exchanged is fighting; captives exchanged are
        concessions each side makes (cue kind captive)."""
        for verb in self.tokens:
            if verb.pos_ != "VERB" or not self.lex.token_cue("exchange", verb):
                continue
            # ('swapped hundreds of prisoners': what the number counts; 'exchanged lists of prisoners' no prisoners)
            nouns = [c for o in verb.children if o.dep_ == "dobj" for c in (o, *o.conjuncts)]
            nouns = [m for n in nouns for m in (self.measured(n) if self.ctx.is_quantity(n) else [n])]
            partners = [a for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for a in self.pobjs(c)]
            partners += [a for n in nouns for c in n.children if c.dep_ == "prep" and c.lower_ == "with"
                         for a in self.pobjs(c)]  # fmt: skip
            sides = self.subjects(verb)
            pairs = [(a, b) for a in sides for b in partners] if partners else list(itertools.combinations(sides, 2))
            for noun in nouns:
                captives = self.lex.token_cue("captive", noun)
                relations = ["concedesTo"] if captives else [t.relation for t in self.noun_triggers(noun)]
                for relation in dict.fromkeys("fights" if r == "attacks" else r for r in relations):
                    for a, b in pairs:
                        self.add([a], relation, [b], noun, self.modality(verb))
                        if not self.relations[relation].symmetric:
                            self.add([b], relation, [a], noun, self.modality(verb))

    def rivals(self) -> None:
        """'Hamas signed a deal with the rival Fatah movement', 'talks between Hamas and the rival Fatah': an actor
        called the rival of the other side of its phrase (the first of a coordination or a 'between' pair, else the
        subject of a clause it is the object of) opposes it, both ways (lasting hostility). Only a named actor:
        'the rival government' names none."""
        for word in self.tokens:
            if word.dep_ != "amod" or word.lower_ not in ("rival", "rivals"):
                continue
            head = word.head
            named = any(self.ctx.mention_at(t) is not None for t in (head, *head.children) if t.dep_ != "amod")
            others = [a for a in self.ctx.expand(head) if not a.generic and a.type != "Place"] if named else []
            sides = [a for a in self.rival_counterpart(head) if a.type != "Person"]
            sides = [a for a in sides if a not in others and not any(same_side(a, o) for o in others)]
            if others and sides:
                modality = self.asserted(head)
                self.add(sides, "opposes", others, word, modality)
                self.add(others, "opposes", sides, word, modality)

    def allied(self) -> None:
        """'Turkish troops and allied Syrian rebels advanced': an actor called allied in a coordination is the ally of
        the first conjunct (as 'the rival X' is its rival)."""
        for word in self.tokens:
            if word.dep_ != "amod" or word.lower_ != "allied" or word.head.dep_ != "conj":
                continue
            first = word.head.head
            while first.dep_ == "conj":
                first = first.head
            allies = [a for a in self.ctx.denote(word.head) if not a.generic or a.type == "ArmedGroup"]
            sides = [a for a in self.ctx.expand(first) if a.type != "Place" and not a.generic and a not in allies]
            self.add(sides, "cooperatesWith", allies, word, self.asserted(word.head))

    def rival_counterpart(self, head: Token) -> list[Actor]:
        """The other side of 'the rival X': the first conjunct before it ('Hamas and the rival Fatah'), else the
        subject of the clause whose object it is ('Hamas signed a deal with the rival Fatah')."""
        if head.dep_ == "conj":
            first = head.head
            while first.dep_ == "conj":
                first = first.head
            return self.ctx.expand(first)
        verb = head.head.head if head.dep_ == "pobj" and head.head.lower_ in ("with", "against") else head.head
        if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.dep_ == "dobj":
            verb = head.head.head.head  # 'accused a faction of the rival PUK'
        if head.dep_ == "pobj" and verb.dep_ == "dobj" and head.head.lower_ == "with":
            verb = verb.head  # 'signed a ceasefire deal with the rival RSF'
        direct = head.dep_ == "dobj" or (head.dep_ == "pobj" and verb.pos_ in ("VERB", "AUX"))
        if not direct or verb.pos_ not in ("VERB", "AUX") or self.lex.token_cue("broker", verb):
            return []
        return self.subjects(verb)

    def denied_charges(self) -> None:
        """'Kyiv accuses Russia of arming the rebels, a charge Moscow denies': what the charge says is also the
        denier's, negated (as 'Moscow denied arming the rebels' would give), beside the accuser's claim."""
        for charge in self.tokens:
            if charge.dep_ not in ("npadvmod", "appos") or not self.lex.token_cue("claim", charge):
                continue
            deniers = [a for c in charge.children if c.dep_ == "relcl" and self.lex.token_cue("deny", c)
                       for a in self.subjects(c)]  # fmt: skip
            accusers = self.subjects(charge.head) if charge.head.pos_ in ("VERB", "AUX") else []
            if not deniers or not accusers:
                continue
            for made in list(self.found):
                if made.attributed_to in accusers and made.factuality == Factuality.ACTUAL:
                    denied = replace(made, factuality=Factuality.NEGATED, attributed_to=deniers[0])
                    if denied not in self.found:
                        self.found.append(replace(denied, construction="a charge denied"))

    def left_to_the_taker(self) -> None:
        """'Iraqi forces seized Kirkuk as Kurdish fighters withdrew': a withdrawal with no place of its own leaves the
        place another side takes in the same sentence."""
        taken = [s for s in self.found if self.relations[s.relation].core == "captures" and s.object.type == "Place"
                 and s.factuality == Factuality.ACTUAL]  # fmt: skip
        for event in list(self.events):
            if event.role != "agent" or self.relations[event.relation].core != "withdrawsFrom":
                continue
            if event.factuality != Factuality.ACTUAL:
                continue  # ('after taking X unless the fighters withdrew': no withdrawal, nor from X)
            trigger = self.trigger_token(event.trigger)
            if trigger is None or any(c.dep_ in ("prep", "prt", "dobj") for c in trigger.children):
                continue  # ('withdrew from the negotiations as Russia captured X': a withdrawal of its own)
            places = {s.object.id: s.object for s in taken if not same_side(s.subject, event.actor)}
            if len(places) == 1:
                modality = Modality(event.factuality, event.attributed_to)
                self.add([event.actor], event.relation, list(places.values()), trigger, modality)

    def joint_agents(self) -> None:
        """'The United States, Britain and France launched strikes on Syria', 'Somali and AU troops captured
        Barawe': the actors of one coordinated subject doing one act of force or pressure (JOINT_ACTS) act jointly
        (the spec's joint action); each pair cooperates, as the act's own factuality and asserter say. Not two
        clauses that share a word ('Hamas attacked Israel, and Israel attacked Gaza'), not two who act on each
        other ('fired at each other'), and not one side's bodies ('Iraqi troops and federal police')."""
        # ('Hezbollah and its Radwan Force attacked X': a part and its whole are one side)
        parts = {frozenset((s.subject.id, s.object.id)) for s in self.found if s.relation in ("partOf", "leads")}
        # ('Hamas attacked Israel, and Israel attacked Gaza': whoever acts on the other in the sentence is no partner)
        acted_on = {frozenset((s.subject.id, s.object.id)) for s in self.found if s.relation not in ("partOf", "leads")}
        done: set[tuple[int, str]] = set()
        for made in list(self.found):  # (not one-sided events: 'X and Y closed their airspace' is no act on another)
            if self.relations[made.relation].core not in JOINT_ACTS or made.attributed_to not in (None, made.subject):
                continue  # ('accused both Boko Haram and the army of killing civilians': each on its own)
            trigger = self.trigger_token(made.trigger)
            subject = self.joint_subject(trigger) if trigger is not None else None
            if subject is None or (subject.i, made.relation) in done:
                continue
            done.add((subject.i, made.relation))
            doers = [a for a in self.ctx.expand(subject) if a.type not in ("Place", "Population")]
            doers = [d for d in doers if d.type != "GovernmentBody" or d.parent or d.country]
            if len(doers) >= 2 and made.factuality == Factuality.ACTUAL:
                self.ctx.note_allies(doers)  # 'the allies' in the next sentences
            modality = Modality(made.factuality, made.attributed_to)
            for a, b in itertools.combinations(doers, 2):
                pair = frozenset((a.id, b.id))
                if not same_side(a, b) and pair not in parts | acted_on | self.ctx.enemies:
                    self.add([a], "cooperatesWith", [b], trigger, modality)

    def threatened_acts(self) -> None:
        """'Iran vowed to retaliate against the United States', 'North Korea said it would strike the US if provoked':
        a state, armed group or bloc announcing its own act of force, or making it conditional on what another does,
        threatens whom it would be done to (CAMEO 13), beside the planned act itself; a conditional act with no
        object of its own threatens the condition's subject ('we will strike back if Turkey continues'). Only what
        its own side would do to another actor ('vowed to rebuild Mosul', 'would strike rebel positions in Idlib'
        threaten no one)."""
        potential = Factuality.POTENTIAL
        planned = [(s.subject, s.relation, s.trigger, [s.object]) for s in self.found if s.factuality == potential]
        planned += [(e.actor, e.relation, e.trigger, None) for e in self.events
                    if e.role == "agent" and e.factuality == potential]  # fmt: skip
        for subject, relation, word, targets in planned:
            act = self.trigger_token(word)
            if act is None or self.relations[relation].core not in DIRECT:
                continue
            if not (subject.type in (*POWERS, "InternationalOrganization") or subject.leads or subject.parent):
                continue  # (a bloc's conditional sanctions threaten too; a people's or a person's vow is no power's)
            act = act.head if act.dep_ == "dobj" and act.head.pos_ in ("VERB", "AUX") else act  # ('impose sanctions')
            frame = self.threat_frame(act)
            if frame is None:
                continue
            targets = targets if targets is not None else self.conditioned(act)
            targets = [t for t in targets if t.type != "Place" and not same_side(subject, t)]
            # (a warning already stated, by the actor or whoever speaks for it: 'Erdogan warned that Turkey would')
            warned = {s.object.id for s in self.found if self.relations[s.relation].core == "threatens"
                      and (same_side(s.subject, subject) or speaks_for(s.subject, subject))}  # fmt: skip
            targets = [t for t in targets if t.id not in warned]
            if targets:
                self.add([subject], "threatens", targets, frame[0], frame[1])

    def threat_frame(self, act: Token) -> tuple[Token, Modality] | None:
        """The word that makes a planned act a threat, and the threat's own modality: a vow governing it ('vowed to
        retaliate'), else, when an 'if' or 'unless' clause conditions the act ('would strike if provoked'), the verb
        that reports it ('said'), or the act itself stated in the article's or a release's voice."""
        clause = act
        while clause.dep_ in ("xcomp", "conj") and clause.head.pos_ in ("VERB", "AUX"):
            clause = clause.head
            if self.lex.token_cue("vow", clause):
                return clause, self.modality(clause)
        if not any(c.dep_ == "advcl" and marked(c, "if", "unless") for c in act.children):
            return None
        report = act.head if act.dep_ == "ccomp" and self.lex.token_cue("report", act.head) else None
        if report is not None:
            return report, self.modality(report)
        return act, replace(self.modality(act), factuality=Factuality.ACTUAL)

    def joint_nouns(self) -> None:
        """'Iran and Iraq held joint exercises', 'the two navies held joint patrols': what two or more actors do as a
        'joint' thing (the subject of the verb it is the object of, or its possessors) they do together; a joint
        statement's signers are not made allies by signing (cue kind document)."""
        for word in self.tokens:
            if word.dep_ != "amod" or word.lower_ != "joint" or word.head.dep_ not in ("dobj", "nsubj", "nsubjpass"):
                continue
            noun = word.head
            if self.lex.token_cue("document", noun):
                continue  # ('issued a joint statement': what it says is the news, a list of signers no alliance)
            owners = [a for c in noun.children if c.dep_ == "poss" for a in self.ctx.expand(c)]
            doers = owners or (self.subjects(noun.head) if noun.dep_ == "dobj" else [])
            doers = [a for n, a in enumerate(doers) if a not in doers[:n] and not a.generic and a.type != "Place"]
            if len(doers) >= 2:
                self.pairwise(doers, "cooperatesWith", word, self.modality(noun.head))

    def provided_with(self) -> None:
        """'The United States provided Ukraine with air defense systems': giving an actor something (cue kind give,
        with a 'with' phrase) supports it, whatever the thing (an event noun's own rule reads 'with security aid')."""
        for verb in self.tokens:
            if verb.pos_ != "VERB" or not self.lex.token_cue("give", verb) or self.verb_triggers(verb):
                continue
            if not any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children):
                continue
            given = [a for c in verb.children if c.dep_ == "dobj" for a in self.ctx.expand(c, True)]
            given = [a for a in given if a.type in ("State", "GovernmentBody", "ArmedGroup", *ORGANISATIONS)]
            self.add(self.subjects(verb), "supports", given, verb, self.modality(verb))

    def trigger_token(self, word: str) -> Token | None:
        """The token of a statement's or event's trigger word in this sentence (they keep the word, not the token)."""
        return next((t for t in self.tokens if t.text == word), None)

    def joint_subject(self, trigger: Token) -> Token | None:
        """The coordinated subject of the clause a trigger word acts in ('The US, Britain and France launched
        strikes': 'The United States'), or None when it names one actor or the act is done 'at each other'."""
        verb = trigger
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        if any(t.lower_ == "each" for t in verb.subtree):
            return None  # 'fired at each other', 'attacked each other's posts'
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        subjects += [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        subject = next((s for s in subjects if s.dep_ != "nsubjpass"), None)
        if subject is None:
            return None
        # ('The two countries imposed sanctions', 'The allies struck': a plural that stands for those named before)
        collective = subject.tag_ in ("NNS", "NNPS") and len(self.ctx.expand(subject)) >= 2
        return subject if collective or any(c.dep_ == "conj" for c in subject.children) else None

    @staticmethod
    def clause_of(token: Token) -> Token | None:
        """The verb (or copula) a phrase belongs to."""
        node = token.head
        while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
            node = node.head
        return node if node.pos_ in ("VERB", "AUX") else None

    def reported_demands(self) -> None:
        """'Kenya said Somalia must withdraw': a report verb whose clause obliges another actor is a request."""
        for verb in self.tokens:
            if verb.pos_ not in ("VERB", "AUX"):
                continue
            speakers = None
            for clause in verb.children:
                addressees = self.obliged(clause) if clause.dep_ == "ccomp" else []
                if not addressees:
                    continue
                if speakers is None:
                    speakers = self.subjects(verb)
                if speakers and addressees:
                    self.add(speakers, "requests", addressees, verb, self.modality(verb))
        self.own_voice_demands()

    def own_voice_demands(self) -> None:
        """'Russia must withdraw its forces', said in an official statement's own voice: its author asks Russia."""
        root = self.span.root
        author = self.ctx.author
        if author is None or root.pos_ not in ("VERB", "AUX") or self.ctx.quoted(root):
            return
        addressees = self.obliged(root)  # 'we must support Ukraine': the author itself, which add() leaves out
        if addressees:
            self.add([self.ctx.seen(author)], "requests", addressees, root, Modality())

    def obliged(self, clause: Token) -> list[Actor]:
        """The actors a clause with 'must', 'should' obliges: its subject ('Somalia must withdraw')."""
        if not any(c.dep_ == "aux" and c.lower_ in DEONTIC for c in clause.children):
            return []
        return [a for c in clause.children if c.dep_ == "nsubj" for a in self.ctx.expand(c, True)]

    def described_roles(self) -> None:
        """'Colonel Diallo, a commander of the Malian army,' / 'X is a senior leader of Y' / 'the party's leader,
        Mahmoud Abbas': the role stated."""
        for noun in self.tokens:
            named = [c for c in noun.children if c.dep_ == "appos" and self.ctx.mention_at(c) is not None]
            # 'Turkey considers the YPG a branch of the PKK': a small clause under a belief verb, as a copula
            believed = noun.dep_ in ("ccomp", "oprd") and self.lex.token_cue("belief", noun.head)
            # 'Ankara regards the YPG as part of the PKK': the belief verb's object is the part
            regarded = (
                noun.dep_ == "pobj"
                and noun.head.lower_ == "as"
                and noun.head.head.i != noun.head.i
                and self.lex.token_cue("belief", noun.head.head)
            )
            believed = believed or regarded
            # ('The Chairperson of the Commission, Dr. X,': a capitalised title the tagger calls a name)
            nominal = noun.pos_ == "NOUN" or (noun.pos_ == "PROPN" and bool(named))
            if (noun.dep_ not in ("appos", "attr") and not named and not believed) or not nominal:
                continue
            triggers = self.role_triggers(noun)
            if not triggers or any(c.lower_ in FORMER for c in noun.children):
                continue  # ('Ban Ki-moon, a former South Korean foreign minister,' represents no one now)
            if named:  # 'the rebels' commander, Ahmed Shah,'
                holders = []
                for actor in (a for c in named for a in self.ctx.expand(c)):  # ('Russia's allies, X and Y,')
                    holders += [actor] if actor not in holders else []
            elif noun.dep_ == "appos":
                if noun.head.lower_ in ("we", "us"):
                    continue  # 'We, the members of the North Atlantic Council,': the issuer by another name
                holders = self.ctx.denote(noun.head)
            else:
                clause = noun.head.head if regarded else noun if believed else noun.head
                subject = "dobj" if regarded else "nsubj"
                holders = [a for c in clause.children if c.dep_ == subject for a in self.ctx.expand(c)]
            owners = self.role_owners(noun)
            for holder in (h for h in holders if h.type == "Person"):  # 'the Chairperson' says who after this
                self.ctx.titles.setdefault(holder.id, set()).add(noun.lemma_.lower())
            for trigger in triggers:
                collective = trigger.relation in ("partOf", "cooperatesWith", "opposes", "supports")
                holders_fit = [h for h in holders if h.type == "Person" or collective]
                self.add(
                    holders_fit,
                    trigger.relation,
                    owners,
                    noun,
                    self.modality(noun.head)
                    if noun.dep_ == "attr"
                    else self.believed(noun)
                    if believed
                    else self.asserted(noun),
                )

    def asserted(self, noun: Token) -> Modality:
        """Who states a role in apposition: whoever asserts the clause it is in ('Turkey says the PKK's Syrian
        affiliate, the YPG, attacked ...': Turkey), as a fact otherwise."""
        head = noun.head
        clause = head.head if head.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") else head
        return Modality(attributed_to=self.modality(clause).attributed_to)

    def believed(self, noun: Token) -> Modality:
        """The modality of a role believed ('considers X a branch of Y', 'regards X as part of Y'): the believer's."""
        if noun.dep_ != "pobj":
            modality = self.modality(noun)
            if any(self.negates(c) for c in noun.head.children):  # 'does not consider X a branch of Y'
                modality.factuality = Factuality.NEGATED
            return modality
        verb = noun.head.head
        modality = self.modality(verb)
        modality.attributed_to = modality.attributed_to or self.asserter(verb)
        return modality

    def role_triggers(self, noun: Token) -> list[Trigger]:
        phrase = " ".join(
            t.lower_ for t in noun.lefts if t.dep_ in ("amod", "compound") and self.ctx.mention_at(t) is None
        )
        lemma = noun.lemma_.lower()
        found = self.lex.trigger("role", f"{phrase} {lemma}".strip()) or self.lex.trigger("role", lemma)
        relational = self.lex.token_cue("relational", noun)  # ('Iran is a key ally of X': no event noun reads it)
        # ('Iran, Syria's main backer,', 'Iran is Syria's main backer': a backer's owner is whom it backs)
        backer = any(t.relation == "supports" and "of" in t.preps for t in self.lex.trigger("noun", lemma))
        # 'X, a member of Y,', 'X, the armed wing of Y,': the copular case is an event noun's
        if not found and (noun.dep_ != "attr" or relational or backer):
            # ('China, North Korea's main ally,' cooperates with it; 'Fatah, a longtime rival of Hamas,' opposes it)
            kept = ("partOf", "cooperatesWith", "opposes") if relational else ("partOf", "cooperatesWith")
            kept = (*kept, "supports") if backer else kept
            found = [t for t in self.lex.trigger("noun", lemma) if t.relation in kept]
        return found

    def role_owners(self, noun: Token) -> list[Actor]:
        """Whose role it is: 'of Y', 'Y's', or a demonym or name before the noun."""
        owners = [a for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for a in self.pobjs(c, True)]
        if self.lex.token_cue("relational", noun):  # 'his Armenian counterpart': Armenia's, a peer of his
            named = [self.ctx.mention_at(c) for c in noun.children if c.dep_ in ("amod", "compound", "nmod")]
            states = [m.actor for m in named if m is not None and m.actor.type == "State"]  # (not 'his Chelsea ...')
            # "Russia, Syria's closest ally,": a possessor that is no person is the other side ('his counterpart' is
            # his peer, not his country's)
            possessors = [a for c in noun.children if c.dep_ == "poss" for a in self.ctx.expand(c)]
            others = [a for a in [*possessors, *owners] if a.type not in ("Person", "Place")]
            # an ally's demonym says who the ally is ('Iran and its Lebanese ally Hezbollah' are Iran's allies), a
            # counterpart's whom it serves
            return others if self.ctx.ally_noun(noun) else states or others
        if not owners:
            owner, _ = self.ctx.owner(noun)
            owners = [owner] if owner is not None else []
        # 'the foreign minister of the Maduro regime': of the person's country, not of the person
        return [self.ctx.get(o.leads) or self.ctx.get(o.country) or o if o.type == "Person" else o for o in owners]
