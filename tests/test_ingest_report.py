"""The ingest summary counts what the store holds, not what the extractor returned."""

from __future__ import annotations

from click.testing import CliRunner

from kg.cli import main
from kg.pipeline import ingest
from kg.store import open_store

STATEMENTS = "SELECT (COUNT(*) AS ?n) WHERE { ?st a rdf:Statement }"


def stored_statements(location: str) -> int:
    return int(next(iter(open_store(location, read_only=True).query(STATEMENTS)))["n"].value)


def test_a_repeated_sentence_is_one_stored_statement_and_counted_once(tmp_path):
    """A sentence printed twice (a headline repeated as the lead) gives the same statement twice; its
    IRI is keyed by the sentence text, so the store holds it once, and the summary must say so."""
    article = tmp_path / "repeat.txt"
    article.write_text("Iran supports Hezbollah.\n\nIran supports Hezbollah.\n\nRussia backs the Syrian army.\n")
    location = str(tmp_path / "store")
    result = CliRunner().invoke(main, ["ingest", str(article), "--store", location])
    assert result.exit_code == 0, result.output
    assert stored_statements(location) == 2
    assert "statements: 2;" in result.output, result.output


def test_the_report_counts_each_run_and_replacements(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Iran supports Hezbollah.\n\nIran supports Hezbollah.\n")
    location = str(tmp_path / "store")
    assert ingest([article], location).statements == 1 == stored_statements(location)
    article.write_text("Iran supports Hezbollah.\n\nTurkey attacked the YPG.\n\nTurkey attacked the YPG.\n")
    report = ingest([article], location)
    assert report.replaced == ["a"] and report.statements == 2 == stored_statements(location)
