"""The default extractor: dependency-grammar rules over spaCy parses, driven by the lexicons.

For every trigger word of ontology/lexicon/ (the hand lexicon relations.tsv over the CAMEO import
cameo.tsv) the rules find who acts and on whom. :class:`SentenceRules` is the driver; each concern
is a mixin of its own module:

* kg.verbs: verb triggers, their subjects (control, raising, relative clauses, coordination) and
  objects (direct object, prepositions, recipients, object nouns, frame verbs' clauses);
* kg.events: event nouns ("Russian airstrikes", "talks between X and Y") and light verbs;
* kg.modifiers: noun-phrase modifiers ("X-backed Y", "Syrian President X", "with the help of X");
* kg.modality: factuality and attribution, walking up from the trigger;
* kg.constructions: adjunct phrases (data), reported obligations, roles in apposition.

Actors come from kg.actors (names) and kg.descriptions (descriptions). :class:`RuleExtractor` holds
what is shared by all documents and finds an official release's issuer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import cache

from spacy.tokens import Token

from kg.actors import ORGANISATIONS, ArticleActors
from kg.constructions import Constructions
from kg.discards import Discards, default_discards
from kg.errors import KgError
from kg.events import COOPERATIVE, EventNounRules
from kg.gazetteer import Actor, Gazetteer, alias_matchers, default_gazetteer, normalize
from kg.lexicon import Lexicon, Trigger, default_lexicon
from kg.modality import Modality, ModalityRules
from kg.modifiers import ModifierRules
from kg.objects import ObjectRules, speaks_for
from kg.sentences import Sentence, load_pipeline
from kg.statements import Event, Extraction, Factuality, Statement, register_extractor
from kg.verbs import VIOLENT, VerbRules
from kg.vocabulary import data_path, relations


def state_of(actor: Actor) -> str | None:
    """The state an actor is or is a body of (its government, military, police), else None."""
    return actor.id if actor.type == "State" else actor.parent if actor.type == "GovernmentBody" else None


#: Relations whose acts make a one-sided event with only their target named ('civilians were killed', 'journalists
#: were detained', 'the town was captured', 'X was accused of'); a place evacuated or a delegation received is none
ONE_SIDED_TARGETS = {"attacks", "coerces", "captures", "sanctions", "accuses", "threatens", "investigates"}
#: Relations whose verbs, with a thing as their object, are in another sense than the act ('fired his minister')
THING_SENSES = {"deploysTo", "withdrawsFrom", "captures"}
#: Possessives that make a thing the subject's own ('fired his minister', 'demonstrated its new drone')
OWN_POSSESSIVES = {"his", "her", "its", "their", "our", "my"}


def armed_force(actor: Actor) -> bool:
    """Whether an actor moves as armed forces do (a state, an armed group, a military or police): who deploys by
    entering or arriving somewhere (cue kind armed-move)."""
    return actor.type in ("State", "ArmedGroup") or actor.role in ("military", "police")


def guessed_place(subject: Actor, obj: Actor, core: str, armed_move: bool) -> bool:
    """Whether a name the tagger guessed is a place by what is done to it: a people's name in the singular seized
    ('seized Kidal'; 'holding 100 Ukrainians' names people held), a person's name where armed forces go ('Russian
    troops left Kherson', cue kind armed-move)."""
    if obj.source != "ner":
        return False
    if core == "captures" and obj.type == "Population" and not obj.label.endswith("s"):
        return True
    return armed_move and obj.type == "Person" and armed_force(subject)


def own_state(actor: Actor) -> str | None:
    """The state an actor is, is a body of, or (a person the gazetteer knows) serves."""
    return state_of(actor) or (actor.country if actor.type == "Person" else None)


def visitor(actor: Actor) -> bool:
    """Whether an actor pays visits: not a population ('refugees flew to Germany') nor armed forces ('bombers
    flew to Venezuela')."""
    return actor.type != "Population" and actor.role != "military"


