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
from click.testing import CliRunner

from kg.cli import main
from kg.pipeline import extract, ingest
from kg.statements import SOURCE
from kg.store import OWN_GRAPHS, open_store

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"
GOLD = DATA / "gold"
ARTICLES = DATA / "articles"


#: The start of a command for a process a test stops with Ctrl-C (SIGINT), in place of ``[sys.executable]``:
#: a Python that lets SIGINT reach it as a terminal does, then runs the rest of the command in its place. Run in
#: the background of a shell without job control (``pytest &`` in a script, some CI runners), the test process
#: ignores SIGINT and its children inherit that, so Python would never raise KeyboardInterrupt in them and a
#: server would not stop. (``preexec_fn`` would do the same, but is unsafe while the test process runs threads.)
CTRL_C_REACHES = [
    sys.executable,
    "-c",
    "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); "
    "os.execv(sys.executable, [sys.executable, *sys.argv[1:]])",
]


def triples(text: str) -> set[tuple]:
    """The statements of a text as (subject, relation, object, factuality, asserter) label tuples;
    the asserter is an actor's label, 'source', or None."""
    found = set()
    for s in extract(text).statements:
        attributed = s.attributed_to if s.attributed_to in (None, SOURCE) else s.attributed_to.label
        found.add((s.subject.label, s.relation, s.object.label, s.factuality, attributed))
    return found


def count_quads(location: str) -> int:
    """All quads in kg's graphs, to show that a failed command changed nothing (a server's own
    graphs, like Virtuoso's system graphs, are not counted)."""
    store = open_store(location, read_only=True)
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {OWN_GRAPHS} }}"
    return int(next(iter(store.query(query)))["n"].value)


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


@pytest.fixture(scope="module")
def world_store(tmp_path_factory) -> str:
    """An on-disk store holding the known world of tests/world.py; tests only read it."""
    from tests.world import store_world

    location = str(tmp_path_factory.mktemp("world") / "store")
    store_world(location)
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
            raise RuntimeError(f"server exited: {process.stderr.read() if process.stderr else process.args}")
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


VIRTUOSO_INI = """[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = .
[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {dir}
ServerThreads = 4
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 120
"""

#: What an administrator does once so that the anonymous SPARQL endpoint may write.
VIRTUOSO_GRANTS = (
    'GRANT SPARQL_UPDATE TO "SPARQL"; GRANT EXECUTE ON DB.DBA.L_O_LOOK TO "SPARQL"; '
    "DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);"
)


def virtuoso_server(directory: Path) -> tuple[subprocess.Popen, str]:
    """A real OpenLink Virtuoso (Debian's virtuoso-opensource) on 127.0.0.1: (process, query URL).

    A second server with its own ways (its SPARQL endpoint is one URL for queries and updates,
    the default graph is the union, system graphs sit beside ours), so kg's remote backend is
    shown to follow the protocol rather than one server's habits.
    """
    exe, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    if not exe or not isql:
        raise RuntimeError("Virtuoso is missing: apt-get install virtuoso-opensource (.ci/run does)")
    sql, http = free_port(), free_port()
    ini = directory / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(dir=directory, sql=sql, http=http))
    log = (directory / "server.log").open("w")
    process = subprocess.Popen([exe, "-f", "-c", str(ini)], cwd=directory, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{http}/sparql"
    wait_for(url + "?query=ASK%7B%7D", process, seconds=60)
    subprocess.run([isql, f"127.0.0.1:{sql}", "dba", "dba", f"exec={VIRTUOSO_GRANTS}"], check=True, capture_output=True)
    return process, url


@pytest.fixture(scope="session")
def virtuoso_endpoint(tmp_path_factory) -> Iterator[str]:
    """The SPARQL URL of a Virtuoso server that lives for the test session."""
    process, url = virtuoso_server(tmp_path_factory.mktemp("virtuoso"))
    yield url
    process.terminate()
    process.wait(timeout=60)


@pytest.fixture()
def empty_virtuoso(virtuoso_endpoint) -> str:
    """The session's Virtuoso with kg's graphs dropped (its own system graphs stay)."""
    store = open_store(virtuoso_endpoint)
    mine = f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {OWN_GRAPHS} }}"
    graphs = [row["g"].value for row in store.query(mine)]
    if graphs:
        store.update(" ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in graphs))
    return virtuoso_endpoint


#: The backends every store test runs against, and the fixture that gives each an empty location.
BACKENDS = {"disk": None, "oxigraph-server": "empty_endpoint", "virtuoso": "empty_virtuoso"}


def backend_location(request, tmp_path: Path) -> str:
    """An empty store of the backend ``request.param`` names (a key of :data:`BACKENDS`)."""
    fixture = BACKENDS[request.param]
    return str(tmp_path / "store") if fixture is None else request.getfixturevalue(fixture)


def run(*args: str, input: str | None = None):
    """The kg command in process; an exception that is not a clean exit fails the test (no traceback hides
    behind an exit status of 1)."""
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def write(path: Path, content: bytes) -> str:
    """Write a file of these bytes; its path as the command line names it."""
    path.write_bytes(content)
    return str(path)


@pytest.fixture(params=list(BACKENDS))
def store(request, tmp_path) -> str:
    """The seed article in each backend: the same tests run against the embedded on-disk store and
    real SPARQL 1.1 servers on 127.0.0.1 (Oxigraph server, Virtuoso)."""
    location = backend_location(request, tmp_path)
    assert run("ingest", str(SEEDS), "--store", location).exit_code == 0
    return location


@pytest.fixture()
def disk_store(tmp_path) -> str:
    """The seed article in the embedded store, for tests of on-disk behaviour."""
    location = str(tmp_path / "store")
    assert run("ingest", str(SEEDS), "--store", location).exit_code == 0
    return location


#: Fixtures that start a server process (oxigraph server, Virtuoso, kg serve) or Chromium. A test that
#: uses one, or runs against a BACKENDS entry that is a server, gets the marker here; a test that starts
#: one by itself carries the marker where it is written.
SERVER_FIXTURES = {"sparql_endpoint", "empty_endpoint", "virtuoso_endpoint", "empty_virtuoso", "serving", "served"}
BROWSER_FIXTURES = {"browser", "chromium"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark tests by what they start, so that `pytest -m "not server and not browser"` runs with Python
    and pip alone (the markers are declared in pyproject.toml, with --strict-markers)."""
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        callspec = getattr(item, "callspec", None)
        params = [value for value in callspec.params.values() if isinstance(value, str)] if callspec else []
        if used & SERVER_FIXTURES or any(BACKENDS.get(value) for value in params):
            item.add_marker(pytest.mark.server)
        if used & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
