"""How fast networks are drawn and settle in a real browser: kg view's page beside the same page with
pyvis's default physics (the baseline), measured in one run in headless Chromium.

For each size, a synthetic actor network is written with kg.view (timed: up to kg.view.LARGE actors this
includes the layout, computed in Python), then timed from navigation until the picture stands still:
drawn once for a precomputed layout, vis-network's stabilizationIterationsDone for the larger ones; then
the same with pyvis's defaults. Up to 400 actors the network is tests/test_view_layout.py's (regional
communities), above it tests/test_browser.py's (random relations).

    python benchmarks/view.py                  # 200, 500, 2,000 and 5,000 actors
    python benchmarks/view.py --sizes 5000
    python benchmarks/view.py --screenshot docs/view-200.png --store STORE --max-nodes 200
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg import view
from tests.browser import Browser
from tests.test_browser import big_network
from tests.test_view_layout import community_network

#: pyvis's own defaults (Network().options): Barnes-Hut, 1000 stabilisation iterations, improved layout.
PYVIS_DEFAULTS = {
    "physics": {"enabled": True, "stabilization": {"enabled": True, "iterations": 1000}},
    "edges": {"smooth": {"enabled": True, "type": "dynamic"}},
    "interaction": {"hover": True},
}


def settle_seconds(browser: Browser, page: Path, limit: float) -> float | None:
    started = time.monotonic()
    browser.open(page, seconds=limit)
    try:
        browser.wait_for("window.kgSettled === true", max(1.0, limit - (time.monotonic() - started)))
    except AssertionError:
        return None
    return time.monotonic() - started


def screenshot(path: Path, store: str, max_nodes: int | None) -> None:
    """A picture of a store's network as kg view draws it, at the zoom the page opens with."""
    from kg.network import read_network, select
    from kg.store import open_store

    network = read_network(open_store(store, read_only=True))
    network = select(network, max_nodes=max_nodes)
    browser = Browser()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            page = view.write(network, Path(tmp) / "view.html")
            browser.open(page)
            browser.wait_for("window.kgSettled === true", 120)
            time.sleep(0.5)
            browser.screenshot(path)
            labelled = len(browser.evaluate("kgLabelled()"))
    finally:
        browser.close()
    print(f"wrote {path}: {len(network.nodes())} actors, {len(network.edges)} relations, {labelled} labelled")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="200,500,2000,5000")
    parser.add_argument("--limit", type=float, default=180, help="seconds before giving up on one page")
    parser.add_argument("--screenshot", type=Path, help="instead: write a PNG of --store's network")
    parser.add_argument("--store", help="with --screenshot: the store")
    parser.add_argument("--max-nodes", type=int, help="with --screenshot: the most central actors only")
    args = parser.parse_args()
    if args.screenshot:
        screenshot(args.screenshot, args.store, args.max_nodes)
        return
    browser = Browser()
    print("| actors | relations | writing the page, s | kg view, s until still | pyvis defaults, s | ratio |")
    print("|---|---|---|---|---|---|")
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for size in (int(s) for s in args.sizes.split(",")):
                network = community_network(size) if size <= view.LARGE else big_network(size, int(size * 1.4))
                started = time.monotonic()
                ours = view.write(network, Path(tmp) / f"kg-{size}.html")
                write_s = time.monotonic() - started
                html = ours.read_text()
                marker = "var options = "
                start = html.index(marker) + len(marker)
                end = html.index(";\n", start)
                options = json.loads(html[start:end])
                options.pop("layout", None)
                options.update(PYVIS_DEFAULTS)
                baseline = Path(tmp) / f"pyvis-{size}.html"
                laid_out = html[:start] + json.dumps(options) + html[end:]
                baseline.write_text(laid_out.replace("var PRECOMPUTED = true;", "var PRECOMPUTED = false;"))
                kg_s = settle_seconds(browser, ours, args.limit)
                base_s = settle_seconds(browser, baseline, args.limit)
                shown = [f"{s:.1f}" if s is not None else f"> {args.limit:.0f}" for s in (kg_s, base_s)]
                ratio = f"{base_s / kg_s:.1f}x" if kg_s and base_s else ""
                cells = [f"{size:,}", f"{len(network.edges):,}", f"{write_s:.1f}", *shown, ratio]
                print("| " + " | ".join(cells) + " |", flush=True)
    finally:
        browser.close()


if __name__ == "__main__":
    main()
