"""Scoring the store against gold statements, exactly as ../shared/spec/relations.md says.

A system statement matches a gold one when its sentence is the gold sentence (whitespace folded),
its relation is the gold relation or a sub-property of it (either direction for symmetric ones),
and some label of its subject (and object) equals a gold name, case folded. Each gold statement
matches at most once; the matching is a maximum bipartite matching that prefers pairs whose
factuality and attribution also agree, so the accuracies are not understated by an unlucky order.

Gold annotated before a relation entered the spec says nothing about it: ``ignore`` leaves such
relations out of the score, gold and system statements alike (the dev gold predates ``concedesTo``,
``withdrawsFrom`` and ``investigates``; ../shared/gold/README.md).
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.errors import KgError
from kg.query import table
from kg.statements import SOURCE, Factuality
from kg.store import Store
from kg.vocabulary import KG, relations


def fold(text: str) -> str:
    return " ".join(text.split())


def _names(value) -> set[str]:
    if value is None:
        return set()
    values = [value] if isinstance(value, str) else value
    return {v.lower() for v in values}


@dataclass
class Gold:
    doc: str
    sentence: str
    subject: set[str]
    relation: str
    object: set[str]
    factuality: str
    attributed_to: str | set[str] | None
    raw: dict = field(repr=False, default_factory=dict)


@dataclass
class System:
    iri: str
    doc: str
    sentence: str
    relation: str
    core: str
    subject: set[str]
    object: set[str]
    factuality: str
    attributed_to: str | set[str] | None
    subject_label: str = ""
    object_label: str = ""
    attributor_label: str = ""


def load_gold(paths: Iterable[str | Path]) -> list[Gold]:
    """Gold statements from JSON Lines files or directories of them."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise KgError(f"{path}: no such file or directory")
        files += sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    if not files:
        raise KgError("no gold .jsonl files found")
    gold: list[Gold] = []
    for file in files:
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                attributed = record.get("attributed_to")
                gold.append(
                    Gold(
                        doc=record["doc"],
                        sentence=fold(record["sentence"]),
                        subject=_names(record["subject"]),
                        relation=record["relation"],
                        object=_names(record["object"]),
                        factuality=record.get("factuality", Factuality.ACTUAL),
                        attributed_to=attributed if attributed in (None, SOURCE) else _names(attributed),
                        raw=record,
                    )
                )
            except (json.JSONDecodeError, KeyError, TypeError) as err:
                raise KgError(f"{file}:{number}: not a gold statement ({err})") from None
    return gold


SYSTEM_QUERY = """
SELECT ?st ?docid ?text ?p ?s ?o ?f ?attr WHERE {
  ?st a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
      kg:factuality ?f ; prov:wasDerivedFrom ?sent .
  ?sent rdf:value ?text ; dcterms:isPartOf ?doc .
  ?doc dcterms:identifier ?docid .
  OPTIONAL { ?st kg:attributedTo ?attr }
}
"""
LABEL_QUERY = "SELECT ?a ?l ?main WHERE { { ?a rdfs:label ?l BIND(true AS ?main) } UNION { ?a skos:altLabel ?l } }"


def load_system(store: Store, docs: set[str]) -> list[System]:
    """The store's statements from the given documents, with every label of their actors."""
    labels: dict[str, set[str]] = {}
    main_label: dict[str, str] = {}
    for row in store.query(LABEL_QUERY):
        labels.setdefault(row["a"].value, set()).add(row["l"].value.lower())
        if row["main"] is not None:
            main_label[row["a"].value] = row["l"].value
    rels = relations()
    found = []
    for row in store.query(SYSTEM_QUERY):
        doc = row["docid"].value
        if doc not in docs:
            continue
        name = row["p"].value.removeprefix(KG)
        attr = row["attr"]
        if attr is None:
            attributed: str | set[str] | None = None
        elif isinstance(attr, ox.Literal):  # the literal "source": an unnamed source
            attributed = SOURCE
        else:
            attributed = labels.get(attr.value, set())
        found.append(
            System(
                iri=row["st"].value,
                doc=doc,
                sentence=fold(row["text"].value),
                relation=name,
                core=rels[name].core if name in rels else name,
                subject=labels.get(row["s"].value, set()),
                object=labels.get(row["o"].value, set()),
                factuality=Factuality.from_iri(row["f"].value),
                attributed_to=attributed,
                subject_label=main_label.get(row["s"].value, row["s"].value),
                object_label=main_label.get(row["o"].value, row["o"].value),
                attributor_label=main_label.get(attr.value, attr.value) if attr is not None else "",
            )
        )
    return found


def matches(system: System, gold: Gold) -> bool:
    """Rules 1-3 of the spec's scoring."""
    if system.doc != gold.doc or system.sentence != gold.sentence:
        return False
    if gold.relation not in (system.relation, system.core):
        return False
    forward = bool(system.subject & gold.subject) and bool(system.object & gold.object)
    if forward:
        return True
    rel = relations().get(gold.relation)
    return bool(rel and rel.symmetric and system.subject & gold.object and system.object & gold.subject)


def attribution_right(system: System, gold: Gold) -> bool:
    if gold.attributed_to is None or system.attributed_to is None:
        return gold.attributed_to is None and system.attributed_to is None
    if gold.attributed_to == SOURCE or system.attributed_to == SOURCE:
        return gold.attributed_to == system.attributed_to
    return bool(system.attributed_to & gold.attributed_to)


