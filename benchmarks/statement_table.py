"""Statement table benchmark: ``kg export --format csv`` on a generated store, its time and peak memory.

The graph is the one benchmarks/stores.py generates (kg's own RDF code, 6 statements per document, Zipf
actors, dated articles), loaded with ``kg load``. The export runs as its own ``kg`` process, so its
peak resident memory is its own: it must stay flat as the store grows (the table streams a batch of
documents at a time), and each size's time shows the cost per row.

    python benchmarks/statement_table.py                   # 100k statements
    python benchmarks/statement_table.py --sizes 20000,100000,300000
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from stores import generate


def kg(*args: str) -> None:
    done = subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"kg {' '.join(args)} failed: {done.stderr}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100000", help="statement counts, comma-separated")
    args = parser.parse_args()
    print("| statements | rows | csv MB | export s | rows/s | peak MB of the export |")
    print("| --- | --- | --- | --- | --- | --- |")
    for size in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            generate(size, work / "graph.nq")
            store = str(work / "store")
            kg("load", str(work / "graph.nq"), "--store", store)
            # RUSAGE_CHILDREN keeps the largest child so far (the load): the export runs in a fresh parent
            code = (
                "import resource, subprocess, sys, time; s = time.perf_counter(); "
                f"subprocess.run([sys.executable, '-m', 'kg.cli', 'export', '--format', 'csv', '-o', "
                f"{str(work / 't.csv')!r}, '--store', {store!r}], check=True, capture_output=True); "
                "print(time.perf_counter() - s, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)"
            )
            out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
            seconds, peak = (float(x) for x in out.split())
            rows = sum(1 for _ in (work / "t.csv").open(encoding="utf-8")) - 1
            megabytes = (work / "t.csv").stat().st_size / 1e6
            print(f"| {size:,} | {rows:,} | {megabytes:,.1f} | {seconds:.1f} | {rows / seconds:,.0f} | {peak:,.0f} |")


if __name__ == "__main__":
    main()
