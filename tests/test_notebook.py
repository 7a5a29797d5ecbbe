"""The walkthrough notebook runs top to bottom (its code cells, in order, in one namespace)."""

from __future__ import annotations

import json

from tests.conftest import ROOT


def test_walkthrough_runs(monkeypatch, tmp_path):
    notebook = json.loads((ROOT / "notebooks" / "walkthrough.ipynb").read_text())
    (tmp_path / "seeds").symlink_to(ROOT / "seeds")
    (tmp_path / "notebooks").mkdir()
    monkeypatch.chdir(tmp_path / "notebooks")  # the notebook writes its HTML beside itself
    namespace: dict = {}
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            exec(compile("".join(cell["source"]), "walkthrough.ipynb", "exec"), namespace)
    assert {"supporter": "Russia"} in namespace["supporters"]
    assert {row["object"] for row in namespace["turkey_claims"]} >= {"PKK", "Islamic State"}
    assert namespace["graph"].number_of_edges() > 3
    assert "vis.Network" in namespace["page"]
    assert (tmp_path / "notebooks" / "kg-graph.html").is_file()