@dataclass
class Score:
    gold: list[Gold]
    system: list[System]
    pairs: list[tuple[System, Gold]]

    @staticmethod
    def ratio(a: int, b: int) -> float:
        return a / b if b else 0.0

    @property
    def precision(self) -> float:
        return self.ratio(len(self.pairs), len(self.system))

    @property
    def recall(self) -> float:
        return self.ratio(len(self.pairs), len(self.gold))

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def factuality_accuracy(self) -> float:
        return self.ratio(sum(s.factuality == g.factuality for s, g in self.pairs), len(self.pairs))

    @property
    def attribution_accuracy(self) -> float:
        return self.ratio(sum(attribution_right(s, g) for s, g in self.pairs), len(self.pairs))

    def per_relation(self) -> list[list[str]]:
        names = sorted({g.relation for g in self.gold} | {s.core for s in self.system})
        rows = []
        for name in names:
            n_gold = sum(g.relation == name for g in self.gold)
            n_sys = sum(s.core == name for s in self.system)
            n_match = sum(g.relation == name for _, g in self.pairs)
            p, r = self.ratio(n_match, n_sys), self.ratio(n_match, n_gold)
            f = 2 * p * r / (p + r) if p + r else 0.0
            rows.append([name, str(n_gold), str(n_sys), str(n_match), f"{p:.2f}", f"{r:.2f}", f"{f:.2f}"])
        return rows

    def as_dict(self) -> dict:
        return {
            "gold": len(self.gold),
            "system": len(self.system),
            "matched": len(self.pairs),
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "factuality_accuracy": round(self.factuality_accuracy, 4),
            "attribution_accuracy": round(self.attribution_accuracy, 4),
            "relations": {
                r[0]: {
                    "gold": int(r[1]),
                    "system": int(r[2]),
                    "matched": int(r[3]),
                    "precision": float(r[4]),
                    "recall": float(r[5]),
                    "f1": float(r[6]),
                }
                for r in self.per_relation()
            },
        }

    def report(self, show_errors: bool = False) -> str:
        lines = [
            f"gold {len(self.gold)}  system {len(self.system)}  matched {len(self.pairs)}",
            f"precision {self.precision:.3f}  recall {self.recall:.3f}  F1 {self.f1:.3f}",
            f"factuality accuracy {self.factuality_accuracy:.3f}  attribution accuracy {self.attribution_accuracy:.3f}"
            " (among matched)",
            "",
            table(["relation", "gold", "system", "matched", "P", "R", "F1"], self.per_relation()),
        ]
        if show_errors:
            lines += ["", self.errors()]
        return "\n".join(lines)

    def errors(self) -> str:
        matched_gold = {id(g) for _, g in self.pairs}
        matched_sys = {id(s) for s, _ in self.pairs}
        lines = ["MISSED (gold statements no system statement matched):"]
        for g in self.gold:
            if id(g) not in matched_gold:
                subject, obj = g.raw["subject"][0], g.raw["object"][0]
                lines.append(f"  [{g.doc}] {subject} --{g.relation}--> {obj} [{g.factuality}]\n      {g.sentence}")
        lines.append("FALSE (system statements that match no gold statement):")
        for s in self.system:
            if id(s) not in matched_sys:
                lines.append(
                    f"  [{s.doc}] {s.subject_label} --{s.relation}--> {s.object_label} [{s.factuality}]\n"
                    f"      {s.sentence}"
                )
        lines.append("WRONG FACTUALITY OR ATTRIBUTION (matched):")
        for s, g in self.pairs:
            if s.factuality != g.factuality or not attribution_right(s, g):
                who = s.attributor_label or "-"
                lines.append(
                    f"  [{s.doc}] {s.subject_label} --{s.relation}--> {s.object_label}: system {s.factuality}/{who},"
                    f" gold {g.factuality}/{g.raw.get('attributed_to')}\n      {s.sentence}"
                )
        return "\n".join(lines)


def score(store: Store, gold_paths: Iterable[str | Path], ignore: Collection[str] = ()) -> Score:
    """Score the store against the gold files, leaving out the relations in ``ignore`` (and their
    sub-properties): those the gold was not annotated for."""
    unknown = sorted(set(ignore) - set(relations()))
    if unknown:
        raise KgError(f"unknown relation {unknown[0]!r}; known: {', '.join(sorted(relations()))}")
    annotated = load_gold(gold_paths)
    gold = [g for g in annotated if g.relation not in ignore]
    docs = {g.doc for g in annotated}
    system = [s for s in load_system(store, docs) if s.core not in ignore and s.relation not in ignore]
    return Score(gold, system, best_matching(system, gold))


def best_matching(system: list[System], gold: list[Gold]) -> list[tuple[System, Gold]]:
    """Maximum bipartite matching (augmenting paths), trying fully right pairs first."""
    edges: dict[int, list[int]] = {}
    for i, s in enumerate(system):
        candidates = [j for j, g in enumerate(gold) if matches(s, g)]
        candidates.sort(key=lambda j: (s.factuality != gold[j].factuality) + (not attribution_right(s, gold[j])))
        edges[i] = candidates
    owner: dict[int, int] = {}

    def augment(i: int, visited: set[int]) -> bool:
        for j in edges[i]:
            if j in visited:
                continue
            visited.add(j)
            if j not in owner or augment(owner[j], visited):
                owner[j] = i
                return True
        return False

    def best_cost(i: int) -> int:
        s = system[i]
        return min(
            ((s.factuality != gold[j].factuality) + (not attribution_right(s, gold[j])) for j in edges[i]), default=9
        )

    for i in sorted(edges, key=best_cost):  # fully right pairs claim their gold statement first
        augment(i, set())
    return [(system[i], gold[j]) for j, i in sorted(owner.items())]
