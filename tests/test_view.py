"""The HTML view: self-contained, shows the actors and relations, and never runs article text."""

from __future__ import annotations

import re

from click.testing import CliRunner

from kg.cli import main
from kg.network import Edge, Evidence, Network, read_network
from kg.pipeline import ingest
from kg.store import open_store
from kg.view import EVIDENCE_SHOWN, build, render


def test_view_is_self_contained_and_shows_the_graph(seed_store, tmp_path):
    out = tmp_path / "graph.html"
    result = CliRunner().invoke(main, ["view", "--output", str(out), "--store", seed_store])
    assert result.exit_code == 0
    html = out.read_text()
    assert "vis.Network" in html and "new vis.DataSet" in html
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html), "the page must not load anything remote"
    for label in ("Russia", "Syrian Army", "Islamic State", "PKK"):
        assert f'"label": "{label}"' in html


def test_article_text_cannot_inject_markup(hostile_store):
    html = render(open_store(hostile_store, read_only=True))
    assert "<script>document" not in html
    assert "<img src=x" not in html
    assert "\\u003cscript\\u003edocument.body" in html  # present, as inert JSON text
    assert "\\u003cimg src=x onerror=document.body" in html


def test_edges_carry_the_corroboration_counts(tmp_path):
    """Two articles report Iran supports Hezbollah as fact, a third only as Israel's claim."""
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text("Iran supports Hezbollah.\n")
    (articles / "b.txt").write_text("Iran supports Hezbollah.\n\nSyria backs Hezbollah.\n")
    (articles / "c.txt").write_text("Israel says Iran supports Hezbollah.\n")
    location = str(tmp_path / "store")
    ingest([articles], location)
    network = read_network(open_store(location, read_only=True))
    supports = next(e for e in network.edges.values() if e.subject.endswith("/iran") and e.relation == "supports")
    assert (supports.document_count, supports.asserted_count) == (3, 2)
    edge = next(e for e in build(network).get_edges() if e["from"].endswith("/iran"))
    assert edge["title"].startswith("supports: reported by 3 documents, 2 as fact")
    assert edge["width"] == 7 and edge["dashes"] is False and edge["style"] == "fact"


def test_edge_styles_tell_facts_claims_plans_and_denials_apart(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Iran supports Hezbollah.\n\nIsrael says Iran supports Hamas.\n\n"
        "Iran plans to attack Israel.\n\nRussia denied attacking Turkey.\n"
    )
    location = str(tmp_path / "store")
    ingest([tmp_path / "a.txt"], location)
    edges = build(read_network(open_store(location, read_only=True))).get_edges()
    style = {
        (e["from"].rsplit("/", 1)[-1], e["label"], e["to"].rsplit("/", 1)[-1]): (e["style"], e["dashes"]) for e in edges
    }
    assert style[("iran", "supports", "hezbollah")] == ("fact", False)
    assert style[("iran", "supports", "hamas")] == ("claim", [8, 6])
    assert style[("iran", "attacks", "israel")] == ("potential", [2, 5])
    assert style[("russia", "not attacks", "turkey")] == ("negated", [4, 4])


def test_a_much_reported_edge_keeps_a_short_tooltip():
    """A hub edge lists its first EVIDENCE_SHOWN sentences and says how many more there are."""
    said = [Evidence(f"Sentence {i}.", f"doc-{i}", f"Article {i}", None, "actual", None) for i in range(45)]
    edge = Edge("https://example.org/a", "supports", "https://example.org/b", said, document_count=45)
    network = Network(actors={}, edges={edge.key: edge})
    title = build(network).get_edges()[0]["title"]
    assert "Sentence 19." in title and "Sentence 20." not in title
    assert title.endswith(f"and {45 - EVIDENCE_SHOWN} more statements (kg query lists them all)")


def test_a_date_range_says_what_it_left_out(tmp_path):
    """--since on undated articles used to write an empty page and say nothing: now one line on stderr
    says how many documents were undated and how many dated outside the range."""
    (tmp_path / "undated.txt").write_text("Iran supports Hezbollah.\n")
    (tmp_path / "feed.jsonl").write_text('{"id": "old", "date": "2015-06-01", "text": "Turkey attacked the YPG."}\n')
    location = str(tmp_path / "store")
    ingest([tmp_path / "undated.txt", tmp_path / "feed.jsonl"], location)
    out = tmp_path / "graph.html"
    result = CliRunner().invoke(main, ["view", "--since", "2020-01-01", "-o", str(out), "--store", location])
    assert result.exit_code == 0 and out.is_file()
    assert result.stderr.splitlines() == [
        "kg: --since 2020-01-01 left out 1 document without a date (a date range keeps only dated articles) and "
        "1 document dated outside the range; 0 of 2 documents kept",
        f"wrote {out} (0 actors, 0 relations)",
    ]
    analyzed = CliRunner().invoke(main, ["analyze", "--until", "2016-01-01", "--store", location])
    assert analyzed.exit_code == 0 and analyzed.stderr == (
        "kg: --until 2016-01-01 left out 1 document without a date (a date range keeps only dated articles); "
        "1 of 2 documents kept\n"
    )
    everything = CliRunner().invoke(main, ["view", "-o", str(out), "--store", location])
    assert everything.stderr == f"wrote {out} (4 actors, 2 relations)\n", "no range, nothing to say"
