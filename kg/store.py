"""Stage 6: where the graph is kept.

A store is chosen by a location string (``--store`` or ``KG_STORE``):

* a directory (default ``./.kg``): the embedded on-disk store;
* ``memory:``: the same engine in memory, for tests and notebooks;
* ``http://...`` or ``https://...``: any SPARQL 1.1 endpoint (Oxigraph server, Fuseki, Virtuoso,
  GraphDB, Neptune), spoken to over the SPARQL 1.1 Protocol.

Backends register in :data:`STORES` by URL scheme, the way rdflib registers store plugins, so a
new backend plugs in without touching callers. Every backend answers queries with pyoxigraph's
result objects (``QuerySolutions``, ``QueryBoolean``, or an iterable of ``Triple`` for CONSTRUCT), so
query, export, view and evaluation code never asks which backend it has.

The embedded backend is Oxigraph (pyoxigraph), chosen by benchmarks/stores.py: a RocksDB quad
store with a SPARQL 1.1 engine and transactional updates, 3 to 45 times faster than rdflib's
in-memory store at 100k statements, and it holds a million-statement graph that rdflib's store
cannot load in 16 GB.
"""

from __future__ import annotations

import base64
import contextlib
import errno
import math
import os
import re
import socket
import threading
import urllib.parse
import weakref
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Protocol

import pyoxigraph as ox

if TYPE_CHECKING:
    import urllib.request

from kg.errors import KgError
from kg.vocabulary import GRAPHS, ID, KG, ONTOLOGY_GRAPH, PREFIXES, ontology_turtle

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None

DEFAULT_LOCATION = ".kg"
#: Keeps ?g to kg's own graphs: a server may hold other data, and Virtuoso its system graphs.
OWN_GRAPHS = f'FILTER(STRSTARTS(STR(?g), "{GRAPHS}"))'

#: What a query returns, whatever the backend: solutions (SELECT), a boolean (ASK), or triples
#: (CONSTRUCT, DESCRIBE), which the embedded store streams.
Result = ox.QuerySolutions | ox.QueryBoolean | Iterable[ox.Triple]


class Store(Protocol):
    """What every backend offers: atomic SPARQL updates, SPARQL queries, whole-dataset dumps and loads."""

    location: str

    def update(self, sparql: str) -> None:
        """Apply one SPARQL update request; all its operations take effect together or not at all."""

    def query(self, sparql: str) -> Result:
        """Run a SPARQL query over the union of all graphs (prefixes of :data:`PREFIXES` predeclared)."""

    def dump(self, output: BinaryIO, format: ox.RdfFormat) -> None:
        """Write kg's whole graph to a binary stream: quad formats keep one graph per document,
        triple formats merge them."""

    def load(self, quads: Iterable[ox.Quad]) -> None:
        """Add many quads as fast as the backend can (restoring a dump; see :func:`load_file`)."""

    def flush(self) -> None:
        """Make a run of writes cheap to read: called once at the end of an ingest, load or remove."""


def location_from(location: str | os.PathLike | None) -> str:
    """The store location: the argument, else ``KG_STORE``, else ``./.kg``."""
    return str(location or os.environ.get("KG_STORE") or DEFAULT_LOCATION)


def shown(location: str) -> str:
    """A location fit to print: a URL without its password (even a malformed one)."""
    try:
        parts = urllib.parse.urlsplit(location)
        parts.port  # noqa: B018  (raises for a malformed port)
    except ValueError:
        return re.sub(r"(//[^/@:]*):[^/@]*@", r"\1:***@", location)
    if parts.scheme in ("http", "https") and parts.password is not None:
        host = parts.hostname or ""
        netloc = f"{parts.username}:***@{host}" + (f":{parts.port}" if parts.port else "")
        return urllib.parse.urlunsplit(parts._replace(netloc=netloc))
    return location


def _one_line(err: BaseException | str) -> str:
    return " ".join(str(err).split())


