"""Stage 7d: the store as a SPARQL 1.1 Protocol endpoint, so other tools can query it.

YASGUI, notebooks (SPARQLWrapper, rdflib's SPARQLStore), Gephi's SPARQL plugin and kg itself
(``--store http://127.0.0.1:7878/query``) speak this protocol. Queries arrive by GET
(``?query=``), by POST of a form, or by POST of ``application/sparql-query``; the answer's format
follows the Accept header (SPARQL results JSON by default; XML, CSV, TSV; Turtle, N-Triples or
RDF/XML for CONSTRUCT and DESCRIBE).

What it protects, and why (the README's "Security" section says the same to users):

* It binds to 127.0.0.1 by default: the graph holds whatever the articles said, and an endpoint on
  every interface is a decision to take on purpose (``--host 0.0.0.0``).
* A web page the user visits can reach 127.0.0.1 too. Reads are meant to be open to browser tools
  (YASGUI), so queries carry CORS headers, but only when the Host header names this server:
  a page whose own name was rebound to 127.0.0.1 (DNS rebinding) is refused.
* Updates are refused unless the server was started writable, and then need a bearer token
  (random, printed at start, or given), come from the same origin or from no browser at all, and
  never get CORS headers: a page of another origin can neither send one with the token nor read
  the answer.
* SERVICE (and, for updates, LOAD) would make the server fetch any URL it is told to (SSRF); both are
  refused unless allowed.
* A query runs in a child process that is killed at the time limit or when its client goes away,
  since pyoxigraph cannot cancel a running query; requests must arrive within the socket timeout,
  and the number of connections is bounded.
"""

from __future__ import annotations

import contextlib
import hmac
import html
import io
import ipaddress
import math
import os
import re
import secrets
import selectors
import signal
import socket
import stat
import sys
import threading
import time
import unicodedata
import urllib.parse
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import NamedTuple

import pyoxigraph as ox

from kg.errors import KgError
from kg.store import OxigraphStore, Store
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
QUERY_TIMEOUT = 30.0  #: seconds a query may run
SOCKET_TIMEOUT = 30.0  #: seconds a client has to send its whole request
MAX_CONNECTIONS = 32  #: connections served at once; more are answered 503 at once
TEXT = "text/plain; charset=utf-8"
HELP_PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'"


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


def printable(text: str) -> str:
    """Text fit for a terminal: control and format characters (escape sequences that retitle or
    recolour it, right-to-left overrides) are shown as Python escapes instead of acting."""
    bad = ("Cc", "Cf", "Zl", "Zp")
    return "".join(ascii(c)[1:-1] if unicodedata.category(c) in bad else c for c in text)


def one_line(err: BaseException | str) -> str:
    return printable(" ".join(str(err).split()))


# ---------------------------------------------------------------- SERVICE and LOAD

#: What a SPARQL lexer skips: strings (long ones first, as the grammar and Oxigraph do; a short one
#: ends at a line break, where a real one would be a syntax error), comments, IRIs, and the
#: backslash escapes of prefixed names (``ex:a\#b`` holds no comment).
_SKIPPED = re.compile(
    "|".join(
        [
            r"(?P<long>'''(?:[^'\\]|\\.|'(?!''))*(?:'''|\Z)" + r'|"""(?:[^"\\]|\\.|"(?!""))*(?:"""|\Z))',
            r"(?P<short>'(?:[^'\\\n\r]|\\[^\n\r])*'?" + r'|"(?:[^"\\\n\r]|\\[^\n\r])*"?)',
            r"(?P<comment>#[^\n\r]*)",
            r'(?P<iri><(?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>)',
            r"(?P<escape>\\.)",
        ]
    ),
    re.DOTALL,
)


