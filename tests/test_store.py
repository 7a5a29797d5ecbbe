"""The store layer: every backend keeps the same graph, corroboration counts stay exact through
adds, replacements and removals, a killed ingest leaves only whole documents, and the SPARQL
endpoint backend speaks the real protocol to real servers (kg serve: tests/test_serve.py)."""

from __future__ import annotations

import base64
import shlex
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import KgError
from kg.pipeline import ingest, recount_all, remove
from kg.store import open_store
from tests.conftest import (
    ARTICLES,
    BACKENDS,
    CTRL_C_REACHES,
    ROOT,
    SEEDS,
    backend_location,
    count_quads,
    free_port,
    oxigraph_server,
    run,
)

DOC_GRAPHS = "https://w3id.org/kg-news/id/graph/doc/"
MATERIALISED = """SELECT ?s ?p ?o ?n ?m WHERE { ?c a kg:Corroboration ; kg:subject ?s ; kg:relation ?p ;
    kg:object ?o ; kg:documentCount ?n ; kg:assertedCount ?m }"""
ON_THE_FLY = f"""SELECT ?s ?p ?o (COUNT(DISTINCT ?g) AS ?n) (COUNT(DISTINCT ?h) AS ?m) WHERE {{
    GRAPH ?g {{ ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }}
    OPTIONAL {{ GRAPH ?h {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?h), "{DOC_GRAPHS}")) }}
}} GROUP BY ?s ?p ?o"""


def quads_of(store, query: str) -> set[tuple[str, ...]]:
    return {tuple(str(term) for term in row) for row in store.query(query)}


def counts(store, query: str) -> dict[tuple[str, str, str], tuple[int, int]]:
    return {
        (r["s"].value, r["p"].value, r["o"].value): (int(r["n"].value), int(r["m"].value)) for r in store.query(query)
    }


@pytest.fixture(params=list(BACKENDS))
def location(request, tmp_path) -> str:
    return backend_location(request, tmp_path)


def test_corroboration_counts_stay_exact(location, tmp_path):
    """Materialised counts equal the on-the-fly aggregation after adding, replacing and removing."""
    copy = tmp_path / "copy"
    copy.mkdir()
    shutil.copy(SEEDS / "syria-raqqa-2016.txt", copy / "raqqa-reprint.txt")
    ingest([SEEDS, ARTICLES, copy], location)
    store = open_store(location)
    first = counts(store, MATERIALISED)
    assert first == counts(store, ON_THE_FLY)
    russia_supports_army = next(k for k in first if k[0].endswith("/russia") and k[1].endswith("#supports"))
    assert first[russia_supports_army] == (2, 2)  # the seed and its reprint
    claims = [v for v in first.values() if v[1] < v[0]]
    assert claims, "some triples are reported only as claims, denials or plans"

    (copy / "raqqa-reprint.txt").write_text("Iran supports Hezbollah.\n")
    ingest([copy], store)
    assert counts(store, MATERIALISED) == counts(store, ON_THE_FLY)
    assert counts(store, MATERIALISED)[russia_supports_army] == (1, 1)

    assert remove("syria-raqqa-2016", store)
    after = counts(store, MATERIALISED)
    assert after == counts(store, ON_THE_FLY)
    assert russia_supports_army not in after


def test_every_backend_holds_the_same_graph(tmp_path, empty_endpoint, empty_virtuoso):
    """The same ingest into the embedded store and two SPARQL servers yields the same quads,
    and the export holds kg's graphs only (not Virtuoso's system graphs)."""
    backends = (str(tmp_path / "store"), empty_endpoint, empty_virtuoso)
    dumps = []
    for where in backends:
        ingest([SEEDS, ARTICLES], where, batch_size=2)
        out = run("export", "--format", "nquads", "--store", where)
        assert out.exit_code == 0, out.output
        dumps.append(set(out.output.splitlines()))
    assert len(dumps[0]) > 1000
    assert not any("_:" in line for line in dumps[0])  # blank nodes are skolemised on every backend
    assert dumps[0] == dumps[1] == dumps[2]


def many_articles(directory: Path, n: int) -> Path:
    """``n`` articles that differ only in a first line that yields no statement."""
    directory.mkdir()
    seed = (SEEDS / "syria-raqqa-2016.txt").read_text()
    for i in range(n):
        (directory / f"dispatch-{i:03d}.txt").write_text(seed.replace("\n", f"\n\nDispatch number {i}.\n", 1))
    return directory


