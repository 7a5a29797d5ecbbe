"""Stage 4: statements, and the registry of extractors that produce them.

A statement is what an analyst writes down from one sentence: subject, relation, object, whether it
is actual, negated or potential, and who asserts it. Extractors are pluggable: a class with a
``name`` and an ``extract(sentences)`` method, registered with ``@register_extractor``, the way
spaCy registers pipeline components. ``rules`` (kg.rules) is the default.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

from kg.errors import KgError
from kg.gazetteer import Actor
from kg.vocabulary import KG

if TYPE_CHECKING:  # kg.sentences imports spaCy; the read side (kg.rdf, kg.evaluate) uses statements without it
    from kg.sentences import Sentence

SOURCE = "source"  # attribution to an unnamed source


class Factuality(StrEnum):
    """Whether a statement says the relation holds, is denied, or is only planned, threatened or possible:
    the spec's three values, ``kg:Actual``, ``kg:Negated`` and ``kg:Potential`` in the graph.

    A StrEnum, so that each value is also its word ('actual'): JSON output, gold files, CSV columns and the
    view's page keep the words they always had, and code that still compares with the word keeps working.
    """

    ACTUAL = "actual"
    NEGATED = "negated"
    POTENTIAL = "potential"

    @property
    def iri(self) -> str:
        return KG + self.value.capitalize()

    @classmethod
    def from_iri(cls, iri: str) -> Factuality | str:
        """The value a ``kg:factuality`` IRI stands for. A store written by another tool may hold one the
        ontology lacks: it is read as its lower-cased local name, so that reading it fails nothing."""
        word = iri.removeprefix(KG).lower()
        try:
            return cls(word)
        except ValueError:
            return word


def truthy(factuality: str, attributed_to: object) -> bool:
    """The spec's rule: only actual, unattributed statements become plain triples, and count as facts."""
    return factuality == Factuality.ACTUAL and attributed_to is None


def asserter_key(attributed: Actor | str | None) -> str | None:
    """Who asserts a statement or event, as part of its identity: an actor's id, 'source', or None."""
    return attributed.id if isinstance(attributed, Actor) else attributed


def asserter_label(attributed: Actor | str | None) -> str | None:
    """Who asserts a statement or event, as plain data: an actor's label, 'source', or None."""
    return attributed.label if isinstance(attributed, Actor) else attributed


def according_to(attributed: Actor | str | None) -> list[str]:
    """The '(according to X)' part of a one-line reading, if anyone but the article asserts it."""
    if attributed is None:
        return []
    return [f"(according to {attributed.label if isinstance(attributed, Actor) else 'unnamed source'})"]


@dataclass(frozen=True)
class Statement:
    """One relation stated in one sentence, with its factuality and its asserter."""

    subject: Actor
    relation: str
    object: Actor
    sentence: Sentence
    factuality: Factuality = Factuality.ACTUAL
    attributed_to: Actor | str | None = None
    trigger: str = ""
    #: the CAMEO event code of the trigger, where the CAMEO dictionary supplied it (GDELT/ICEWS users join on it)
    cameo: str = ""
    #: the PLOVER event type: the trigger's, else the relation's own when it has exactly one
    plover: str = ""
    #: which rule or construction made it (``kg extract --explain``); not part of the statement's identity
    construction: str = field(default="", compare=False)

    @property
    def truthy(self) -> bool:
        """The spec's rule (:func:`truthy`)."""
        return truthy(self.factuality, self.attributed_to)

    def key(self) -> tuple:
        return (self.subject.id, self.relation, self.object.id, self.factuality, asserter_key(self.attributed_to))

    def as_dict(self) -> dict:
        """The statement as plain data (``kg extract --format json``, ``--explain``): labels, not objects."""
        return {
            "sentence": self.sentence.text,
            "subject": self.subject.label,
            "relation": self.relation,
            "object": self.object.label,
            "factuality": self.factuality,
            "attributed_to": asserter_label(self.attributed_to),
            "trigger": self.trigger,
            "cameo": self.cameo or None,
            "plover": self.plover or None,
        }

    def describe(self) -> str:
        """A one-line human reading, as ``kg extract`` prints it."""
        parts = [f"{self.subject.label} --{self.relation}--> {self.object.label}", f"[{self.factuality}]"]
        return " ".join([*parts, *according_to(self.attributed_to)])


