"""The view in a real headless browser (Debian's chromium, driven over the DevTools protocol):
no errors, no requests beyond the file, a drawn network, filters that change what is shown,
thousands of nodes that settle, and article markup that never runs."""

from __future__ import annotations

import random

import pytest

from kg.network import Actor, Edge, Evidence, Network
from kg.store import open_store
from kg.view import write
from tests.browser import Browser

COUNTS = "document.getElementById('counts').textContent"
#: Non-white pixels in the network's canvas: proof that something was drawn.
INK = """(() => { const c = document.querySelector('#mynetwork canvas');
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;
  for (let i = 0; i < d.length; i += 4) { if (d[i + 3] > 0 && (d[i] < 240 || d[i + 1] < 240 || d[i + 2] < 240)) n++; }
  return n; })()"""


@pytest.fixture(scope="module")
def browser():
    driver = Browser()
    yield driver
    driver.close()


def shown(browser: Browser) -> tuple[int, int]:
    """(actors shown, relations shown) as the page counts them."""
    text = browser.evaluate(COUNTS)
    actors, rest = text.split(" of ", 1)
    relations = rest.split(" actors, ", 1)[1].split(" of ", 1)[0]
    return int(actors), int(relations)


def click(browser: Browser, selector: str) -> None:
    browser.evaluate(f"document.querySelector({selector!r}).click()")


def test_the_seed_graph_draws_offline_without_errors(seed_store, tmp_path, browser):
    page = write(open_store(seed_store, read_only=True), tmp_path / "graph.html")
    browser.requests.clear()
    browser.errors.clear()
    browser.open(page)
    browser.wait_for("window.kgSettled === true", 60)
    assert browser.errors == []
    assert [url for url in browser.requests if not url.startswith(("file://", "data:"))] == []
    assert browser.evaluate(INK) > 1000, "the network drew nothing"
    actors, relations = shown(browser)
    assert actors >= 10 and relations >= 10


def test_filters_change_what_is_shown(seed_store, tmp_path, browser):
    page = write(open_store(seed_store, read_only=True), tmp_path / "graph.html")
    browser.open(page)
    browser.wait_for("window.kgSettled === true", 60)
    everything = shown(browser)

    click(browser, "input.family[value=conflict]")
    without_conflict = shown(browser)
    assert without_conflict[1] < everything[1]
    assert browser.evaluate("kgNetwork.body.data.edges.get().every(e => e.family !== 'conflict')")
    click(browser, "input.family[value=conflict]")
    assert shown(browser) == everything

    click(browser, "input.voice[value=actor]")
    click(browser, "input.voice[value=source]")
    own_voice = browser.evaluate("kgNetwork.body.data.edges.get().map(e => e.voices)")
    assert own_voice and all("article" in voices for voices in own_voice)
    click(browser, "input.voice[value=actor]")
    click(browser, "input.voice[value=source]")

    browser.evaluate("(() => { const box = document.getElementById('min-docs'); box.value = 2;"
                     " box.dispatchEvent(new Event('input')); })()")  # fmt: skip
    assert shown(browser)[1] == 0, "the seed is one article: nothing is reported twice"
    browser.evaluate("(() => { const box = document.getElementById('min-docs'); box.value = 1;"
                     " box.dispatchEvent(new Event('input')); })()")  # fmt: skip

    click(browser, "#focus-only")
    assert browser.evaluate("kgFocus('Russia')")
    labels = browser.evaluate("kgNetwork.body.data.nodes.get().map(n => n.label)")
    assert "Russia" in labels and "Syrian Army" in labels and "PKK" not in labels
    assert browser.errors == []


def big_network(actors: int, edges: int, seed: int = 5) -> Network:
    """A synthetic network of the size analysts reach: every node an actor, random relations."""
    rng = random.Random(seed)
    iris = [f"https://w3id.org/kg-news/id/actor/a{i}" for i in range(actors)]
    network = Network({iri: Actor(iri, f"Actor {i}", rng.choice(["State", "ArmedGroup", "Person"]))
                       for i, iri in enumerate(iris)}, {})  # fmt: skip
    relation_names = ["supports", "attacks", "fights", "cooperatesWith", "accuses", "partOf"]
    for n in range(edges):
        a, b = rng.sample(iris, 2) if n >= actors else (iris[n], iris[(n * 7 + 1) % actors])
        relation = rng.choice(relation_names)
        evidence = Evidence(f"Sentence {n}.", f"doc/{n}", f"Report {n}", "2020-01-01", "actual", None)
        network.edges[(a, relation, b)] = Edge(a, relation, b, [evidence], document_count=1, asserted_count=1)
    return network


def test_five_thousand_actors_settle(tmp_path, browser):
    """Big graphs stay usable: the page lays out 5,000 actors and stops moving (the time it takes is
    measured by benchmarks/view.py, not asserted here)."""
    page = write(big_network(5000, 7000), tmp_path / "big.html")
    browser.errors.clear()
    browser.open(page, seconds=120)
    browser.wait_for("window.kgSettled === true", 180)
    assert browser.errors == []
    assert shown(browser) == (5000, 7000)
    assert browser.evaluate(INK) > 1000


def test_markup_in_articles_never_runs_in_the_browser(hostile_store, tmp_path, browser):
    page = write(open_store(hostile_store, read_only=True), tmp_path / "hostile.html")
    browser.errors.clear()
    browser.open(page)
    browser.wait_for("window.kgSettled === true", 60)
    assert browser.errors == []
    assert not browser.evaluate("document.body.hasAttribute('data-pwned')"), "article markup was executed"
    titles = browser.evaluate("kgNetwork.body.data.edges.get().map(e => e.title).join(' ')")
    assert "<script>" in titles and "onerror" in titles, "the text is kept, as text"
    assert browser.evaluate("document.querySelectorAll('img, script:not([src])').length") == 2  # the page's own