def stored_documents(location: str) -> dict[str, int]:
    """Each stored document and the number of quads in its graph."""
    rows = open_store(location, read_only=True).query(
        "SELECT ?id (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?d a kg:Document ; dcterms:identifier ?id . ?x ?p ?y } }"
        " GROUP BY ?id"
    )
    return {r["id"].value: int(r["n"].value) for r in rows}


def wait_for_first_write(store: Path, process: subprocess.Popen, seconds: float = 120) -> None:
    """Until the store's write-ahead log shows a committed batch."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        if sum(p.stat().st_size for p in store.glob("*.log")) > 20_000:
            return
        time.sleep(0.05)
    raise AssertionError(f"no write seen; ingest exit {process.poll()}: {process.stderr.read()}")


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["crash", "ctrl-c"])
def test_a_killed_ingest_leaves_whole_documents(tmp_path, sig):
    articles = many_articles(tmp_path / "articles", 60)
    whole = stored_documents_after_full_ingest(tmp_path)
    store = tmp_path / "store"
    command = [*CTRL_C_REACHES, "-m", "kg.cli", "ingest", str(articles), "--store", str(store), "--batch-size", "2"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wait_for_first_write(store, process)
    process.send_signal(sig)
    _, stderr = process.communicate(timeout=60)
    if sig == signal.SIGINT:
        assert process.returncode == 130 and "documents stored, each whole" in stderr
        assert "Traceback" not in stderr

    stored = stored_documents(str(store))
    assert 0 < len(stored) < 60, "killed mid-run"
    assert set(stored.values()) == {whole}, "every stored document is complete"
    reader = open_store(str(store), read_only=True)
    assert counts(reader, MATERIALISED) == counts(reader, ON_THE_FLY)
    del reader

    result = run("ingest", str(articles), "--store", str(store))
    assert result.exit_code == 0
    assert f"{60 - len(stored)} new, 0 updated, 0 re-extracted, {len(stored)} unchanged" in result.output
    assert set(stored_documents(str(store)).values()) == {whole} and len(stored_documents(str(store))) == 60


def test_an_ingest_leaves_its_writes_in_the_tables_not_the_log(tmp_path):
    """Issue 10, item 9: the statements of an ingest are in the store's sorted tables when it ends,
    so that later commands do not replay its write-ahead log on every open (7 s after 1,500 articles
    before, 2 s after: benchmarks/first_query.py). Before the fix the tables held about 1 kB."""
    store = tmp_path / "store"
    assert run("ingest", str(SEEDS), str(ARTICLES), "--store", str(store)).exit_code == 0
    tables = sum(p.stat().st_size for p in store.glob("*.sst"))
    log = sum(p.stat().st_size for p in store.glob("*.log"))
    assert tables > 100_000 and tables > log / 4, (tables, log)


def stored_documents_after_full_ingest(tmp_path: Path) -> int:
    """Quads in one complete document graph of :func:`many_articles`."""
    one = many_articles(tmp_path / "one", 1)
    location = str(tmp_path / "reference")
    ingest([one], location)
    return stored_documents(location)["dispatch-000"]


def test_a_full_disk_is_named(tmp_path):
    """Issue 10, item 15: a full disk said "cannot open store ...: No space left on device" without saying
    that the disk is full. A real full file system: a 2 MB tmpfs, mounted in a private user and mount
    namespace (no root needed, gone when the shell exits), filled after a first ingest."""
    mount = tmp_path / "small-disk"
    mount.mkdir()
    kg = f"{shlex.quote(sys.executable)} -m kg.cli"
    script = f"""set -e
    mount -t tmpfs -o size=2m tmpfs {mount}
    {kg} ingest -q {SEEDS} --store {mount}/store
    dd if=/dev/zero of={mount}/filler bs=4k 2>/dev/null || true
    {kg} ingest {ARTICLES} --store {mount}/store 2>&1 || echo "exit $?"
    {kg} query 'SELECT ?id WHERE {{ ?d dcterms:identifier ?id }}' --format csv --store {mount}/store
    """
    shell = ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", script]
    out = subprocess.run(shell, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    error, status, *rows = out.stdout.splitlines()
    assert error.startswith("kg: error: cannot open store") and "the disk is full" in error, error
    assert status == "exit 1"
    assert rows == ["id", "syria-raqqa-2016"], "what was stored stays"


def test_load_of_a_file_iri_says_what_is_wrong(tmp_path):
    """Issue 10, item 15: a SPARQL LOAD of a file: IRI failed with "invalid format" (Oxigraph fetches
    http(s) URLs only)."""
    page = tmp_path / "x.nt"
    page.write_text("<http://a> <http://b> <http://c> .\n")
    store = open_store(str(tmp_path / "store"))
    with pytest.raises(KgError) as caught:
        store.update(f"LOAD <{page.as_uri()}>")
    message = str(caught.value)
    assert "loads only http(s) URLs" in message and "kg load" in message and "invalid format" not in message


# ------------------------------------------------------------------- the SPARQL endpoint backend


@pytest.mark.server
def test_the_server_must_query_the_union_of_its_graphs(tmp_path):
    process, url = oxigraph_server(tmp_path / "plain", union=False)
    try:
        assert run("ingest", str(SEEDS), "--store", url).exit_code == 0
        result = run("query", "SELECT * WHERE { ?s kg:supports ?o }", "--store", url)
        assert result.exit_code == 1 and "--union-default-graph" in result.output
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_an_unreachable_endpoint_is_one_clean_line():
    url = f"http://127.0.0.1:{free_port()}/query"
    for args in (["query", "ASK {}"], ["ingest", str(SEEDS)], ["export"], ["remove", "x"]):
        result = run(*args, "--store", url)
        assert result.exit_code == 1, args
        assert result.output.startswith("kg: error: cannot reach SPARQL endpoint http://127.0.0.1:"), result.output
        assert result.output.count("\n") == 1


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ({"KG_STORE": "http://"}, "malformed store URL 'http://': no host"),
        ({"KG_STORE": "http://[::1"}, "malformed store URL 'http://[::1': Invalid IPv6 URL"),
        ({"KG_STORE": "http://host:99999/"}, "malformed store URL 'http://host:99999/': Port out of range"),
        ({"KG_STORE": "http://me:secret@host:x/q"}, "malformed store URL 'http://me:***@host:x/q'"),
        ({"KG_STORE": "http://127.0.0.1:1/query", "KG_STORE_TIMEOUT": "abc"}, "KG_STORE_TIMEOUT must be a number"),
        ({"KG_STORE": "http://127.0.0.1:1/query", "KG_STORE_TIMEOUT": "-5"}, "KG_STORE_TIMEOUT must be a number"),
    ],
)
def test_bad_store_settings_are_one_clean_line(monkeypatch, setting, message):
    """Issue 10, item 12: these were tracebacks (ValueError from float() and from urlsplit)."""
    for name, value in setting.items():
        monkeypatch.setenv(name, value)
    for args in (["query", "ASK {}"], ["ingest", str(SEEDS)], ["export"], ["remove", "x"]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 1 and isinstance(result.exception, SystemExit), (args, result.exception)
        assert result.stderr.startswith(f"kg: error: {message}") and result.stderr.count("\n") == 1, result.stderr
        assert "secret" not in result.stderr


class Dribbler(BaseHTTPRequestHandler):
    """A SPARQL endpoint that answers one byte a second: a slow or hostile server."""

    stop = threading.Event()

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers["Content-Length"]))
        self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n")
        self.wfile.write(b"Content-Length: 60\r\n\r\n")
        for byte in b" " * 60:
            if self.stop.wait(1):
                return
            self.wfile.write(bytes([byte]))
            self.wfile.flush()

    def log_message(self, *args) -> None:
        pass


def test_a_slow_server_cannot_outlive_the_timeout(monkeypatch):
    """Issue 10, item 13: KG_STORE_TIMEOUT bounds the whole request, not each socket read (a server
    sending a byte a second held kg for as long as it liked)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Dribbler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    Dribbler.stop.clear()
    monkeypatch.setenv("KG_STORE_TIMEOUT", "2")
    url = f"http://127.0.0.1:{server.server_address[1]}/query"
    try:
        started = time.monotonic()
        result = CliRunner().invoke(main, ["query", "ASK {}", "--store", url])
        elapsed = time.monotonic() - started
    finally:
        Dribbler.stop.set()
        server.shutdown()
        server.server_close()
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.exception
    assert result.stderr == f"kg: error: SPARQL endpoint {url} did not answer within 2 s (KG_STORE_TIMEOUT)\n"
    assert elapsed < 10, elapsed  # 60 s of dribbling before the fix


