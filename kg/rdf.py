"""Stage 5: statements become RDF, in the shape every SPARQL user can rely on.

Per document, one named graph holds:

* the document node (``kg:Document``: ``dcterms:title``, ``dcterms:source``, ``dcterms:date``,
  ``dcterms:publisher``, ``kg:contentHash``, and the extractor that read it: ``kg:extractorVersion``,
  ``kg:extractorFingerprint``, see kg.provenance) and the sentences that are evidence for a statement or
  event (``rdf:value`` the text, ``dcterms:isPartOf`` the document). Other sentences are not stored: the graph keeps
  evidence, not an archive of the article, and that keeps a million-statement store small;
* one ``rdf:Statement`` per statement: ``rdf:subject``, ``rdf:predicate``, ``rdf:object``,
  ``kg:factuality``, ``kg:attributedTo`` (an actor, or the literal "source"),
  ``prov:wasDerivedFrom`` its sentence, ``kg:trigger`` the words;
* the plain triple ``subject relation object`` for truthy statements only (actual, unattributed);
* one ``kg:Event`` per act with one known side ('Albanians demonstrated in Serbia', 'three civilians were
  killed'): ``kg:agent`` or ``kg:target``, ``kg:eventRelation`` (the relation its trigger names),
  ``kg:ploverEvent`` and the provenance, factuality and attribution of a statement; never a plain triple;
* ``skos:altLabel`` for the surface forms this document used, so removing it removes them.

Actor descriptions (type, label, gazetteer aliases, parent, Wikidata) go to a shared actors graph.
IRIs are derived from content, so ingesting the same article twice yields the same quads.

Corroboration is materialised in its own graph, one ``kg:Corroboration`` node per (subject,
relation, object) that some document reports, with ``kg:documentCount`` (distinct documents with
any statement of it: facts, claims, denials, plans) and ``kg:assertedCount`` (distinct documents
that state it as a fact in their own voice, i.e. hold its plain triple). Every write recounts the
triples it touches in the same transaction (:func:`corroboration_update`), so the counts are
never stale and "who supports whom, by how many sources" is a lookup, not an aggregation.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from operator import attrgetter
from urllib.parse import quote

import pyoxigraph as ox

from kg.documents import Document
from kg.gazetteer import Actor
from kg.provenance import ExtractorIdentity, extractor_identity
from kg.statements import SOURCE, Event, Extraction, Factuality, Statement
from kg.vocabulary import ACTORS_GRAPH, CORROBORATION_GRAPH, DCTERMS, GRAPHS, ID, KG, OWL, PROV, RDF, RDFS, SKOS, XSD

#: A document's source that is stored as an IRI: a URL (``https://``, ``file://``) or a URN.
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://|urn:", re.IGNORECASE)
WIKIDATA = "http://www.wikidata.org/entity/"


def N(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _digest(*parts: str, size: int = 16) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:size]


def _safe(text: str) -> str:
    return quote(text, safe="-._~")


def doc_iri(doc_id: str) -> str:
    return f"{ID}doc/{_safe(doc_id)}"


#: Every document graph's IRI starts with this.
DOCUMENT_GRAPHS = f"{GRAPHS}doc/"


def graph_iri(doc_id: str) -> str:
    """The named graph that holds one document's statements."""
    return f"{DOCUMENT_GRAPHS}{_safe(doc_id)}"


def actor_iri(actor_id: str) -> str:
    return f"{ID}actor/{_safe(actor_id)}"


def sentence_iri(doc_id: str, text: str) -> str:
    """Keyed by text: a sentence repeated in an article (a headline printed twice) is one node."""
    return f"{ID}sentence/{_safe(doc_id)}/{_digest(' '.join(text.split()))}"


def statement_iri(doc_id: str, statement: Statement) -> str:
    key = [str(k) for k in statement.key()]
    return f"{ID}statement/{_safe(doc_id)}/{_digest(statement.sentence.text, *key, size=20)}"


