"""kg analyze and the network selection behind kg view, on a small world whose answers are known:

Iran supports Hezbollah; Israel attacks both (a balanced triad: the enemy of my enemy is my
friend). The United States supports the YPG and cooperates with Turkey, which attacks the YPG (an
unbalanced triad). Israel claims Iran supports Hamas (a claim, not a fact). Russia denies
attacking Turkey; Iran plans to attack Israel (neither counts as a relation).

The world is written down as statements, not extracted from sentences, so that a change of the
extractor cannot change it: the analysis tests build its Network directly (as tests/test_view.py
does), and the command tests store the same statements through ingest's own write path.
"""

from __future__ import annotations

import csv
import io
import json
import random

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.analysis import EXACT_BETWEENNESS_MAX, REPORT_LINES, analyze, report
from kg.cli import main
from kg.network import Actor as NetworkActor
from kg.network import Edge, Evidence, Network, find_actor, to_networkx
from kg.vocabulary import relations
from tests.world import world


def labels(triads, analysis) -> set[frozenset[str]]:
    return {frozenset(analysis.label(n) for n in t) for t in triads}


def test_structural_balance_and_alliances():
    result = analyze(world())
    assert labels(result.balanced, result) == {frozenset({"Iran", "Hezbollah", "Israel"})}
    assert labels(result.unbalanced, result) == {frozenset({"United States", "YPG", "Turkey"})}
    assert result.balance_ratio == 0.5
    alliances = {frozenset(result.label(n) for n in a) for a in result.alliances}
    assert frozenset({"Iran", "Hezbollah"}) in alliances
    pair = next(p for p in result.enemy_of_enemy if {p["actor"], p["other"]} == {"Iran", "Hezbollah"})
    assert pair["common_enemy"] == "Israel" and pair["between_them"] == "positive tie (balanced)"


def network_of(said: list[tuple[str, str, str, str]]) -> Network:
    """A network from (document, subject, relation, object) facts, actors named by their labels."""
    edges: dict[tuple[str, str, str], Edge] = {}
    for doc, subject, relation, obj in said:
        key = (f"https://example.org/{subject}", relation, f"https://example.org/{obj}")
        fact = Evidence(f"{subject} {relation} {obj}.", doc, doc, "2024-01-15", "actual", None)
        edges.setdefault(key, Edge(*key)).evidence.append(fact)
    for edge in edges.values():
        edge.document_count = edge.asserted_count = len(edge.documents)
    names = {name for _, s, _, o in said for name in (s, o)}
    actors = {f"https://example.org/{n}": NetworkActor(f"https://example.org/{n}", n, "State") for n in names}
    return Network(actors, edges)


def alliances_of(network: Network) -> set[frozenset[str]]:
    result = analyze(network)
    return {frozenset(result.label(n) for n in a) for a in result.alliances}


def test_a_truce_between_enemies_is_no_alliance():
    """Hamas and Israel agree a truce in two articles and fight in one: adversaries, not allies."""
    network = network_of([
        ("truce-1", "Israel", "agreesWith", "Hamas"),
        ("truce-2", "Hamas", "agreesWith", "Israel"),
        ("talks", "Israel", "meetsWith", "Hamas"),
        ("war", "Israel", "attacks", "Hamas"),
        ("aid", "Iran", "supports", "Hamas"),
    ])  # fmt: skip
    result = analyze(network)
    israel, hamas = "https://example.org/Israel", "https://example.org/Hamas"
    assert result.signed.edges[israel, hamas]["sign"] == -1, "the attack counts; the truce and the talks do not"
    assert alliances_of(network) == {frozenset({"Iran", "Hamas"})}


def test_meetings_and_agreements_alone_make_no_alliance():
    """Cricket boards that meet and agree a tour are not allies: neutral ties leave the signed network."""
    network = network_of([
        ("tour", "Australia", "meetsWith", "India"),
        ("tour", "Australia", "agreesWith", "India"),
        ("tour-2", "India", "requests", "Australia"),
        ("tour-2", "Australia", "concedesTo", "India"),
    ])  # fmt: skip
    result = analyze(network)
    assert result.actors.number_of_edges() == 1, "the pair is still in the actor graph"
    assert result.signed.number_of_edges() == 0 and result.alliances == []


def test_every_relation_has_a_tie_and_the_view_families_stay():
    ties = {name: r.tie for name, r in relations().items()}
    assert set(ties.values()) == {"positive", "neutral", "negative"}
    assert {n for n, t in ties.items() if t == "positive"} == {"supports", "cooperatesWith"}
    assert ties["agreesWith"] == ties["meetsWith"] == ties["partOf"] == "neutral"
    assert ties["attacks"] == ties["accuses"] == "negative"
    assert relations()["agreesWith"].family == "cooperation", "the view still colours an agreement as cooperation"
    graph = to_networkx(network_of([("d", "A", "agreesWith", "B"), ("d", "A", "supports", "C")]))
    signs = {(d["relation"], d["tie"], d["sign"]) for *_, d in graph.edges(data=True)}
    assert signs == {("agreesWith", "neutral", 0), ("supports", "positive", 1)}