class Truncating(BaseHTTPRequestHandler):
    """A SPARQL endpoint whose answers break off after the first row."""

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers["Content-Length"]))
        row = '{"s": {"type": "uri", "value": "http://a"}, "named": {"type": "literal", "value": "false"}}'
        body = ('{"head": {"vars": ["s", "named"]}, "results": {"bindings": [' + row + ', {"s":').encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


def test_a_truncated_answer_is_one_clean_line():
    """Issue 10, item 12: a results document is parsed as it is read, so a truncated one failed in the
    middle of whatever read the rows (the union check, the export, the table), as a traceback."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Truncating)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/query"
    try:
        for args in (["query", "SELECT ?s WHERE { ?s ?p ?o }"], ["export", "--format", "nquads"], ["analyze"]):
            result = CliRunner().invoke(main, [*args, "--store", url])
            assert result.exit_code == 1 and isinstance(result.exception, SystemExit), (args, result.exception)
            assert result.stderr.startswith(f"kg: error: SPARQL endpoint {url} sent a malformed answer"), args
            assert result.stderr.count("\n") == 1
    finally:
        server.shutdown()
        server.server_close()


class AuthProxy(BaseHTTPRequestHandler):
    """A reverse proxy that wants HTTP basic auth, as a hosted triple store does."""

    upstream = ""
    expected = "Basic " + base64.b64encode(b"alice:s3cret pass").decode()
    seen: ClassVar[list[str]] = []

    def do_POST(self) -> None:
        self.seen.append(self.headers.get("Authorization") or "")
        if self.headers.get("Authorization") != self.expected:
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="kg"')
            self.end_headers()
            return
        body = self.rfile.read(int(self.headers["Content-Length"]))
        path = urllib.parse.urlsplit(self.path).path
        request = urllib.request.Request(self.upstream + path, data=body, method="POST")
        for header in ("Content-Type", "Accept"):
            request.add_header(header, self.headers[header])
        with urllib.request.urlopen(request) as response:
            data, status, kind = response.read(), response.status, response.headers["Content-Type"]
        self.send_response(status)
        self.send_header("Content-Type", kind or "text/plain")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args) -> None:
        pass


def test_basic_auth_from_the_url_or_the_environment(empty_endpoint, monkeypatch):
    AuthProxy.upstream = empty_endpoint.rsplit("/", 1)[0]
    proxy = ThreadingHTTPServer(("127.0.0.1", 0), AuthProxy)
    threading.Thread(target=proxy.serve_forever, daemon=True).start()
    port = proxy.server_address[1]
    try:
        bare = f"http://127.0.0.1:{port}/query"
        refused = run("query", "ASK {}", "--store", bare)
        assert refused.exit_code == 1 and "refused access (HTTP 401)" in refused.output

        with_password = f"http://alice:s3cret%20pass@127.0.0.1:{port}/query"
        result = run("ingest", str(SEEDS), "--store", with_password)
        assert result.exit_code == 0 and "s3cret" not in result.output

        monkeypatch.setenv("KG_STORE_USER", "alice")
        monkeypatch.setenv("KG_STORE_PASSWORD", "s3cret pass")
        assert run("query", "ASK { ?s kg:supports ?o }", "--store", bare).output.strip() == "true"
        assert AuthProxy.expected in AuthProxy.seen
    finally:
        proxy.shutdown()


# ------------------------------------------------------------------- kg load


def test_a_dump_loads_into_any_store(seed_store, tmp_path, empty_endpoint):
    """export --format trig, then load: into a new on-disk store (twice: loading again is how an
    interrupted load is finished) and into a SPARQL server."""
    dump = tmp_path / "graph.trig"
    assert run("export", "--format", "trig", "--output", str(dump), "--store", seed_store).exit_code == 0
    for where, times in ((str(tmp_path / "restored"), 2), (empty_endpoint, 1)):
        for _ in range(times):
            result = run("load", str(dump), "--store", where)
            assert result.exit_code == 0 and "loaded" in result.output
        assert count_quads(where) == count_quads(seed_store)
    query = "SELECT ?a ?b WHERE { ?a kg:supports ?b } ORDER BY ?a ?b"
    assert run("query", query, "--store", empty_endpoint).output == run("query", query, "--store", seed_store).output


def test_loading_a_stored_document_replaces_it_and_recounts(location, seed_store, tmp_path):
    """Issue 10, item 4: a dump's document that the store already holds (here changed since) replaces
    it, as ingest would, instead of two versions merged in one graph; and corroboration is recounted
    (it stayed at 1 for Russia supports the army, though the seed and its reprint both report it)."""
    dump = tmp_path / "seed.trig"
    assert run("export", "--format", "trig", "--output", str(dump), "--store", seed_store).exit_code == 0
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "syria-raqqa-2016.txt").write_text("Iran supports Hezbollah.\n")  # the seed, changed since
    shutil.copy(SEEDS / "syria-raqqa-2016.txt", articles / "raqqa-reprint.txt")
    assert run("ingest", str(articles), "--store", location).exit_code == 0

    result = run("load", str(dump), "--store", location)
    assert result.exit_code == 0 and "1 of them replacing stored versions" in result.output, result.output
    graph = f"SELECT ?s ?p ?o WHERE {{ GRAPH <{DOC_GRAPHS}syria-raqqa-2016> {{ ?s ?p ?o }} }}"
    store, seed = open_store(location), open_store(seed_store, read_only=True)
    assert quads_of(store, graph) == quads_of(seed, graph), "the dump's version, and only it"
    stored = counts(store, MATERIALISED)
    assert stored == counts(store, ON_THE_FLY)
    russia_supports_army = next(k for k in stored if k[0].endswith("/russia") and k[1].endswith("#supports"))
    assert stored[russia_supports_army] == (2, 2)
    recount_all(store)  # what a load of more than KEYS_PER_UPDATE relation keys does instead
    assert counts(store, MATERIALISED) == stored


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("bad.nq", b'<http://a> <http://b> "unterminated', "cannot load"),
        ("binary.trig", bytes(range(256)), "cannot load"),
        ("graph.ttl", b"<http://a> <http://b> <http://c> .", "TriG (.trig) or N-Quads (.nq)"),
    ],
)
def test_a_bad_dump_loads_nothing(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(b"<http://x> <http://y> <http://z> <http://g> .\n" * 3 + data)
    result = run("load", str(path), "--store", str(tmp_path / "store"))
    assert result.exit_code == 1 and message in result.output and result.output.count("\n") == 1
    assert not (tmp_path / "store").exists()
    result = run("load", str(tmp_path / "missing.nq"), "--store", str(tmp_path / "store"))
    assert result.exit_code == 1 and "no such file" in result.output


# ------------------------------------------------------------------- where the store is, and who holds it


def test_store_comes_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_STORE", str(tmp_path / "env-store"))
    assert run("ingest", str(SEEDS)).exit_code == 0
    assert (tmp_path / "env-store").is_dir()
    result = run("query", "ASK { ?s a kg:Document }")
    assert result.output.strip() == "true"


def test_unwritable_store_path(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    result = CliRunner().invoke(main, ["ingest", str(SEEDS), "--store", str(blocker / "store")])
    assert result.exit_code == 1
    assert result.stderr.startswith("kg: error: cannot open store") and result.stderr.count("\n") == 1


def test_store_that_is_a_file(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    result = CliRunner().invoke(main, ["ingest", str(SEEDS), "--store", str(blocker)])
    assert result.exit_code == 1 and "is a file" in result.stderr
    assert blocker.read_text() == "x"


def test_reading_a_store_that_does_not_exist(tmp_path):
    result = CliRunner().invoke(main, ["query", "ASK {}", "--store", str(tmp_path / "none")])
    assert result.exit_code == 1 and "no kg store" in result.stderr
    assert not (tmp_path / "none").exists()


def test_a_non_empty_directory_is_not_taken_over(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    result = CliRunner().invoke(main, ["ingest", str(SEEDS), "--store", str(tmp_path)])
    assert result.exit_code == 1 and "not empty" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def hold(code: str) -> subprocess.Popen:
    """Another process that runs ``code`` and keeps what it opened until its stdin closes."""
    script = f"{code}; print('open', flush=True); import sys; sys.stdin.read()"
    holder = subprocess.Popen([sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "open"
    return holder


def test_a_store_in_use_by_another_process(disk_store):
    """One writer at a time, and no reading while one writes (Oxigraph's read-only mode is undefined
    then): each case is one clean line, and the store is unharmed."""
    store = disk_store
    before = count_quads(store)
    writer = hold(f"import pyoxigraph; s = pyoxigraph.Store({store!r})")
    try:
        result = CliRunner().invoke(main, ["ingest", str(SEEDS), "--store", store])
        assert result.exit_code == 1 and "in use by another kg process" in result.stderr
        result = CliRunner().invoke(main, ["query", "ASK { ?s a rdf:Statement }", "--store", store])
        assert result.exit_code == 1 and "being written by another kg process" in result.stderr
    finally:
        writer.communicate("", timeout=30)
    assert count_quads(store) == before


def test_readers_share_a_store_and_keep_writers_out(disk_store):
    store = disk_store
    reader = hold(f"from kg.store import open_store; s = open_store({store!r}, read_only=True)")
    try:
        assert run("query", "ASK { ?s a rdf:Statement }", "--store", store).output.strip() == "true"
        result = CliRunner().invoke(main, ["remove", "syria-raqqa-2016", "--store", store])
        assert result.exit_code == 1 and "in use by another kg process" in result.stderr
    finally:
        reader.communicate("", timeout=30)
    assert run("remove", "syria-raqqa-2016", "--store", store).exit_code == 0
