"""The kg command end to end on a real on-disk store: ingest, query, export, eval, remove, and every
bad input giving one line on stderr, a non-zero exit, and an unchanged store."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner

from kg.cli import main
from tests.conftest import BACKENDS, GOLD, SEEDS, backend_location, count_quads, free_port
from tests.test_packaging import NEWS_PAGE


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


@pytest.fixture(params=list(BACKENDS))
def store(request, tmp_path) -> str:
    """The seed article in each backend: the same tests run against the embedded on-disk store and
    real SPARQL 1.1 servers on 127.0.0.1 (Oxigraph server, Virtuoso)."""
    location = backend_location(request, tmp_path)
    assert run("ingest", str(SEEDS), "--store", location).exit_code == 0
    return location


@pytest.fixture()
def disk_store(tmp_path) -> str:
    """The seed article in the embedded store, for tests of on-disk behaviour."""
    location = str(tmp_path / "store")
    assert run("ingest", str(SEEDS), "--store", location).exit_code == 0
    return location


def test_the_installed_command_runs_the_main_job(tmp_path):
    """The console script itself (not in-process): ingest, then a SPARQL answer."""
    kg = shutil.which("kg") or f"{sys.executable} -m kg.cli"
    env_store = str(tmp_path / "s")
    out = subprocess.run([*kg.split(), "ingest", str(SEEDS), "--store", env_store], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "1 new" in out.stdout
    query = 'SELECT ?l WHERE { ?who kg:supports ?a . ?a rdfs:label "Syrian Army" . ?who rdfs:label ?l }'
    out = subprocess.run([*kg.split(), "query", query, "--store", env_store], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "Russia" in out.stdout


def test_store_comes_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_STORE", str(tmp_path / "env-store"))
    assert run("ingest", str(SEEDS)).exit_code == 0
    assert (tmp_path / "env-store").is_dir()
    result = run("query", "ASK { ?s a kg:Document }")
    assert result.output.strip() == "true"


def test_reingesting_the_same_article_adds_nothing(store):
    before = count_quads(store)
    result = run("ingest", str(SEEDS), "--store", store)
    assert "0 new, 0 updated, 0 re-extracted, 1 unchanged" in result.output
    assert count_quads(store) == before


def test_a_changed_article_replaces_its_statements(store, tmp_path):
    changed = tmp_path / "syria-raqqa-2016.txt"
    changed.write_text("Iran supports Hezbollah.\n")
    assert "1 updated" in run("ingest", str(changed), "--store", store).output
    rows = json.loads(
        run("query", "SELECT ?r WHERE { ?s rdf:predicate ?r }", "--format", "json", "--store", store).output
    )
    assert {b["r"]["value"] for b in rows["results"]["bindings"]} == {"https://w3id.org/kg-news/ontology#supports"}


def test_remove_deletes_a_document(store):
    assert run("remove", "syria-raqqa-2016", "--store", store).exit_code == 0
    assert run("query", "ASK { ?s a rdf:Statement }", "--store", store).output.strip() == "false"
    assert run("remove", "syria-raqqa-2016", "--store", store).exit_code == 1


def test_query_formats(store, tmp_path):
    select = "SELECT ?label WHERE { ?a a kg:State ; rdfs:label ?label } ORDER BY ?label"
    table = run("query", select, "--store", store).output
    assert "Russia" in table and "rows)" in table
    csv = run("query", select, "--format", "csv", "--store", store).output
    assert csv.splitlines()[0] == "label"
    tsv = run("query", select, "--format", "tsv", "--store", store).output
    assert tsv.splitlines()[0] == "?label"
    data = json.loads(run("query", select, "--format", "json", "--store", store).output)
    assert data["head"]["vars"] == ["label"]
    rq = tmp_path / "q.rq"
    rq.write_text(select)
    assert run("query", "--file", str(rq), "--store", store).output == table
    assert run("query", "--store", store, input=select).output == table
    construct = run("query", "CONSTRUCT { ?a rdfs:label ?l } WHERE { ?a a kg:State ; rdfs:label ?l }", "--store", store)
    graph = rdflib.Graph().parse(data=construct.output, format="turtle")
    assert len(graph) >= 3


def test_the_truthy_rule_keeps_beliefs_out_of_plain_triples(store):
    """'Ankara considers ... part of the PKK': a reified claim of Turkey, not a plain partOf fact."""
    ask_plain = 'ASK { ?x kg:partOf ?pkk . ?pkk rdfs:label "PKK" }'
    assert run("query", ask_plain, "--store", store).output.strip() == "false"
    ask_claim = """ASK { ?st rdf:predicate kg:partOf ; rdf:object/rdfs:label "PKK" ;
                        kg:attributedTo/rdfs:label "Turkey" ; kg:factuality kg:Actual }"""
    assert run("query", ask_claim, "--store", store).output.strip() == "true"


def test_statement_shape(store):
    query = """SELECT ?sentence ?title WHERE {
        ?st a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:factuality ?f ;
            prov:wasDerivedFrom ?sent .
        ?sent rdf:value ?sentence ; dcterms:isPartOf ?doc . ?doc dcterms:title ?title ; dcterms:source ?src .
        ?s rdfs:label ?sl ; skos:altLabel ?alt .
    }"""
    data = json.loads(run("query", query, "--format", "json", "--store", store).output)
    assert data["results"]["bindings"]
    assert {b["title"]["value"] for b in data["results"]["bindings"]} == {"Syrian Troops Plan To Target IS Stronghold"}
    source = run("query", 'ASK { ?st kg:attributedTo "source" }', "--store", store).output.strip()
    assert source == "true"


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


def test_extract_prints_statements_and_stores_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_STORE", str(tmp_path / "untouched"))
    result = run("extract", "Russia supports the Syrian army.")
    assert "Russia --supports--> Syrian Army [actual]" in result.output
    line = json.loads(run("extract", "--format", "json", "Iran supports Hezbollah.").output.splitlines()[0])
    assert line["subject"] == "Iran" and line["relation"] == "supports"
    assert not (tmp_path / "untouched").exists()


def test_eval_reports_the_spec_scores(store):
    result = run("eval", str(GOLD / "syria-raqqa-2016.jsonl"), "--store", store, "--show-errors")
    assert "precision" in result.output and "MISSED" in result.output
    data = json.loads(run("eval", str(GOLD / "syria-raqqa-2016.jsonl"), "--format", "json", "--store", store).output)
    assert data["gold"] == 24 and data["matched"] > 0 and "attacks" in data["relations"]
    precision, recall = data["matched"] / data["system"], data["matched"] / data["gold"]
    assert (data["precision"], data["recall"]) == (round(precision, 4), round(recall, 4))
    assert data["f1"] == round(2 * precision * recall / (precision + recall), 4)
    for key in ("gold", "system", "matched"):
        assert sum(r[key] for r in data["relations"].values()) == data[key], key
    assert f"gold 24  system {data['system']}  matched {data['matched']}" in result.output


def write(path, content: bytes):
    path.write_bytes(content)
    return str(path)


BAD_INGEST = {
    "missing": lambda d: str(d / "nope.txt"),
    "empty": lambda d: write(d / "empty.txt", b""),
    "binary": lambda d: write(d / "bin.txt", b"\x89PNG\r\n\x1a\n\x00\x00"),
    "non-utf8": lambda d: write(d / "latin.txt", b"Fran\xe7ois said Iran supports Hezbollah."),
}


@pytest.mark.parametrize("case", sorted(BAD_INGEST))
def test_a_bad_input_alone_fails_cleanly_and_leaves_the_store_unchanged(store, tmp_path, case):
    before = count_quads(store)
    result = CliRunner().invoke(main, ["ingest", BAD_INGEST[case](tmp_path), "--store", store])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 2 and lines[0].startswith("kg: skipped ") and lines[1].startswith("kg: error: nothing")
    assert "Traceback" not in result.output
    assert count_quads(store) == before


@pytest.mark.parametrize("case", sorted(BAD_INGEST))
def test_a_bad_input_among_good_ones_is_skipped_and_counted(store, tmp_path, case):
    good = write(tmp_path / "good.txt", b"Iran supports Hezbollah.")
    bad = BAD_INGEST[case](tmp_path)
    result = CliRunner().invoke(main, ["ingest", bad, good, "--store", store])
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith(f"kg: skipped {bad}: ") and result.stderr.count("\n") == 1
    assert "1 new, 0 updated, 0 re-extracted, 0 unchanged, 1 skipped" in result.stdout
    assert run("query", "ASK { doc:good a kg:Document }", "--store", store).output.strip() == "true"


@pytest.mark.parametrize("case", sorted(BAD_INGEST))
def test_strict_stops_at_a_bad_input(store, tmp_path, case):
    before = count_quads(store)
    good = write(tmp_path / "good.txt", b"Iran supports Hezbollah.")
    result = CliRunner().invoke(main, ["ingest", "--strict", BAD_INGEST[case](tmp_path), good, "--store", store])
    assert result.exit_code == 1 and "--strict: stopped; 0 documents stored" in result.stderr
    assert result.stderr.count("\n") == 1
    assert count_quads(store) == before


def test_sparql_syntax_error(store):
    result = CliRunner().invoke(main, ["query", "SELEC ?x WHERE {}", "--store", store])
    assert result.exit_code == 1
    assert result.stderr.startswith("kg: error: SPARQL syntax error") and result.stderr.count("\n") == 1


def test_unwritable_store_path(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    result = CliRunner().invoke(main, ["ingest", str(SEEDS), "--store", str(blocker / "store")])
    assert result.exit_code == 1
    assert result.stderr.startswith("kg: error: cannot open store") and result.stderr.count("\n") == 1


def test_store_that_is_a_file(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    result = CliRunner().invoke(main, ["ingest", str(SEEDS), "--store", str(blocker)])
    assert result.exit_code == 1 and "is a file" in result.stderr
    assert blocker.read_text() == "x"


def test_reading_a_store_that_does_not_exist(tmp_path):
    result = CliRunner().invoke(main, ["query", "ASK {}", "--store", str(tmp_path / "none")])
    assert result.exit_code == 1 and "no kg store" in result.stderr
    assert not (tmp_path / "none").exists()


def test_empty_query_on_stdin(store):
    result = CliRunner().invoke(main, ["query", "--store", store], input="  \n")
    assert result.exit_code == 1 and result.stderr == "kg: error: standard input is empty\n"


def test_a_non_empty_directory_is_not_taken_over(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    result = CliRunner().invoke(main, ["ingest", str(SEEDS), "--store", str(tmp_path)])
    assert result.exit_code == 1 and "not empty" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def hold(code: str) -> subprocess.Popen:
    """Another process that runs ``code`` and keeps what it opened until its stdin closes."""
    script = f"{code}; print('open', flush=True); import sys; sys.stdin.read()"
    holder = subprocess.Popen([sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "open"
    return holder


def test_a_store_in_use_by_another_process(disk_store):
    """One writer at a time, and no reading while one writes (Oxigraph's read-only mode is undefined
    then): each case is one clean line, and the store is unharmed."""
    store = disk_store
    before = count_quads(store)
    writer = hold(f"import pyoxigraph; s = pyoxigraph.Store({store!r})")
    try:
        result = CliRunner().invoke(main, ["ingest", str(SEEDS), "--store", store])
        assert result.exit_code == 1 and "in use by another kg process" in result.stderr
        result = CliRunner().invoke(main, ["query", "ASK { ?s a rdf:Statement }", "--store", store])
        assert result.exit_code == 1 and "being written by another kg process" in result.stderr
    finally:
        writer.communicate("", timeout=30)
    assert count_quads(store) == before


def test_readers_share_a_store_and_keep_writers_out(disk_store):
    store = disk_store
    reader = hold(f"from kg.store import open_store; s = open_store({store!r}, read_only=True)")
    try:
        assert run("query", "ASK { ?s a rdf:Statement }", "--store", store).output.strip() == "true"
        result = CliRunner().invoke(main, ["remove", "syria-raqqa-2016", "--store", store])
        assert result.exit_code == 1 and "in use by another kg process" in result.stderr
    finally:
        reader.communicate("", timeout=30)
    assert run("remove", "syria-raqqa-2016", "--store", store).exit_code == 0


def test_an_actor_keeps_one_label_across_articles(tmp_path):
    """A name the gazetteer does not know, spelt two ways in two articles, is one actor with one label."""
    (tmp_path / "a.txt").write_text("The Zintan Brigade attacked Tripoli.\n")
    (tmp_path / "b.txt").write_text("The Zintan-Brigade attacked Misrata.\n")
    location = str(tmp_path / "store")
    run("ingest", str(tmp_path / "a.txt"), "--store", location)
    run("ingest", str(tmp_path / "b.txt"), "--store", location)
    query = "SELECT ?l WHERE { ?a rdfs:label ?l ; skos:altLabel ?alt . FILTER(CONTAINS(LCASE(?l), 'zintan')) }"
    rows = json.loads(run("query", query, "--format", "json", "--store", location).output)["results"]["bindings"]
    assert {r["l"]["value"] for r in rows} == {"Zintan Brigade"}


def test_every_actor_in_the_graph_has_a_label_and_type(tmp_path):
    """'Syrian troops' are the Syrian Army, part of Syria: Syria is described though no statement names it."""
    (tmp_path / "a.txt").write_text("Syrian troops attacked rebels near Homs. Kurdish fighters watched.\n")
    location = str(tmp_path / "store")
    run("ingest", str(tmp_path / "a.txt"), "--store", location)
    query = """SELECT ?a WHERE {
        { ?st rdf:subject ?a } UNION { ?st rdf:object ?a } UNION { ?x kg:partOf ?a } UNION { ?a skos:altLabel ?l }
        FILTER NOT EXISTS { ?a rdfs:label ?label ; a kg:Actor }
    }"""
    assert run("query", query, "--format", "csv", "--store", location).output.strip() == "a"
    assert run("query", "ASK { actor:syrian-army kg:partOf actor:syria }", "--store", location).output.strip() == "true"


@pytest.mark.parametrize(("data", "message"), [(b"SELECT \xff", "not UTF-8"), (b"\x00\x01", "binary"), (b" ", "empty")])
def test_bad_standard_input(store, data, message):
    result = CliRunner().invoke(main, ["query", "--store", store], input=data)
    assert result.exit_code == 1 and message in result.stderr and result.stderr.count("\n") == 1


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


def test_a_reader_that_cannot_import_skips_its_input_only(tmp_path):
    """Issue 10, item 11: jusText without lxml_html_clean (what pip 23 installed) raised an ImportError
    that ended the run. The install is broken here for real: a lxml_html_clean that fails to import
    comes first on the path, as when it is missing."""
    broken = tmp_path / "broken"
    (broken / "lxml_html_clean").mkdir(parents=True)
    (broken / "lxml_html_clean" / "__init__.py").write_text("raise ImportError('No module named lxml_html_clean')\n")
    page = tmp_path / "page.html"
    page.write_text(NEWS_PAGE)
    good = write(tmp_path / "good.txt", b"Iran supports Hezbollah.")
    store = str(tmp_path / "store")
    env = {**os.environ, "PYTHONPATH": str(broken)}
    command = [sys.executable, "-m", "kg.cli", "ingest", str(page), good, "--store", store]
    result = subprocess.run(command, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith(f"kg: skipped {page}: cannot read HTML") and result.stderr.count("\n") == 1
    assert "1 new" in result.stdout and "1 skipped" in result.stdout
    assert run("query", "ASK { doc:good a kg:Document }", "--store", store).output.strip() == "true"


@pytest.mark.parametrize("form", ["SELECT * WHERE", "CONSTRUCT { ?s ?p ?o } WHERE", "ASK"])
@pytest.mark.parametrize("fmt", ["table", "json"])
def test_a_dead_service_target_is_one_clean_line(disk_store, form, fmt):
    """Issue 10, item 12: the engine fetches SERVICE results while they stream, so the error came out of
    the result's iteration, past the query call's error handling, as a traceback."""
    for port in (9, free_port()):  # a port HTTP may not use; a port nothing listens on
        query = f"{form} {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
        result = CliRunner().invoke(main, ["query", query, "--format", fmt, "--store", disk_store])
        assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.exception
        assert result.stderr.startswith("kg: error: query failed") and result.stderr.count("\n") == 1


def test_ingest_author_makes_we_the_issuer(tmp_path):
    from click.testing import CliRunner

    from kg.cli import main

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "release.txt").write_text("We condemn Iran's attack on Israel.\n")
    store = str(tmp_path / "store")
    result = CliRunner().invoke(
        main, ["ingest", "--store", store, "--quiet", "--author", "United States", str(tmp_path / "docs")]
    )
    assert result.exit_code == 0, result.output
    answer = CliRunner().invoke(
        main, ["query", "--store", store, "--format", "csv", "SELECT ?l WHERE { ?s kg:accuses ?o . ?s rdfs:label ?l }"]
    )
    assert answer.output.split() == ["l", "United", "States"]


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
