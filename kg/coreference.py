"""Coreference within an article: pronouns, 'the group', 'his country', 'the minister', the state an unowned
'government' belongs to. Mixed into :class:`kg.actors.ArticleActors` (which supplies ``mentions``,
``history``, ``expand``, ``owner``, ``seen`` and the rest of an article's context), split out by concern.

Heuristic, as the README's Known limits say: the last actor of the right kind named before, except where
the grammar says better (the subject pronoun of a reported clause is its reporter; a possessive in the
object is the subject's).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.gazetteer import Actor

PRONOUNS = {
    "he": "Person", "him": "Person", "his": "Person", "she": "Person", "her": "Person",
    "it": "group", "its": "group", "they": "group", "them": "group", "their": "group",
}  # fmt: skip
#: Pronouns that open a relative clause: the clause's noun stands for them ('Hezbollah, which is backed by Iran')
RELATIVE_PRONOUNS = {"which", "that", "who", "whom", "whose"}


class Coreference:
    """Mixed into :class:`kg.actors.ArticleActors`."""

    titles: dict[str, set[str]]
    surface: dict[str, set[str]]
    author: Actor | None

    def recent(self, wanted: str, position: int) -> Actor | None:
        """The actor named last before ``position`` whose type fits ('group': any collective actor).

        Names earlier in the same sentence come first, then earlier sentences, latest first.
        """
        return next(self.recent_all(wanted, position), None)

    def recent_all(self, wanted: str, position: int, generic: bool = False) -> Iterator[Actor]:
        """Every actor of a type named before ``position``, latest first (see :meth:`recent`); an article's
        generic actors ('separatists') only when ``generic`` (a description of the same kind refers back)."""
        own = {t.i for t in self.sentence_doc[position].subtree} if self.sentence_doc is not None else set()
        if self.sentence_doc is not None:
            own |= self.coarguments(self.sentence_doc[position])
        earlier = sorted(
            {m.start: m for i, m in self.mentions.items() if m.end <= position and i not in own}.values(),
            key=lambda m: m.start,
        )
        in_sentence = [m.actor for m in earlier if m.kind != "capital" or acts(self.sentence_doc[m.end - 1])]
        for actor in [*reversed(in_sentence), *reversed(self.history)]:
            if actor.generic and not generic:
                continue
            if (wanted == "group" and actor.type not in ("Person", "Place")) or actor.type == wanted:
                yield actor

    def coarguments(self, pronoun: Token) -> set[int]:
        """The subject of an object pronoun's own verb, its conjuncts and appositions ('Russia's allies, Belarus
        and Iran, backed it'): an object pronoun is not its own clause's subject (a possessor within may be)."""
        if pronoun.dep_ not in ("dobj", "pobj", "dative") or pronoun.pos_ != "PRON":
            return set()
        verb = pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head
        heads = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        heads += [x for h in heads for x in (*h.conjuncts, *(a for a in h.children if a.dep_ == "appos"))]
        heads += [x for h in heads for x in h.conjuncts]
        found = {h.i for h in heads}
        for h in heads:
            mention = self.mentions.get(h.i)
            if mention is not None:
                found |= set(range(mention.start, mention.end))
        return found

    def referent(self, wanted: str, noun: str, position: int) -> Actor | None:
        """What a definite description ('the rebels', 'the hostages') refers back to: the last actor of the type
        named before, an article's generic armed group included ('the separatists'); for a population, the last
        one named with the same noun. Not any population ('the hostages' are not 'Palestinian workers'), nor one
        of the same Phoenix role: 'hostages' and 'civilians' share one, and so do 'protesters' and 'supporters'."""
        if wanted != "Population":
            candidates = list(self.recent_all(wanted, position, generic=wanted == "ArmedGroup"))
            # 'the Secretary' is the person named with that title, not whoever was named last; in a release, the
            # issuer's own ('The President' of a White House readout is the US president, not the one he called)
            # (or named by a gazetteer alias with it: 'President Obama')
            titled = [a for a in candidates if noun in self.titles.get(a.id, ()) or (
                a.type == "Person" and any(noun in alias.lower().split() for alias in a.aliases))]  # fmt: skip
            issuer = self.author.id if self.author is not None else None
            own = next((a for a in titled if issuer is not None and issuer in (a.country, a.leads)), None)
            if own is not None or titled:
                return own or titled[0]
            # 'the separatists' are the separatists named before, if any, not a later-named group of another kind
            same = next((a for a in candidates if noun in a.label.lower().split()
                         or any(noun in s.lower().split() for s in self.surface.get(a.id, ()))), None)  # fmt: skip
            if self.lexicon.cue("own-noun", noun):  # 'the coalition' is no UN Security Council named before
                return same
            return same or next(iter(candidates), None)
        for actor in self.recent_all("Population", position, generic=True):
            if actor.label.lower().split()[-1] == noun:
                return actor
        return None

    def reporting_subject(self, pronoun: Token) -> list[Actor]:
        """'The rebels said they will release X', 'Iraq announced it would allow Y', 'Kenya said its jets had struck
        X': the subject pronoun of a reported clause, or the possessive on its subject, is the reporter when their
        kinds agree. News writes a speaker's plans this way, and the last actor named before the pronoun (here X's
        country, or nobody for an unnamed group) is the wrong one; the reporter may be a generic group, which
        :meth:`recent` never returns."""
        word = pronoun.head if pronoun.dep_ == "poss" else pronoun
        if word.dep_ not in ("nsubj", "nsubjpass") or (word.i == pronoun.i and pronoun.dep_ == "poss"):
            return []
        clause = word.head
        if clause.dep_ != "ccomp" or clause.head.i == clause.i:
            return []
        verb = clause.head
        if not any(self.lexicon.token_cue(kind, verb) for kind in ("report", "belief", "deny")):
            return []
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.i > pronoun.i or subject.lower_ in PRONOUNS:
            return []
        found = self.expand(subject)
        return found if found and self.agrees(pronoun, subject, found) else []

    def own_subject(self, pronoun: Token) -> list[Actor]:
        """'Mali, Burkina Faso and Niger announced their withdrawal', 'Israel denied its troops were there': a
        possessive pronoun in the verb's object is the verb's subject when their kinds agree."""
        noun = pronoun.head
        if pronoun.dep_ != "poss" or noun.dep_ != "dobj" or noun.head.i == noun.i:
            return []
        return self.agreeing_subject(noun.head, pronoun, ("nsubj",))

    def clause_subject(self, pronoun: Token) -> list[Actor]:
        """'Iran denied the claim, and it demanded that Britain release the ship': the subject pronoun of a clause
        coordinated with another is that clause's subject when their kinds agree, not the last actor named."""
        verb = pronoun.head
        if pronoun.dep_ not in ("nsubj", "nsubjpass") or verb.dep_ != "conj" or verb.head.i == verb.i:
            return []
        return self.agreeing_subject(verb.head, pronoun, ("nsubj", "nsubjpass"))

    def agreeing_subject(self, verb: Token, pronoun: Token, deps: tuple[str, ...]) -> list[Actor]:
        """The actors of a verb's subject named before a pronoun, when the pronoun can stand for them."""
        subject = next((c for c in verb.children if c.dep_ in deps), None)
        if subject is None or subject.i > pronoun.i or subject.lower_ in PRONOUNS:
            return []
        found = self.expand(subject)
        return found if found and self.agrees(pronoun, subject, found) else []

    def unnamed_antecedent(self, pronoun: Token) -> bool:
        """'urged the international community to increase its support': the possessive pronoun stands for its
        clause's subject (or the object that controls the clause), which names no actor; the last actor named
        is not meant."""
        if pronoun.dep_ != "poss" or pronoun.lower_ not in ("its", "their"):
            return False
        verb = pronoun.head.head
        while verb.dep_ == "prep" or (verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i):
            verb = verb.head
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None and verb.dep_ == "xcomp":
            controller = verb.head
            subject = next((c for c in controller.children if c.dep_ == "dobj"), None) or next(
                (c for c in controller.children if c.dep_ == "nsubj"), None
            )
        if subject is None or subject.pos_ != "NOUN" or subject.i > pronoun.i:
            return False
        many = subject.tag_ == "NNS"
        return many == (pronoun.lower_ == "their") and not self.expand(subject)

    def plural_antecedent(self, pronoun: Token) -> list[Actor] | None:
        """'urged civilians to stay in their homes and told his forces to protect them': a plural pronoun stands for
        the nearest plural noun before it in its sentence (a generic group too), None when there is none; an
        empty list when that noun names no actor."""
        if pronoun.lower_ not in ("they", "them", "their"):
            return None
        for token in reversed(pronoun.doc[pronoun.sent.start : pronoun.i]):
            if token.tag_ in ("NNS", "NNPS") and token.dep_ not in ("compound", "amod"):
                return self.denote(token)  # ('Seleka gunmen ... three of them': Seleka, not any militants)
        return None

    def coordinated_antecedent(self, pronoun: Token) -> list[Actor]:
        """'We applaud Qatar and Egypt for their mediation': a plural pronoun after a coordination of actors in its
        sentence stands for all of them, where the last actor named would be only one."""
        if pronoun.lower_ not in ("they", "them", "their"):
            return []
        for token in reversed(pronoun.doc[pronoun.sent.start : pronoun.i]):
            if token.pos_ in ("PROPN", "NOUN") and any(c.dep_ == "conj" for c in token.children):
                found = self.expand(token)
                return found if len(found) >= 2 and self.agrees(pronoun, token, found) else []
        return []

    def agrees(self, pronoun: Token, subject: Token, found: list[Actor]) -> bool:
        """Whether a pronoun can stand for a subject's actors: person or not, and one or many ('a group of X'
        is many)."""
        # (an acronym the tagger took for a plural, 'AMISOM said its forces', is one body)
        plural_tag = subject.tag_ in ("NNS", "NNPS") and not subject.text.isupper()
        many = len(found) > 1 or plural_tag or self.is_quantity(subject)
        person = PRONOUNS[pronoun.lower_] == "Person"
        plural = pronoun.lower_ in ("they", "them", "their")
        return all((a.type == "Person") == person for a in found) and plural == many

    def salient_state(self, sentence: Span, excluded: frozenset[str] = frozenset()) -> Actor | None:
        """The state an unowned 'government' belongs to: named in the sentence, else most named so far; but a state
        named as a backer ('Government forces, supported by U.S. airstrikes, ...') is not the government's, nor one
        in ``excluded``."""
        backing = {
            t.i for a in sentence if a.dep_ == "agent" or (a.dep_ == "prep" and a.lower_ == "by") for t in a.subtree
        }
        backers: set[str] = set(excluded)
        for token in sentence:
            mention = self.mentions.get(token.i)
            if mention and mention.actor.type == "State" and mention.kind in ("name", "demonym", "ner", "capital"):
                if token.i not in backing and mention.actor.id not in excluded:
                    return mention.actor
                backers.add(mention.actor.id)
        return self.most_named_state(backers)

    def acting_states(self, token: Token) -> frozenset[str]:
        """The states of the subject of the verb whose object a noun is: 'The United States called on the government
        to ...' asks another state's government, not its own."""
        verb = token.head.head if token.dep_ == "pobj" else token.head
        if token.dep_ not in ("dobj", "pobj", "dative") or verb.pos_ not in ("VERB", "AUX"):
            return frozenset()
        states = set()
        for subject in (c for c in verb.children if c.dep_ == "nsubj"):
            mention = self.mentions.get(subject.i)
            if mention is not None:
                actor = mention.actor
                states |= {x for x in (actor.id if actor.type == "State" else None, actor.parent, actor.country) if x}
        return frozenset(states)

    def article_state(self, sentence: Span) -> Actor | None:
        """The state the article names most, other than those this sentence names (which act on it) and the
        document's author."""
        named = {m.actor.id for t in sentence if (m := self.mentions.get(t.i)) is not None}
        named |= {self.author.id} if self.author is not None else set()
        return self.most_named_state(named)

    def most_named_state(self, excluded: set[str]) -> Actor | None:
        """The state the article has named most so far, but for the ids excluded."""
        counts = {k: v for k, v in self.state_counts.items() if k not in excluded}
        return self.get(max(counts, key=counts.__getitem__)) if counts else None

    def _description(self, token: Token, lemma: str) -> list[Actor]:
        """'the group', 'his country', 'the Syrian leader', 'government': an actor named before."""
        wanted = self.lexicon.cue_value("coref", lemma) or "group"
        children = list(token.children)
        possessor = next((c for c in children if c.dep_ == "poss"), None)
        if possessor is not None and possessor.lower_ in PRONOUNS:
            person = self.recent("Person", token.i) if PRONOUNS[possessor.lower_] == "Person" else None
            person = self.person_subject if self.opening_possessor(possessor) else person  # ('But his government')
            if wanted == "State" and person is not None:
                country = self.get(person.country) or self.get(person.leads)
                if country is not None:
                    return [self.seen(country)]
            speaker = self._speaker(token)
            if wanted == "State" and speaker is not None:
                return [self.seen(speaker)]
        unnamed = not any(c.i in self.mentions for c in children if c.dep_ in ("amod", "compound", "poss"))
        if lemma in ("government", "regime") and token.tag_ in ("NNS", "NNPS") and unnamed:
            return []  # 'Western governments', 'foreign governments': several, of nobody named, no state's
        if lemma in ("government", "regime") and any(c.lower_ in RIVAL_WORDS for c in children):
            return []  # 'backed the rival government in eastern Libya': a rival authority, no state's government
        if lemma in ("government", "regime") and not any(c.dep_ == "det" and c.lower_ == "a" for c in children):
            owner, _ = self.owner(token)
            if owner is not None and owner.type == "Person":  # 'the government of President Ashraf Ghani'
                owner = self.get(owner.leads) or self.get(owner.country)
            state = owner if owner and owner.type == "State" else None
            if state is None and lemma == "regime":  # 'Russia's support for the regime': the article's, not Russia's
                state = self.article_state(token.sent)
            state = state or self.salient_state(token.sent, self.acting_states(token))
            return [self.seen(self.state_body(state, "government"))] if state else []
        owned = [p for c in children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
        for child in [*children, *owned]:  # 'the Syrian leader', 'the president of Armenia'
            mention = self.mentions.get(child.i)
            if child.dep_ in ("amod", "compound", "poss", "pobj") and mention and wanted == "Person":
                # ('the Hezbollah deputy leader', 'its former leader': someone other than the leader now)
                other = any(c.lower_ in NOT_THE_LEADER for c in children)
                return [self.seen((None if other else self._leader_of(mention.actor)) or mention.actor)]
        if wanted == "State" and any(c.dep_ == "det" for c in children):
            person = next(
                (m.actor for i, m in sorted(self.mentions.items()) if i < token.i and m.actor.type == "Person"), None
            )
            state = self.get(person.country) if person else self.salient_state(token.sent)
            return [self.seen(state)] if state else []
        if any(p.i in self.mentions for p in owned):
            return []  # 'the movement of Palestinians' is their movement, no movement named before
        # 'the group', 'its army' refer back; 'a coalition', 'another group' introduce a new one
        if any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ not in ("a", "an", "another")) for c in children):
            found = self.referent(wanted, lemma, token.i)  # 'the coalition': the Saudi-led coalition, not the UN
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


#: Words that make a government no state's own ('the rival government', 'a parallel government')
RIVAL_WORDS = {"rival", "parallel", "breakaway", "self-declared", "self-proclaimed", "opposition"}
#: Words that make a leader's title someone else's ('deputy leader', 'former president')
NOT_THE_LEADER = {"deputy", "vice", "former", "acting", "assistant", "late", "ex"}


def acts(token: Token) -> bool:
    """A capital acts ('Moscow denied') as subject, agent or possessor; elsewhere it is a place."""
    head = token
    while head.dep_ == "compound":
        head = head.head
    if head.dep_ in ("nsubj", "nsubjpass", "poss"):
        return True
    return head.dep_ == "pobj" and head.head.lower_ == "by"
