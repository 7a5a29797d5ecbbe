"""The layer rule (issue 12): the read side (store, query, export, network, view, analysis, serve and
the commands over them) never imports spaCy, which only extraction needs and which takes about a
second to import. Each check runs a fresh Python and reads ``sys.modules`` as the process exits (an
atexit hook), so an import anywhere in the run counts, by any means (``-X importtime`` misses modules
loaded with importlib.import_module). How fast the commands start is measured by
benchmarks/startup.py, not here."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from kg import cli, documents, pipeline, serve
from tests.conftest import CTRL_C_REACHES

READ_SIDE = ("kg.store", "kg.query", "kg.export", "kg.network", "kg.view", "kg.analysis", "kg.serve", "kg.cli")


#: Runs ``-c CODE`` or ``-m MODULE ARGS...`` as python would, and writes sys.modules to LISTING at exit.
WRAPPER = """
import atexit, runpy, sys
listing, how, what = sys.argv[1:4]
sys.argv = [what, *sys.argv[4:]]

def dump():
    with open(listing, "w") as out:
        out.write("\\n".join(sorted(sys.modules)))

atexit.register(dump)
if how == "-m":
    runpy.run_module(what, run_name="__main__", alter_sys=True)
else:
    exec(compile(what, "<test>", "exec"), {"__name__": "__main__"})
"""


def imported(tmp_path: Path, how: str, what: str, *args: str) -> tuple[set[str], str]:
    """The modules a fresh ``python -c CODE`` or ``python -m MODULE ARGS`` holds when it exits, and its stdout."""
    listing = tmp_path / "modules.txt"
    done = subprocess.run(
        [sys.executable, "-c", WRAPPER, str(listing), how, what, *args], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return set(listing.read_text().split()), done.stdout


def test_the_check_sees_spacy_where_it_is_imported(tmp_path):
    """The extraction side does import it, and kg extract does: the checks below are not blind."""
    modules, _ = imported(tmp_path, "-c", "import kg.sentences")
    assert {"spacy", "kg.sentences"} <= modules
    modules, out = imported(tmp_path, "-m", "kg.cli", "extract", "Iran supports Hezbollah.")
    assert "Iran --supports--> Hezbollah" in out and "spacy" in modules


def test_the_read_side_modules_do_not_import_spacy(tmp_path):
    modules, _ = imported(tmp_path, "-c", f"import {', '.join(READ_SIDE)}")
    assert set(READ_SIDE) <= modules
    assert "spacy" not in modules


def test_the_package_api_is_imported_on_first_use(tmp_path):
    """``import kg`` imports nothing heavy; kg.open_store brings the store and no more."""
    modules, out = imported(tmp_path, "-c", "import kg; print(bool(kg.open_store('memory:').query('ASK {}')))")
    assert out.strip() == "True"
    assert "kg.store" in modules and not {"spacy", "kg.pipeline", "networkx"} & modules
    import kg

    assert kg.extract is pipeline.extract and kg.ingest is pipeline.ingest and kg.remove is pipeline.remove
    assert {"KgError", "extract", "ingest", "open_store", "remove"} <= set(dir(kg))
    with pytest.raises(AttributeError):
        _ = kg.no_such_name


#: Read-side commands, run as `kg ...` in a fresh process; {store} and {tmp} are filled in.
COMMANDS = {
    "help": (["--help"], "Usage: "),
    "query": (["query", "ASK {}", "--store", "{store}"], "true"),
    "view": (["view", "-o", "{tmp}/graph.html", "--store", "{store}"], ""),
    "analyze": (["analyze", "--store", "{store}"], "Structural balance"),
    "export": (["export", "--format", "nquads", "--store", "{store}"], "<https://w3id.org/kg-news/"),
    "load": (["load", "{tmp}/dump.nq", "--store", "{tmp}/copy"], ""),
}


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_read_side_commands_do_not_import_spacy(name, seed_store, tmp_path):
    args, shown = COMMANDS[name]
    if name == "load":
        dump = subprocess.run([sys.executable, "-m", "kg.cli", "export", "--format", "nquads", "--store", seed_store],
                              capture_output=True, check=True).stdout  # fmt: skip
        (tmp_path / "dump.nq").write_bytes(dump)
    filled = [a.replace("{store}", seed_store).replace("{tmp}", str(tmp_path)) for a in args]
    modules, out = imported(tmp_path, "-m", "kg.cli", *filled)
    assert shown in out
    assert "kg.store" in modules or name == "help"
    assert "spacy" not in modules, f"kg {name} imported spaCy"


@pytest.mark.server
def test_kg_serve_answers_without_spacy(seed_store, tmp_path):
    listing = tmp_path / "modules.txt"
    command = [*CTRL_C_REACHES, "-c", WRAPPER, str(listing), "-m", "kg.cli", "serve", "--port", "0", "--quiet"]
    server = subprocess.Popen([*command, "--store", seed_store], stderr=subprocess.PIPE, text=True)
    try:
        url = re.search(r"http://127\.0\.0\.1:\d+/query", server.stderr.readline()).group(0)
        with urllib.request.urlopen(f"{url}?query=ASK%7B%7D", timeout=60) as answer:
            assert json.load(answer)["boolean"] is True
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=60)
    modules = set(listing.read_text().split())
    assert "kg.serve" in modules and "spacy" not in modules


def test_defaults_shown_in_help_are_their_modules_own():
    """kg.cli writes out a few option values so that `kg --help` need not import their modules."""
    assert tuple(dict.fromkeys(documents.FORMATS.values())) == cli.INPUT_FORMATS
    assert cli.BATCH_DOCUMENTS == pipeline.BATCH_DOCUMENTS
    assert (cli.QUERY_TIMEOUT, cli.SOCKET_TIMEOUT, cli.MAX_CONNECTIONS) == (
        serve.QUERY_TIMEOUT,
        serve.SOCKET_TIMEOUT,
        serve.MAX_CONNECTIONS,
    )
