"""Ingest on a Dask cluster: ``kg ingest --cluster tcp://HOST:8786``.

Parsing is nearly all of an ingest's time (benchmarks/ingest.py), so that is the stage a cluster takes
over; reading, the idempotence check and writing stay in the client, in :mod:`kg.pipeline`, unchanged:

1. the client reads the inputs and keeps what the store does not hold as it is (content hash, extractor
   fingerprint: :func:`kg.pipeline.changed_documents`), skipping and reporting what cannot be read;
2. it cuts those documents into partitions and submits one task per partition, a bounded number at a
   time; each worker runs :func:`extract_partition`, i.e. :func:`kg.pipeline.extract_many`, the very
   function a local ``kg ingest`` runs, and sends the quads back as N-Quads (ten times faster to move
   than pickled terms);
3. the client writes them as a local ingest does (:func:`kg.pipeline.write_batches`): batches of
   ``batch_size`` documents, one transaction each, in input order. In order, so that the store ends
   exactly as a local ``kg ingest`` of the same inputs leaves it (which label an actor keeps depends on
   which document was written first), and so that an interrupted run has stored a prefix of its input.

A worker that dies takes its running partition with it; the scheduler gives that task to another worker
(up to ``distributed.scheduler.allowed-failures`` times), and since nothing is written until a result
is back, no document is lost or half written. A task that raises is retried (:data:`RETRIES`).

With ``parts`` (``--parts DIR``), workers write their partitions' graphs as N-Quads part files to a
folder every worker and the client see, and the client bulk-loads them at the end (``kg load``'s path,
:meth:`kg.store.Store.load`), then commits each document by writing its content hash: a document
counts as stored (and is skipped by the next run) only once its hash is in, which is written last.

Dask rather than Ray: see the README (Ingest on a cluster) and benchmarks/cluster.py.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg import pipeline
from kg.documents import Document, Inputs, Skipped
from kg.errors import KgError
from kg.gazetteer import Actor
from kg.pipeline import (
    BATCH_DOCUMENTS,
    GRAPHS_PER_REQUEST,
    RECOUNT_ALL_FROM,
    Extracted,
    IngestReport,
    as_store,
    batched,
    changed_documents,
    extract_many,
    graph_relation_keys,
    recount_all,
    stored_graphs,
    stored_labels,
)
from kg.provenance import extractor_identity
from kg.rdf import actor_quads, corroboration_update, drop_graphs, graph_iri
from kg.store import Store, insert_data, ontology_update
from kg.vocabulary import KG

if TYPE_CHECKING:
    from distributed import Client

#: Documents per task. A task should run for seconds (spaCy parses about 25 articles/s per core), so that
#: the scheduler's few milliseconds per task vanish, and lose little when its worker dies.
PARTITION_DOCUMENTS = 2 * BATCH_DOCUMENTS
#: ...and at most this much text, so that a partition of long articles is no huge message.
PARTITION_CHARS = 4_000_000
#: Partitions in flight per worker thread: enough that no worker waits for the client, few enough that
#: the results held for in-order writing stay small.
IN_FLIGHT_PER_THREAD = 2
#: Times a task that raised is run again (a worker that dies is handled by the scheduler itself).
RETRIES = 2
#: Seconds to wait for the scheduler to answer.
CONNECT_TIMEOUT = 20
#: The quad that marks a document as stored (kg.pipeline.stored_hashes reads it): written last on the parts path.
CONTENT_HASH = KG + "contentHash"


@dataclass
class Packed:
    """A document's RDF as it travels from a worker: N-Quads bytes instead of term objects."""

    doc_id: str
    nquads: bytes
    actors: dict[str, Actor]
    sentences: int
    statements: int
    notes: list[str] = field(default_factory=list)
    events: int = 0

    @classmethod
    def pack(cls, item: Extracted) -> Packed:
        nquads = ox.serialize(item.quads, format=ox.RdfFormat.N_QUADS) if item.quads else b""
        return cls(item.doc_id, nquads, item.actors, item.sentences, item.statements, item.notes, item.events)

    def unpack(self) -> Extracted:
        quads = list(ox.parse(self.nquads, format=ox.RdfFormat.N_QUADS)) if self.nquads else []
        return Extracted(self.doc_id, quads, self.actors, self.sentences, self.statements, self.notes, self.events)


