"""Discard rules: text about sport, entertainment or business gives no political statement.

"Kallis helped South Africa to 300" reads to the grammar like "Russia helped Syria": the words of
the sentence, not its parse, say it is cricket. The field's answer is a discard list (PETRARCH2's
Phoenix.discards.txt, imported into ontology/lexicon/discards.tsv by scripts/import_discards.py):
a sentence that contains a sentence-scope phrase gives no statement, and a document that contains a
story-scope phrase anywhere ("World Cup", "Wimbledon") gives none at all.

Matching follows the Phoenix format: case-insensitive and from a word boundary, over the words of the
text (letters and digits; punctuation, apostrophes and hyphens separate words in the text and in the
phrase alike, so "semi-final" matches "semi final"); the last word of a ``stem`` phrase may go on
("cricket" matches "cricketers"), a ``word`` phrase must end at a word boundary. It is a dictionary
lookup or two per word (tens of microseconds a sentence against milliseconds for its parse), so it runs
on every sentence without a spaCy Matcher.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Protocol

from kg.errors import KgError
from kg.vocabulary import data_path

SCOPES = ("sentence", "story")
MATCHES = ("stem", "word")
#: A word: letters and digits; everything else (spaces, punctuation, apostrophes, hyphens) separates words.
WORD = re.compile(r"[^\W_]+")


class HasText(Protocol):
    """A spaCy Span or a kg Sentence: anything with the text to check."""

    @property
    def text(self) -> str: ...


@dataclass(frozen=True)
class Discard:
    """One phrase of discards.tsv."""

    phrase: str
    scope: str
    stem: bool
    words: tuple[str, ...]


def words(text: str) -> list[str]:
    """The words of a text as discard phrases are compared: lower case, punctuation dropped."""
    return WORD.findall(text.lower())


#: One-word stems are looked up by their first letters; a stem shorter than this is checked against every word.
STEM_KEY = 3


class Discards:
    """The discard phrases, indexed for a dictionary lookup or two per word of a sentence."""

    def __init__(self, entries: Iterable[Discard]):
        self.entries = list(entries)
        #: first word -> phrases that start with exactly that word
        self.by_first: dict[str, list[Discard]] = {}
        #: one-word stems by their first STEM_KEY letters (they may go on: "cricket" -> "cricketers")
        self.stems: dict[str, list[Discard]] = {}
        self.short_stems: list[Discard] = []
        for entry in self.entries:
            self.by_first.setdefault(entry.words[0], []).append(entry)
            if entry.stem and len(entry.words) == 1:
                if len(entry.words[0]) < STEM_KEY:
                    self.short_stems.append(entry)
                else:
                    self.stems.setdefault(entry.words[0][:STEM_KEY], []).append(entry)
        # sentence_reason after document_reason reads each sentence again: remember recent answers
        self.found = lru_cache(maxsize=4096)(self._found)

    def __len__(self) -> int:
        return len(self.entries)

    def _found(self, text: str) -> tuple[Discard, ...]:
        """Every discard phrase in a text, in text order."""
        hits: list[Discard] = []
        found = words(text)
        for i, word in enumerate(found):
            for entry in self.by_first.get(word, ()):
                if _rest_matches(entry, found, i):
                    hits.append(entry)
            for stems in (self.stems.get(word[:STEM_KEY]), self.short_stems):
                for entry in stems or ():
                    if word != entry.words[0] and word.startswith(entry.words[0]):
                        hits.append(entry)
        return tuple(hits)

    def match(self, text: str, scopes: tuple[str, ...] = SCOPES) -> Discard | None:
        """The first discard phrase of one of ``scopes`` in a text, or None."""
        return next((entry for entry in self.found(text) if entry.scope in scopes), None)

    def sentence_reason(self, span: HasText) -> str | None:
        """The phrase that discards this sentence (either scope: a story phrase discards its sentence too)."""
        entry = self.match(span.text)
        return entry.phrase if entry else None

    def document_reason(self, sentences: Iterable[HasText]) -> str | None:
        """The story phrase that discards the whole document, or None."""
        for sentence in sentences:
            entry = self.match(sentence.text, ("story",))
            if entry:
                return entry.phrase
        return None


def _rest_matches(entry: Discard, found: list[str], i: int) -> bool:
    """Whether ``entry``, whose first word is word ``i``, goes on there: every later word equal, except
    that a stem's last word may go on ("world cup" matches "World Cups")."""
    last = len(entry.words) - 1
    if i + last >= len(found):
        return False
    for k in range(1, last + 1):
        word, wanted = found[i + k], entry.words[k]
        if word != wanted and not (k == last and entry.stem and word.startswith(wanted)):
            return False
    return True


def load_discards(path: Path | None = None) -> Discards:
    """Read discards.tsv (phrase, scope, match, source), refusing rows it cannot use."""
    path = path or data_path("lexicon/discards.tsv")
    with open(path, encoding="utf-8", newline="") as handle:
        lines = [(n, line) for n, line in enumerate(handle, 1) if line.strip() and not line.startswith("#")]
    entries = []
    for number, line in lines[1:]:
        row = next(csv.reader([line], delimiter="\t"))
        if len(row) != 4:
            raise KgError(f"{path}:{number}: expected 4 tab-separated columns, found {len(row)}")
        phrase, scope, match, _source = (cell.strip() for cell in row)
        if scope not in SCOPES or match not in MATCHES:
            raise KgError(f"{path}:{number}: scope must be one of {SCOPES} and match one of {MATCHES}")
        phrase_words = tuple(words(phrase))
        if not phrase_words:
            raise KgError(f"{path}:{number}: the phrase {phrase!r} has no words")
        entries.append(Discard(phrase, scope, match == "stem", phrase_words))
    return Discards(entries)


@cache
def default_discards() -> Discards:
    """The shipped discard list, loaded once per process."""
    return load_discards()