def _code(sparql: str) -> str:
    """The request with what a parser skips blanked out, so that keywords can be looked for.

    A ``<`` may open an IRI or be less-than (``FILTER(?a<1)SERVICE:x#>``): no lexer can tell
    without parsing. Blanking ``<...>`` is safe when it holds neither ``#`` nor ``'``, since a
    SERVICE keyword inside it would need a ``{`` before the ``>``. When it holds ``#``, what
    precedes the ``#`` may be code, and what follows it a comment to the end of the line (no long
    string may open there); when it holds ``'``, the rest of its line may be code or a string.
    Doubtful text is kept, so a keyword is found wherever a parser could see one; a query with a
    doubt that cannot be bounded is kept whole.
    """
    out: list[str] = []
    pos, doubtful_until = 0, -1
    while found := _SKIPPED.search(sparql, pos):
        out.append(sparql[pos : found.start()])
        kind, token = found.lastgroup, found.group()
        line_end = _line_end(sparql, found.start())
        if kind == "long" and found.start() < doubtful_until:
            return sparql
        if kind == "iri" and "'" in token:
            rest = sparql[found.start() : line_end]
            if "'''" in rest or '"""' in rest:
                return sparql
            out.append(rest)
            pos = line_end
            continue
        if kind == "iri" and "#" in token:
            head = token.split("#", 1)[0]
            out.append(head + " " * (len(token) - len(head)))
            doubtful_until = line_end
        elif kind == "escape":
            out.append("__")  # part of a prefixed name's local part
        else:
            out.append(" " * len(token))
        pos = found.end()
    out.append(sparql[pos:])
    return "".join(out)


def _line_end(text: str, pos: int) -> int:
    ends = [i for i in (text.find("\n", pos), text.find("\r", pos)) if i >= 0]
    return min(ends) if ends else len(text)


def uses_keyword(sparql: str, keyword: str) -> bool:
    """Whether a SPARQL request may use a keyword (SERVICE, LOAD) outside strings, IRIs and comments.

    Errs towards yes. Oxigraph reads a keyword glued to what surrounds it (``1SERVICE<x>{}``,
    ``SERVICESILENT``, ``SERVICE:x``), so any word that contains it counts, except a variable
    (``?service``) and the local part of a prefixed name (``ex:service``), which a parser reads whole.
    """
    code, keyword = _code(sparql), keyword.upper()
    for word in re.finditer(r"\w+", code):
        if keyword in word.group().upper() and (word.start() == 0 or code[word.start() - 1] not in "?$:"):
            return True
    return False


def refusal(sparql: str, update: bool, allow_service: bool = False, allow_load: bool = False) -> str | None:
    """Why a request is refused (a SERVICE or LOAD this server was not allowed to run), or None."""
    if not allow_service and uses_keyword(sparql, "SERVICE"):
        return "SERVICE refused: this endpoint does not query other endpoints (kg serve --allow-service)"
    if update and not allow_load and uses_keyword(sparql, "LOAD"):
        return "LOAD refused: this endpoint does not fetch URLs (kg serve --allow-load)"
    return None


# ---------------------------------------------------------------- queries with a time limit


class Reply(NamedTuple):
    status: int
    media: str
    body: bytes


def text_reply(status: int, message: str) -> Reply:
    return Reply(status, TEXT, (printable(message) + "\n").encode("utf-8"))


def evaluate(store: Store, sparql: str, accept: str | None) -> Reply:
    """A query's whole answer, serialised; never raises, since a store evaluates lazily and may fail
    while its results are read (a SERVICE target down, a remote answer cut short), which must still
    be an HTTP error, not an empty reply."""
    try:
        result = store.query(sparql)
    except KgError as err:
        return text_reply(HTTPStatus.BAD_REQUEST, str(err))
    except Exception as err:
        return text_reply(HTTPStatus.INTERNAL_SERVER_ERROR, f"query failed: {one_line(err)}")
    try:
        media, body = answer(result, accept)
    except Exception as err:
        message = f"query failed while its results were read: {one_line(err)}"
        return text_reply(HTTPStatus.INTERNAL_SERVER_ERROR, message)
    return Reply(HTTPStatus.OK, media, body)


