"""Stage 8a: the actor network as an interactive page: one self-contained HTML file (pyvis).

Nodes are actors, coloured and shaped by type, sized by degree centrality. Edges are one per
(subject, relation, object), coloured by relation family, as wide as the number of documents that
report them, with an arrow for directed relations; solid when an article states the relation in
its own voice, dashed for attributed claims, dotted for potential ones, pale red and marked "not"
for denials; the tooltip lists every evidence sentence with its article, date, factuality and
asserter. The page filters by family, relation, factuality, voice, minimum documents and date,
and searches an actor to focus on its neighbourhood.

Article text is untrusted: it reaches the page only as JSON data (escaped by the template) and as
vis-network tooltips, which render strings as text, never as HTML.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyvis
from jinja2 import ChoiceLoader, Environment, FileSystemLoader
from pyvis.network import Network as PyvisNetwork

from kg.network import Network, centrality, read_network
from kg.store import Store

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
NEGATED_COLOR = "#ef9a9a"
#: vis-network dash patterns by edge style.
DASHES = {"fact": False, "claim": [8, 6], "potential": [2, 5], "negated": [4, 4]}
#: Beyond this many nodes the page trades layout polish for speed (see OPTIONS_LARGE).
LARGE = 400
HEADING = "kg: who does what to whom"
#: Evidence sentences in one edge's tooltip: a hub edge reported a thousand times would make an
#: unreadable tooltip and a page of tens of megabytes.
EVIDENCE_SHOWN = 20

OPTIONS = {
    "physics": {"solver": "forceAtlas2Based", "stabilization": {"iterations": 200}},
    "edges": {"smooth": {"type": "dynamic"}, "font": {"size": 10, "align": "middle"}},
    "interaction": {"hover": True, "tooltipDelay": 150},
}
#: Thousands of nodes settle in seconds with Barnes-Hut, straight edges, no labels on edges, a
#: short stabilisation (its length set by size in build), and no "improved layout" (a clustering
#: pass that is quadratic).
OPTIONS_LARGE = {
    "layout": {"improvedLayout": False},
    "physics": {
        "solver": "barnesHut",
        "barnesHut": {"gravitationalConstant": -3000, "springLength": 120, "damping": 0.3},
    },
    "edges": {"smooth": False, "font": {"size": 0}},
    "nodes": {"font": {"size": 10}},
    "interaction": {"hover": False, "hideEdgesOnDrag": True, "tooltipDelay": 150},
}


def build(network: Network, heading: str = HEADING) -> PyvisNetwork:
    """A pyvis network of actors and relations, ready to render."""
    ranking = centrality(network)
    degree: dict[str, int] = {}
    for edge in network.edges.values():
        for end in (edge.subject, edge.object):
            degree[end] = degree.get(end, 0) + 1
    net = PyvisNetwork(height="100%", width="100%", directed=True, cdn_resources="in_line", heading=heading)
    for iri in sorted(network.nodes()):
        actor = network.actor(iri)
        color, shape = TYPE_STYLE.get(actor.type, ("#607d8b", "dot"))
        lines = [actor.label, f"type: {actor.type}"]
        if actor.aliases:
            lines.append(f"also: {actor.aliases}")
        if actor.wikidata:
            lines.append(f"Wikidata: {actor.wikidata}")
        lines.append(f"relations: {degree.get(iri, 0)}; degree centrality {ranking.get(iri, 0):.2f}")
        net.add_node(iri, label=actor.label, title="\n".join(lines), color=color, shape=shape,
                     value=ranking.get(iri, 0), actorType=actor.type)  # fmt: skip
    for edge in network.edges.values():
        n = edge.document_count
        style = edge.style
        label = ("not " if style == "negated" else "") + edge.relation
        title = f"{label}: reported by {n} document{'s' if n != 1 else ''}, {edge.asserted_count} as fact\n"
        title += "\n".join(e.describe() for e in edge.evidence[:EVIDENCE_SHOWN])
        if len(edge.evidence) > EVIDENCE_SHOWN:
            title += f"\n... and {len(edge.evidence) - EVIDENCE_SHOWN} more statements (kg query lists them all)"
        color = NEGATED_COLOR if style == "negated" else FAMILY_COLOR.get(edge.family, "#546e7a")
        net.add_edge(edge.subject, edge.object, label=label, title=title, color=color, dashes=DASHES[style],
                     width=1 + 2 * min(n, 5), arrows="" if edge.symmetric else "to",
                     family=edge.family, relation=edge.relation, style=style, documents=n,
                     factualities=sorted({e.factuality for e in edge.evidence}),
                     voices=sorted({e.voice for e in edge.evidence}), dates=edge.dates)  # fmt: skip
    size = len(network.nodes())
    options = dict(OPTIONS_LARGE if size > LARGE else OPTIONS)
    if size > LARGE:
        # Each Barnes-Hut iteration costs about n log n: fewer of them as n grows keeps the wait
        # to a few seconds (150 at 2,000 actors, 60 at 5,000).
        stabilization = {"iterations": max(50, min(150, 300_000 // size)), "updateInterval": 25}
        options["physics"] = {**options["physics"], "stabilization": stabilization}
    options["nodes"] = {**options.get("nodes", {}), "scaling": {"min": 8, "max": 40}}
    net.set_options(json.dumps(options))
    return net


def render(network: Network | Store, heading: str = HEADING) -> str:
    """The HTML page as a string: kg's template, with vis-network inlined from pyvis's bundled copy."""
    if not isinstance(network, Network):
        network = read_network(network)
    net = build(network, heading)
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
    relation_names = sorted({e["relation"] for e in edges})
    dates = sorted({d for e in edges for d in e["dates"]})
    return environment.get_template("network.html").render(
        nodes=nodes, edges=edges, heading=heading, options=options, bgcolor="#ffffff",
        type_colors={t: c for t, (c, _shape) in TYPE_STYLE.items()}, family_colors=FAMILY_COLOR,
        relations=relation_names, first_date=dates[0] if dates else "", last_date=dates[-1] if dates else "",
        max_documents=max([e["documents"] for e in edges], default=1),
    )  # fmt: skip


def write(network: Network | Store, output: str | Path, heading: str = HEADING) -> Path:
    """Write the page to ``output`` and return its path."""
    output = Path(output)
    output.write_text(render(network, heading), encoding="utf-8")
    return output