@dataclass
class PartitionResult:
    """What a worker sends back for one partition."""

    worker: str
    version: str  #: the extractor identity of the worker (kg.provenance), checked against the client's
    fingerprint: str
    documents: list[Packed]
    part: str | None = None  #: the part file written, on the parts path


def extract_partition(
    documents: list[Document],
    extractor: str = "rules",
    author: str | None = None,
    part: str | None = None,
) -> PartitionResult:
    """A partition of documents as RDF, on a worker: :func:`kg.pipeline.extract_many`, as ``kg ingest`` runs it.

    With ``part`` (a file path), the documents' graphs go to that N-Quads file, written whole or not at all
    (a temporary name, then a rename), and only each document's content hash comes back, for the client to
    write once the part is loaded.
    """
    identity = extractor_identity()
    try:
        from distributed import get_worker

        worker = get_worker().address
    except (ImportError, ValueError):  # called outside a worker (a test, a notebook)
        worker = "local"
    extracted = list(extract_many(documents, extractor=extractor, author=author))
    if part is not None:
        target = Path(part)
        temporary = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.tmp")
        with temporary.open("wb") as out:
            for item in extracted:
                ox.serialize([q for q in item.quads if q.predicate.value != CONTENT_HASH], out, ox.RdfFormat.N_QUADS)
        os.replace(temporary, target)
        for item in extracted:
            item.quads = [q for q in item.quads if q.predicate.value == CONTENT_HASH]
    return PartitionResult(worker, identity.version, identity.fingerprint, [Packed.pack(e) for e in extracted], part)


def partitions(documents: Iterable[Document], size: int, max_chars: int = PARTITION_CHARS) -> Iterator[list[Document]]:
    """Lists of up to ``size`` documents and about ``max_chars`` characters (one long article may exceed it)."""
    partition: list[Document] = []
    chars = 0
    for document in documents:
        if partition and chars + len(document.text) > max_chars:
            yield partition
            partition, chars = [], 0
        partition.append(document)
        chars += len(document.text)
        if len(partition) == size:
            yield partition
            partition, chars = [], 0
    if partition:
        yield partition


def connect(address: str) -> Client:
    """A client of the Dask scheduler at ``address`` (``tcp://host:8786``), or one clear error."""
    try:
        from distributed import Client
    except ImportError:
        raise KgError("kg ingest --cluster needs Dask: pip install 'kg[cluster]' (dask[distributed])") from None
    from distributed.comm import parse_address
    from distributed.comm.registry import get_backend

    try:  # before a Client exists: one made for a malformed address fails again, with a traceback, when collected
        scheme, location = parse_address(address)
        get_backend(scheme).get_address_host_port(location)
    except ValueError as err:
        raise KgError(f"not a Dask scheduler address: {address!r} ({err}); e.g. tcp://HOST:8786") from None
    try:
        return Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as err:
        raise KgError(f"cannot reach the Dask scheduler at {address}: {' '.join(str(err).split())}") from None


