"""Noun-phrase modifiers: 'X-backed Y', 'X-held town', 'its YPG militia', 'Syrian President X', 'with the help
of X', 'together with X'. Part of the rules (kg.rules), split out by concern.
"""

from __future__ import annotations

import itertools

from spacy.tokens import Token

from kg.actors import PRONOUNS
from kg.gazetteer import Actor
from kg.modality import FORMER

#: Words of a title that are no role of their own: 'Deputy', 'General' ('Attorney General'), 'of' ('Secretary of State')
TITLE_WORDS = {"general", "deputy", "of"}


#: Words that make a leader's title a deputy's ('Vice President', 'Deputy Prime Minister')
DEPUTY_WORDS = frozenset({"vice", "deputy", "vice-president", "deputy-leader", "assistant", "under"})


#: Title words of offices that are no state's ('Secretary General', 'High Commissioner', 'opposition leader')
NOT_NATIONAL = frozenset({"general", "opposition", "rebel", "commissioner", "envoy", "special", "party"})


class ModifierRules:
    """Mixed into :class:`kg.rules.SentenceRules`."""

    def hyphen(self, token: Token) -> None:
        """'American-backed Kurdish militia', 'rebel-held parts', 'al-Qaida-linked militants'."""
        if token.i < 2 or token.doc[token.i - 1].text != "-":
            return
        triggers = self.lex.trigger("hyphen", token.lower_)
        if not triggers:
            return
        left = token.doc[token.i - 2]
        named = self.ctx.mention_at(token)
        if named is not None and named.actor.leader and any(t.relation == "leads" for t in triggers):
            # ('the U.S.-led coalition' is a name the gazetteer knows, with its leader: the leader leads it)
            self.add([self.ctx.seen(a) for a in [self.ctx.get(named.actor.leader)] if a], "leads", [named.actor], token)
            return
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
        for token in self.tokens:
            mention = self.ctx.mention_at(token)
            if mention is None or mention.actor.type != "Person" or mention.start in seen_people:
                continue
            seen_people.add(mention.start)
            head = token.doc[mention.end - 1]
            while head.dep_ == "compound" and head.head.i < mention.end:
                head = head.head
            # ('U.S. Secretary of State Rex Tillerson': the parser makes the title an nmod; in 'Iraqi Prime Minister
            # Haider al-Abadi said' it hangs the title on 'al', a word of the name that is not its head)
            name = token.doc[mention.start : mention.end]
            before = sorted({t for n in name for t in n.subtree if t.i < mention.start}, key=lambda t: t.i)
            # ('President Trump and President Duque', parsed as one name modifying the other: the title after 'and')
            before = before[max((k + 1 for k, t in enumerate(before) if t.dep_ == "cc"), default=0) :]
            words = [t for t in before if t.dep_ in ("compound", "amod", "nmod")]
            # ('Kerry and Saudi Foreign Minister Adel al-Jubeir': the parser may make the title a conjunct of its own)
            left = token.doc[mention.start - 1] if mention.start > self.span.start and not words else None
            while left is not None and left.text[0].isupper() and left.pos_ in ("PROPN", "NOUN", "ADJ"):
                if left.ent_type_ not in ("DATE", "TIME") and left not in words:
                    words.insert(0, left)
                left = token.doc[left.i - 1] if left.i > self.span.start else None
            if any(t.lower_ in FORMER for t in (*before, *name)):
                continue  # 'Former German Chancellor Gerhard Schroeder' leads nothing now
            role_words = [t for t in words if self.ctx.mention_at(t) is None]
            title = " ".join(t.lower_ for t in role_words)
            # a capitalised word of the title that the tagger took for a name ('Supreme Leader') is the title's, and
            # so is an office's word ('Defense' of 'Defense Secretary')
            role_words = [t for t in words if t in role_words or (self.ctx.mention_at(t).kind == "ner" and (
                self.lex.trigger("role", f"{t.lower_} {title}") or self.lex.cue("office", t.lower_)))]  # fmt: skip
            owners = [self.ctx.mention_at(t).actor for t in words if t not in role_words]
            inner_roles, inner_owners = self.title_in_name(mention)  # 'German Chancellor Angela Merkel', an alias
            role_words, owners = role_words + inner_roles, owners + inner_owners
            self.ctx.titles.setdefault(mention.actor.id, set()).update(t.lemma_.lower() for t in role_words)
            if not owners:  # 'Foreign Minister Sergey Lavrov of Russia', "Iran's Supreme Leader Ali Khamenei"
                owners = [a for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for a in self.pobjs(c)]
                possessors = [c for t in (head, *words) for c in t.children if c.dep_ == "poss"]
                owners = owners or [a for c in possessors for a in self.ctx.expand(c)]
            if role_words and not owners and self.serves_country(mention.actor, role_words):
                # 'Defense Secretary Ash Carter': a title with no owner in the text is held for the country the
                # gazetteer knows the person serves; said once an article, where the title first names them
                # ('regional President Masoud Barzani': the body he leads, where the gazetteer says, over his country)
                owners = [a for a in [self.ctx.get(mention.actor.leads or mention.actor.country)] if a is not None]
                self.ctx.known_roles.add(mention.actor.id)
            national = not any(t.lower_ in NOT_NATIONAL or t.lower_.endswith("-general") for t in role_words)
            if (
                role_words
                and not owners
                and mention.kind == "ner"
                and national
                and self.lex.token_cue("state-title", role_words[-1])
            ):
                # 'Prime Minister Hassan Ali Khaire said': a minister's title with no owner, for a person the gazetteer
                # does not know, is held in the state the article is about, as news writes a foreign one with its
                # demonym ('Turkish Foreign Minister X')
                # (a release's issuer names its own officials in full: an unknown minister there is another state's)
                home = self.ctx.most_named_state({self.ctx.author.id} if self.ctx.author is not None else set())
                # (not when the sentence names that state or its people beside him: 'Prime Minister X met with
                # President Biden at the White House' is a visitor's title, of another state)
                others = [m.actor for t in self.span if (m := self.ctx.mention_at(t)) is not None
                          and m.actor.id != mention.actor.id]  # fmt: skip
                beside = home is not None and any(home.id in (a.id, a.leads, a.country, a.parent) for a in others)
                owners = [home] if home is not None and not beside else []
            if not role_words or not owners:
                continue
            demonyms = [t for t in words if (m := self.ctx.mention_at(t)) is not None and m.kind == "demonym"]
            if role_words[-1].lemma_.lower() == "commander" and demonyms and all(o.type == "State" for o in owners):
                continue  # 'Libyan commander Khalifa Haftar', 'Iranian commander X': commands some force, not the state
            phrase = " ".join(t.lower_ for t in role_words)
            # ('Foreign Minister Prince Faisal': the title before an honorific the tagger left out of the name)
            shorter = (" ".join(t.lower_ for t in role_words[:k]) for k in range(len(role_words) - 1, 1, -1))
            # ('Secretary of State John Kerry', 'Minister of Defense X': the title's head is before its 'of')
            head_of = " ".join(t.lower_ for t in itertools.takewhile(lambda t: t.lower_ != "of", role_words))
            # ('Kenyan military spokesman Colonel David Obonyo': a rank after the title, cue kind rank, is no title)
            unranked = list(itertools.dropwhile(lambda t: self.lex.token_cue("rank", t), reversed(role_words)))[::-1]
            ranked = [" ".join(t.lower_ for t in unranked), unranked[-1].lemma_.lower()] if unranked else []
            phrases = [phrase, role_words[-1].lemma_.lower(), *shorter, head_of, *ranked]
            for trigger in next((found for p in phrases if (found := self.lex.trigger("role", p))), []):
                # ('First Vice President Machar', 'Deputy Prime Minister X': a deputy speaks for, and leads nothing)
                deputy = any(t.lower_ in DEPUTY_WORDS for t in role_words)
                relation = "represents" if deputy and trigger.relation == "leads" else trigger.relation
                self.add([self.ctx.seen(mention.actor)], relation, [self.ctx.seen(o) for o in owners], head)
                break

    def serves_country(self, person: Actor, role_words: list[Token]) -> bool:
        """Whether a title with no owner in the text is held for the country the gazetteer gives the person: not for
        an international or opposition office ('Secretary-General Antonio Guterres', 'Opposition leader Riek
        Machar'). The dates of the gazetteer's roles are no guide: Phoenix's end in 2014 ('President Ashraf Ghani'
        held a minister's role there, ended in 2004)."""
        if not (person.country or person.leads) or person.id in self.ctx.known_roles:
            return False
        return not any(t.lower_ in NOT_NATIONAL or t.lower_.endswith("-general") for t in role_words)

    def title_in_name(self, mention) -> tuple[list[Token], list[Actor]]:
        """The title words and owners inside a person's name as the gazetteer spells it with its title ('German
        Chancellor Angela Merkel', 'UN Secretary-General Ban Ki-moon'): the words before the person's own name,
        when each is a title word or names an actor."""
        doc = self.span.doc
        first = mention.actor.label.split()[0].lower()
        start = next((i for i in range(mention.start, mention.end) if doc[i].lower_ == first), mention.start)
        roles: list[Token] = []
        owners: list[Actor] = []
        for token in doc[mention.start : start]:
            named = [a for a, _ in self.ctx.gazetteer.lookup(token.text) if a.type != "Person"]
            if named:
                owners.append(named[0])
            elif not token.is_punct:
                roles.append(token)
        # each word a title's ('Deputy Prime Minister'), or together one title ('Foreign Minister'); else the words
        # are the name's own ('Abed Rabbo Mansour Hadi')
        phrase = " ".join(t.lower_ for t in roles)
        titled = bool(self.lex.trigger("role", phrase)) or all(
            self.lex.trigger("role", t.lower_)
            or self.lex.cue("office", t.lower_)
            or t.lower_ in TITLE_WORDS | DEPUTY_WORDS
            for t in roles
        )
        return (roles, owners) if titled else ([], [])

    def possessive_members(self) -> None:
        """'the PYD and its YPG militia': a named group possessed by another is part of it;
        'Assad's forces': a person leads the forces possessed."""
        for token in self.tokens:
            if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.i != token.head.i:
                self.persons_body(token, token.head.head)  # 'the government of President X', 'forces of X'
            if token.dep_ != "poss":
                continue
            head = token.head
            allies = self.ctx.demonym_allies(head)
            if allies:  # 'the government and its Russian ally' (demonym_allies() reads only nouns of cooperation)
                self.add(self.ctx.denote(token), "cooperatesWith", allies, head)
            possessor = self.ctx.denote(token) if token.lower_ in PRONOUNS else []
            mention = self.ctx.mention_at(head)
            if possessor and mention is not None and mention.kind in ("name", "ner") and not mention.actor.generic:
                owner, member = possessor[0], mention.actor
                if owner.type not in ("Person", "Place") and member.type not in ("Person", "Place", "State"):
                    self.add([member], "partOf", [owner], head)
            named = self.ctx.mention_at(token)
            # "Russia's FSB", "Turkey's MIT": a state's own body, as the gazetteer knows it (not "Iran's Hezbollah": a
            # proxy is no body of its backer)
            # ('Sudan's army' is the state's armed forces themselves, no part named apart: bodies with a role)
            own_body = mention is not None and mention.kind == "name" and self.own_body(mention.actor)
            if own_body and named is not None and mention.actor.parent == named.actor.id:
                self.add([mention.actor], "partOf", [named.actor], head)
            self.persons_body(token, head)
        for token in self.tokens:  # "Iran's Revolutionary Guards" as one gazetteer name, the possessive inside it
            mention = self.ctx.mention_at(token)
            if token.tag_ != "POS" or mention is None or not self.own_body(mention.actor) or token.i == 0:
                continue
            parent = self.ctx.get(mention.actor.parent) if mention.actor.parent else None
            before = token.doc[token.i - 1]
            if parent is not None and before.i >= mention.start and before.lower_ in {n.lower() for n in parent.names}:
                self.add([mention.actor], "partOf", [parent], token.head)

    @staticmethod
    def own_body(actor: Actor) -> bool:
        """A body of a state the gazetteer names apart from its government and armed forces (an agency, a guard
        corps, a ministry): 'Iran's Revolutionary Guards' is part of Iran; 'Sudan's army' is Sudan's arm itself."""
        return actor.type == "GovernmentBody" and actor.parent is not None and not actor.role

    def persons_body(self, owner: Token, head: Token) -> None:
        """'Assad's forces', 'the forces of Haftar', 'the government of President Ashraf Ghani': the person leads
        the forces or the government named for him."""
        person = self.ctx.mention_at(owner)
        if person is None or person.actor.type != "Person":
            return
        if any(t.lower_ in FORMER for t in owner.subtree):
            return  # 'the government of former Prime Minister Imran Khan': he leads it no more
        # the government of a person whose country kg knows ('Hariri's government' of nobody known: no guess)
        known = bool(person.actor.country or person.actor.leads)
        governs = head.lemma_.lower() in ("government", "regime", "administration") and known
        if self.lex.token_cue("military", head) or governs:
            self.add([person.actor], "leads", self.ctx.denote(head), head)
