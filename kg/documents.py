"""Stage 1 of the data flow: news, in the shapes users have it, becomes ``Document`` objects.

Accepted inputs, by extension, each also gzip-compressed (``.gz``):

* ``.txt`` and ``.md`` (Markdown markup is removed): one article per file;
* ``.html`` / ``.htm``: one article per page; trafilatura finds the main text and the metadata
  (title, date, canonical URL, site name) and leaves navigation, ads and footers out;
* ``.jsonl`` / ``.ndjson`` (one record per line), ``.json`` (an array of records, or an object
  holding one under ``articles``, ``data``, ``items``, ``results`` or ``documents``), ``.csv``
  (a header row): many articles per file, fields named by :class:`Fields`;
* directories, walked recursively for the extensions above; ``-`` for standard input.

Reading streams: :class:`Inputs` yields one document at a time and a :class:`Skipped` for each
input that cannot become one (binary, not UTF-8, empty, truncated JSON, corrupt gzip, too large,
no text field, a document id already seen), with the reason in one line. What to do with a
skipped input is the caller's choice (``kg ingest`` reports and goes on, or stops with
``--strict``), so one bad file in a folder of ten thousand never costs the other 9,999.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import BinaryIO

from kg.errors import KgError

#: Formats by file extension (after any ``.gz``).
FORMATS = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
}
#: Formats that hold many articles per file.
RECORD_FORMATS = ("jsonl", "json", "csv")

#: Larger articles are refused: news articles are kilobytes, and a multi-megabyte "article" is
#: almost always a mistake (a dump, a binary) that would tie up the parser for minutes.
MAX_BYTES = 20 * 1024 * 1024
#: A .json file is parsed whole; beyond this size, JSON Lines (streamed) is the format to use.
MAX_JSON_BYTES = 512 * 1024 * 1024

_DOC_ID_SAFE = re.compile(r"[^A-Za-z0-9._-]+")
_MARKDOWN = [
    (re.compile(r"^[ \t]{0,3}(#{1,6}|>+|[-*+]|\d+[.)])[ \t]+", re.M), ""),  # headings, quotes, list markers
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links keep their text
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),  # strong
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])"), r"\1"),  # emphasis
    (re.compile(r"(?<!\w)_(?!\s)(.+?)(?<!\s)_(?!\w)"), r"\1"),
    (re.compile(r"`([^`]+)`"), r"\1"),  # code spans
    (re.compile(r"^[ \t]{0,3}([-*_][ \t]*){3,}$", re.M), ""),  # rules
]
_SENTENCE_END = re.compile(r"[.!?:;\"”']\s*$")


@dataclass(frozen=True)
class Document:
    """One article: its text and what is known about where it came from."""

    doc_id: str
    text: str
    title: str | None = None
    source: str | None = None
    date: str | None = None
    publisher: str | None = None
    #: who issued it, when the text speaks for someone ('we' in a ministry's statement): --author, or a record's field
    author: str | None = None

    @property
    def content_hash(self) -> str:
        """SHA-256 of the text: the same article ingested twice is recognised and skipped."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Skipped:
    """An input that did not become a document, and why (one line)."""

    name: str
    reason: str

    def __str__(self) -> str:
        return f"{self.name}: {self.reason}"


@dataclass(frozen=True)
class Fields:
    """Which record fields (JSON Lines, JSON, CSV) hold what: the first one present wins.

    The defaults cover common news dumps (NewsAPI, GDELT-style exports, news-please, CommonCrawl
    extractions). A dotted name reads a nested field (``source.name``).
    """

    text: tuple[str, ...] = ("text", "content", "body", "article", "maintext", "full_text", "story")
    title: tuple[str, ...] = ("title", "headline", "name")
    date: tuple[str, ...] = (
        "date", "published", "publishedAt", "published_at", "date_publish", "pubDate", "pub_date",
        "datetime", "timestamp", "seendate",
    )  # fmt: skip
    url: tuple[str, ...] = ("url", "link", "source_url", "uri", "canonical_url")
    id: tuple[str, ...] = ("id", "doc_id", "uuid", "guid", "article_id")
    publisher: tuple[str, ...] = ("publisher", "source.name", "source", "site_name", "sitename", "outlet", "domain")

    @classmethod
    def parse(cls, specs: Iterable[str]) -> Fields:
        """``["text=body", "date=meta.published"]`` (as ``--field`` gives them) over the defaults."""
        fields = cls()
        for spec in specs:
            key, _, names = spec.partition("=")
            key = key.strip()
            if key not in cls.__dataclass_fields__ or not names.strip():
                known = ", ".join(cls.__dataclass_fields__)
                raise KgError(f"bad field mapping {spec!r}: use NAME=FIELD with NAME one of {known}")
            fields = replace(fields, **{key: tuple(n.strip() for n in names.split(",") if n.strip())})
        return fields


