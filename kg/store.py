"""Stage 6: where the graph is kept.

A store is chosen by a location string (``--store`` or ``KG_STORE``): ``memory:`` for tests and
notebooks, anything else a directory for the embedded on-disk store (default ``./.kg``). Backends
register in :data:`STORES` by URL scheme, the way rdflib registers store plugins, so a remote
SPARQL endpoint backend plugs in without touching callers.

The embedded backend is Oxigraph (pyoxigraph): a RocksDB-backed quad store with a SPARQL 1.1
engine, transactional updates, and load/query speeds far above rdflib's pure-Python stores.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox

from kg.errors import KgError
from kg.vocabulary import ONTOLOGY_GRAPH, PREFIXES, ontology_turtle

DEFAULT_LOCATION = ".kg"


class Store(Protocol):
    """What every backend offers: transactional graph replacement, SPARQL, dumps."""

    location: str

    def replace_graphs(self, update: str) -> None:
        """Apply one SPARQL update (dropping and inserting whole graphs) atomically."""

    def query(self, sparql: str):
        """Run a SPARQL query over the union of all graphs (pyoxigraph result objects)."""

    def dump(self, format: ox.RdfFormat) -> bytes:
        """The whole dataset (quad formats) in one serialisation."""


def location_from(location: str | os.PathLike | None) -> str:
    """The store location: the argument, else ``KG_STORE``, else ``./.kg``."""
    return str(location or os.environ.get("KG_STORE") or DEFAULT_LOCATION)


def _os_error(location: str, err: OSError) -> KgError:
    text = str(err)
    if "lock" in text.lower():
        return KgError(f"store {location} is in use by another kg process (close it and try again)")
    return KgError(f"cannot open store {location}: {err.strerror or text.split(':')[-1].strip() or text}")


class OxigraphStore:
    """The embedded store: on disk at a directory, or in memory."""

    def __init__(self, location: str, path: str | None, read_only: bool = False):
        self.location = location
        try:
            if path is None:
                self._store = ox.Store()
            elif read_only:
                if not (Path(path) / "CURRENT").is_file():
                    raise KgError(f"no kg store at {path} (run 'kg ingest' first, or pass --store)")
                self._store = ox.Store.read_only(path)
            else:
                directory = Path(path)
                if directory.exists() and not directory.is_dir():
                    raise KgError(f"cannot open store {path}: it is a file, not a directory")
                if directory.is_dir() and any(directory.iterdir()) and not (directory / "CURRENT").is_file():
                    raise KgError(f"cannot open store {path}: the directory is not empty and holds no kg store")
                self._store = ox.Store(path)
        except OSError as err:
            raise _os_error(location, err) from None

    def replace_graphs(self, update: str) -> None:
        try:
            self._store.update(update)
        except OSError as err:
            raise _os_error(self.location, err) from None

    def query(self, sparql: str):
        try:
            return self._store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True)
        except SyntaxError as err:
            raise KgError(f"SPARQL syntax error: {' '.join(str(err).split())}") from None
        except (OSError, RuntimeError, ValueError) as err:
            raise KgError(f"query failed: {' '.join(str(err).split())}") from None

    def dump(self, format: ox.RdfFormat) -> bytes:
        return self._store.dump(format=format, prefixes=PREFIXES)


StoreFactory = Callable[[str, bool], Store]
#: The registry of backends: scheme -> factory(location, read_only). "" is the on-disk default.
STORES: dict[str, StoreFactory] = {}


def register_store(scheme: str) -> Callable[[StoreFactory], StoreFactory]:
    """Decorator: add a backend for locations starting with ``scheme:``."""

    def add(factory: StoreFactory) -> StoreFactory:
        STORES[scheme] = factory
        return factory

    return add


@register_store("memory")
def _memory(location: str, read_only: bool) -> Store:
    return OxigraphStore(location, None)


@register_store("")
def _disk(location: str, read_only: bool) -> Store:
    return OxigraphStore(location, location, read_only=read_only)


def open_store(location: str | os.PathLike | None = None, read_only: bool = False) -> Store:
    """Open the store at a location (see module doc); read_only for query, export and view."""
    location = location_from(location)
    scheme = location.split(":", 1)[0] if ":" in location and not os.path.isabs(location) else ""
    if scheme and scheme not in STORES and len(scheme) > 1:
        raise KgError(f"unknown store type {scheme!r} in {location!r}; known: memory:, or a directory path")
    factory = STORES.get(scheme, STORES[""])
    return factory(location, read_only)


def ontology_update() -> str:
    """The update that (re)loads the ontology graph; every ingest runs it in its transaction."""
    quads = ox.parse(ontology_turtle(), format=ox.RdfFormat.TURTLE)
    lines = "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)
    return f"DROP SILENT GRAPH <{ONTOLOGY_GRAPH}> ;\nINSERT DATA {{ GRAPH <{ONTOLOGY_GRAPH}> {{\n{lines}\n}} }}"
