"""Stage 7c: the graph as an interactive network in one self-contained HTML file (pyvis).

Nodes are actors, coloured and shaped by type and sized by degree; edges are one per
(subject, relation, object), coloured by relation family, solid when the article states the
relation in its own voice and dashed for attributed, potential or denied statements, with every
evidence sentence in the tooltip. Article text is untrusted: it reaches the page only as JSON
data (escaped by the template) and as vis-network tooltips, which render strings as text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import pyvis
from jinja2 import ChoiceLoader, Environment, FileSystemLoader
from pyvis.network import Network

from kg.store import Store
from kg.vocabulary import KG, relations

TYPE_STYLE = {
    "State": ("#1565c0", "dot"),
    "GovernmentBody": ("#42a5f5", "diamond"),
    "ArmedGroup": ("#e53935", "triangle"),
    "PoliticalOrganization": ("#fb8c00", "square"),
    "InternationalOrganization": ("#8e24aa", "hexagon"),
    "Person": ("#43a047", "ellipse"),
    "Population": ("#8d6e63", "star"),
    "Place": ("#9e9e9e", "box"),
}
FAMILY_COLOR = {"cooperation": "#2e7d32", "conflict": "#c62828", "structural": "#546e7a"}

EDGE_QUERY = """
SELECT ?s ?p ?o ?f ?attr ?attrLabel ?text ?doc ?title WHERE {
  ?st a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:factuality ?f ;
      prov:wasDerivedFrom ?sent .
  ?sent rdf:value ?text ; dcterms:isPartOf ?doc .
  OPTIONAL { ?doc dcterms:title ?title }
  OPTIONAL { ?st kg:attributedTo ?attr OPTIONAL { ?attr rdfs:label ?attrLabel } }
}
"""
CORROBORATION_QUERY = """
SELECT ?s ?p ?o ?n ?m WHERE {
  ?c a kg:Corroboration ; kg:subject ?s ; kg:relation ?p ; kg:object ?o ; kg:documentCount ?n ; kg:assertedCount ?m
}
"""
ACTOR_QUERY = """
SELECT ?a ?label ?type (GROUP_CONCAT(DISTINCT ?alt; SEPARATOR="; ") AS ?alts) (SAMPLE(?wd) AS ?wikidata) WHERE {
  ?a a kg:Actor ; rdfs:label ?label .
  OPTIONAL { ?a a ?type FILTER(?type != kg:Actor && STRSTARTS(STR(?type), STR(kg:))) }
  OPTIONAL { ?a skos:altLabel ?alt }
  OPTIONAL { ?a owl:sameAs ?wd }
} GROUP BY ?a ?label ?type
"""


@dataclass
class Edge:
    """One (subject, relation, object) of the view, aggregated over every statement that reports it."""

    subject: str
    relation: str
    object: str
    truthy: bool = False
    factualities: set[str] = field(default_factory=set)
    evidence: list[str] = field(default_factory=list)
    #: From the store's materialised corroboration: documents reporting it at all / as a fact.
    document_count: int = 0
    asserted_count: int = 0


def collect(store: Store) -> tuple[dict[str, dict], dict[tuple[str, str, str], Edge]]:
    """Actors and aggregated edges from the store."""
    actors: dict[str, dict] = {}
    for row in store.query(ACTOR_QUERY):
        actors[row["a"].value] = {
            "label": row["label"].value,
            "type": row["type"].value.removeprefix(KG) if row["type"] is not None else "Actor",
            "aliases": row["alts"].value if row["alts"] is not None else "",
            "wikidata": row["wikidata"].value if row["wikidata"] is not None else "",
        }
    edges: dict[tuple[str, str, str], Edge] = {}
    for row in store.query(EDGE_QUERY):
        key = (row["s"].value, row["p"].value.removeprefix(KG), row["o"].value)
        edge = edges.setdefault(key, Edge(*key))
        factuality = row["f"].value.removeprefix(KG).lower()
        attributed = row["attr"] is not None
        edge.truthy |= factuality == "actual" and not attributed
        edge.factualities.add(factuality)
        who = ""
        if attributed:
            who = f", according to {row['attrLabel'].value if row['attrLabel'] is not None else 'an unnamed source'}"
        title = row["title"].value if row["title"] is not None else row["doc"].value.rsplit("/", 1)[-1]
        edge.evidence.append(f"[{factuality}{who}] {row['text'].value} ({title})")
    for row in store.query(CORROBORATION_QUERY):
        edge = edges.get((row["s"].value, row["p"].value.removeprefix(KG), row["o"].value))
        if edge is not None:
            edge.document_count, edge.asserted_count = int(row["n"].value), int(row["m"].value)
    return actors, edges


def build(store: Store, heading: str = "kg: who does what to whom") -> Network:
    """A pyvis network of the store's actors and relations, ready to write."""
    actors, edges = collect(store)
    graph = nx.MultiDiGraph()
    graph.add_edges_from((e.subject, e.object) for e in edges.values())
    degree = dict(graph.degree())
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line", heading=heading)
    rels = relations()
    for iri in graph.nodes:
        info = actors.get(iri, {"label": iri.rsplit("/", 1)[-1], "type": "Actor", "aliases": "", "wikidata": ""})
        color, shape = TYPE_STYLE.get(info["type"], ("#607d8b", "dot"))
        lines = [info["label"], f"type: {info['type']}"]
        if info["aliases"]:
            lines.append(f"also: {info['aliases']}")
        if info["wikidata"]:
            lines.append(f"Wikidata: {info['wikidata']}")
        lines.append(f"relations: {degree.get(iri, 0)}")
        net.add_node(iri, label=info["label"], title="\n".join(lines), color=color, shape=shape,
                     size=12 + 4 * min(degree.get(iri, 0), 10))  # fmt: skip
    for edge in edges.values():
        rel = rels.get(edge.relation)
        family = rel.family if rel else "structural"
        dashes = not edge.truthy
        color = FAMILY_COLOR.get(family, "#546e7a")
        if edge.factualities == {"negated"}:
            color = "#ef9a9a"
        n = edge.document_count
        title = f"{edge.relation}: reported by {n} document{'s' if n != 1 else ''}, {edge.asserted_count} as fact\n"
        title += "\n".join(edge.evidence)
        net.add_edge(edge.subject, edge.object, label=edge.relation, title=title, color=color, dashes=dashes,
                     width=1 + 2 * min(n, 5), arrows="" if rel and rel.symmetric else "to",
                     family=family, truthy=edge.truthy)  # fmt: skip
    net.set_options(json.dumps(OPTIONS))
    return net


