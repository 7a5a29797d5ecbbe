"""Stage 8a: the actor network as an interactive page: one self-contained HTML file (pyvis).

Nodes are actors, coloured and shaped by type, sized by degree centrality. Edges are one per
(subject, relation, object), coloured by relation family, as wide as the number of documents that
report them, with an arrow for directed relations; solid when an article states the relation in
its own voice, dashed for attributed claims, dotted for potential ones, pale red and marked "not"
for denials; the tooltip lists every evidence sentence with its article, date, factuality and
asserter. The page filters by family, relation, factuality, voice, minimum documents and date,
and searches an actor to focus on its neighbourhood.

Up to LARGE actors the layout is computed here (:func:`layout`: components packed, communities
together, ForceAtlas2, seeded) and the page opens on it with physics off, so the picture never moves;
only the LABELLED most central actors are labelled at the zoom the page opens with, the others as one
zooms in or hovers. Larger graphs are laid out in the browser (Barnes-Hut), which stops once settled.

Article text is untrusted: it reaches the page only as JSON data (escaped by the template) and as
vis-network tooltips, which render strings as text, never as HTML.
"""

from __future__ import annotations

import json
import math
import random
from pathlib import Path

import networkx as nx
import numpy as np
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
    "Person": ("#43a047", "triangleDown"),
    "Population": ("#8d6e63", "star"),
    "Place": ("#9e9e9e", "dot"),
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

#: Up to LARGE actors the layout is computed here, before the page opens (see layout): the picture is the
#: same every time and never moves. Physics is off; a label is drawn only where it can be read (below).
OPTIONS = {
    "physics": {"enabled": False},
    "layout": {"improvedLayout": False},
    "edges": {"smooth": False, "arrows": {"to": {"scaleFactor": 0.5}}, "font": {"size": 10, "align": "middle"}},
    "interaction": {"hover": True, "tooltipDelay": 150},
}
#: The actors labelled at the default zoom: the most central ones (degree centrality, as the node size);
#: a graph of up to LABEL_ALL actors has room for every label.
LABELLED, LABEL_ALL = 25, 50
#: The laid-out graph spans EXTENT units, so that the page opens at about the same zoom (0.85 in a
#: 1400 x 900 window) whatever its size. Label font sizes are in these units: vis-network draws a label
#: only when its size on screen (font size x zoom) is at least DRAW_THRESHOLD - 1 px, so the LABELLED
#: actors are readable at first sight and the others' labels appear from about 1.3 times that zoom (or on
#: hover: the page enlarges an actor's and its neighbours' labels). Node sizes are in the same units.
EXTENT = 1000
LABEL_FONT, SMALL_FONT, DRAW_THRESHOLD = (20, 28), 10, 12
NODE_SIZES = {"min": 6, "max": 28}
#: Edge labels (the relation) of a graph with more edges than this appear only when zoomed in.
EDGE_LABELS = 60
SEED = 7
#: On hover, an actor's label and its neighbours' are drawn this large on screen, whatever the zoom.
HOVER_FONT = 16
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


