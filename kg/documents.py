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
input that cannot become one (binary, not UTF-8, empty, truncated or too deeply nested JSON,
corrupt gzip, too large, no text field, not a regular file, a link out of a walked folder, a file
named twice), with the reason in one line. What to do with a skipped input is the caller's choice
(``kg ingest`` reports and goes on, or stops with ``--strict``), so one bad file in a folder of ten
thousand never costs the other 9,999. Limits hold while reading: nothing is read whole before its
size is checked, however it is compressed, and a named pipe or a device is refused, not waited on.

Every document gets an id of its own in a run (see :meth:`Inputs.unique`): the file stem, or the
feed's stem and the record's id, in any script; a short hash keeps two sources apart when those
come out the same.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import os
import re
import stat
import sys
import unicodedata
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

# The limits of reading, in one place (the README's "Ingesting news" states them). Megabytes are
# decimal, as they are printed.
MB = 1_000_000
#: Larger articles are refused: news articles are kilobytes, and a multi-megabyte "article" is
#: almost always a mistake (a dump, a binary) that would tie up the parser for minutes. The same
#: limit holds for one record (a JSON Lines or CSV line) and for ``kg extract``'s standard input;
#: reading stops there, so a compressed file or a stream never has more of it in memory.
MAX_BYTES = 20 * MB
#: A .json file is parsed whole; beyond this size, JSON Lines (streamed) is the format to use.
MAX_JSON_BYTES = 512 * MB
#: Longest document id: a record's id can be a long URL, or anything; longer ones are cut, with a hash.
MAX_ID_CHARS = 200
#: What the user names for standard input.
STDIN = "-"
#: How much of an input's beginning is looked at for NUL bytes (see :func:`binary_reason`).
SNIFF_BYTES = 65536
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
    #: which record of a feed it is ("id 'wire-1'", "line 3"); None for a file holding one article. With the
    #: file, it tells the same record read twice from another article whose id came out the same.
    record: str | None = None

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


def megabytes(size: int) -> str:
    """'20 MB': a limit as users read it."""
    return f"{size / MB:g} MB"


def doc_id_for(path: Path) -> str:
    """A stable id from the file name: the gold files name articles by their stem ('' when no letter or
    digit is left in it; :meth:`Inputs.unique` then adds a hash)."""
    name = path.name[: -len(".gz")] if path.name.lower().endswith(".gz") else path.name
    return safe_id(Path(name).stem)


def safe_id(value: str) -> str:
    """A readable id from a name in any script: letters, marks and digits stay, and so do ``.``, ``_``
    and ``-``; every run of anything else becomes one ``-``. '' when nothing is left.

    ASCII names keep the id they always had (``syria-raqqa-2016``): ``kg remove``, the gold files of
    ``kg eval`` and existing stores rely on it. 'سوريا' stays 'سوريا' (it was 'document', like every
    name without Latin letters, and one article replaced the other).
    """
    kept = "".join(
        c if c in "._-" or unicodedata.category(c)[0] in "LMN" else "\0" for c in unicodedata.normalize("NFC", value)
    )
    slug = re.sub("\0+", "-", kept).strip("-")
    if len(slug) > MAX_ID_CHARS:
        slug = f"{slug[: MAX_ID_CHARS - 9]}-{short_hash(slug)}"
    return slug


