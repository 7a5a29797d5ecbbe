"""Ingest on a Dask cluster (``kg ingest --cluster``) beside the local ``kg ingest --workers``, in one run.

The corpus is benchmarks/ingest.py's (news-like articles of real news sentences, one JSON Lines file). On
it, each timed from the outside as the real command, each into a new store:

* ``kg ingest --workers 1`` and ``--workers 2`` (the baseline: parsing on this machine, spaCy's processes);
* ``kg ingest --cluster`` with a local Dask scheduler and 1, then 2 workers (``dask worker --nthreads 1``),
  into the on-disk store: equal parsing processes, so the ratio is the engine's overhead (target >= 0.85);
* with 2 workers into an Oxigraph server, through its SPARQL endpoint, and as part files (``--parts``)
  bulk-loaded, and the part files into the on-disk store;
* the engine alone: Dask's round trip for empty tasks, and what one partition's result weighs.

Every configuration runs once per round, in turns (``--rounds``, default 3), so that the load of a shared
machine falls on all of them alike; the table gives the median time and the median of the rounds' ratios.
``--engines`` instead runs the same partitions through Dask and through Ray (if importable), parsing alone.

Start-up (interpreter, imports, model load) is measured apart and subtracted, as benchmarks/ingest.py
does: for the local runs a one-article ingest; for the cluster runs the workers are started and their model
loaded before the clock starts (a cluster's workers are long-lived), and the client's start-up is
subtracted the same way. Every process runs under the niceness this script has (run it with nice).

    nice -n 19 python benchmarks/cluster.py                            # 600 articles, 3 rounds
    nice -n 19 python benchmarks/cluster.py --articles 200 --rounds 1  # a quicker look
    nice -n 19 python benchmarks/cluster.py --engines --articles 512   # Dask beside Ray (run with Ray installed)
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import statistics
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


def engine_processes_mb(pid: int) -> float:
    """Resident memory of a process tree (the engine's scheduler, nannies, daemons and workers), MB."""
    import psutil

    root = psutil.Process(pid)
    return sum(p.memory_info().rss for p in [root, *root.children(recursive=True)]) / 2**20


def compare_engines(corpus: Path, tmp: Path, size: int = 64) -> None:
    """The same partitions through kg.cluster.extract_partition on Dask and on Ray (when ray is importable),
    two single-threaded workers each: start-up, memory, and time for the whole map (results gathered)."""
    from kg.cluster import extract_partition, partitions
    from kg.documents import Inputs

    work = list(partitions(Inputs([corpus]), size))
    n = sum(len(p) for p in work)
    rows = []
    started = time.perf_counter()
    with dask_cluster(2, tmp) as (_, client):
        up = time.perf_counter() - started
        idle = engine_processes_mb(os.getpid())
        started = time.perf_counter()
        client.gather(client.map(extract_partition, work, pure=False, retries=2))
        rows.append(("Dask (distributed), 2 workers", up, time.perf_counter() - started, idle))
    try:
        import ray
    except ImportError:
        print("(ray is not installed here: Dask alone)")
    else:
        from kg.sentences import load_pipeline

        started = time.perf_counter()
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)

        def warm_up() -> None:
            load_pipeline()
            time.sleep(1)  # so that the two calls go to two workers

        ray.get([ray.remote(warm_up).remote() for _ in range(2)])  # two workers started, the model loaded in each
        up = time.perf_counter() - started
        idle = engine_processes_mb(os.getpid())
        remote = ray.remote(max_retries=2)(extract_partition)
        started = time.perf_counter()
        ray.get([remote.remote(p) for p in work])
        rows.append((f"Ray {ray.__version__}, 2 workers", up, time.perf_counter() - started, idle))
        ray.shutdown()
    print(f"\n{n:,} articles in partitions of {size}, parsed on each engine (nothing written):\n")
    print("| engine | start-up with model loaded, s | map over the partitions, s | articles/s | memory, MB |")
    print("|---|---|---|---|---|")
    for label, up, seconds, idle in rows:
        print(f"| {label} | {up:.1f} | {seconds:.1f} | {n / seconds:.1f} | {idle:,.0f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=600)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--engines", action="store_true", help="only Dask beside Ray (if installed), parsing alone")
    args = parser.parse_args()
    n = args.articles
    if args.engines:
        with tempfile.TemporaryDirectory(prefix="kg-engines-bench-") as name:
            corpus = Path(name) / "corpus.jsonl"
            build_corpus(corpus, n, args.shared)
            print(f"# Dask beside Ray: {n:,} articles; niceness {os.nice(0)}; load {os.getloadavg()[0]:.1f}")
            compare_engines(corpus, Path(name))
        return
    print(f"# kg ingest --cluster benchmark: {n:,} articles, {args.rounds} rounds; niceness {os.nice(0)}")
    with tempfile.TemporaryDirectory(prefix="kg-cluster-bench-") as name:
        tmp = Path(name)
        corpus = tmp / "corpus.jsonl"
        build_corpus(corpus, n, args.shared)
        with dask_cluster(1, tmp) as (one, client_one), dask_cluster(2, tmp) as (two, client_two):
            engine, weight = engine_overhead(client_one), partition_weight(corpus, client_one)
            startup = startup_seconds(tmp)
            warm = {one: client_startup(tmp, one), two: client_startup(tmp, two)}
            memory: dict[str, str] = {}

            def local(workers: int):
                def run(store: Path) -> float:
                    found = kg_ingest(corpus, store, workers=workers)
                    memory[f"kg ingest --workers {workers}"] = f"{found['peak_mb']:,.0f}"
                    return found["seconds"] - startup

                return run

            def cluster(label: str, address: str, client, parts: bool = False, server: bool = False):
                def run(store: Path) -> float:
                    with contextlib.ExitStack() as stack:
                        target = stack.enter_context(oxigraph_server(store)) if server else str(store)
                        found = cluster_ingest(corpus, target, address, parts=tmp / "parts" if parts else None)
                    peaks = ", ".join(f"{m:,.0f}" for m in worker_peaks(client))
                    memory[label] = f"{found['peak_mb']:,.0f} (client); workers {peaks}"
                    return found["seconds"] - warm[address]

                return run

            # Every configuration once per round, in turns, so that the load of a shared machine falls on all alike.
            configs = {
                "kg ingest --workers 1": local(1),
                "kg ingest --workers 2": local(2),
            }
            for label, address, client, parts, server in [
                ("kg ingest --cluster, 1 Dask worker", one, client_one, False, False),
                ("kg ingest --cluster, 2 Dask workers", two, client_two, False, False),
                ("--cluster, 2 workers, --parts into the on-disk store", two, client_two, True, False),
                ("--cluster, 2 workers, Oxigraph server, SPARQL updates", two, client_two, False, True),
                ("--cluster, 2 workers, Oxigraph server, --parts", two, client_two, True, True),
            ]:
                configs[label] = cluster(label, address, client, parts, server)
            times: dict[str, list[float]] = {label: [] for label in configs}
            for round_ in range(args.rounds):
                for k, (label, run) in enumerate(configs.items()):
                    store = tmp / f"store-{round_}-{k}"
                    times[label].append(run(store))
                    load = os.getloadavg()[0]
                    print(f"  round {round_ + 1}, {label}: {times[label][-1]:.1f} s (load {load:.1f})", flush=True)
                    if round_ or k not in (0, 2):  # the first round's local and cluster stores are compared below
                        shutil.rmtree(store, ignore_errors=True)
            statements = count_statements(str(tmp / "store-0-0"))
            same = quads(str(tmp / "store-0-2")) == quads(str(tmp / "store-0-0"))
        print(f"\n{statements:,} statements in the store after each run; cluster store == local store: {same}\n")
        print("| run | seconds, median of rounds | articles/s | to local at equal parsing processes, median "
              "of the rounds' ratios | peak memory, MB |")  # fmt: skip
        print("|---|---|---|---|---|")
        for label, found in times.items():
            base = times[f"kg ingest --workers {2 if '2' in label else 1}"]
            ratio = statistics.median(b / t for b, t in zip(base, found, strict=True))
            seconds = statistics.median(found)
            print(f"| {label} | {seconds:,.1f} | {n / seconds:,.1f} | {ratio:.2f} | {memory.get(label, '')} |")
        one_s, two_s = (
            statistics.median(times[f"kg ingest --cluster, {k}"]) for k in ("1 Dask worker", "2 Dask workers")
        )
        local_one, local_two = (statistics.median(times[f"kg ingest --workers {k}"]) for k in (1, 2))
        print(f"\nscaling from 1 to 2 workers: {one_s / two_s:.2f}x (local: {local_one / local_two:.2f}x)")
        print(f"start-up subtracted: local {startup:.1f} s, cluster client {max(warm.values()):.1f} s")
        print(
            f"Dask alone: {engine['tasks_per_s']:,.0f} empty tasks/s, round trip {engine['round_trip_ms']:.1f} ms; "
            f"a partition of {weight['documents']} articles: {weight['sent_kb']:,.0f} KB sent, "
            f"{weight['back_kb']:,.0f} KB back, {weight['seconds']:.1f} s on one worker"
        )


if __name__ == "__main__":
    main()