def layout(network: Network) -> dict[str, tuple[float, float]]:
    """Positions of the actors, computed here so that the page opens on a finished picture.

    Each connected component is laid out on its own, communities placed together: its Louvain
    communities start around their own centres (the largest in the middle), then a force-directed
    layout (networkx's ForceAtlas2) pulls each community's members together more than actors of
    different communities. The components, each scaled to its size to the power 0.6, are then
    packed in rows, largest first, so that a few stray pairs do not push the main graph into a corner.
    Seeded: one network always gives one picture. The whole spans EXTENT units."""
    graph = nx.Graph()
    graph.add_nodes_from(sorted(network.nodes()))
    for edge in sorted(network.edges.values(), key=lambda e: e.key):
        if edge.subject != edge.object:
            graph.add_edge(edge.subject, edge.object)
    if graph.number_of_nodes() == 0:
        return {}
    components = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c[0]))
    boxes = [_component_layout(graph.subgraph(c)) for c in components]
    # shelf packing: rows about as wide as the square root of the total area, widest boxes first
    width = math.sqrt(sum((w + GAP) * (h + GAP) for _, w, h in boxes)) * 1.2
    positions: dict[str, tuple[float, float]] = {}
    x = y = row = 0.0
    for placed, w, h in boxes:
        if x > 0 and x + w > width:
            x, y, row = 0.0, y + row + GAP, 0.0
        positions.update({n: (x + px, y + py) for n, (px, py) in placed.items()})
        x, row = x + w + GAP, max(row, h)
    xs = [p[0] for p in positions.values()]
    ys = [p[1] for p in positions.values()]
    span = max(max(xs) - min(xs), max(ys) - min(ys), 1e-9)
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return {
        n: (round(float((px - cx) * EXTENT / span), 1), round(float((py - cy) * EXTENT / span), 1))
        for n, (px, py) in positions.items()
    }


#: Space between packed components, in units of one actor's spacing; ForceAtlas2's iterations per component
#: and its repulsion (scaling ratio; its default, 2, packs a community's members on top of each other).
GAP, FA2_ITERATIONS, SPREAD = 1.0, 300, 8.0


def iterations(size: int) -> int:
    """ForceAtlas2 iterations for a component of ``size`` actors: each costs size squared, so fewer as it
    grows (300 up to 200 actors, 80 at 400), which keeps kg view within a few seconds."""
    return max(80, min(FA2_ITERATIONS, int(FA2_ITERATIONS * (200 / size) ** 2)))


def _component_layout(graph: nx.Graph) -> tuple[dict[str, tuple[float, float]], float, float]:
    """One connected component laid out in a box whose side grows with its size to the power 0.6:
    positions relative to the box's corner, and the box's width and height."""
    nodes = sorted(graph.nodes)
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}, 0.0, 0.0
    communities = sorted(
        (sorted(c) for c in nx.community.louvain_communities(graph, seed=SEED)), key=lambda c: (-len(c), c[0])
    )
    community = {node: i for i, members in enumerate(communities) for node in members}
    rng = random.Random(SEED)
    start = {}
    for i, members in enumerate(communities):  # a sunflower spiral of community centres, largest first
        radius, angle = math.sqrt(i) * 0.6, i * 2.39996
        for node in members:
            start[node] = np.array([radius * math.cos(angle) + rng.uniform(-0.3, 0.3),
                                    radius * math.sin(angle) + rng.uniform(-0.3, 0.3)])  # fmt: skip
    weighted = nx.Graph()
    weighted.add_nodes_from(nodes)
    weighted.add_weighted_edges_from(
        (a, b, 1.0 if community[a] == community[b] else 0.15) for a, b in sorted(graph.edges)
    )
    # ForceAtlas2 with distributed attraction spreads a hub's many neighbours out (Fruchterman-Reingold
    # piles them on the hub, and their labels on each other); the weights keep communities together
    placed = nx.forceatlas2_layout(
        weighted, pos=start, max_iter=iterations(len(nodes)), distributed_action=True, scaling_ratio=SPREAD,
        node_size=dict.fromkeys(nodes, 1.0), seed=SEED,
    )  # fmt: skip
    xs = [p[0] for p in placed.values()]
    ys = [p[1] for p in placed.values()]
    span = max(max(xs) - min(xs), max(ys) - min(ys), 1e-9)
    side = len(nodes) ** 0.6  # in units of one actor's spacing; a little more room per actor as it grows
    scaled = {n: ((x - min(xs)) * side / span, (y - min(ys)) * side / span) for n, (x, y) in placed.items()}
    return scaled, (max(xs) - min(xs)) * side / span, (max(ys) - min(ys)) * side / span


def labelled(network: Network, ranking: dict[str, float], count: int = LABELLED) -> list[str]:
    """The ``count`` most central actors, most central first (ties by label): those labelled at first sight."""
    return sorted(ranking, key=lambda n: (-ranking[n], network.actor(n).label.lower(), n))[:count]


