"""The built wheel works on its own: ontology, lexicons, gazetteer and the view template are inside it.

The editable install the tests run under reads ontology/ from the checkout, so a file missing from
the wheel, or code that only finds data in a checkout, would pass every other test and break every
user who runs ``pip install kg``.
"""

from __future__ import annotations

import os
import re
import shutil
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
    data = ROOT / "ontology"
    for path in data.rglob("*"):  # every data file the extractor reads (sources/ only feeds the scripts)
        if path.is_file() and path.suffix in (".ttl", ".tsv", ".jsonl", ".txt") and "sources" not in path.parts:
            assert f"kg/data/{path.relative_to(data).as_posix()}" in names, path
    assert any(name.startswith("kg/data/lexicon/") and name.endswith(".tsv") for name in names)

    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    work = tmp_path / "work"
    work.mkdir()
    # PYTHONPATH is searched before the editable install's finder, so this runs the unpacked wheel.
    env = {**os.environ, "PYTHONPATH": str(site)}
    script = f"import kg; assert kg.__file__.startswith({str(site)!r}), kg.__file__; from kg.cli import main; main()"
    run = [sys.executable, "-c", script]
    ingest = subprocess.run([*run, "ingest", "--quiet", str(SEEDS)], cwd=work, env=env, capture_output=True, text=True)
    assert ingest.returncode == 0, ingest.stderr
    view = subprocess.run([*run, "view", "-o", "g.html"], cwd=work, env=env, capture_output=True, text=True)
    assert view.returncode == 0, view.stderr
    drawn = re.search(r"\((\d+) actors, (\d+) relations\)", view.stderr)  # kg view reports on stderr
    assert drawn and int(drawn.group(1)) > 0 and int(drawn.group(2)) > 0, view.stderr
    assert "vis-network" in (work / "g.html").read_text(encoding="utf-8")


def readme_main_job() -> str:
    """The README's set-up and main-job command: the first bash block under "Two commands"."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Two commands", 1)[1]
    return section.split("```bash\n", 1)[1].split("```", 1)[0].strip()


#: What a checkout does not hold: this one's venv, stores, caches, build output, and the main job's outputs.
NOT_IN_A_CHECKOUT = {".git", ".venv", ".kg", "__pycache__", ".pytest_cache", ".ruff_cache", "build", "kg.egg-info"}
OUTPUTS = {"graph.ttl", "graph.html", "kg-graph.html"}


def not_in_a_checkout(directory: str, names: list[str]) -> set[str]:
    top = Path(directory) == ROOT
    return {n for n in names if n in NOT_IN_A_CHECKOUT or (top and n in OUTPUTS)}


def test_the_readme_main_job_runs_in_a_fresh_venv_and_reads_html(tmp_path: Path) -> None:
    """Issue 10, item 11: the README's command, exactly as written, in a copy of the checkout, in a
    fresh ``python3 -m venv`` with the pip it brings (no upgrade: pip 23 skipped lxml's html_clean
    extra, and every .html input then failed), then an HTML page ingested with that install.

    It takes about a minute (the whole dependency set is installed from the package index), which is
    the point: nothing shared with the test run's own environment."""
    checkout = tmp_path / "kg"
    shutil.copytree(ROOT, checkout, ignore=not_in_a_checkout)
    own_bin = str(Path(sys.prefix) / "bin")
    path = os.pathsep.join(p for p in os.environ["PATH"].split(os.pathsep) if p and p != own_bin)
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH", "KG_STORE", "PYTHONHOME")}
    env["PATH"] = path
    command = readme_main_job()
    assert command.startswith("python3 -m venv .venv && . .venv/bin/activate && pip install -e . && ")
    job = subprocess.run(["bash", "-c", command], cwd=checkout, env=env, capture_output=True, text=True)
    assert job.returncode == 0, job.stderr[-3000:]
    assert "Russia" in job.stdout
    assert (checkout / "graph.ttl").stat().st_size > 1000 and (checkout / "graph.html").is_file()

    venv = checkout / ".venv" / "bin"
    pip = subprocess.run([venv / "pip", "--version"], env=env, capture_output=True, text=True, check=True).stdout
    bundled = subprocess.run(
        ["python3", "-c", "import ensurepip; print(ensurepip.version())"], env=env, capture_output=True, text=True
    ).stdout.strip()
    assert pip.startswith(f"pip {bundled} "), (pip, bundled)  # the venv's own pip, not an upgraded one

    page = tmp_path / "moscow-backs-damascus.html"
    page.write_text(NEWS_PAGE, encoding="utf-8")
    store = str(tmp_path / "html-store")

    def kg(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([venv / "kg", *args, "--store", store], env=env, capture_output=True, text=True)

    ingest = kg("ingest", str(page))
    assert ingest.returncode == 0 and "skipped" not in ingest.stderr, ingest.stderr
    assert "1 new" in ingest.stdout
    assert kg("query", 'ASK { ?who kg:supports ?army . ?who rdfs:label "Russia" }').stdout.strip() == "true"


NEWS_PAGE = (
    "<html><head><title>Moscow backs Damascus</title></head><body><article><h1>Moscow backs Damascus</h1>"
    "<p>Russia supports the Syrian army in its offensive near Aleppo, officials said on Monday.</p>"
    "<p>Iran supports Hezbollah with weapons and money, according to the report published this week.</p>"
    "</article></body></html>"
)
