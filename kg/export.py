"""Stage 7b: the graph out to files for other tools.

Triple formats (Turtle, N-Triples, RDF/XML) merge every named graph into one graph; quad formats
(TriG, N-Quads) keep one graph per document; JSON-LD keeps the graphs too.
"""

from __future__ import annotations

import glob
import io
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
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


#: What names an unfinished output's temporary file, hidden beside it: ``.graph.ttl.kg-tmp-XXXXXXXX``.
TMP_MARK = ".kg-tmp-"

try:
    import fcntl
except ImportError:  # Windows: no flock, so leftovers are not recognised as such
    fcntl = None


@contextmanager
def output_file(path: Path) -> Iterator[BinaryIO]:
    """A file to write (``kg export --output``, ``kg view --output``) that appears at ``path`` only when
    complete: a failure or Ctrl-C never leaves half a file, and never clobbers the previous one.

    The data goes to a temporary file beside ``path``, renamed over it at the end. Its writer holds a
    lock on it; a writer killed with -9 cannot remove it, but leaves it unlocked, and the next write
    of the same output removes every unlocked one (those of running writers stay locked).

    A path that is not a file to replace (``/dev/stdout``, a named pipe, a terminal) is written
    directly: it has no directory to hold a temporary file, and a stream cannot be half-replaced.
    """
    if _is_stream(path):
        try:
            with path.open("wb") as handle:
                yield handle
        except OSError as err:
            raise KgError(f"cannot write {path}: {err.strerror or err}") from None
        return
    directory = path.resolve().parent
    _remove_leftovers(directory, path.name)
    try:
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{path.name}{TMP_MARK}")
    except OSError as err:
        raise KgError(f"cannot write {path}: {err.strerror or err}") from None
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it private; the result is an ordinary file
            os.replace(tmp, path)  # still locked: a cleaner cannot take it for a leftover
    except OSError as err:
        raise KgError(f"cannot write {path}: {err.strerror or err}") from None
    finally:
        with suppress(FileNotFoundError):
            os.unlink(tmp)


def _is_stream(path: Path) -> bool:
    if str(path.absolute()).startswith(("/dev/", "/proc/")):
        return True  # /dev/stdout may lead to a file, but replacing that file would not write to stdout
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False  # no such file yet (or unreadable: the ordinary path says why)


def _remove_leftovers(directory: Path, name: str) -> None:
    """Temporary files of earlier writes of this output whose writer is gone (killed: unlocked)."""
    if fcntl is None:
        return
    for leftover in directory.glob(f".{glob.escape(name)}{TMP_MARK}*"):
        try:
            fd = os.open(leftover, os.O_RDONLY)
        except OSError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            leftover.unlink()
        except OSError:
            pass  # locked: another kg is writing it
        finally:
            os.close(fd)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
