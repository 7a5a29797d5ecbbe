"""Shared fixtures: the real spaCy pipeline, real on-disk stores in temporary directories."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.pipeline import extract, ingest
from kg.statements import SOURCE
from kg.store import open_store

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"
GOLD = DATA / "gold"
ARTICLES = DATA / "articles"


def triples(text: str) -> set[tuple]:
    """The statements of a text as (subject, relation, object, factuality, asserter) label tuples;
    the asserter is an actor's label, 'source', or None."""
    found = set()
    for s in extract(text).statements:
        attributed = s.attributed_to if s.attributed_to in (None, SOURCE) else s.attributed_to.label
        found.add((s.subject.label, s.relation, s.object.label, s.factuality, attributed))
    return found


def count_quads(location: str) -> int:
    """All quads in a store, to show that a failed command changed nothing."""
    store = open_store(location, read_only=True)
    return int(next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")))["n"].value)


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory) -> str:
    """An on-disk store holding the seed article; tests only read it."""
    location = str(tmp_path_factory.mktemp("seed") / "store")
    ingest([SEEDS], location)
    return location


@pytest.fixture(scope="session")
def dev_store(tmp_path_factory) -> str:
    """An on-disk store holding the seed and the dev articles."""
    location = str(tmp_path_factory.mktemp("dev") / "store")
    ingest([SEEDS, ARTICLES], location)
    return location


#: Article text with markup that would act if it ever reached the page as HTML.
HOSTILE = (
    "Syria backs Hezbollah (<script>document.body.setAttribute('data-pwned','script')</script>).\n\n"
    "Iran supports Hezbollah (<img src=x onerror=document.body.setAttribute('data-pwned','img')>).\n"
)


@pytest.fixture()
def hostile_store(tmp_path) -> str:
    """A store holding an article whose sentences carry <script> and onerror markup."""
    article = tmp_path / "hostile.txt"
    article.write_text(HOSTILE)
    location = str(tmp_path / "hostile-store")
    ingest([article], location)
    return location


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, process: subprocess.Popen, seconds: float = 30) -> None:
    """Until ``url`` answers (any HTTP status), or fail with what the server printed."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited: {process.stderr.read() if process.stderr else ''}")
        try:
            urllib.request.urlopen(url, timeout=1).close()
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"no answer from {url} after {seconds} s")


def oxigraph_server(directory: Path, union: bool = True) -> tuple[subprocess.Popen, str]:
    """A real Oxigraph SPARQL server (PyPI package ``oxigraph``) on 127.0.0.1: (process, query URL)."""
    exe = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    port = free_port()
    args = [exe, "serve", "--location", str(directory), "--bind", f"127.0.0.1:{port}"]
    args += ["--union-default-graph"] if union else []
    process = subprocess.Popen(args, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}/query"
    wait_for(url + "?query=ASK%7B%7D", process)
    return process, url


@pytest.fixture(scope="session")
def sparql_endpoint(tmp_path_factory) -> Iterator[str]:
    """The query URL of an Oxigraph server that lives for the test session."""
    process, url = oxigraph_server(tmp_path_factory.mktemp("oxigraph"))
    yield url
    process.terminate()
    process.wait(timeout=30)


@pytest.fixture()
def empty_endpoint(sparql_endpoint) -> str:
    """The session's SPARQL server, emptied for one test."""
    open_store(sparql_endpoint).update("DROP SILENT ALL")
    return sparql_endpoint
