"""Stage 8b: network analysis of the actor graph (networkx), as conflict researchers use it.

* Centrality: degree, betweenness and eigenvector, on the undirected actor graph (betweenness
  estimated from 500 sampled sources above 1,000 actors, where exact costs minutes).
* Communities: Louvain modularity communities (seeded, so runs agree).
* The signed network: an actor pair is +1 when the documents report more positive ties than negative
  ones between them, -1 when more negative, and left out when neutral only or evenly split. Which
  relation is which tie is data (``kg:tie`` in ontology/kg.ttl): support and joint action are
  positive, hostile acts and words negative; agreements, meetings, requests and concessions are
  neutral, because adversaries agree truces and meet for talks. Places are left out of it:
  capturing a town is conflict, but a town takes no sides.
* Structural balance (Heider; Cartwright and Harary): a triangle is balanced when the product of
  its signs is positive ("the friend of my friend is my friend", "the enemy of my enemy is my
  friend"). Also every "enemy of my enemy" pair, with what the graph says of the pair itself.
* Alliances: communities of the positive subgraph (support and cooperation, net of hostility).

By default only what articles state as fact in their own voice counts (truthy statements);
``include_claims`` adds attributed claims. Denials and plans never count as relations here.
Every number is also set as a node attribute on the networkx graphs returned, for notebooks.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

import networkx as nx

from kg.network import Network, select, to_networkx
from kg.query import table
from kg.statements import Factuality

MEASURES = ("degree", "betweenness", "eigenvector")


@dataclass
class Analysis:
    """The numbers, and the networkx graphs they were computed on (nodes carry them as attributes)."""

    graph: nx.MultiDiGraph  # every relation, directed, as networkx sees the store
    actors: nx.Graph  # undirected, one edge per actor pair, weight = documents
    signed: nx.Graph  # undirected, sign +1 / -1 per actor pair
    communities: list[list[str]] = field(default_factory=list)
    alliances: list[list[str]] = field(default_factory=list)
    balanced: list[tuple[str, str, str]] = field(default_factory=list)
    unbalanced: list[tuple[str, str, str]] = field(default_factory=list)
    enemy_of_enemy: list[dict] = field(default_factory=list)

    def label(self, node: str) -> str:
        return self.graph.nodes[node].get("label", node) if node in self.graph else node

    def actor_rows(self) -> list[dict]:
        """One row per actor: label, type and every measure, most central first."""
        rows = []
        for node, data in self.actors.nodes(data=True):
            rows.append({
                "actor": data["label"], "type": data["type"], "relations": self.actors.degree(node),
                **{m: round(data[m], 4) for m in MEASURES},
                "community": data["community"], "alliance": data.get("alliance", ""),
            })  # fmt: skip
        return sorted(rows, key=lambda r: (-r["degree"], -r["betweenness"], r["actor"]))

    @property
    def balance_ratio(self) -> float | None:
        total = len(self.balanced) + len(self.unbalanced)
        return len(self.balanced) / total if total else None

    def as_dict(self) -> dict:
        names = self.label
        return {
            "actors": self.actor_rows(),
            "communities": [sorted(names(n) for n in c) for c in self.communities],
            "alliances": [sorted(names(n) for n in a) for a in self.alliances],
            "balance": {
                "balanced_triads": [[names(n) for n in t] for t in self.balanced],
                "unbalanced_triads": [[names(n) for n in t] for t in self.unbalanced],
                "balance_ratio": self.balance_ratio,
            },
            "enemy_of_my_enemy": self.enemy_of_enemy,
        }


def analyze(network: Network, include_claims: bool = False) -> Analysis:
    """Centralities, communities, the signed network, structural balance and alliances."""
    network = select(network, include_claims=include_claims, factualities=(Factuality.ACTUAL,))
    graph = to_networkx(network)
    actors = nx.Graph()
    for node, data in graph.nodes(data=True):
        actors.add_node(node, **data)
    signs: dict[frozenset, int] = {}
    for a, b, data in graph.edges(data=True):
        if a == b:
            continue
        weight = actors.edges[a, b]["weight"] + data["documents"] if actors.has_edge(a, b) else data["documents"]
        actors.add_edge(a, b, weight=weight)
        if "Place" not in (graph.nodes[a]["type"], graph.nodes[b]["type"]):  # places take no sides
            pair = frozenset((a, b))
            signs[pair] = signs.get(pair, 0) + data["sign"] * data["documents"]
    analysis = Analysis(graph=graph, actors=actors, signed=nx.Graph())
    _centralities(actors)
    analysis.communities = _communities(actors)
    for number, community in enumerate(analysis.communities, start=1):
        for node in community:
            actors.nodes[node]["community"] = number
    for pair, total in signs.items():
        if total:
            a, b = sorted(pair)
            analysis.signed.add_edge(a, b, sign=1 if total > 0 else -1)
    for node in analysis.signed:
        analysis.signed.nodes[node].update(actors.nodes[node])
    _balance(analysis)
    positive = nx.Graph([(a, b) for a, b, s in analysis.signed.edges(data="sign") if s > 0])
    analysis.alliances = [c for c in _communities(positive) if len(c) > 1]
    for number, alliance in enumerate(analysis.alliances, start=1):
        for node in alliance:
            actors.nodes[node]["alliance"] = number
            analysis.signed.nodes[node]["alliance"] = number
    nx.set_node_attributes(graph, {n: dict(d) for n, d in actors.nodes(data=True)})
    return analysis


def _centralities(graph: nx.Graph) -> None:
    if graph.number_of_nodes() == 0:
        return
    values = {
        "degree": nx.degree_centrality(graph) if graph.number_of_nodes() > 1 else dict.fromkeys(graph, 0.0),
        "betweenness": _betweenness(graph),
        "eigenvector": _eigenvector(graph),
    }
    for measure, by_node in values.items():
        nx.set_node_attributes(graph, by_node, measure)


#: Above this many actors, betweenness is estimated from a sample of source actors: exact
#: betweenness costs actors x relations (minutes at 5,000 actors), and the sample ranks the same hubs.
EXACT_BETWEENNESS_MAX = 1000
BETWEENNESS_SAMPLE = 500


def _betweenness(graph: nx.Graph) -> dict[str, float]:
    if graph.number_of_nodes() <= EXACT_BETWEENNESS_MAX:
        return nx.betweenness_centrality(graph)
    return nx.betweenness_centrality(graph, k=BETWEENNESS_SAMPLE, seed=7)


def _eigenvector(graph: nx.Graph) -> dict[str, float]:
    """Eigenvector centrality per connected component (a disconnected graph has no single leading
    eigenvector), scaled by the component's share of the actors."""
    found: dict[str, float] = {}
    for component in nx.connected_components(graph):
        sub = graph.subgraph(component)
        if sub.number_of_nodes() < 3:
            found.update(dict.fromkeys(component, 1 / graph.number_of_nodes()))
            continue
        try:
            values = nx.eigenvector_centrality(sub, max_iter=2000, tol=1e-8)
        except nx.PowerIterationFailedConvergence:
            values = nx.eigenvector_centrality(sub, max_iter=2000, tol=1e-4)
        share = len(component) / graph.number_of_nodes()
        found.update({n: v * share for n, v in values.items()})
    return found