class QueryRunner:
    """Runs queries with a time limit, stopping those that run over it or whose client left.

    pyoxigraph 0.5 cannot cancel a running query (its Rust API has a cancellation token, the Python
    one does not: oxigraph issue #1926), so each query runs in a child forked from the server,
    which sees the store as it is and is killed when time is up: the CPU it used stops at once.
    Forking is unsafe in one case: an on-disk store open for writing, whose RocksDB background
    threads may hold locks at the fork (measured: 15 of 200 children hung under concurrent writes).
    There a query runs in a thread, the client still gets its answer at the time limit, and the
    query runs on to its end, holding one of the limited query slots meanwhile.
    """

    def __init__(self, store: Store, timeout: float, forking: bool, slots: int):
        self.store, self.timeout, self.forking = store, timeout, forking
        self.slots = threading.BoundedSemaphore(slots)
        self.write_lock = threading.Lock()  # no fork while an update runs in this process
        self.children: set[int] = set()

    def update(self, sparql: str) -> None:
        with self.write_lock:
            self.store.update(sparql)

    def query(self, sparql: str, accept: str | None, client: socket.socket | None = None) -> Reply | None:
        """The answer; None when the client went away before it (it is then not worth sending)."""
        deadline = time.monotonic() + self.timeout
        if not self.slots.acquire(timeout=self.timeout):
            return text_reply(HTTPStatus.SERVICE_UNAVAILABLE, "server busy: too many queries running; try again")
        if not self.forking:
            return self._in_thread(sparql, accept, deadline)
        try:
            return self._in_child(sparql, accept, deadline, client)
        finally:
            self.slots.release()

    def timed_out(self) -> Reply:
        return text_reply(
            HTTPStatus.SERVICE_UNAVAILABLE, f"query timed out after {self.timeout:g} s (kg serve --query-timeout)"
        )

    def _in_thread(self, sparql: str, accept: str | None, deadline: float) -> Reply:
        done, box = threading.Event(), []

        def work() -> None:
            try:
                box.append(evaluate(self.store, sparql, accept))
            finally:
                self.slots.release()
                done.set()

        threading.Thread(target=work, name="kg-query", daemon=True).start()
        return box[0] if done.wait(max(0.0, deadline - time.monotonic())) else self.timed_out()

    def _in_child(self, sparql: str, accept: str | None, deadline: float, client: socket.socket | None) -> Reply | None:
        with self.write_lock:  # also keeps other forks from inheriting this pipe's write end
            read_end, write_end = os.pipe()
            pid = os.fork()
            if pid == 0:  # pragma: no cover (the child; coverage does not follow it)
                self._child(write_end, sparql, accept)
            os.close(write_end)
        self.children.add(pid)
        data, stopped = None, None
        try:
            data, stopped = _read_all(read_end, deadline, client)
        finally:
            os.close(read_end)
            if data is None:
                _kill(pid)
            os.waitpid(pid, 0)
            self.children.discard(pid)
        if stopped == "client":
            return None
        if data is None:
            return self.timed_out()
        head, _, body = data.partition(b"\n")
        status, _, media = head.decode("ascii", "replace").partition(" ")
        if not status.isdigit() or not media:
            return text_reply(HTTPStatus.INTERNAL_SERVER_ERROR, "query failed: its worker process stopped")
        return Reply(int(status), media, body)

    def _child(self, out: int, sparql: str, accept: str | None) -> None:
        try:
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            signal.signal(signal.SIGTERM, signal.SIG_DFL)  # kg serve's clean stop is the server's, not a query's
            signal.alarm(math.ceil(self.timeout) + 2)  # dies even if the server is gone (SIGALRM's default)
            _close_sockets()
            reply = evaluate(self.store, sparql, accept)
            data = f"{int(reply.status)} {reply.media}\n".encode("ascii") + reply.body
            view = memoryview(data)
            while view:
                view = view[os.write(out, view) :]
        finally:
            os._exit(0)

    def stop(self) -> None:
        """Kill the queries still running (the server is closing)."""
        for pid in list(self.children):
            _kill(pid)


def _read_all(fd: int, deadline: float, client: socket.socket | None) -> tuple[bytes | None, str | None]:
    """All a child writes, or (None, "time") at the deadline, or (None, "client") when the client hung up."""
    chunks: list[bytes] = []
    with selectors.DefaultSelector() as selector:
        selector.register(fd, selectors.EVENT_READ)
        if client is not None:
            selector.register(client, selectors.EVENT_READ)
        while (left := deadline - time.monotonic()) > 0:
            for key, _ in selector.select(left):
                if key.fileobj is client:
                    try:
                        gone = not client.recv(1, socket.MSG_PEEK)
                    except OSError:
                        gone = True
                    if gone:
                        return None, "client"
                    selector.unregister(client)  # it sent more: not a hang-up, stop watching
                else:
                    chunk = os.read(fd, 1 << 16)
                    if not chunk:
                        return b"".join(chunks), None
                    chunks.append(chunk)
    return None, "time"