OPTIONS = {
    "physics": {"solver": "forceAtlas2Based", "stabilization": {"iterations": 200}},
    "edges": {"smooth": {"type": "dynamic"}, "font": {"size": 10, "align": "middle"}},
    "interaction": {"hover": True, "tooltipDelay": 150},
}


def render(store: Store, heading: str = "kg: who does what to whom") -> str:
    """The HTML page as a string: kg's template, with vis-network inlined from pyvis's bundled copy."""
    net = build(store, heading)
    environment = Environment(
        loader=ChoiceLoader(
            [
                FileSystemLoader(str(Path(__file__).parent / "templates")),
                FileSystemLoader(str(Path(pyvis.__file__).parent / "templates")),
            ]
        ),
        autoescape=True,
    )
    nodes, edges, heading, _height, _width, options = net.get_network_data()
    return environment.get_template("network.html").render(
        nodes=nodes, edges=edges, heading=heading, options=options, bgcolor="#ffffff",
        type_colors={t: c for t, (c, _shape) in TYPE_STYLE.items()},
    )  # fmt: skip


def write(store: Store, output: str | Path, heading: str = "kg: who does what to whom") -> Path:
    """Write the page to ``output`` and return its path."""
    output = Path(output)
    html = render(store, heading)
    output.write_text(html, encoding="utf-8")
    return output
