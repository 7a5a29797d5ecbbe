"""Stage 7d: the store as a SPARQL 1.1 Protocol endpoint, so other tools can query it.

YASGUI, notebooks (SPARQLWrapper, rdflib's SPARQLStore), Gephi's SPARQL plugin and kg itself
(``--store http://127.0.0.1:7878/query``) speak this protocol. Queries arrive by GET
(``?query=``), by POST of a form, or by POST of ``application/sparql-query``; the answer's format
follows the Accept header (SPARQL results JSON by default; XML, CSV, TSV; Turtle, N-Triples or
RDF/XML for CONSTRUCT and DESCRIBE). Updates are refused unless the server was started writable.

It binds to 127.0.0.1 by default: the graph holds whatever the articles said, and an endpoint on
every interface is a decision to take on purpose (``--host 0.0.0.0``).
"""

from __future__ import annotations

import html
import urllib.parse
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pyoxigraph as ox

from kg.errors import KgError
from kg.store import Store
from kg.vocabulary import PREFIXES

SOLUTION_TYPES = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}
MAX_REQUEST_BYTES = 10 * 1024 * 1024


def negotiate(accept: str | None, offered: dict[str, object]) -> str:
    """The offered media type the client prefers (highest q, then its order); the first offered if none."""
    choices: list[tuple[float, int, str]] = []
    for position, part in enumerate((accept or "").split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        q = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        for candidate in offered:
            if media == candidate or media in ("*/*", candidate.split("/")[0] + "/*"):
                choices.append((-q, position, candidate))
                break
    choices = [c for c in choices if c[0] < 0]
    return min(choices)[2] if choices else next(iter(offered))


def answer(result, accept: str | None) -> tuple[str, bytes]:
    """(media type, body) for a query result, in the format the client asked for."""
    if isinstance(result, (ox.QuerySolutions, ox.QueryBoolean)):
        media = negotiate(accept, SOLUTION_TYPES)
        return media, result.serialize(format=SOLUTION_TYPES[media])
    media = negotiate(accept, GRAPH_TYPES)
    return media, ox.serialize(result, format=GRAPH_TYPES[media], prefixes=PREFIXES)


class Handler(BaseHTTPRequestHandler):
    """One request: a query, an update, or the help page."""

    server: Server
    server_version = "kg-serve"

    def do_GET(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        params = urllib.parse.parse_qs(url.query)
        if url.path in ("/query", "/sparql") and "query" in params:
            self.run_query(params["query"][0])
        elif url.path == "/":
            self.send(HTTPStatus.OK, "text/html; charset=utf-8", self.server.help_page().encode("utf-8"))
        else:
            self.fail(HTTPStatus.NOT_FOUND, "not found: use /query?query=...")

    def do_POST(self) -> None:
        path = urllib.parse.urlsplit(self.path).path
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_REQUEST_BYTES:
            self.fail(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "request too large")
            return
        body = self.rfile.read(length).decode("utf-8", "replace")
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if kind == "application/x-www-form-urlencoded":
            form = urllib.parse.parse_qs(body)
            text, update = (form.get("query") or [None])[0], (form.get("update") or [None])[0]
        else:
            text = body if kind == "application/sparql-query" else None
            update = body if kind == "application/sparql-update" else None
        if path in ("/query", "/sparql") and text is not None:
            self.run_query(text)
        elif path in ("/update", "/sparql") and update is not None:
            self.run_update(update)
        else:
            self.fail(HTTPStatus.BAD_REQUEST, "send a query (or, to a writable server, an update)")

    def do_OPTIONS(self) -> None:  # CORS preflight, for browser clients such as YASGUI
        self.send(HTTPStatus.NO_CONTENT, "text/plain", b"")

    def run_query(self, text: str) -> None:
        try:
            media, body = answer(self.server.store.query(text), self.headers.get("Accept"))
        except KgError as err:
            self.fail(HTTPStatus.BAD_REQUEST, str(err))
            return
        self.send(HTTPStatus.OK, media, body)

    def run_update(self, text: str) -> None:
        if not self.server.writable:
            self.fail(HTTPStatus.FORBIDDEN, "this endpoint is read-only (start it with kg serve --writable)")
            return
        try:
            self.server.store.update(text)
        except KgError as err:
            self.fail(HTTPStatus.BAD_REQUEST, str(err))
            return
        self.send(HTTPStatus.NO_CONTENT, "text/plain", b"")

    def fail(self, status: HTTPStatus, message: str) -> None:
        self.send(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"))

    def send(self, status: HTTPStatus, media: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:
        if not self.server.quiet:
            super().log_message(format, *args)


class Server(ThreadingHTTPServer):
    """An HTTP server that answers SPARQL over one open store."""

    daemon_threads = True

    def __init__(self, store: Store, host: str, port: int, writable: bool = False, quiet: bool = False):
        self.store, self.writable, self.quiet = store, writable, quiet
        try:
            super().__init__((host, port), Handler)
        except OSError as err:
            raise KgError(f"cannot listen on {host}:{port}: {err.strerror or err}") from None

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"

    def help_page(self) -> str:
        location = html.escape(self.store.location)
        mode = "read-write" if self.writable else "read-only"
        return f"""<!doctype html><html><head><meta charset="utf-8"><title>kg SPARQL endpoint</title></head>
<body><h1>kg SPARQL endpoint</h1>
<p>Store: <code>{location}</code> ({mode}). Query URL: <code>{self.url}/query</code>
{"; update URL: <code>" + self.url + "/update</code>" if self.writable else ""}.
Prefixes kg:, actor:, doc:, rdf:, rdfs:, skos:, owl:, prov:, dcterms:, xsd: are predeclared.</p>
<form action="/query" method="post"><textarea name="query" rows="8" cols="90">
SELECT ?who ?whom (COUNT(*) AS ?n) WHERE {{ ?who kg:supports ?whom }} GROUP BY ?who ?whom ORDER BY DESC(?n)
</textarea><br><button type="submit">Run</button></form></body></html>"""


def serve(
    store: Store, host: str = "127.0.0.1", port: int = 7878, writable: bool = False, quiet: bool = False
) -> Server:
    """A server ready to run (``serve_forever``); the caller owns it."""
    return Server(store, host, port, writable=writable, quiet=quiet)