def doc_id_for(path: Path) -> str:
    """A stable id from the file name: the gold files name articles by their stem."""
    name = path.name[: -len(".gz")] if path.name.lower().endswith(".gz") else path.name
    return safe_id(Path(name).stem)


def safe_id(value: str) -> str:
    return _DOC_ID_SAFE.sub("-", value).strip("-") or "document"


def guess_title(text: str) -> str | None:
    """The first line when it reads like a headline (short, no sentence-final punctuation)."""
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if not line:
            continue
        if len(line.split()) <= 25 and not _SENTENCE_END.search(line):
            return line
        return None
    return None


def markdown_to_text(text: str) -> str:
    """Plain text from Markdown: the words stay, the markup goes, so sentences read as published."""
    for pattern, replacement in _MARKDOWN:
        text = pattern.sub(replacement, text)
    return text


def decode(data: bytes, name: str) -> str:
    """Bytes to text, refusing what is not UTF-8 text, with the reason in one line."""
    if not data.strip():
        raise KgError(f"{name} is empty")
    if b"\x00" in data[:65536]:
        raise KgError(f"{name}: looks like a binary file, not text (it contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise KgError(
            f"{name}: not UTF-8 text (byte 0x{data[err.start]:02x} at offset {err.start}); "
            "convert it, e.g. iconv -f latin1 -t utf-8"
        ) from None
    if not text.strip():
        raise KgError(f"{name} is empty")
    return text


