"""``kg serve``: the SPARQL 1.1 Protocol for real clients, and nothing more for hostile ones.

Each server is ``python -m kg.cli serve`` in its own process on 127.0.0.1; attacks come from a real
headless Chromium (a page of another origin, a rebound host name), from raw sockets (bad lengths,
slow clients) and from queries that would make the server fetch a URL, which a local HTTP server
counts.
"""

from __future__ import annotations

import json
import os
import queue
import re
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner
from rdflib.plugins.stores.sparqlstore import SPARQLStore

import tests.browser as browser_module
from kg.cli import main
from kg.serve import uses_keyword
from tests.browser import Browser
from tests.conftest import CTRL_C_REACHES, SEEDS, count_quads, free_port

XSD_INT = "http://www.w3.org/2001/XMLSchema#integer"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
#: A query that would run for hours over a few thousand triples: a four-way cross product.
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


class Served:
    """``kg serve`` as its own process on a free port; what it prints is collected as it comes."""

    def __init__(self, *args: str, env: dict[str, str] | None = None):
        command = [*CTRL_C_REACHES, "-m", "kg.cli", "serve", "--port", "0", *args]
        self.process = subprocess.Popen(command, stderr=subprocess.PIPE, env=env)
        self.lines: queue.Queue[str] = queue.Queue()
        self.log: list[str] = []
        threading.Thread(target=self._collect, daemon=True).start()
        first = self.next_line()
        assert "SPARQL endpoint http://127.0.0.1:" in first, first
        self.base = first.split("endpoint ", 1)[1].split("/query", 1)[0]
        self.port = urllib.parse.urlsplit(self.base).port
        self.token = None
        if "--writable" in args:
            found = re.search(r"Bearer (\S+)'", self.next_line(10))
            self.token = found.group(1) if found else None

    def _collect(self) -> None:
        for raw in self.process.stderr:
            line = raw.decode("utf-8", "replace")
            self.log.append(line)
            self.lines.put(line)

    def next_line(self, seconds: float = 120) -> str:
        try:
            return self.lines.get(timeout=seconds)
        except queue.Empty:
            return ""

    def query(self, sparql: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
        return http(f"{self.base}/query?" + urllib.parse.urlencode({"query": sparql}), None, headers)

    def count(self) -> int:
        status, _, body = self.query(COUNT)
        assert status == 200, body
        return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])

    def update(self, sparql: str, token: str | None = None, **headers: str) -> tuple[int, dict[str, str], bytes]:
        headers = {"Content-Type": "application/sparql-update", **headers}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        return http(f"{self.base}/update", sparql.encode(), headers)

    def children(self) -> list[int]:
        """The server's child processes (its running queries)."""
        found = []
        for entry in Path("/proc").iterdir():
            try:
                if entry.name.isdigit() and f"PPid:\t{self.process.pid}\n" in (entry / "status").read_text():
                    found.append(int(entry.name))
            except OSError:
                pass
        return found

    def stop(self) -> str:
        """Stop it with Ctrl-C; everything it printed."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        self.process.wait(timeout=30)
        time.sleep(0.2)
        return "".join(self.log)


@pytest.fixture()
def serving() -> Iterator:
    """Start servers with ``serving(*args)``; all are stopped after the test."""
    started: list[Served] = []

    def start(*args: str, env: dict[str, str] | None = None) -> Served:
        started.append(Served(*args, env=env))
        return started[-1]

    yield start
    for server in started:
        server.stop()


@pytest.fixture()
def served(seed_store, serving) -> Served:
    """``kg serve`` over the seed store, read-only, as it starts by default."""
    return serving("--store", seed_store, "--quiet")


def http(
    url: str, data: bytes | None = None, headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


def raw(port: int, data: bytes, seconds: float = 30) -> bytes:
    """What the server answers to bytes sent as they are, until it closes the connection."""
    with socket.create_connection(("127.0.0.1", port), timeout=seconds) as sock:
        sock.sendall(data)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    return answer


def kind(headers: dict[str, str]) -> str:
    return headers.get("Content-Type", "").split(";")[0]


# ------------------------------------------------------------------- the protocol


def test_serve_answers_the_sparql_protocol(served):
    select = "SELECT ?l WHERE { ?a kg:supports ?b . ?a rdfs:label ?l }"
    status, headers, body = served.query(select)
    assert status == 200 and kind(headers) == "application/sparql-results+json"
    assert {b["l"]["value"] for b in json.loads(body)["results"]["bindings"]} >= {"Russia"}
    assert headers["Access-Control-Allow-Origin"] == "*", "browser tools such as YASGUI read the endpoint"

    form = urllib.parse.urlencode({"query": select}).encode()
    status, headers, body = http(f"{served.base}/query", form, {"Accept": "text/csv"})
    assert status == 200 and kind(headers) == "text/csv" and body.decode().splitlines()[0] == "l"

    status, headers, body = http(
        f"{served.base}/query",
        b"CONSTRUCT { ?a rdfs:label ?l } WHERE { ?a a kg:State ; rdfs:label ?l }",
        {"Content-Type": "application/sparql-query", "Accept": "text/turtle"},
    )
    assert status == 200 and kind(headers) == "text/turtle"
    assert len(rdflib.Graph().parse(data=body, format="turtle")) >= 3

    status, _, body = http(f"{served.base}/query?query=SELEC")
    assert status == 400 and b"syntax error" in body


def test_serve_is_read_only_unless_asked(served):
    before = served.count()
    status, headers, body = served.update("DROP ALL")
    assert status == 403 and b"read-only" in body
    assert "Access-Control-Allow-Origin" not in headers
    assert served.count() == before


def test_serve_works_for_other_clients(served, seed_store):
    """rdflib's SPARQLStore (a third-party client) and kg itself, pointed at the endpoint."""
    graph = rdflib.Graph(store=SPARQLStore(f"{served.base}/query"))
    rows = graph.query("SELECT ?l WHERE { ?a <https://w3id.org/kg-news/ontology#supports> ?b . ?a rdfs:label ?l }")
    assert "Russia" in {str(r[0]) for r in rows}
    query = "SELECT ?a ?b WHERE { ?a kg:supports ?b } ORDER BY ?a ?b"
    assert (
        run("query", query, "--store", f"{served.base}/query").output
        == run("query", query, "--store", seed_store).output
    )
    assert count_quads(f"{served.base}/query") == count_quads(seed_store)