def _os_error(location: str, err: OSError, doing: str = "open") -> KgError:
    text = str(err)
    if err.errno == errno.ENOSPC or "No space left on device" in text:
        return KgError(f"cannot {doing} store {location}: the disk is full (no space left on device); free some space")
    if "lock" in text.lower():
        return KgError(f"store {location} is in use by another kg process (close it and try again)")
    return KgError(f"cannot {doing} store {location}: {err.strerror or text.split(':')[-1].strip() or text}")


_LOAD = re.compile(r"\bLOAD\s+(?:SILENT\s+)?<([^>]*)>", re.IGNORECASE)


def _update_error(location: str, sparql: str, err: OSError) -> KgError:
    """What went wrong in an update: the store (a full disk, a lock), else the LOAD it asked for."""
    store_error = _os_error(location, err, "write to")
    if "disk is full" in str(store_error) or "in use" in str(store_error):
        return store_error
    loads = _LOAD.findall(sparql)
    local = [iri for iri in loads if not iri.lower().startswith(("http://", "https://"))]
    if local:  # Oxigraph fetches over HTTP only, and said "invalid format" of a file: IRI
        return KgError(
            f"LOAD <{local[0]}>: the store loads only http(s) URLs; "
            "to add a file, use kg load FILE (a TriG or N-Quads dump)"
        )
    if loads:
        return KgError(f"LOAD failed: {_one_line(err)}")
    return store_error


#: On-disk stores this process has open for writing, by resolved path.
_WRITERS: weakref.WeakValueDictionary[str, OxigraphStore] = weakref.WeakValueDictionary()


def _share_lock(location: str, path: Path) -> int:
    """Hold a shared lock on the store's LOCK file for as long as a reader has it open.

    Oxigraph's read-only mode is undefined behaviour while another process writes. A writer
    (RocksDB) takes an exclusive fcntl lock on LOCK, so a shared lock here fails while one writes,
    and makes a writer that starts during a read fail cleanly with "in use"; readers share.
    """
    if str(path.resolve()) in _WRITERS:
        raise KgError(f"store {location} is open for writing in this process; query that store object instead")
    if fcntl is None:
        return -1  # Windows: no fcntl; RocksDB's own lock still guards writers
    try:
        fd = os.open(path / "LOCK", os.O_RDWR)
    except OSError:
        return -1  # no LOCK file (read-only media, a copied store): nothing can be writing it
    try:
        fcntl.lockf(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        raise KgError(f"store {location} is being written by another kg process (try again when it finishes)") from None
    return fd


class OxigraphStore:
    """The embedded store: on disk at a directory, or in memory."""

    def __init__(self, location: str, path: str | None, read_only: bool = False):
        self.location = location
        self.read_only = read_only
        try:
            if path is None:
                self._store = ox.Store()
            elif read_only:
                if not (Path(path) / "CURRENT").is_file():
                    raise KgError(f"no kg store at {path} (run 'kg ingest' first, or pass --store)")
                lock = _share_lock(location, Path(path))
                if lock >= 0:
                    weakref.finalize(self, os.close, lock)  # the lock lasts as long as this reader
                self._store = ox.Store.read_only(path)
            else:
                directory = Path(path)
                if directory.exists() and not directory.is_dir():
                    raise KgError(f"cannot open store {path}: it is a file, not a directory")
                if directory.is_dir() and any(directory.iterdir()) and not (directory / "CURRENT").is_file():
                    raise KgError(f"cannot open store {path}: the directory is not empty and holds no kg store")
                self._store = ox.Store(path)
                _WRITERS[str(directory.resolve())] = self
        except OSError as err:
            raise _os_error(location, err) from None

    def update(self, sparql: str) -> None:
        try:
            self._store.update(sparql, prefixes=PREFIXES)
        except SyntaxError as err:
            raise KgError(f"SPARQL update syntax error: {_one_line(err)}") from None
        except OSError as err:
            raise _update_error(self.location, sparql, err) from None

    def query(self, sparql: str) -> Result:
        try:
            result = self._store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True)
        except SyntaxError as err:
            raise KgError(f"SPARQL syntax error: {_one_line(err)}") from None
        except (OSError, RuntimeError, ValueError) as err:
            raise KgError(f"query failed: {_one_line(err)}") from None
        return result

    def dump(self, output: BinaryIO, format: ox.RdfFormat) -> None:
        if format.supports_datasets:
            self._store.dump(output, format=format, prefixes=PREFIXES)
        else:
            triples = self.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
            ox.serialize(triples, output, format=format, prefixes=PREFIXES)

    def flush(self) -> None:
        # Oxigraph writes transactions to memory tables and a write-ahead log, and to its sorted
        # tables only once the memory tables fill. Without this, every later command opens the store
        # by replaying the whole log: ASK {} took 7.2 s instead of 2.1 s after 1,500 articles
        # (benchmarks/first_query.py). A compaction (optimize) on top gained nothing there.
        # A flush that fails (a full disk) loses nothing: the writes are safe in the log, and the next
        # write reports the disk; failing here would call a complete ingest a failure.
        with contextlib.suppress(OSError):
            self._store.flush()

    def load(self, quads: Iterable[ox.Quad]) -> None:
        # Oxigraph's bulk loader: about six times the throughput of a transaction, but not atomic.
        # Quads are a set, so running an interrupted load again completes it. The loader writes
        # files that RocksDB has not merged; optimize() compacts them, without which every query
        # reads through all of them (benchmarks/stores.py at 17M quads: actor lookups 332 ms
        # instead of 36 ms, export 614 s instead of 148 s).
        try:
            self._store.bulk_extend(quads)
            self._store.flush()
            self._store.optimize()
        except OSError as err:
            raise _os_error(self.location, err, "write to") from None


