"""First-query benchmark: how long the first read takes after an ingest, with and without the flush
that ``kg ingest`` now ends with (issue 10, item 9).

Oxigraph (RocksDB) keeps recent writes in memory tables backed by a write-ahead log, and writes
them to its sorted tables only when the memory tables fill. Nothing filled them after an ingest,
so every later command (each opens the store afresh, read-only) replayed the whole log before
answering: 10 to 14 s for ``ASK {}`` after 1,500 articles.

The store is built with ingest's own write path (``kg.pipeline.write``: batches of 32 documents,
one SPARQL update each, corroboration recounted), from generated statements, so no spaCy time is
spent. Three copies of the same writes, each in its own process:

* ``none``: the writes, then the process ends (what ``kg ingest`` did);
* ``flush``: the writes, then ``Store.flush()`` (what ``kg ingest`` does now);
* ``flush+optimize``: also ``optimize()`` (a compaction, what ``kg load`` does after a bulk load).

Then ``kg query 'ASK {}'`` runs in a fresh process against each, several times, and the end-step's
own cost is reported.

    python benchmarks/first_query.py                  # 1,500 articles
    python benchmarks/first_query.py --articles 5000
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from stores import STATEMENTS_PER_DOCUMENT

ENDINGS = ("none", "flush", "flush+optimize")

WRITE = """
import json, random, sys, time
sys.path.insert(0, sys.argv[4])
from stores import STATEMENTS_PER_DOCUMENT, FakeSentence, actors
from kg.documents import Document
from kg.pipeline import BATCH_DOCUMENTS, write
from kg.statements import Extraction, Statement
from kg.store import open_store
from kg.vocabulary import relations

location, articles, ending = sys.argv[1], int(sys.argv[2]), sys.argv[3]
rng = random.Random(11)
cast = actors(2000, rng)
names = list(relations())
store = open_store(location)
started = time.perf_counter()
for start in range(0, articles, BATCH_DOCUMENTS):
    batch = []
    for number in range(start, min(articles, start + BATCH_DOCUMENTS)):
        document = Document(doc_id=f"a-{number}", text=str(number), date="2020-01-01")
        extraction = Extraction()
        for i in range(STATEMENTS_PER_DOCUMENT + 2):
            subject, obj = rng.sample(cast[:300], 2)
            text = f"Sentence {i} of article {number}: {subject.label} and {obj.label}, " + "words " * 20
            extraction.statements.append(Statement(subject, rng.choice(names), obj, FakeSentence(text, i)))
        batch.append((document, extraction))
    write(store, batch)
write_s = time.perf_counter() - started
started = time.perf_counter()
if ending != "none":
    store.flush()  # what kg ingest ends with
if ending == "flush+optimize":
    store._store.optimize()  # what kg load adds after its bulk load
print(json.dumps({"write_s": write_s, "ending_s": time.perf_counter() - started}))
"""


def dir_mb(path: Path, suffix: str) -> float:
    return sum(p.stat().st_size for p in path.glob(f"*{suffix}")) / 2**20


def first_query(location: Path) -> float:
    """Seconds for ``kg query 'ASK {}'`` in a fresh process, start-up included."""
    started = time.perf_counter()
    command = [sys.executable, "-m", "kg.cli", "query", "ASK {}", "--store", str(location)]
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1500)
    parser.add_argument("--repeat", type=int, default=3, help="first queries per store (each a new process)")
    args = parser.parse_args()
    here = str(Path(__file__).resolve().parent)
    work = Path(tempfile.mkdtemp(prefix="kg-first-query-"))
    try:
        baseline = work / "empty"
        subprocess.run([sys.executable, "-m", "kg.cli", "ingest", "-q", "-", "--store", str(baseline)],
                       input=b"Iran supports Hezbollah.", check=True, capture_output=True)  # fmt: skip
        startup = statistics.median(first_query(baseline) for _ in range(args.repeat))
        print(f"{args.articles:,} articles of {STATEMENTS_PER_DOCUMENT + 2} statements, written by kg.pipeline.write")
        print(f"(kg query start-up on a one-article store: {startup:.2f} s)\n")
        print("| end of ingest | write s | end step s | log MB | tables MB | first ASK {} s (median) |")
        print("| --- | --- | --- | --- | --- | --- |")
        for ending in ENDINGS:
            location = work / ending.replace("+", "-")
            command = [sys.executable, "-c", WRITE, str(location), str(args.articles), ending, here]
            out = subprocess.run(command, check=True, capture_output=True, text=True)
            figures = json.loads(out.stdout.strip().splitlines()[-1])
            log_mb, sst_mb = dir_mb(location, ".log"), dir_mb(location, ".sst")
            seconds = statistics.median(first_query(location) for _ in range(args.repeat))
            print(
                f"| {ending} | {figures['write_s']:.1f} | {figures['ending_s']:.2f} | {log_mb:.1f} | {sst_mb:.1f} "
                f"| {seconds:.2f} |"
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