class ClusterParser:
    """The parsing stage of an ingest, run on a Dask cluster: documents in, their RDF out, in input order.

    A drop-in for :func:`kg.pipeline.extract_many` (``kg.pipeline.ingest(parse=...)``). ``on_parsed`` gets the
    number of documents parsed so far each time a task completes, before they are written (the progress bar).
    """

    def __init__(
        self,
        client: Client,
        extractor: str = "rules",
        author: str | None = None,
        partition_size: int = PARTITION_DOCUMENTS,
        parts: str | os.PathLike | None = None,
        on_parsed: Callable[[int], None] | None = None,
    ):
        self.client, self.extractor, self.author = client, extractor, author
        self.partition_size = partition_size
        self.parts_dir = Path(parts) if parts is not None else None
        self.on_parsed = on_parsed
        self.run = uuid.uuid4().hex[:12]  # task keys and part names of this run, apart from any other run's
        self.parts: list[Path] = []  #: part files written, in input order (parts path)
        self.parsed = 0
        self.identity = extractor_identity()

    def __call__(self, documents: Iterable[Document]) -> Iterator[Extracted]:
        from distributed import as_completed

        pending: dict[str, int] = {}  # future key -> partition number
        futures = []
        finished = as_completed(loop=self.client.loop)
        done: dict[int, PartitionResult] = {}
        written = 0  # partitions handed on, in order
        try:
            for number, partition in enumerate(partitions(documents, self.partition_size)):
                future = self.submit(number, partition)
                pending[future.key] = number
                futures.append(future)
                finished.add(future)
                while len(pending) >= self.in_flight():
                    self.collect(next(finished), pending, done)
                while written in done:  # hand on what is complete, in order, while the cluster works on
                    yield from self.unpack(done.pop(written))
                    written += 1
            for future in finished:
                self.collect(future, pending, done)
                while written in done:
                    yield from self.unpack(done.pop(written))
                    written += 1
        finally:
            self.client.cancel([f for f in futures if not f.done()])

    def submit(self, number: int, partition: list[Document]):
        part = None
        if self.parts_dir is not None:
            part = str(self.parts_dir / f"part-{self.run}-{number:06d}.nq")
        return self.client.submit(
            extract_partition,
            partition,
            self.extractor,
            self.author,
            part,
            key=f"kg-partition-{self.run}-{number:06d}",
            pure=False,
            retries=RETRIES,
        )

    def in_flight(self) -> int:
        """Partitions to keep submitted: a few per worker thread, re-read as workers come and go."""
        return max(2, IN_FLIGHT_PER_THREAD * sum(self.client.nthreads().values()))

    def collect(self, future, pending: dict[str, int], done: dict[int, PartitionResult]) -> None:
        number = pending.pop(future.key)
        try:
            result: PartitionResult = future.result()
        except Exception as err:  # the task's own error, or KilledWorker after too many lost workers
            why = " ".join(f"{type(err).__name__}: {err}".split())[:300]
            raise KgError(
                f"partition {number} failed on the cluster ({why}); "
                "the documents written before it are stored, each whole"
            ) from None
        if result.fingerprint != self.identity.fingerprint:
            raise KgError(
                f"worker {result.worker} runs another extractor ({result.version}; fingerprint "
                f"{result.fingerprint[:12]}) than this kg ({self.identity.version}; {self.identity.fingerprint[:12]}): "
                "install the same kg, model and data on every worker"
            )
        done[number] = result
        self.parsed += len(result.documents)
        if self.on_parsed:
            self.on_parsed(self.parsed)

    def unpack(self, result: PartitionResult) -> Iterator[Extracted]:
        if result.part is not None:
            self.parts.append(Path(result.part))
        for packed in result.documents:
            yield packed.unpack()


def ingest(
    paths: Iterable[str | os.PathLike] | Inputs,
    store: Store | str | None = None,
    scheduler: str = "tcp://127.0.0.1:8786",
    extractor: str = "rules",
    batch_size: int = BATCH_DOCUMENTS,
    partition_size: int = PARTITION_DOCUMENTS,
    strict: bool = False,
    on_write: Callable[[IngestReport], None] | None = None,
    on_skip: Callable[[Skipped], None] | None = None,
    on_parsed: Callable[[int], None] | None = None,
    author: str | None = None,
    parts: str | os.PathLike | None = None,
    client: Client | None = None,
) -> IngestReport:
    """:func:`kg.pipeline.ingest`, with the parsing done by the Dask cluster at ``scheduler`` (or ``client``).

    Same inputs, idempotence, skipped-input report and transactions as a local ingest, and the same quads in
    the store. ``parts``: a folder that every worker and this process see (shared storage); workers write
    N-Quads part files there, loaded in bulk at the end (see the module doc), and removed once committed.
    """
    own = client is None
    client = client or connect(scheduler)
    try:
        if parts is not None:
            Path(parts).mkdir(parents=True, exist_ok=True)
        parse = ClusterParser(client, extractor, author, partition_size, parts, on_parsed)
        if parts is None:
            return pipeline.ingest(
                paths, store, extractor, batch_size, strict=strict, on_write=on_write, on_skip=on_skip, parse=parse
            )
        return ingest_parts(paths, store, parse, batch_size, strict, on_write, on_skip)
    finally:
        if own:
            client.close()


