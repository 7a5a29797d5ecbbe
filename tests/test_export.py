"""kg export (kg.export): the graph in every RDF format, read back by independent parsers (rdflib, Oxigraph,
Raptor), one named graph per document in quad formats, and output files written safely (a private
temporary file replaced at the end, streams and pipes written directly, a killed export's leftovers removed).
Then what analysts load elsewhere: the statement table (CSV, JSON Lines) in pandas, and the actor network
(GraphML, GEXF with time) in networkx, from a small store that the real pipeline ingested."""

from __future__ import annotations

import io
import json
import os
import shutil
import stat
import subprocess
import sys
import xml.etree.ElementTree as ET

import networkx as nx
import pandas as pd
import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner

from kg import export
from kg.cli import main
from kg.export import STATEMENT_COLUMNS, export_statements, network_graph, statement_rows
from kg.network import read_network
from kg.pipeline import ingest
from kg.store import open_store
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


@pytest.mark.server  # (needs a Debian package, as the server tests do)
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


#: Two dated records of a feed, with title, URL and publisher, and one undated text file.
FEED = [
    {"id": "a1", "title": "Iran and its allies", "date": "2024-03-05", "url": "https://example.org/news/a1",
     "publisher": "Example News",
     "text": "Iran supports Hezbollah. Israel says Iran supports Hamas. Russia denied attacking Turkey."},
    {"id": "a2", "title": "Asylum", "date": "2024-04-20", "url": "https://example.org/news/a2",
     "publisher": "Example News", "text": "Iran supports Hezbollah.\n\nEcuador granted asylum to Assange."},
]  # fmt: skip
UNDATED = "Turkey attacked the YPG.\n\nTurkey accused the YPG of terrorism.\n"


@pytest.fixture(scope="module")
def news_store(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("news")
    (folder / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in FEED))
    (folder / "undated.txt").write_text(UNDATED)
    location = str(folder / "store")
    report = ingest([folder / "feed.jsonl", folder / "undated.txt"], location)
    assert report.stored == 3
    return location


def stored_statements(location: str) -> int:
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?st a rdf:Statement }"
    return int(next(iter(open_store(location, read_only=True).query(query)))["n"].value)


def one(table: pd.DataFrame, **where) -> pd.Series:
    """The single row of the table with these column values."""
    mask = pd.Series(True, index=table.index)
    for column, value in where.items():
        mask &= table[column] == value
    found = table[mask]
    assert len(found) == 1, f"{len(found)} rows with {where}"
    return found.iloc[0]


def check_known_statements(table: pd.DataFrame, location: str) -> None:
    assert list(table.columns) == list(STATEMENT_COLUMNS)
    assert len(table) == stored_statements(location) and table["statement"].is_unique
    fact = one(table, document="feed-a1", subject="Iran", relation="supports", object="Hezbollah")
    assert (fact.subject_type, fact.object_type, fact.factuality, fact.family) == ("State", "ArmedGroup", "actual",
                                                                                  "cooperation")  # fmt: skip
    assert pd.isna(fact.asserted_by) and pd.isna(fact.asserted_by_iri), "the article's own voice"
    assert (fact.date, fact.title, fact.url, fact.publisher) == (
        "2024-03-05", "Iran and its allies", "https://example.org/news/a1", "Example News"
    )  # fmt: skip
    assert (fact.plover, fact.cameo, fact.trigger) == ("SUPPORT", "050", "supports")
    assert fact.sentence == "Iran supports Hezbollah."
    assert (fact.document_count, fact.asserted_count) == (2, 2), "reported as fact by both feed articles"
    assert fact.subject_iri.endswith("/actor/iran") and fact.statement.startswith("https://w3id.org/kg-news/id/")
    claim = one(table, subject="Iran", relation="supports", object="Hamas")
    assert (claim.asserted_by, claim.factuality, claim.document_count, claim.asserted_count) == ("Israel", "actual",
                                                                                                1, 0)  # fmt: skip
    assert claim.asserted_by_iri.endswith("/actor/israel")
    denial = one(table, subject="Russia", relation="attacks", object="Turkey")
    assert (denial.factuality, denial.asserted_by) == ("negated", "Russia")
    asylum = one(table, subject="Ecuador", relation="supports")
    assert (asylum.cameo, asylum.plover, asylum.document) == ("075", "AID", "feed-a2")
    undated = one(table, subject="Turkey", relation="attacks", object="YPG")
    assert pd.isna(undated.date) and undated.document == "undated" and undated.url == "undated.txt"
    assert list(table["date"].fillna("~")) == sorted(table["date"].fillna("~")), "by date, undated last"


def test_statement_table_loads_in_pandas_from_csv(news_store, tmp_path):
    out = tmp_path / "statements.csv"
    result = CliRunner().invoke(main, ["export", "--format", "csv", "-o", str(out), "--store", news_store])
    assert result.exit_code == 0, result.output
    check_known_statements(pd.read_csv(out, dtype={"cameo": str}), news_store)


def test_statement_table_loads_in_pandas_from_json_lines(news_store, tmp_path):
    out = tmp_path / "statements.jsonl"
    result = CliRunner().invoke(main, ["export", "--format", "jsonl", "-o", str(out), "--store", news_store])
    assert result.exit_code == 0, result.output
    table = pd.read_json(out, lines=True, dtype=False)  # the JSON types as they are: "075" stays a string
    check_known_statements(table, news_store)
    first = json.loads(out.read_text().splitlines()[0])
    assert first["document_count"] == 2 and first["asserted_by"] is None, "numbers as numbers, null for none"