def short_hash(text: str) -> str:
    """Eight hex digits of SHA-256: enough to keep apart the few sources whose ids come out the same."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]


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


def read_limited(stream: BinaryIO, name: str) -> bytes:
    """At most :data:`MAX_BYTES` of a stream, and an error beyond: endless input (``yes |``, /dev/zero)
    is never read to its end."""
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise KgError(f"{name}: over {megabytes(MAX_BYTES)}, the most kg reads as one input")
    return data


def binary_reason(head: bytes, what: str) -> str | None:
    """Why an input that should be ``what`` (text, HTML, CSV) is not: a NUL byte near its start. Text in
    any encoding kg reads has none, and images, archives, PDFs and office files have them early, so this
    catches a binary named by mistake before it is decoded or parsed. None when none is there."""
    if b"\x00" in head[:SNIFF_BYTES]:
        return f"looks like a binary file, not {what} (it contains NUL bytes)"
    return None


def decode(data: bytes, name: str) -> str:
    """Bytes to text, refusing what is not UTF-8 text, with the reason in one line."""
    if not data.strip():
        raise KgError(f"{name} is empty")
    if reason := binary_reason(data, "text"):
        raise KgError(f"{name}: {reason}")
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


@dataclass(frozen=True)
class Source:
    """One input file: its path as the user's arguments spell it (for messages), and the path stored as
    ``dcterms:source``, relative to what the user named: no local folder or user name is published."""

    path: Path
    relative: str


@dataclass
class Inputs:
    """The documents under some paths, read lazily, with how far reading has got (for progress).

    ``total_bytes`` is the size of the input files on disk (unknown, 0, for standard input);
    ``done_bytes`` how much of it has been read. ``stdin_format`` says what ``-`` holds
    (default: guessed from its first character). ``follow_links``: follow symbolic links in a
    walked folder that lead out of it (by default they are skipped with a note).
    """

    paths: list[str | Path]
    fields: Fields = field(default_factory=Fields)
    stdin_format: str | None = None
    total_bytes: int = 0
    done_bytes: int = 0
    follow_links: bool = False

    def __post_init__(self) -> None:
        self.paths = list(self.paths)
        self.total_bytes = sum(_size(s.path) for s in self.files() if isinstance(s, Source))

    def files(self) -> Iterator[Source | str | Skipped]:
        """Each input file (folders walked, sorted), "-" for stdin, a Skipped for a missing path and for
        what a walk passes over with a note."""
        for raw in self.paths:
            if str(raw) == STDIN:
                yield STDIN
                continue
            path = Path(raw)
            if path.is_dir():  # a link named by the user is followed: they chose it
                found = list(walk(path, self.follow_links))
                if not found:
                    yield Skipped(str(path), "no files kg reads in it (" + ", ".join(FORMATS) + ", or .gz of them)")
                yield from found
            elif path.exists() or path.is_symlink():
                yield Source(path, printable_path(path.name))
            else:
                yield Skipped(str(path), "no such file or directory")

    def __iter__(self) -> Iterator[Document | Skipped]:
        ids: dict[str, tuple[str, str | None]] = {}  # document id -> the input it was given to (file, record)
        read: dict[str, str] = {}  # each input file (its real path) -> its name, so it is read once
        self.done_bytes = 0
        for item in self.files():
            if isinstance(item, Skipped):
                yield item
                continue
            name = "standard input" if item == STDIN else str(item.path)
            key = STDIN if item == STDIN else os.path.realpath(item.path)
            if key in read:
                yield Skipped(name, f"already read (as {read[key]})")
                continue
            read[key] = name
            items = (
                read_stdin(self.fields, self.stdin_format)
                if item == STDIN
                else read_file(item.path, self.fields, item.relative)
            )
            for found in items:
                yield self.unique(found, key, name, ids) if isinstance(found, Document) else found
            if isinstance(item, Source):
                self.done_bytes += _size(item.path)

    @staticmethod
    def unique(document: Document, key: str, name: str, ids: dict[str, tuple[str, str | None]]) -> Document | Skipped:
        """The document with an id no other input of this run has.

        The readable id (file stem; feed stem and record id) when it is free; else that id and a short
        hash of the input's path as named (and the record), which is the same on the next run of the
        same command, so an unchanged article is recognised. The same record twice in one file is the
        same article: the first is kept.
        """
        origin = (key, document.record)
        label = name if document.record is None else f"{name}#{document.record}"
        doc_id, attempt = document.doc_id, 1
        while not doc_id or doc_id in ids:
            if ids.get(doc_id) == origin:
                return Skipped(name, f"a second record with {document.record}; the first one is kept")
            doc_id = f"{document.doc_id or 'document'}-{short_hash(label if attempt == 1 else f'{label}#{attempt}')}"
            attempt += 1
        ids[doc_id] = origin
        return document if doc_id == document.doc_id else replace(document, doc_id=doc_id)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def printable_path(path: str) -> str:
    """A path as text that can be stored: a file name that is not UTF-8 gets U+FFFD for its odd bytes."""
    return os.fsencode(path).decode("utf-8", "replace")


def walk(root: Path, follow_links: bool = False) -> Iterator[Source | Skipped]:
    """The files kg reads under a folder, sorted by path, and a note (Skipped) for what it passes over.

    A folder that cannot be read is named, not passed over silently. A symbolic link that leads out
    of the folder is not followed unless ``follow_links`` (a link to /etc/passwd must not become a
    published document); a link to a folder inside it is not walked twice. A file kg would read that is
    no regular file (a named pipe would block, a device never ends) gets a note; other names are
    passed over in silence, as files kg does not read.
    """
    top = Path(os.path.realpath(root))
    found: list[Source | Skipped] = []
    entered = {top}  # folders walked, by real path: a link cannot make a loop
    folders = [(root, top)]
    while folders:
        folder, real = folders.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError as err:
            found.append(Skipped(str(folder), f"cannot read the folder ({err.strerror or err})"))
            continue
        for entry in entries:
            path = Path(entry.path)
            readable = format_of(path)[0] is not None
            try:
                link = entry.is_symlink()
                target = Path(os.path.realpath(path)) if link else real / entry.name
                if link and not follow_links and not target.is_relative_to(top):
                    if readable or target.is_dir():
                        note = "a symbolic link out of the folder, not followed (--follow-links follows it)"
                        found.append(Skipped(str(path), note))
                    continue
                if entry.is_dir():  # follows links: only those allowed above get here
                    if target not in entered and (follow_links or not link):
                        entered.add(target)
                        folders.append((path, target))
                    continue
                if not readable:
                    continue
                if entry.is_file():
                    found.append(Source(path, printable_path(path.relative_to(root).as_posix())))
                else:
                    found.append(Skipped(str(path), f"not a regular file ({kind_of(path)})"))
            except OSError as err:
                found.append(Skipped(str(path), f"cannot read ({err.strerror or err})"))
    yield from sorted(found, key=lambda item: item.path if isinstance(item, Source) else Path(item.name))


def kind_of(path: Path) -> str:
    """What a path that is no regular file is, in words."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "a symbolic link to nothing"
    return _KINDS.get(stat.S_IFMT(mode), "not a file")


