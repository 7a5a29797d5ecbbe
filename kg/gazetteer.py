"""Canonical actors: the gazetteer that actor mentions resolve to.

The gazetteer is data (ontology/gazetteer/*.jsonl, one actor per line; see ontology/README.md for
the fields). This module loads it into indexes by id and by alias. Other sources of actors plug in
through :data:`GAZETTEERS`, the one registry of gazetteer loaders, the way spaCy registers
pipeline components: ``@register_gazetteer("name")`` on a function that yields ``Actor`` objects
(or ``Supplement`` objects: more names for an actor another source defines).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
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
    #: the actor's Wikidata QID, from ontology/gazetteer/wikidata.tsv (an actor has at most one)
    wikidata: str | None = None

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


@register_gazetteer("phoenix-places")
def phoenix_places() -> Iterator[Actor | Supplement]:
    """Cities, provinces and regions of the states, each a Place whose ``country`` is its state."""
    yield from read_jsonl(data_path("gazetteer/phoenix_places.jsonl"))


#: A Wikidata item id: Q and digits, no leading zero.
QID = re.compile(r"Q[1-9][0-9]*")


@register_gazetteer("wikidata")
def wikidata_ids() -> Iterator[Supplement]:
    """Wikidata ids of the states and major IGOs (ontology/gazetteer/wikidata.tsv, kept by hand): a file of
    their own, so that regenerating states.jsonl or the Phoenix import never loses them."""
    path = data_path("gazetteer/wikidata.tsv")
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.rstrip("\n").split("\t")
            if len(fields) != 3 or not QID.fullmatch(fields[1]):
                raise KgError(f"{path}:{number}: expected 'id<TAB>Q-id<TAB>label', not {line.strip()!r}")
            yield Supplement(fields[0], source="wikidata.tsv", wikidata=fields[1])


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
            if supplement.wikidata:
                if actor.wikidata:  # one place per id: two could disagree unseen
                    raise KgError(f"gazetteer: {supplement.source} gives {actor.id!r} a second Wikidata id")
                actor.wikidata = supplement.wikidata
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
                users = [i for i in ids if self.by_id[i].source.startswith(USER_SOURCE)]
                curated = [i for i in ids if self.by_id[i].source == "curated" and (key, i) not in supplied]
                if len(users) == 1:  # a user's gazetteer wins over kg's own
                    index[key] = [e for e in entries if e[0] == users[0]]
                elif len(curated) == 1:  # the hand-kept entry settles it
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


def default_gazetteer() -> Gazetteer:
    """Every registered gazetteer source merged into one, with the user's gazetteer over it when one is in
    use (:func:`use_gazetteer`, or ``KG_GAZETTEER``); built once per process and user file."""
    user = user_gazetteer()
    key = user.digest if user else None
    if key not in _BUILT:
        if user is not None:  # keep kg's own and the latest user's: a long process may switch files
            for other in [k for k in _BUILT if k is not None]:
                del _BUILT[other]
        _BUILT[key] = Gazetteer(merged_over(user.actors if user else (), builtin_items()))
    return _BUILT[key]


_BUILT: dict[str | None, Gazetteer] = {}


def builtin_items() -> list[Actor | Supplement]:
    """Fresh actors and supplements from every registered source (a Gazetteer changes what it is given)."""
    return [item for loader in GAZETTEERS.values() for item in loader()]


# ---------------------------------------------------------------------- a user's own gazetteer
#: Names a user's gazetteer file when ``--gazetteer`` does not (kg ingest, kg extract, kg actors --text).
USER_GAZETTEER_ENV = "KG_GAZETTEER"
#: The ``source`` of every actor from a user's gazetteer starts with this; their names win over kg's own.
USER_SOURCE = "user gazetteer"
#: The columns of a user's gazetteer; ``label`` and ``type`` are required, ``id`` defaults to the label's slug.
USER_FIELDS = ("id", "label", "type", "aliases", "parent", "wikidata")
#: A user's gazetteer larger than this is refused (100,000 actors take about 10 MB).
MAX_USER_GAZETTEER = 64_000_000
_WIKIDATA_IRI = re.compile(r"(?:https?://(?:www\.)?wikidata\.org/(?:entity|wiki)/|wd:)?(Q[1-9][0-9]*)")
_ID = re.compile(r"[a-z0-9][a-z0-9-]*")


@dataclass(frozen=True)
class UserGazetteer:
    """A user's actors, read and checked: the file, a SHA-256 of its bytes (kg.provenance puts it in the
    extractor's fingerprint, so stored articles are extracted again when the file changes), the actors."""

    path: str
    digest: str
    actors: tuple[Actor, ...]


def slug(text: str) -> str:
    """An actor id from a name; the same as kg.descriptions.slug, so a user's actor gets the IRI kg gave the
    name when it met it as an unknown named entity (its statements then stay with it)."""
    return re.sub(r"[^a-z0-9]+", "-", normalize(text)).strip("-") or "actor"