def _kill(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)


def _close_sockets() -> None:
    """In a query's child: let go of the server's sockets, so a closed connection or port is closed
    at once, not when the child ends."""
    try:
        fds = [int(name) for name in os.listdir("/proc/self/fd")]
    except OSError:
        return  # no /proc (macOS): the child is short-lived anyway
    for fd in fds:
        try:
            if stat.S_ISSOCK(os.fstat(fd).st_mode):
                os.close(fd)
        except OSError:
            pass


# ---------------------------------------------------------------- HTTP


class _DeadlineReader(socket.SocketIO):
    """A connection's reads, all within one deadline: a client that trickles a byte at a time
    (slowloris) is cut off as surely as one that sends nothing."""

    def __init__(self, sock: socket.socket, deadline: float):
        super().__init__(sock, "rb")
        self.deadline = deadline

    def readinto(self, buffer) -> int | None:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("the request did not arrive in time")
        self._sock.settimeout(left)
        return super().readinto(buffer)


class Handler(BaseHTTPRequestHandler):
    """One request: a query, an update, or the help page."""

    server: Server
    server_version = "kg-serve"
    cors = False  #: whether the answer carries CORS headers (reads only)
    reason = ""  #: why a request failed, for the log

    def setup(self) -> None:
        self.timeout = self.server.socket_timeout
        super().setup()
        self.rfile.close()
        deadline = time.monotonic() + self.server.socket_timeout
        self.rfile = io.BufferedReader(_DeadlineReader(self.connection, deadline))

    def do_GET(self) -> None:
        if not self.host_is_ours():
            return
        url = urllib.parse.urlsplit(self.path)
        params = urllib.parse.parse_qs(url.query)
        if url.path in ("/query", "/sparql") and "query" in params:
            self.cors = True
            self.run_query(params["query"][0])
        elif url.path == "/":
            self.send(HTTPStatus.OK, "text/html; charset=utf-8", self.server.help_page().encode("utf-8"))
        else:
            self.fail(HTTPStatus.NOT_FOUND, "not found: use /query?query=...")

    def do_POST(self) -> None:
        if not self.host_is_ours():
            return
        path = urllib.parse.urlsplit(self.path).path
        body = self.read_body()
        if body is None:
            return
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if kind == "application/x-www-form-urlencoded":
            form = urllib.parse.parse_qs(body)
            text, update = (form.get("query") or [None])[0], (form.get("update") or [None])[0]
        else:
            text = body if kind == "application/sparql-query" else None
            update = body if kind == "application/sparql-update" else None
        if path in ("/update", "/sparql") and update is not None:
            self.run_update(update)
        elif path in ("/query", "/sparql") and text is not None:
            self.cors = True
            self.run_query(text)
        else:
            self.fail(HTTPStatus.BAD_REQUEST, "send a query (or, to a writable server, an update)")

    def do_OPTIONS(self) -> None:
        """CORS preflight, for browser tools such as YASGUI: granted for queries, never for updates
        (a token-carrying Authorization header is not among the allowed ones)."""
        if not self.host_is_ours():
            return
        if urllib.parse.urlsplit(self.path).path in ("/query", "/sparql"):
            self.cors = True
            allow = {"Access-Control-Allow-Methods": "GET, POST", "Access-Control-Max-Age": "600"}
            self.send(HTTPStatus.NO_CONTENT, TEXT, b"", allow)
        else:
            self.send(HTTPStatus.NO_CONTENT, TEXT, b"")

    def host_is_ours(self) -> bool:
        """Whether the Host header names this server; if not, the request is refused (403, not 421,
        which Chromium turns into a network error instead of showing the reason).

        A web page whose name was rebound to 127.0.0.1 (DNS rebinding) is, to the browser, of the
        same origin as this server and could read its answers; its requests carry that name. An IP
        address cannot be rebound, so any is accepted (the server may listen on several); names are
        localhost and the one given to --host. No Host at all is not a browser.
        """
        hosts = self.headers.get_all("Host") or []
        name = _host_name(hosts[0]) if len(hosts) == 1 else None
        if not hosts or name in self.server.names or _is_address(name):
            return True
        self.fail(HTTPStatus.FORBIDDEN, f"unknown Host {hosts[0]!r} (only {self.server.url} is served here)")
        return False

    def same_origin(self) -> bool:
        """Whether a write comes from a page of this server, or from no browser at all.

        Browsers send Origin (or at least Referer) with every POST, a form's included; a foreign
        one means another site's page is trying to write.
        """
        origin = self.headers.get("Origin") or self.headers.get("Referer")
        if origin is None:
            return True
        parts = urllib.parse.urlsplit(origin)
        return parts.scheme == "http" and parts.netloc.lower() == (self.headers.get("Host") or "").lower()

    def authorised(self) -> bool:
        scheme, _, given = (self.headers.get("Authorization") or "").strip().partition(" ")
        token = self.server.token or ""
        if not token or scheme.lower() != "bearer":
            return False
        return hmac.compare_digest(given.strip().encode(), token.encode())

    def read_body(self) -> str | None:
        """The request body, or None once a missing (411), malformed (400) or too large (413) length is answered."""
        lengths = self.headers.get_all("Content-Length") or []
        if self.headers.get("Transfer-Encoding") or not lengths:
            self.fail(HTTPStatus.LENGTH_REQUIRED, "a POST needs a Content-Length (chunked bodies are not accepted)")
            return None
        if len({v.strip() for v in lengths}) != 1 or not re.fullmatch(r"[0-9]{1,15}", lengths[0].strip()):
            self.fail(HTTPStatus.BAD_REQUEST, "bad Content-Length: it must be one number of bytes")
            return None
        length = int(lengths[0])
        if length > MAX_REQUEST_BYTES:
            self.fail(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"request too large (over {MAX_REQUEST_BYTES:,} bytes)")
            return None
        body = self.rfile.read(length)
        if len(body) < length:
            self.fail(HTTPStatus.BAD_REQUEST, "the request body is shorter than its Content-Length")
            return None
        return body.decode("utf-8", "replace")

    def run_query(self, text: str) -> None:
        reason = refusal(text, update=False, allow_service=self.server.allow_service)
        if reason:
            self.fail(HTTPStatus.FORBIDDEN, reason)
            return
        reply = self.server.runner.query(text, self.headers.get("Accept"), self.connection)
        if reply is None:
            self.close_connection = True
            self.log_message("client went away; its query was stopped")
            return
        if reply.status >= 400:
            self.reason = reply.body.decode("utf-8", "replace").strip()
        self.send(reply.status, reply.media, reply.body)

    def run_update(self, text: str) -> None:
        server = self.server
        if not server.writable:
            self.fail(HTTPStatus.FORBIDDEN, "this endpoint is read-only (start it with kg serve --writable)")
        elif not self.same_origin():
            self.fail(HTTPStatus.FORBIDDEN, "update refused: it comes from a web page of another origin")
        elif not self.authorised():
            message = "update refused: it needs the header 'Authorization: Bearer <token>' (printed by kg serve)"
            self.fail(HTTPStatus.UNAUTHORIZED, message, {"WWW-Authenticate": 'Bearer realm="kg"'})
        elif reason := refusal(text, update=True, allow_service=server.allow_service, allow_load=server.allow_load):
            self.fail(HTTPStatus.FORBIDDEN, reason)
        else:
            try:
                server.runner.update(text)
            except KgError as err:
                self.fail(HTTPStatus.BAD_REQUEST, str(err))
                return
            self.send(HTTPStatus.NO_CONTENT, TEXT, b"")

    def fail(self, status: HTTPStatus, message: str, headers: dict[str, str] | None = None) -> None:
        self.reason = printable(message)
        self.send(status, TEXT, (self.reason + "\n").encode("utf-8"), headers)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Malformed requests too get a plain-text answer, like every other error."""
        self.close_connection = True
        self.fail(HTTPStatus(code), message or HTTPStatus(code).phrase)

    def send(self, status: HTTPStatus | int, media: str, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.connection.settimeout(self.server.socket_timeout)  # the reading deadline is over
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        # The help page may only post its form here; any other answer opened in a tab is shown, never run.
        html_page = media.startswith("text/html")
        self.send_header("Content-Security-Policy", HELP_PAGE_POLICY if html_page else "default-src 'none'; sandbox")
        if self.cors:
            self.send_header("Access-Control-Allow-Origin", "*")
            self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        code = code.value if isinstance(code, HTTPStatus) else code
        self.log_message('"%s" %s %s%s', self.requestline, code, size, f" - {self.reason}" if self.reason else "")

    def log_message(self, format: str, *args) -> None:
        if not self.server.quiet:
            line = printable(format % args)
            sys.stderr.write(f"{self.address_string()} - - [{self.log_date_time_string()}] {line}\n")


def _host_name(host: str) -> str | None:
    try:
        name = urllib.parse.urlsplit("//" + host.strip()).hostname
    except ValueError:
        return None
    return name.rstrip(".") if name else None


def _is_address(name: str | None) -> bool:
    try:
        ipaddress.ip_address(name or "")
    except ValueError:
        return False
    return True


class Server(ThreadingHTTPServer):
    """An HTTP server that answers SPARQL over one open store."""

    daemon_threads = True
    request_queue_size = 64

    def __init__(
        self,
        store: Store,
        host: str,
        port: int,
        writable: bool = False,
        quiet: bool = False,
        *,
        token: str | None = None,
        allow_service: bool = False,
        allow_load: bool = False,
        query_timeout: float = QUERY_TIMEOUT,
        socket_timeout: float = SOCKET_TIMEOUT,
        max_connections: int = MAX_CONNECTIONS,
    ):
        self.store, self.writable, self.quiet = store, writable, quiet
        self.allow_service, self.allow_load, self.socket_timeout = allow_service, allow_load, socket_timeout
        if writable and token is not None and not re.fullmatch(r"[!-~]{16,}", token):
            raise KgError("the token (--token, KG_SERVE_TOKEN) must be 16 or more ASCII characters without spaces")
        #: Updates need it: given, or made up here and printed by kg serve (never for a read-only server).
        self.token = (token or secrets.token_urlsafe(24)) if writable else None
        self.names = {"localhost", host.strip("[]").lower().rstrip(".")}
        # Forking while another thread writes can leave the child holding a lock it never gets back (seen with a
        # writable disk store, and once with a writable memory store under load): only stores nobody writes fork.
        writer = isinstance(store, OxigraphStore) and not store.read_only
        forking = hasattr(os, "fork") and not writer
        self.runner = QueryRunner(store, query_timeout, forking, slots=max(2, os.cpu_count() or 2))
        self._connections = threading.BoundedSemaphore(max_connections)
        try:
            super().__init__((host, port), Handler)
        except OSError as err:
            raise KgError(f"cannot listen on {host}:{port}: {err.strerror or err}") from None

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"

    def process_request(self, request, client_address) -> None:
        """Serve the connection in a thread of its own, unless too many are open: then say so at once."""
        if not self._connections.acquire(blocking=False):
            body = b"too many connections; try again\n"
            head = f"HTTP/1.0 503 Service Unavailable\r\nContent-Type: {TEXT}\r\nContent-Length: {len(body)}\r\n"
            try:
                request.settimeout(1)
                request.sendall(head.encode("ascii") + b"Retry-After: 1\r\nConnection: close\r\n\r\n" + body)
            except OSError:
                pass
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._connections.release()
            raise

    def process_request_thread(self, request, client_address) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._connections.release()

    def handle_error(self, request, client_address) -> None:
        """One line, never a traceback, for what went wrong with one connection."""
        if not self.quiet:
            sys.stderr.write(f"kg: error while answering {client_address[0]}: {one_line(sys.exc_info()[1] or '')}\n")

    def server_close(self) -> None:
        super().server_close()
        self.runner.stop()

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
    store: Store, host: str = "127.0.0.1", port: int = 7878, writable: bool = False, quiet: bool = False, **options
) -> Server:
    """A server ready to run (``serve_forever``); the caller owns it. ``options`` are those of
    :class:`Server`: token, allow_service, allow_load, query_timeout, socket_timeout, max_connections."""
    return Server(store, host, port, writable=writable, quiet=quiet, **options)