def document_quads(
    document: Document, extraction: Extraction, identity: ExtractorIdentity | None = None
) -> Iterator[ox.Quad]:
    """Everything one document contributes to its named graph (``identity``: the running extractor's)."""
    g = N(graph_iri(document.doc_id))
    doc = N(doc_iri(document.doc_id))
    identity = identity or extractor_identity()
    yield ox.Quad(doc, N(RDF + "type"), N(KG + "Document"), g)
    yield ox.Quad(doc, N(DCTERMS + "identifier"), ox.Literal(document.doc_id), g)
    yield ox.Quad(doc, N(KG + "contentHash"), ox.Literal(document.content_hash), g)
    yield ox.Quad(doc, N(KG + "extractorVersion"), ox.Literal(identity.version), g)
    yield ox.Quad(doc, N(KG + "extractorFingerprint"), ox.Literal(identity.fingerprint), g)
    if document.title:
        yield ox.Quad(doc, N(DCTERMS + "title"), ox.Literal(document.title), g)
    if document.source:
        try:  # a URL is an IRI; a file's path (relative to what was named) stays text, even 'Update:Syria.txt'
            source: ox.NamedNode | ox.Literal = (
                N(document.source) if _URL.match(document.source) else ox.Literal(document.source)
            )
        except ValueError:  # a URL field that is no valid IRI stays as text
            source = ox.Literal(document.source)
        yield ox.Quad(doc, N(DCTERMS + "source"), source, g)
    if document.date:
        yield ox.Quad(doc, N(DCTERMS + "date"), ox.Literal(document.date, datatype=N(XSD + "date")), g)
    if document.publisher:
        yield ox.Quad(doc, N(DCTERMS + "publisher"), ox.Literal(document.publisher), g)
    seen_sentences: set[str] = set()
    evidence = {s.sentence.index: s.sentence for s in [*extraction.statements, *extraction.events]}
    for sentence in sorted(evidence.values(), key=attrgetter("index")):
        node = sentence_iri(document.doc_id, sentence.text)
        if node in seen_sentences:
            continue
        seen_sentences.add(node)
        s = N(node)
        yield ox.Quad(s, N(RDF + "type"), N(KG + "Sentence"), g)
        yield ox.Quad(s, N(RDF + "value"), ox.Literal(sentence.text), g)
        yield ox.Quad(s, N(DCTERMS + "isPartOf"), doc, g)
        yield ox.Quad(s, N(KG + "sentenceIndex"), ox.Literal(sentence.index), g)
    for statement in extraction.statements:
        yield from statement_quads(document.doc_id, statement, g)
    for event in extraction.events:
        yield from event_quads(document.doc_id, event, g)
    for actor_id, forms in extraction.surface.items():
        for form in sorted(forms):
            yield ox.Quad(N(actor_iri(actor_id)), N(SKOS + "altLabel"), ox.Literal(form), g)


def statement_quads(doc_id: str, statement: Statement, g: ox.NamedNode) -> Iterator[ox.Quad]:
    """The reified statement, and the plain triple when the statement is truthy."""
    node = N(statement_iri(doc_id, statement))
    subject, obj = N(actor_iri(statement.subject.id)), N(actor_iri(statement.object.id))
    predicate = N(KG + statement.relation)
    yield ox.Quad(node, N(RDF + "type"), N(RDF + "Statement"), g)
    yield ox.Quad(node, N(RDF + "subject"), subject, g)
    yield ox.Quad(node, N(RDF + "predicate"), predicate, g)
    yield ox.Quad(node, N(RDF + "object"), obj, g)
    yield from assertion_quads(doc_id, node, statement, g)
    if statement.truthy:
        yield ox.Quad(subject, predicate, obj, g)


def event_iri(doc_id: str, event: Event) -> str:
    key = [str(k) for k in event.key()]
    return f"{ID}event/{_safe(doc_id)}/{_digest(event.sentence.text, *key, size=20)}"


def event_quads(doc_id: str, event: Event, g: ox.NamedNode) -> Iterator[ox.Quad]:
    """A one-sided event (kg:Event): its one actor as kg:agent or kg:target, the relation its trigger names as
    kg:eventRelation, and the provenance, factuality and codes a statement has. Never a plain triple."""
    node = N(event_iri(doc_id, event))
    yield ox.Quad(node, N(RDF + "type"), N(KG + "Event"), g)
    yield ox.Quad(node, N(KG + event.role), N(actor_iri(event.actor.id)), g)
    yield ox.Quad(node, N(KG + "eventRelation"), N(KG + event.relation), g)
    yield from assertion_quads(doc_id, node, event, g)


def assertion_quads(doc_id: str, node: ox.NamedNode, item: Statement | Event, g: ox.NamedNode) -> Iterator[ox.Quad]:
    """What a statement and an event both carry (kg:Assertion): factuality, asserter, sentence, trigger, codes."""
    yield ox.Quad(node, N(KG + "factuality"), N(Factuality(item.factuality).iri), g)
    if item.attributed_to == SOURCE:
        yield ox.Quad(node, N(KG + "attributedTo"), ox.Literal(SOURCE), g)
    elif isinstance(item.attributed_to, Actor):
        yield ox.Quad(node, N(KG + "attributedTo"), N(actor_iri(item.attributed_to.id)), g)
    yield ox.Quad(node, N(PROV + "wasDerivedFrom"), N(sentence_iri(doc_id, item.sentence.text)), g)
    if item.trigger:
        yield ox.Quad(node, N(KG + "trigger"), ox.Literal(item.trigger), g)
    if item.cameo:
        yield ox.Quad(node, N(KG + "cameoCode"), ox.Literal(item.cameo), g)
    if item.plover:
        yield ox.Quad(node, N(KG + "ploverEvent"), ox.Literal(item.plover), g)


