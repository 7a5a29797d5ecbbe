"""The view at a few hundred actors (issue 13): the layout is computed before the page opens, communities
placed together, the same every time; in a real headless Chromium the picture does not move, and only the
most central actors are labelled at the default zoom, the others when zoomed in or hovered."""

from __future__ import annotations

import json
import math
import random
import time

import pytest

from kg.network import Actor, Edge, Evidence, Network, centrality
from kg.view import EXTENT, LABELLED, LARGE, build, labelled, layout, write
from tests.browser import Browser


def community_network(actors: int = 200, communities: int = 8, seed: int = 11) -> Network:
    """A news-like network: actors in regional groups that mostly deal with each other, a few of them
    (states, organisations) with many relations across groups."""
    rng = random.Random(seed)
    iris = [f"https://w3id.org/kg-news/id/actor/a{i}" for i in range(actors)]
    group = {iri: i % communities for i, iri in enumerate(iris)}
    types = ["State", "ArmedGroup", "Person", "GovernmentBody", "PoliticalOrganization", "Population"]
    network = Network({iri: Actor(iri, f"Actor {i} of region {group[iri]}", rng.choice(types))
                       for i, iri in enumerate(iris)}, {})  # fmt: skip
    names = ["supports", "attacks", "fights", "cooperatesWith", "accuses", "meetsWith"]
    members = {c: [iri for iri in iris if group[iri] == c] for c in range(communities)}
    hubs = iris[: communities * 2]

    def add(a: str, b: str, n: int) -> None:
        relation = rng.choice(names)
        evidence = Evidence(f"Sentence {n}.", f"doc/{n}", f"Report {n}", "2020-01-01", "actual", None)
        network.edges[(a, relation, b)] = Edge(a, relation, b, [evidence], document_count=1, asserted_count=1)

    n = 0
    for group_members in members.values():
        for i, a in enumerate(group_members):  # a chain keeps each group connected, then random ties inside
            if i:
                add(group_members[rng.randrange(i)], a, n := n + 1)
        for _ in range(len(group_members)):
            add(*rng.sample(group_members, 2), n := n + 1)
    for _ in range(actors // 10):  # a few ties between groups, mostly through the hubs
        add(rng.choice(hubs), rng.choice(iris), n := n + 1)
    return network


def test_the_layout_places_communities_together_and_is_the_same_every_time():
    network = community_network()
    positions = layout(network)
    assert positions == layout(community_network()), "one network, one picture"
    assert set(positions) == network.nodes()
    assert all(abs(x) <= EXTENT / 2 + 1 and abs(y) <= EXTENT / 2 + 1 for x, y in positions.values())
    region = {iri: int(a.label.rsplit(" ", 1)[-1]) for iri, a in network.actors.items()}

    def distance(a: str, b: str) -> float:
        return math.dist(positions[a], positions[b])

    nodes = sorted(positions)
    same = [distance(a, b) for i, a in enumerate(nodes) for b in nodes[i + 1 :] if region[a] == region[b]]
    other = [distance(a, b) for i, a in enumerate(nodes) for b in nodes[i + 1 :] if region[a] != region[b]]
    assert sum(same) / len(same) < 0.6 * sum(other) / len(other)


def test_the_page_carries_the_positions_and_no_physics():
    network = community_network()
    net = build(network)
    nodes = {n["id"]: n for n in net.nodes}
    positions = layout(network)
    assert all((nodes[i]["x"], nodes[i]["y"]) == positions[i] for i in positions)
    assert options(net)["physics"] == {"enabled": False}
    top = labelled(network, centrality(network))
    assert len(top) == LABELLED
    assert {i for i, n in nodes.items() if n["font"]["size"] > 12} == set(top)


def test_large_graphs_keep_the_browser_layout():
    """Beyond LARGE actors a layout in Python would take too long: the page lays them out (and stops)."""
    from tests.test_browser import big_network

    net = build(big_network(LARGE + 1, LARGE * 2))
    assert "x" not in net.nodes[0] and options(net)["physics"]["solver"] == "barnesHut"


def options(net) -> dict:
    """The vis-network options of a built page (pyvis keeps them as JSON text or as a dict)."""
    return net.options if isinstance(net.options, dict) else json.loads(net.options)


@pytest.fixture(scope="module")
def browser():
    driver = Browser()
    yield driver
    driver.close()


POSITIONS = "JSON.stringify(kgNetwork.getPositions())"


def test_two_hundred_actors_open_still_with_the_central_ones_labelled(tmp_path, browser):
    network = community_network()
    page = write(network, tmp_path / "200.html")
    browser.errors.clear()
    browser.open(page)
    browser.wait_for("window.kgSettled === true", 60)
    first = json.loads(browser.evaluate(POSITIONS))
    time.sleep(2)
    assert json.loads(browser.evaluate(POSITIONS)) == first, "the picture moved"
    expected = layout(network)
    assert all(abs(first[i]["x"] - x) <= 1 and abs(first[i]["y"] - y) <= 1 for i, (x, y) in expected.items())

    shown = set(browser.evaluate("kgLabelled()"))
    assert shown == set(labelled(network, centrality(network))), "only the most central actors are labelled"

    scale = browser.evaluate("kgNetwork.getScale()")
    browser.evaluate(f"kgNetwork.moveTo({{scale: {scale * 2}}})")
    browser.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    assert len(browser.evaluate("kgLabelled()")) > len(shown) + 20, "zooming in labels more actors"
    browser.evaluate(f"kgNetwork.moveTo({{scale: {scale}}})")

    quiet = next(i for i in sorted(expected) if i not in shown)
    node = json.dumps(quiet)
    where = browser.evaluate(
        f"(() => {{ const p = kgNetwork.canvasToDOM(kgNetwork.getPositions([{node}])[{node}]);"
        " const box = document.getElementById('mynetwork').getBoundingClientRect();"
        " return [p.x + box.left, p.y + box.top]; })()"
    )
    browser.send("Input.dispatchMouseEvent", type="mouseMoved", x=where[0], y=where[1])
    browser.wait_for(f"kgLabelled().includes({json.dumps(quiet)})", 10)  # a real mouse over it labels it
    assert browser.errors == []