def test_the_table_is_read_a_batch_of_documents_at_a_time(news_store, monkeypatch):
    """The rows do not depend on how many documents one query reads, and none are read before asked for."""
    store = open_store(news_store, read_only=True)
    whole = list(statement_rows(store))
    monkeypatch.setattr(export, "DOCUMENTS_PER_QUERY", 1)
    queries: list[str] = []
    original = store.query
    monkeypatch.setattr(store, "query", lambda sparql: queries.append(sparql) or original(sparql))
    rows = statement_rows(store)
    assert len(queries) == 1, "only the list of documents before the first row"
    per_batch = 3  # the documents' graphs, their actors' labels and types, their corroboration counts
    assert next(rows) == whole[0] and len(queries) == 1 + per_batch
    assert [whole[0], *rows] == whole and len(queries) == 1 + 3 * per_batch
    written = io.BytesIO()
    assert export_statements(store, written, "csv") == len(whole)
    assert written.getvalue().decode().count("\n") == len(whole) + 1


def exported(location: str, fmt: str, path) -> None:
    result = CliRunner().invoke(main, ["export", "--format", fmt, "-o", str(path), "--store", location])
    assert result.exit_code == 0, result.output


def test_graphml_reads_back_in_networkx_with_every_attribute(news_store, tmp_path):
    expected = network_graph(read_network(open_store(news_store, read_only=True)))
    exported(news_store, "graphml", tmp_path / "net.graphml")
    read = nx.read_graphml(tmp_path / "net.graphml")
    assert isinstance(read, nx.MultiDiGraph), "Turkey attacks and accuses the YPG: two edges, one pair"
    assert dict(read.nodes(data=True)) == {n: {k: v for k, v in d.items() if k != "spells"}
                                           for n, d in expected.nodes(data=True)}  # fmt: skip
    assert {(u, v, k): d for u, v, k, d in read.edges(keys=True, data=True)} == {
        (u, v, k): {a: b for a, b in d.items() if a != "spells"} for u, v, k, d in expected.edges(keys=True, data=True)
    }
    iran_hezbollah = read.edges["https://w3id.org/kg-news/id/actor/iran", "https://w3id.org/kg-news/id/actor/hezbollah",
                                "supports"]  # fmt: skip
    assert iran_hezbollah["weight"] == 2 and iran_hezbollah["tie"] == "positive"
    assert (iran_hezbollah["first_date"], iran_hezbollah["last_date"]) == ("2024-03-05", "2024-04-20")
    assert read.nodes["https://w3id.org/kg-news/id/actor/iran"]["label"] == "Iran"


def test_gexf_reads_back_in_networkx_with_every_attribute_and_its_spells(news_store, tmp_path):
    expected = network_graph(read_network(open_store(news_store, read_only=True)))
    exported(news_store, "gexf", tmp_path / "net.gexf")
    read = nx.read_gexf(tmp_path / "net.gexf")
    assert isinstance(read, nx.MultiDiGraph)
    assert dict(read.nodes(data=True)) == dict(expected.nodes(data=True))
    edges = {(u, v, d["relation"]): d for u, v, d in read.edges(data=True)}
    assert set(edges) == set(expected.edges(keys=True))
    for (u, v, key), data in edges.items():
        want = expected.edges[u, v, key]
        assert {k: b for k, b in data.items() if k not in ("id", "networkx_key")} == {**want, "weight": float(
            want["weight"])}  # fmt: skip

    root = ET.parse(tmp_path / "net.gexf").getroot()
    ns = {"g": "http://www.gexf.net/1.2draft"}
    graph = root.find("g:graph", ns)
    assert (graph.get("mode"), graph.get("timeformat")) == ("dynamic", "date"), "Gephi's timeline needs both"
    spells = {}
    for edge in graph.iterfind("g:edges/g:edge", ns):
        key = (edge.get("source").rsplit("/", 1)[-1], edge.get("label"), edge.get("target").rsplit("/", 1)[-1])
        spells[key] = [(s.get("start"), s.get("end")) for s in edge.iterfind("g:spells/g:spell", ns)]
    assert spells[("iran", "supports", "hezbollah")] == [("2024-03-05", "2024-03-05"), ("2024-04-20", "2024-04-20")]
    assert spells[("turkey", "attacks", "ypg")] == [], "an undated article gives no time"
    iran = graph.find("g:nodes/g:node[@label='Iran']", ns)
    assert [(s.get("start"), s.get("end")) for s in iran.iterfind("g:spells/g:spell", ns)] == [
        ("2024-03-05", "2024-03-05"), ("2024-04-20", "2024-04-20")
    ]  # fmt: skip


def test_unknown_export_format_is_a_usage_error(news_store):
    result = CliRunner().invoke(main, ["export", "--format", "xlsx", "--store", news_store])
    assert result.exit_code == 2 and "'xlsx' is not one of" in result.output


def test_the_statement_table_is_the_same_on_every_backend(store, seed_store, tmp_path):
    """The embedded store and the SPARQL servers (Oxigraph server, Virtuoso) give the same rows in the same order."""
    tables = []
    for location in (store, seed_store):
        out = tmp_path / "statements.jsonl"
        assert run("export", "--format", "jsonl", "-o", str(out), "--store", location).exit_code == 0
        tables.append([json.loads(line) for line in out.read_text().splitlines()])
    assert tables[0] == tables[1] and len(tables[0]) == stored_statements(seed_store) > 10
    assert {r["asserted_by"] for r in tables[0]} >= {None, "source", "Turkey"}
