"""The walkthrough notebook runs top to bottom in a real Jupyter kernel (nbclient), so it never rots."""

from __future__ import annotations

import shutil

import nbformat
from nbclient import NotebookClient

from tests.conftest import ROOT


def test_walkthrough_runs_in_a_kernel(tmp_path):
    (tmp_path / "seeds").symlink_to(ROOT / "seeds")
    (tmp_path / "notebooks").mkdir()
    path = tmp_path / "notebooks" / "walkthrough.ipynb"
    shutil.copy(ROOT / "notebooks" / "walkthrough.ipynb", path)
    notebook = nbformat.read(path, as_version=4)
    # Raises CellExecutionError, with the cell and its traceback, if any cell fails.
    where = {"metadata": {"path": str(path.parent)}}
    NotebookClient(notebook, kernel_name="python3", timeout=300, resources=where).execute()

    outputs = {}
    for cell in notebook.cells:
        if cell.cell_type == "code":
            text = "".join(o.get("text", "") + str(o.get("data", {}).get("text/plain", "")) for o in cell.outputs)
            outputs[cell.source.splitlines()[0]] = text
    assert "documents: 1 new" in outputs["from pathlib import Path"]
    assert "'supporter': 'Russia'" in outputs["supporters = select(store, '''"]
    assert "PKK" in outputs["turkey_claims = select(store, '''"]
    analysis = next(text for first, text in outputs.items() if first.startswith("from kg.analysis import analyze"))
    assert "alliances: [[" in analysis and "'Russia'" in analysis and "most between:" in analysis
    extracted = next(text for first, text in outputs.items() if first.startswith("for statement in kg.extract"))
    assert "Iran --supports--> Hezbollah [actual]" in extracted and "[negated]" in extracted
    assert (tmp_path / "notebooks" / "kg-graph.html").is_file()
    table = outputs["import pandas as pd"]
    assert "statements" in table and "Syrian Army" in table and "document_count" in table
    assert "documents: 4 new" in outputs["import json"]
    months = outputs["from kg.network import select"]
    assert "undated documents left out: 1" in months and all(f"2024-0{m}" in months for m in range(1, 5))
    chart = (tmp_path / "notebooks" / "kg-timeline.svg").read_text()
    assert chart.count('class="bar conflict"') == 4 and 'data-period="2024-03"' in chart
    gephi = outputs["import networkx as nx"]
    assert "with dates" in gephi and int(gephi.split(" relations, ")[1].split()[0]) >= 6
    assert "<spells>" in (tmp_path / "notebooks" / "kg-network.gexf").read_text()
