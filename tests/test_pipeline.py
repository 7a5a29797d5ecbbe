"""Ingest and remove end to end (kg.pipeline): an unchanged article adds nothing, a changed one replaces
its statements, a removed one leaves nothing, and the parse in two processes gives the same graph."""

from __future__ import annotations

import json

from kg.pipeline import ingest
from tests.conftest import ARTICLES, SEEDS, count_quads, run
from tests.test_documents import labels


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


def test_two_workers_give_the_same_graph(tmp_path):
    one, two = str(tmp_path / "one"), str(tmp_path / "two")
    ingest([SEEDS], one)
    ingest([SEEDS], two, workers=2)
    query = "SELECT ?st ?p WHERE { ?st a rdf:Statement ; rdf:predicate ?p } ORDER BY ?st"
    assert labels(one, query) == labels(two, query) and labels(one, query)


def test_ingest_writes_in_batches(tmp_path):
    writes = []
    report = ingest([SEEDS, ARTICLES], "memory:", batch_size=3, on_write=lambda r: writes.append(len(r.added)))
    assert len(report.added) == 4 and writes == [3, 4]


def test_a_rule_that_fails_on_one_sentence_costs_that_sentence_only(tmp_path, monkeypatch):
    """A bug in a rule, met on one odd sentence, skips that sentence with a note; the document's other statements
    and the rest of the run are kept, and `kg extract` names the skipped sentence on stderr, with no traceback.
    (The fault is injected: the bugs this guards against are the ones nobody has found yet.)"""
    from kg.rules import SentenceRules

    run_rules = SentenceRules.run

    def failing(self):
        if "Zanzibar" in self.sentence.text:
            raise RecursionError("maximum recursion depth exceeded")
        return run_rules(self)

    monkeypatch.setattr(SentenceRules, "run", failing)
    article = tmp_path / "odd.txt"
    article.write_text("Iran supports Hezbollah. Zanzibar attacked Kenya. Russia attacked Ukraine.\n")
    result = run("extract", "--file", str(article))
    assert result.exit_code == 0 and "Traceback" not in result.output
    assert "Iran --supports--> Hezbollah" in result.output and "Russia --attacks--> Ukraine" in result.output
    assert "kg: note: sentence 2 skipped: a rule failed on it (RecursionError)" in result.output
    ingested = run("ingest", str(article), "--store", str(tmp_path / "store"))
    assert ingested.exit_code == 0 and "1 new" in ingested.output and "1 sentences skipped" in ingested.output