def ingest_parts(
    paths: Iterable[str | os.PathLike] | Inputs,
    store: Store | str | None,
    parse: ClusterParser,
    batch_size: int = BATCH_DOCUMENTS,
    strict: bool = False,
    on_write: Callable[[IngestReport], None] | None = None,
    on_skip: Callable[[Skipped], None] | None = None,
) -> IngestReport:
    """The parts path: parse everything on the cluster into part files, then load them (:func:`load_parts`)."""
    from kg.actors_report import refresh_descriptions

    inputs = paths if isinstance(paths, Inputs) else Inputs(list(paths))
    store = as_store(store)
    refresh_descriptions(store)  # as kg.pipeline.ingest does: a user gazetteer's actors take its descriptions
    report = IngestReport()
    extracted = list(parse(changed_documents(inputs, store, report, batch_size, strict, on_skip)))
    load_parts(store, parse.parts, extracted, report, batch_size, on_write, on_skip)
    for part in parse.parts:
        part.unlink(missing_ok=True)
    return report


def load_parts(
    store: Store,
    parts: list[Path],
    extracted: list[Extracted],
    report: IngestReport,
    batch_size: int = BATCH_DOCUMENTS,
    on_write: Callable[[IngestReport], None] | None = None,
    on_skip: Callable[[Skipped], None] | None = None,
) -> None:
    """Bulk-load part files, then commit their documents, in an order that any interruption leaves mendable.

    1. the stored versions of these documents go (and what they reported is recounted), with any graph an
       interrupted earlier run left without its content hash;
    2. the part files are loaded at bulk speed (``kg load``'s path; not one transaction);
    3. corroboration is recounted from the loaded graphs (all of it for many documents, as kg load does);
    4. in batches of ``batch_size``, one transaction each and in input order as ingest writes them: the
       documents' actors (labels as ingest decides them) and content hashes, the mark that a document is stored.

    Until its hash is in, a document is not stored for the next run, which parses it again and replaces
    whatever part of it was loaded.
    """
    graphs = [graph_iri(e.doc_id) for e in extracted]
    many = len(extracted) > RECOUNT_ALL_FROM
    stale = stored_graphs(store, graphs)
    for group in batched(stale, GRAPHS_PER_REQUEST):
        recount = "" if many else corroboration_update(graph_relation_keys(store, group))
        store.update(" ;\n".join(op for op in (drop_graphs(group), recount) if op))
    store.load(chain.from_iterable(ox.parse(path=str(part), format=ox.RdfFormat.N_QUADS) for part in parts))
    if many:
        recount_all(store)
    else:
        for group in batched(graphs, GRAPHS_PER_REQUEST):
            store.update(corroboration_update(graph_relation_keys(store, group)))
    prelude = ontology_update()
    for group in batched(extracted, batch_size):
        actors: dict[str, Actor] = {}
        for item in group:
            actors.update(item.actors)
            report.sentences += item.sentences
            for note in item.notes:
                report.notes.append(f"{item.doc_id}: {note}")
                if on_skip:
                    on_skip(Skipped(item.doc_id, note))
        quads = [*actor_quads(actors.values(), known=stored_labels(store, actors))]
        quads += [quad for item in group for quad in item.quads]  # the content hashes
        store.update(" ;\n".join(op for op in (prelude, insert_data(quads)) if op))
        prelude = ""
        for item in group:
            getattr(report, report.replacing.pop(item.doc_id, "added")).append(item.doc_id)
            report.statements += item.statements
            report.events += item.events
            report.actors.update(item.actors)
        if on_write:
            on_write(report)
    store.flush()