def store_timeout() -> float:
    """Seconds a SPARQL endpoint has to answer one request in full: ``KG_STORE_TIMEOUT``, default 300."""
    text = os.environ.get("KG_STORE_TIMEOUT", "300")
    try:
        seconds = float(text)
    except ValueError:
        seconds = math.nan
    if not 0 < seconds < math.inf:
        raise KgError(f"KG_STORE_TIMEOUT must be a number of seconds above 0, not {text!r}")
    return seconds


def _url_parts(location: str) -> urllib.parse.SplitResult:
    """A store URL taken apart, or one clear error for one that is malformed."""
    try:
        parts = urllib.parse.urlsplit(location)
        parts.port  # noqa: B018  (raises for a port that is out of range or not a number)
    except ValueError as err:
        raise KgError(f"malformed store URL {shown(location)!r}: {err}") from None
    if not parts.hostname:
        raise KgError(f"malformed store URL {shown(location)!r}: no host (e.g. http://localhost:7878/query)")
    return parts


class _Deadline:
    """The time limit of one whole HTTP exchange: connecting, sending, and reading the answer.

    urllib's timeout bounds each socket operation only, so a server that sends a byte a second holds
    a client forever. The connections this opener makes register their sockets here; when time is
    up, a timer shuts them down, which ends whatever read is blocked on them, and :meth:`check` then
    tells a timeout from the error that the shut-down socket caused.
    """

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                _shut(sock)

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                _shut(sock)

    def check(self, url: str) -> None:
        if self.expired:
            raise KgError(f"SPARQL endpoint {url} did not answer within {self.seconds:g} s (KG_STORE_TIMEOUT)")

    def cancel(self) -> None:
        self._timer.cancel()

    def opener(self) -> urllib.request.OpenerDirector:
        import http.client  # (the HTTP client is imported by the commands that use a server, not by every one)
        import urllib.request

        deadline = self

        class Connection(http.client.HTTPConnection):
            def connect(self) -> None:
                super().connect()
                deadline.watch(self.sock)

        class SecureConnection(http.client.HTTPSConnection):
            def connect(self) -> None:
                super().connect()
                deadline.watch(self.sock)

        class Handler(urllib.request.HTTPHandler):
            def http_open(self, req):
                return self.do_open(Connection, req)

        class SecureHandler(urllib.request.HTTPSHandler):
            def https_open(self, req):
                return self.do_open(SecureConnection, req, context=self._context)

        return urllib.request.build_opener(Handler(), SecureHandler())


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


