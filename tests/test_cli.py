"""The kg command itself (kg.cli): the installed console script, what it reads (an argument, a file,
standard input, --author), the progress bar on a terminal only, and every bad input giving one line on
stderr, a non-zero exit and an unchanged store. Each stage's own behaviour is tested in its module's file
(test_query, test_export, test_pipeline, test_store, ...)."""

from __future__ import annotations

import json
import os
import pty
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from kg.cli import main
from tests.conftest import SEEDS, count_quads, run, write
from tests.test_documents import RECORDS


def test_the_installed_command_runs_the_main_job(tmp_path):
    """The console script itself (not in-process): ingest, then a SPARQL answer."""
    kg = shutil.which("kg") or f"{sys.executable} -m kg.cli"
    env_store = str(tmp_path / "s")
    out = subprocess.run([*kg.split(), "ingest", str(SEEDS), "--store", env_store], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "1 new" in out.stdout
    query = 'SELECT ?l WHERE { ?who kg:supports ?a . ?a rdfs:label "Syrian Army" . ?who rdfs:label ?l }'
    out = subprocess.run([*kg.split(), "query", query, "--store", env_store], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "Russia" in out.stdout


def test_extract_prints_statements_and_stores_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_STORE", str(tmp_path / "untouched"))
    result = run("extract", "Russia supports the Syrian army.")
    assert "Russia --supports--> Syrian Army [actual]" in result.output
    line = json.loads(run("extract", "--format", "json", "Iran supports Hezbollah.").output.splitlines()[0])
    assert line["subject"] == "Iran" and line["relation"] == "supports"
    assert not (tmp_path / "untouched").exists()


def test_extract_reads_the_file_its_argument_names(tmp_path, monkeypatch):
    """'kg extract article.txt' is the article (as kg ingest reads it), not the eleven characters of its name."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "article.txt").write_text("Iran supports Hezbollah.\n")
    assert "Iran --supports--> Hezbollah [actual]" in run("extract", "article.txt").output
    bad = CliRunner().invoke(main, ["extract", "notes.txt"])  # no such file: the words themselves, as before
    assert bad.exit_code == 0 and "Hezbollah" not in bad.output


BAD_INGEST = {
    "missing": lambda d: str(d / "nope.txt"),
    "empty": lambda d: write(d / "empty.txt", b""),
    "binary": lambda d: write(d / "bin.txt", b"\x89PNG\r\n\x1a\n\x00\x00"),
    "non-utf8": lambda d: write(d / "latin.txt", b"Fran\xe7ois said Iran supports Hezbollah."),
}


@pytest.mark.parametrize("case", sorted(BAD_INGEST))
def test_a_bad_input_alone_fails_cleanly_and_leaves_the_store_unchanged(store, tmp_path, case):
    before = count_quads(store)
    result = CliRunner().invoke(main, ["ingest", BAD_INGEST[case](tmp_path), "--store", store])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 2 and lines[0].startswith("kg: skipped ") and lines[1].startswith("kg: error: nothing")
    assert "Traceback" not in result.output
    assert count_quads(store) == before


@pytest.mark.parametrize("case", sorted(BAD_INGEST))
def test_a_bad_input_among_good_ones_is_skipped_and_counted(store, tmp_path, case):
    good = write(tmp_path / "good.txt", b"Iran supports Hezbollah.")
    bad = BAD_INGEST[case](tmp_path)
    result = CliRunner().invoke(main, ["ingest", bad, good, "--store", store])
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith(f"kg: skipped {bad}: ") and result.stderr.count("\n") == 1
    assert "1 new, 0 updated, 0 re-extracted, 0 unchanged, 1 skipped" in result.stdout
    assert run("query", "ASK { doc:good a kg:Document }", "--store", store).output.strip() == "true"


@pytest.mark.parametrize("case", sorted(BAD_INGEST))
def test_strict_stops_at_a_bad_input(store, tmp_path, case):
    before = count_quads(store)
    good = write(tmp_path / "good.txt", b"Iran supports Hezbollah.")
    result = CliRunner().invoke(main, ["ingest", "--strict", BAD_INGEST[case](tmp_path), good, "--store", store])
    assert result.exit_code == 1 and "--strict: stopped; 0 documents stored" in result.stderr
    assert result.stderr.count("\n") == 1
    assert count_quads(store) == before


def test_empty_query_on_stdin(store):
    result = CliRunner().invoke(main, ["query", "--store", store], input="  \n")
    assert result.exit_code == 1 and result.stderr == "kg: error: standard input is empty\n"


@pytest.mark.parametrize(("data", "message"), [(b"SELECT \xff", "not UTF-8"), (b"\x00\x01", "binary"), (b" ", "empty")])
def test_bad_standard_input(store, data, message):
    result = CliRunner().invoke(main, ["query", "--store", store], input=data)
    assert result.exit_code == 1 and message in result.stderr and result.stderr.count("\n") == 1


def test_ingest_author_makes_we_the_issuer(tmp_path):
    from click.testing import CliRunner

    from kg.cli import main

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "release.txt").write_text("We condemn Iran's attack on Israel.\n")
    store = str(tmp_path / "store")
    result = CliRunner().invoke(
        main, ["ingest", "--store", store, "--quiet", "--author", "United States", str(tmp_path / "docs")]
    )
    assert result.exit_code == 0, result.output
    answer = CliRunner().invoke(
        main, ["query", "--store", store, "--format", "csv", "SELECT ?l WHERE { ?s kg:accuses ?o . ?s rdfs:label ?l }"]
    )
    assert answer.output.split() == ["l", "United", "States"]


def test_a_progress_bar_on_a_terminal_only(tmp_path):
    """On a terminal (a real pseudo-terminal here) stderr shows progress; through a pipe, nothing."""
    (tmp_path / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in RECORDS))
    command = [sys.executable, "-m", "kg.cli", "ingest", str(tmp_path / "feed.jsonl"), "--store"]
    leader, follower = pty.openpty()
    process = subprocess.Popen([*command, str(tmp_path / "a")], stderr=follower, stdout=subprocess.DEVNULL)
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closed: the command is done
            break
        if not chunk:
            break
        seen += chunk
    assert process.wait(timeout=120) == 0
    assert b"articles" in seen and b"/s" in seen
    piped = subprocess.run([*command, str(tmp_path / "b")], capture_output=True, text=True)
    assert piped.returncode == 0 and piped.stderr == ""


def test_a_non_utf8_argument_is_one_clear_error():
    result = subprocess.run([sys.executable, "-m", "kg.cli", "extract", b"Iran supports \xff\xfe Hezbollah."],
                            capture_output=True, timeout=180)  # fmt: skip
    assert result.returncode == 1
    assert result.stderr == b"kg: error: the text argument is not UTF-8 (byte 0xff at offset 14)\n"
