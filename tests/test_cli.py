"""The kg command end to end on a real on-disk store: ingest, query, export, eval, remove, and every
bad input giving one line on stderr, a non-zero exit, and an unchanged store."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
import rdflib
from click.testing import CliRunner

from kg.cli import main
from tests.conftest import GOLD, SEEDS, count_quads, free_port, run
from tests.test_packaging import NEWS_PAGE


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
