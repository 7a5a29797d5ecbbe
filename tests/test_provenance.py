"""The extractor's identity on every document, and `kg ingest` re-extracting what an older extractor stored.

Real on-disk stores. kg reads its data from one directory (kg.vocabulary.data_dir), so the ingest tests
stand in for "the lexicon changed since" by writing another fingerprint into the store with SPARQL, as
an older kg would have left it; the fingerprint itself is tested on a copy of the data directory.
"""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from kg import sentences
from kg.cli import main
from kg.pipeline import ingest
from kg.provenance import extractor_identity, identity_of, model_identity
from kg.rdf import doc_iri, graph_iri
from kg.store import open_store
from kg.vocabulary import data_dir

ARTICLE = "Iran supports Hezbollah.\n\nRussia attacked Ukraine's army near Kharkiv.\n"


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_the_fingerprint_changes_with_every_input_and_only_with_them(tmp_path):
    copy = tmp_path / "ontology"
    shutil.copytree(data_dir(), copy)
    base = identity_of(copy, "1.0", "en_core_web_sm 3.8.0")
    assert base == identity_of(data_dir(), "1.0", "en_core_web_sm 3.8.0")  # where it lies does not matter
    assert base.version.startswith("kg 1.0; en_core_web_sm 3.8.0; spacy ")
    assert identity_of(copy, "1.1", "en_core_web_sm 3.8.0").fingerprint != base.fingerprint
    assert identity_of(copy, "1.0", "en_core_web_sm 3.8.1").fingerprint != base.fingerprint
    (copy / "README.md").write_text("prose only", encoding="utf-8")
    assert identity_of(copy, "1.0", "en_core_web_sm 3.8.0") == base
    lexicon = copy / "lexicon" / "relations.tsv"
    lexicon.write_text(lexicon.read_text(encoding="utf-8") + "supports\tverb\tbolster\t-\tboth\n", encoding="utf-8")
    changed = identity_of(copy, "1.0", "en_core_web_sm 3.8.0")
    assert changed.fingerprint != base.fingerprint and changed.version == base.version
    (copy / "gazetteer" / "new.jsonl").write_text("", encoding="utf-8")  # a new, even empty, file counts
    assert identity_of(copy, "1.0", "en_core_web_sm 3.8.0").fingerprint != changed.fingerprint


def test_the_model_named_is_the_model_kg_loads():
    """Read from package metadata, without loading spaCy, and the same pipeline kg.sentences loads."""
    meta = sentences.load_pipeline().meta
    assert model_identity() == f"{meta['lang']}_{meta['name']} {meta['version']}"
    assert model_identity("no_such_model") == "no_such_model unknown"


def stored_identity(location: str, doc_id: str) -> tuple[str, str]:
    store = open_store(location, read_only=True)
    rows = list(
        store.query(
            f"SELECT ?v ?f WHERE {{ GRAPH <{graph_iri(doc_id)}> {{ <{doc_iri(doc_id)}> "
            "kg:extractorVersion ?v ; kg:extractorFingerprint ?f } }"
        )
    )
    assert len(rows) == 1
    return rows[0]["v"].value, rows[0]["f"].value


def statements_of(location: str, doc_id: str) -> set[tuple[str, str, str]]:
    store = open_store(location, read_only=True)
    rows = store.query(
        f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph_iri(doc_id)}> {{ ?st rdf:subject ?s ; rdf:predicate ?p ; "
        "rdf:object ?o } }"
    )
    return {(r["s"].value, r["p"].value, r["o"].value) for r in rows}


@pytest.fixture()
def stored(tmp_path) -> tuple[str, str]:
    """An article (tmp_path/news/article.txt) ingested into a fresh on-disk store: (store location, document id)."""
    article = tmp_path / "news" / "article.txt"
    article.parent.mkdir()
    article.write_text(ARTICLE, encoding="utf-8")
    location = str(tmp_path / "store")
    report = ingest([article.parent], location)
    assert report.added == ["article"]
    return location, "article"


def test_every_document_carries_the_extractors_identity(stored):
    location, doc_id = stored
    identity = extractor_identity()
    assert stored_identity(location, doc_id) == (identity.version, identity.fingerprint)


def age(location: str, doc_id: str, fingerprint: str | None) -> None:
    """Make the stored document look extracted by an older extractor that also found a statement the
    current one does not (with ``fingerprint`` None: stored before kg wrote fingerprints)."""
    graph, doc = graph_iri(doc_id), doc_iri(doc_id)
    insert = f'<{doc}> kg:extractorFingerprint "{fingerprint}" .' if fingerprint else ""
    store = open_store(location)
    store.update(
        f"DELETE {{ GRAPH <{graph}> {{ <{doc}> kg:extractorFingerprint ?f }} }} "
        f"WHERE {{ GRAPH <{graph}> {{ <{doc}> kg:extractorFingerprint ?f }} }} ;\n"
        f"INSERT DATA {{ GRAPH <{graph}> {{ {insert} <urn:stale> a rdf:Statement ; rdf:subject actor:france ; "
        "rdf:predicate kg:attacks ; rdf:object actor:iran . actor:france kg:attacks actor:iran } }"
    )


@pytest.mark.parametrize("fingerprint", ["0" * 64, None], ids=["older fingerprint", "no fingerprint"])
def test_ingest_re_extracts_an_article_an_older_extractor_stored(stored, tmp_path, fingerprint):
    location, doc_id = stored
    fresh = statements_of(location, doc_id)
    assert fresh  # the article gives statements, so replacing them is visible
    age(location, doc_id, fingerprint)
    assert len(statements_of(location, doc_id)) == len(fresh) + 1

    result = run("ingest", str(tmp_path / "news"), "--store", location)
    assert result.exit_code == 0, result.output
    assert "documents: 0 new, 0 updated, 1 re-extracted, 0 unchanged, 0 skipped" in result.output
    assert statements_of(location, doc_id) == fresh  # the stale statement is gone, nothing doubled
    assert stored_identity(location, doc_id)[1] == extractor_identity().fingerprint
    assert not open_store(location, read_only=True).query("ASK { actor:france kg:attacks actor:iran }")

    again = run("ingest", str(tmp_path / "news"), "--store", location)
    assert "documents: 0 new, 0 updated, 0 re-extracted, 1 unchanged, 0 skipped" in again.output


def test_a_changed_text_is_updated_not_re_extracted(stored, tmp_path):
    location, doc_id = stored
    age(location, doc_id, "0" * 64)
    (tmp_path / "news" / "article.txt").write_text(ARTICLE + "\nIsrael attacked Hamas.\n", encoding="utf-8")
    report = ingest([tmp_path / "news"], location)
    assert (report.replaced, report.reextracted, report.unchanged) == (["article"], [], [])
