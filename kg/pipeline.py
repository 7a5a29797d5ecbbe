"""The data flow end to end: documents -> sentences -> statements -> RDF -> store.

This is the library API the CLI and notebooks call: :func:`extract` reads a text and returns its
statements without storing anything; :func:`ingest` reads files and keeps their statements.

``ingest`` reads and checks every file before it parses any, and writes all documents in one
transaction, so a bad file or a crash leaves the store exactly as it was.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import unquote

from kg.documents import Document, from_text, read_documents
from kg.gazetteer import Actor, default_gazetteer
from kg.rdf import actor_iri, actor_quads, document_quads, graph_iri, to_update
from kg.sentences import split, split_many
from kg.statements import Extraction, get_extractor
from kg.store import Store, ontology_update, open_store
from kg.vocabulary import ACTORS_GRAPH


def extract_document(document: Document, extractor: str = "rules") -> Extraction:
    """The statements of one document."""
    return get_extractor(extractor).extract(split(document))


def extract(text: str, doc_id: str = "text", extractor: str = "rules") -> Extraction:
    """The statements of a text, nothing stored (``kg extract``)."""
    return extract_document(from_text(text, doc_id=doc_id), extractor)


@dataclass
class IngestReport:
    """What an ingest did, for the summary line and for tests."""

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    sentences: int = 0
    statements: int = 0
    actors: set[str] = field(default_factory=set)

    def summary(self) -> str:
        parts = [
            f"{len(self.added)} new",
            f"{len(self.replaced)} updated",
            f"{len(self.unchanged)} unchanged",
        ]
        return (
            f"documents: {', '.join(parts)}; sentences: {self.sentences}; "
            f"statements: {self.statements}; actors: {len(self.actors)}"
        )


def as_store(store: Store | str | os.PathLike | None) -> Store:
    """An open store as given, or the store at a location (None: KG_STORE or ./.kg)."""
    return open_store(store) if store is None or isinstance(store, (str, os.PathLike)) else store


def stored_hash(store: Store, doc_id: str) -> str | None:
    """The content hash of a document already in the store, if any."""
    result = store.query(f"SELECT ?h WHERE {{ GRAPH <{graph_iri(doc_id)}> {{ ?d kg:contentHash ?h }} }} LIMIT 1")
    for row in result:
        return row["h"].value
    return None


def ingest(
    paths: Iterable[str | os.PathLike],
    store: Store | str | None = None,
    extractor: str = "rules",
) -> IngestReport:
    """Read, extract and store the articles under ``paths``; unchanged articles are skipped."""
    documents = read_documents(paths)
    store = as_store(store)
    report = IngestReport()
    todo: list[Document] = []
    for document in documents:
        previous = stored_hash(store, document.doc_id)
        if previous == document.content_hash:
            report.unchanged.append(document.doc_id)
            continue
        (report.replaced if previous else report.added).append(document.doc_id)
        todo.append(document)
    if not todo:
        return report
    engine = get_extractor(extractor)
    quads = []
    actors: dict[str, Actor] = {}
    for document, sentences in split_many(todo):
        extraction = engine.extract(sentences)
        report.sentences += len(sentences)
        report.statements += len(extraction.statements)
        actors.update(involved_actors(extraction))
        quads.extend(document_quads(document, extraction, sentences))
    report.actors = set(actors)
    descriptions = actor_quads(actors.values(), known=stored_labels(store, actors))
    update = to_update([graph_iri(d.doc_id) for d in todo], [*quads, *descriptions])
    store.replace_graphs(ontology_update() + " ;\n" + update)
    return report


def involved_actors(extraction: Extraction) -> dict[str, Actor]:
    """Every actor a document's graph mentions, and their parents, so that each has a label and type."""
    gazetteer = default_gazetteer()
    found: dict[str, Actor] = {}
    pending: list[Actor | str | None] = [*extraction.surface]
    for statement in extraction.statements:
        pending += [statement.subject, statement.object, statement.attributed_to]
    while pending:
        item = pending.pop()
        actor = item if isinstance(item, Actor) else extraction.actors.get(item) or gazetteer.get(item)
        if actor is None or actor.id in found:
            continue
        found[actor.id] = actor
        pending.append(actor.parent)
    return found


def stored_labels(store: Store, actors: dict[str, Actor]) -> dict[str, str]:
    """Labels of the given actors that the store already has."""
    if not actors:
        return {}
    values = " ".join(f"<{actor_iri(i)}>" for i in actors)
    rows = store.query(
        f"SELECT ?a ?l WHERE {{ VALUES ?a {{ {values} }} GRAPH <{ACTORS_GRAPH}> {{ ?a rdfs:label ?l }} }}"
    )
    prefix = actor_iri("")
    return {unquote(row["a"].value[len(prefix) :]): row["l"].value for row in rows}


def remove(doc_id: str, store: Store | str | None = None) -> bool:
    """Delete one document's graph; True when it was there."""
    store = as_store(store)
    if stored_hash(store, doc_id) is None:
        return False
    store.replace_graphs(f"DROP GRAPH <{graph_iri(doc_id)}>")
    return True
