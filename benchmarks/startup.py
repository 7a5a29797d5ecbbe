"""Start-up benchmark (issue 12, part 1): what a read-side command costs as a whole process, beside
the least a Python program can do to answer the same question.

Three commands, each timed as a fresh process (median of ``--runs``, run in turns so that the load
of a shared machine falls on all three alike), against one small on-disk store:

* ``kg --help``;
* ``kg query 'ASK {}'`` on the store;
* the baseline: a Python one-liner that opens the same store read-only with pyoxigraph and runs the
  same ASK (what kg's on-disk backend does underneath, with nothing else).

The target is both kg commands within 3x of the baseline. ``kg extract`` (which loads spaCy and its
model) is timed too, for scale, and is not part of the target.

The store holds the seed article (``kg ingest seeds``, built once, not timed), or the one given
with ``--store``.

    python benchmarks/startup.py
    python benchmarks/startup.py --runs 9 --store ./.kg
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = 3.0

BASELINE = "import pyoxigraph as ox, sys; print(ox.Store.read_only(sys.argv[1]).query('ASK {}'))"


def kg_command() -> list[str]:
    """The installed ``kg`` script beside this Python, as a user runs it."""
    script = Path(sys.executable).parent / "kg"
    found = str(script) if script.exists() else shutil.which("kg")
    if found is None:
        sys.exit("startup.py: no kg script beside this Python or on PATH (pip install -e .)")
    return [found]


def seconds(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--store", help="an on-disk store to query (default: a temporary one holding seeds/)")
    args = parser.parse_args()
    kg = kg_command()
    with tempfile.TemporaryDirectory() as tmp:
        store = args.store
        if store is None:
            store = str(Path(tmp) / "store")
            subprocess.run([*kg, "ingest", "-q", str(ROOT / "seeds"), "--store", store], check=True)
        commands = {
            "kg --help": [*kg, "--help"],
            "kg query 'ASK {}'": [*kg, "query", "ASK {}", "--store", store],
            "pyoxigraph one-liner, same ASK": [sys.executable, "-c", BASELINE, store],
            "kg extract (spaCy; for scale)": [*kg, "extract", "Russia supports Syria."],
        }
        for command in commands.values():  # warm the file cache and check that each one works
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():
                times[name].append(seconds(command))
    medians = {name: statistics.median(values) for name, values in times.items()}
    baseline = medians["pyoxigraph one-liner, same ASK"]
    print(f"median of {args.runs} runs, whole processes; target: kg --help and kg query within {TARGET:g}x")
    print("| command | median s | min s | max s | x baseline |")
    print("|---|---|---|---|---|")
    for name, values in times.items():
        print(
            f"| {name} | {medians[name]:.3f} | {min(values):.3f} | {max(values):.3f} | "
            f"{medians[name] / baseline:.1f}x |"
        )
    met = all(medians[name] <= TARGET * baseline for name in ("kg --help", "kg query 'ASK {}'"))
    print(f"target {'met' if met else 'MISSED'}")
    sys.exit(0 if met else 1)


if __name__ == "__main__":
    main()