def read_user_gazetteer(path: str | os.PathLike) -> UserGazetteer:
    """A user's gazetteer: JSON Lines (one object per line), or CSV/TSV with a header row (by the file's
    extension: .csv, .tsv; anything else is JSON Lines). Fields :data:`USER_FIELDS`; ``aliases`` is a list
    in JSON, names separated by ``|`` in CSV; ``parent`` is a kg actor id or label, or another record's;
    ``wikidata`` a QID. A record whose id is a kg actor's is merged over it (its label, type, parent and
    Wikidata id replace kg's; its aliases come first). Every problem is a KgError naming the line."""
    name = os.fspath(path)
    text, digest = _read_text(name)
    suffix = Path(name).suffix.lower()
    if suffix in (".csv", ".tsv"):
        records = _table_records(text, name, "," if suffix == ".csv" else "\t")
    else:
        records = _jsonl_records(text, name)
    if not records:
        raise KgError(f"{name}: no actors in it (one per line, each with a label and a type)")
    known = {item.id: item for item in builtin_items() if isinstance(item, Actor)}
    labels = {normalize(a.label): a.id for a in known.values()}
    ids: dict[str, int] = {}
    for number, record in records:
        actor_id = record.get("id") or slug(record.get("label") or "")
        if actor_id in ids:
            raise KgError(f"{name} line {number}: id {actor_id!r} again (first on line {ids[actor_id]})")
        ids[actor_id] = number
    labels.update({normalize(r["label"]): r.get("id") or slug(r["label"]) for _, r in records if r.get("label")})
    actors = tuple(_user_actor(record, f"{name} line {number}", name, set(known) | set(ids), labels)
                   for number, record in records)  # fmt: skip
    _check_user_aliases(actors, ids, name)
    return UserGazetteer(name, digest, actors)