def test_a_writable_server_takes_an_ingest_from_a_token_holder(serving, monkeypatch):
    server = serving("--store", "memory:", "--writable", "-q")
    assert server.token and len(server.token) >= 16
    url = f"{server.base}/query"

    refused = run("ingest", str(SEEDS), "--store", url)
    assert refused.exit_code == 1 and "KG_STORE_TOKEN" in refused.output and "Traceback" not in refused.output
    assert server.count() == 0

    monkeypatch.setenv("KG_STORE_TOKEN", server.token)
    assert run("ingest", str(SEEDS), "--store", url).exit_code == 0
    assert run("query", "ASK { ?a kg:supports ?b }", "--store", url).output.strip() == "true"


def test_a_given_token_is_used_and_a_weak_one_refused(serving):
    token = "correct-horse-battery-staple"
    server = serving("--store", "memory:", "--writable", "-q", env={**os.environ, "KG_SERVE_TOKEN": token})
    assert server.token is None, "a token the user chose is not printed"
    assert server.update("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "wrong-token-wrong-token")[0] == 401
    assert server.update("INSERT DATA { <urn:a> <urn:b> <urn:c> }", token)[0] == 204

    weak = run("serve", "--store", "memory:", "--port", "0", "--writable", "--token", "1234")
    assert weak.exit_code == 1 and "16 or more" in weak.output


def test_serve_refuses_a_port_in_use(served):
    result = run("serve", "--store", "memory:", "--port", str(served.port))
    assert result.exit_code == 1 and "cannot listen on 127.0.0.1" in result.output


# ------------------------------------------------------------------- web pages (issue 10, item 1)


class Page(BaseHTTPRequestHandler):
    """Serves one HTML page: the attacker's site, on another port of 127.0.0.1."""

    html = b""

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(self.html)))
        self.end_headers()
        self.wfile.write(self.html)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture()
