"""How fast big networks settle in a real browser: kg view's page beside the same page with
pyvis's default physics (the baseline), measured in one run in headless Chromium.

For each size, a synthetic actor network (tests/test_browser.py's generator) is written with
kg.view, then timed from navigation until the layout has stopped (vis-network's
stabilizationIterationsDone): first with kg's options, then with pyvis's defaults.

    python benchmarks/view.py                  # 500, 2,000 and 5,000 actors
    python benchmarks/view.py --sizes 5000
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="500,2000,5000")
    parser.add_argument("--limit", type=float, default=180, help="seconds before giving up on one page")
    args = parser.parse_args()
    browser = Browser()
    print("| actors | relations | kg view, seconds to settle | pyvis defaults, seconds | ratio |")
    print("|---|---|---|---|---|")
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for size in (int(s) for s in args.sizes.split(",")):
                network = big_network(size, int(size * 1.4))
                ours = view.write(network, Path(tmp) / f"kg-{size}.html")
                html = ours.read_text()
                marker = "var options = "
                start = html.index(marker) + len(marker)
                end = html.index(";\n", start)
                options = json.loads(html[start:end])
                options.pop("layout", None)
                options.update(PYVIS_DEFAULTS)
                baseline = Path(tmp) / f"pyvis-{size}.html"
                baseline.write_text(html[:start] + json.dumps(options) + html[end:])
                kg_s = settle_seconds(browser, ours, args.limit)
                base_s = settle_seconds(browser, baseline, args.limit)
                shown = [f"{s:.1f}" if s is not None else f"> {args.limit:.0f}" for s in (kg_s, base_s)]
                ratio = f"{base_s / kg_s:.1f}x" if kg_s and base_s else ""
                print(f"| {size:,} | {len(network.edges):,} | {shown[0]} | {shown[1]} | {ratio} |", flush=True)
    finally:
        browser.close()


if __name__ == "__main__":
    main()
