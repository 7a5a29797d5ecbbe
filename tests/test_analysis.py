"""kg analyze and the network selection behind kg view, on a small world whose answers are known:

Iran supports Hezbollah; Israel attacks both (a balanced triad: the enemy of my enemy is my
friend). The United States supports the YPG and cooperates with Turkey, which attacks the YPG (an
unbalanced triad). Israel claims Iran supports Hamas (a claim, not a fact). Russia denies
attacking Turkey; Iran plans to attack Israel (neither counts as a relation)."""

from __future__ import annotations

import csv
import io
import json
import random
from datetime import date

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.analysis import EXACT_BETWEENNESS_MAX, REPORT_LINES, analyze, report
from kg.cli import main
from kg.network import Actor as NetworkActor
from kg.network import Edge, Evidence, Network, find_actor, read_network, select
from kg.pipeline import ingest
from kg.store import open_store

WORLD = {
    "levant.txt": "Iran supports Hezbollah.\n\nIsrael attacked Hezbollah.\n\nIsrael attacked Iran.\n",
    "syria.txt": "The United States supports the YPG.\n\nTurkey attacked the YPG.\n\n"
    "The United States cooperates with Turkey.\n",
    "claims.txt": "Israel says Iran supports Hamas.\n\nRussia denied attacking Turkey.\n\n"
    "Iran plans to attack Israel.\n",
    "again.txt": "Iran supports Hezbollah, a militia in Lebanon.\n",
}


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("world")
    for name, text in WORLD.items():
        (folder / name).write_text(text)
    location = str(folder / "store")
    ingest([folder], location)
    return location


def labels(triads, analysis) -> set[frozenset[str]]:
    return {frozenset(analysis.label(n) for n in t) for t in triads}


def test_structural_balance_and_alliances(world):
    result = analyze(read_network(open_store(world, read_only=True)))
    assert labels(result.balanced, result) == {frozenset({"Iran", "Hezbollah", "Israel"})}
    assert labels(result.unbalanced, result) == {frozenset({"United States", "YPG", "Turkey"})}
    assert result.balance_ratio == 0.5
    alliances = {frozenset(result.label(n) for n in a) for a in result.alliances}
    assert frozenset({"Iran", "Hezbollah"}) in alliances
    pair = next(p for p in result.enemy_of_enemy if {p["actor"], p["other"]} == {"Iran", "Hezbollah"})
    assert pair["common_enemy"] == "Israel" and pair["between_them"] == "cooperation (balanced)"


def test_only_facts_count_unless_claims_are_asked_for(world):
    network = read_network(open_store(world, read_only=True))
    facts = analyze(network)
    names = {d["label"] for _, d in facts.actors.nodes(data=True)}
    assert "Hamas" not in names, "Israel's claim is not a fact"
    assert not facts.actors.has_edge(find_actor(network, "Russia"), find_actor(network, "Turkey")), "a denial"
    iran, israel = find_actor(network, "Iran"), find_actor(network, "Israel")
    assert facts.signed.edges[iran, israel]["sign"] == -1, "the plan to attack adds nothing; the attack does"
    with_claims = analyze(network, include_claims=True)
    assert "Hamas" in {d["label"] for _, d in with_claims.actors.nodes(data=True)}


def test_centralities_and_communities_are_networkx_graphs(world):
    result = analyze(read_network(open_store(world, read_only=True)))
    assert isinstance(result.graph, nx.MultiDiGraph) and isinstance(result.signed, nx.Graph)
    israel = find_actor(read_network(open_store(world, read_only=True)), "Israel")
    data = result.actors.nodes[israel]
    assert data["degree"] == pytest.approx(2 / (result.actors.number_of_nodes() - 1))
    assert set(data) >= {"label", "type", "degree", "betweenness", "eigenvector", "community"}
    assert result.graph.nodes[israel]["betweenness"] == data["betweenness"]
    communities = [set(c) for c in result.communities]
    assert sum(len(c) for c in communities) == result.actors.number_of_nodes()
    hezbollah = find_actor(read_network(open_store(world, read_only=True)), "Hezbollah")
    assert (
        result.actors.nodes[hezbollah]["community"]
        == result.actors.nodes[find_actor(read_network(open_store(world, read_only=True)), "Iran")]["community"]
    )


def test_analyze_command_formats(world):
    table = CliRunner().invoke(main, ["analyze", "--store", world])
    assert table.exit_code == 0 and "Structural balance" in table.output and "1 unbalanced" in table.output
    rows = list(
        csv.DictReader(io.StringIO(CliRunner().invoke(main, ["analyze", "--format", "csv", "--store", world]).output))
    )
    assert {r["actor"] for r in rows} >= {"Iran", "Israel", "Hezbollah", "Turkey", "YPG", "United States"}
    assert all(0 <= float(r["betweenness"]) <= 1 for r in rows)
    data = json.loads(
        CliRunner().invoke(main, ["analyze", "--format", "json", "--store", world, "--include-claims"]).output
    )
    assert data["balance"]["unbalanced_triads"] and any("Hamas" in a["actor"] for a in data["actors"])


def test_selection_by_focus_relation_and_documents(world):
    network = read_network(open_store(world, read_only=True))
    iran = find_actor(network, "iran")
    near = select(network, focus=iran, depth=1)
    assert {network.actor(n).label for n in near.nodes()} == {"Iran", "Hezbollah", "Israel", "Hamas"}
    supports = select(network, relation_names=("supports",))
    assert {e.relation for e in supports.edges.values()} == {"supports"}
    twice = select(network, min_docs=2)
    assert [(network.actor(e.subject).label, e.relation) for e in twice.edges.values()] == [("Iran", "supports")]
    top = select(network, max_nodes=3)  # Iran and Turkey (3 neighbours each), then the first of the 2s
    assert {network.actor(n).label for n in top.nodes()} == {"Iran", "Hezbollah"}


def test_selection_by_date(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps({"id": "old", "text": "Iran supports Hezbollah.", "date": "2014-05-01"}) + "\n"
        + json.dumps({"id": "new", "text": "Israel attacked Hezbollah.", "date": "2020-05-01"}) + "\n"
    )  # fmt: skip
    location = str(tmp_path / "store")
    ingest([feed], location)
    network = read_network(open_store(location, read_only=True))
    recent = select(network, since=date(2019, 1, 1))
    assert [e.relation for e in recent.edges.values()] == ["attacks"]
    early = select(network, until=date(2015, 1, 1))
    assert [e.relation for e in early.edges.values()] == ["supports"]
    result = CliRunner().invoke(
        main, ["view", "--since", "2019-01-01", "-o", str(tmp_path / "v.html"), "--store", location]
    )
    assert result.exit_code == 0 and "(2 actors, 1 relations)" in result.output


def test_bad_options_are_one_line(world, tmp_path):
    for args, message in (
        (["--focus", "Narnia"], "no actor 'Narnia'"),
        (["--relation", "likes"], "unknown relation 'likes'"),
        (["--since", "May 2020"], "Invalid value for '--since'"),
    ):
        result = CliRunner().invoke(main, ["view", *args, "-o", str(tmp_path / "x.html"), "--store", world])
        assert result.exit_code != 0 and message in result.output, result.output
        assert not (tmp_path / "x.html").exists()


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