class RemoteStore:
    """A SPARQL 1.1 endpoint reached over HTTP: the graph lives in a server that scales past one laptop.

    ``location`` is the query URL. The update URL is ``KG_UPDATE_URL`` if set, else the query URL
    with a final ``/query`` replaced by ``/update`` (Oxigraph, Fuseki), else the query URL itself
    (Virtuoso, Neptune, Fuseki's ``/sparql``). Basic-auth credentials come from the URL
    (``http://user:pass@host/...``) or from ``KG_STORE_USER`` and ``KG_STORE_PASSWORD``; without them,
    a bearer token comes from ``KG_STORE_TOKEN`` (what a writable ``kg serve`` asks for; an environment
    variable rather than part of the URL, so it is neither printed nor kept in shell history).

    kg writes every document to its own named graph and queries without ``GRAPH``, so the server
    must answer queries over the union of its named graphs: Virtuoso, GraphDB and Neptune do by
    default; start Oxigraph with ``--union-default-graph`` and set ``tdb2:unionDefaultGraph`` in
    Fuseki. Each update is one HTTP request, which these servers apply as one transaction.
    """

    def __init__(
        self,
        location: str,
        read_only: bool = False,
        update_url: str | None = None,
        user: str | None = None,
        password: str | None = None,
        timeout: float | None = None,
    ):
        parts = _url_parts(location)
        netloc = parts.hostname or ""
        if parts.port:
            netloc += f":{parts.port}"
        self.query_url = urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))
        self.location = self.query_url  # never shows a password
        self.read_only = read_only
        self.update_url = update_url or os.environ.get("KG_UPDATE_URL") or _update_url_for(self.query_url)
        user = user or (urllib.parse.unquote(parts.username) if parts.username else os.environ.get("KG_STORE_USER"))
        password = password or (
            urllib.parse.unquote(parts.password) if parts.password else os.environ.get("KG_STORE_PASSWORD", "")
        )
        token = os.environ.get("KG_STORE_TOKEN")
        if user:
            self._auth = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
        else:
            self._auth = f"Bearer {token.strip()}" if token and token.strip() else None
        self.timeout = timeout or store_timeout()
        self._union_checked = False

    def _post(self, url: str, field: str, sparql: str, accept: str) -> tuple[str, bytes]:
        """One request, answered within KG_STORE_TIMEOUT: the answer's content type and body."""
        # The form-encoded POST of the SPARQL 1.1 Protocol: every server takes it, whereas a
        # direct application/sparql-query body hangs Virtuoso 7.2 until the timeout.
        import http.client
        import urllib.error
        import urllib.request

        body = urllib.parse.urlencode({field: _prologue() + sparql}).encode("utf-8")
        request = urllib.request.Request(url, data=body, method="POST")
        request.add_header("Content-Type", "application/x-www-form-urlencoded")
        request.add_header("Accept", accept)
        if self._auth:
            request.add_header("Authorization", self._auth)
        deadline = _Deadline(self.timeout)
        try:
            with deadline.opener().open(request, timeout=self.timeout) as response:
                kind, data = response.headers.get_content_type(), response.read()
            deadline.check(url)
            return kind, data
        except urllib.error.HTTPError as err:
            detail = _one_line(err.read(2000).decode("utf-8", "replace")) or err.reason
            deadline.check(url)
            if err.code in (401, 403):
                raise KgError(
                    f"SPARQL endpoint {url} refused access (HTTP {err.code}); give credentials in the URL or in "
                    f"KG_STORE_USER and KG_STORE_PASSWORD, or a token in KG_STORE_TOKEN (it said: {detail[:200]})"
                ) from None
            if err.code == 400:  # the protocol's answer to a malformed request
                raise KgError(f"SPARQL syntax error in the {field} ({url}): {detail[:300]}") from None
            raise KgError(f"SPARQL endpoint {url} answered HTTP {err.code}: {detail[:300]}") from None
        except (urllib.error.URLError, OSError, http.client.HTTPException) as err:
            deadline.check(url)
            reason = getattr(err, "reason", err)
            raise KgError(f"cannot reach SPARQL endpoint {url}: {_one_line(reason) or type(err).__name__}") from None
        finally:
            deadline.cancel()

    def update(self, sparql: str) -> None:
        if self.read_only:
            raise KgError(f"store {self.location} was opened read-only")
        self._post(self.update_url, "update", sparql, "*/*")

    def query(self, sparql: str) -> Result:
        if not self._union_checked:
            self._union_checked = True
            self._check_union_default_graph()
        return self._query(sparql)

    def _query(self, sparql: str) -> Result:
        # Ask for the one kind of answer the query form has: given a choice, Virtuoso answers
        # CONSTRUCT with a results table.
        form = query_form(sparql)
        graph = form in ("CONSTRUCT", "DESCRIBE")
        accept = "application/n-triples, text/turtle;q=0.9" if graph else "application/sparql-results+json"
        kind, data = self._post(self.query_url, "query", sparql, accept)
        try:
            if kind in ("application/n-triples", "text/turtle", "text/plain"):
                format = ox.RdfFormat.TURTLE if kind == "text/turtle" else ox.RdfFormat.N_TRIPLES
                return [q.triple for q in ox.parse(data, format=format)]  # parsed here: errors are caught here
            if kind in ("application/sparql-results+json", "application/json"):
                result = ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)
                if isinstance(result, ox.QuerySolutions):
                    # Parsed lazily: read it through once here, so that a truncated or malformed answer
                    # fails now, with this message, and not in whatever reads the rows later.
                    for _ in result:
                        pass
                    result = ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)
                if form == "ASK" and isinstance(result, ox.QuerySolutions):
                    # Virtuoso answers ASK with one row holding 1 or 0, not the protocol's boolean.
                    rows = [row[0] for row in result]
                    truth = bool(rows) and rows[0] is not None and rows[0].value in ("1", "true")
                    answer = b'{"head": {}, "boolean": %s}' % (b"true" if truth else b"false")
                    return ox.parse_query_results(answer, format=ox.QueryResultsFormat.JSON)
                return result
        except SyntaxError as err:
            raise KgError(f"SPARQL endpoint {self.query_url} sent a malformed answer: {_one_line(err)}") from None
        raise KgError(f"SPARQL endpoint {self.query_url} answered in an unexpected format: {kind}")

    def _check_union_default_graph(self) -> None:
        """Fail with advice, not with silently empty answers, when the server's default graph is not the union."""
        probe = f"""SELECT ?named ?union WHERE {{
          BIND(EXISTS {{ GRAPH <{ONTOLOGY_GRAPH}> {{ <{KG}attacks> ?p ?o }} }} AS ?named)
          BIND(EXISTS {{ <{KG}attacks> ?p ?o }} AS ?union) }}"""
        for row in self._query(probe):
            if row["named"].value == "true" and row["union"].value != "true":
                raise KgError(
                    f"SPARQL endpoint {self.query_url} does not query the union of its named graphs by default; "
                    "start Oxigraph with --union-default-graph, or set tdb2:unionDefaultGraph in Fuseki"
                )

    def dump(self, output: BinaryIO, format: ox.RdfFormat) -> None:
        if format.supports_datasets:
            rows = self._query(f"SELECT ?s ?p ?o ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {OWN_GRAPHS} }}")
            quads = (ox.Quad(r["s"], r["p"], r["o"], r["g"]) for r in rows)
            ox.serialize(quads, output, format=format, prefixes=PREFIXES)
        else:
            triples = self._query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {OWN_GRAPHS} }}")
            ox.serialize(triples, output, format=format, prefixes=PREFIXES)

    def flush(self) -> None:
        pass  # every update is its own request, which the server has made durable before answering

    def load(self, quads: Iterable[ox.Quad], batch: int = 50_000) -> None:
        # INSERT DATA batches: portable to every server (blank nodes skolemised by insert_data).
        chunk: list[ox.Quad] = []
        for quad in quads:
            chunk.append(quad)
            if len(chunk) >= batch:
                self.update(insert_data(chunk))
                chunk = []
        if chunk:
            self.update(insert_data(chunk))


