"""kg: an actor-relationship knowledge graph from the news.

The data flow, one module per stage:
documents -> sentences -> actors (mentions) -> statements (rules) -> rdf -> store ->
query / view / export / evaluate. ``kg.pipeline`` ties them together; the CLI (kg.cli) and
notebooks call the same functions.
"""

from kg.errors import KgError
from kg.pipeline import extract, ingest, remove
from kg.store import open_store

__version__ = "0.1.0"
__all__ = ["KgError", "extract", "ingest", "open_store", "remove"]
