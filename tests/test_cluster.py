"""Ingest on a real Dask cluster (kg.cluster, ``kg ingest --cluster``): a scheduler and two workers started as
processes on 127.0.0.1, writing into a real Oxigraph server. The store must end exactly as a local ``kg ingest``
leaves it, through the SPARQL endpoint and through part files, and a worker killed mid-run loses no document."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import distributed
import pytest
from click.testing import CliRunner
from conftest import ARTICLES as DEV_ARTICLES
from conftest import SEEDS, free_port

from kg.cli import main
from kg.cluster import ingest as cluster_ingest
from kg.pipeline import ingest
from kg.store import OWN_GRAPHS, open_store

#: Two articles of our own beside the seed and the three dev articles, and an input that cannot be read.
ARTICLES = {
    "kenya-somalia.txt": "Kenya and Somalia agreed to cooperate against al-Shabaab.\n\n"
    "Kenyan troops attacked al-Shabaab positions near the border on Tuesday, the army said.\n",
    "iran-hezbollah.txt": "Iran supports Hezbollah, the Lebanese group said on Monday.\n\n"
    "Israel accused Iran of arming Hezbollah. Tehran denied it was arming the group.\n",
    "empty.txt": "",
}


@pytest.fixture(scope="module")
def dask_cluster(tmp_path_factory) -> Iterator[distributed.Client]:
    """A Dask scheduler and two workers (one thread each, with a nanny, as `dask worker` starts them by
    default), as processes of the venv's Python; a client connected to them, with spaCy loaded on each worker."""
    directory = tmp_path_factory.mktemp("dask")
    address = f"tcp://127.0.0.1:{free_port()}"
    log = (directory / "cluster.log").open("w")
    dask = [sys.executable, "-m", "dask"]
    processes = [
        subprocess.Popen(
            [*dask, "scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1], "--no-dashboard"],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    ]
    for n in range(2):
        worker = [*dask, "worker", address, "--nthreads", "1", "--no-dashboard", "--host", "127.0.0.1"]
        worker += ["--name", f"worker-{n}", "--local-directory", str(directory / f"worker-{n}")]
        processes.append(subprocess.Popen(worker, stdout=log, stderr=subprocess.STDOUT))
    client = None
    try:
        client = distributed.Client(address, timeout=60, set_as_default=False)
        client.wait_for_workers(2, timeout=120)
        from kg.sentences import load_pipeline

        client.run(load_pipeline)  # the model once per worker here, not in the timing of the first partition
        yield client
    finally:
        if client is not None:
            client.close()
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        log.close()


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("articles")
    for article in sorted([*SEEDS.glob("*.txt"), *DEV_ARTICLES.glob("*.txt")]):
        shutil.copy(article, folder / article.name)
    for name, text in ARTICLES.items():
        (folder / name).write_text(text)
    return folder


@pytest.fixture(scope="module")
def local(articles: Path) -> tuple[set[tuple[str, ...]], str]:
    """What a local ``kg ingest`` of the articles stores (its quads), and its summary line."""
    store = open_store("memory:")
    report = ingest([articles], store)
    assert len(report.added) == 6 and len(report.skipped) == 1
    return quads(store), report.summary()


def quads(store) -> set[tuple[str, ...]]:
    """Every quad of kg's graphs, as text: statement and sentence IRIs come from content, so equal runs give
    equal sets."""
    store = open_store(store) if isinstance(store, str) else store
    rows = store.query(f"SELECT ?s ?p ?o ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {OWN_GRAPHS} }}")
    return {(str(r["s"]), str(r["p"]), str(r["o"]), str(r["g"])) for r in rows}


@pytest.mark.server
def test_cluster_ingest_stores_what_a_local_ingest_stores(dask_cluster, empty_endpoint, articles, local, tmp_path):
    expected, summary = local
    address = dask_cluster.scheduler.address
    # the command, through the SPARQL endpoint: same summary, same skipped input, same quads
    result = CliRunner().invoke(main, ["ingest", str(articles), "--store", empty_endpoint, "--cluster", address])
    assert result.exit_code == 0, result.output
    assert f"{summary}; store: {empty_endpoint}" in result.stdout
    assert "kg: skipped" in result.stderr and "empty.txt" in result.stderr
    assert quads(empty_endpoint) == expected
    # idempotent: nothing changed, nothing parsed
    parsed: list[int] = []
    again = cluster_ingest([articles], empty_endpoint, client=dask_cluster, on_parsed=parsed.append)
    assert (again.stored, len(again.unchanged), parsed) == (0, 6, [])
    # an article stored by another extractor is extracted again, and ends as before
    open_store(empty_endpoint).update(
        "DELETE { GRAPH ?g { ?d kg:extractorFingerprint ?f } } "
        "INSERT { GRAPH ?g { ?d kg:extractorFingerprint 'old' } } "
        "WHERE { GRAPH ?g { ?d kg:extractorFingerprint ?f ; dcterms:identifier 'iran-hezbollah' } }"
    )
    third = cluster_ingest([articles], empty_endpoint, client=dask_cluster, on_parsed=parsed.append)
    assert (third.reextracted, len(third.unchanged), parsed) == (["iran-hezbollah"], 5, [1])
    assert quads(empty_endpoint) == expected
    # through part files, bulk-loaded, in partitions of two documents: the same quads, and the parts are gone
    open_store(empty_endpoint).update("DROP SILENT ALL")
    parts = tmp_path / "parts"
    report = cluster_ingest(
        [articles], empty_endpoint, client=dask_cluster, partition_size=2, parts=parts, on_parsed=parsed.append
    )
    assert report.summary() == summary
    assert parsed[1:] == [2, 4, 6]  # the progress of the engine, fed as each partition completes
    assert quads(empty_endpoint) == expected
    assert list(parts.iterdir()) == []


@pytest.mark.server
def test_a_worker_killed_mid_run_loses_no_document(dask_cluster, empty_endpoint, articles, local):
    expected, _ = local
    killed: list[tuple[str, list[str]]] = []

    def kill_a_busy_worker(parsed: int) -> None:
        """When the first partition is back: SIGKILL a worker process that is running a partition of this run."""
        if killed:
            return
        pids = dask_cluster.run(os.getpid)
        for worker, keys in dask_cluster.processing().items():
            running = [k for k in keys if str(k).startswith("kg-partition-")]
            if running and worker in pids:
                os.kill(pids[worker], signal.SIGKILL)
                killed.append((worker, running))
                return

    report = cluster_ingest(
        [articles], empty_endpoint, client=dask_cluster, partition_size=1, on_parsed=kill_a_busy_worker
    )
    assert killed, "no worker was running a partition when the first one came back"
    # the killed worker's partition was run again elsewhere: every document is stored, each once and whole
    assert sorted(report.added) == sorted(set(report.added)) and len(report.added) == 6
    assert quads(empty_endpoint) == expected
    hashes = open_store(empty_endpoint).query(
        "SELECT ?g (COUNT(?h) AS ?n) WHERE { GRAPH ?g { ?d kg:contentHash ?h } } GROUP BY ?g"
    )
    assert sorted(int(row["n"].value) for row in hashes) == [1] * 6


@pytest.mark.parametrize(
    ("address", "says"),
    [("nonsense://x", "unknown address scheme"), ("127.0.0.1:notaport", "notaport"), ("tcp://", "missing port")],
)
def test_a_malformed_scheduler_address_is_one_error_line(address, says, tmp_path):
    result = CliRunner().invoke(main, ["ingest", str(SEEDS), "--store", str(tmp_path / "s"), "--cluster", address])
    assert result.exit_code == 1 and result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"kg: error: not a Dask scheduler address: {address!r}") and says in result.stderr


def test_parts_and_workers_are_checked_against_cluster(tmp_path):
    store = str(tmp_path / "s")
    parts = CliRunner().invoke(main, ["ingest", str(SEEDS), "--store", store, "--parts", str(tmp_path / "p")])
    assert (
        parts.exit_code == 1
        and parts.stderr == "kg: error: --parts is for --cluster (part files written by the cluster's workers)\n"
    )
    both = CliRunner().invoke(
        main, ["ingest", str(SEEDS), "--store", store, "--cluster", "tcp://127.0.0.1:1", "--workers", "2"]
    )
    assert both.exit_code == 1 and "--workers counts processes on this machine" in both.stderr
    assert not (tmp_path / "p").exists()
