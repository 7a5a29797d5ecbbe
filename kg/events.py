"""Event nouns: 'Russian airstrikes', 'X's offensive against Y', 'talks between X and Y', 'the Israel-Hamas
truce', and light verbs ('launch operations against X'). Part of the rules (kg.rules), split out by concern.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from kg.gazetteer import Actor
from kg.lexicon import Trigger, word_forms
from kg.modality import Modality, infinitive, marked
from kg.statements import Factuality
from kg.verbs import DONE_BY, VIOLENT

#: Relations of cooperation: ending one ('suspended talks with X', 'cut off aid to X') punishes the other side
COOPERATIVE = {"supports", "cooperatesWith", "meetsWith", "agreesWith", "concedesTo"}
#: Where a traveller arrives: 'arrived in X', 'flew to X', 'left for X' (a 'for' event noun is no place)
DESTINATIONS = ("in", "to", "at", "for")
#: The roles of a state's bodies that fight (its government does not)
ARMED_ROLES = ("military", "police")
#: Relations of standing structure: their nouns ('members', 'wing') are no events with agents
STRUCTURAL = {"partOf", "leads", "represents", "controls"}


class EventNounRules:
    """Mixed into :class:`kg.rules.SentenceRules`."""

    def noun_triggers(self, noun: Token) -> list[Trigger]:
        """Triggers of an event noun: its compound form ('joint operation', 'cease-fire') and the noun. A relational
        noun ('ally', 'partner') names actors, not an event: its relation holds only where it describes someone
        (kg.constructions.described_roles, "the government and its Russian ally")."""
        if noun.pos_ == "NOUN" and self.lex.token_cue("relational", noun):
            return []
        lemma = noun.lemma_.lower()
        doc = noun.doc
        found: list[Trigger] = []
        for child in noun.children:
            if child.dep_ not in ("compound", "amod"):
                continue
            if child.i < noun.i and doc[noun.i - 1].text != "-":  # 'joint operation', 'joint military drills'
                found += self.lex.trigger("noun", f"{child.lower_} {lemma}")
            elif child.i == noun.i - 2 and doc[noun.i - 1].text == "-":  # 'cease-fire'
                found += self.lex.trigger("noun", f"{child.lower_}-{lemma}")
        found += self.lex.trigger("noun", lemma) or self.lex.trigger("noun", noun.lower_)
        if self.figurative(noun):  # 'a trade war with China', 'a war of words': no armed conflict
            found = [t for t in found if self.relations[t.relation].core not in VIOLENT]
        return list(dict.fromkeys(found))

    def figurative(self, noun: Token) -> bool:
        """A word of war made figurative by a modifier ('trade war', 'legal battles') or 'of words' (cue kind
        figurative)."""
        modifiers = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod")]
        of = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
        return any(self.lex.token_cue("figurative", w) for w in [*modifiers, *of])

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
                located = mention.kind == "capital" and self.only_placed(noun)
                if not self.ctx.only_locates(noun, child) and not located:
                    found.append(self.ctx.seen(mention.actor))
            elif child.dep_ == "compound" and child.pos_ in ("NOUN", "PROPN"):  # 'US Predator attacks'
                found += [self.ctx.seen(m.actor) for c in child.children if c.dep_ in ("compound", "amod")
                          and (m := self.ctx.mention_at(c)) is not None]  # fmt: skip
            elif child.dep_ == "amod" and child.i >= 2 and self.drives(child):  # 'US-led airstrikes'
                leader = self.ctx.mention_at(child.doc[child.i - 2])
                if leader is not None:
                    found.append(self.ctx.seen(leader.actor))
            elif child.dep_ == "prep" and child.lower_ == "by" and self.nearest_event(noun, child):
                found += self.by_agents([child])
            elif child.dep_ == "prep" and child.lower_ == "from" and not self.movement(noun):
                found += self.pobjs(child)  # 'an appeal from X', 'support from X' (a place of origin is no agent)
            elif child.dep_ == "prep" and child.lower_ == "of" and self.movement(noun):
                found += self.movers(child)  # 'the withdrawal of Russian troops': who moves
            elif child.dep_ == "prep" and child.lower_ == "of" and self.demand(noun):
                found += self.pobjs(child)  # 'the demands of X'
            elif child.dep_ == "prep" and child.lower_ == "of" and self.backing(noun):
                found += self.pobjs(child)  # 'the full support of the United States for Colombia'
            elif child.dep_ == "prep" and child.lower_ == "of" and self.gathering(noun):
                found += self.pobjs(child)  # 'a meeting of the Security Council': who meets
        found += self.done_by(noun, DONE_BY)  # 'an attack claimed by X'
        if not found:
            found = self.stray_agents(noun)
        found = [a for a in found if a.type != "Place"]
        if found:
            return found
        cores = [self.relations[t.relation].core for t in self.noun_triggers(noun)]
        if not self.referred_back(noun):  # ('A bombing at a mosque ...': a bombing by nobody named)
            self.ctx.note_agent(noun.lemma_.lower(), None, cores[0] if cores else "")
            return []
        # 'Egypt condemned the strikes': the strikes stated before; else 'the attack' after 'launched strikes': the
        # last act of its kind
        for keys in (word_forms(noun.text, noun.lemma_), [f"#{core}" for core in cores]):
            earlier = self.ctx.last_agents(keys)
            if earlier is not None:
                break
        if earlier is None or earlier[0] >= self.ctx.sentence_count:
            return []
        return [self.ctx.seen(a) for a in earlier[1]]

    def referred_back(self, noun: Token) -> bool:
        """'the strikes', 'the latest attack', 'the rocket fire': a definite event noun with nothing of its own to say
        whose it is or where (no possessor, name or phrase) refers back to the last act the article stated by a word
        of its lemma ('struck', 'attacked'; in an earlier sentence: in its own, 'the attack' is still to be told)."""
        words = list(noun.children)
        definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in words)
        return definite and all(
            (c.dep_ == "det" and c.lower_ in ("the", "this", "that"))
            or (c.dep_ in ("amod", "compound") and c.is_lower and self.ctx.mention_at(c) is None)
            for c in words
        )

    def only_placed(self, noun: Token) -> bool:
        """'the Kabul attack': an attack with no target of its own, which a capital before it only places, as before
        an accord; 'Damascus airstrikes on Idlib' are the government's. (Asked only where a capital is there: agents()
        runs for every event noun.)"""
        targeted = any(c.dep_ == "prep" and c.lower_ in ("on", "against", "at", "into") for c in noun.children)
        targeted = targeted or (noun.dep_ == "nsubj" and any(c.dep_ == "dobj" for c in noun.head.children))
        return not targeted and any(self.relations[t.relation].core in VIOLENT for t in self.noun_triggers(noun))

    def stray_agents(self, noun: Token) -> list[Actor]:
        """'condemned the abduction of three teenagers by Hamas': the parser hangs the event's 'by' phrase on
        the active verb whose object the event is, or on the phrase after the event; it is still the event's agent."""
        hosts = [p for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "on", "against", "in", "at")
                 for p in c.children if p.dep_ == "pobj"]  # fmt: skip
        # 'held protests against the arrests by the police': up from a phrase to the object of the verb
        top = noun
        while top.dep_ == "pobj" and top.head.dep_ == "prep" and top.head.head.pos_ in ("NOUN", "PROPN"):
            top = top.head.head
            hosts.append(top)  # ('airstrikes in retaliation for rocket fire by Hamas': 'by' on the airstrikes)
        verb = top.head
        active = not any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        if (hosts or top.i != noun.i) and top.dep_ == "dobj" and active:
            hosts.append(verb)
        bys = [c for host in hosts for c in host.children if c.dep_ == "prep" and c.lower_ == "by" and c.i > noun.i]
        return self.by_agents([b for b in bys if self.nearest_event(noun, b)])

    def nearest_event(self, noun: Token, by: Token) -> bool:
        """Whether an event noun is the nearest one before a 'by' phrase, which is then its agent ('protests
        against the arrests by X': the arrests'; 'airstrikes in retaliation for rocket fire by X': the fire)."""
        # (an event the first one is done on or at is not it: 'the attack on an election rally by X' is X's attack)
        between = noun.doc[noun.i + 1 : by.i]
        return not any(t.dep_ == "pobj" and t.head.lower_ not in ("on", "at", "in") and self.is_event_noun(t)
                       for t in between)  # fmt: skip

    def by_agents(self, bys: list[Token]) -> list[Actor]:
        """The actors of 'by' phrases; 'by force', 'by mistake': a bare singular noun is a means, not an agent."""
        modified = ("det", "poss", "amod", "compound")
        bare = {
            p.i for c in bys for p in c.children if p.tag_ == "NN" and not any(d.dep_ in modified for d in p.children)
        }
        return [a for c in bys for p in c.children if p.dep_ == "pobj" and p.i not in bare for a in self.ctx.expand(p)]

    def movers(self, of: Token) -> list[Actor]:
        """Whose forces an 'of' phrase of a movement names: 'the withdrawal of Russian troops' (Russia's). 'Some
        forces' are nobody's in particular, and in 'the withdrawal of forces from Panama' Panama is where they
        leave, not whose they are: the subject of the verb that carries the withdrawal moves them."""
        sources = {a.id for p in of.children for c in p.children if c.dep_ == "prep" and c.lower_ == "from"
                   for a in self.pobjs(c)}  # fmt: skip
        return [a for a in self.pobjs(of) if not a.generic and a.id not in sources]

    def movement(self, noun: Token) -> bool:
        """An event noun of moving forces ('withdrawal', 'deployment'), whose 'of' phrase is the mover."""
        return any(self.relations[t.relation].core in ("withdrawsFrom", "deploysTo") for t in self.noun_triggers(noun))

    def gathering(self, noun: Token) -> bool:
        """A meeting, summit or session, whose 'of' phrase is who meets."""
        return any(self.relations[t.relation].core == "meetsWith" for t in self.noun_triggers(noun))

    def demand(self, noun: Token) -> bool:
        """A demand, call or appeal, whose 'of' phrase is who makes it ('the demands of the protesters')."""
        return any(self.relations[t.relation].core == "requests" for t in self.noun_triggers(noun))

    def backing(self, noun: Token) -> bool:
        """Support whose 'of' phrase is who gives it ('the support of the United States for X'): with no possessor,
        who would then be the giver ('its support of the Houthis': the Houthis are backed)."""
        own = any(c.dep_ == "poss" for c in noun.children)
        return not own and any(self.relations[t.relation].core == "supports" and "of" not in t.preps
                               for t in self.noun_triggers(noun))  # fmt: skip

    def drives(self, word: Token) -> bool:
        """'led', 'backed' after a hyphen: whoever leads or backs an event is among its agents."""
        triggers = self.lex.trigger("hyphen", word.lower_)
        return word.doc[word.i - 1].text == "-" and any(t.relation in ("leads", "supports") for t in triggers)

    def noun(self, noun: Token) -> None:
        triggers = self.noun_triggers(noun)
        if not triggers or self.ctx.mention_at(noun) is not None:
            return
        mediating = self.lex.token_cue("mediation", noun)
        for trigger in triggers:
            # 'launched a mediation effort between X and Y': the effort's phrase is the event's; 'a ceasefire
            # initiative between X and Y' is nobody's truce yet: a symmetric event (but a mediation) keeps to itself
            symmetric = self.relations[trigger.relation].symmetric
            if self.lex.token_cue("mutual", noun):
                self.mutual(noun, trigger)
                continue
            frame = noun if symmetric and not mediating else self.frame_of(noun)
            framed = frame.i != noun.i
            objects = self.noun_objects(noun, trigger) or (self.noun_objects(frame, trigger) if framed else [])
            pair = self.pair(noun) or (self.pair(frame) if framed else None)
            slot = self.measure_slot(frame)  # 'provided 500 tons of aid': the aid is what was provided
            # 'brokered an agreement': the broker is no party to it, but meets each side ('brokered a truce between
            # X and Y', 'brokered a deal with Russia and Ukraine'), and the sides agree
            # ('the deal between X and Y was brokered by Turkey and the UN': the passive's agents)
            brokered = symmetric and slot.dep_ in ("dobj", "nsubjpass") and self.lex.token_cue("broker", slot.head)
            if brokered:
                broker = slot.head
                joined = [c for c in broker.children if c.dep_ == "prep" and c.lower_ in ("with", "between")]
                sides = [*pair] if pair else objects or [a for c in joined for a in self.pobjs(c)]
                self.add(self.subjects(broker), "meetsWith", sides, broker, self.modality(broker))
                if not pair and len(sides) >= 2:
                    self.pairwise(sides, trigger.relation, noun, self.modality(broker), trigger)
            if pair and symmetric and not mediating:
                self.add([pair[0]], trigger.relation, [pair[1]], noun, self.modality(noun), trigger)
                continue
            if pair and mediating:  # a mediator meets each side; the sides are not said to meet
                objects = [*pair]
            subjects = self.agents(noun) or (self.agents(frame) if framed else [])
            predicate = noun
            copula = slot.head.lemma_.lower() == "be"
            if copula and slot.dep_ == "attr" and self.structural(noun):
                subjects = []  # 'the YPG is the Syrian offshoot of the PKK': the subject is the part, 'Syrian' where
            # 'cut off fuel to X', 'suspended its aid': a verb that ends the event does not carry it
            halted = slot.dep_ == "dobj" and self.lex.token_cue("halt", slot.head)
            # 'carried out the killing of X'; but whoever 'mourned the killing of X' did not kill
            carried = self.carries(slot.head) and not self.lex.token_cue("patient", noun) and not brokered
            light = (self.is_light(slot.head) or carried) and not halted
            if halted and self.ends_cooperation(noun, trigger):  # 'Japan halted its aid to Serbia'
                # (an actor named as the object, not one behind a thing: 'withheld its support for the EU plan')
                others = [a for c in [*noun.children, *slot.head.children] if c.dep_ in ("prep", "dative")
                          and c.lower_ in trigger.preps for a in self.pobjs(c, object_position=True)]  # fmt: skip
                self.add(self.subjects(slot.head), "sanctions", others, slot.head, self.modality(slot.head))
            if not subjects and (
                (slot.dep_ in ("dobj", "attr") and (copula or light)) or (slot.dep_ == "nsubjpass" and light)
            ):
                predicate = slot.head
                subjects = self.subjects(slot.head)
                if not subjects and slot.dep_ == "nsubjpass" and self.ctx.author is not None:
                    official = self.relations[trigger.relation].core not in VIOLENT and not self.ctx.quoted(noun)
                    subjects = [self.ctx.seen(self.ctx.author)] if official else []  # 'sanctions are imposed on X'
                if not copula:
                    objects += self.objects(slot.head, Trigger(trigger.relation, trigger.preps, True))
            violent = self.relations[trigger.relation].core in VIOLENT
            if violent and self.is_light(slot.head) and not halted and not objects and subjects and slot.dep_ == "dobj":
                # 'pressed its offensive on the town': the parser may hang the attack's phrase on the light verb (not
                # a gift's: 'will hand over their weapons to UN monitors' supports nobody)
                objects = self.objects(slot.head, Trigger(trigger.relation, trigger.preps, True))
            giver = slot.head.head if slot.dep_ == "pobj" and slot.head.lower_ == "with" else None
            if not subjects and giver is not None and giver.pos_ == "VERB" and self.lex.token_cue("give", giver):
                predicate = giver  # 'provided Ukraine with security assistance': the giver supports Ukraine
                subjects = self.subjects(giver)
                objects += [a for c in giver.children if c.dep_ == "dobj" for a in self.ctx.expand(c, True)]
            fought = self.fought_in(slot) if self.relations[trigger.relation].core == "fights" else None
            fought_by: list[Actor] = []
            if not subjects and not pair and fought is not None:  # 'soldiers were killed in clashes with X'
                fought_by = self.subjects(fought) or [
                    a for c in fought.children if c.dep_ == "nsubjpass" for a in self.ctx.expand(c)
                ]
                # a side that fights: an armed group or a state's forces ('Washington sent arms amid the war with
                # Russia' is no party to it)
                subjects = fought_by = [a for a in fought_by if a.type == "ArmedGroup" or a.role in ARMED_ROLES]
            engaged = self.engaged_in(slot)
            if not subjects and engaged is not None:  # 'Serb forces were engaged in ethnic cleansing against X'
                predicate = engaged
                subjects = [a for c in engaged.children if c.dep_ in ("nsubj", "nsubjpass") for a in self.ctx.expand(c)]
            # 'the sanctions that Britain and Canada imposed on Russia', 'Israel responded with artillery fire on X':
            # a verb that carries the event out, its subject and its objects the event's
            carrier = self.relative_carrier(noun) or self.responding_verb(slot)
            if not subjects and carrier is not None:
                predicate = carrier
                subjects = self.subjects(carrier)
                objects += self.objects(carrier, Trigger(trigger.relation, trigger.preps, True))
            blamer = self.blamed_for(slot)
            if not subjects and blamer is not None:  # 'Turkey blamed the PKK for the attack on X': the PKK's, by Turkey
                predicate = blamer
                subjects = [a for c in blamer.children if c.dep_ == "dobj" for a in self.ctx.expand(c)]
            claimer = self.responsible(slot)
            if not subjects and claimer is not None:  # 'X claimed responsibility for the attack on Y': X says it did
                predicate = claimer
                subjects = self.subjects(claimer)
            travelling = self.travelling_verb(slot)
            if not subjects and travelling is not None:  # 'arrived in Amman for talks with X', '... on a visit'
                predicate = travelling
                subjects = self.subjects(travelling)
                if not objects and self.lex.token_cue("visit", noun):  # a visit: whoever is where one arrives (talks
                    # have their own parties: 'arrived in Vienna for nuclear talks' meets no Austrian)
                    places = [c for c in travelling.children if c.dep_ == "prep" and c.lower_ in DESTINATIONS]
                    objects = [a for c in places for a in self.pobjs(c, object_position=True)]
            engaging = self.engaging_verb(noun)
            if not subjects and engaging is not None:  # 'rebels engaged peacekeepers in a firefight'
                predicate = engaging
                subjects = self.subjects(engaging)
                objects += [a for c in engaging.children if c.dep_ == "dobj" for a in self.ctx.expand(c, True)]
            modality = self.modality(predicate)
            if predicate is blamer:  # what the blamer says the blamed did
                accusers = self.subjects(blamer)
                accuser = accusers[0] if len(accusers) == 1 else modality.attributed_to
                modality = replace(modality, attributed_to=accuser)
            if predicate is claimer and self.lex.token_cue("deny", claimer):  # 'X denied responsibility for N'
                denier = subjects[0] if len(subjects) == 1 else modality.attributed_to
                modality = replace(modality, factuality=Factuality.NEGATED, attributed_to=denier)
            if fought_by:  # the fight happened, whatever the clause says of its own act ('could be deployed after')
                modality = Modality(attributed_to=modality.attributed_to)
            wanted = (
                predicate.i != noun.i and self.lex.token_cue("potential", predicate) and not self.is_light(predicate)
            )
            if wanted and modality.factuality == Factuality.ACTUAL:
                modality.factuality = Factuality.POTENTIAL  # 'is considering new sanctions': not yet imposed
            if not objects and len(subjects) >= 2 and self.relations[trigger.relation].symmetric:
                self.pairwise(subjects, trigger.relation, noun, modality, trigger)  # 'X and Y signed a truce'
            elif subjects and objects:
                self.add(subjects, trigger.relation, objects, noun, modality, trigger)

    def ends_cooperation(self, noun: Token, trigger: Trigger) -> bool:
        """Whether ending the event noun punishes its other side: a cooperation of its owner's with another
        ('its aid to X', 'talks with X'), not one between others ('talks between the army and the RSF') nor a
        mediation or an attack."""
        between = any(c.dep_ == "prep" and c.lower_ == "between" for c in [*noun.children, *noun.head.children])
        own = self.relations[trigger.relation].core in COOPERATIVE and not between
        return own and not self.lex.token_cue("mediation", noun)

    def frame_of(self, noun: Token) -> Token:
        """The noun an event noun names as a compound ('mediation effort', 'bombing campaign', 'aid programme',
        cue kind 'frame'): its phrase carries the event's agent, sides and verb. The event noun itself otherwise."""
        if noun.dep_ == "compound" and noun.head.i > noun.i and self.lex.token_cue("frame", noun.head):
            return noun.head
        return noun

    def measure_slot(self, noun: Token) -> Token:
        """The phrase whose place in the clause an event noun takes: a measure of it ('500 tons of aid',
        'two shipments of arms') stands for it, so the verb of the measure is the event's verb."""
        while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.i != noun.head.i:
            measure = noun.head.head
            counted = any(c.dep_ in ("nummod", "quantmod") for c in measure.children)
            if measure.pos_ not in ("NOUN", "NUM") or not (counted or self.lex.token_cue("measure", measure)):
                break
            noun = measure
        return noun

    @staticmethod
    def adjunct_head(noun: Token, preps: tuple[str, ...]) -> Token | None:
        """The word an event noun's preposition hangs on ('arrived' of 'arrived ... for talks'), when the noun is
        the object of one of ``preps``; None otherwise."""
        prep = noun.head
        if noun.dep_ != "pobj" or prep.lower_ not in preps or prep.head.i == prep.i:
            return None
        return prep.head

    def engaged_in(self, noun: Token) -> Token | None:
        """The verb of 'X (was) engaged in <event>' with no object of its own: its subject carries the event."""
        verb = self.adjunct_head(noun, ("in",))
        if verb is None:
            return None
        engaged = verb.lemma_.lower() == "engage" and not any(c.dep_ == "dobj" for c in verb.children)
        return verb if engaged else None

    def fought_in(self, noun: Token) -> Token | None:
        """The verb of 'X advanced after days of fighting with Y', 'soldiers were killed in clashes with Y': a
        fight named in an adjunct of time or occasion, whose own side is the clause's subject."""
        while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
            noun = noun.head.head  # 'two days of fighting'
        verb = self.adjunct_head(noun, ("in", "after"))
        return verb if verb is not None and verb.pos_ == "VERB" else None

    def responsible(self, noun: Token) -> Token | None:
        """The verb of 'X claimed (took, admitted, bears) responsibility for <event>', 'had a role in <event>': its
        subject says it did the event (cue kind responsible); of 'denied responsibility for (involvement in, any role
        in) <event>': it says it did not (cue kind deny)."""
        while noun.dep_ == "pobj" and noun.head.lower_ == "of" and self.ctx.is_quantity(noun.head.head):
            noun = noun.head.head  # ('responsible for some of the deadliest attacks')
        prep = noun.head
        if noun.dep_ != "pobj" or prep.lower_ not in ("for", "in"):
            return None
        adjective = prep.head
        if adjective.lower_ == "responsible" and adjective.dep_ == "acomp" and adjective.head.lemma_ == "be":
            return adjective.head  # 'X has been responsible for attacks on Y' ('held X responsible' is a charge)
        # ('responsibility for', 'involvement in', 'a role in' the event)
        share = {"responsibility": "for", "involvement": "in", "role": "in"}.get(prep.head.lemma_.lower())
        if share != prep.lower_ or prep.head.dep_ != "dobj":
            return None
        verb = prep.head.head
        # claimed, admitted, or denied ('denied any role in the attack': the act is negated, by the denier)
        had = verb.lemma_.lower() == "have" and prep.head.lemma_.lower() == "role"
        claimed = self.lex.token_cue("responsible", verb) or self.lex.token_cue("deny", verb) or had
        return verb if claimed else None

    def blamed_for(self, noun: Token) -> Token | None:
        """The verb of 'A blamed (accused) B for <event>': B did the event, as A says."""
        prep = noun.head
        if noun.dep_ != "pobj" or prep.lower_ != "for" or prep.head.pos_ != "VERB":
            return None
        verb = prep.head
        accuses = any(self.relations[t.relation].core == "accuses" for t in self.verb_triggers(verb))
        return verb if accuses and any(c.dep_ == "dobj" for c in verb.children) else None

    def relative_carrier(self, noun: Token) -> Token | None:
        """The verb of a relative clause or participle that carries an event noun out: 'the sanctions that X imposed
        on Y', 'the strikes Israel carried out on Gaza', 'the sanctions imposed on Iran by the EU' (a light verb or one
        with no relation of its own whose object the noun is)."""
        for clause in noun.children:
            if clause.dep_ not in ("relcl", "acl") or clause.pos_ != "VERB":
                continue
            if not (self.is_light(clause) or self.carries(clause)):
                continue
            own_object = [c for c in clause.children if c.dep_ == "dobj" and c.lower_ not in ("that", "which")]
            if clause.dep_ == "acl" and clause.tag_ != "VBN":
                continue  # ('sanctions targeting X' act themselves)
            if not own_object:
                return clause
        return None

    def responding_verb(self, noun: Token) -> Token | None:
        """The verb of 'X responded (retaliated, replied) with <event>': its subject carries the event (cue kind
        respond)."""
        verb = self.adjunct_head(noun, ("with",))
        return verb if verb is not None and self.lex.token_cue("respond", verb) else None

    def travelling_verb(self, noun: Token) -> Token | None:
        """The verb of 'X arrived in Y for talks', 'X flew to Y on a visit': an event noun after for/on whose verb
        is one of coming or going (cue kind travel)."""
        verb = self.adjunct_head(noun, ("for", "on"))
        return verb if verb is not None and verb.pos_ == "VERB" and self.lex.token_cue("travel", verb) else None

    def engaging_verb(self, noun: Token) -> Token | None:
        """The verb of 'X engaged Y in a firefight', 'drew Y into talks': an event noun after in/into whose
        verb has its own object, and no relation of its own."""
        verb = self.adjunct_head(noun, ("in", "into"))
        if (
            verb is None
            or verb.pos_ != "VERB"
            or not any(c.dep_ == "dobj" for c in verb.children)
            or self.verb_triggers(verb)
        ):
            return None
        return verb

    def mutual(self, noun: Token, trigger: Trigger) -> None:
        """A hostility both sides hold (cue kind mutual), in its own phrase only: 'the dispute between X and Y' (each
        against the other), 'X's rift with Y', 'X is locked in a standoff with Y' (the clause's subject); 'raised the
        dispute' names no new side."""
        pair = self.pair(noun)
        if pair:
            self.add([pair[0]], trigger.relation, [pair[1]], noun, self.modality(noun), trigger)
            self.add([pair[1]], trigger.relation, [pair[0]], noun, self.modality(noun), trigger)
            return
        objects = self.noun_objects(noun, trigger)
        holder = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "in" else None  # 'is in a dispute'
        subjects = self.agents(noun) or (self.subjects(holder) if holder is not None else [])
        self.add(subjects, trigger.relation, objects, noun, self.modality(noun), trigger)

    def noun_objects(self, noun: Token, trigger: Trigger) -> list[Actor]:
        """'airstrikes on X', 'offensive against X' ('between' is handled by :meth:`pair`); for a demand, the
        subject of its 'that' clause ('its demand that Israel ease restrictions'), as for the verb."""
        found: list[Actor] = []
        # ('its support of the Houthis': with a possessor giving it, the 'of' phrase is who is backed)
        held = self.relations[trigger.relation].core == "supports" and any(c.dep_ == "poss" for c in noun.children)
        preps = (*trigger.preps, "of") if held else trigger.preps
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in preps and child.lower_ != "between":
                found += self.pobjs(child, object_position=True)
        if not found and self.relations[trigger.relation].core == "attacks":
            # 'attacks on Saudi oil facilities' (their owner), 'a strike on a mall in Kremenchuk' (where it stands)
            things = [p for c in noun.children if c.dep_ == "prep" and c.lower_ in trigger.preps
                      for p in c.children if p.dep_ == "pobj" and not self.is_event_noun(p)]  # fmt: skip
            found = [a for t in things for a in self.through_noun(t, trigger)]
        if not found and self.relations[trigger.relation].core in ("investigates", "accuses", "supports"):
            # 'a probe into X's role', 'criticism of X's dam', 'support for X's sovereignty': the actor behind the thing
            found = [a for c in noun.children if c.dep_ == "prep" and c.lower_ in trigger.preps
                     for a in self.behind(c)]  # fmt: skip
        if not found and self.gathering(noun):  # 'held talks over its nuclear programme with Britain': on the topic
            topics = [p for c in noun.children if c.dep_ == "prep" and c.lower_ in ("over", "on", "about")
                      for p in c.children if p.dep_ == "pobj"]  # fmt: skip
            found = [a for t in topics for c in t.children if c.dep_ == "prep" and c.lower_ in trigger.preps
                     for a in self.pobjs(c, object_position=True)]  # fmt: skip
        if not found and self.movement(noun):  # 'the withdrawal of its forces from Mali': the source on the mover
            movers = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
            found = [a for m in movers for c in m.children if c.dep_ == "prep" and c.lower_ in trigger.preps
                     for a in self.pobjs(c, object_position=True)]  # fmt: skip
        if not found and self.relations[trigger.relation].core in VIOLENT:
            # 'expanded its Gaza offensive', 'the Mosul operation': a place named before the attack is its target (a
            # place does not attack; a state or a demonym there is the attacker: 'the Russian offensive')
            named = [self.ctx.mention_at(c) for c in noun.children if c.dep_ in ("compound", "nmod") and c.i < noun.i]
            found = [self.ctx.seen(m.actor) for m in named if m is not None and m.actor.type == "Place"]
        if not found and self.relations[trigger.relation].core == "requests":
            # 'U.S. calls for the militias to stay out', 'its call for Israel to withdraw': who is asked to act
            asked = [c for c in noun.children if c.dep_ in ("advcl", "acl") and marked(c, "for") and infinitive(c)]
            found = [a for c in asked for s in c.children if s.dep_ == "nsubj" for a in self.ctx.expand(s, True)]
        if not found and self.relations[trigger.relation].core == "requests":
            clauses = [c for c in noun.children if c.dep_ in ("acl", "ccomp") and marked(c, "that")]
            if not clauses and noun.dep_ == "dobj":  # the parser often hangs the clause on the verb instead
                clauses = [c for c in noun.head.children if c.dep_ == "ccomp" and c.i > noun.i and marked(c, "that")]
            found = [a for c in clauses for s in c.children if s.dep_ == "nsubj" for a in self.ctx.expand(s, True)]
        return found

    def pair(self, noun: Token) -> tuple[Actor, Actor] | None:
        """The two sides of a symmetric event: 'truce between Israel and Hamas', 'the Israel-Hamas truce'; the
        parser hangs the phrase on the verb of 'fighting erupted (raged, broke out) between X and Y'."""
        verb = noun.head if noun.dep_ == "nsubj" and noun.head.pos_ == "VERB" else None
        happened = (
            verb is not None and not any(c.dep_ == "dobj" for c in verb.children) and not self.verb_triggers(verb)
        )
        for child in [*noun.children, *(verb.children if happened else [])]:
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
