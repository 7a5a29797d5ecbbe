"""The built wheel works on its own: ontology, lexicons, gazetteer and the view template are inside it.

The editable install the tests run under reads ontology/ from the checkout, so a file missing from
the wheel, or code that only finds data in a checkout, would pass every other test and break every
user who runs ``pip install kg``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def test_wheel_holds_the_data_and_runs_from_outside_the_checkout(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )
    wheel = next(tmp_path.glob("kg-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for expected in ("kg/data/kg.ttl", "kg/templates/network.html", "kg/data/gazetteer/curated.jsonl"):
        assert expected in names, expected
    assert any(name.startswith("kg/data/lexicon/") and name.endswith(".tsv") for name in names)

    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    work = tmp_path / "work"
    work.mkdir()
    # PYTHONPATH is searched before the editable install's finder, so this runs the unpacked wheel.
    env = {**os.environ, "PYTHONPATH": str(site)}
    script = (
        "import kg, sys; "
        f"assert kg.__file__.startswith({str(site)!r}), kg.__file__; "
        "from kg.cli import main; sys.argv = sys.argv[:1] + sys.argv[1:]; main()"
    )
    run = [sys.executable, "-c", script]
    ingest = subprocess.run([*run, "ingest", "--quiet", str(SEEDS)], cwd=work, env=env, capture_output=True, text=True)
    assert ingest.returncode == 0, ingest.stderr
    view = subprocess.run([*run, "view", "-o", "g.html"], cwd=work, env=env, capture_output=True, text=True)
    assert view.returncode == 0, view.stderr
    assert "0 actors" not in view.stdout
    assert "vis-network" in (work / "g.html").read_text(encoding="utf-8")
