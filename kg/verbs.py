"""Verb triggers: who acts and on whom. Part of the rules (kg.rules), split out by concern.

Subject from ``nsubj`` or a passive ``by`` agent, inherited through control (subject and object control),
raising, relative clauses and coordination; object from the direct object, a passive subject, the trigger's
prepositions, a recipient, the owner or target of an object noun, or (for frame verbs such as 'threatened
to', 'refused to') what the controlled clause acts on.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from kg.gazetteer import Actor
from kg.lexicon import Trigger, word_forms
from kg.modality import Modality

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
RELATIVE_PRONOUNS = {"which", "that", "who", "whom", "whose"}

NO_TRIGGER = Trigger("supports", ())


class VerbRules:
    """Mixed into :class:`kg.rules.SentenceRules`."""

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
        if not triggers or self.carried_by_noun(verb):
            return
        subjects = self.subjects(verb) or self.passive_party(verb, triggers)
        if not subjects:
            return
        modality = self.modality(verb)
        partners = self.partners(verb)
        if partners:
            self.add(subjects, "cooperatesWith", partners, verb, modality)
        found_any = False
        for trigger in triggers:
            relation = trigger.relation
            if relation == "partOf" and any(c.dep_ == "prep" and c.lower_ == "in" for c in verb.children):
                relation = "cooperatesWith"  # 'A joined B in imposing sanctions' is no membership
            objects = self.objects(verb, trigger)
            found_any = found_any or bool(objects)
            if not objects and self.relations[relation].symmetric and len(subjects) >= 2:
                self.pairwise(subjects, relation, verb, modality, trigger)  # 'Kenya and Somalia agreed'
                continue
            self.add([*subjects, *partners], relation, objects, verb, modality, trigger)
        if not found_any:
            self.second_sense(verb, subjects, modality)

    def passive_party(self, verb: Token, triggers: list[Trigger]) -> list[Actor]:
        """'X is allied with Y', 'the rebels, who are allied with Iran,': the passive subject of a symmetric
        relation is one of its parties, not who suffers it."""
        if not any(self.relations[t.relation].symmetric for t in triggers):
            return []
        for child in verb.children:
            if child.dep_ == "nsubjpass":
                if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                    return self.ctx.expand(verb.head)
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
        return not any(self.lex.token_cue(kind, verb) for kind in ("report", "deny", "negator", "belief"))

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

    def subjects(self, verb: Token) -> list[Actor]:
        """Who does what the verb says, following control, relative clauses and coordination.

        (Tokens are compared by index: spaCy makes a new Token object on every access.)
        """
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        for child in verb.children:
            if child.dep_ == "agent" or (passive and child.dep_ == "prep" and child.lower_ == "by"):
                agents = self.pobjs(child) or [  # 'backed by US-led airstrikes': who carries them out
                    a for p in child.children if p.dep_ == "pobj" and self.is_event_noun(p) for a in self.agents(p)
                ]
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
                        agents = self.agents(child)  # 'Russian airstrikes killed ...'
                        if agents or self.ctx.agent_of(child) is None:  # but 'the opposition rejected ...'
                            return agents

                    return self.ctx.expand(child)
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
            if controllers is not None:  # 'urged Hamas to free', 'called on Iran to stop': the object acts
                return controllers  # ('called on the international community to press X': no actor acts)
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

    def controllers(self, verb: Token) -> list[Actor] | None:
        """The object of an object-control verb ('urged X', 'called on X', 'forced X'): who does the
        controlled clause; None when the verb has no such object (then its subject does)."""
        controls = any(self.relations[t.relation].core in ("requests", "coerces") for t in self.verb_triggers(verb))
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
            if child.dep_ in ("prep", "prt", "dative") and child.lower_ in trigger.preps:
                targets += [p for p in child.children if p.dep_ == "pobj"]
            if trigger.preps_only and child.dep_ in ("dobj", "nsubjpass"):  # 'presented evidence against X'
                targets += [p for c in child.children if c.dep_ == "prep" and c.lower_ in trigger.preps
                            for p in c.children if p.dep_ == "pobj"]  # fmt: skip
        if trigger.relation == "attacks":
            held_by = [a for target in targets for a in self.holders(target)]
            if held_by:
                return held_by
        if trigger.relation == "requests" and not any(c.dep_ == "dobj" for c in verb.children):
            clauses = [c for c in verb.children if c.dep_ == "ccomp"]  # 'demanded that Belarus release ...'
            targets += [c for clause in clauses for c in clause.children if c.dep_ == "nsubj"]
        if self.relations[trigger.relation].core == "concedesTo":  # 'freed women held by the militants': a rescue
            targets = [t for t in targets if not any(c.dep_ == "acl" and any(g.dep_ == "agent" for g in c.children)
                                                     for c in t.children)]  # fmt: skip
        if verb.dep_ == "relcl":  # 'Hezbollah, which is backed by Iran': the relative pronoun is the noun
            targets = [verb.head if t.lower_ in RELATIVE_PRONOUNS else t for t in targets]
        found = [a for target in targets for a in self.ctx.expand(target, object_position=True)]
        if not found and trigger.relation not in ("attacks", "meetsWith"):  # one meets people, not their things
            found = [a for target in targets for a in self.through_noun(target, trigger)]
        if not found and trigger.preps_only and self.relations[trigger.relation].core == "concedesTo":
            lifted = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and self.is_event_noun(c)]
            found = [a for noun in lifted for a in self.through_noun(noun, trigger)]  # 'lifted the curfew in X'
            if not found and lifted:
                found = [a for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" for a in self.pobjs(c)]
        if not found and trigger.preps_only and trigger.relation not in ("attacks", "meetsWith"):
            things = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]  # 'cut diplomatic ties with X'
            found = [a for thing in things for a in self.through_noun(thing, trigger, frozenset({"with"}))]
        handed = "to" in trigger.preps if trigger.preps_only else any(t.dep_ == "dobj" for t in targets)
        if not found and handed:
            found = self.recipients(verb)  # 'supply arms to Israel', 'give Tanzania a grant'
        if not found and self.relations[trigger.relation].core in FRAMES:
            found = self.clause_objects(verb)
        if not found and self.relations[trigger.relation].core == "threatens":
            found = self.conditioned(verb)  # 'threatened to strike unless Israel rescinded X': Israel is threatened
        if not found and self.relations[trigger.relation].core == "accuses" and not targets:
            found = self.clause_objects(verb, ("xcomp", "advcl"))  # 'demonstrated to demand X's resignation'
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
            partnered = any(self.relations[t.relation].symmetric for t in self.noun_triggers(noun))
            if trigger.relation == "concedesTo" or (partnered and not self.agents(noun)):
                # 'lifted the sanctions on X': X gains; 'endorsed an agreement with X': X. An agreement between X
                # and Y is theirs: a third party that endorses it backs neither
                objects = [a for t in self.noun_triggers(noun) for a in self.noun_objects(noun, t)]
                if not objects and trigger.relation == "concedesTo":  # 'lifted the curfew in Darfur'
                    objects = [a for c in noun.children if c.dep_ == "prep" and c.lower_ == "in" for a in self.pobjs(c)]
                return objects
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

    def clause_objects(self, verb: Token, deps: tuple[str, ...] = ("xcomp",)) -> list[Actor]:
        """'threatened to break relations with Russia', 'refused to meet X', 'offered to hand over to Britain':
        the actors the controlled clause acts on are the target of the frame verb (PLOVER codes the frame)."""
        found: list[Actor] = []
        for clause in verb.children:
            if clause.dep_ not in deps or clause.pos_ not in ("VERB", "AUX"):
                continue
            for child in clause.children:
                if child.dep_ in ("dobj", "dative"):
                    found += self.ctx.expand(child, object_position=True) or self.through_noun(
                        child, NO_TRIGGER, frozenset({"in", "to"})
                    )  # 'threatened to institute a curfew in Algiers'
                elif child.dep_ == "prep" and child.lower_ in THROUGH_PREPS | {"to", "in", "from", "into"}:
                    found += self.pobjs(child, object_position=True)
        return found

    def conditioned(self, verb: Token) -> list[Actor]:
        """Whom a conditional threat is aimed at: the subject of its 'unless' or 'if' clause, on the threat or on
        the act threatened."""
        verbs = (verb, *(x for x in verb.children if x.dep_ == "xcomp"))
        clauses = [c for v in verbs for c in v.children if c.dep_ == "advcl" and self.conditional(c)]
        return [a for clause in clauses for c in clause.children if c.dep_ == "nsubj" for a in self.ctx.expand(c, True)]

    @staticmethod
    def conditional(clause: Token) -> bool:
        return any(m.dep_ == "mark" and m.lower_ in ("unless", "if") for m in clause.children)

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
