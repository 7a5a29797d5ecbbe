"""Stage 7b: the graph out to files for other tools.

* RDF: triple formats (Turtle, N-Triples, RDF/XML) merge every named graph into one graph; quad
  formats (TriG, N-Quads) keep one graph per document; JSON-LD keeps the graphs too.
* The statement table (CSV, JSON Lines): one row per statement, like GDELT's event table, for
  pandas, R or a spreadsheet (:data:`STATEMENT_COLUMNS`).
* The actor network (GraphML, GEXF): actors and relations with their attributes, for Gephi,
  Cytoscape or networkx; the GEXF carries time (spells from article dates) for Gephi's timeline.
"""

from __future__ import annotations

import csv
import glob
import io
import json
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import pyoxigraph as ox

from kg.errors import KgError
from kg.store import Store
from kg.vocabulary import DCTERMS, GRAPHS, KG, PROV, RDF, relations

if TYPE_CHECKING:
    import networkx as nx

    from kg.network import Network

TRIPLE_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES, "rdfxml": ox.RdfFormat.RDF_XML}
QUAD_FORMATS = {"trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS, "jsonld": ox.RdfFormat.JSON_LD}
#: One row per statement.
TABLE_FORMATS = ("csv", "jsonl")
#: The actor network (networkx's writers).
NETWORK_FORMATS = ("graphml", "gexf")
FORMATS = tuple(TRIPLE_FORMATS) + tuple(QUAD_FORMATS) + TABLE_FORMATS + NETWORK_FORMATS


def export(store: Store, output: BinaryIO, fmt: str = "turtle") -> None:
    """Write the store to a binary stream in one of :data:`FORMATS`, streaming where the backend can."""
    if fmt not in FORMATS:
        raise KgError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt in TABLE_FORMATS:
        export_statements(store, output, fmt)
    elif fmt in NETWORK_FORMATS:
        from kg.network import read_network

        export_network(read_network(store), output, fmt)
    else:
        store.dump(output, {**TRIPLE_FORMATS, **QUAD_FORMATS}[fmt])


#: The statement table's columns, in order (the README documents each).
STATEMENT_COLUMNS = (
    "statement", "date", "subject", "subject_type", "relation", "object", "object_type", "factuality",
    "asserted_by", "family", "plover", "cameo", "trigger", "sentence", "document", "title", "url", "publisher",
    "document_count", "asserted_count", "subject_iri", "object_iri", "asserted_by_iri",
)  # fmt: skip
#: Documents whose statements one query reads: a batch of rows is all that is held in memory.
DOCUMENTS_PER_QUERY = 200
#: IRIs named in one VALUES clause (actors, corroboration nodes).
IRIS_PER_QUERY = 1000
_STATEMENT = ox.NamedNode(RDF + "Statement")

#: Every document graph (kg.rdf.DOCUMENT_GRAPHS), by article date, undated ones last.
_DOCUMENTS = f"""SELECT ?g WHERE {{
  GRAPH ?g {{ ?doc a kg:Document OPTIONAL {{ ?doc dcterms:date ?date }} }}
  FILTER(STRSTARTS(STR(?g), "{GRAPHS}doc/"))
}} ORDER BY (!BOUND(?date)) ?date ?g"""

#: A batch of document graphs, whole: plain index scans, fast on every backend. (One query joining
#: statements, sentences, documents, actors and corroboration was 10 to 20 times slower on Oxigraph,
#: whose optimizer joins each OPTIONAL against the whole store.)
_QUADS = "SELECT ?g ?s ?p ?o WHERE { VALUES ?g { %s } GRAPH ?g { ?s ?p ?o } }"
_ACTORS = """SELECT ?a ?label ?type WHERE { VALUES ?a { %s }
  OPTIONAL { ?a rdfs:label ?label }
  OPTIONAL { ?a a ?type FILTER(?type != kg:Actor && STRSTARTS(STR(?type), STR(kg:))) } }"""
_COUNTS = """SELECT ?c ?documents ?asserted WHERE { VALUES ?c { %s }
  ?c kg:documentCount ?documents ; kg:assertedCount ?asserted }"""


def statement_rows(store: Store) -> Iterator[dict[str, str | int | None]]:
    """Every statement as a row of :data:`STATEMENT_COLUMNS` (None where the store has no value),
    in article date order (undated articles last), then sentence order.

    Streams on every backend: the documents are listed first (one IRI each), then read
    :data:`DOCUMENTS_PER_QUERY` documents at a time (their graphs, the labels and types of their
    actors, their corroboration counts), so a million statements never sit in memory at once, and
    a SPARQL server is never asked for one enormous answer.
    """
    from kg.query import reading_results

    with reading_results():  # now, not at the first row: a failing store fails before anything is written
        graphs = [row["g"].value for row in store.query(_DOCUMENTS)]
    return _statement_rows(store, graphs)


def _statement_rows(store: Store, graphs: list[str]) -> Iterator[dict[str, str | int | None]]:
    from kg.query import reading_results

    for start in range(0, len(graphs), DOCUMENTS_PER_QUERY):
        group = graphs[start : start + DOCUMENTS_PER_QUERY]
        with reading_results():
            yield from _batch_rows(store, group)


#: A node's properties in a document graph: predicate IRI -> value (the first, where there are several).
Node = dict[str, ox.NamedNode | ox.Literal]


def _batch_rows(store: Store, group: list[str]) -> list[dict[str, str | int | None]]:
    """The rows of a batch of documents, in the batch's order, then sentence order."""
    from kg.rdf import corroboration_iri

    nodes: dict[str, dict[str, Node]] = {g: {} for g in group}  # graph -> node IRI -> properties
    for row in store.query(_QUADS % _iris(group)):
        nodes[row["g"].value].setdefault(row["s"].value, {}).setdefault(row["p"].value, row["o"])
    statements = [
        (position, iri, props)
        for position, graph in enumerate(group)
        for iri, props in nodes[graph].items()
        if props.get(RDF + "type") == _STATEMENT and RDF + "subject" in props
    ]
    actors: set[str] = set()
    keys: dict[str, str] = {}  # statement -> its corroboration node
    for _position, iri, props in statements:
        subject, relation, obj = (props[RDF + part].value for part in ("subject", "predicate", "object"))
        by = props.get(KG + "attributedTo")
        actors.update([subject, obj, *([by.value] if isinstance(by, ox.NamedNode) else [])])
        keys[iri] = corroboration_iri(subject, relation, obj)
    described = _described(store, actors)
    counts: dict[str, tuple[int, int]] = {}
    wanted = sorted(set(keys.values()))
    for part in range(0, len(wanted), IRIS_PER_QUERY):
        for row in store.query(_COUNTS % _iris(wanted[part : part + IRIS_PER_QUERY])):
            counts[row["c"].value] = (int(row["documents"].value), int(row["asserted"].value))
    rows = []
    for position, iri, props in statements:
        graph = nodes[group[position]]
        sentence = graph.get(_value(props.get(PROV + "wasDerivedFrom")), {})
        document = graph.get(_value(sentence.get(DCTERMS + "isPartOf")), {})
        index = sentence.get(KG + "sentenceIndex")
        order = (position, int(index.value) if index is not None else 0, iri)
        rows.append((order, _statement_row(iri, props, sentence, document, described, counts.get(keys[iri]))))
    return [row for _order, row in sorted(rows, key=lambda item: item[0])]


def _value(term: ox.NamedNode | ox.Literal | None) -> str:
    return term.value if term is not None else ""


def _iris(iris) -> str:
    return " ".join(f"<{i}>" for i in iris)


def _described(store: Store, actors: set[str]) -> dict[str, tuple[str, str]]:
    """Label and type (local name) of each actor."""
    found: dict[str, tuple[str, str]] = {}
    ordered = sorted(actors)
    for part in range(0, len(ordered), IRIS_PER_QUERY):
        for row in store.query(_ACTORS % _iris(ordered[part : part + IRIS_PER_QUERY])):
            iri = row["a"].value
            label = row["label"].value if row["label"] is not None else iri.rsplit("/", 1)[-1]
            kind = row["type"].value.removeprefix(KG) if row["type"] is not None else "Actor"
            if iri not in found or found[iri][1] == "Actor":
                found[iri] = (label, kind)
    return found


def _statement_row(iri: str, props: dict, sentence: dict, document: dict, described: dict, counts) -> dict:
    def text(node: dict, predicate: str) -> str | None:
        term = node.get(predicate)
        return term.value if term is not None else None

    subject, obj = props[RDF + "subject"].value, props[RDF + "object"].value
    relation = props[RDF + "predicate"].value.removeprefix(KG)
    by = props.get(KG + "attributedTo")
    if by is None:
        asserted_by = asserted_by_iri = None
    elif isinstance(by, ox.NamedNode):
        asserted_by, asserted_by_iri = described.get(by.value, (by.value.rsplit("/", 1)[-1],))[0], by.value
    else:  # the literal "source": an unnamed source
        asserted_by, asserted_by_iri = by.value, None
    known = relations().get(relation)
    subject_label, subject_type = described.get(subject, (subject.rsplit("/", 1)[-1], "Actor"))
    object_label, object_type = described.get(obj, (obj.rsplit("/", 1)[-1], "Actor"))
    doc_iri = sentence.get(DCTERMS + "isPartOf")
    return {
        "statement": iri,
        "date": text(document, DCTERMS + "date"),
        "subject": subject_label,
        "subject_type": subject_type,
        "relation": relation,
        "object": object_label,
        "object_type": object_type,
        "factuality": props[KG + "factuality"].value.removeprefix(KG).lower(),
        "asserted_by": asserted_by,
        "family": known.family if known else None,
        "plover": text(props, KG + "ploverEvent"),
        "cameo": text(props, KG + "cameoCode"),
        "trigger": text(props, KG + "trigger"),
        "sentence": text(sentence, RDF + "value"),
        "document": text(document, DCTERMS + "identifier") or (doc_iri.value.rsplit("/", 1)[-1] if doc_iri else None),
        "title": text(document, DCTERMS + "title"),
        "url": text(document, DCTERMS + "source"),
        "publisher": text(document, DCTERMS + "publisher"),
        "document_count": counts[0] if counts else None,
        "asserted_count": counts[1] if counts else None,
        "subject_iri": subject,
        "object_iri": obj,
        "asserted_by_iri": asserted_by_iri,
    }


def export_statements(store: Store, output: BinaryIO, fmt: str = "csv") -> int:
    """Write the statement table as CSV (a header line, then one row per statement; empty cells where
    there is no value) or JSON Lines (one object per statement; null where there is no value), row by
    row. Returns the number of rows."""
    if fmt not in TABLE_FORMATS:
        raise KgError(f"unknown statement table format {fmt!r}; choose one of {', '.join(TABLE_FORMATS)}")
    text = io.TextIOWrapper(output, encoding="utf-8", newline="", write_through=True)
    rows = 0
    statements = statement_rows(store)
    try:
        writer = csv.writer(text, lineterminator="\n")
        if fmt == "csv":
            writer.writerow(STATEMENT_COLUMNS)
        for row in statements:
            if fmt == "csv":
                writer.writerow(["" if row[c] is None else row[c] for c in STATEMENT_COLUMNS])
            else:
                text.write(json.dumps(row, ensure_ascii=False) + "\n")
            rows += 1
        text.flush()
    finally:
        text.detach()  # the caller's stream stays open
    return rows


def network_graph(network: Network) -> nx.MultiDiGraph:
    """The actor network as networkx writes it to GraphML and GEXF: every attribute a plain string,
    number or boolean (those formats hold no lists), and time as GEXF spells.

    Nodes: ``label``, ``type``, ``iri``, ``aliases``, ``wikidata``, ``statements``, ``documents``,
    ``first_date``, ``last_date``. Edges (key: the relation): ``label`` and ``relation``, ``family``,
    ``tie``, ``sign``, ``symmetric``, ``style``, ``truthy``, ``weight`` and ``documents`` (documents
    reporting it), ``asserted`` (documents stating it as fact), ``statements``, ``factualities``,
    ``voices``, ``first_date``, ``last_date``. ``spells`` (nodes and edges) holds one (date, date)
    per day an article reported it: Gephi's timeline shows an element while its window covers one.
    """
    from kg.network import to_networkx

    graph = to_networkx(network)
    graph.graph["name"] = "kg actor network"
    dates: dict[str, set[str]] = {n: set() for n in graph}
    statements: dict[str, int] = dict.fromkeys(graph, 0)
    documents: dict[str, set[str]] = {n: set() for n in graph}
    for edge in network.edges.values():
        data = graph.edges[edge.subject, edge.object, edge.relation]
        data.update(
            label=edge.relation,
            weight=edge.document_count,
            asserted=edge.asserted_count,
            statements=len(edge.evidence),
            factualities=";".join(sorted({e.factuality for e in edge.evidence})),
            voices=";".join(sorted({e.voice for e in edge.evidence})),
            first_date=edge.dates[0] if edge.dates else "",
            last_date=edge.dates[-1] if edge.dates else "",
        )
        if edge.dates:
            data["spells"] = [(d, d) for d in edge.dates]
        for end in (edge.subject, edge.object):
            dates[end].update(edge.dates)
            statements[end] += len(edge.evidence)
            documents[end].update(edge.documents)
    for node, data in graph.nodes(data=True):
        actor = network.actor(node)
        ordered = sorted(dates[node])
        data.update(
            iri=node,
            aliases=actor.aliases,
            wikidata=actor.wikidata,
            statements=statements[node],
            documents=len(documents[node]),
            first_date=ordered[0] if ordered else "",
            last_date=ordered[-1] if ordered else "",
        )
        if ordered:
            data["spells"] = [(d, d) for d in ordered]
    return graph


def export_network(network: Network, output: BinaryIO, fmt: str = "gexf") -> None:
    """Write the actor network as GraphML or GEXF 1.2 (networkx's writers). GraphML has no time, so it
    leaves the spells out; its dates are in ``first_date``/``last_date``."""
    import networkx as nx

    if fmt not in NETWORK_FORMATS:
        raise KgError(f"unknown network format {fmt!r}; choose one of {', '.join(NETWORK_FORMATS)}")
    graph = network_graph(network)
    if fmt == "gexf":
        nx.write_gexf(graph, output, version="1.2draft")
        return
    for _, data in graph.nodes(data=True):
        data.pop("spells", None)
    for *_, data in graph.edges(data=True):
        data.pop("spells", None)
    nx.write_graphml(graph, output, named_key_ids=True)


def export_bytes(store: Store, fmt: str = "turtle") -> bytes:
    """The store serialised in memory: handy in notebooks for small graphs."""
    buffer = io.BytesIO()
    export(store, buffer, fmt)
    return buffer.getvalue()


#: What names an unfinished output's temporary file, hidden beside it: ``.graph.ttl.kg-tmp-XXXXXXXX``.
TMP_MARK = ".kg-tmp-"

try:
    import fcntl
except ImportError:  # Windows: no flock, so leftovers are not recognised as such
    fcntl = None


@contextmanager
def output_file(path: Path) -> Iterator[BinaryIO]:
    """A file to write (``kg export --output``, ``kg view --output``) that appears at ``path`` only when
    complete: a failure or Ctrl-C never leaves half a file, and never clobbers the previous one.

    The data goes to a temporary file beside ``path``, renamed over it at the end. Its writer holds a
    lock on it; a writer killed with -9 cannot remove it, but leaves it unlocked, and the next write
    of the same output removes every unlocked one (those of running writers stay locked).

    A path that is not a file to replace (``/dev/stdout``, a named pipe, a terminal) is written
    directly: it has no directory to hold a temporary file, and a stream cannot be half-replaced.
    """
    if _is_stream(path):
        try:
            with path.open("wb") as handle:
                yield handle
        except OSError as err:
            raise KgError(f"cannot write {path}: {err.strerror or err}") from None
        return
    directory = path.resolve().parent
    _remove_leftovers(directory, path.name)
    try:
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{path.name}{TMP_MARK}")
    except OSError as err:
        raise KgError(f"cannot write {path}: {err.strerror or err}") from None
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it private; the result is an ordinary file
            os.replace(tmp, path)  # still locked: a cleaner cannot take it for a leftover
    except OSError as err:
        raise KgError(f"cannot write {path}: {err.strerror or err}") from None
    finally:
        with suppress(FileNotFoundError):
            os.unlink(tmp)


def _is_stream(path: Path) -> bool:
    if str(path.absolute()).startswith(("/dev/", "/proc/")):
        return True  # /dev/stdout may lead to a file, but replacing that file would not write to stdout
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False  # no such file yet (or unreadable: the ordinary path says why)


def _remove_leftovers(directory: Path, name: str) -> None:
    """Temporary files of earlier writes of this output whose writer is gone (killed: unlocked)."""
    if fcntl is None:
        return
    for leftover in directory.glob(f".{glob.escape(name)}{TMP_MARK}*"):
        try:
            fd = os.open(leftover, os.O_RDONLY)
        except OSError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            leftover.unlink()
        except OSError:
            pass  # locked: another kg is writing it
        finally:
            os.close(fd)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
