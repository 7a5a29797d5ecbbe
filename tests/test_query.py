"""kg query (kg.query): SPARQL over the store with the prefixes predeclared, every answer format, the
query from an argument, a file or standard input, and one clean line for a query that fails, also when
it fails while its results stream."""

from __future__ import annotations

import json

import pytest
import rdflib
from click.testing import CliRunner

from kg.cli import main
from tests.conftest import free_port, run


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


def test_sparql_syntax_error(store):
    result = CliRunner().invoke(main, ["query", "SELEC ?x WHERE {}", "--store", store])
    assert result.exit_code == 1
    assert result.stderr.startswith("kg: error: SPARQL syntax error") and result.stderr.count("\n") == 1


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


def test_one_table_for_every_text_report():
    """query results, kg eval and kg analyze print the same aligned table; kg analyze's has no count line."""
    from kg.query import table

    assert table(["actor", "n"], [["Iran", "2"], ["Hezbollah", "10"]]).splitlines() == [
        "actor      n",
        "---------  --",
        "Iran       2",
        "Hezbollah  10",
        "(2 rows)",
    ]
    assert table(["actor"], [["Iran"]], count=False).splitlines() == ["actor", "-----", "Iran"]
