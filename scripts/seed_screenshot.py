"""Redraw docs/seed-graph.png: the seed article through ``kg view``, photographed in headless Chromium.

The picture in the README is what a user gets, not a mock-up: a fresh in-memory store, the seed
article, the real page, the real browser (tests/browser.py), once the layout has settled.

    python scripts/seed_screenshot.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg import ingest, view  # noqa: E402
from kg.store import open_store  # noqa: E402
from tests.browser import Browser  # noqa: E402


def main() -> None:
    store = open_store("memory:")
    ingest([ROOT / "seeds"], store)
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "seed.html"
        view.write(store, page)
        browser = Browser()
        try:
            browser.open(page)
            browser.wait_for("window.kgSettled === true")
            browser.screenshot(ROOT / "docs" / "seed-graph.png")
        finally:
            browser.close()
    print("wrote docs/seed-graph.png")


if __name__ == "__main__":
    main()
