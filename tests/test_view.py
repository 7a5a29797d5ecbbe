"""The HTML view: self-contained, shows the actors and relations, and never runs article text."""

from __future__ import annotations

import re

from click.testing import CliRunner

from kg.cli import main
from kg.pipeline import ingest
from kg.store import open_store
from kg.view import build, collect, render


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
    _, edges = collect(open_store(location, read_only=True))
    supports = next(e for e in edges.values() if e.subject.endswith("/iran") and e.relation == "supports")
    assert (supports.document_count, supports.asserted_count) == (3, 2)
    assert "reported by 3 documents, 2 as fact" in build(open_store(location, read_only=True)).get_edges()[0]["title"]
