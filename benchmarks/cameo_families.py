"""What the CAMEO import (ontology/lexicon/cameo.tsv) adds and costs, family by family.

The same parsed sentences are extracted again under several lexicons: the hand lexicon alone (off),
with the whole import (on), with only its verbs or only its verb + noun patterns, and with each CAMEO
root family (03-20) alone added to the hand lexicon. For each, on the three suites of the issue:

* PLOVER gold-standard records (322): hits = records whose statements include the record's event
  type; wrong = (record, relation) predictions whose PLOVER types are not the record's (a record
  annotates one event, so some of these are other, true events of the sentence; the count of those
  on the annotated source and target, where the annotator chose another type, is shown beside it);
* PETRARCH-2 real-news records (78): hits = records with a relation of the expected CAMEO root;
  wrong = (record, relation) predictions the record does not expect;
* the dev gold (seed + three VOA articles, ingested into an in-memory store, scored as ``kg eval``
  with the three relations the gold predates left out): hits = matched statements, wrong = false ones.

A PLOVER statement is scored by its own PLOVER event where kg set one (an announced act is AGREE or
THREATEN), else by its relation's types, as benchmarks/peer_suites.py scores it.

A family's gain is the hits it adds over "off", its cost the wrong predictions it adds (and hits it
loses). scripts/import_cameo.py excludes the families that cost more than they give; cameo.tsv holds
none of their rows, so ``--include-excluded`` measures on the raw import (the script's rows without
EXCLUDED, generated afresh), where the excluded families can be measured again, "on" is the whole raw
import and "as committed" is the committed cameo.tsv.

    python benchmarks/cameo_families.py [--shared ../shared] [--families 03,04] [--kinds] [--include-excluded]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from peer_suites import CAMEO_ROOT, PLOVER_RENAMED, in_span, names, statement_types

from kg.documents import from_text
from kg.evaluate import score
from kg.lexicon import Lexicon, load_lexicon
from kg.pipeline import ingest
from kg.rules import RuleExtractor
from kg.sentences import split
from kg.statements import register_extractor
from kg.store import open_store
from kg.vocabulary import data_path, relations

ROOT = Path(__file__).resolve().parents[1]
NEW_RELATIONS = ("concedesTo", "withdrawsFrom", "investigates")


@dataclass
class Result:
    """Per-record outcomes of one configuration."""

    plover_hits: set[str] = field(default_factory=set)
    plover_wrong: set[tuple[str, str]] = field(default_factory=set)  # (record, relation)
    plover_confused: set[tuple[str, str]] = field(default_factory=set)  # wrong, on the annotated dyad
    plover_dyads: set[str] = field(default_factory=set)
    plover_predicted: set[str] = field(default_factory=set)
    petrarch_hits: set[str] = field(default_factory=set)
    petrarch_wrong: set[tuple[str, str]] = field(default_factory=set)
    dev_matched: set[tuple] = field(default_factory=set)
    dev_false: set[tuple] = field(default_factory=set)
    dev_f1: float = 0.0


def lexicon_with(rows: Callable[[list[str]], bool] | None, cameo: Path | None = None) -> Lexicon:
    """The hand lexicon plus the rows of ``cameo`` (default: the committed cameo.tsv) a filter keeps
    (None: no import at all)."""
    if rows is None:
        return load_lexicon(cameo=False)
    source = data_path("lexicon")
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("relations.tsv", "cues.tsv"):
            shutil.copy(source / name, Path(tmp) / name)
        cameo = cameo or source / "cameo.tsv"
        with open(cameo, encoding="utf-8") as src, open(Path(tmp) / "cameo.tsv", "w") as out:
            for line in src:
                if line.startswith(("#", "relation\t")) or rows(line.rstrip("\n").split("\t")):
                    out.write(line)
        return load_lexicon(Path(tmp))


def raw_import(shared: Path, path: Path) -> None:
    """Write to ``path`` what scripts/import_cameo.py generates with nothing excluded."""
    spec = importlib.util.spec_from_file_location("import_cameo", ROOT / "scripts" / "import_cameo.py")
    importer = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = importer  # its dataclasses look their module up there
    spec.loader.exec_module(importer)
    found, _, _ = importer.generate(shared, exclude=())
    importer.write(found, path)


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def measure(lexicon: Lexicon, plover, petrarch, dev_paths, gold, name: str) -> Result:
    extractor = RuleExtractor(lexicon=lexicon)
    result = Result()
    for record, sentences in plover:
        event = PLOVER_RENAMED.get(record["event"], record["event"])
        wanted = {"AID", "SUPPORT"} if event == "AID" else {event}
        extraction = extractor.extract(sentences)
        rid = record["id"]
        if extraction.statements:
            result.plover_predicted.add(rid)
        if any(statement_types(s) & wanted for s in extraction.statements):
            result.plover_hits.add(rid)
        result.plover_wrong |= {(rid, s.relation) for s in extraction.statements if not statement_types(s) & wanted}
        sources = [a["text"] for a in record["source_actors"]]
        targets = [a["text"] for a in record["target_actors"]]
        result.plover_confused |= {
            (rid, s.relation)
            for s in extraction.statements
            if not statement_types(s) & wanted
            and in_span(names(s.subject, extraction.surface), sources)
            and (not targets or in_span(names(s.object, extraction.surface), targets))
        }
        if any(
            statement_types(s) & wanted
            and in_span(names(s.subject, extraction.surface), sources)
            and (not targets or in_span(names(s.object, extraction.surface), targets))
            for s in extraction.statements
        ):
            result.plover_dyads.add(rid)
    for record, sentences in petrarch:
        expected = set().union(*(CAMEO_ROOT.get(e["cameo"][:2], set()) for e in record["expected"]))
        found = {relations()[s.relation].core for s in extractor.extract(sentences).statements}
        rid = record["id"]
        if found & expected:
            result.petrarch_hits.add(rid)
        result.petrarch_wrong |= {(rid, r) for r in found - expected}
    register_extractor(name)(lambda: extractor)
    store = open_store("memory:")
    ingest(dev_paths, store, extractor=name)
    scored = score(store, gold, ignore=NEW_RELATIONS)
    matched = {id(s) for s, _ in scored.pairs}
    key = lambda s: (s.doc, s.sentence, s.relation, s.subject_label, s.object_label)  # noqa: E731
    result.dev_matched = {key(s) for s in scored.system if id(s) in matched}
    result.dev_false = {key(s) for s in scored.system if id(s) not in matched}
    result.dev_f1 = scored.f1
    return result


def summary(label: str, r: Result, n_plover: int, n_petrarch: int) -> str:
    precision = len(r.plover_hits) / len(r.plover_predicted) if r.plover_predicted else 0.0
    return (
        f"{label:14s} PLOVER recall {len(r.plover_hits) / n_plover:.3f} precision {precision:.3f}"
        f" dyad {len(r.plover_dyads) / n_plover:.3f} wrong {len(r.plover_wrong)};"
        f" PETRARCH recall {len(r.petrarch_hits) / n_petrarch:.3f} wrong {len(r.petrarch_wrong)};"
        f" dev F1 {r.dev_f1:.3f} matched {len(r.dev_matched)} false {len(r.dev_false)}"
    )


def delta(r: Result, base: Result) -> tuple[int, int, str]:
    """(gain, cost, detail) of a configuration against the base."""
    parts = {
        "plover+": len(r.plover_hits - base.plover_hits),
        "plover-": len(base.plover_hits - r.plover_hits),
        "plover_wrong": len(r.plover_wrong - base.plover_wrong),
        "(of which on the annotated dyad": len(r.plover_confused - base.plover_confused),
        "petrarch+": len(r.petrarch_hits - base.petrarch_hits),
        "petrarch-": len(base.petrarch_hits - r.petrarch_hits),
        "petrarch_wrong": len(r.petrarch_wrong - base.petrarch_wrong),
        "dev+": len(r.dev_matched - base.dev_matched),
        "dev-": len(base.dev_matched - r.dev_matched),
        "dev_false": len(r.dev_false - base.dev_false),
    }
    gain = parts["plover+"] + parts["petrarch+"] + parts["dev+"]
    cost = sum(v for k, v in parts.items() if k.endswith("-") or k.endswith("wrong") or k.endswith("false"))
    return gain, cost, " ".join(f"{k} {v}" + (")" if k.startswith("(") else "") for k, v in parts.items())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--families", default="", help="comma-separated CAMEO roots (default: all present)")
    parser.add_argument("--detail", action="store_true", help="list each family's hits won and lost, wrong predictions")
    parser.add_argument("--kinds", action="store_true", help="also each family's verbs and verb + noun patterns apart")
    parser.add_argument(
        "--include-excluded", action="store_true", help="measure the raw import, with the families the script excludes"
    )
    args = parser.parse_args()
    workdir = tempfile.TemporaryDirectory()
    cameo = data_path("lexicon") / "cameo.tsv"
    if args.include_excluded:
        cameo = Path(workdir.name) / "cameo.tsv"
        raw_import(args.shared, cameo)
    plover = [(r, split(from_text(r["text"], doc_id=r["id"])))
              for r in records(args.shared / "benchmarks/plover/plover_gsr_cameo.jsonl")]  # fmt: skip
    petrarch = [(r, split(from_text(r["text"], doc_id=r["id"])))
                for r in records(args.shared / "benchmarks/petrarch/gsr_real_world.jsonl")]  # fmt: skip
    dev_paths = [ROOT / "seeds", ROOT / "tests/data/articles"]
    gold = [ROOT / "tests/data/gold"]
    with open(cameo, encoding="utf-8") as handle:
        codes = [line.split("\t")[6] for line in handle if not line.startswith(("#", "relation\t"))]
    families = args.families.split(",") if args.families else sorted({c[:2] for c in codes})

    def run(label: str, keep, source: Path = cameo) -> Result:
        return measure(lexicon_with(keep, source), plover, petrarch, dev_paths, gold, f"cameo-{label}")

    n_plover, n_petrarch = len(plover), len(petrarch)
    off = run("off", None)
    print(summary("off", off, n_plover, n_petrarch))
    if args.include_excluded:
        result = run("as committed", lambda row: True, data_path("lexicon") / "cameo.tsv")
        gain, cost, detail = delta(result, off)
        print(summary("as committed", result, n_plover, n_petrarch))
        print(f"{'':14s} gain {gain} cost {cost}: {detail}")
    for label, keep in (("on", lambda row: True), ("verbs only", lambda row: row[1] == "verb"),
                        ("verb+noun only", lambda row: row[1] == "verbnoun")):  # fmt: skip
        result = run(label, keep)
        gain, cost, detail = delta(result, off)
        print(summary(label, result, n_plover, n_petrarch))
        print(f"{'':14s} gain {gain} cost {cost}: {detail}")
    print("families, each alone added to the hand lexicon:")
    kinds = ("", "verb", "verbnoun") if args.kinds else ("",)
    for family, kind in ((f, k) for f in families for k in kinds):
        label = f"{family} {kind}".strip()
        result = run(label, lambda row, f=family, k=kind: row[6].startswith(f) and (not k or row[1] == k))
        gain, cost, detail = delta(result, off)
        verdict = "cost > gain" if cost > gain else ""
        print(f"  {label:12s} gain {gain:3d} cost {cost:3d}: {detail}  {verdict}")
        if args.detail:
            for rid in sorted(result.plover_hits - off.plover_hits):
                print(f"      + PLOVER {rid}")
            for rid in sorted(off.plover_hits - result.plover_hits):
                print(f"      - PLOVER {rid} lost its hit")
            for rid, rel in sorted(result.plover_wrong - off.plover_wrong):
                print(f"      - PLOVER {rid} predicted {rel}")
            for rid in sorted(result.petrarch_hits - off.petrarch_hits):
                print(f"      + PETRARCH {rid}")
            for rid in sorted(off.petrarch_hits - result.petrarch_hits):
                print(f"      - PETRARCH {rid} lost its hit")
            for rid, rel in sorted(result.petrarch_wrong - off.petrarch_wrong):
                print(f"      - PETRARCH {rid} predicted {rel}")
            for item in sorted(result.dev_matched - off.dev_matched):
                print(f"      + dev {item}")
            for item in sorted(off.dev_matched - result.dev_matched):
                print(f"      - dev lost {item}")
            for item in sorted(result.dev_false - off.dev_false):
                print(f"      - dev {item}")


if __name__ == "__main__":
    main()