_QUERY_FORM = re.compile(
    r"^(?:\s+|#[^\n]*|(?:PREFIX\s+[\w.-]*:\s*|BASE\s*)<[^>]*>)*(SELECT|CONSTRUCT|DESCRIBE|ASK)\b", re.IGNORECASE
)


def query_form(sparql: str) -> str:
    """SELECT, CONSTRUCT, DESCRIBE or ASK: the first keyword after the prologue (SELECT if unsure)."""
    found = _QUERY_FORM.match(sparql)
    return found.group(1).upper() if found else "SELECT"


def _update_url_for(query_url: str) -> str:
    parts = urllib.parse.urlsplit(query_url)
    if parts.path.endswith("/query"):
        return urllib.parse.urlunsplit(parts._replace(path=parts.path[: -len("query")] + "update"))
    return query_url


def _prologue() -> str:
    """Predeclared prefixes as SPARQL PREFIX declarations: servers cannot be told them any other way.
    All on one line ending in a space, so a server's error positions keep the user's line numbers."""
    return "".join(f"PREFIX {name}: <{iri}> " for name, iri in PREFIXES.items())


StoreFactory = Callable[[str, bool], Store]
#: The registry of backends: scheme -> factory(location, read_only). "" is the on-disk default.
STORES: dict[str, StoreFactory] = {}