@dataclass(frozen=True)
class Event:
    """An act with one known side: 'Ethnic Albanians demonstrated in Serbia' (an agent, nobody acted on), 'Three
    civilians were killed in a car bombing' (a target, no agent named).

    A statement relates two actors (the spec), so these are no statements; but event data (PLOVER, ICEWS,
    ACLED) codes them, and an analyst counting protests, refusals or attacks on civilians needs them. They are
    kept apart (``kg:Event`` in the graph), never as triples, never in the actor network, never scored against
    gold statements.
    """

    actor: Actor
    #: 'agent' (the actor acts) or 'target' (the actor is acted on)
    role: str
    #: the relation the trigger names, as if the other side were known: its PLOVER type is the event's
    relation: str
    sentence: Sentence
    factuality: Factuality = Factuality.ACTUAL
    attributed_to: Actor | str | None = None
    trigger: str = ""
    cameo: str = ""
    plover: str = ""
    construction: str = field(default="", compare=False)

    def key(self) -> tuple:
        asserter = asserter_key(self.attributed_to)
        return (self.actor.id, self.role, self.relation, self.factuality, asserter, self.trigger)

    def as_dict(self) -> dict:
        """The event as plain data (``kg extract --format json`` writes it with ``"event": true``)."""
        return {
            "event": True,
            "sentence": self.sentence.text,
            self.role: self.actor.label,
            "relation": self.relation,
            "factuality": self.factuality,
            "attributed_to": asserter_label(self.attributed_to),
            "trigger": self.trigger,
            "cameo": self.cameo or None,
            "plover": self.plover or None,
        }

    def describe(self) -> str:
        """A one-line human reading, as ``kg extract`` prints it: the unknown side is '?'."""
        pair = (self.actor.label, "?") if self.role == "agent" else ("?", self.actor.label)
        parts = [f"{pair[0]} --{self.relation}--> {pair[1]}", f"[{self.factuality}]"]
        parts.append(f"(one-sided {self.plover} event: '{self.trigger}')")
        return " ".join([*parts, *according_to(self.attributed_to)])


@dataclass
class Extraction:
    """What an extractor found in one document: statements and the actors they involve."""

    statements: list[Statement] = field(default_factory=list)
    #: actor id -> surface forms seen in the document (become skos:altLabel)
    surface: dict[str, set[str]] = field(default_factory=dict)
    #: every actor mentioned, including derived ones (military of a state, new NER actors)
    actors: dict[str, Actor] = field(default_factory=dict)
    #: sentences the extractor passed over, and why (a rule that failed on one odd sentence)
    notes: list[str] = field(default_factory=list)
    #: acts with one known side (:class:`Event`), where no statement could be made
    events: list[Event] = field(default_factory=list)


class Extractor(Protocol):
    """What an extractor implements."""

    name: str

    def extract(self, sentences: list[Sentence], author: str | None = None) -> Extraction:
        """Statements of one document's sentences, in order; ``author`` is the document's issuer, if
        known (who 'we' is in an official statement)."""
        ...


EXTRACTORS: dict[str, Callable[[], Extractor]] = {}


def register_extractor(name: str) -> Callable[[Callable[[], Extractor]], Callable[[], Extractor]]:
    """Decorator: make an extractor factory available by name."""

    def add(factory: Callable[[], Extractor]) -> Callable[[], Extractor]:
        EXTRACTORS[name] = factory
        return factory

    return add


def get_extractor(name: str = "rules") -> Extractor:
    """An extractor by its registered name."""
    import kg.rules  # noqa: F401  (registers the default extractor)

    if name not in EXTRACTORS:
        raise KgError(f"unknown extractor {name!r}; known: {', '.join(sorted(EXTRACTORS))}")
    return EXTRACTORS[name]()