#: Relations whose object is always an actor: a capital named as their object is its state ('accused Tehran');
#: as any other's object it may be the city ('bombed Kyiv', 'flew to Beijing', 'defend Jerusalem')
ACTOR_RELATIONS = {
    "accuses", "requests", "threatens", "sanctions", "rejects", "meetsWith", "cooperatesWith", "investigates",
    "opposes",
}  # fmt: skip

PLACE_TYPES = ("Place", "State")
#: What one holds a person in that is no detention ('held him in high regard')
ESTEEM = {"regard", "esteem", "contempt", "respect"}
#: How many first lines of a document may be the header of an official release
HEADER_LINES = 6
#: The header of a joint statement and whom it names ('Joint Statement by the United States and Kenya on ...')
JOINT = re.compile(
    r"joint (?:statement|declaration|communiqu[eé]) (?:by|of|from|between) (?P<who>.+?)(?: on .*)?$", re.I
)
#: The title before a state's name in such a header ('the President of', 'the Government of')
HOLDER = re.compile(r"^(?:the )?(?:president|prime minister|government|leaders?) of ", re.I)
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
#: offer, promise, or otherwise indicate willingness to cooperate"), an intended hostile one THREATEN, and a
#: cooperative act the actor says it will not do REJECT
INTENDED = {
    "supports": "AGREE", "cooperatesWith": "AGREE", "meetsWith": "AGREE", "concedesTo": "AGREE",
    "withdrawsFrom": "AGREE", "attacks": "THREATEN", "fights": "THREATEN", "captures": "THREATEN",
    "coerces": "THREATEN", "sanctions": "THREATEN", "deploysTo": "THREATEN",
}  # fmt: skip


def intended(
    relation: str,
    plover: str,
    factuality: str,
    attributed: Actor | str | None,
    subject: Actor,
    modality: Modality | None = None,
) -> str:
    """The PLOVER event of a statement: a potential act its own subject announces (in the article's voice, in
    its own words, or by a verb of its own: 'X offered to') is PLOVER's AGREE or THREATEN (see
    :data:`INTENDED`), and THREATEN when an act that is no cooperation comes with an 'unless' (an ultimatum); an act
    another asks for ('urged the EC to support the PLO'), the condition of another act or the purpose of one
    ('mobilized groups to help support X') is nobody's announcement; a plan of talks or joint action is the actor's
    willingness whoever reports it; any other statement keeps its trigger's or relation's type."""
    modality = modality or Modality()
    if modality.requested or modality.purpose:
        return plover
    core = relations()[relation].core
    # a plan of talks or joint action is the actor's willingness whoever reports it ('X will visit Y, diplomats
    # said'); a plan of aid reported by others may be an allegation ('China might arm Russia, Blinken warned'), and
    # a hostile one is a threat only in the actor's own words
    reported_plan = core in ("meetsWith", "cooperatesWith")
    announced = attributed is None or modality.pledged or speaks_for(attributed, subject) or reported_plan
    if factuality == Factuality.POTENTIAL and core in INTENDED and announced:
        # 'will withdraw its force unless X ...' is an ultimatum; 'will resume talks unless ...' still an offer
        return "THREATEN" if modality.conditional and core not in COOPERATIVE else INTENDED[core]
    refused = modality.pledged or speaks_for(attributed, subject)
    if factuality == Factuality.NEGATED and INTENDED.get(core) == "AGREE" and refused:
        return "REJECT"  # 'Obama said he would not provide support to Israel': a refusal
    return plover


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
        events: dict[tuple, Event] = {}
        notes: list[str] = []
        for sentence in sentences:
            context.read(sentence.span)  # a discarded sentence still names actors for the next ones
            if not self.discarded_sentence(sentence):
                rules = SentenceRules(self, context, sentence)
                try:
                    found, one_sided = rules.run(), rules.one_sided_events()
                except Exception as error:
                    # a rule's bug on one odd sentence costs that sentence only, with a note, not the document nor the
                    # rest of an ingest run
                    notes.append(f"sentence {sentence.index + 1} skipped: a rule failed on it ({type(error).__name__})")
                    found, one_sided = [], []
                for statement in found:
                    statements.setdefault((sentence.index, *statement.key()), statement)
                for event in one_sided:
                    events.setdefault((sentence.index, *event.key()), event)
            context.end_sentence()
        return Extraction(list(statements.values()), context.surface, context.actors, notes, list(events.values()))

    def context(self, sentences: list[Sentence], author: str | None = None) -> ArticleActors:
        """A fresh article context: actor resolution for one document, with its issuer if known."""
        doc_id = sentences[0].doc_id if sentences else ""
        issuer = self.issuer(author) or self.issuer_from_headers(sentences)
        context = ArticleActors(self.gazetteer, self.lexicon, self.matchers, doc_id, issuer)
        if issuer is not None:
            context.co_issuers = [a for a in self.joint_issuers(sentences) if a.id != issuer.id]
        return context

    def joint_issuers(self, sentences: list[Sentence]) -> list[Actor]:
        """The states a joint statement's header names ('Joint Statement by the President of the United States and
        the President of the Russian Federation', 'Joint Statement of the United States and the Republic of Kenya'):
        its 'we' is all of them."""
        for sentence in sentences[:HEADER_LINES]:
            line = JOINT.match(sentence.text)
            if line is None:
                continue
            found: list[Actor] = []
            for part in re.split(r",| and ", line.group("who")):
                hits = self.gazetteer.lookup(HOLDER.sub("", part.strip()).strip(" ."))
                if hits and hits[0][0].type == "State" and hits[0][0] not in found:
                    found.append(hits[0][0])
            return found
        return []

    def issuer_from_headers(self, sentences: list[Sentence]) -> Actor | None:
        """The issuer an official release names in its header lines ('Office of the Spokesperson')."""
        issuers = default_issuers()
        for sentence in sentences[:HEADER_LINES]:
            line = normalize(sentence.text.rstrip(" ."))
            for phrase, actor_id in issuers.items():  # 'Statement by the Press Secretary on Syria'
                if (line == phrase or line.startswith(phrase + " ")) and actor_id in self.gazetteer.by_id:
                    return self.gazetteer[actor_id]
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


