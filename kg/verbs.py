"""Verb triggers: who acts. Part of the rules (kg.rules), split out by concern; on whom is kg.objects.

Subject from ``nsubj`` or a passive ``by`` agent, inherited through control (subject and object control),
raising, relative clauses and coordination.
"""

from __future__ import annotations

import itertools
from dataclasses import replace

from spacy.tokens import Token

from kg.coreference import RELATIVE_PRONOUNS
from kg.gazetteer import Actor
from kg.lexicon import Trigger, word_forms
from kg.modality import Modality, infinitive

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

NO_TRIGGER = Trigger("supports", ())
#: Prepositions whose gerund the verb's object does ('warned X against V-ing', 'stopped X from V-ing', 'thanked X
#: for V-ing'); under others the subject does it ('helped X by V-ing'; 'accused X of' is accused()), as after a verb
#: of using (cue kind instrument: 'used drones for striking X')
GERUND_CONTROL = ("against", "from", "for")


#: Participles whose agent did what the noun they modify names ('an attack claimed by X', 'crimes committed by X')
DONE_BY = ("claim", "carry", "commit", "perpetrate", "launch", "stage", "mount", "conduct")


def conjoined_preps(prep: Token) -> list[Token]:
    """The same preposition conjoined to a phrase ('at the village of X and at army checkpoints'), wherever the
    parser hangs it within the phrase (on its 'of'), but not inside a clause of its own ('at protesters who had
    thrown stones at police and at soldiers')."""
    found = []
    for c in prep.subtree:
        if c.dep_ == "conj" and c.pos_ == "ADP" and c.lower_ == prep.lower_:
            path = itertools.takewhile(lambda a: a.i != prep.i, c.ancestors)
            if not any(a.pos_ in ("VERB", "AUX") for a in path):
                found.append(c)
    return found