def _read_text(name: str) -> tuple[str, str]:
    """The file's text and the SHA-256 of its bytes; a clear error for what is no text file."""
    try:
        info = os.stat(name)
        if not stat.S_ISREG(info.st_mode):
            raise KgError(f"{name}: not a regular file")
        if info.st_size > MAX_USER_GAZETTEER:
            raise KgError(f"{name}: {info.st_size:,} bytes; a gazetteer may be {MAX_USER_GAZETTEER:,}")
        with open(name, "rb") as handle:
            data = handle.read(MAX_USER_GAZETTEER + 1)
    except OSError as err:
        raise KgError(f"{name}: cannot read it ({err.strerror or err})") from None
    if NUL in data:
        raise KgError(f"{name} line {data[: data.index(NUL)].count(NEWLINE) + 1}: binary data (a NUL byte)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(NEWLINE) + 1
        raise KgError(f"{name} line {line}: not UTF-8 (byte 0x{data[err.start]:02x})") from None
    return text, hashlib.sha256(data).hexdigest()


NUL, NEWLINE = b"\0", b"\n"


def _jsonl_records(text: str, name: str) -> list[tuple[int, dict]]:
    records = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            raise KgError(f"{name} line {number}: invalid JSON ({err.msg}, column {err.colno})") from None
        if not isinstance(record, dict):
            raise KgError(f"{name} line {number}: an actor is a JSON object, not {type(record).__name__}")
        records.append((number, record))
    return records


def _table_records(text: str, name: str, delimiter: str) -> list[tuple[int, dict]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: list[str] | None = None
    records = []
    line = 1
    try:
        for row in reader:
            number, line = line, reader.line_num + 1  # a quoted cell may span lines: a row starts where it starts
            if not any(cell.strip() for cell in row):
                continue
            if header is None:
                header = [cell.strip().lower() for cell in row]
                unknown = [h for h in header if h not in USER_FIELDS]
                if unknown:
                    raise KgError(f"{name} line {number}: unknown column(s) {unknown}; known: {', '.join(USER_FIELDS)}")
                continue
            if len(row) > len(header):
                raise KgError(f"{name} line {number}: {len(row)} cells for {len(header)} columns")
            record = {h: cell.strip() for h, cell in zip(header, row, strict=False) if cell.strip()}
            if "aliases" in record:
                record["aliases"] = [a.strip() for a in record["aliases"].split("|") if a.strip()]
            records.append((number, record))
    except csv.Error as err:
        raise KgError(f"{name} line {reader.line_num}: {err}") from None
    return records


def _user_actor(record: dict, where: str, name: str, ids: set[str], labels: dict[str, str]) -> Actor:
    """One checked record as an Actor (a kg actor of the same id is merged with it in merged_over)."""
    unknown = sorted(set(record) - set(USER_FIELDS))
    if unknown:
        raise KgError(f"{where}: unknown field(s) {unknown}; known: {', '.join(USER_FIELDS)}")
    for key in USER_FIELDS:
        if key != "aliases" and key in record and not isinstance(record[key], str):
            raise KgError(f"{where}: {key!r} must be a string, not {json.dumps(record[key])}")
    label = (record.get("label") or "").strip()
    if not label:
        raise KgError(f"{where}: no label (every actor needs a label and a type)")
    types = {t.lower(): t for t in ACTOR_TYPES}
    given = (record.get("type") or "").strip()
    if not given:
        raise KgError(f"{where}: no type for {label!r}; one of {', '.join(ACTOR_TYPES)}")
    if given.lower() not in types:
        raise KgError(f"{where}: unknown type {given!r}; one of {', '.join(ACTOR_TYPES)}")
    actor_id = record.get("id") or slug(label)
    if not _ID.fullmatch(actor_id):
        raise KgError(f"{where}: id {actor_id!r} must be lower-case letters, digits and '-'")
    aliases = record.get("aliases", [])
    if isinstance(aliases, str):
        aliases = [a.strip() for a in aliases.split("|") if a.strip()]
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise KgError(f"{where}: 'aliases' must be a list of names")
    parent = None
    if record.get("parent"):
        wanted = record["parent"].strip()
        parent = wanted if wanted in ids else labels.get(normalize(wanted))
        if parent is None:
            raise KgError(f"{where}: unknown parent {wanted!r} (an actor id or label, kg's or this file's)")
        if parent == actor_id:
            raise KgError(f"{where}: {label!r} cannot be part of itself")
    wikidata = None
    if record.get("wikidata"):
        found = _WIKIDATA_IRI.fullmatch(record["wikidata"].strip())
        if not found:
            raise KgError(f"{where}: wikidata {record['wikidata']!r} is no Wikidata item id (Q and digits, e.g. Q7184)")
        wikidata = found.group(1)
    names = list(dict.fromkeys(a.strip() for a in aliases if a.strip() != label))
    return Actor(id=actor_id, label=label, type=types[given.lower()], aliases=names, parent=parent,
                 wikidata=wikidata, source=f"{USER_SOURCE} {Path(name).name}")  # fmt: skip


def _check_user_aliases(actors: tuple[Actor, ...], lines: dict[str, int], name: str) -> None:
    """Two of the user's actors with one name would both win: refused, with both lines."""
    owner: dict[str, Actor] = {}
    for actor in actors:
        for alias in actor.names:
            key = alias if is_acronym(alias) else normalize(alias)
            other = owner.setdefault(key, actor)
            if other.id != actor.id:
                raise KgError(
                    f"{name} line {lines[actor.id]}: {alias!r} also names {other.label!r} (line {lines[other.id]})"
                )


def merged_over(user: Iterable[Actor], items: Iterable[Actor | Supplement]) -> list[Actor | Supplement]:
    """kg's actors and supplements with a user's actors over them: a user's actor with a kg actor's id
    replaces its label, type, parent and Wikidata id where given and puts its aliases first; the others
    are added. (Their names win over kg's in Gazetteer, by their ``source``.)"""
    mine = {actor.id: actor for actor in user}
    merged: list[Actor | Supplement] = []
    for item in items:
        if isinstance(item, Supplement) and item.extends in mine and item.wikidata and mine[item.extends].wikidata:
            item = replace(item, wikidata=None)  # the user's id wins over the curated one
        if isinstance(item, Actor) and item.id in mine:
            own = mine.pop(item.id)
            names = [n for n in (*own.aliases, item.label, *item.aliases) if n != own.label]
            item = replace(item, label=own.label, type=own.type, aliases=list(dict.fromkeys(names)),
                           parent=own.parent or item.parent, wikidata=own.wikidata or item.wikidata,
                           source=own.source)  # fmt: skip
        merged.append(item)
    return [*merged, *mine.values()]


_CHOSEN: UserGazetteer | None = None
_READ: dict[tuple[str, int, int], UserGazetteer] = {}


def use_gazetteer(path: str | os.PathLike | None) -> UserGazetteer | None:
    """Merge a user's gazetteer over kg's own from now on in this process (``kg ingest --gazetteer``);
    None goes back to ``KG_GAZETTEER``, or to kg's own. The file is read and checked at once, so a bad
    one stops a run before anything is extracted or stored. Call it before the first extraction: the
    parser's norms for acronyms that are English words ('IS', 'US') are set when spaCy loads."""
    global _CHOSEN
    _CHOSEN = read_user_gazetteer(path) if path is not None else None
    return _CHOSEN


def user_gazetteer() -> UserGazetteer | None:
    """The user's gazetteer in use: the one :func:`use_gazetteer` chose, else ``KG_GAZETTEER``'s file
    (read again when it changes), else None."""
    if _CHOSEN is not None:
        return _CHOSEN
    path = os.environ.get(USER_GAZETTEER_ENV)
    if not path:
        return None
    try:
        info = os.stat(path)
        key = (path, info.st_mtime_ns, info.st_size)
    except OSError:
        key = (path, -1, -1)
    if key not in _READ:
        _READ.clear()
        _READ[key] = read_user_gazetteer(path)
    return _READ[key]
