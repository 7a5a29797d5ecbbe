"""Factuality and attribution of a predicate: part of the rules (kg.rules), split out by concern.

Walking up from the predicate: modals, cue verbs, negation, and the nearest asserter. Report and belief
verbs ("X said", "Ankara considers", "reports say", "it is claimed", "reportedly") name the asserter; the
walk stops at a noun-phrase boundary, since what a relative clause or a modifier presupposes is in the
article's own voice.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from kg.gazetteer import Actor
from kg.statements import SOURCE, Factuality

#: Verbs of stopping: asked of another, what is to stop is presupposed to be going on
CESSATIVE = {"stop", "cease", "halt", "end"}


def marked(clause: Token, *words: str) -> bool:
    """Whether a clause opens with one of the words as its marker ('that', 'unless', 'if')."""
    return any(m.dep_ == "mark" and m.lower_ in words for m in clause.children)


def infinitive(clause: Token) -> bool:
    """Whether a clause is a 'to' infinitive ('to discuss Syria', 'to demand X's resignation')."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


#: Words that put a role in the past ('former Prime Minister X', 'a former South Korean foreign minister')
FORMER = ("former", "ex", "late")


@dataclass
class Modality:
    """What the context of a predicate says about it: factuality and who asserts it."""

    factuality: Factuality = Factuality.ACTUAL
    attributed_to: Actor | str | None = None
    #: under an attempt cue only ('tried to storm', 'attempted to assassinate'): an armed act attempted is
    #: an act (CAMEO and PLOVER code the attempt as the assault), any other act attempted is only potential
    attempted: bool = False
    #: potential through a cue whose subject is the predicate's own ('Libya offered to hand over', 'X vowed
    #: to retake'): the subject announces it, whoever reports the announcement
    pledged: bool = False
    #: the act comes with a condition on another ('will withdraw from Chad unless X arranges a ceasefire'):
    #: announced, it is an ultimatum, which PLOVER codes THREATEN unless the act is a cooperation
    conditional: bool = False
    #: asked of its subject by another ('urged the EC to support the PLO'), or the condition of another act ('will
    #: release the hostages unless Israel attacks Rafah'): potential, but nobody's announcement
    requested: bool = False
    #: what an act is done for ('sent troops to help secure X'): intended, but no announcement of its own
    purpose: bool = False


class ModalityRules:
    """Mixed into :class:`kg.rules.SentenceRules`."""

    def modality(self, predicate: Token) -> Modality:
        """Walk up from the predicate: modals, cue verbs, negation, and the nearest asserter.

        The walk climbs complement clauses (xcomp, ccomp), coordination and adverbials, and stops at
        the first report/belief/denial verb (the nearest asserter) or at anything else, such as a
        relative clause or a modifier: what a noun phrase presupposes is in the article's own voice.
        """
        result = Modality()
        halted = purposed = False
        result.conditional = any(c.dep_ == "advcl" and marked(c, "unless") for c in predicate.children)
        negated = potential = False
        allow_negation = allow_modal = True  # False for what a coordinated clause does not share
        node = predicate
        # ('suspended part of its aid', 'sent 500 tons of aid': the measure takes the event noun's place)
        slot = self.measure_slot(predicate).i if predicate.pos_ == "NOUN" else predicate.i
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
            if dep in ("acl", "ccomp") and head.pos_ == "NOUN" and self.lex.token_cue("claim", head):
                # 'denied reports that its troops crossed': the denier says not so; 'reports that X': a source's claim
                denier = head.head if head.dep_ == "dobj" and self.lex.token_cue("deny", head.head) else None
                if denier is not None and any(self.negates(c) for c in denier.children):
                    denier = None  # 'did not deny reports that X': the reports' claim, not denied
                if denier is not None:
                    negated = not negated
                if result.attributed_to is None:
                    claimants = self.agents(head)  # "Russia's claims that ...", 'allegations by X that ...'
                    result.attributed_to = (
                        self.asserter(denier) if denier is not None else claimants[0] if claimants else SOURCE
                    )
                break
            if dep == "conj":  # 'did not attack X and bombed Y': the head's negation stays in its clause
                allow_negation = any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in head.children)
                allow_modal = not any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children)
                node = head
                continue
            allow_negation = allow_modal = True
            cue = self.lex.token_cue
            ordered = dep == "xcomp" and any(c.dep_ == "dobj" for c in head.children)  # 'told the army to protect'
            # 'Moscow accused Kiev of X, a charge Ukraine denied', parsed as a clause under 'denied': the accusation
            # was made; what is denied is its charge (the parser's reading, not the article's)
            fronted = (
                dep == "ccomp"
                and node.i == predicate.i
                and node.i < head.i
                and any(c.dep_ == "nsubj" and c.i > node.i and cue("claim", c) for c in head.children)
            )
            if fronted and any(self.relations[t.relation].core == "accuses" for t in self.verb_triggers(node)):
                break
            if (
                dep in ("ccomp", "xcomp")
                and not ordered
                and (cue("report", head) or cue("belief", head) or cue("deny", head))
            ):
                potential = potential or (dep == "xcomp" and cue("potential", head))  # 'vowed to retake'
                if cue("deny", head):
                    negated = not negated
                if result.attributed_to is None:
                    result.attributed_to = self.asserter(head)
                break
            if dep == "xcomp" and cue("negator", head) and self.cessative(head):
                # 'called on Iran to stop arming the Houthis': whoever asks for the stop says Iran arms them
                requesters = self.subjects(head.head) if head.dep_ == "xcomp" else []
                if requesters and result.attributed_to is None and not negated and not potential:
                    result.attributed_to = requesters[0]
                    break
            if dep in ("xcomp", "ccomp", "acomp"):
                attempted = dep == "xcomp" and cue("attempt", head) and not potential
                result.attempted = result.attempted or attempted
                pledged = dep == "xcomp" and (cue("potential", head) or cue("negator", head)) and not attempted
                result.pledged = result.pledged or pledged
                asked = (
                    dep == "xcomp"
                    and cue("potential", head)
                    and not cue("subject-control", head)  # 'offered Syria to withdraw': the offer is the offerer's
                    and any(c.dep_ == "dobj" for c in head.children)
                )
                result.requested = result.requested or asked  # object control: the object is asked to act
                # 'renewed its demand that Israel lift X': the clause hangs on the verb but is the demand's content
                demanded = dep == "ccomp" and any(o.dep_ == "dobj" and o.i < node.i and cue("potential", o)
                                                  for o in head.children)  # fmt: skip
                # 'ordered Israel to withdraw': what a request asks for is only wanted, the request verb a trigger
                asked_for = dep == "xcomp" and any(self.relations[t.relation].core == "requests"
                                                   for t in self.verb_triggers(head))  # fmt: skip
                potential = potential or ((cue("potential", head) or demanded or asked_for) and not attempted)
                negated = negated or cue("negator", head)
                # 'will continue to support X': the support goes on now, whatever the future of its going on
                conditioned = any(
                    c.dep_ == "advcl" and marked(c, "if", "unless") for c in (*node.children, *head.children)
                )
                allow_modal = not (dep == "xcomp" and cue("ongoing", head) and not conditioned)  # (unless 'if ...')
                node = head
                continue
            if dep in ("dobj", "nsubj", "attr") and predicate.pos_ == "NOUN" and node.i == slot:
                if dep == "dobj" and cue("belief", head) and self.structural(predicate):
                    # 'Turkey considers the YPG part of the PKK': a belief about a standing relation, no plan
                    result.attributed_to = result.attributed_to or self.asserter(head)
                    node = head
                    continue
                # ('pressed its offensive on X': pressing on with an act under way is no plea for it; 'will continue its
                # airstrikes': under way, whatever the modal says of going on)
                ongoing = dep == "dobj" and cue("ongoing", head)
                # ('called the Turkish presence an invasion': named as something, not called for)
                complement = any(c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as") for c in head.children)
                named_as = cue("naming", head) and (complement or any(c.dep_ == "appos" for c in node.children))
                potential = potential or (cue("potential", head) and not ongoing and not named_as)
                if ongoing and not any(c.dep_ == "advcl" and marked(c, "if", "unless") for c in head.children):
                    allow_modal = False
                if dep == "dobj" and cue("deny", head) and not cue("halt", head):
                    negated = not negated  # 'Russia denied the killing of civilians by its troops': Russia says not so
                    if result.attributed_to is None:
                        result.attributed_to = self.asserter(head)
                    break
                # 'suspended its aid to X', 'cut off fuel to X': the event no longer holds, if the ending does
                halted = dep == "dobj" and self.lex.token_cue("halt", head)
                node = head
                continue
            wanted = dep == "pobj" and predicate.pos_ == "NOUN" and node.i == predicate.i and head.lower_ == "for"
            # 'called for a ceasefire'; but 'called for accountability for the killing': only the first 'for' is wanted
            first = (
                next((c for c in head.head.children if c.dep_ == "prep" and c.lower_ == "for"), None)
                if wanted
                else None
            )
            if first is not None and first.i == head.i and head.head.pos_ == "VERB" and cue("potential", head.head):
                potential = True  # 'called for a ceasefire', 'hoped for Israel's withdrawal': only wanted
                node = head.head
                continue
            if dep == "advcl" and marked(node, "for") and cue("potential", head):  # 'called for Israel to withdraw'
                potential = True
                node = head
                continue
            to_clause = dep == "advcl" and infinitive(node)
            if to_clause and any(self.relations[t.relation].core == "requests" for t in self.verb_triggers(head)):
                potential = True  # 'We call on Russia to withdraw' read as a clause of purpose: only asked for
                node = head
                continue
            # ('withdrew, only to return days later': what followed, not a purpose)
            if to_clause and not any(c.dep_ == "mark" or c.lower_ == "only" for c in node.children):
                # 'sent troops to help secure Bangui', 'dispatched X to meet Y': the purpose, intended
                purposed = True
                node = head
                continue
            if dep == "advcl" and marked(node, "unless", "if"):  # 'unless Israel attacks Rafah': a condition
                result.requested = potential = True
                node = head
                continue
            if dep == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
                # 'warned Russia against annexing X': only feared; 'barred Hamas from entering X': it did not
                # ('voted against sanctioning X': the voter would not; 'warned X against V-ing': X might)
                feared = head.lower_ == "against" and any(c.dep_ == "dobj" for c in head.head.children)
                potential = potential or feared
                negated = negated or (head.lower_ == "against" and not feared)
                # ('failed to prevent Hamas from attacking': the hindering did not happen, nor did it stop the act)
                hindered = head.lower_ == "from" and cue("hinder", head.head)
                hindering = head.head
                undone = any(self.negates(c) for c in hindering.children) or (
                    hindering.dep_ == "xcomp" and cue("negator", hindering.head)
                )
                negated = negated or (hindered and not undone)
                if hindered and undone:
                    break  # (what was not prevented happened: no negation from above reaches it)
            if dep == "acl" and head.pos_ == "NOUN":  # 'any attempt by X to send forces': only intended
                potential = potential or cue("potential", head) or cue("attempt", head)
                break
            if dep in ("conj", "advcl", "pcomp", "prep", "pobj", "advmod"):
                node = head
                continue
            break
        # only a purpose ('sent troops to help secure X') is intended and no announcement; a purpose of a plan or a
        # refusal ('is willing to send X to help Y', 'would not let X help Y') is the plan's or the refusal's
        result.purpose = purposed and not (potential or negated)
        potential = potential or purposed
        if halted:  # ended: no longer so; 'refused to end its support', 'will end its aid': so, for now
            negated, potential = not (negated or potential), False
        if negated:
            result.factuality = Factuality.NEGATED
        elif potential:
            result.factuality = Factuality.POTENTIAL
        result.attempted = result.attempted and result.factuality == Factuality.ACTUAL
        return result

    def cessative(self, verb: Token) -> bool:
        """'stop', 'cease', 'halt' asked of another ('urged X to stop V-ing'): the act is presupposed."""
        return verb.lemma_.lower() in CESSATIVE and verb.dep_ == "xcomp" and verb.head.i != verb.i

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
                # 'a statement issued by the finance ministry said', 'a report by Amnesty said': its author
                actors = self.ctx.expand(child) or (
                    self.authors(child) if self.lex.token_cue("document", child) else []
                )
                if self.lex.token_cue("source", child) and all(a.generic or a.type == "Population" for a in actors):
                    return SOURCE  # 'officials said', 'Turkish media reported': no one in particular
                if actors:
                    return actors[0]
                return SOURCE
            if child.dep_ == "agent":
                actors = self.pobjs(child)
                if actors:
                    return actors[0]
        participle = verb.dep_ == "advcl" and verb.tag_ == "VBG"  # 'criticized the strike, saying X must ...'
        if (verb.dep_ in ("conj", "xcomp") or participle) and verb.head.i != verb.i:
            return self.asserter(verb.head)
        return SOURCE

    def authors(self, document: Token) -> list[Actor]:
        """Who a document speaks for: 'issued by X', 'a report by X', 'X's statement' (its owner)."""
        found = self.done_by(document) or [
            a for c in document.children if c.dep_ == "prep" and c.lower_ == "by" for a in self.pobjs(c)
        ]
        if not found and (owner := self.ctx.owner(document)[0]) is not None:
            found = [self.ctx.seen(owner)]
        return found

    def according_to(self, according: Token) -> Actor | str:
        """'according to X': X, or an unnamed source when X is no actor ('according to reports')."""
        actors = [a for to in according.children for a in self.pobjs(to)]
        return actors[0] if actors else SOURCE