def foreign_site() -> Iterator[str]:
    site = ThreadingHTTPServer(("127.0.0.1", 0), Page)
    threading.Thread(target=site.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{site.server_address[1]}/"
    site.shutdown()
    site.server_close()


@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    """Chromium that resolves evil.example to 127.0.0.1, as after a DNS rebinding."""
    flags = browser_module.FLAGS
    browser_module.FLAGS = [*flags, "--host-resolver-rules=MAP evil.example 127.0.0.1"]
    try:
        driver = Browser()
    finally:
        browser_module.FLAGS = flags
    yield driver
    driver.close()


def visit(browser: Browser, url: str) -> None:
    browser.send("Page.navigate", url=url)
    browser.wait_for(f"location.href === {url!r} && document.readyState === 'complete'", 60)


ATTACK = """(async () => {
  const base = %s, out = {};
  const attempt = async (name, url, options) => {
    try { out[name] = (await fetch(base + url, options)).status; } catch (e) { out[name] = 'blocked'; }
  };
  await attempt('form', '/update', {method: 'POST', body: new URLSearchParams({update: 'DROP ALL'})});
  await attempt('noCors', '/update', {method: 'POST', mode: 'no-cors',
                                      body: new URLSearchParams({update: 'CLEAR ALL'})});
  await attempt('sparqlForm', '/sparql', {method: 'POST', body: new URLSearchParams({update: 'DROP ALL'})});
  await attempt('direct', '/update', {method: 'POST', headers: {'Content-Type': 'application/sparql-update'},
                                      body: 'DROP ALL'});
  await attempt('bearer', '/update', {method: 'POST', body: 'DROP ALL',
      headers: {'Content-Type': 'application/sparql-update', 'Authorization': 'Bearer guessed'}});
  await new Promise(done => {  // the classic cross-site request: a form posted into a hidden frame
    const frame = document.createElement('iframe');
    frame.name = 'sink';
    document.body.appendChild(frame);
    const form = document.createElement('form');
    form.method = 'POST'; form.action = base + '/update'; form.target = 'sink';
    const field = document.createElement('input');
    field.name = 'update'; field.value = 'DROP ALL';
    form.appendChild(field); document.body.appendChild(form);
    frame.onload = done; form.submit(); setTimeout(done, 10000);
  });
  const query = encodeURIComponent(%s);
  try {
    const answer = await fetch(base + '/query?query=' + query, {headers: {Accept: 'application/sparql-results+json'}});
    out.read = (await answer.json()).results.bindings[0].n.value;
  } catch (e) { out.read = 'blocked'; }
  return out;
})()"""


def test_a_page_of_another_origin_cannot_write(serving, foreign_site, chromium):
    """In a real browser, a page on another port of 127.0.0.1 tries every way to send an update to a
    writable server: form fetch, no-cors fetch, a preflighted one, a guessed token, a form posted
    into a frame. The store stays as it was; the page may still read, as YASGUI does."""
    server = serving("--store", "memory:", "--writable", "-q")
    assert server.update("INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> <urn:c> } }", server.token)[0] == 204
    before = server.count()
    assert before == 1

    Page.html = b"<!doctype html><html><body><p>cats</p></body></html>"
    visit(chromium, foreign_site)
    outcome = chromium.evaluate(ATTACK % (json.dumps(server.base), json.dumps(COUNT)))

    assert server.count() == before, f"a foreign page changed the store: {outcome}"
    assert outcome["read"] == str(before), "reads stay open to browser tools"
    assert outcome["direct"] == "blocked" and outcome["bearer"] == "blocked", "no CORS preflight passes for updates"


def test_a_rebound_host_name_is_refused(served, chromium):
    """DNS rebinding: a page of evil.example, whose name now points at 127.0.0.1, is of the same
    origin as the server to the browser. The Host header gives it away."""
    status, _, body = http(f"{served.base}/query?query=ASK%7B%7D", None, {"Host": f"evil.example:{served.port}"})
    assert status == 403 and b"unknown Host" in body
    assert http(f"{served.base}/query?query=ASK%7B%7D", None, {"Host": f"localhost:{served.port}"})[0] == 200

    # What a rebound page could fetch from its own origin is what the browser shows at that URL.
    path = "/query?" + urllib.parse.urlencode({"query": COUNT})
    visit(chromium, f"http://evil.example:{served.port}{path}")
    shown = chromium.evaluate("document.body.innerText")
    assert "unknown Host" in shown and "</results>" not in shown
    visit(chromium, f"http://localhost:{served.port}{path}")
    assert "</results>" in chromium.evaluate("document.body.innerText"), "the results, as XML"


def test_updates_need_the_token_and_the_same_origin(serving):
    server = serving("--store", "memory:", "--writable", "-q")
    insert = "INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> <urn:c> } }"
    assert server.update(insert)[0] == 401
    form = urllib.parse.urlencode({"update": "DROP ALL"}).encode()
    formed = {"Content-Type": "application/x-www-form-urlencoded"}
    assert http(f"{server.base}/update", form, formed)[0] == 401, "a form cannot carry the token"
    assert server.update(insert, server.token, Origin="http://127.0.0.1:1")[0] == 403
    assert server.update(insert, server.token, Origin="null")[0] == 403
    assert server.update(insert, server.token, Referer="http://evil.example/page")[0] == 403
    status, headers, _ = server.update(insert, server.token, Origin=server.base)
    assert status == 204 and "Access-Control-Allow-Origin" not in headers
    assert server.count() == 1

    preflight = urllib.request.Request(f"{server.base}/update", method="OPTIONS")
    with urllib.request.urlopen(preflight, timeout=30) as answer:
        assert "Access-Control-Allow-Origin" not in answer.headers
    preflight = urllib.request.Request(f"{server.base}/query", method="OPTIONS")
    with urllib.request.urlopen(preflight, timeout=30) as answer:
        assert answer.headers["Access-Control-Allow-Origin"] == "*"
        assert "authorization" not in answer.headers["Access-Control-Allow-Headers"].lower()


# ------------------------------------------------------------------- SERVICE and LOAD (item 3)


class Counting(BaseHTTPRequestHandler):
    """A web server that counts every request: any hit means kg serve fetched a URL."""

    hits = 0

    def do_GET(self) -> None:
        self.reply()

    def do_POST(self) -> None:
        self.reply()

    def reply(self) -> None:
        type(self).hits += 1
        body = b'{"head": {"vars": []}, "results": {"bindings": [{}]}}'
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture()
def target() -> Iterator[str]:
    """The URL of a counting web server on 127.0.0.1 (``Counting.hits``, reset)."""
    Counting.hits = 0
    site = ThreadingHTTPServer(("127.0.0.1", 0), Counting)
    threading.Thread(target=site.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{site.server_address[1]}/sparql"
    site.shutdown()
    site.server_close()


def disguised_services(url: str) -> list[str]:
    """SERVICE as a query may spell it: Oxigraph reads keywords in any case, glued to a number
    (``1SERVICE``), to SILENT or to a prefixed name, and a ``<`` may be an IRI or less-than."""
    return [
        f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"select * where {{ service silent <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * {{ SeRvIcEsIlEnT<{url}>{{ ?s ?p ?o }} }}",
        f"PREFIX t: <{url}> SELECT * {{ ?a ?b ?c SERVICE t: {{ ?s ?p ?o }} }}",
        f"PREFIX : <{url}#> SELECT * {{ ?a ?b ?c . SERVICE:x {{ ?s ?p ?o }} }}",
        f"SELECT * {{ ?a ?b 0 . ?a ?b 0SERVICE<{url}>{{ ?s ?p ?o }} }}",
        f'SELECT * {{ ?a ?b ?c . FILTER("service" != "x")SERVICE<{url}>{{ }} }}',
        f"PREFIX : <{url}#> SELECT * {{ ?a ?b ?o FILTER(?o<1)SERVICE:x#>\n{{ ?s ?p ?q }} }}",
        f"SELECT * {{ ?a ?b ?o FILTER(?o<1&&'x>'=\"x>\") SERVICE <{url}> {{ ?s ?p ?q }} }} # '",
        f"SELECT * {{ ?a ?b ?o FILTER(?o<1#>'''\n) ?a <urn:x#y> ?z . SERVICE <{url}> {{ }} \n#''' \n}}",
        f"SELECT * {{ ?a ?b ?c . ?a <urn:it's> ?c SERVICE <{url}> {{ }} }} # '",
        f"PREFIX ex: <urn:x:> SELECT * {{ ?a ?b ?c . ?a ?b ex:\\- SERVICE <{url}> {{ }} }}",
    ]


def harmless(url: str) -> list[str]:
    """Queries that only mention the word: in a string, a comment, an IRI, a variable, a name."""
    return [
        'SELECT ?l WHERE { ?a rdfs:label ?l FILTER(CONTAINS(?l, "Federal Security Service")) }',
        "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://127.0.0.1:1/>",
        f"ASK {{ ?s ?p <{url}/service> }}",
        "SELECT ?service WHERE { ?service ?p ?o } LIMIT 1",
        "PREFIX ex: <urn:x:> SELECT * WHERE { ?s ex:service ?o }",
        "SELECT * WHERE { ?s <https://w3id.org/kg-news/ontology#supports> ?o FILTER(?o != 'service load') }",
        "SELECT * { ?s ?p '''a long\nservice''' }",
    ]


def test_service_spelled_any_way_is_found_and_nothing_else(target):
    """Every disguise is a real SERVICE call (run by pyoxigraph itself, it reaches the counting
    server) and is found; a mere mention of the word is not."""
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:b"), ox.Literal("0", datatype=ox.NamedNode(XSD_INT))))
    for query in disguised_services(target):
        Counting.hits = 0
        list(store.query(query))
        assert Counting.hits > 0, f"not a SERVICE call after all: {query}"
        assert uses_keyword(query, "SERVICE"), query
    for query in harmless(target):
        assert not uses_keyword(query, "SERVICE"), query
    assert uses_keyword(f"LOAD <{target}>", "LOAD") and uses_keyword(f"load<{target}> ; ", "LOAD")
    assert not uses_keyword('INSERT DATA { <urn:a> <urn:b> "downloaded; load" }', "LOAD")


def test_a_read_only_server_runs_no_service(served, serving, seed_store, target):
    for query in disguised_services(target):
        for status, _, body in (
            served.query(query),
            http(f"{served.base}/query", query.encode(), {"Content-Type": "application/sparql-query"}),
        ):
            assert status == 403 and body.decode().count("\n") == 1 and "SERVICE" in body.decode(), query
    for query in harmless(target):
        assert served.query(query)[0] == 200, query
    assert Counting.hits == 0

    allowed = serving("--store", seed_store, "--quiet", "--allow-service")
    assert allowed.query(disguised_services(target)[0])[0] == 200
    assert Counting.hits > 0, "with --allow-service the same query reaches the target"


def test_a_writable_server_loads_no_url(serving, target):
    server = serving("--store", "memory:", "--writable", "-q")
    for update in (
        f"LOAD <{target}>",
        f"load silent <{target}> INTO GRAPH <urn:g>",
        f"INSERT DATA {{ <urn:a> <urn:b> <urn:c> }} ;\nLoAd<{target}>",
        f"INSERT {{ ?s ?p ?o }} WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}",
    ):
        status, _, body = server.update(update, server.token)
        assert status == 403 and b"refused" in body, update
    assert server.count() == 0 and Counting.hits == 0

    allowed = serving("--store", "memory:", "--writable", "-q", "--allow-load")
    allowed.update(f"LOAD SILENT <{target}>", allowed.token)
    assert Counting.hits > 0, "with --allow-load the same update reaches the target"


# ------------------------------------------------------------------- malformed requests (item 5)


def test_request_lengths_are_checked(served):
    def status(length: str | None, body: bytes = b"") -> bytes:
        head = "POST /query HTTP/1.0\r\nContent-Type: application/sparql-query\r\n"
        head += f"Content-Length: {length}\r\n" if length is not None else ""
        return raw(served.port, head.encode() + b"\r\n" + body).split(b"\r\n", 1)[0]

    assert status("-1", b"ASK {}") == b"HTTP/1.0 400 Bad Request"
    assert status("abc") == b"HTTP/1.0 400 Bad Request"
    assert status("1e3") == b"HTTP/1.0 400 Bad Request"
    assert status(None, b"ASK {}") == b"HTTP/1.0 411 Length Required"
    assert status(str(11 * 1024 * 1024)) == b"HTTP/1.0 413 Request Entity Too Large"
    assert status("6", b"ASK {}") == b"HTTP/1.0 200 OK"


# ------------------------------------------------------------------- time limits (item 6)


@pytest.fixture(scope="module")
def big_store(tmp_path_factory) -> str:
    """An on-disk store of 3,000 triples: small, but a cross product of it never ends."""
    location = tmp_path_factory.mktemp("big") / "store"
    store = ox.Store(str(location))
    graph = ox.NamedNode("https://w3id.org/kg-news/id/graph/doc/big")
    store.extend(
        ox.Quad(ox.NamedNode(f"urn:s{i}"), ox.NamedNode(f"urn:p{i % 7}"), ox.Literal(str(i)), graph)
        for i in range(3000)
    )
    store.flush()
    del store
    return str(location)


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def test_a_long_query_is_stopped_at_the_time_limit(serving, big_store):
    server = serving("--store", big_store, "--quiet", "--query-timeout", "2")
    started = time.monotonic()
    status, headers, body = server.query(ENDLESS)
    assert status == 503 and b"timed out after 2 s" in body
    assert time.monotonic() - started < 10
    assert headers["Access-Control-Allow-Origin"] == "*", "a browser tool can show why"
    time.sleep(0.5)
    assert server.children() == [], "the query still runs"
    before = cpu_seconds(server.process.pid)
    time.sleep(1)
    assert cpu_seconds(server.process.pid) - before < 0.3
    assert server.count() == 3000, "the server goes on answering"


def test_a_query_whose_client_hangs_up_is_stopped(serving, big_store):
    server = serving("--store", big_store, "--quiet", "--query-timeout", "120")
    request = f"GET /query?{urllib.parse.urlencode({'query': ENDLESS})} HTTP/1.0\r\n\r\n".encode()
    with socket.create_connection(("127.0.0.1", server.port)) as sock:
        sock.sendall(request)
        deadline = time.monotonic() + 30
        while not server.children() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert server.children(), "the query runs in a child process"
    deadline = time.monotonic() + 5
    while server.children() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert server.children() == [], "an abandoned query burns no more CPU"


def test_a_writable_disk_store_answers_at_the_time_limit_too(serving, tmp_path, big_store):
    """Writable on-disk stores cannot fork safely; the answer still comes at the time limit."""
    server = serving("--store", big_store, "--quiet", "--writable", "--query-timeout", "2")
    started = time.monotonic()
    status, _, body = server.query(ENDLESS)
    assert status == 503 and b"timed out" in body and time.monotonic() - started < 10
    assert server.query("ASK { ?s ?p ?o }")[0] == 200


def test_slow_and_silent_clients_are_dropped(serving):
    server = serving("--store", "memory:", "--quiet", "--socket-timeout", "1", "--max-connections", "3")
    started = time.monotonic()
    assert raw(server.port, b"", seconds=20) == b"", "a connection that sends nothing is closed"
    assert time.monotonic() - started < 5

    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", server.port), timeout=20) as sock:
        try:
            for byte in b"GET /query?query=ASK%7B%7D HTTP/1.0\r\nX-Slow: " + b"a" * 200:
                sock.sendall(bytes([byte]))
                time.sleep(0.1)
        except OSError:
            pass  # cut off while trickling
    assert time.monotonic() - started < 5, "a trickling client (slowloris) is cut off"

    idle = [socket.create_connection(("127.0.0.1", server.port)) for _ in range(3)]
    time.sleep(0.3)
    try:
        refused = raw(server.port, b"GET /query?query=ASK%7B%7D HTTP/1.0\r\n\r\n")
        assert refused.startswith(b"HTTP/1.0 503"), refused
        time.sleep(2)
        assert server.query("ASK {}")[0] == 200, "once the idle ones are dropped, it answers again"
    finally:
        for sock in idle:
            sock.close()


# ------------------------------------------------------------------- failures (item 12) and the log


class Hostile(BaseHTTPRequestHandler):
    """A SPARQL endpoint that fails with escape sequences in its error message."""

    def do_POST(self) -> None:
        body = "boom \x1b]0;owned\x07\x1b[2J \u202eevil".encode()
        self.send_response(500)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST

    def log_message(self, *args) -> None:
        pass


def test_a_failure_while_results_stream_is_an_http_error(serving, seed_store):
    server = serving("--store", seed_store, "--quiet", "--allow-service")
    dead = f"http://127.0.0.1:{free_port()}/sparql"
    status, headers, body = server.query(f"SELECT * WHERE {{ ?a kg:supports ?b SERVICE <{dead}> {{ ?s ?p ?o }} }}")
    assert status == 500 and kind(headers) == "text/plain"
    assert body.decode().startswith("query failed") and body.decode().count("\n") == 1


def test_nothing_reaches_the_terminal_raw(serving, seed_store):
    """Error messages and requests carry escape sequences and bidi overrides; the log shows them escaped."""
    site = ThreadingHTTPServer(("127.0.0.1", 0), Hostile)
    threading.Thread(target=site.serve_forever, daemon=True).start()
    try:
        server = serving("--store", seed_store, "--allow-service")
        hostile = f"http://127.0.0.1:{site.server_address[1]}/sparql"
        status, _, body = server.query(f"SELECT * WHERE {{ ?a kg:supports ?b SERVICE <{hostile}> {{ ?s ?p ?o }} }}")
        assert status == 500 and b"\x1b" not in body and "\u202e".encode() not in body
        request = b"GET /\x1b]0;owned\x07\xe2\x80\xae HTTP/1.0\r\nHost: evil\x1b[2J.example\r\n\r\n"
        assert raw(server.port, request).startswith(b"HTTP/1.0 403")
    finally:
        site.shutdown()
        site.server_close()
    log = server.stop()
    assert "boom" in log and "unknown Host" in log
    assert "\x1b" not in log and "\x07" not in log and "\u202e" not in log and "Traceback" not in log


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_ctrl_c_and_sigterm_stop_the_server_cleanly(serving, seed_store, sig):
    """Ctrl-C from a terminal, SIGTERM from kill, docker stop or systemd: the same clean stop, which closes the
    port and kills the queries still running."""
    server = serving("--store", seed_store, "--quiet")
    assert server.query("ASK { ?s ?p ?o }")[0] == 200
    server.process.send_signal(sig)
    assert server.process.wait(timeout=30) == 0
    log = server.stop()
    assert "kg: stopped" in log and "Traceback" not in log
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", server.port), timeout=5)
