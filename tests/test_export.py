"""kg export (kg.export): the graph in every RDF format, read back by independent parsers (rdflib, Oxigraph,
Raptor), one named graph per document in quad formats, and output files written safely (a private
temporary file replaced at the end, streams and pipes written directly, a killed export's leftovers removed)."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys

import pyoxigraph as ox
import pytest
import rdflib

from tests.conftest import count_quads, run


@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "rdfxml"])
def test_exported_triples_parse_with_two_parsers(store, tmp_path, fmt):
    path = tmp_path / f"graph.{fmt}"
    assert run("export", "--format", fmt, "--output", str(path), "--store", store).exit_code == 0
    rdflib_format = {"turtle": "turtle", "ntriples": "nt", "rdfxml": "xml"}[fmt]
    ox_format = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES, "rdfxml": ox.RdfFormat.RDF_XML}[fmt]
    graph = rdflib.Graph().parse(path, format=rdflib_format)
    assert len(graph) > 100
    assert len(set(ox.parse(path=str(path), format=ox_format))) == len(graph)


def test_exported_turtle_parses_with_raptor(store, tmp_path):
    """A third parser, independent of the Python libraries: Debian's rapper (installed by .ci/run)."""
    rapper = shutil.which("rapper")
    assert rapper, "rapper is missing: apt-get install raptor2-utils (bash .ci/run does)"
    path = tmp_path / "graph.ttl"
    run("export", "--format", "turtle", "--output", str(path), "--store", store)
    result = subprocess.run([rapper, "-q", "-i", "turtle", "-o", "ntriples", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert len(set(result.stdout.splitlines())) == len(rdflib.Graph().parse(path, format="turtle"))


def test_quad_exports_keep_one_graph_per_document(store, tmp_path):
    path = tmp_path / "graph.trig"
    run("export", "--format", "trig", "--output", str(path), "--store", store)
    dataset = rdflib.Dataset().parse(path, format="trig")
    names = {str(g.identifier) for g in dataset.graphs()}
    assert "https://w3id.org/kg-news/id/graph/doc/syria-raqqa-2016" in names
    out = run("export", "--format", "nquads", "--store", store).output
    assert len(list(ox.parse(out.encode(), format=ox.RdfFormat.N_QUADS))) == count_quads(store)


def test_written_files_are_ordinary_files(disk_store, tmp_path):
    """export and view write through a private temporary file, yet the result has the usual
    permissions (umask), so a web server or a colleague can read graph.html."""
    mask = os.umask(0o022)
    try:
        for command, name in (("export", "graph.ttl"), ("view", "graph.html")):
            path = tmp_path / name
            assert run(command, "--output", str(path), "--store", disk_store).exit_code == 0
            assert stat.S_IMODE(path.stat().st_mode) == 0o644, command
    finally:
        os.umask(mask)


def test_export_writes_to_dev_stdout_and_pipes(disk_store, tmp_path):
    """Issue 10, item 15: -o /dev/stdout said "No such file" (the temporary file was made in /proc/self/fd).
    Streams are written directly: /dev/stdout into a pipe, and a named pipe."""
    command = [sys.executable, "-m", "kg.cli", "export", "-o", "/dev/stdout", "--store", disk_store]
    out = subprocess.run(command, capture_output=True)
    assert out.returncode == 0, out.stderr
    assert len(rdflib.Graph().parse(data=out.stdout, format="turtle")) > 100
    assert out.stderr.decode() == "wrote /dev/stdout (turtle)\n"

    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    received = tmp_path / "received.nq"
    with received.open("wb") as sink:  # a file, not a pipe of ours: a full pipe would stall cat, and the export
        reader = subprocess.Popen(["cat", str(fifo)], stdout=sink)
        try:
            assert run("export", "--format", "nquads", "-o", str(fifo), "--store", disk_store).exit_code == 0
            assert reader.wait(timeout=60) == 0
        finally:
            reader.kill()
    assert received.read_text().count("\n") == count_quads(disk_store)
    assert stat.S_ISFIFO(fifo.stat().st_mode)


WRITER = """
import sys, time
from pathlib import Path
from kg.export import output_file
with output_file(Path(sys.argv[1])) as handle:
    handle.write(b"half a graph")
    handle.flush()
    print("writing", flush=True)
    time.sleep(600)
"""


def test_a_killed_export_leaves_no_temporary_file_for_good(disk_store, tmp_path):
    """Issue 10, item 15: kill -9 during an export left a hidden temporary file forever. The next export
    of the same output removes it, and only it: a writer still running keeps its own."""
    output = tmp_path / "graph.ttl"
    killed = subprocess.Popen([sys.executable, "-c", WRITER, str(output)], stdout=subprocess.PIPE, text=True)
    assert killed.stdout.readline() == "writing\n"
    killed.kill()
    killed.wait(timeout=30)
    leftovers = list(tmp_path.glob(".graph.ttl.kg-tmp-*"))
    assert len(leftovers) == 1 and not output.exists()

    running = subprocess.Popen([sys.executable, "-c", WRITER, str(output)], stdout=subprocess.PIPE, text=True)
    try:
        assert running.stdout.readline() == "writing\n"
        theirs = set(tmp_path.glob(".graph.ttl.kg-tmp-*")) - set(leftovers)
        assert run("export", "-o", str(output), "--store", disk_store).exit_code == 0
        assert set(tmp_path.glob(".graph.ttl.kg-tmp-*")) == theirs, "the killed run's file removed, the live one kept"
        assert len(rdflib.Graph().parse(output, format="turtle")) > 100
    finally:
        running.kill()
        running.wait(timeout=30)
