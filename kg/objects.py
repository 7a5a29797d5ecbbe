"""Verb objects: on whom a verb acts. Part of the rules (kg.rules), split out by concern from kg.verbs.

The object comes from the direct object, a passive subject, the trigger's prepositions, a recipient, the owner
or target of an object noun ('rejected a Chinese proposal', 'condemned the attack by X'), what a lifted
restriction covered, the subject of a conditional threat's condition, or (for frame verbs such as 'threatened
to', 'refused to') what the controlled clause acts on.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.actors import ORGANISATIONS
from kg.coreference import RELATIVE_PRONOUNS
from kg.gazetteer import Actor
from kg.lexicon import Trigger
from kg.modality import infinitive, marked
from kg.statements import Factuality
from kg.verbs import DONE_BY, EVENT_PREPS, FRAMES, NO_TRIGGER, THROUGH_PREPS, conjoined_preps

#: Prepositions of a means ('by telephone', 'via video link') on whose noun the parser hangs the verb's own phrase
MEANS = ("by", "via", "over", "in")
#: What 'in' or 'over' names as a means of talking ('in telephone calls with X', 'over the phone with X'; not 'in an
#: interview with X' nor 'sanctions over the crackdown on X')
CALLS = {"call", "conversation", "conference", "videoconference", "telephone", "phone", "link", "video", "zoom"}
#: Owners after an act noun's 'of' that are rather what the act is done to ('the release of prisoners')
PEOPLE = ("Person", "Population")
#: Relations that act on a thing directly: 'restricted the movement of X' acts on X, the people after the act noun
DIRECT = {"attacks", "captures", "coerces", "sanctions"}
#: Actors that can impose what they warn of: states, their bodies, armed groups (and persons who lead or serve one)
POWERS = ("State", "GovernmentBody", "ArmedGroup")


#: Relations whose object is never reached through a thing the verb names ('sending Syrian mercenaries' sends nobody
#: to Syria; 'serves the interests of Syria' makes Russia no part of it)
MOVES_AND_MEMBERSHIP = ("attacks", "meetsWith", "deploysTo", "withdrawsFrom", "partOf")


class ObjectRules:
    """Mixed into :class:`kg.rules.SentenceRules`."""

    def objects(self, verb: Token, trigger: Trigger) -> list[Actor]:
        """On whom the verb acts: direct object, passive subject, the trigger's prepositions, or the
        noun a participle modifies ('areas controlled by X'). An attack on a place someone holds is an
        attack on the holder ('bombarded areas controlled by Kurdish forces')."""
        targets = []
        passive = any(c.dep_ == "nsubjpass" for c in verb.children)  # ('designated a terrorist group': a predicate)
        for child in verb.children:
            if (child.dep_ == "nsubjpass" or (child.dep_ == "dobj" and not passive)) and not trigger.preps_only:
                targets.append(child)
            # 'blamed the attack on Israel': the parser hangs the blamed one on the act blamed
            blamed = (
                child.dep_ == "dobj"
                and self.relations[trigger.relation].core == "accuses"
                and self.is_event_noun(child)
            )
            if blamed and not trigger.preps_only:
                targets += [p for c in child.children if c.dep_ == "prep" and c.lower_ in trigger.preps
                            for p in c.children if p.dep_ == "pobj"]  # fmt: skip
            if child.dep_ in ("advmod", "prt") and not (child.dep_ == "prt" and child.lower_ in trigger.preps):
                # ('pulled back from X', 'pulled out of X': the parser may hang the phrase on the particle)
                targets += [p for q in child.children if q.dep_ == "prep" and q.lower_ in trigger.preps
                            for p in q.children if p.dep_ == "pobj"]  # fmt: skip
            if child.dep_ in ("prep", "prt", "dative") and child.lower_ in trigger.preps:
                # ('at the village of X and at army checkpoints': the parser may hang the second 'at' on the 'of')
                targets += [p for q in (child, *conjoined_preps(child)) for p in q.children if p.dep_ == "pobj"]
            # 'presented evidence against X', 'discussed the crisis with X'; but in 'discussed relations with Turkey',
            # 'the war with Hamas', the 'with' is the object's own partner
            own = self.relations[trigger.relation].symmetric and (
                self.is_event_noun(child) or child.lemma_.lower() in ("relation", "relationship", "tie")
            )
            if trigger.preps_only and child.dep_ in ("dobj", "nsubjpass") and not own:
                targets += [p for c in child.children if c.dep_ == "prep" and c.lower_ in trigger.preps
                            for p in c.children if p.dep_ == "pobj"]  # fmt: skip
            if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in trigger.preps for m in child.children):
                # 'spoke with X to condemn Y', as the parser reads it: 'with' marks a clause whose subject is X
                targets += [c for c in child.children if c.dep_ == "nsubj"]
            # 'spoke by phone with X', 'discussed the attack in telephone calls with X' (on the verb or its object)
            means = [child] if child.dep_ == "prep" else [c for c in child.children if c.dep_ == "prep"]
            if trigger.preps_only and child.dep_ in ("prep", "dobj"):
                targets += [p for w in means if w.lower_ in MEANS
                            for m in w.children if m.dep_ == "pobj" and self.ctx.mention_at(m) is None
                            and (w.lower_ not in ("in", "over") or m.lemma_.lower() in CALLS)
                            for c in m.children if c.dep_ == "prep" and c.lower_ in trigger.preps
                            for p in c.children if p.dep_ == "pobj"]  # fmt: skip
        # 'Backed by Russian air power, Syrian troops captured X': the main clause's subject is backed (by an
        # actor: 'backed by tanks' names none; and only backed: 'Fired by X last year, Y ...' is no attack)
        fronted = verb.dep_ == "advcl" and verb.tag_ == "VBN" and verb.i < verb.head.i
        fronted = fronted and self.relations[trigger.relation].core == "supports" and not trigger.preps_only
        fronted = fronted and not any(c.dep_ in ("nsubjpass", "dobj") for c in verb.children)
        if fronted and not any(a.generic for a in self.subjects(verb)):
            targets += [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not trigger.preps_only:
            targets += self.counted_up_to(verb)  # 'kidnapped up to 16 advisers', parsed as a phrase with 'to'
        if self.sent_people(verb):
            return []  # an envoy sent somewhere is no force deployed there
        if trigger.relation == "attacks":
            held_by = [a for target in targets for a in self.holders(target)]
            if held_by:
                return held_by
        core = self.relations[trigger.relation].core
        if core in ("requests", "accuses") and not any(c.dep_ == "dobj" for c in verb.children):
            # 'demanded that Belarus release ...': the clause's subject is asked; 'charged that India supported the
            # separatists': blamed, unless it is the accuser's own side ('complained that its troops lacked ammunition')
            clauses = [c for c in verb.children if c.dep_ == "ccomp" or (c.dep_ == "advcl" and marked(c, "for"))]
            # ('demanded that the US cancel plans', where the parser makes 'cancel' a compound of 'plans')
            heads = [w for clause in clauses for w in (clause, *(k for k in clause.children if k.dep_ == "compound"))]
            subjects = [c for w in heads for c in w.children if c.dep_ == "nsubj"]
            # 'demanded that Hamas be disarmed': the one to be disarmed; 'that prisoners be released by Israel': Israel
            for clause in clauses:
                agents = [p for a in clause.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
                patients = [c for c in clause.children if c.dep_ == "nsubjpass"
                            if not any(a.type in ("Population", "Place") for a in self.ctx.expand(c))]  # fmt: skip
                subjects += agents or patients
            if core == "accuses":
                accusers = self.subjects(verb)
                subjects = [
                    c for c in subjects if not any(same_side(a, b) for a in self.ctx.expand(c) for b in accusers)
                ]
            targets += subjects
        if core == "threatens" and not any(c.dep_ == "dobj" for c in verb.children):
            # 'warned that Britain would face consequences': who would suffer them (cue kind suffer), when the
            # warner can impose them ('the IMF warned that Germany would face a recession' is a forecast) and is
            # not on their side ('Scholz warned that Germany would face difficult years')
            warners = self.subjects(verb)
            able = bool(warners) and all(a.type in POWERS or a.leads or a.country for a in warners)
            sufferers = [s for c in verb.children if c.dep_ == "ccomp" and self.lex.token_cue("suffer", c)
                         for s in c.children if s.dep_ == "nsubj"] if able else []  # fmt: skip
            targets += [s for s in sufferers
                        if not any(same_side(a, w) for a in self.ctx.expand(s) for w in warners)]  # fmt: skip
        if core == "attacks" and any(c.dep_ == "dobj" and self.lex.token_cue("weapon", c) for c in verb.children):
            # 'hurled stones at Israeli soldiers', 'lobbed shells toward the airport': where what is fired goes
            targets += [p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("at", "into", "toward", "towards")
                        and c.lower_ not in trigger.preps for q in (c, *conjoined_preps(c))
                        for p in q.children if p.dep_ == "pobj"]  # fmt: skip
        if core == "supports" and not any(c.dep_ == "dobj" for c in verb.children):
            # 'helping Hezbollah build missiles', parsed as a clause: whom the help is for
            targets += [s for c in verb.children if c.dep_ == "ccomp" and not marked(c, "that")
                        for s in c.children if s.dep_ == "nsubj"]  # fmt: skip
        if core == "concedesTo":  # 'freed women held by the militants': a rescue
            targets = [t for t in targets if not any(c.dep_ == "acl" and any(g.dep_ == "agent" for g in c.children)
                                                     for c in t.children)]  # fmt: skip
        if verb.dep_ == "relcl":  # 'Hezbollah, which is backed by Iran': the relative pronoun is the noun
            targets = [self.ctx.antecedent(verb) if t.lower_ in RELATIVE_PRONOUNS else t for t in targets]
        if core == "captures":  # 'Russia captured Mariupol', a name the tagger took for an organisation: a place
            for target in targets:
                named = self.ctx.mentions.get(target.i)
                if named is not None and named.kind == "ner" and named.actor.type in ORGANISATIONS:
                    named.actor.type = "Place" if named.end - 1 == target.i else named.actor.type
        expanded = [(target, self.ctx.expand(target, object_position=True)) for target in targets]
        if core in ("captures", "controls"):  # 'captured a government base': the state's forces lose it, not the state
            expanded = [(t, [self.ctx.military_of(a) if self.unnamed_target(t) and a.type == "State" else a
                             for a in actors]) for t, actors in expanded]  # fmt: skip
        found = [a for _, actors in expanded for a in actors]
        if self.relations[trigger.relation].symmetric:  # 'agreed with Russia on Syria': the partner, not the topic
            found = [a for target, actors in expanded if target.head.lower_ == "with" for a in actors] or found
        if not found and trigger.relation != "meetsWith":  # one meets people, not their things
            # 'demanded the removal of X' asks it of X; 'the release of X', 'the return of hostages' are for them
            found = [a for target in targets for a in self.through_noun(target, trigger) if core != "requests"
                     or (a.type != "Population" and a not in self.beneficiaries(target))]  # fmt: skip
        if not found and core == "attacks":  # 'attacked a shopping mall in Kremenchuk' (the parser's 'in' on the verb)
            things = [t for t in targets if t.dep_ == "dobj" and not self.is_event_noun(t)]
            found = [a for t in things for a in self.located_target(t, verb)]
        if not found and trigger.preps_only and core == "concedesTo":  # 'lifted a state of emergency in X'
            lifted = [n for c in verb.children if c.dep_ in ("dobj", "nsubjpass")
                      for n in self.measured(c) if self.is_event_noun(n)]  # fmt: skip
            found = [a for noun in lifted for a in self.through_noun(noun, trigger)]  # 'lifted the curfew in X'
            if not found and lifted:
                found = [a for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" for a in self.pobjs(c)]
        # (not for a movement: 'sending Syrian mercenaries' sends nobody to Syria; 'withdraw its forces' leaves none)
        if not found and trigger.preps_only and core not in MOVES_AND_MEMBERSHIP:
            # 'cut diplomatic ties with X', 'rejected a U.S. request': through the thing to whoever is behind it; not
            # the author of a document ('a statement was issued by X') nor the agent of an act ('ensure the withdrawal
            # of X' is no agreement with X)
            things = [
                c
                for c in verb.children
                if c.dep_ in ("dobj", "nsubjpass")
                and not self.lex.token_cue("document", c)
                and (not self.is_event_noun(c) or any(p.lower_ in (*trigger.preps, "with") for p in c.children))
            ]
            # ('held a call with X' asks nothing of X: 'with' names a partner, never one asked)
            partnered = frozenset({"with"}) if core != "requests" else frozenset()
            found = [a for thing in things for a in self.through_noun(thing, trigger, partnered)]
        handed = "to" in trigger.preps if trigger.preps_only else any(t.dep_ == "dobj" for t in targets)
        if not found and handed:
            found = self.recipients(verb)  # 'supply arms to Israel', 'give Tanzania a grant'
        if not found and core in FRAMES:
            found = self.clause_objects(verb, partners=self.relations[trigger.relation].symmetric)
        if not found and core == "threatens":
            found = self.conditioned(verb)  # 'threatened to strike unless Israel rescinded X': Israel is threatened
        if not found and core == "threatens":
            found = self.warned_acts(verb)  # 'warned that it would shoot down any U.S. missiles'
        if not found and core == "accuses" and not targets:
            found = self.clause_objects(verb, ("xcomp", "advcl"))  # 'demonstrated to demand X's resignation'
        if not found and trigger.relation != "attacks" and not trigger.preps_only:  # 'complained over Israeli raids'
            events = [p for c in verb.children if c.dep_ == "prep" and c.lower_ in EVENT_PREPS for p in c.children
                      if p.dep_ == "pobj" and self.is_event_noun(p)]  # fmt: skip
            found = [a for event in events for a in self.agents(event)]
        if verb.dep_ == "acl" and verb.tag_ == "VBN" and not trigger.preps_only:
            found += self.ctx.expand(verb.head, object_position=True)
        return found

    def unnamed_target(self, token: Token) -> bool:
        """A place noun that names no place of its own ('a government base', 'a Syrian airport')."""
        unnamed = self.ctx.mention_at(token) is None and not any(c.dep_ == "prep" for c in token.children)
        return unnamed and self.lex.cue("placenoun", token.lemma_.lower())

    def act_noun(self, noun: Token) -> bool:
        """A noun that names an act done to its 'of' phrase: a verb's noun ('release', 'arrest') or a nominalisation
        ('killing', 'removal', 'expulsion', 'detention', 'punishment')."""
        lemma = noun.lemma_.lower()
        return bool(self.lex.trigger("verb", lemma)) or lemma.endswith(("ing", "al", "ion", "ment"))

    def beneficiaries(self, noun: Token) -> list[Actor]:
        """Whom an act is done for: the 'of' phrase or possessor of a release or a protection ('the release of
        Navalny'); demanding it asks it of somebody else ('support from X' still asks X)."""
        lemma = noun.lemma_.lower()
        triggers = [*self.noun_triggers(noun), *self.lex.trigger("verb", lemma)] if noun.pos_ == "NOUN" else []
        if not any(self.relations[t.relation].core in ("concedesTo", "supports") for t in triggers):
            return []
        return [a for c in noun.children if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of")
                for a in (self.ctx.expand(c) if c.dep_ == "poss" else self.pobjs(c))]  # fmt: skip

    @staticmethod
    def counted_up_to(verb: Token) -> list[Token]:
        """'kidnapped up to 16 advisers' as the parser reads it: a particle 'up', then 'to' (on the verb or on
        the particle) and a counted noun, which is the verb's object."""
        up = [c for c in verb.children if c.dep_ == "prt" and c.lower_ == "up"]
        preps = [p for u in up for p in [*verb.children, *u.children] if p.dep_ == "prep" and p.lower_ == "to"]
        return [o for p in preps if p.i == up[0].i + 1 for o in p.children
                if o.dep_ == "pobj" and any(n.dep_ == "nummod" for n in o.children)]  # fmt: skip

    def through_noun(self, noun: Token, trigger: Trigger, extra: frozenset[str] = frozenset()) -> list[Actor]:
        """The actor behind an object that is a thing, not an actor: 'condemned the attack by X' (its agent),
        'rejected a U.S. request', 'an offer from X' (its owner), 'threatened action against X' (its target)."""
        if noun.pos_ not in ("NOUN", "PROPN"):
            return []
        if self.is_event_noun(noun):
            partnered = any(self.relations[t.relation].symmetric for t in self.noun_triggers(noun))
            core = self.relations[trigger.relation].core
            conceding = core == "concedesTo"
            if conceding and self.demand(noun):  # 'bowed to pressure from X': a concession to whoever demands it
                return self.agents(noun)
            if core == "sanctions":  # 'halted economic aid to Serbia', 'suspended talks with Iran': its other side
                ended = [t for t in self.noun_triggers(noun) if self.ends_cooperation(noun, t)]
                return [a for t in ended for a in self.noun_objects(noun, t)]
            pair = self.pair(noun) if partnered and core == "accuses" else None
            if pair is not None:  # 'condemned the fighting between the army and the RSF': both sides
                return [*pair]
            if conceding or (partnered and not self.agents(noun)):
                # 'lifted the sanctions on X': X gains; 'endorsed an agreement with X': X. An agreement between X
                # and Y is theirs: a third party that endorses it backs neither
                objects = [a for t in self.noun_triggers(noun) for a in self.noun_objects(noun, t)]
                if not objects and conceding:  # 'lifted the curfew in Darfur'
                    objects = [a for c in noun.children if c.dep_ == "prep" and c.lower_ == "in" for a in self.pobjs(c)]
                return objects
            return self.agents(noun)  # its target is the event's, not the verb's ('condemned the attack on X')
        if self.lex.cue("relational", noun.lemma_):
            # 'urged its EU partners', 'NATO allies': the organisation; 'Israel's allies', 'US allies': nobody named
            named = [self.ctx.mentions[c.i].actor for c in noun.children
                     if c.dep_ in ("compound", "amod", "nmod") and c.i in self.ctx.mentions]  # fmt: skip
            return [self.ctx.seen(a) for a in named if a.type not in ("State", "Place", "Population", "Person")]
        core = self.relations[trigger.relation].core
        if core in ("captures", "controls") and self.lex.cue("placenoun", noun.lemma_.lower()):
            return []  # 'retook a Nigerian town': one town, not Nigeria
        owner, word = self.ctx.owner(noun)  # 'vetoed a UN resolution on Syria': the UN's, not Syria's
        own = word is not None and word.pos_ == "PRON" and word.dep_ == "poss" and noun.dep_ in ("dobj", "nsubjpass")
        if own and owner is not None and owner in self.subjects(noun.head):
            return []  # 'Turkey and Iran closed their airspace': their own, no one else's
        patient = word is not None and word.dep_ == "pobj" and owner is not None and owner.type in PEOPLE
        done_to = patient and self.act_noun(noun) and self.relations[trigger.relation].core not in DIRECT
        if owner is not None and owner.type != "Place" and not done_to:
            # 'the rights of Palestinians' are theirs, and 'restricted the movement of X' acts on X; but 'condemned
            # the killing of civilians' accuses not them, nor 'agreed to the release of prisoners' agrees with them.
            # 'welcomed the efforts of Saudi Arabia and the AU': each owner
            owners = self.ctx.expand(word) if word is not None and word.dep_ == "pobj" else []
            return [self.ctx.seen(a) for a in owners if a.type != "Place"] or [self.ctx.seen(owner)]
        doers = self.done_by(noun, DONE_BY)  # 'an inquiry into crimes committed by X'
        if doers:
            return doers
        found: list[Actor] = []
        # 'took all necessary measures against X': what is taken is the measures; the act aimed at X is another
        through = frozenset() if core == "captures" else THROUGH_PREPS
        for child in noun.children:
            if child.lower_ == "on" and core not in DIRECT and child.lower_ not in {*trigger.preps, *extra}:
                continue  # 'rejected a ruling on the South China Sea': what it is about ('sanctions on X' hit X)
            if child.dep_ == "prep" and (child.lower_ in trigger.preps or child.lower_ in through | extra):
                for pobj in (p for p in child.children if p.dep_ == "pobj"):
                    owner = None if (actors := self.ctx.expand(pobj, True)) else self.ctx.owner(pobj)[0]
                    found += actors or ([self.ctx.seen(owner)] if owner is not None else [])  # 'against German goods'
        if not found and core == "attacks":
            found = self.located_target(noun, noun)  # 'bombed a building in Gaza City'
        return found

    def located_target(self, thing: Token, holder: Token) -> list[Actor]:
        """Where a thing that is no actor was hit: the town or region of the 'in' ('across') phrase on the thing or
        (as the parser may hang it) on ``holder``, the verb ('bombed a building in Gaza City', 'a strike on a
        shopping mall in Kremenchuk', 'pounded targets across the Gaza Strip', 'killed 57 people in the town of X').
        Not a whole state (no one strike hits it), nor words, nor people not counted ('people protested in X': cue
        kinds abstract and crowd). What a building houses is hit before it ('a tower that housed the offices of X'),
        and a place that owns the thing ("Erbil's airport")."""
        counted = any(c.dep_ == "nummod" for c in thing.children)
        if self.lex.token_cue("abstract", thing) or (self.lex.token_cue("crowd", thing) and not counted):
            return []
        holders = {thing.i: thing, holder.i: holder}.values()  # (the parser may hang a phrase on the verb)
        housed = [c for h in holders for v in h.children if v.dep_ in ("acl", "advcl", "relcl")
                  and v.lemma_.lower() in ("house", "host") for c in v.children if c.dep_ == "dobj"]  # fmt: skip
        found = [a for c in housed for a in self.ctx.expand(c, True) or self.through_noun(c, NO_TRIGGER)]
        found += [a for c in thing.children if c.dep_ == "poss" for a in self.ctx.expand(c, True) if a.type == "Place"]
        located = [c for h in holders for c in h.children
                   if c.dep_ == "prep" and c.lower_ in ("in", "across", "throughout")]  # fmt: skip
        return found or [a for c in located for a in self.pobjs(c, object_position=True) if a.type == "Place"]

    def recipients(self, verb: Token) -> list[Actor]:
        """Who receives what a verb hands over: 'to X' or the indirect object ('give Tanzania a grant')."""
        found: list[Actor] = []
        for child in verb.children:
            if child.dep_ == "dative":
                found += self.pobjs(child, True) if child.pos_ == "ADP" else self.ctx.expand(child, True)
            elif child.dep_ == "prep" and child.lower_ == "to":
                found += self.pobjs(child, object_position=True)
        return found

    def clause_objects(self, verb: Token, deps: tuple[str, ...] = ("xcomp",), partners: bool = False) -> list[Actor]:
        """'threatened to break relations with Russia', 'refused to meet X', 'offered to hand over to Britain':
        the actors the controlled clause acts on are the target of the frame verb (PLOVER codes the frame).
        With ``partners`` (a symmetric frame), only those it acts with or for ('agreed to share intelligence on X')."""
        found: list[Actor] = []
        for clause in verb.children:
            if clause.dep_ not in deps or clause.pos_ not in ("VERB", "AUX"):
                continue
            # 'agreed to send 500 soldiers to Somalia': its own soldiers, to a destination; no partner
            sends = any(self.relations[t.relation].core == "deploysTo" for t in self.verb_triggers(clause))
            if sends and partners:
                continue
            for child in clause.children:
                if sends and child.dep_ == "dobj":  # 'refused to deploy peacekeepers in Iraq': its own, to Iraq
                    found += self.through_noun(child, NO_TRIGGER, frozenset({"in", "to"}))
                    continue
                if partners:  # whom it is done with or for ('agreed to re-open its borders to UN peacekeepers')
                    if child.dep_ in ("dobj", "dative") or (child.dep_ == "prep" and child.lower_ in ("with", "to")):
                        done_with = (
                            self.ctx.expand(child, True)
                            if child.dep_ != "prep"
                            else self.pobjs(child, True) or self.behind(child)  # 'to UN peacekeepers'
                        )
                        found += [a for a in done_with if a.type != "Place"]  # ('agreed to leave the town': no partner)
                elif child.dep_ == "ccomp" and infinitive(child):
                    # 'refused to allow UN monitors to enter', as the parser reads it: whom it lets act
                    found += [a for c in child.children if c.dep_ == "nsubj"
                              for a in self.ctx.expand(c, True) if not a.generic]  # fmt: skip
                elif child.dep_ in ("dobj", "dative"):
                    found += self.ctx.expand(child, object_position=True) or self.through_noun(
                        child, NO_TRIGGER, frozenset({"in", "to"})
                    )  # 'threatened to institute a curfew in Algiers'
                elif child.dep_ == "prep" and child.lower_ in THROUGH_PREPS | {"to", "in", "from", "into", "for"}:
                    # 'calling for X's resignation', 'to cut off power to the region of X', 'to respond to a demand
                    # from X': X, behind the thing (not a pronoun's: 'setting fire to their mattresses')
                    pronoun = any(c.dep_ == "poss" and c.pos_ == "PRON" for p in child.children for c in p.children)
                    thing = child.lower_ in ("for", "to") and not pronoun
                    actors = self.pobjs(child, object_position=True)
                    if child.lower_ in ("in", "into"):  # 'to target oil tankers in the Red Sea': where, not whom
                        actors = [a for a in actors if a.type != "Place"]
                    found += actors or (self.behind(child) if thing else [])
        return found

    def conditioned(self, verb: Token) -> list[Actor]:
        """Whom a conditional threat is aimed at: the subject of its 'unless' or 'if' clause, on the threat or on
        the act threatened."""
        verbs = (verb, *(x for x in verb.children if x.dep_ == "xcomp"))
        clauses = [c for v in verbs for c in v.children if c.dep_ == "advcl" and marked(c, "unless", "if")]
        return [a for clause in clauses for c in clause.children if c.dep_ == "nsubj" for a in self.ctx.expand(c, True)]

    def warned_acts(self, verb: Token) -> list[Actor]:
        """Whom a warning of one's own act threatens: 'Moscow warned that it would shoot down any U.S. missiles'
        threatens the United States, 'warned that Washington would strike again if Assad used chemical weapons'
        Assad, as 'threatened to shoot down X' does. Only the warner's own side's act, and one that would be done
        to the other (DIRECT): 'warned that the rebels would attack X' is a forecast, no threat."""
        warners = self.subjects(verb)
        found: list[Actor] = []
        for clause in (c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")):
            doers = self.subjects(clause)
            if not warners or not doers or not all(any(same_side(d, w) for w in warners) for d in doers):
                continue
            if self.modality(clause).factuality != Factuality.POTENTIAL:
                continue
            acts = [t for t in self.verb_triggers(clause) if self.relations[t.relation].core in DIRECT]
            # ('would launch an offensive against X': the light verb's event noun is the act)
            nouns = [c for c in clause.children if c.dep_ == "dobj"] if self.is_light(clause) else []
            done = [(n, t) for n in nouns for t in self.noun_triggers(n) if self.relations[t.relation].core in DIRECT]
            threatened = self.conditioned(clause)
            if not threatened and acts:
                threatened = self.objects(clause, acts[0])
            if not threatened and done:
                noun, act = done[0]  # (the parser hangs 'against X' on the noun or on the light verb)
                on_verb = [a for c in clause.children if c.dep_ == "prep" and c.lower_ in act.preps
                           for a in self.pobjs(c, object_position=True)]  # fmt: skip
                threatened = self.noun_objects(noun, act) or on_verb
            found += [a for a in threatened if not any(same_side(a, w) for w in warners)]
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


def same_side(a: Actor, b: Actor) -> bool:
    """Whether two actors are one side: the same, one a part of the other, or parts of one state."""
    return (
        a.id == b.id
        or b.id in (a.parent, a.country)
        or a.id in (b.parent, b.country)
        or (a.parent is not None and a.parent in (b.parent, b.country))
    )


def speaks_for(speaker: Actor | str, actor: Actor) -> bool:
    """Whether an asserter speaks for an actor: the actor itself, its leader or official, or a body of it."""
    if not isinstance(speaker, Actor):
        return False
    return speaker.id == actor.id or actor.id in (speaker.leads, speaker.country, speaker.parent)
