"""Ingest on a Dask cluster (``kg ingest --cluster``) beside the local ``kg ingest --workers``, in one run.

The corpus is benchmarks/ingest.py's (news-like articles of real news sentences, one JSON Lines file). On
it, each timed from the outside as the real command, each into a new store:

* ``kg ingest --workers 1`` and ``--workers 2`` (the baseline: parsing on this machine);
* ``kg ingest --cluster`` with a local Dask scheduler and 1, then 2 workers (``dask worker --nthreads 1``),
  into the on-disk store: equal parsing processes, so the ratio is the engine's overhead (target >= 0.85);
* with 2 workers into an Oxigraph server, through its SPARQL endpoint, and as part files (``--parts``)
  bulk-loaded, and the part files into the on-disk store;
* the engine alone: Dask's round trip for empty tasks, and what one partition's result weighs.

Start-up (interpreter, imports, model load) is measured apart and subtracted, as benchmarks/ingest.py
does: for the local runs a one-article ingest; for the cluster runs the workers are started and their model
loaded before the clock starts (a cluster's workers are long-lived), and the client's start-up is
subtracted the same way. Every process runs under the niceness this script has (run it with nice).

    nice -n 19 python benchmarks/cluster.py                  # 3,000 articles
    nice -n 19 python benchmarks/cluster.py --articles 500   # a quicker look
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest import KG, SHARED, build_corpus, kg_ingest, startup_seconds  # benchmarks/ingest.py

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def dask_cluster(workers: int, directory: Path):
    """A Dask scheduler and ``workers`` single-threaded workers on 127.0.0.1, model loaded: (address, client)."""
    import distributed

    address = f"tcp://127.0.0.1:{free_port()}"
    log = (directory / f"dask-{workers}.log").open("w")
    dask = [sys.executable, "-m", "dask"]
    processes = [
        subprocess.Popen(
            [*dask, "scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1], "--no-dashboard"],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    ]
    for n in range(workers):
        command = [*dask, "worker", address, "--nthreads", "1", "--no-dashboard", "--host", "127.0.0.1"]
        command += ["--local-directory", str(directory / f"worker-{workers}-{n}")]
        processes.append(subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT))
    client = distributed.Client(address, timeout=60, set_as_default=False)
    try:
        client.wait_for_workers(workers, timeout=120)
        from kg.sentences import load_pipeline

        client.run(load_pipeline)
        yield address, client
    finally:
        client.close()
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            process.wait(timeout=60)
        log.close()


@contextmanager
def oxigraph_server(directory: Path):
    """An Oxigraph server (PyPI ``oxigraph``) on 127.0.0.1 with the union default graph: its query URL."""
    import urllib.request

    exe = str(Path(sys.executable).parent / "oxigraph")
    port = free_port()
    process = subprocess.Popen(
        [exe, "serve", "--location", str(directory), "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/query"
    for _ in range(300):
        try:
            urllib.request.urlopen(url + "?query=ASK%7B%7D", timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)
    try:
        yield url
    finally:
        process.terminate()
        process.wait(timeout=60)


def worker_peaks(client) -> list[float]:
    """Peak resident memory of each worker process, MB."""
    import resource

    peaks = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return sorted(peaks.values())


def cluster_ingest(corpus: Path, store: str, address: str, parts: Path | None = None) -> dict:
    """The real command with --cluster, timed from the outside."""
    command = [sys.executable, "-c", KG, "ingest", str(corpus), "--store", store, "--quiet", "--cluster", address]
    if parts is not None:
        command += ["--parts", str(parts)]
    started = time.perf_counter()
    out = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if out.returncode:
        raise SystemExit(out.stderr)
    return {"seconds": seconds, "peak_mb": json.loads(out.stderr.strip().splitlines()[-1])["self_mb"]}


def client_startup(tmp: Path, address: str) -> float:
    """What ``kg ingest --cluster`` spends around one article: interpreter, imports, connecting."""
    one = tmp / "one-cluster.txt"
    one.write_text("Iran supports Hezbollah.\n")
    return cluster_ingest(one, str(tmp / f"warm-{time.monotonic_ns()}"), address)["seconds"]


def engine_overhead(client, tasks: int = 2000) -> dict:
    """Dask alone: empty tasks per second through this scheduler, and its round trip for one."""
    started = time.perf_counter()
    client.gather(client.map(int, range(tasks), pure=False))
    many = time.perf_counter() - started
    trips = []
    for n in range(20):
        started = time.perf_counter()
        client.submit(int, n, pure=False).result()
        trips.append(time.perf_counter() - started)
    return {"tasks_per_s": tasks / many, "round_trip_ms": sorted(trips)[len(trips) // 2] * 1000}


def partition_weight(corpus: Path, client, documents: int = 128) -> dict:
    """What one partition sends and gets back (pickled), and how long a worker takes for it."""
    import pickle

    from kg.cluster import extract_partition
    from kg.documents import Inputs

    partition = [d for _, d in zip(range(documents), Inputs([corpus]), strict=False)]
    started = time.perf_counter()
    result = client.submit(extract_partition, partition, pure=False).result()
    seconds = time.perf_counter() - started
    sent, back = len(pickle.dumps(partition)), len(pickle.dumps(result))
    return {"documents": len(partition), "sent_kb": sent / 1024, "back_kb": back / 1024, "seconds": seconds}


def count_statements(store: str) -> int:
    from kg.store import open_store

    rows = open_store(store, read_only=True).query("SELECT (COUNT(?s) AS ?n) WHERE { ?s a rdf:Statement }")
    return int(next(iter(rows))["n"].value)


def quads(store: str) -> set[tuple[str, ...]]:
    from kg.store import OWN_GRAPHS, open_store

    rows = open_store(store, read_only=True).query(f"SELECT * WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {OWN_GRAPHS} }}")
    return {(str(r["s"]), str(r["p"]), str(r["o"]), str(r["g"])) for r in rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=3_000)
    parser.add_argument("--shared", type=Path, default=SHARED)
    args = parser.parse_args()
    n = args.articles
    print(f"# kg ingest --cluster benchmark: {n:,} articles; niceness {os.nice(0)}; load {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory(prefix="kg-cluster-bench-") as name:
        tmp = Path(name)
        corpus = tmp / "corpus.jsonl"
        build_corpus(corpus, n, args.shared)
        runs: dict[str, dict] = {}
        startup = startup_seconds(tmp)
        for workers in (1, 2):
            run = kg_ingest(corpus, tmp / f"local-{workers}", workers=workers)
            runs[f"kg ingest --workers {workers}"] = {"seconds": run["seconds"] - startup, "peak_mb": run["peak_mb"]}
            print(f"  local, {workers} worker(s): {run['seconds']:.1f} s (load {os.getloadavg()[0]:.1f})", flush=True)
        statements = count_statements(str(tmp / "local-1"))
        for workers in (1, 2):
            with dask_cluster(workers, tmp) as (address, client):
                warm = client_startup(tmp, address)
                if workers == 1:
                    engine = engine_overhead(client)
                    weight = partition_weight(corpus, client)
                store = str(tmp / f"cluster-{workers}")
                run = cluster_ingest(corpus, store, address)
                label = f"kg ingest --cluster, {workers} Dask worker{'s' if workers > 1 else ''}"
                runs[label] = {
                    "seconds": run["seconds"] - warm,
                    "peak_mb": run["peak_mb"],
                    "workers": worker_peaks(client),
                }
                print(f"  {label}: {run['seconds']:.1f} s (load {os.getloadavg()[0]:.1f})", flush=True)
                if workers == 2:
                    same = quads(store) == quads(str(tmp / "local-1"))
                    run = cluster_ingest(corpus, str(tmp / "cluster-parts"), address, parts=tmp / "parts")
                    runs["--cluster, 2 workers, --parts into the on-disk store"] = {"seconds": run["seconds"] - warm}
                    for mode in ("endpoint", "parts"):
                        with oxigraph_server(tmp / f"server-{mode}") as url:
                            run = cluster_ingest(corpus, url, address, parts=tmp / "parts" if mode == "parts" else None)
                        how = "SPARQL updates" if mode == "endpoint" else "--parts"
                        label = f"--cluster, 2 workers, into an Oxigraph server, {how}"
                        runs[label] = {"seconds": run["seconds"] - warm}
                        print(f"  {label}: {run['seconds']:.1f} s (load {os.getloadavg()[0]:.1f})", flush=True)
        print(f"\n{statements:,} statements in the store after each run; cluster store == local store: {same}\n")
        print("| run | seconds | articles/s | ratio to local, equal parsing processes | peak memory, MB |")
        print("|---|---|---|---|---|")
        for label, run in runs.items():
            workers = 2 if ("2" in label) else 1
            base = runs[f"kg ingest --workers {workers}"]["seconds"]
            memory = f"{run['peak_mb']:,.0f}" if "peak_mb" in run else ""
            if "workers" in run:
                memory += " (client); workers " + ", ".join(f"{m:,.0f}" for m in run["workers"])
            rate, ratio = n / run["seconds"], base / run["seconds"]
            print(f"| {label} | {run['seconds']:,.1f} | {rate:,.1f} | {ratio:.2f} | {memory} |")
        one, two = runs["kg ingest --cluster, 1 Dask worker"], runs["kg ingest --cluster, 2 Dask workers"]
        print(
            f"\nscaling from 1 to 2 workers: {one['seconds'] / two['seconds']:.2f}x (local: "
            f"{runs['kg ingest --workers 1']['seconds'] / runs['kg ingest --workers 2']['seconds']:.2f}x)"
        )
        print(f"start-up subtracted: local {startup:.1f} s, cluster client {warm:.1f} s")
        print(
            f"Dask alone: {engine['tasks_per_s']:,.0f} empty tasks/s, round trip {engine['round_trip_ms']:.1f} ms; "
            f"a partition of {weight['documents']} articles: {weight['sent_kb']:,.0f} KB sent, "
            f"{weight['back_kb']:,.0f} KB back, {weight['seconds']:.1f} s on one worker"
        )


if __name__ == "__main__":
    main()