def register_store(*schemes: str) -> Callable[[StoreFactory], StoreFactory]:
    """Decorator: add a backend for locations starting with ``scheme:``."""

    def add(factory: StoreFactory) -> StoreFactory:
        for scheme in schemes:
            STORES[scheme] = factory
        return factory

    return add


@register_store("memory")
def _memory(location: str, read_only: bool) -> Store:
    return OxigraphStore(location, None)


@register_store("")
def _disk(location: str, read_only: bool) -> Store:
    return OxigraphStore(location, location, read_only=read_only)


@register_store("http", "https")
def _remote(location: str, read_only: bool) -> Store:
    return RemoteStore(location, read_only=read_only)


def open_store(location: str | os.PathLike | None = None, read_only: bool = False) -> Store:
    """Open the store at a location (see module doc); read_only for query, export, view and serve."""
    location = location_from(location)
    scheme = location.split(":", 1)[0].lower() if ":" in location and not os.path.isabs(location) else ""
    if scheme and scheme not in STORES and len(scheme) > 1:  # one letter: a Windows drive
        known = ", ".join(f"{s}:" for s in STORES if s)
        raise KgError(f"unknown store type {scheme!r} in {location!r}; known: {known} or a directory path")
    factory = STORES.get(scheme, STORES[""])
    return factory(location, read_only)


#: Dump formats that ``load_file`` restores, by file extension.
LOAD_FORMATS = {".nq": ox.RdfFormat.N_QUADS, ".nquads": ox.RdfFormat.N_QUADS, ".trig": ox.RdfFormat.TRIG}


@dataclass(frozen=True)
class Dump:
    """A TriG or N-Quads file that has been read through once and found sound."""

    path: Path
    format: ox.RdfFormat
    quads: int
    graphs: frozenset[str]  #: the named graphs it holds

    def read(self, skip_graphs: frozenset[str] = frozenset()) -> Iterator[ox.Quad]:
        """Its quads again, streamed, without those of ``skip_graphs``."""
        for quad in ox.parse(path=str(self.path), format=self.format):
            if _graph_name(quad) not in skip_graphs:
                yield quad