def test_only_facts_count_unless_claims_are_asked_for():
    network = world()
    facts = analyze(network)
    names = {d["label"] for _, d in facts.actors.nodes(data=True)}
    assert "Hamas" not in names, "Israel's claim is not a fact"
    assert not facts.actors.has_edge(find_actor(network, "Russia"), find_actor(network, "Turkey")), "a denial"
    iran, israel = find_actor(network, "Iran"), find_actor(network, "Israel")
    assert facts.signed.edges[iran, israel]["sign"] == -1, "the plan to attack adds nothing; the attack does"
    with_claims = analyze(network, include_claims=True)
    assert "Hamas" in {d["label"] for _, d in with_claims.actors.nodes(data=True)}


def test_centralities_and_communities_are_networkx_graphs():
    network = world()
    result = analyze(network)
    assert isinstance(result.graph, nx.MultiDiGraph) and isinstance(result.signed, nx.Graph)
    israel = find_actor(network, "Israel")
    data = result.actors.nodes[israel]
    assert data["degree"] == pytest.approx(2 / (result.actors.number_of_nodes() - 1))
    assert set(data) >= {"label", "type", "degree", "betweenness", "eigenvector", "community"}
    assert result.graph.nodes[israel]["betweenness"] == data["betweenness"]
    communities = [set(c) for c in result.communities]
    assert sum(len(c) for c in communities) == result.actors.number_of_nodes()
    hezbollah, iran = find_actor(network, "Hezbollah"), find_actor(network, "Iran")
    assert result.actors.nodes[hezbollah]["community"] == result.actors.nodes[iran]["community"]


def test_analyze_command_formats(world_store):
    table = CliRunner().invoke(main, ["analyze", "--store", world_store])
    assert table.exit_code == 0 and "Structural balance" in table.output and "1 unbalanced" in table.output
    rows = list(
        csv.DictReader(
            io.StringIO(CliRunner().invoke(main, ["analyze", "--format", "csv", "--store", world_store]).output)
        )
    )
    assert {r["actor"] for r in rows} == {"Iran", "Israel", "Hezbollah", "Turkey", "YPG", "United States"}
    assert all(0 <= float(r["betweenness"]) <= 1 for r in rows)
    data = json.loads(
        CliRunner().invoke(main, ["analyze", "--format", "json", "--store", world_store, "--include-claims"]).output
    )
    assert data["balance"]["unbalanced_triads"] and any("Hamas" in a["actor"] for a in data["actors"])


def synthetic_network(actors: int, edges: int, seed: int = 5) -> Network:
    """A random actor network of a given size, built directly (no store), for scale tests."""
    rng = random.Random(seed)
    iris = [f"https://example.org/actor/{i}" for i in range(actors)]
    network = Network(actors={i: NetworkActor(i, f"Actor {n}", "ArmedGroup") for n, i in enumerate(iris)}, edges={})
    fact = Evidence("A sentence.", "doc", "Doc", None, "actual", None)
    for _ in range(edges):
        hubs = iris[: actors // 10]  # half the edges start at a tenth of the actors
        a, b = rng.choice(hubs if rng.random() < 0.5 else iris), rng.choice(iris)
        if a != b:
            relation = rng.choice(["attacks", "supports"])
            network.edges[(a, relation, b)] = Edge(a, relation, b, [fact], document_count=1, asserted_count=1)
    return network


def test_large_networks_estimate_betweenness_and_keep_the_report_short():
    """Above EXACT_BETWEENNESS_MAX actors betweenness is sampled: it must still find the hubs."""
    network = synthetic_network(1500, 4000)
    result = analyze(network)
    assert result.actors.number_of_nodes() > EXACT_BETWEENNESS_MAX
    sampled = result.actors.nodes(data="betweenness")
    exact = nx.betweenness_centrality(result.actors)

    def top(values) -> set[str]:
        return set(sorted(values, key=lambda n: -values[n])[:20])

    assert len(top(dict(sampled)) & top(exact)) >= 15
    text = report(result)
    assert len(result.enemy_of_enemy) > REPORT_LINES
    assert f"and {len(result.enemy_of_enemy) - REPORT_LINES:,} more" in text
    assert len(text.splitlines()) < result.actors.number_of_nodes() + 3 * REPORT_LINES