_KINDS = {
    stat.S_IFIFO: "a named pipe",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFDIR: "a folder",
}


def open_regular(path: Path) -> BinaryIO:
    """A regular file, open for reading. Anything else is refused: a named pipe would block until
    something writes to it (it is opened without blocking here, to find out), a device never ends."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = _KINDS.get(stat.S_IFMT(mode), "not a file")
            raise KgError(f"not a regular file ({kind}); send it to kg's standard input instead")
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_file(path: Path, fields: Fields = Fields(), relative: str | None = None) -> Iterator[Document | Skipped]:
    """The documents of one file, or Skipped for what cannot be read, never an exception.

    ``relative``: the file's path relative to what the user named (default: its name), which becomes
    the document's source unless the document carries its own URL.
    """
    fmt, compressed = format_of(path)
    if fmt is None:
        fmt = "text"  # a file named explicitly is read as text whatever its name
    try:
        with open_regular(path) as raw:
            size = os.fstat(raw.fileno()).st_size
            if fmt not in RECORD_FORMATS and not compressed and size > MAX_BYTES:
                yield Skipped(str(path), f"too large for one article ({size / MB:.1f} MB > {megabytes(MAX_BYTES)})")
                return
            stream: BinaryIO = gzip.GzipFile(fileobj=raw) if compressed else raw
            source = relative if relative is not None else printable_path(path.name)
            yield from read_stream(stream, fmt, str(path), doc_id_for(path), fields, source)
    except KgError as err:
        yield Skipped(str(path), str(err))
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
        data = stream.read(MAX_BYTES + 1)  # bounded, however compressed
        if len(data) > MAX_BYTES:
            yield Skipped(name, f"too large for one article (over {megabytes(MAX_BYTES)})")
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
    if reason := binary_reason(data, "HTML"):
        raise KgError(f"{name}: {reason}")
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
    if reason := binary_reason(stream.peek(SNIFF_BYTES), "JSON Lines"):
        yield Skipped(name, reason)
        return
    found = False
    number = 0
    # readline with a limit: a line is never held beyond it, however long (a 4 GB line in 18 MB of gzip)
    while line := stream.readline(MAX_BYTES + 1):
        number += 1
        where = f"{name} line {number}"
        if len(line) > MAX_BYTES and len(line.rstrip(b"\r\n")) > MAX_BYTES:
            # its end cannot be found without reading on, and an endless stream has none: stop here
            yield Skipped(where, f"record over {megabytes(MAX_BYTES)}; the rest of the file is not read")
            return
        if not line.strip():
            continue
        try:
            record = json.loads(line.decode("utf-8-sig"))
        except UnicodeDecodeError as err:
            yield Skipped(where, f"not UTF-8 (byte 0x{line[err.start]:02x})")
            continue
        except (ValueError, RecursionError) as err:
            yield Skipped(where, json_problem(err, one_line=True))
            continue
        found = True
        yield record_document(record, where, stem, number, "line", fields)
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
    except (ValueError, RecursionError) as err:
        yield Skipped(name, json_problem(err))
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
        yield record_document(record, f"{name} record {number}", stem, number, "record", fields)


def json_problem(err: ValueError | RecursionError, one_line: bool = False) -> str:
    """Why JSON (a file, or ``one_line`` of JSON Lines) could not be read, in one line."""
    if isinstance(err, json.JSONDecodeError):
        where = f"column {err.colno}" if one_line else f"line {err.lineno} column {err.colno}"
        return f"not valid JSON ({err.msg} at {where}); truncated?"
    if isinstance(err, RecursionError):
        return "nested too deeply to read"
    return "not valid JSON (a number too long to read)"  # Python's 4,300-digit limit on int()


def read_csv(stream: BinaryIO, name: str, stem: str, fields: Fields) -> Iterator[Document | Skipped]:
    """A header row, then one article per row; a row without text is skipped."""
    if reason := binary_reason(stream.peek(SNIFF_BYTES), "CSV"):
        yield Skipped(name, reason)
        return
    csv.field_size_limit(MAX_BYTES)
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    number = 1
    try:
        reader = csv.DictReader(bounded_lines(text))
        if not reader.fieldnames:
            yield Skipped(name, "empty, or no header row")
            return
        for number, row in enumerate(reader, start=2):
            yield record_document(row, f"{name} row {number}", stem, number, "row", fields)
        if number == 1:
            yield Skipped(name, "a header row and no records")
    except UnicodeDecodeError:
        yield Skipped(f"{name} row {number + 1}", "not UTF-8; the rest of the file is skipped")
    except csv.Error as err:
        yield Skipped(f"{name} row {number + 1}", f"bad CSV ({err}); the rest of the file is skipped")
    except KgError as err:
        yield Skipped(f"{name} row {number + 1}", f"{err}; the rest of the file is not read")
    finally:
        text.detach()


def bounded_lines(text: io.TextIOWrapper) -> Iterator[str]:
    """The lines of a text stream, none read beyond :data:`MAX_BYTES` characters (csv would read a
    line of any length whole before its field limit applies)."""
    while line := text.readline(MAX_BYTES + 1):
        if len(line) > MAX_BYTES:
            raise KgError(f"a line over {megabytes(MAX_BYTES)}")
        yield line


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


_SURROGATE = re.compile(r"[\ud800-\udfff]")


def record_document(
    record: object, where: str, stem: str, number: int, unit: str, fields: Fields
) -> Document | Skipped:
    """A document from one JSON or CSV record (``number``: its ``unit``, line, record or row, in the file).

    Its id is the feed's stem and the record's id (``feed-wire-1``), or its number without one
    (``feed-3``): record 1 of one feed is not record 1 of another.
    """
    if not isinstance(record, dict):
        return Skipped(where, "not an object with fields")
    text = field_value(record, fields.text)
    if not isinstance(text, str) or not text.strip():
        return Skipped(where, "no text (looked for the fields " + ", ".join(fields.text) + "; see --field)")
    if len(text) > MAX_BYTES:
        return Skipped(where, f"text too large for one article (over {megabytes(MAX_BYTES)})")
    if "\x00" in text:
        return Skipped(where, "text contains NUL characters (binary data?)")
    title, url, publisher = (field_value(record, names) for names in (fields.title, fields.url, fields.publisher))
    raw_id, day = field_value(record, fields.id), field_value(record, fields.date)
    values = {"text": text, "title": title, "url": url, "publisher": publisher, "id": raw_id, "date": day}
    for kind, value in values.items():
        # JSON's "\ud800" escape decodes to a lone surrogate, which no UTF-8 (hash, store) can hold
        bad = _SURROGATE.search(value) if isinstance(value, str) else None
        if bad:
            return Skipped(where, f"field {kind!r} holds an invalid character (a lone surrogate, \\u{ord(bad[0]):04x})")
    return Document(
        doc_id=safe_id(f"{stem}-{raw_id}") if raw_id is not None else safe_id(f"{stem}-{number}"),
        record=f"id {str(raw_id)[:MAX_ID_CHARS]!r}" if raw_id is not None else f"{unit} {number}",
        text=text,
        title=str(title).strip() if title else guess_title(text),
        source=str(url).strip() if url and re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:\S+$", str(url).strip()) else None,
        date=parse_date(day),
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
