"""The HTML view: self-contained, shows the actors and relations, and never runs article text."""

from __future__ import annotations

import re

from click.testing import CliRunner

from kg.cli import main
from kg.store import open_store
from kg.view import render


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