class VerbRules:
    """Mixed into :class:`kg.rules.SentenceRules`."""

    def verb_triggers(self, verb: Token) -> list[Trigger]:
        """The triggers a verb makes with its particles, prepositions and object noun. Asked of the same verb by
        many rules of a sentence (control, modality, constructions), so kept for the sentence's rules; callers
        must not change the list."""
        known = self.verb_triggers_made.get(verb.i)
        if known is None:
            known = self.verb_triggers_made[verb.i] = self.make_verb_triggers(verb)
        return known

    def make_verb_triggers(self, verb: Token) -> list[Trigger]:
        found = self.object_noun_triggers(verb)
        if found:
            return found
        # 'call for X to withdraw': the preposition is the mark of the clause it introduces
        marks = [
            m for c in verb.children if c.dep_ == "advcl" for m in c.children if m.dep_ == "mark" and m.lower_ == "for"
        ]
        has_object = any(c.dep_ == "dobj" for c in verb.children)
        for child in [*verb.children, *marks]:
            dated = any(p.dep_ == "pobj" and p.ent_type_ in ("DATE", "TIME") for p in child.children)
            if child.dep_ == "prep" and dated:
                continue  # 'called Erdogan on Monday': a day is no particle's object ('call on X')
            if child.dep_ in ("prt", "prep", "mark") or (child.dep_ == "advmod" and child.i == verb.i + 1):
                found = self.lex.token_trigger("verb", verb, suffix=f" {child.lower_}")
                if found and child.dep_ == "prep" and has_object and all(child.lower_ not in t.preps for t in found):
                    continue  # 'called Lavrov for an update': a form whose preposition marks the object takes no other
                if found:  # 'call on X': the preposition of the verb's own form introduces its object
                    return [t if child.lower_ in t.preps else replace(t, preps=(*t.preps, child.lower_)) for t in found]
        own = self.lex.token_trigger("verb", verb)
        if own or not self.is_light(verb):
            return own
        objects = [n for c in verb.children if c.dep_ == "dobj" for n in self.measured(c)]
        if any(self.lex.token_cue("weapon", n) for n in objects):  # 'launched rockets into Israel' fires them
            return self.lex.trigger("verb", "fire")
        return own

    def object_noun_triggers(self, verb: Token) -> list[Trigger]:
        """'imposed a curfew on X', 'called off talks with X': a verb whose object noun makes the event
        (CAMEO's verb + noun patterns). The noun is not the target, so these triggers take theirs from
        a preposition; a verb with another object keeps its own triggers."""
        particles = [*(c.lower_ for c in verb.children if c.dep_ == "prt"), ""]
        for child in verb.children:
            if child.dep_ in ("dobj", "nsubjpass"):
                for noun in self.measured(child):
                    for particle in particles:
                        found = self.lex.verbnoun_trigger(verb, noun, particle)
                        if found:
                            return found
        return []

    @staticmethod
    def measured(noun: Token, depth: int = 2) -> list[Token]:
        """A noun and what its 'of' phrases measure: 'sent 700 kg of medicine', 'a grant of 5 million
        shillings', 'tons of food aid' (the pattern is the verb and the goods, not the measure)."""
        found = [noun]
        counted = any(c.dep_ in ("nummod", "quantmod") for c in noun.children)  # '$40 billion in aid'
        for child in noun.children:
            if depth and child.dep_ == "prep" and (child.lower_ == "of" or (counted and child.lower_ == "in")):
                for pobj in (p for p in child.children if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN")):
                    found += VerbRules.measured(pobj, depth - 1)
        return found

    def verb(self, verb: Token) -> None:
        triggers = self.verb_triggers(verb)
        if verb.dep_ == "advcl" and infinitive(verb):
            # 'met in Geneva to discuss Syria': a purpose of the same relation restates the act, no second one planned
            done = {t.relation for t in self.verb_triggers(verb.head)}
            triggers = [t for t in triggers if t.relation not in done]
        if not triggers or self.carried_by_noun(verb) or self.censured_thing(verb) is not None:
            return  # ('held Israel responsible': a judgment, kg.constructions.censured, and no holding)
        subjects = self.subjects(verb) or self.passive_party(verb, triggers) or self.crowd(verb)
        if not subjects:
            # ('A car bomb struck a market': 'the strike' is no other's)
            self.ctx.note_agent(verb.lemma_.lower(), None, self.relations[triggers[0].relation].core)
            self.suffered(verb, triggers[0])
            return
        modality = self.modality(verb)
        if self.lex.token_cue("victim", verb):  # 'Three soldiers died in the ambush': who bears the act
            self.one_sided(subjects, "target", triggers[0], verb, modality)
            return
        made = len(self.found)
        partners = self.partners(verb)
        if partners:
            self.add(subjects, "cooperatesWith", partners, verb, modality)
        found_any = False
        for trigger in triggers:
            relation = trigger.relation
            joined_in = "in" not in trigger.preps and any(c.dep_ == "prep" and c.lower_ == "in" for c in verb.children)
            if relation == "partOf" and joined_in:
                relation = "cooperatesWith"  # 'A joined B in imposing sanctions' is no membership
            objects = self.objects(verb, trigger)
            found_any = found_any or bool(objects)
            if not objects and len(subjects) >= 2 and self.reciprocal(verb):  # 'X and Y accused each other'
                for subject in subjects:
                    self.add([subject], relation, [o for o in subjects if o != subject], verb, modality, trigger)
                continue
            if not objects and self.relations[relation].symmetric and len(subjects) >= 2:
                if not self.lex.token_cue("mediation", verb):  # co-mediators ('mediated by X and Y') do not meet
                    self.pairwise(subjects, relation, verb, modality, trigger)  # 'Kenya and Somalia agreed'
                continue
            self.add([*subjects, *partners], relation, objects, verb, modality, trigger)
        if not found_any:
            self.second_sense(verb, subjects, modality)
        if len(self.found) == made and not found_any:  # 'Albanians demonstrated in Serbia', 'agreed to resign'
            self.one_sided(subjects, "agent", triggers[0], verb, modality)

    def suffered(self, verb: Token, trigger: Trigger) -> None:
        """'Three civilians were killed in a car bombing': a passive act whose agent the sentence does not name
        is an event with its target only (a symmetric relation has no target: its passive subject is a party)."""
        if self.relations[trigger.relation].symmetric or not any(c.dep_ == "nsubjpass" for c in verb.children):
            return
        if any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in verb.children) and any(
            c.dep_ in ("ccomp", "xcomp") for c in verb.children
        ):
            return  # 'it was revealed (that) a truce has been agreed': the 'it' stands for the clause
        targets = self.objects(verb, trigger)
        if targets:
            self.one_sided(targets, "target", trigger, verb, self.modality(verb))

    def crowd(self, verb: Token) -> list[Actor]:
        """'Thousands of people protested against X': a crowd that protests is the article's protesters (cue kinds
        crowd and protest); people elsewhere ('killed ten people') name nobody in particular."""
        if not self.lex.token_cue("protest", verb):
            return []
        for subject in (c for c in verb.children if c.dep_ == "nsubj"):
            counted = [subject]
            if self.ctx.is_quantity(subject):  # 'thousands of people'
                counted = [p for c in subject.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
            if any(self.lex.token_cue("crowd", n) for n in counted):
                return [self.ctx.seen(self.ctx.article_generic("protesters", "Population"))]
        return []

    @staticmethod
    def reciprocal(verb: Token) -> bool:
        """'each other', 'one another' as the verb's object, its object's owner ('shelled each other's positions')
        or a preposition's object ('fired at each other'): each subject acts on the others."""
        words = [c for c in verb.children if c.dep_ == "dobj"]
        words += [p for c in verb.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
        words += [o for w in list(words) for o in w.children if o.dep_ == "poss"]
        return any(
            {w.lower_, *(d.lower_ for d in w.children if d.dep_ != "case")} in ({"other", "each"}, {"one", "another"})
            for w in words
        )

    def passive_party(self, verb: Token, triggers: list[Trigger]) -> list[Actor]:
        """'X is allied with Y', 'the rebels, who are allied with Iran,': the passive subject of a symmetric
        relation is one of its parties, not who suffers it."""
        if not any(self.relations[t.relation].symmetric for t in triggers):
            return []
        for child in verb.children:
            if child.dep_ == "nsubjpass":
                if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                    return self.ctx.expand(self.ctx.antecedent(verb))
                return self.ctx.expand(child)
        return []

    def second_sense(self, verb: Token, subjects: list[Actor], modality) -> None:
        """'welcomed Ethiopia's decision': a verb whose object is an actor's thing, not an actor, may mean what
        CAMEO reads it as ('welcome' is support there, a meeting in the hand lexicon)."""
        things = [c for c in verb.children if c.dep_ == "dobj" and not self.ctx.expand(c, object_position=True)]
        # an agreement or talks between two sides is theirs jointly: welcoming it backs neither side
        things = [t for t in things if not any(self.relations[n.relation].symmetric for n in self.noun_triggers(t))]
        for trigger in (t for form in word_forms(verb.text, verb.lemma_) for t in self.lex.trigger("sense", form)):
            objects = [a for thing in things for a in self.through_noun(thing, trigger)]
            self.add(subjects, trigger.relation, objects, verb, modality, trigger)

    def pairwise(
        self, actors: list[Actor], relation: str, word: Token, modality: Modality, source: Trigger | None = None
    ) -> None:
        """A symmetric relation among coordinated actors: each pair once."""
        for n, first in enumerate(actors):
            self.add([first], relation, actors[n + 1 :], word, modality, source)

    def carries(self, verb: Token) -> bool:
        """'completed their withdrawal', 'opened an investigation': a verb with no relation of its own whose
        subject carries out its event noun (one that judges or ends the event, 'condemned the attack', 'lifted
        the sanctions', does not)."""
        if verb.pos_ not in ("VERB", "AUX") or self.verb_triggers(verb):
            return False
        if self.lex.token_cue("receive", verb) and self.received_from(verb):
            return False  # 'accepted aid from X': X gives (kg.constructions.received); 'accepted a truce' carries
        if any(self.lex.token_cue(kind, verb) for kind in ("report", "deny", "negator", "breach")):
            return False
        potential = self.lex.token_cue("potential", verb)  # 'is considering new sanctions' carries them, as planned
        return not self.lex.token_cue("belief", verb) or potential

    def received_from(self, verb: Token) -> list[Token]:
        """The 'from' phrases of a verb of receiving, on the verb or its object ('aid from X')."""
        objects = [n for c in verb.children if c.dep_ == "dobj" for n in self.measured(c)]
        return [p for n in (verb, *objects) for p in n.children if p.dep_ == "prep" and p.lower_ == "from"]

    def carried_by_noun(self, verb: Token) -> bool:
        """'imposed sanctions on X', 'launched an offensive against X': a light verb whose event noun carries
        the relation says nothing of its own."""
        return self.is_light(verb) and any(
            self.is_event_noun(n) and not self.structural(n)
            for c in verb.children
            if c.dep_ in ("dobj", "nsubjpass")
            for n in self.measured(c)
        )

    def wielders(self, weapon: Token) -> list[Actor]:
        """Whoever fires a weapon its phrase names the owner of ('Russian missiles', 'Hamas rockets', 'Iran's drones'):
        a state's armed forces, or the group itself; 'the missiles' of nobody named are the last attacker's."""
        owner, _ = self.ctx.owner(weapon)
        definite = any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in weapon.children)
        earlier = self.ctx.last_agents(["#attacks"])
        if owner is None and definite and earlier is not None and earlier[0] < self.ctx.sentence_count:
            return [self.ctx.seen(a) for a in earlier[1]]  # 'The missiles hit near the consulate': the last attacker's
        if owner is None or owner.type not in ("State", "GovernmentBody", "ArmedGroup"):
            return []
        return [self.ctx.seen(self.ctx.military_of(owner) if owner.type == "State" else owner)]

    def subjects(self, verb: Token) -> list[Actor]:
        """Who does what the verb says, following control, relative clauses and coordination.

        (Tokens are compared by index: spaCy makes a new Token object on every access.)
        """
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        # ('is designated a terrorist organization by X': the parser hangs the agent on the predicate noun)
        predicates = [c for c in verb.children if passive and c.dep_ in ("dobj", "oprd", "attr") and c.pos_ == "NOUN"]
        for child in [*verb.children, *(c for p in predicates for c in p.children)]:
            if child.dep_ == "agent" or (passive and child.dep_ == "prep" and child.lower_ == "by"):
                agents = self.pobjs(child) or [  # 'backed by US-led airstrikes', 'hit by a series of X attacks'
                    a
                    for p in child.children
                    if p.dep_ == "pobj"
                    for n in self.measured(p)
                    if self.is_event_noun(n)
                    for a in self.agents(n)
                ]
                weapons = [p for p in child.children if p.dep_ == "pobj" and self.lex.token_cue("weapon", p)]
                agents = agents or [a for w in weapons for a in self.wielders(w)]  # 'hit by Russian missiles'
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
        if verb.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "with" for m in verb.children):
            # 'X spoke with Y to condemn Z', the parser's 'with Y to condemn': both condemn
            partners = [a for c in verb.children if c.dep_ == "nsubj" for a in self.ctx.expand(c)]
            return [*self.subjects(verb.head), *partners]
        if not passive:
            for child in verb.children:
                if child.dep_ in ("nsubj", "csubj"):
                    if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                        antecedent = self.relative_event(verb, self.ctx.antecedent(verb))
                        if self.is_event_noun(antecedent) and not self.structural(antecedent):
                            return self.agents(antecedent)  # "the Taliban's bombing, which killed X": the Taliban
                        return self.ctx.expand(antecedent)
                    if self.is_event_noun(child) and not self.structural(child):
                        agents = self.agents(child)  # 'Russian airstrikes killed ...'
                        if agents or self.ctx.agent_of(child) is None:  # but 'the opposition rejected ...'
                            return agents
                    found = self.ctx.expand(child)
                    if not found and self.lex.token_cue("weapon", child):
                        found = self.wielders(child)  # 'Russian missiles hit Odesa': Russia's forces did
                    return found
        head = verb.head
        if verb.dep_ == "relcl" and not passive:
            return self.ctx.expand(head)
        if verb.dep_ in ("acl", "amod") and verb.i > head.i and verb.tag_ in ("VBG", "VBP", "VBZ", "VBD"):
            found = self.ctx.expand(head)  # 'militants attacking the base', headline 'Kurds Close in on ...'
            if not found and verb.tag_ == "VBG" and head.pos_ == "NOUN":
                owner, _ = self.ctx.owner(head)  # 'a Security Council resolution censuring X': its author
                found = [self.ctx.seen(owner)] if owner is not None else []
                issued = head.dep_ == "dobj" and head.head.pos_ == "VERB" and self.is_light(head.head)
                if not found and issued:
                    found = self.subjects(head.head)  # 'X issued a statement demanding ...': X demands
            return found
        if verb.dep_ == "acl":
            if verb.tag_ == "VBN" and any(c.dep_ == "dobj" for c in verb.children) and head.dep_ == "ROOT":
                return self.ctx.expand(head)  # 'The coalition bombed Sanaa.' parsed as a noun phrase: no passive
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
        # 'We call on Russia to withdraw': the parser may read the request's clause as one of purpose
        asked = (
            verb.dep_ == "advcl"
            and infinitive(verb)
            and any(self.relations[t.relation].core == "requests" for t in self.verb_triggers(head))
        )
        if verb.dep_ == "advcl" and infinitive(verb):
            envoys = self.sent_people(head)
            if envoys:
                return envoys  # 'dispatched her envoy, X, to Juba to meet Y': the envoy meets Y
        if (verb.dep_ == "xcomp" or asked) and head.i != verb.i and not self.lex.token_cue("subject-control", head):
            controllers = self.controllers(head)
            if controllers is not None:  # 'urged Hamas to free', 'called on Iran to stop': the object acts
                return controllers  # ('called on the international community to press X': no actor acts)
        if verb.dep_ in ("xcomp", "conj", "advcl", "acomp") and head.i != verb.i:
            return self.subjects(head)
        if verb.dep_ == "pcomp" and head.head.i != head.i:
            # 'warned Russia against annexing X', 'barred Y from entering', 'praised Z for freeing': the object
            # of the verb that takes the phrase acts (but 'helped Syria by bombing': the subject does)
            taker = head.head
            controlled = head.lower_ in GERUND_CONTROL and not self.lex.token_cue("instrument", taker)
            objects = [c for c in taker.children if c.dep_ == "dobj"] if controlled else []
            # ('barred the UN mission from entering': the mission enters, whom kg cannot name; not the barrer)
            return self.ctx.expand(objects[0]) if objects else self.subjects(taker)
        return []

    def relative_event(self, verb: Token, antecedent: Token) -> Token:
        """The attack a violent relative clause is about when the parser hangs it on a place or thing inside the
        attack's phrase ('the bombing of a bus near Mandera, which killed ...'); the antecedent otherwise, as an actor
        ('fighting with guerrillas who overran it': the guerrillas). A name after a preposition of place is a place,
        whatever the tagger guessed."""
        if not any(self.relations[t.relation].core in VIOLENT for t in self.verb_triggers(verb)):
            return antecedent
        located = antecedent.dep_ == "pobj" and antecedent.head.lower_ in ("in", "near", "at", "outside")
        if not all(a.type == "Place" or (located and a.source == "ner") for a in self.ctx.expand(antecedent)):
            return antecedent
        event = antecedent
        for _ in range(3):
            if event.dep_ != "pobj" or self.is_event_noun(event):
                break
            event = event.head.head
        return event if self.is_event_noun(event) else antecedent

    def sent_people(self, verb: Token) -> list[Actor]:
        """The persons a verb of sending sends ('dispatched the High Representative, X, to Juba'): an envoy, who
        goes and meets, where sent troops are a deployment."""
        if not any(self.relations[t.relation].core == "deploysTo" for t in self.verb_triggers(verb)):
            return []
        sent = [a for c in verb.children if c.dep_ == "dobj" for a in self.ctx.expand(c)]
        return sent if sent and all(a.type == "Person" for a in sent) else []

    def official_act(self, verb: Token) -> bool:
        """A passive act with no agent that an official release performs itself ('X is designated', 'sanctions
        are imposed'): not violence, and in the release's own voice (not reported or quoted)."""
        triggers = self.verb_triggers(verb)
        if not triggers or any(self.relations[t.relation].core in VIOLENT for t in triggers):
            return False
        return self.modality(verb).attributed_to is None and not self.ctx.quoted(verb)

    def controllers(self, verb: Token) -> list[Actor] | None:
        """The object of an object-control verb ('urged X', 'called on X', 'forced X'): who does the
        controlled clause; None when the verb has no such object (then its subject does)."""
        controls = any(self.relations[t.relation].core in ("requests", "coerces") for t in self.verb_triggers(verb))
        controls = controls or self.lex.token_cue("report", verb)  # 'told the army to protect them': the army would
        for child in verb.children:
            if child.dep_ == "dobj":
                actors = self.ctx.expand(child)  # 'used force to retake X': the subject retakes
                return actors if actors or controls else None
            if (
                child.dep_ == "prep"
                and child.lower_ == "on"
                and any(c.dep_ == "prep" and c.i == child.i for c in verb.children)
            ):
                triggers = self.lex.token_trigger("verb", verb, suffix=" on")
                if triggers:
                    return self.pobjs(child)
        return None

    def accusation(self, verb: Token) -> Token | None:
        """For the gerund of 'A accused B of V-ing' (or 'blamed B for V-ing'), or the clause of 'A charged that B
        V-ed', the accusing verb."""
        if verb.dep_ == "ccomp" and verb.head.i != verb.i:
            triggers = self.lex.token_trigger("verb", verb.head)
            return verb.head if any(self.relations[t.relation].core == "accuses" for t in triggers) else None
        prep = verb.head
        if verb.dep_ != "pcomp" or prep.dep_ != "prep" or prep.lower_ not in ("of", "for") or prep.head.i == prep.i:
            return None
        accuser = prep.head
        if accuser.dep_ == "dobj" and accuser.pos_ in ("NOUN", "PROPN"):  # ('accused forces of shelling X' as
            accuser = accuser.head  # the parser may hang 'of' on the accused)
        triggers = self.lex.token_trigger("verb", accuser)
        return accuser if any(t.relation == "accuses" for t in triggers) else None

    def accused(self, verb: Token) -> list[Actor] | None:
        """The accused of 'A accused B of V-ing' is who V-s (None when the verb is no such gerund)."""
        accuser = self.accusation(verb)
        if accuser is None or verb.dep_ == "ccomp":  # 'A charged that B V-ed': the clause has its own subject
            return None
        return [a for c in accuser.children if c.dep_ in ("dobj", "nsubjpass") for a in self.ctx.expand(c)]

    def pobjs(self, prep: Token, object_position: bool = False) -> list[Actor]:
        """The actors of a preposition's objects ('by X and Y'), and of the same preposition conjoined ('at the
        village of X and at army checkpoints')."""
        preps = [prep, *conjoined_preps(prep)]
        return [a for q in preps for p in q.children if p.dep_ == "pobj" for a in self.ctx.expand(p, object_position)]

    def behind(self, prep: Token) -> list[Actor]:
        """The actors behind the things a preposition names ('against the arrest of X by the police': the police;
        'of Ethiopia's dam': Ethiopia), by :meth:`kg.objects.ObjectRules.through_noun`."""
        return [a for p in prep.children if p.dep_ == "pobj" for a in self.through_noun(p, NO_TRIGGER)]

    def done_by(self, noun: Token, lemmas: tuple[str, ...] | None = None) -> list[Actor]:
        """The 'by' agents of the participles on a noun ('crimes committed by X', 'a statement issued by X'),
        of the given participles only if ``lemmas`` is given."""
        found: list[Actor] = []
        for clause in noun.children:
            participle = clause.dep_ == "acl" and clause.tag_ == "VBN"
            # ('the attack, which was claimed by X': a passive relative clause as well)
            passive = clause.dep_ == "relcl" and any(c.dep_ == "auxpass" for c in clause.children)
            if (participle or passive) and (lemmas is None or clause.lemma_.lower() in lemmas):
                found += [a for agent in clause.children if agent.dep_ == "agent" for a in self.pobjs(agent)]
        return found

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
        """The 'with' preposition of 'together with X' / 'along with X' (the parser attaches it either way), or
        a preposition that says it alone ('alongside X')."""
        if token.dep_ == "prep" and self.lex.cue("with", token.lower_) and token.lower_ not in ("together", "along"):
            return [token]  # 'fighting alongside Malian troops'
        if token.dep_ == "advmod" and self.lex.cue("with", token.lower_):
            return [c for c in token.children if c.dep_ == "prep" and c.lower_ == "with"]
        if (
            token.dep_ == "prep"
            and token.lower_ == "with"
            and any(c.dep_ == "advmod" and self.lex.cue("with", c.lower_) for c in token.children)
        ):
            return [token]
        return []
