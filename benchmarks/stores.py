"""Store benchmark: kg's default store (Oxigraph on disk) beside rdflib's in-memory store and a SPARQL server
(Oxigraph server), in one run.

A realistic graph is generated with kg's own RDF code (kg.rdf: document graphs with reified
statements, evidence sentences, actors, materialised corroboration), at each size asked for, and
written once to N-Quads part files (``--parts``). Each store then runs in its own process (so peak memory is its
own):

* load: the N-Quads file into the store (Oxigraph: ``kg load``'s bulk path; rdflib: ``parse``);
* on-disk size (Oxigraph) and peak resident memory (both);
* p50/p95 latency of typical lookups and aggregations, with corroboration counts both ways:
  materialised (what ingest maintains) and aggregated on the fly (what it replaces);
* export of the whole graph to Turtle (kg export's code path);
* for Oxigraph, also the transactional write path that ``kg ingest`` uses (batches of documents,
  one SPARQL update each, with corroboration recount), on the first 20,000 statements;
* with ``--backends ...,server``: an Oxigraph server (PyPI ``oxigraph``) whose own bulk loader
  (``oxigraph load``, the part files in parallel) loads the parts, then ``oxigraph serve
  --union-default-graph``, queried and exported through kg's SPARQL 1.1 Protocol client (kg.store.RemoteStore),
  and kg ingest's write path through the endpoint. Its peak memory is the server process's.

    python benchmarks/stores.py                       # 100k and 1M statements
    python benchmarks/stores.py --sizes 100000 --rdflib-max 100000
    nice -n 19 python benchmarks/stores.py --sizes 1000000,3000000 --backends disk,server --parts 8

Targets (issue 4) at 1M statements: load >= 150k triples/s, lookups < 10 ms p50, aggregations
< 1 s p50 (< 100 ms where a materialised count serves), export to Turtle < 60 s.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import os
import random
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.documents import Document
from kg.gazetteer import Actor, default_gazetteer
from kg.pipeline import corroboration_quads as pipeline_corroboration_quads
from kg.rdf import actor_iri, actor_quads, document_quads
from kg.statements import SOURCE, Extraction, Statement
from kg.vocabulary import CORROBORATION_GRAPH, KG, ONTOLOGY_GRAPH, PREFIXES, ontology_turtle, relations

STATEMENTS_PER_DOCUMENT = 6
FACTUALITY = (["actual"] * 8) + ["potential", "negated"]


@dataclass(frozen=True)
class FakeSentence:
    """What kg.rdf reads of a sentence: its text and position."""

    text: str
    index: int


def actors(n: int, rng: random.Random) -> list[Actor]:
    """The real gazetteer's actors, then invented persons and groups up to ``n``."""
    found = list(default_gazetteer().by_id.values())
    kinds = ["Person", "ArmedGroup", "PoliticalOrganization", "GovernmentBody"]
    for i in range(max(0, n - len(found))):
        kind = rng.choice(kinds)
        found.append(Actor(id=f"synthetic-{i}", label=f"Synthetic {kind} {i}", type=kind, source="benchmark"))
    return found[:n] if n < len(found) else found


