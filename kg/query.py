"""Stage 7a: SPARQL over the store, with the common prefixes predeclared and readable output.

SELECT results print as a table, CSV, TSV or SPARQL 1.1 results JSON; ASK as true/false (or
JSON); CONSTRUCT and DESCRIBE as Turtle.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager

import pyoxigraph as ox

from kg.errors import KgError
from kg.store import Store
from kg.vocabulary import PREFIXES

FORMATS = ("table", "csv", "tsv", "json")
_RESULT_FORMATS = {
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "json": ox.QueryResultsFormat.JSON,
}


def select(store: Store, sparql: str) -> list[dict[str, str]]:
    """Rows of a SELECT as plain dicts of strings: the handiest form for notebooks and tests."""
    result = store.query(sparql)
    names = [v.value for v in result.variables]
    with reading_results():
        return [{n: term_text(row[n]) for n in names if row[n] is not None} for row in result]


@contextmanager
def reading_results() -> Iterator[None]:
    """Errors that come while a result streams (a SERVICE endpoint that is down, a server's malformed
    answer, a failing read) as one KgError: the engine evaluates lazily, so they surface only here."""
    try:
        yield
    except (OSError, RuntimeError, ValueError, SyntaxError) as err:
        raise KgError(f"query failed while its results were read: {' '.join(str(err).split())}") from None


def term_text(term) -> str:
    """An RDF term as a person reads it: an IRI compacted with a known prefix, a literal's text."""
    if isinstance(term, ox.NamedNode):
        for prefix, iri in PREFIXES.items():
            if term.value.startswith(iri) and term.value != iri:
                return f"{prefix}:{term.value[len(iri) :]}"
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value


def format_result(result, fmt: str = "table") -> str:
    """Text for the terminal or a file, by result kind and format."""
    with reading_results():
        return _format(result, fmt)


def _format(result, fmt: str) -> str:
    if isinstance(result, ox.QueryBoolean):
        value = bool(result)
        return json.dumps({"head": {}, "boolean": value}) if fmt == "json" else str(value).lower()
    if not isinstance(result, ox.QuerySolutions):  # CONSTRUCT / DESCRIBE: triples
        return ox.serialize(result, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES).decode("utf-8")
    if fmt in _RESULT_FORMATS:
        return result.serialize(format=_RESULT_FORMATS[fmt]).decode("utf-8")
    names = [v.value for v in result.variables]
    rows = [["" if row[n] is None else term_text(row[n]) for n in names] for row in result]
    return table(names, rows)


def table(header: list[str], rows: list[list[str]], count: bool = True) -> str:
    """A plain aligned text table, the one every text report of kg prints (query results, kg eval, kg analyze).

    ``count`` adds the line "(N rows)", as most SPARQL consoles print; a report whose sections say what
    they hold (kg analyze) leaves it out.
    """
    widths = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    if count:
        lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)