def parse_date(value: object) -> str | None:
    """An ISO date (YYYY-MM-DD) from what news dumps put in a date field, or None.

    ISO 8601 in any precision, RFC 2822 (RSS), "March 5, 2016", "5 March 2016", GDELT's
    20160305T101500Z, and Unix timestamps in seconds or milliseconds. Day-first is assumed
    for 05/03/2016, as most of the world's press writes it.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        seconds = value / 1000 if value > 1e11 else value
        try:
            return _plausible(datetime.fromtimestamp(seconds, tz=UTC).date())
        except (OverflowError, OSError, ValueError):
            return None
    text = str(value).strip()
    if not text:
        return None
    if re.fullmatch(r"\d{9,13}", text):
        return parse_date(int(text))
    compact = re.fullmatch(r"(\d{4})(\d{2})(\d{2})(?:T?\d{4,6}Z?)?", text)  # GDELT: 20160305101500
    if compact:
        text = "-".join(compact.groups())
    try:  # ISO 8601 first: dateutil's day-first reading would swap its month and day
        return _plausible(datetime.fromisoformat(text.replace("Z", "+00:00")).date())
    except ValueError:
        pass
    from dateutil import parser  # imported here: the only user, and a 30 ms import

    try:
        # Parsed twice with different defaults: a part that changes was missing ("March 2016"),
        # and a date without its day is no xsd:date.
        one, two = (parser.parse(text, dayfirst=True, default=datetime(2000 + k, k, k)) for k in (1, 2))
    except (ValueError, OverflowError):
        return None
    return _plausible(one.date()) if one.date() == two.date() else None


def _plausible(day: date) -> str | None:
    return day.isoformat() if 1800 <= day.year <= 2200 else None


def from_text(text: str, doc_id: str = "text", title: str | None = None) -> Document:
    """A document from a string (``kg extract``, notebooks)."""
    if not text.strip():
        raise KgError("the text is empty")
    return Document(doc_id=doc_id, text=text, title=title if title is not None else guess_title(text))


def format_of(path: Path) -> tuple[str | None, bool]:
    """(format, gzip-compressed) from a file name; format None when kg does not read it."""
    suffixes = [s.lower() for s in path.suffixes]
    compressed = bool(suffixes) and suffixes[-1] == ".gz"
    if compressed:
        suffixes = suffixes[:-1]
    return (FORMATS.get(suffixes[-1]) if suffixes else None), compressed


@dataclass
class Inputs:
    """The documents under some paths, read lazily, with how far reading has got (for progress).

    ``total_bytes`` is the size of the input files on disk (unknown, 0, for standard input);
    ``done_bytes`` how much of it has been read. ``stdin_format`` says what ``-`` holds
    (default: guessed from its first character).
    """

    paths: list[str | Path]
    fields: Fields = field(default_factory=Fields)
    stdin_format: str | None = None
    total_bytes: int = 0
    done_bytes: int = 0

    def __post_init__(self) -> None:
        self.paths = list(self.paths)
        self.total_bytes = sum(p.stat().st_size for p in self.files() if isinstance(p, Path))

    def files(self) -> Iterator[Path | str | Skipped]:
        """Each input file (directories expanded, sorted), "-" for stdin, a Skipped for a missing path."""
        for raw in self.paths:
            if str(raw) == "-":
                yield "-"
                continue
            path = Path(raw)
            if path.is_dir():
                found = sorted(p for p in path.rglob("*") if p.is_file() and format_of(p)[0])
                if not found:
                    yield Skipped(str(path), "no files kg reads in it (" + ", ".join(FORMATS) + ", or .gz of them)")
                yield from found
            elif path.exists():
                yield path
            else:
                yield Skipped(str(path), "no such file or directory")

    def __iter__(self) -> Iterator[Document | Skipped]:
        seen: dict[str, str] = {}
        self.done_bytes = 0
        for item in self.files():
            if isinstance(item, Skipped):
                yield item
                continue
            items = read_stdin(self.fields, self.stdin_format) if item == "-" else read_file(item, self.fields)
            for found in items:
                if isinstance(found, Document):
                    where = found.source or str(item)
                    if found.doc_id in seen:
                        found = Skipped(
                            str(item), f"document id {found.doc_id!r} already read from {seen[found.doc_id]}"
                        )
                    else:
                        seen[found.doc_id] = where
                yield found
            if isinstance(item, Path):
                self.done_bytes += item.stat().st_size


def read_file(path: Path, fields: Fields = Fields()) -> Iterator[Document | Skipped]:
    """The documents of one file, or Skipped for what cannot be read, never an exception."""
    fmt, compressed = format_of(path)
    if fmt is None:
        fmt = "text"  # a file named explicitly is read as text whatever its name
    try:
        size = path.stat().st_size
        if fmt not in RECORD_FORMATS and not compressed and size > MAX_BYTES:
            yield Skipped(str(path), f"too large for one article ({size / 1e6:.1f} MB > {MAX_BYTES / 1e6:.0f} MB)")
            return
        with path.open("rb") as raw:
            stream: BinaryIO = gzip.GzipFile(fileobj=raw) if compressed else raw
            yield from read_stream(stream, fmt, str(path), doc_id_for(path), fields, path.resolve().as_uri())
    except OSError as err:
        yield Skipped(str(path), f"cannot read ({err.strerror or err})")


def read_stdin(fields: Fields, fmt: str | None) -> Iterator[Document | Skipped]:
    """Standard input: text, Markdown, HTML or records, as told or as its first character suggests."""
    if sys.stdin is None or sys.stdin.isatty():
        yield Skipped("standard input", "nothing piped in (give '-' only with input on a pipe or a file)")
        return
    stream = peekable(sys.stdin.buffer)
    if fmt is None:
        head = stream.peek(4096)[:4096].lstrip()
        fmt = {b"{": "jsonl", b"[": "json", b"<": "html"}.get(head[:1], "text")
    yield from read_stream(stream, fmt, "standard input", "stdin", fields, None)


class _Raw(io.RawIOBase):
    """A raw view of any binary stream, so io.BufferedReader can give it peek()."""

    def __init__(self, stream: BinaryIO):
        self.stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self.stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def peekable(stream: BinaryIO) -> BinaryIO:
    """The stream, able to show what comes next without consuming it (format sniffing)."""
    return stream if hasattr(stream, "peek") else io.BufferedReader(_Raw(stream))


def read_stream(
    stream: BinaryIO, fmt: str, name: str, doc_id: str, fields: Fields, source: str | None
) -> Iterator[Document | Skipped]:
    """Dispatch on format; every failure becomes a Skipped with a one-line reason."""
    try:
        if fmt in RECORD_FORMATS:
            yield from READERS[fmt](peekable(stream), name, doc_id, fields)
            return
        data = stream.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            yield Skipped(name, f"too large for one article (over {MAX_BYTES / 1e6:.0f} MB)")
            return
        yield READERS[fmt](data, name, doc_id, source)
    except KgError as err:
        yield Skipped(name, str(err).removeprefix(name).lstrip(": ") or str(err))
    except (EOFError, gzip.BadGzipFile, zlib.error):
        yield Skipped(name, "corrupt or truncated gzip data")


def read_text(data: bytes, name: str, doc_id: str, source: str | None) -> Document:
    text = decode(data, name)
    return Document(doc_id=doc_id, text=text, title=guess_title(text), source=source)


def read_markdown(data: bytes, name: str, doc_id: str, source: str | None) -> Document:
    text = markdown_to_text(decode(data, name))
    return Document(doc_id=doc_id, text=text, title=guess_title(text), source=source)


def read_html(data: bytes, name: str, doc_id: str, source: str | None) -> Document:
    """The main text and metadata of a news page (trafilatura), not its menus and footers."""
    if not data.strip():
        raise KgError(f"{name} is empty")
    if b"\x00" in data[:65536]:
        raise KgError(f"{name}: looks like a binary file, not HTML (it contains NUL bytes)")
    try:
        import trafilatura  # imported here: only HTML needs it, and it takes a second to import
    except ImportError as err:  # a broken install (lxml_html_clean missing): this input fails, not the run
        raise KgError(f"{name}: cannot read HTML, a library failed to import: {' '.join(str(err).split())}") from None

    found = trafilatura.extract(data, output_format="json", with_metadata=True, include_comments=False)
    meta = json.loads(found) if found else {}
    text = (meta.get("text") or "").strip()
    if not text:
        raise KgError(f"{name}: no article text found in the page")
    return Document(
        doc_id=doc_id,
        text=text,
        title=meta.get("title") or guess_title(text),
        source=meta.get("source") or meta.get("url") or source,
        date=parse_date(meta.get("date")),
        publisher=meta.get("source-hostname") or meta.get("sitename") or meta.get("hostname"),
    )


def read_jsonl(stream: BinaryIO, name: str, stem: str, fields: Fields) -> Iterator[Document | Skipped]:
    """One record per line; a bad line is skipped, the file goes on."""
    if b"\x00" in stream.peek(65536)[:65536]:
        yield Skipped(name, "looks like a binary file, not JSON Lines (it contains NUL bytes)")
        return
    found = False
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        where = f"{name} line {number}"
        if len(line) > MAX_BYTES:
            yield Skipped(where, f"record too large (over {MAX_BYTES / 1e6:.0f} MB)")
            continue
        try:
            record = json.loads(line.decode("utf-8-sig"))
        except UnicodeDecodeError as err:
            yield Skipped(where, f"not UTF-8 (byte 0x{line[err.start]:02x})")
            continue
        except json.JSONDecodeError as err:
            yield Skipped(where, f"not valid JSON ({err.msg} at column {err.colno}); truncated?")
            continue
        found = True
        yield record_document(record, where, f"{stem}-{number}", fields)
    if not found:
        yield Skipped(name, "no records in it")


def read_json(stream: BinaryIO, name: str, stem: str, fields: Fields) -> Iterator[Document | Skipped]:
    """An array of records, or an object holding one (``{"articles": [...]}``), or one record."""
    data = stream.read(MAX_JSON_BYTES + 1)
    if len(data) > MAX_JSON_BYTES:
        yield Skipped(name, f"JSON file over {MAX_JSON_BYTES / 2**20:.0f} MB; use JSON Lines (.jsonl), which streams")
        return
    try:
        value = json.loads(decode(data, name))
    except json.JSONDecodeError as err:
        yield Skipped(name, f"not valid JSON ({err.msg} at line {err.lineno} column {err.colno}); truncated?")
        return
    if isinstance(value, dict):
        for key in ("articles", "data", "items", "results", "documents", "records"):
            if isinstance(value.get(key), list):
                value = value[key]
                break
        else:
            value = [value]
    if not isinstance(value, list) or not value:
        yield Skipped(name, "no records in it (expected an array of objects)")
        return
    for number, record in enumerate(value, start=1):
        yield record_document(record, f"{name} record {number}", f"{stem}-{number}", fields)


def read_csv(stream: BinaryIO, name: str, stem: str, fields: Fields) -> Iterator[Document | Skipped]:
    """A header row, then one article per row; a row without text is skipped."""
    if b"\x00" in stream.peek(65536)[:65536]:
        yield Skipped(name, "looks like a binary file, not CSV (it contains NUL bytes)")
        return
    csv.field_size_limit(MAX_BYTES)
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    number = 1
    try:
        reader = csv.DictReader(text)
        if not reader.fieldnames:
            yield Skipped(name, "empty, or no header row")
            return
        for number, row in enumerate(reader, start=2):
            yield record_document(row, f"{name} row {number}", f"{stem}-{number}", fields)
        if number == 1:
            yield Skipped(name, "a header row and no records")
    except UnicodeDecodeError:
        yield Skipped(f"{name} row {number + 1}", "not UTF-8; the rest of the file is skipped")
    except csv.Error as err:
        yield Skipped(f"{name} row {number + 1}", f"bad CSV ({err}); the rest of the file is skipped")
    finally:
        text.detach()


def field_value(record: dict, names: tuple[str, ...]) -> object:
    """The first present, non-empty field among ``names`` (dotted names go into nested objects)."""
    for name in names:
        value: object = record
        for part in name.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        if isinstance(value, dict):  # e.g. NewsAPI's "source": {"id": ..., "name": ...}
            value = value.get("name")
        if value not in (None, "", [], {}):
            return value
    return None


def record_document(record: object, where: str, default_id: str, fields: Fields) -> Document | Skipped:
    """A document from one JSON or CSV record."""
    if not isinstance(record, dict):
        return Skipped(where, "not an object with fields")
    text = field_value(record, fields.text)
    if not isinstance(text, str) or not text.strip():
        return Skipped(where, "no text (looked for the fields " + ", ".join(fields.text) + "; see --field)")
    if len(text) > MAX_BYTES:
        return Skipped(where, f"text too large for one article (over {MAX_BYTES / 1e6:.0f} MB)")
    if "\x00" in text:
        return Skipped(where, "text contains NUL characters (binary data?)")
    title, url, publisher = (field_value(record, names) for names in (fields.title, fields.url, fields.publisher))
    raw_id = field_value(record, fields.id)
    return Document(
        doc_id=safe_id(str(raw_id)) if raw_id is not None else default_id,
        text=text,
        title=str(title).strip() if title else guess_title(text),
        source=str(url).strip() if url and re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:\S+$", str(url).strip()) else None,
        date=parse_date(field_value(record, fields.date)),
        publisher=str(publisher).strip() if publisher else None,
    )


READERS = {
    "text": read_text,
    "markdown": read_markdown,
    "html": read_html,
    "jsonl": read_jsonl,
    "json": read_json,
    "csv": read_csv,
}


def read_document(path: Path) -> Document:
    """Read and check one file holding one article (``kg extract --file``)."""
    items = list(read_file(Path(path)))
    for item in items:
        if isinstance(item, Skipped):
            raise KgError(str(item))
    if len(items) != 1:
        raise KgError(f"{path}: holds {len(items)} articles; kg extract reads one")
    return items[0]


def read_documents(paths: Iterable[str | Path], fields: Fields = Fields()) -> list[Document]:
    """Every document under ``paths``, failing on the first input that cannot be read."""
    documents = []
    for item in Inputs(list(paths), fields):
        if isinstance(item, Skipped):
            raise KgError(str(item))
        documents.append(item)
    if not documents:
        raise KgError("no articles found in " + ", ".join(str(p) for p in paths))
    return documents
