"""Canonical actors: the gazetteer that actor mentions resolve to.

The gazetteer is data (ontology/gazetteer/*.jsonl, one actor per line; see ontology/README.md for
the fields). This module loads it into indexes by id and by alias. Other sources of actors plug in
through :data:`GAZETTEERS`, the one registry of gazetteer loaders, the way spaCy registers
pipeline components: ``@register_gazetteer("name")`` on a function that yields ``Actor`` objects
(or ``Supplement`` objects: more names for an actor another source defines).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from kg.errors import KgError
from kg.vocabulary import ACTOR_TYPES, data_path

if TYPE_CHECKING:  # spaCy only for the matchers: the read side uses Actor without importing it
    from spacy.language import Language
    from spacy.matcher import PhraseMatcher


@dataclass
class Actor:
    """A canonical actor: what the graph calls it, what else it is called, what it belongs to."""

    id: str
    label: str
    type: str
    iso3: str | None = None
    aliases: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    capitals: list[str] = field(default_factory=list)
    parent: str | None = None
    role: str | None = None
    leads: str | None = None
    country: str | None = None
    leader: str | None = None
    wikidata: str | None = None
    generic: bool = False
    source: str = "curated"
    #: dated positions of a person: [{"of": actor id, "role": "GOV", "code": "USAGOV", "from": "2009-01-20",
    #: "to": "2017-01-20"}] ("from"/"to" absent when open); see ontology/README.md
    roles: list[dict] = field(default_factory=list)

    @classmethod
    def from_record(cls, record: dict, where: str) -> Actor:
        """Build an actor from one gazetteer record, refusing unknown fields and types."""
        known = set(cls.__dataclass_fields__)
        unknown = set(record) - known
        if unknown:
            raise KgError(f"{where}: unknown gazetteer field(s) {sorted(unknown)}")
        for required in ("id", "label", "type"):
            if not record.get(required):
                raise KgError(f"{where}: gazetteer record without {required!r}")
        if record["type"] not in ACTOR_TYPES:
            raise KgError(f"{where}: unknown actor type {record['type']!r}")
        _check_names(record, where)
        for role in record.get("roles", []):
            _check_role(role, where)
        return cls(**record)

    @property
    def names(self) -> list[str]:
        """The label and aliases: every name that denotes this actor on its own."""
        return [self.label, *self.aliases]


ROLE_FIELDS = {"of", "role", "code", "from", "to"}


def _check_names(record: dict, where: str) -> None:
    """Aliases, demonyms and capitals are lists of non-empty strings (a bare string would be split
    into letters, each letter an alias)."""
    for key in ("aliases", "demonyms", "capitals"):
        value = record.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise KgError(f"{where}: {key!r} must be a list of names")


def _check_role(role: object, where: str) -> None:
    """A dated role: the actor it is held in, the role, optional CAMEO code and ISO dates."""
    if not isinstance(role, dict) or set(role) - ROLE_FIELDS or not role.get("of") or not role.get("role"):
        raise KgError(f"{where}: a role needs 'of' and 'role' (and only {sorted(ROLE_FIELDS)}), not {role!r}")
    for key in ("from", "to"):
        if key in role and not (isinstance(role[key], str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", role[key])):
            raise KgError(f"{where}: role date {key!r} must be YYYY-MM-DD, not {role[key]!r}")


@dataclass(frozen=True)
class Supplement:
    """More names for an actor another source defines: a record ``{"extends": "syria", "aliases": [...],
    "demonyms": [...], "capitals": [...], "source": ...}``. Its names settle no ambiguity (only the
    curated entries' own names do), so an imported spelling never outranks another actor's name."""

    extends: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    source: str = ""

    @classmethod
    def from_record(cls, record: dict, where: str) -> Supplement:
        unknown = set(record) - {"extends", "aliases", "demonyms", "capitals", "source"}
        if unknown:
            raise KgError(f"{where}: unknown supplement field(s) {sorted(unknown)}")
        if not record.get("extends") or not record.get("source"):
            raise KgError(f"{where}: a supplement needs 'extends' (an actor id) and 'source'")
        _check_names(record, where)
        return cls(
            record["extends"],
            tuple(record.get("aliases", [])),
            tuple(record.get("demonyms", [])),
            tuple(record.get("capitals", [])),
            record["source"],
        )


def normalize(text: str) -> str:
    """The key aliases are compared by: lower case, straight apostrophes, no leading 'the'."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u2010", "-").replace("\u2011", "-")
    text = re.sub(r"\s+", " ", text).strip().lower()
    text = re.sub(r"^the ", "", text)
    return text


