"""Agent nouns: the words that describe an actor without naming it ("troops", "separatists", "minister").

The nouns are data (ontology/lexicon/agents.tsv), imported from the Phoenix agents dictionary of the
event-data field by scripts/import_phoenix.py: each noun form (singular and plural) with its Phoenix
sector codes, the kg actor type and role it describes, and whether one instance is a person who
represents an owner ("a minister") or the body or group itself ("ministers", "troops", "police").
Whose body or group it is (a demonym, a possessor, "of X") is the actor resolver's business; this
module only loads and checks the table. It imports no spaCy.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kg.errors import KgError
from kg.vocabulary import ACTOR_TYPES, data_path

COLUMNS = ("noun", "sectors", "type", "role", "person", "source")


@dataclass(frozen=True)
class Agent:
    """One agent noun form and the actor it describes."""

    noun: str
    sectors: tuple[str, ...]
    actor_type: str
    role: str | None
    person: bool

    def type_under(self, owner_type: str | None) -> str:
        """The type of what the noun describes under an owner of a type: a state's (or nobody's)
        armed forces are a GovernmentBody, a non-state actor's ("Hamas's army") its ArmedGroup."""
        if self.role == "military" and owner_type not in (None, "State"):
            return "ArmedGroup"
        return self.actor_type


def load_agents(path: Path | str | None = None) -> dict[str, Agent]:
    """The agent nouns of a TSV file (default: ontology/lexicon/agents.tsv), by noun.

    Lines starting with '#' are comments; the first other line is the header. A bad row (wrong
    column count, unknown actor type, malformed sector code, person not yes/no, a noun listed twice)
    is one KgError naming the file and line.
    """
    path = Path(path) if path is not None else data_path("lexicon/agents.tsv")
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            lines = [(n, line) for n, line in enumerate(handle, 1) if line.strip() and not line.startswith("#")]
    except OSError as err:
        raise KgError(f"{path}: cannot read agent nouns ({err.strerror or err})") from None
    except UnicodeDecodeError:
        raise KgError(f"{path}: not UTF-8 text") from None
    if not lines:
        raise KgError(f"{path}: no header line (expected {' '.join(COLUMNS)})")
    number, header = lines[0]
    if tuple(c.strip() for c in header.rstrip("\r\n").split("\t")) != COLUMNS:
        raise KgError(f"{path}:{number}: header must be the tab-separated columns {' '.join(COLUMNS)}")
    agents: dict[str, Agent] = {}
    rows = csv.reader((line for _, line in lines[1:]), delimiter="\t", quoting=csv.QUOTE_NONE)
    for (number, _), row in zip(lines[1:], rows, strict=True):
        agent = _agent(row, f"{path}:{number}")
        if agent.noun in agents:
            raise KgError(f"{path}:{number}: {agent.noun!r} is listed twice")
        agents[agent.noun] = agent
    return agents


def _agent(row: list[str], where: str) -> Agent:
    if len(row) != len(COLUMNS):
        raise KgError(f"{where}: expected {len(COLUMNS)} tab-separated columns, found {len(row)}")
    noun, sectors, actor_type, role, person, source = (c.strip() for c in row)
    if not noun or noun != noun.lower() or "  " in noun:
        raise KgError(f"{where}: the noun must be lower case words, not {noun!r}")
    codes = tuple(sectors.split(",")) if sectors else ()
    if not codes or not all(re.fullmatch(r"[A-Z]{3}", c) for c in codes):
        raise KgError(f"{where}: sectors must be comma-separated 3-letter codes (GOV,MIL), not {sectors!r}")
    if actor_type not in ACTOR_TYPES:
        raise KgError(f"{where}: unknown actor type {actor_type!r}")
    if role and not re.fullmatch(r"[a-z][a-z-]*", role):
        raise KgError(f"{where}: the role must be a lower-case word, not {role!r}")
    if person not in ("yes", "no"):
        raise KgError(f"{where}: person must be 'yes' or 'no', not {person!r}")
    if not re.fullmatch(r"curated|phoenix:\d+", source):
        raise KgError(f"{where}: source must be 'curated' or 'phoenix:<line>', not {source!r}")
    return Agent(noun, codes, actor_type, role or None, person == "yes")


@cache
def default_agents() -> dict[str, Agent]:
    """The shipped agent nouns, loaded once per process."""
    return load_agents()