def _graph_name(quad: ox.Quad) -> str:
    return getattr(quad.graph_name, "value", "")  # "" for the default graph


def read_dump(path: str | os.PathLike) -> Dump:
    """Check a dump from ``kg export --format trig|nquads`` by parsing it through once, before anything
    is written: a malformed file then loads nothing."""
    path = Path(path)
    format = LOAD_FORMATS.get(path.suffix.lower())
    if format is None:
        raise KgError(f"cannot load {path}: use a TriG (.trig) or N-Quads (.nq) file, as kg export writes")
    if not path.is_file():
        raise KgError(f"cannot read {path}: no such file")
    count, graphs = 0, set()
    try:
        for quad in ox.parse(path=str(path), format=format):
            count += 1
            graphs.add(_graph_name(quad))
    except SyntaxError as err:
        raise KgError(f"cannot load {path}: {_one_line(err)}") from None
    except OSError as err:
        raise KgError(f"cannot read {path}: {err.strerror or err}") from None
    except ValueError as err:  # not UTF-8
        raise KgError(f"cannot load {path}: {_one_line(err)}") from None
    return Dump(path, format, count, frozenset(graphs))


def load_file(path: str | os.PathLike, store: Store | str | None = None) -> tuple[Store, int]:
    """Add the quads of a TriG or N-Quads dump to a store (an open one, or a location, opened only once
    the file has proved sound) as they are; the store and the quad count.

    This is the raw bulk path (benchmarks/stores.py times it). ``kg load`` uses :func:`kg.pipeline.load`,
    which also replaces the documents the store already holds and recounts corroboration. The load
    is not one transaction, but quads are a set, so loading the same file again completes it.
    """
    dump = read_dump(path)
    if store is None or isinstance(store, str):
        store = open_store(store)
    store.load(dump.read())
    return store, dump.quads


#: Where blank nodes become IRIs (SPARQL 1.1 skolemisation) before they are written.
GENID = ID + ".well-known/genid/"


def skolemise(quads: Iterable[ox.Quad], names: dict[str, str] | None = None) -> Iterator[ox.Quad]:
    """The quads with every blank node replaced by a stable IRI under :data:`GENID`.

    Why: Virtuoso refuses blank nodes in INSERT DATA, and on every server a blank node is new
    in each request, so restoring a dump twice would duplicate its blank-node quads. A blank
    node is named by ``names`` when given (the ontology numbers its own, since a parser's
    labels are random), else by its label, which a dump from ``kg export`` keeps stable.
    """

    def iri(term):
        if not isinstance(term, ox.BlankNode):
            return term
        if names is None:
            return ox.NamedNode(GENID + term.value)
        return ox.NamedNode(names.setdefault(term.value, f"{GENID}ontology-{len(names) + 1}"))

    for q in quads:
        yield ox.Quad(iri(q.subject), q.predicate, iri(q.object), q.graph_name)


def insert_data(quads: Iterable[ox.Quad]) -> str:
    """One ``INSERT DATA`` operation for the quads, grouped by graph (blank nodes skolemised)."""
    by_graph: dict[str, list[str]] = {}
    for q in skolemise(quads):
        by_graph.setdefault(q.graph_name.value, []).append(f"{q.subject} {q.predicate} {q.object} .")
    body = "\n".join(f"GRAPH <{g}> {{\n" + "\n".join(dict.fromkeys(lines)) + "\n}" for g, lines in by_graph.items())
    return "INSERT DATA {\n" + body + "\n}" if body else ""


def ontology_update() -> str:
    """The update that (re)loads the ontology graph; every ingest runs it in its transaction."""
    quads = skolemise(ox.parse(ontology_turtle(), format=ox.RdfFormat.TURTLE), names={})
    lines = "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)
    return f"DROP SILENT GRAPH <{ONTOLOGY_GRAPH}> ;\nINSERT DATA {{ GRAPH <{ONTOLOGY_GRAPH}> {{\n{lines}\n}} }}"
