"""The view in a real headless browser (Debian's chromium; .ci/run installs it when absent)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from kg.store import open_store
from kg.view import write

FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--enable-logging=stderr", "--v=0", "--virtual-time-budget=10000",
]  # fmt: skip


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    pytest.fail("no chromium on PATH: install Debian's chromium (bash .ci/run does) to run the browser tests")


def load(page: Path, tmp_path: Path) -> tuple[str, str]:
    """The DOM after the page's scripts ran, and the browser's log (console messages, JS errors)."""
    result = subprocess.run(
        [chromium(), *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", page.resolve().as_uri()],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout, result.stderr


def console_errors(log: str) -> list[str]:
    return [line for line in log.splitlines() if ":CONSOLE" in line and ("Uncaught" in line or "rror" in line)]


def test_the_seed_graph_draws_without_errors(seed_store, tmp_path):
    page = write(open_store(seed_store, read_only=True), tmp_path / "graph.html")
    dom, log = load(page, tmp_path)
    assert console_errors(log) == []
    assert "<canvas" in dom, "vis-network drew no canvas"
    counts = re.search(r"(\d+) actors, (\d+) of (\d+) relations shown", dom)
    assert counts and int(counts[1]) >= 10 and int(counts[2]) == int(counts[3]) >= 10


def test_markup_in_articles_never_runs_in_the_browser(hostile_store, tmp_path):
    page = write(open_store(hostile_store, read_only=True), tmp_path / "hostile.html")
    dom, log = load(page, tmp_path)
    assert console_errors(log) == []
    assert "<canvas" in dom
    assert not re.search(r"<body[^>]*data-pwned", dom), "article markup was executed"
