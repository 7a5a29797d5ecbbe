"""kg: an actor-relationship knowledge graph from the news.

The data flow, one module per stage:
documents -> sentences -> actors (mentions) -> statements (rules) -> rdf -> store ->
query / view / export / evaluate. ``kg.pipeline`` ties them together; the CLI (kg.cli) and
notebooks call the same functions.

The names below are imported on first use (PEP 562), not with the package: ``import kg`` or
``import kg.store`` must not load spaCy, which only the extraction side needs and which takes
about a second to import. The read side (store, query, export, network, view, analysis, serve)
never imports it; tests/test_layers.py checks that.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.errors import KgError
    from kg.pipeline import extract, ingest, remove
    from kg.store import open_store

__version__ = "0.1.0"
__all__ = ["KgError", "extract", "ingest", "open_store", "remove"]

#: public name -> the module that defines it
_HOMES = {
    "KgError": "kg.errors",
    "extract": "kg.pipeline",
    "ingest": "kg.pipeline",
    "remove": "kg.pipeline",
    "open_store": "kg.store",
}


def __getattr__(name: str):
    """The public API, imported from its module when first asked for."""
    if name not in _HOMES:
        raise AttributeError(f"module 'kg' has no attribute {name!r}")  # submodules are then imported as usual
    value = getattr(importlib.import_module(_HOMES[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_HOMES])
