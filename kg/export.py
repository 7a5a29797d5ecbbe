"""Stage 7b: the graph out to files for other tools.

Triple formats (Turtle, N-Triples, RDF/XML) merge every named graph into one graph; quad formats
(TriG, N-Quads) keep one graph per document; JSON-LD keeps the graphs too.
"""

from __future__ import annotations

import io
from typing import BinaryIO

import pyoxigraph as ox

from kg.errors import KgError
from kg.store import Store

TRIPLE_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES, "rdfxml": ox.RdfFormat.RDF_XML}
QUAD_FORMATS = {"trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS, "jsonld": ox.RdfFormat.JSON_LD}
FORMATS = tuple(TRIPLE_FORMATS) + tuple(QUAD_FORMATS)


def export(store: Store, output: BinaryIO, fmt: str = "turtle") -> None:
    """Write the store to a binary stream in one of :data:`FORMATS`, streaming where the backend can."""
    if fmt not in FORMATS:
        raise KgError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    store.dump(output, {**TRIPLE_FORMATS, **QUAD_FORMATS}[fmt])


def export_bytes(store: Store, fmt: str = "turtle") -> bytes:
    """The store serialised in memory: handy in notebooks for small graphs."""
    buffer = io.BytesIO()
    export(store, buffer, fmt)
    return buffer.getvalue()
