"""The words that signal relations, factuality and attribution, read from ontology/lexicon/.

Kept as data so that covering a new verb or a new cue is an edit to a TSV file, checked
against the ontology when it is loaded (a trigger for an unknown relation is an error).
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from kg.errors import KgError
from kg.vocabulary import ACTOR_TYPES, data_path, relations

TRIGGER_KINDS = ("verb", "noun", "hyphen", "role")
CUE_KINDS = (
    "report", "belief", "deny", "potential", "negator", "modal", "source", "source-adv",
    "light", "military", "partitive", "target", "coref", "help", "with", "fallback", "placenoun",
)  # fmt: skip


@dataclass(frozen=True)
class Trigger:
    """One way of expressing a relation: the relation, and the prepositions that introduce its object."""

    relation: str
    preps: tuple[str, ...]
    preps_only: bool = False
    reverse: bool = False


@dataclass
class Lexicon:
    """Triggers by kind and word, and cue words by kind."""

    triggers: dict[str, dict[str, list[Trigger]]] = field(default_factory=lambda: defaultdict(dict))
    cues: dict[str, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))

    def __post_init__(self) -> None:
        self._heads: dict[str, frozenset[str]] = {}

    def heads(self, kind: str) -> frozenset[str]:
        """The single words a trigger of a kind can hinge on: a verb's first word ('call' of 'call on'),
        a noun's last ('fire' of 'cease-fire'). Lets the rules skip tokens that cannot be triggers."""
        if kind not in self._heads:
            keys = self.triggers[kind]
            if kind == "verb":
                self._heads[kind] = frozenset(k.split()[0] for k in keys)
            else:
                self._heads[kind] = frozenset(k.replace("-", " ").split()[-1] for k in keys)
        return self._heads[kind]

    def may_trigger(self, kind: str, token) -> bool:
        """Whether any form of the token is a word some trigger of the kind hinges on."""
        heads = self.heads(kind)
        return any(form in heads for form in word_forms(token.text, token.lemma_))

    def trigger(self, kind: str, word: str) -> list[Trigger]:
        return self.triggers[kind].get(word.lower(), [])

    def cue(self, kind: str, word: str) -> bool:
        return word.lower() in self.cues[kind]

    def cue_value(self, kind: str, word: str) -> str | None:
        return self.cues[kind].get(word.lower())

    def token_trigger(self, kind: str, token, prefix: str = "", suffix: str = "") -> list[Trigger]:
        """Triggers for a token under any of its candidate lemmas (see :func:`word_forms`)."""
        for form in word_forms(token.text, token.lemma_):
            found = self.trigger(kind, f"{prefix}{form}{suffix}".strip())
            if found:
                return found
        return []

    def token_cue(self, kind: str, token) -> bool:
        """Whether a token is a cue of a kind under any of its candidate lemmas."""
        return any(form in self.cues[kind] for form in word_forms(token.text, token.lemma_))


@lru_cache(maxsize=65536)
def word_forms(word: str, lemma: str) -> tuple[str, ...]:
    """Candidate lemmas of a word: the tagger's lemma, the word, and plain de-inflections.

    The small model's lemmatizer errs on rarer verbs ("waged" -> "wag"); trying "wage" as well
    makes the lexicon robust to that without listing inflected forms.
    """
    word, lemma = word.lower(), lemma.lower()
    forms = [lemma, word]
    for suffix, replacements in (
        ("ied", ("y",)),
        ("ies", ("y",)),
        ("ed", ("", "e")),
        ("ing", ("", "e")),
        ("es", ("", "e")),
        ("s", ("",)),
    ):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            forms += [stem + r for r in replacements]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                forms.append(stem[:-1])
    return tuple(dict.fromkeys(forms))


def _rows(path: Path) -> list[tuple[int, list[str]]]:
    """Non-comment rows of a TSV file after its header, with line numbers for error messages."""
    rows = []
    with open(path, encoding="utf-8", newline="") as handle:
        lines = [(n, line) for n, line in enumerate(handle, 1) if line.strip() and not line.startswith("#")]
    for (number, _), row in zip(lines[1:], csv.reader((line for _, line in lines[1:]), delimiter="\t"), strict=True):
        rows.append((number, row))
    return rows


def load_lexicon(directory: Path | None = None) -> Lexicon:
    """Read relations.tsv and cues.tsv, checking every entry against the ontology."""
    directory = directory or data_path("lexicon")
    known = relations()
    lexicon = Lexicon()
    path = directory / "relations.tsv"
    for number, row in _rows(path):
        if len(row) != 5:
            raise KgError(f"{path}:{number}: expected 5 tab-separated columns, found {len(row)}")
        relation, kind, word, preps, objects = (c.strip() for c in row)
        if relation not in known:
            raise KgError(f"{path}:{number}: {relation!r} is not a relation of the ontology")
        if kind not in TRIGGER_KINDS:
            raise KgError(f"{path}:{number}: unknown trigger kind {kind!r}")
        if objects not in ("both", "preps", "reverse") or (objects == "reverse" and kind != "hyphen"):
            raise KgError(
                f"{path}:{number}: objects must be 'both', 'preps' or (for hyphen) 'reverse', not {objects!r}"
            )
        preps_list = tuple(p for p in preps.split(",") if p and p != "-")
        trigger = Trigger(relation, preps_list, objects == "preps", objects == "reverse")
        lexicon.triggers[kind].setdefault(word.lower(), []).append(trigger)
    path = directory / "cues.tsv"
    for number, row in _rows(path):
        kind, word, value = [*row, "", ""][:3]
        if kind not in CUE_KINDS:
            raise KgError(f"{path}:{number}: unknown cue kind {kind!r}")
        if kind == "coref" and value not in ACTOR_TYPES:
            raise KgError(f"{path}:{number}: coref cue needs an actor type, not {value!r}")
        lexicon.cues[kind][word.lower()] = value
    return lexicon


@cache
def default_lexicon() -> Lexicon:
    """The shipped lexicon, loaded once per process."""
    return load_lexicon()