def generate(statements: int, path: Path, seed: int = 7, parts: int = 1) -> dict:
    """Write a graph of about ``statements`` statements to N-Quads, in ``parts`` files of whole documents (the
    last also holds the ontology, actors and corroboration); what queries need to know of it."""
    rng = random.Random(seed)
    cast = actors(max(2000, statements // 50), rng)
    # Zipf: a few actors are everywhere. Cumulative weights once, not per draw (O(actors) each).
    cumulative = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(cast))))
    names = list(relations())
    relation_weights = [5 if r in ("attacks", "supports", "fights", "accuses", "cooperatesWith") else 1 for r in names]
    keys: dict[tuple[str, str, str], list[int]] = {}
    quad_count = 0
    paths = [path] if parts == 1 else [path.with_name(f"{path.stem}-{k:03d}{path.suffix}") for k in range(parts)]
    documents = -(-statements // STATEMENTS_PER_DOCUMENT)
    out = paths[0].open("wb")
    try:
        for start in range(0, statements, STATEMENTS_PER_DOCUMENT):
            doc_number = start // STATEMENTS_PER_DOCUMENT
            if doc_number and doc_number * parts // documents != (doc_number - 1) * parts // documents:
                out.close()
                out = paths[doc_number * parts // documents].open("wb")
            year = 2014 + doc_number % 12
            document = Document(
                doc_id=f"article-{doc_number:07d}",
                text=f"article {doc_number}",
                title=f"Report {doc_number}",
                source=f"https://news.example/{doc_number}",
                date=f"{year}-{1 + doc_number % 12:02d}-{1 + doc_number % 28:02d}",
            )
            extraction = Extraction()
            for i in range(min(STATEMENTS_PER_DOCUMENT, statements - start)):
                subject, obj = rng.choices(cast, cum_weights=cumulative, k=2)
                if subject.id == obj.id:
                    continue
                attribution = rng.random()
                asserted_by = None if attribution < 0.75 else SOURCE if attribution < 0.85 else rng.choice(cast[:200])
                sentence = FakeSentence(f"Sentence {i} of article {doc_number}: {subject.label} and {obj.label}.", i)
                statement = Statement(
                    subject=subject,
                    relation=rng.choices(names, relation_weights)[0],
                    object=obj,
                    sentence=sentence,
                    factuality=rng.choice(FACTUALITY),
                    attributed_to=asserted_by,
                    trigger="verb",
                )
                extraction.statements.append(statement)
                key = (actor_iri(subject.id), KG + statement.relation, actor_iri(obj.id))
                counts = keys.setdefault(key, [0, 0, -1])
                if counts[2] != doc_number:
                    counts[0] += 1
                    counts[1] += statement.truthy
                    counts[2] = doc_number
            quads = list(document_quads(document, extraction))
            quad_count += len(quads)
            ox.serialize(quads, out, format=ox.RdfFormat.N_QUADS)
        ontology = [
            ox.Quad(q.subject, q.predicate, q.object, ox.NamedNode(ONTOLOGY_GRAPH))
            for q in ox.parse(ontology_turtle(), format=ox.RdfFormat.TURTLE)
        ]
        tail = ontology + list(actor_quads(cast)) + list(corroboration_quads(keys))
        quad_count += len(tail)
        ox.serialize(tail, out, format=ox.RdfFormat.N_QUADS)
    finally:
        out.close()
    return {
        "quads": quad_count,
        "actors": [a.id for a in sample_by_rank(cast, 20)],
        "path": str(paths[0]),
        "paths": [str(p) for p in paths if p.exists()],  # (more parts than documents: some stay empty)
    }


def sample_by_rank(cast: list[Actor], n: int) -> list[Actor]:
    """``n`` actors at log-spaced popularity ranks, from the busiest hub to the rare tail.

    Queries about "an actor" run on these in turn, so p50 is an actor of middling fame and p95 a
    hub with tens of thousands of statements: what an analyst meets, not only the worst case.
    """
    ranks = sorted({round(len(cast) ** (k / (n - 1))) - 1 for k in range(n)})
    return [cast[r] for r in ranks]


def corroboration_quads(keys: dict[tuple[str, str, str], list[int]]):
    """The counts ingest would have materialised for the generated statements, in kg's own shape."""
    return pipeline_corroboration_quads(
        ((key, (documents, asserted)) for key, (documents, asserted, _) in keys.items())
    )


# Typical queries (issue 4), and corroboration counts both ways. {actor} is filled per repetition.
QUERIES = {
    "lookup: an actor's relations with labels": (
        "lookup",
        "SELECT ?p ?o ?label WHERE { <{actor}> ?p ?o . ?p kg:family ?f . ?o rdfs:label ?label }",
    ),
    "aggregation: statements per relation": (
        "aggregation",
        "SELECT ?p (COUNT(?st) AS ?n) WHERE { ?st rdf:predicate ?p } GROUP BY ?p",
    ),
    "aggregation: who supports whom, documents counted on the fly": (
        "aggregation",
        "SELECT ?s ?o (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?st rdf:predicate kg:supports ; "
        "rdf:subject ?s ; rdf:object ?o } } GROUP BY ?s ?o ORDER BY DESC(?n) LIMIT 50",
    ),
    "aggregation: who supports whom, materialised counts": (
        "materialised",
        "SELECT ?s ?o ?n WHERE { GRAPH <" + CORROBORATION_GRAPH + "> { ?c kg:relation kg:supports ; kg:subject ?s ; "
        "kg:object ?o ; kg:documentCount ?n } } ORDER BY DESC(?n) LIMIT 50",
    ),
    "lookup: an actor's relations with document counts, on the fly": (
        "lookup",
        "SELECT ?p ?o (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?st rdf:subject <{actor}> ; "
        "rdf:predicate ?p ; rdf:object ?o } } GROUP BY ?p ?o",
    ),
    "lookup: an actor's relations with document counts, materialised": (
        "materialised",
        "SELECT ?p ?o ?n WHERE { GRAPH <" + CORROBORATION_GRAPH + "> { ?c kg:subject <{actor}> ; kg:relation ?p ; "
        "kg:object ?o ; kg:documentCount ?n } }",
    ),
    "lookup: allies' enemies (two hops)": (
        "lookup",
        "SELECT DISTINCT ?enemy WHERE { <{actor}> kg:supports|kg:cooperatesWith ?ally . "
        "?ally kg:attacks|kg:fights ?enemy }",
    ),
    "lookup: potential statements by an attributor in a date range": (
        "lookup",
        "SELECT ?st ?text WHERE { ?st kg:attributedTo <{actor}> ; kg:factuality kg:Potential ; "
        "prov:wasDerivedFrom ?sent . ?sent rdf:value ?text ; dcterms:isPartOf ?doc . ?doc dcterms:date ?d "
        'FILTER(?d >= "2019-01-01"^^xsd:date && ?d < "2021-01-01"^^xsd:date) }',
    ),
    "lookup: partOf+ path": ("lookup", "SELECT ?x WHERE { ?x kg:partOf+ <{actor}> }"),
}


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentiles(times: list[float]) -> tuple[float, float]:
    ordered = sorted(times)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def run_oxigraph(info: dict, repeat: int, workdir: Path) -> dict:
    from kg import export
    from kg.store import open_store, read_dump

    location = workdir / "oxigraph"
    started = time.perf_counter()
    # kg load's bulk path (kg.store.load_file), over every part: each read through once, then loaded
    dumps = [read_dump(path) for path in info["paths"]]
    store = open_store(str(location))
    store.load(itertools.chain.from_iterable(dump.read() for dump in dumps))
    count = sum(dump.quads for dump in dumps)
    load_seconds = time.perf_counter() - started
    del store
    store = open_store(str(location), read_only=True)
    result = {"load_s": load_seconds, "quads": count, "disk_mb": dir_mb(location)}
    result["queries"] = time_queries(lambda q: list(store.query(q)), info, repeat)
    started = time.perf_counter()
    with (workdir / "export.ttl").open("wb") as out:
        export.export(store, out, "turtle")
    result["export_s"] = time.perf_counter() - started
    result["export_mb"] = (workdir / "export.ttl").stat().st_size / 2**20
    result["peak_mb"] = peak_mb()
    return result


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def oxigraph_exe() -> str:
    return shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")


@contextlib.contextmanager
def oxigraph_server(location: Path):
    """``oxigraph serve`` over a data directory on 127.0.0.1, default graph the union: (process, query URL)."""
    port = free_port()
    command = [oxigraph_exe(), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"]
    process = subprocess.Popen([*command, "--union-default-graph"], stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/query"
    deadline = time.monotonic() + 600  # opening a large store takes a while
    while True:
        try:
            urllib.request.urlopen(url + "?query=ASK%7B%7D", timeout=5).close()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"oxigraph serve did not start over {location}") from None
            time.sleep(0.2)
    try:
        yield process, url
    finally:
        process.terminate()
        process.wait(timeout=120)


def process_peak_mb(pid: int) -> float:
    """Peak resident memory of another process (Linux), MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def run_server(info: dict, repeat: int, workdir: Path, write_statements: int) -> dict:
    """The graph in an Oxigraph server: loaded from the part files by the server's own bulk loader, queried,
    exported and written through kg's SPARQL 1.1 Protocol client."""
    from kg import export
    from kg.errors import KgError
    from kg.store import open_store

    location = workdir / "server"
    started = time.perf_counter()
    subprocess.run([oxigraph_exe(), "load", "--location", str(location), "--file", *info["paths"]], check=True,
                   capture_output=True)  # fmt: skip
    load_seconds = time.perf_counter() - started
    result = {"load_s": load_seconds, "quads": info["quads"], "disk_mb": dir_mb(location)}
    with oxigraph_server(location) as (process, url):
        store = open_store(url)
        result["queries"] = time_queries(lambda q: list(store.query(q)), info, repeat)
        started = time.perf_counter()
        try:
            with (workdir / "server-export.ttl").open("wb") as out:
                export.export(store, out, "turtle")
            result["export_s"] = time.perf_counter() - started
            result["export_mb"] = (workdir / "server-export.ttl").stat().st_size / 2**20
        except KgError as err:  # a figure too: at 1M statements the whole answer outlasted KG_STORE_TIMEOUT's 300 s
            result["export_failed"] = f"{err} (after {time.perf_counter() - started:.0f} s)"
        (workdir / "server-export.ttl").unlink(missing_ok=True)
        result["peak_mb"] = process_peak_mb(process.pid)
    with oxigraph_server(workdir / "server-writes") as (_, url):
        result.update(run_ingest_writes(info, write_statements, workdir, location=url))
    return result


def run_ingest_writes(info: dict, statements: int, workdir: Path, location: str | None = None) -> dict:
    """kg ingest's write path (pipeline.write: one update per batch, corroboration recount) on
    freshly generated statements, into a new on-disk store or the store at ``location``; extraction excluded."""
    from kg.pipeline import BATCH_DOCUMENTS, write
    from kg.store import open_store

    rng = random.Random(11)
    cast = actors(2000, rng)
    names = list(relations())
    store = open_store(location or str(workdir / "ingest"))
    batches = []
    for start in range(0, statements, STATEMENTS_PER_DOCUMENT * BATCH_DOCUMENTS):
        batch = []
        for d in range(BATCH_DOCUMENTS):
            number = start // STATEMENTS_PER_DOCUMENT + d
            document = Document(doc_id=f"w-{number}", text=str(number), date="2020-01-01")
            extraction = Extraction()
            for i in range(STATEMENTS_PER_DOCUMENT):
                subject, obj = rng.sample(cast[:300], 2)
                sentence = FakeSentence(f"Sentence {i} of {number}: {subject.label} and {obj.label}.", i)
                extraction.statements.append(Statement(subject, rng.choice(names), obj, sentence))
            batch.append((document, extraction))
        batches.append(batch)
    started = time.perf_counter()
    for batch in batches:
        write(store, batch)
    seconds = time.perf_counter() - started
    quads = int(next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")))["n"].value)
    return {"write_s": seconds, "write_quads": quads, "write_statements": statements}


#: rdflib's child may use this much address space; beyond it, it reports running out of memory
#: instead of pushing a 24 GB machine into swap or the OOM killer.
RDFLIB_MEMORY_CAP = 16 * 2**30


def run_rdflib(info: dict, repeat: int, workdir: Path) -> dict:
    import rdflib

    resource.setrlimit(resource.RLIMIT_AS, (RDFLIB_MEMORY_CAP, RDFLIB_MEMORY_CAP))
    dataset = rdflib.Dataset(default_union=True)
    started = time.perf_counter()
    try:
        dataset.parse(info["path"], format="nquads")
    except MemoryError:
        loaded = len(dataset)
        del dataset
        return {
            "failed": f"out of memory at the {RDFLIB_MEMORY_CAP / 2**30:.0f} GB cap after loading "
            f"{loaded:,} quads in {time.perf_counter() - started:.0f} s"
        }
    result = {"load_s": time.perf_counter() - started, "quads": len(dataset), "disk_mb": None}
    namespaces = {k: rdflib.Namespace(v) for k, v in PREFIXES.items()}
    result["queries"] = time_queries(lambda q: list(dataset.query(q, initNs=namespaces)), info, repeat)
    result["peak_mb"] = peak_mb()
    return result


#: Time given to each query: repetitions stop once it is spent, and one run is abandoned after
#: QUERY_TIMEOUT_S (reported as such), so a store that takes minutes per query still finishes.
QUERY_BUDGET_S = 30
QUERY_TIMEOUT_S = 120


class QueryTimeout(BaseException):  # not Exception: rdflib catches those inside evaluation
    pass


def _timeout(signum, frame):
    raise QueryTimeout


def time_queries(run, info: dict, repeat: int) -> dict:
    found = {}
    actors = info["actors"]
    signal.signal(signal.SIGALRM, _timeout)
    for name, (_kind, template) in QUERIES.items():
        times, rows = [], 0
        for i in range(repeat):
            query = template.replace("{actor}", actor_iri(actors[i % len(actors)]))
            started = time.perf_counter()
            signal.alarm(QUERY_TIMEOUT_S)
            try:
                rows = len(run(query))
            except QueryTimeout:
                found[name] = {"timeout_s": QUERY_TIMEOUT_S}
                break
            finally:
                signal.alarm(0)
            times.append(time.perf_counter() - started)
            if sum(times) > QUERY_BUDGET_S:
                break
        if times and name not in found:
            p50, p95 = percentiles(times)
            found[name] = {"p50_ms": p50 * 1000, "p95_ms": p95 * 1000, "rows": rows, "runs": len(times)}
    return found


def dir_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20


def child(args: argparse.Namespace) -> None:
    """One store, one size, in this process: print its figures as JSON."""
    info = json.loads(Path(args.info).read_text())
    workdir = Path(args.workdir)
    if args.child == "oxigraph":
        result = run_oxigraph(info, args.repeat, workdir)
    elif args.child == "server":
        result = run_server(info, args.repeat, workdir, args.write_statements)
    elif args.child == "ingest":
        result = run_ingest_writes(info, args.write_statements, workdir)
    else:
        result = run_rdflib(info, args.repeat, workdir)
    print(json.dumps(result))


def measure(kind: str, info_path: Path, workdir: Path, repeat: int, write_statements: int = 0) -> dict:
    command = [sys.executable, __file__, "--child", kind, "--info", str(info_path), "--workdir", str(workdir)]
    command += ["--repeat", str(repeat), "--write-statements", str(write_statements)]
    started = time.perf_counter()
    out = subprocess.run(command, capture_output=True, text=True, check=False)
    print(f"({kind}: {out.stdout.strip().splitlines()[-1] if out.stdout.strip() else 'no figures'})", flush=True)
    if out.returncode != 0:
        if kind == "rdflib":  # a result, not a crash: the figures of the other store still count
            why = "ran out of memory" if "MemoryError" in out.stderr else out.stderr.strip().splitlines()[-1]
            cap = RDFLIB_MEMORY_CAP // 2**30
            return {"failed": f"{why} after {time.perf_counter() - started:.0f} s (address space capped at {cap} GB)"}
        raise SystemExit(f"{kind} failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


#: Column titles of the report, by backend.
TITLES = {"disk": "Oxigraph on disk (default)", "rdflib": "rdflib in memory", "server": "Oxigraph server"}


def report(size: int, figures: dict[str, dict], writes: dict) -> None:
    """One table per size: a column per backend, and each one's ratio to the on-disk store measured in this run."""
    base = figures["disk"]
    quads = base.get("quads") or next(f["quads"] for f in figures.values() if "quads" in f)
    print(f"\n## {size:,} statements ({quads:,} quads)\n")
    for name, found in figures.items():
        if "failed" in found:
            print(f"{TITLES[name]}: {found['failed']}\n")
    others = [name for name, found in figures.items() if name != "disk" and "failed" not in found]
    header = ["", TITLES["disk"]] + [x for name in others for x in (TITLES[name], "ratio to disk")]
    rows = [header]

    def add(label: str, key, fmt: str, better_low: bool = True) -> None:
        value = key(base) if "failed" not in base else None
        row = [label, fmt.format(value) if value is not None else "n/a"]
        for name in others:
            other = key(figures[name])
            if isinstance(other, str):
                row += [other, ""]
                continue
            row.append(fmt.format(other) if other is not None else "n/a")
            row.append(f"{(value / other if better_low else other / value):,.2f}x" if value and other else "")
        rows.append(row)

    add("load, triples/s", lambda f: f["quads"] / f["load_s"] if "load_s" in f else None, "{:,.0f}", better_low=False)
    add("load, seconds", lambda f: f.get("load_s"), "{:,.1f}")
    add("on-disk size, MB", lambda f: f.get("disk_mb"), "{:,.0f}")
    add("peak memory, MB", lambda f: f.get("peak_mb"), "{:,.0f}")

    def query(name: str, stat: str):
        def get(f: dict):
            found = f.get("queries", {}).get(name) or {}
            if "timeout_s" in found:
                return f"> {found['timeout_s'] * 1000:,}"
            return found.get(stat)

        return get

    for name in base.get("queries", {}):
        add(f"{name}, p50 ms", query(name, "p50_ms"), "{:,.1f}")
        add(f"{name}, p95 ms", query(name, "p95_ms"), "{:,.1f}")
    add("export to Turtle, seconds", lambda f: f.get("export_s", "failed" if "export_failed" in f else None), "{:,.1f}")

    def write_rate(f: dict) -> float | None:
        return f["write_statements"] / f["write_s"] if "write_s" in f else None

    add("kg ingest's write path, statements/s", write_rate, "{:,.0f}", better_low=False)
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    for i, row in enumerate(rows):
        print("| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |")
        if i == 0:
            print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    if writes:
        rate = writes["write_quads"] / writes["write_s"]
        print(
            f"\nkg ingest's transactional write path (on disk): {writes['write_statements']:,} statements "
            f"({writes['write_quads']:,} quads) in {writes['write_s']:.1f} s = {rate:,.0f} quads/s, "
            f"{writes['write_statements'] / writes['write_s']:,.0f} statements/s"
        )
    exports = ", ".join(f"{TITLES[n]} {f['export_mb']:,.0f} MB" for n, f in figures.items() if "export_mb" in f)
    print(f"\nTurtle export: {exports}.")
    for name, found in figures.items():
        if "export_failed" in found:
            print(f"{TITLES[name]}: export failed: {found['export_failed']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100000,1000000", help="statement counts, comma-separated")
    parser.add_argument("--backends", default="disk,rdflib", help="of disk, rdflib, server; comma-separated")
    parser.add_argument("--rdflib-max", type=int, default=1_000_000, help="largest size to run rdflib at")
    parser.add_argument("--disk-max", type=int, default=10_000_000, help="largest size to run the on-disk store at")
    parser.add_argument("--parts", type=int, default=1, help="N-Quads part files the graph is written to")
    parser.add_argument("--repeat", type=int, default=30, help="timed runs per query (Oxigraph)")
    parser.add_argument("--rdflib-repeat", type=int, default=5, help="timed runs per query (rdflib)")
    parser.add_argument("--write-statements", type=int, default=20_000)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--info", help=argparse.SUPPRESS)
    parser.add_argument("--workdir", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    backends = args.backends.split(",")
    print(
        f"# kg store benchmark (Python {sys.version.split()[0]}, pyoxigraph {ox.__version__}; "
        f"load {os.getloadavg()[0]:.1f})"
    )
    sizes = [int(s) for s in args.sizes.split(",")]
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
            workdir = Path(tmp)
            started = time.perf_counter()
            info = generate(size, workdir / "graph.nq", parts=args.parts)
            info_path = workdir / "info.json"
            info_path.write_text(json.dumps(info))
            print(
                f"\ngenerated {size:,} statements, {info['quads']:,} quads in {len(info['paths'])} part file(s) "
                f"in {time.perf_counter() - started:.0f} s",
                flush=True,
            )
            figures: dict[str, dict] = {"disk": {"failed": f"not run above {args.disk_max:,} statements"}}
            writes = {}
            if "disk" in backends and size <= args.disk_max:
                figures["disk"] = measure("oxigraph", info_path, workdir, args.repeat)
                shutil.rmtree(workdir / "oxigraph", ignore_errors=True)
                if size == min(sizes):
                    writes = measure("ingest", info_path, workdir, 1, args.write_statements)
            if "server" in backends:
                figures["server"] = measure("server", info_path, workdir, args.repeat, args.write_statements)
                shutil.rmtree(workdir / "server", ignore_errors=True)
            if "rdflib" in backends and size <= args.rdflib_max:
                figures["rdflib"] = measure("rdflib", info_path, workdir, args.rdflib_repeat)
            print(f"(measured by {time.perf_counter() - started:.0f} s; load {os.getloadavg()[0]:.1f})", flush=True)
            report(size, figures, writes)


if __name__ == "__main__":
    main()