def is_acronym(alias: str) -> bool:
    """'IS', 'US', 'AU': short all-capital aliases must match case-sensitively ('is', 'us' are words)."""
    letters = alias.replace(".", "").replace("-", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


GazetteerLoader = Callable[[], Iterable[Actor | Supplement]]
#: The registry of gazetteer sources: name -> function yielding actors. ``kg`` loads them all.
GAZETTEERS: dict[str, GazetteerLoader] = {}


def register_gazetteer(name: str) -> Callable[[GazetteerLoader], GazetteerLoader]:
    """Decorator: add a source of actors to :data:`GAZETTEERS`."""

    def add(loader: GazetteerLoader) -> GazetteerLoader:
        GAZETTEERS[name] = loader
        return loader

    return add


def read_jsonl(path) -> Iterator[Actor | Supplement]:
    """Actors (and supplements: records with ``extends``) from a gazetteer JSON Lines file."""
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            where = f"{path}:{number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                raise KgError(f"{where}: invalid JSON ({err.msg})") from None
            if not isinstance(record, dict):
                raise KgError(f"{where}: a gazetteer record is a JSON object")
            yield Supplement.from_record(record, where) if "extends" in record else Actor.from_record(record, where)


@register_gazetteer("curated")
def curated() -> Iterator[Actor]:
    """The hand-kept gazetteer (ontology/gazetteer/curated.jsonl): it wins where sources overlap."""
    yield from read_jsonl(data_path("gazetteer/curated.jsonl"))


@register_gazetteer("states")
def states() -> Iterator[Actor]:
    """Every UN member and observer state the curated file lacks (built by scripts/build_gazetteer.py)."""
    yield from read_jsonl(data_path("gazetteer/states.jsonl"))


# The Phoenix dictionaries of PETRARCH2 (MIT, Open Event Data Alliance), imported by
# scripts/import_phoenix.py; every entry names its Phoenix file in ``source``.
@register_gazetteer("phoenix-states")
def phoenix_states() -> Iterator[Actor | Supplement]:
    """More spellings and demonyms of the states above (supplements matched by ISO3 code)."""
    yield from read_jsonl(data_path("gazetteer/phoenix_states.jsonl"))


@register_gazetteer("phoenix-international")
def phoenix_international() -> Iterator[Actor | Supplement]:
    """International organisations (IGOs and international NGOs) the curated file lacks."""
    yield from read_jsonl(data_path("gazetteer/phoenix_international.jsonl"))


@register_gazetteer("phoenix-nonstate")
def phoenix_nonstate() -> Iterator[Actor | Supplement]:
    """Non-state armed groups the curated file lacks."""
    yield from read_jsonl(data_path("gazetteer/phoenix_nonstate.jsonl"))


@register_gazetteer("phoenix-people")
def phoenix_people() -> Iterator[Actor | Supplement]:
    """Heads of state and government, ministers and armed-group leaders, with their dated roles."""
    yield from read_jsonl(data_path("gazetteer/phoenix_people.jsonl"))


class Gazetteer:
    """Actors by id and by normalised alias, with the lookups the actor resolver needs."""

    def __init__(self, actors: Iterable[Actor | Supplement]):
        self.by_id: dict[str, Actor] = {}
        supplements: list[Supplement] = []
        for actor in actors:
            if isinstance(actor, Supplement):
                supplements.append(actor)
                continue
            if actor.id in self.by_id:
                raise KgError(f"gazetteer: duplicate actor id {actor.id!r}")
            self.by_id[actor.id] = actor
        #: (normalised name, actor id) pairs a supplement added: they settle no ambiguity
        supplied: set[tuple[str, str]] = set()
        for supplement in supplements:
            actor = self.by_id.get(supplement.extends)
            if actor is None:
                raise KgError(f"gazetteer: {supplement.source} extends unknown actor {supplement.extends!r}")
            for key in ("aliases", "demonyms", "capitals"):
                have = getattr(actor, key)
                new = [n for n in getattr(supplement, key) if n not in have]
                setattr(actor, key, [*have, *new])
                supplied |= {(n if is_acronym(n) else normalize(n), actor.id) for n in new}
        #: normalised alias -> [(actor id, kind)]; kind is name, demonym or capital
        self.aliases: dict[str, list[tuple[str, str]]] = {}
        #: acronyms keep their case: 'IS' is the Islamic State, 'is' is a verb
        self.acronyms: dict[str, list[tuple[str, str]]] = {}
        #: aliases that name several actors and that no curated entry settles: not resolved
        self.ambiguous: dict[str, list[str]] = {}
        self._bodies: dict[tuple[str, str], str] = {}
        for actor in self.by_id.values():
            for kind, names in (("name", actor.names), ("demonym", actor.demonyms), ("capital", actor.capitals)):
                for name in names:
                    index = self.acronyms if is_acronym(name) else self.aliases
                    key = name if index is self.acronyms else normalize(name)
                    entry = (actor.id, kind)
                    if entry not in index.setdefault(key, []):
                        index[key].append(entry)
            if actor.role and actor.parent:
                self._bodies[(actor.parent, actor.role)] = actor.id
        for index in (self.aliases, self.acronyms):
            for key, entries in list(index.items()):
                ids = list(dict.fromkeys(i for i, _ in entries))
                if len(ids) == 1:
                    continue
                curated = [i for i in ids if self.by_id[i].source == "curated" and (key, i) not in supplied]
                if len(curated) == 1:  # the hand-kept entry settles it
                    index[key] = [e for e in entries if e[0] == curated[0]]
                else:
                    self.ambiguous[key] = sorted(ids)
                    del index[key]
        for actor in self.by_id.values():
            refs = [actor.parent, actor.leads, actor.country, actor.leader, *(r["of"] for r in actor.roles)]
            for ref in refs:
                if ref and ref not in self.by_id:
                    raise KgError(f"gazetteer: {actor.id!r} refers to unknown actor {ref!r}")

    def __len__(self) -> int:
        return len(self.by_id)

    def __getitem__(self, actor_id: str) -> Actor:
        return self.by_id[actor_id]

    def get(self, actor_id: str | None) -> Actor | None:
        return self.by_id.get(actor_id) if actor_id else None

    def lookup(self, text: str) -> list[tuple[Actor, str]]:
        """Actors a surface form may denote, with how (name, demonym, capital)."""
        hits = self.acronyms.get(text.strip()) or self.aliases.get(normalize(text), [])
        return [(self.by_id[i], kind) for i, kind in hits]

    def body_of(self, actor_id: str, role: str) -> str | None:
        """The gazetteer's body of a state with a role ('military', 'government'), if it lists one."""
        return self._bodies.get((actor_id, role))


@cache
def alias_matchers(nlp: Language, gazetteer: Gazetteer) -> tuple[PhraseMatcher, PhraseMatcher]:
    """Phrase matchers over every alias: one case-sensitive for acronyms, one on lower case.

    Built once per pipeline and gazetteer (about 1,500 aliases take ~15 ms): every extraction, and
    the headline re-caser, shares them.
    """
    from spacy.matcher import PhraseMatcher

    by_case = PhraseMatcher(nlp.vocab, attr="ORTH")
    by_lower = PhraseMatcher(nlp.vocab, attr="LOWER")
    by_case.add("ACRONYM", list(nlp.tokenizer.pipe(gazetteer.acronyms)))
    by_lower.add("ALIAS", list(nlp.tokenizer.pipe(gazetteer.aliases)))  # the tokenizer alone: no pipeline run
    return by_case, by_lower


@cache
def default_gazetteer() -> Gazetteer:
    """Every registered gazetteer source merged into one (loaded once per process)."""
    return Gazetteer(actor for loader in GAZETTEERS.values() for actor in loader())