def actor_quads(actors: Iterable[Actor], known: dict[str, str] | None = None) -> Iterator[ox.Quad]:
    """Actor descriptions for the shared actors graph.

    ``known`` maps actor ids already in the store to their label: such an actor keeps its label
    and type, and a different spelling met now ('al Nusra' for 'al-Nusra') becomes an altLabel, so
    no actor ever has two rdfs:labels.
    """
    known = known or {}
    g = N(ACTORS_GRAPH)
    for actor in actors:
        a = N(actor_iri(actor.id))
        if actor.id in known:
            if known[actor.id] != actor.label:
                yield ox.Quad(a, N(SKOS + "altLabel"), ox.Literal(actor.label), g)
            if actor.wikidata:  # an id the gazetteer gained since (ontology/gazetteer/wikidata.tsv) lands too
                yield ox.Quad(a, N(OWL + "sameAs"), N(WIKIDATA + actor.wikidata), g)
            continue
        yield ox.Quad(a, N(RDF + "type"), N(KG + "Actor"), g)
        yield ox.Quad(a, N(RDF + "type"), N(KG + actor.type), g)
        yield ox.Quad(a, N(RDFS + "label"), ox.Literal(actor.label), g)
        for alias in dict.fromkeys([*actor.aliases, *actor.demonyms, *actor.capitals]):
            if alias != actor.label:
                yield ox.Quad(a, N(SKOS + "altLabel"), ox.Literal(alias), g)
        if actor.parent:
            yield ox.Quad(a, N(KG + "partOf"), N(actor_iri(actor.parent)), g)
        if actor.wikidata:
            yield ox.Quad(a, N(OWL + "sameAs"), N(WIKIDATA + actor.wikidata), g)
        if actor.iso3:
            yield ox.Quad(a, N(SKOS + "notation"), ox.Literal(actor.iso3), g)
        yield ox.Quad(a, N(DCTERMS + "source"), ox.Literal(actor.source), g)


def corroboration_iri(subject: str, relation: str, obj: str) -> str:
    return f"{ID}corroboration/{_digest(subject, relation, obj)}"


def relation_keys(quads: Iterable[ox.Quad]) -> set[tuple[str, str, str]]:
    """The (subject, relation, object) IRIs of the reified statements among some quads."""
    parts: dict[str, dict[str, str]] = {}
    for q in quads:
        if q.predicate.value in (RDF + "subject", RDF + "predicate", RDF + "object"):
            parts.setdefault(q.subject.value, {})[q.predicate.value] = q.object.value
    return {(p[RDF + "subject"], p[RDF + "predicate"], p[RDF + "object"]) for p in parts.values() if len(p) == 3}


def corroboration_update(keys: Iterable[tuple[str, str, str]]) -> str:
    """SPARQL update that recounts the documents reporting each (subject, relation, object) key.

    Run in the same request as the write that changed them, after it: operations of one request
    apply in order, so the recount sees the new document graphs. A key no document reports any
    more loses its node. Plain SPARQL 1.1, so it runs on every backend.
    """
    rows = [(corroboration_iri(*k), *k) for k in sorted(keys)]
    if not rows:
        return ""
    values = "\n".join(f"(<{c}> <{s}> <{p}> <{o}>)" for c, s, p, o in rows)
    nodes = " ".join(f"<{c}>" for c, *_ in rows)
    return f"""DELETE {{ GRAPH <{CORROBORATION_GRAPH}> {{ ?c ?x ?y }} }}
WHERE {{ VALUES ?c {{ {nodes} }} GRAPH <{CORROBORATION_GRAPH}> {{ ?c ?x ?y }} }} ;
INSERT {{ GRAPH <{CORROBORATION_GRAPH}> {{
  ?c a kg:Corroboration ; kg:subject ?s ; kg:relation ?p ; kg:object ?o ;
     kg:documentCount ?documents ; kg:assertedCount ?asserted }} }}
WHERE {{
  {{ SELECT ?c ?s ?p ?o (COUNT(DISTINCT ?g) AS ?documents) WHERE {{
      VALUES (?c ?s ?p ?o) {{ {values} }}
      GRAPH ?g {{ ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }}
  }} GROUP BY ?c ?s ?p ?o }}
  OPTIONAL {{ SELECT ?c (COUNT(DISTINCT ?g) AS ?facts) WHERE {{
      VALUES (?c ?s ?p ?o) {{ {values} }}
      GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{DOCUMENT_GRAPHS}"))
  }} GROUP BY ?c }}
  BIND(COALESCE(?facts, 0) AS ?asserted)
}}"""


def drop_graphs(graphs: Iterable[str]) -> str:
    """Operations that empty whole graphs (a document's graph before its new version goes in)."""
    return " ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in graphs)