def build(network: Network, heading: str = HEADING) -> PyvisNetwork:
    """A pyvis network of actors and relations, ready to render."""
    ranking = centrality(network)
    degree: dict[str, int] = {}
    for edge in network.edges.values():
        for end in (edge.subject, edge.object):
            degree[end] = degree.get(end, 0) + 1
    size = len(network.nodes())
    precomputed = size <= LARGE
    positions = layout(network) if precomputed else {}
    top = labelled(network, ranking, size if size <= LABEL_ALL else LABELLED)
    font = {iri: LABEL_FONT[1] - (LABEL_FONT[1] - LABEL_FONT[0]) * rank // max(1, len(top) - 1)
            for rank, iri in enumerate(top)}  # fmt: skip
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
        placed = {"x": positions[iri][0], "y": positions[iri][1]} if iri in positions else {}
        size_px = font.get(iri, SMALL_FONT)
        net.add_node(iri, label=actor.label, title="\n".join(lines), color=color, shape=shape,
                     value=ranking.get(iri, 0), actorType=actor.type, font={"size": size_px}, baseFont=size_px,
                     **placed)  # fmt: skip
    parallel = fanned(network)
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
                     voices=sorted({e.voice for e in edge.evidence}), dates=edge.dates,
                     **(parallel.get(edge.key, {}) if precomputed else {}))  # fmt: skip
    options = dict(OPTIONS_LARGE if size > LARGE else OPTIONS)
    if size > LARGE:
        # Each Barnes-Hut iteration costs about n log n: fewer of them as n grows keeps the wait
        # to a few seconds (150 at 2,000 actors, 60 at 5,000).
        stabilization = {"iterations": max(50, min(150, 300_000 // size)), "updateInterval": 25}
        options["physics"] = {**options["physics"], "stabilization": stabilization}
    scaling = {"min": 8, "max": 40}
    if precomputed:
        scaling = {**NODE_SIZES, "label": {"enabled": False, "drawThreshold": DRAW_THRESHOLD}}
        if len(network.edges) > EDGE_LABELS:
            options["edges"] = {**options["edges"], "font": {"size": 8, "align": "middle"},
                                "scaling": {"label": {"drawThreshold": DRAW_THRESHOLD}}}  # fmt: skip
    options["nodes"] = {**options.get("nodes", {}), "scaling": scaling}
    net.set_options(json.dumps(options))
    return net


def fanned(network: Network) -> dict[tuple[str, str, str], dict]:
    """Curves for relations between the same two actors ('supports' and 'attacks' both ways), fanned out
    so that each stays visible: the first straight, the others curving to alternate sides, further each
    time (the physics-driven 'dynamic' curves did this when the layout moved)."""
    by_pair: dict[frozenset, list[tuple[str, str, str]]] = {}
    for key in sorted(network.edges):
        by_pair.setdefault(frozenset((key[0], key[2])), []).append(key)
    curves = {}
    for keys in by_pair.values():
        for k, key in enumerate(keys[1:], start=1):
            side = "curvedCW" if k % 2 else "curvedCCW"
            curves[key] = {"smooth": {"enabled": True, "type": side, "roundness": 0.2 * ((k + 1) // 2)}}
    return curves


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
        precomputed=len(network.nodes()) <= LARGE, labelled=LABELLED, hover_font=HOVER_FONT,
        type_colors={t: c for t, (c, _shape) in TYPE_STYLE.items()}, family_colors=FAMILY_COLOR,
        relations=relation_names, first_date=dates[0] if dates else "", last_date=dates[-1] if dates else "",
        max_documents=max([e["documents"] for e in edges], default=1),
    )  # fmt: skip


def write(network: Network | Store, output: str | Path, heading: str = HEADING) -> Path:
    """Write the page to ``output`` and return its path."""
    output = Path(output)
    output.write_text(render(network, heading), encoding="utf-8")
    return output
