"""Stage 1 of the data flow: news articles on disk become ``Document`` objects.

Reading is strict on purpose: every file is read and checked before anything is extracted or
stored, so a bad file among good ones stops the run with one clear line and leaves the store
as it was (``kg ingest`` is all-or-nothing).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kg.errors import KgError

#: Extensions read when walking a directory; a file named explicitly is read whatever its name.
TEXT_SUFFIXES = (".txt", ".md")

#: Larger files are refused: news articles are kilobytes, and a multi-megabyte "article" is
#: almost always a mistake (a dump, a binary) that would tie up the parser for minutes.
MAX_BYTES = 20 * 1024 * 1024

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

    @property
    def content_hash(self) -> str:
        """SHA-256 of the text: the same article ingested twice is recognised and skipped."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def doc_id_for(path: Path) -> str:
    """A stable id from the file name: the gold files name articles by their stem."""
    return _DOC_ID_SAFE.sub("-", path.stem).strip("-") or "document"


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


def read_document(path: Path) -> Document:
    """Read and check one file."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise KgError(f"{path}: too large for one article ({size / 1e6:.1f} MB > {MAX_BYTES / 1e6:.0f} MB)")
        data = path.read_bytes()
    except KgError:
        raise
    except OSError as err:
        raise KgError(f"{path}: cannot read ({err.strerror or err})") from None
    text = decode(data, str(path))
    if path.suffix.lower() in (".md", ".markdown"):
        text = markdown_to_text(text)
    return Document(
        doc_id=doc_id_for(path),
        text=text,
        title=guess_title(text),
        source=path.resolve().as_uri(),
    )


def from_text(text: str, doc_id: str = "text", title: str | None = None) -> Document:
    """A document from a string (``kg extract``, notebooks)."""
    if not text.strip():
        raise KgError("the text is empty")
    return Document(doc_id=doc_id, text=text, title=title if title is not None else guess_title(text))


def collect_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Expand directories (recursively, .txt and .md) and check that every path exists."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise KgError(f"{path}: no such file or directory")
        if path.is_dir():
            found.extend(p for p in sorted(path.rglob("*")) if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)
        else:
            found.append(path)
    if not found:
        raise KgError("no .txt or .md files found in " + ", ".join(str(p) for p in paths))
    return found


def read_documents(paths: Iterable[str | Path]) -> list[Document]:
    """Read every file under ``paths``; fail on the first bad one before anything is stored."""
    documents = [read_document(p) for p in collect_paths(paths)]
    seen: dict[str, str] = {}
    for doc in documents:
        if doc.doc_id in seen:
            raise KgError(f"two files would share the document id {doc.doc_id!r}: {seen[doc.doc_id]} and {doc.source}")
        seen[doc.doc_id] = doc.source or ""
    return documents