class SentenceRules(VerbRules, ObjectRules, EventNounRules, ModifierRules, ModalityRules, Constructions):
    """The rules applied to one sentence."""

    def __init__(self, extractor: RuleExtractor, context: ArticleActors, sentence: Sentence):
        self.lex = extractor.lexicon
        self.relations = extractor.relations
        self.ctx = context
        self.sentence = sentence
        self.span = sentence.span
        #: the sentence's tokens, made once: spaCy builds a new Token object on every pass over a span, and the
        #: constructions each pass over the whole sentence
        self.tokens: list[Token] = list(sentence.span)
        #: kg.verbs.VerbRules.verb_triggers of each verb (by token index) once asked
        self.verb_triggers_made: dict[int, list[Trigger]] = {}
        self.found: list[Statement] = []
        #: acts with one known side, where the trigger made no statement (kg.statements.Event)
        self.events: list[Event] = []
        #: the rule or construction now running, recorded on each statement for --explain
        self.construction = ""

    # ------------------------------------------------------------------ driver
    def run(self) -> list[Statement]:
        doc = self.span.doc
        for token in self.tokens:
            pos = token.pos_
            # ('closed the Kerem Shalom crossing into Gaza': a gerund with an article or a name before it is a noun)
            named = token.tag_ == "VBG" and any(c.dep_ in ("det", "compound") and c.i < token.i for c in token.children)
            verbal = pos in ("VERB", "AUX") or token.tag_.startswith("VB")
            if verbal and not named and self.lex.may_trigger("verb", token):
                self.construction = "verb"
                self.verb(token)
            gerund = token.tag_ == "VBG" and token.dep_ in ("nsubj", "nsubjpass")  # "Fighting between X and Y killed"
            if (pos in ("NOUN", "PROPN") or gerund) and self.lex.may_trigger("noun", token):
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
            ("received from", self.received),
            ("exchanged both ways", self.exchanged),
            ("yielded to a demand", self.yielded),
            ("a demand answered", self.answered),
            ("protest for a demand", self.protested),
            ("forces kept somewhere", self.stationed),
            ("made up of members", self.composed),
            ("linked to an organisation", self.affiliated),
            ("under someone's control", self.under_control),
            ("named by a word of censure", self.censured),
            ("a phone call", self.phoned),
            ("role in apposition or predicate", self.described_roles),
            ("withdrew from what another took", self.left_to_the_taker),
            ("the rival X", self.rivals),
            ("X and allied Y", self.allied),
            ("a charge denied", self.denied_charges),
            ("agents of one act", self.joint_agents),
            ("a joint thing", self.joint_nouns),
            ("provided X with Y", self.provided_with),
            ("an act of force vowed or conditioned", self.threatened_acts),
        ):
            self.construction = name
            rule()
        # the main clause's subject, resolved once, is what 'They' and 'He' opening the next sentences mean
        root = self.span.root
        main = self.subjects(root) if any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children) else []
        self.ctx.plural_subject = self.plural_subject(main)
        self.ctx.note_person_subject(self.person_subject(main))
        return self.spoken_for(self.found)

    def one_sided_events(self) -> list[Event]:
        """The one-sided events of the sentence whose act no statement of it already holds (another rule, a
        construction or an event noun, may have found the other side of the same trigger word)."""
        stated = {(s.trigger, self.relations[s.relation].core) for s in self.found}
        return [e for e in self.events if (e.trigger, self.relations[e.relation].core) not in stated]

    @staticmethod
    def person_subject(main: list[Actor]) -> Actor | None:
        """The one person this sentence's main subject (``main``, its actors) names: 'he' or 'she' opening a later
        sentence most often continues with them, not with the last person named ('... between forces loyal to Kiir
        and Machar. She calls on ...')."""
        return main[0] if len(main) == 1 and main[0].type == "Person" else None

    def addressed(self, verb: Token) -> bool:
        """'spoke to the UN General Assembly', 'talked to Reuters': a verb of speech (cue kind speech) with a 'to'
        phrase and none with 'with' may address an audience; only a person spoken to is in talks."""
        preps = {c.lower_ for c in verb.children if c.dep_ == "prep"}
        return self.lex.token_cue("speech", verb) and "to" in preps and "with" not in preps

    def plural_subject(self, main: list[Actor]) -> list[Actor] | None:
        """The actors of this sentence's main subject (``main``) when it is plural ('The members of the Council
        condemned ...', 'Kenya and Uganda said ...'): 'They' opening the next sentence most often means them."""
        for subject in (c for c in self.span.root.children if c.dep_ == "nsubj"):
            if subject.lower_ in ("they", "we"):
                continue
            # several named ('Kenya and Uganda'), or the members of one ('The members of the Council'); not a
            # plural body ('Police detained protesters. They accused ...': 'they' may be the protesters)
            if len(main) >= 2 or (self.ctx.is_quantity(subject) and main):
                return main
        return None

    def spoken_for(self, found: list[Statement]) -> list[Statement]:
        """'Portugal will support Turkey, Portuguese President Mario Soares said': an act announced by the
        subject's own leader or representative (as this sentence says) is the subject's announcement."""
        roles = {(s.subject.id, s.object.id) for s in found if s.relation in ("leads", "represents")}
        result = []
        for s in found:
            speaker = s.attributed_to
            potential = s.factuality == Factuality.POTENTIAL
            if isinstance(speaker, Actor) and (speaker.id, s.subject.id) in roles and potential:
                plover = intended(s.relation, s.plover, s.factuality, s.subject, s.subject)
                s = replace(s, plover=plover)
            result.append(s)
        return result

    def candidates(self) -> Iterator[tuple[Token, str, list[Trigger]]]:
        """(token, kind, triggers) for every trigger word of the sentence, as :meth:`run` finds them."""
        doc = self.span.doc
        for token in self.tokens:
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
            slot = self.measure_slot(self.frame_of(token))  # 'launched attacks': the light verb's subject acts
            carried = slot.dep_ in ("dobj", "attr", "nsubjpass") and (
                self.is_light(slot.head) or self.carries(slot.head)
            )
            if not (self.agents(token) or self.pair(token) or (carried and self.subjects(slot.head))):
                return "no agent (possessor, demonym, 'by X', or the subject of a light verb)"
            return "no actor after its prepositions (" + ", ".join(sorted({p for t in triggers for p in t.preps})) + ")"
        return "no actor before the hyphen or no actor it modifies"

    def one_sided(self, actors: list[Actor], role: str, trigger: Trigger, verb: Token, modality: Modality) -> None:
        """An event for each actor, when the trigger names an act (a relation with a PLOVER type: membership,
        leadership, control and lasting hostility are states, not events) and no statement was made of it."""
        relation = trigger.relation
        if not self.relations[relation].plover or not self.act_of_its_own(role, relation, verb, actors):
            return
        if role == "target" and self.relations[relation].core in ("captures", "deploysTo"):
            actors = [a for a in actors if a.type in PLACE_TYPES]  # ('were taken hostage' is no capture)
        if role == "agent" and self.lex.token_cue("armed-move", verb):  # ('entered into talks' is no deployment)
            actors = [a for a in actors if armed_force(a)]
            actors = actors if any(c.dep_ == "dobj" for c in verb.children) else []
        factuality, attributed = modality.factuality, modality.attributed_to
        if modality.attempted and self.relations[relation].core not in VIOLENT:
            factuality = Factuality.POTENTIAL  # 'tried to meet': no meeting yet
        for actor in actors:
            doer = actor if role == "agent" else None
            plover = intended(relation, trigger.plover or self.relations[relation].plover[0], factuality, attributed,
                              doer, modality) if doer is not None else trigger.plover  # fmt: skip
            event = Event(actor, role, relation, self.sentence, factuality, attributed, verb.text, trigger.cameo,
                          plover or self.relations[relation].plover[0], self.construction)  # fmt: skip
            if event not in self.events:
                self.events.append(event)
                if role == "agent" and factuality == Factuality.ACTUAL:
                    self.ctx.note_agent(verb.lemma_.lower(), actor, self.relations[relation].core)

    def owned_thing(self, trigger: Token, actor: Actor) -> bool:
        """Whether the verb acts on a thing that ``actor`` owns, not on the actor itself: 'overran a Kenyan base',
        'retook the government complex' (a demonym, possessor or compound names the owner; the head names no
        actor, and no land: cue kind land, 'the Syrian town of X', 'Syrian territory')."""
        for noun in (c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")):
            if self.ctx.mention_at(noun) is not None or self.lex.token_cue("land", noun):
                continue  # ('seized Syrian territory', 'took the Afghan capital': land is captured)
            owner, word = self.ctx.owner(noun)  # (not 'control of X', 'the town of X': those are X)
            modifies = word is not None and word.head.i == noun.i and word.dep_ in ("poss", "amod", "compound", "nmod")
            if owner is not None and modifies and actor.id in (owner.id, state_of(owner)):
                return True
        return False

    def act_of_its_own(self, role: str, relation: str, verb: Token, actors: list[Actor]) -> bool:
        """Whether a trigger with one side found still names its act. Taking and holding need a place ('took
        steps', 'seized property'), and talks a partner; a symmetric act with a thing as its object is another sense
        ('received assurances', 'signed a decree'), and in the passive a tie ('was allied'); a participle that
        modifies a noun ('the civilians imprisoned for X') has that noun as its target, not its agent, unless a 'by'
        phrase names the agent."""
        core = self.relations[relation].core
        if role == "target":
            # what is done to someone by nobody named: a blow, an arrest, a seizure, a charge; not a drought's threat
            # ('threatened by drought') nor an accident ('were killed when their vehicle overturned'): cue kind accident
            accident = any(self.lex.token_cue("accident", t) for t in verb.subtree)
            return core in ONE_SIDED_TARGETS and not accident
        if core in ("captures", "controls", "meetsWith"):
            return False  # (and talks with nobody named are none: 'Buhari spoke on Monday', 'the Cabinet met')
        things = [c for c in verb.children if c.dep_ == "dobj" and not self.ctx.expand(c, object_position=True)]
        # sending, pulling out and taking with a thing as the object are in another sense ('sent a delegation to the
        # talks'); people counted or crowds ('evacuated 40 people') and weapons ('moved tanks') are what they move
        counted = [c for c in things if any(n.dep_ == "nummod" for n in c.children) or c.like_num]
        kept = [c for c in things if c in counted or self.lex.token_cue("crowd", c) or self.lex.token_cue("weapon", c)]
        if core in THING_SENSES and len(kept) < len(things):
            return False
        # a word or a plan as the object of a verb of force or yielding ('attacked the budget plan', 'released a
        # statement'), or something of the subject's own ('fired his defence minister', 'demonstrated its new
        # drone'), is another sense; an armed act on a thing is one ('attacked a church', 'suspended aid deliveries')
        own = [c for c in things if any(p.dep_ == "poss" and p.lower_ in OWN_POSSESSIVES for p in c.children)]
        if core in ("attacks", "concedesTo") and (own or any(self.lex.token_cue("abstract", c) for c in things)):
            return False
        protest = "PROTEST" in self.relations[relation].plover and self.lex.token_cue("protest", verb)
        armed = any(a.type == "ArmedGroup" or a.role == "military" for a in actors)
        if protest and (own or armed):
            return False  # ('demonstrated its new missile', 'troops marched into Kherson': no protest)
        if self.relations[relation].symmetric and any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children):
            return False  # (and 'Sudan was allied for years' is a lasting tie, no act)
        return not (verb.dep_ == "acl" and verb.tag_ == "VBN" and not any(c.dep_ == "agent" for c in verb.children))

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
        # a capital's name stands for its state ('accused Tehran', 'talks with Moscow'), but not where a relation may
        # take a place ('bombed Kyiv', 'sent troops to Baghdad') or a state acts in its own capital
        subjects = [self.ctx.capital_state(s) or s for s in subjects]
        # what the trigger word itself says, the same for every pair below
        armed_move = self.lex.token_cue("armed-move", trigger)
        objects_of = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
        refuge = any(self.lex.token_cue("refuge", c) for c in objects_of if c.dep_ == "dobj")
        property_seized = any(self.lex.token_cue("property", n) for n in objects_of)
        # ('hold X in high regard': esteem, no detention)
        esteem = any(p.lemma_.lower() in ESTEEM for c in trigger.children if c.dep_ == "prep" for p in c.children)
        shelter = info.core == "meetsWith" and self.lex.token_cue("shelter", trigger)
        for subject in subjects:
            for obj in objects:
                state = self.ctx.capital_state(obj) if info.core in ACTOR_RELATIONS else None
                obj = state if state is not None and state.id != subject.id else obj
                rel = relation
                if subject.id == obj.id or (info.core == "deploysTo" and subject.type == "Population"):
                    continue  # refugees who cross into a country are no forces deployed there
                if info.core == "concedesTo" and obj.type == "Place" and trigger.lemma_.lower() in ("free", "release"):
                    continue  # 'freed the town from Islamic State': a place taken, no concession to it
                if shelter and obj.type == "Population":
                    rel = "supports"  # 'hosting 3.6 million Syrian refugees', 'received a million Venezuelans'
                elif info.core in ("concedesTo", "meetsWith") and obj.type == "Population" and obj.generic:
                    continue  # 'freed all hostages', 'spoke to reporters': no concession to or talks with an actor
                if info.core == "meetsWith" and obj.type != "Person" and self.addressed(trigger):
                    continue  # 'spoke to Reuters', 'spoke to the General Assembly': an address; 'spoke to X': talks
                if info.core == "partOf" and obj.type == "State" and state_of(subject) not in (None, obj.id):
                    continue  # 'Kenyan troops serve in Somalia': one state's body is no part of another state
                if info.symmetric and state_of(subject) is not None and state_of(subject) == state_of(obj):
                    continue  # 'Eritrea agreed to withdraw its troops': no agreement of a state with its own forces
                # a visit (cue kinds travel and visit) is paid by people, and those they act for, to people
                visit = self.lex.token_cue("travel", trigger) or self.lex.token_cue("visit", trigger)
                if info.core == "meetsWith" and visit and (obj.type == "Place" or not visitor(subject)):
                    continue  # 'flew to Benghazi': one meets people, not a town; 'bombers flew to Venezuela': no visit
                own = own_state(subject)
                forces = obj.id == own or obj.role in ("military", "police")  # (not 'the Kurdistan government')
                if info.core == "supports" and cameo.startswith("051") and own and own == state_of(obj) and forces:
                    continue  # 'Israel's defense minister praised the troops': praise of one's own forces backs nobody
                if guessed_place(subject, obj, info.core, armed_move):
                    obj.type = "Place"  # 'seized Kidal', 'Russian troops left Kherson': whatever the tagger said
                place = obj.type in PLACE_TYPES or (obj.source == "ner" and obj.type in ORGANISATIONS)  # ('Barawe')
                if armed_move and (not place or not armed_force(subject)):
                    continue  # 'entered talks with X', 'Finland entered NATO', 'the delegation entered Gaza'
                if info.core == "requests" and refuge:
                    continue  # 'sought refuge from the RSF': what is fled, no one asked
                # (the state's own forces only for whom the gazetteer says leads it: 'Guaido urged the army' asks it)
                led = subject.leads is not None and (obj.id == subject.leads or (
                    subject.leads == state_of(obj) and obj.role == "military"))  # fmt: skip
                if info.core == "requests" and subject.type == "Person" and led:
                    continue  # 'Haftar ordered his troops to advance': a leader's orders to his own are no request
                owner = info.core in ("captures", "controls") and self.owned_thing(trigger, obj)
                if owner and own == obj.id:
                    continue  # 'Syrian troops retook the government complex': their own state's building, no capture
                if info.core in ("captures", "controls") and (obj.type not in PLACE_TYPES or owner):
                    rel = self.lex.cue_value("fallback", info.core) or ""
                    if owner and info.core == "captures" and property_seized:
                        rel = "coerces"  # ('seized three Ukrainian naval vessels': its owner is coerced, CAMEO 171)
                    # ('still holding dozens of rebel supporters': people held are detained; a body is no one's hold)
                    if not rel or (info.core == "controls" and (obj.type not in ("Population", "Person") or esteem)):
                        continue
                factuality, attributed = modality.factuality, modality.attributed_to
                if modality.attempted and self.relations[rel].core not in VIOLENT:
                    factuality = Factuality.POTENTIAL  # 'tried to meet X': no meeting yet
                codes = (
                    (cameo, intended(rel, plover, factuality, attributed, subject, modality))
                    if rel == relation
                    else ("", "")
                )
                statement = Statement(subject, rel, obj, self.sentence, factuality, attributed, trigger.text, *codes)
                statement = replace(statement, construction=self.construction)
                if statement not in self.found:  # 'attacks against rebel camps': the rebels by two paths
                    self.found.append(statement)
                    if (info.symmetric or info.core == "attacks") and factuality == Factuality.ACTUAL:
                        self.ctx.note_sides(subject, obj, info.core)  # 'both sides', 'the two countries', 'they' next
                    if factuality == Factuality.ACTUAL and not info.symmetric:
                        # 'condemned the attack' later: theirs
                        self.ctx.note_agent(trigger.lemma_.lower(), subject, info.core)