def _communities(graph: nx.Graph) -> list[list[str]]:
    if graph.number_of_edges() == 0:
        return [[n] for n in sorted(graph)]
    found = nx.community.louvain_communities(graph, weight="weight", seed=7)
    return sorted((sorted(c) for c in found), key=lambda c: (-len(c), c))


def _balance(analysis: Analysis) -> None:
    signed = analysis.signed
    for a, b, c in sorted(_triangles(signed)):
        product = signed.edges[a, b]["sign"] * signed.edges[b, c]["sign"] * signed.edges[a, c]["sign"]
        (analysis.balanced if product > 0 else analysis.unbalanced).append((a, b, c))
    for middle in sorted(signed):
        enemies = sorted(n for n in signed[middle] if signed.edges[middle, n]["sign"] < 0)
        for a, c in itertools.combinations(enemies, 2):
            between = signed.edges[a, c]["sign"] if signed.has_edge(a, c) else 0
            analysis.enemy_of_enemy.append({
                "actor": analysis.label(a), "other": analysis.label(c), "common_enemy": analysis.label(middle),
                "between_them": {1: "positive tie (balanced)", -1: "negative tie (unbalanced)", 0: "no tie"}[between],
            })  # fmt: skip


def _triangles(graph: nx.Graph) -> set[tuple[str, str, str]]:
    found = set()
    for a in graph:
        for b, c in itertools.combinations(sorted(graph[a]), 2):
            if graph.has_edge(b, c):
                found.add(tuple(sorted((a, b, c))))
    return found


def actors_table(analysis: Analysis) -> list[list[str]]:
    """Header and rows of the per-actor table (text and CSV output)."""
    header = ["actor", "type", "relations", *MEASURES, "community", "alliance"]
    return [header] + [[str(row[h]) for h in header] for row in analysis.actor_rows()]


def report(analysis: Analysis, rows: list[list[str]] | None = None) -> str:
    """The whole analysis as text for the terminal."""
    rows = rows or actors_table(analysis)
    names = analysis.label
    lines = ["Actors (most central first)", table(rows[0], rows[1:], count=False), ""]
    lines.append("Communities (Louvain)")
    lines += [f"  {i}. " + ", ".join(names(n) for n in c) for i, c in enumerate(analysis.communities, start=1)]
    lines += ["", "Alliances (communities of the positive ties: support and cooperation)"]
    lines += [f"  {i}. " + ", ".join(names(n) for n in a) for i, a in enumerate(analysis.alliances, start=1)]
    if not analysis.alliances:
        lines.append("  (none)")
    ratio = analysis.balance_ratio
    lines += ["", "Structural balance of the signed network (positive tie +1, negative -1)"]
    lines.append(
        f"  {len(analysis.balanced)} balanced and {len(analysis.unbalanced)} unbalanced triads"
        + (f"; balance ratio {ratio:.2f}" if ratio is not None else "")
    )
    lines += _first(["  unbalanced: " + ", ".join(names(n) for n in t) for t in analysis.unbalanced])
    lines += ["", "The enemy of my enemy"]
    lines += _first([
        f"  {p['actor']} and {p['other']}, both in conflict with {p['common_enemy']}: {p['between_them']}"
        for p in analysis.enemy_of_enemy
    ]) or ["  (none)"]  # fmt: skip
    return "\n".join(lines)


#: Lines of one list the terminal report shows; JSON output has them all.
REPORT_LINES = 50


def _first(lines: list[str]) -> list[str]:
    if len(lines) <= REPORT_LINES:
        return lines
    return [*lines[:REPORT_LINES], f"  ... and {len(lines) - REPORT_LINES:,} more (--format json lists all)"]
