"""Scoring follows the spec, and the extractor holds its quality floors on the dev articles."""

from __future__ import annotations

import json

import pytest

from kg.errors import KgError
from kg.evaluate import Gold, System, best_matching, load_gold, matches, score
from kg.pipeline import ingest
from kg.store import open_store
from tests.conftest import GOLD, run


def gold(**kw) -> Gold:
    base = dict(doc="d", sentence="A B.", subject={"a"}, relation="attacks", object={"b"}, factuality="actual",
                attributed_to=None)  # fmt: skip
    base.update(kw)
    return Gold(**base)


def system(**kw) -> System:
    base = dict(iri="s", doc="d", sentence="A B.", relation="attacks", core="attacks", subject={"a", "alias"},
                object={"b"}, factuality="actual", attributed_to=None)  # fmt: skip
    base.update(kw)
    return System(**base)


def test_labels_relation_and_sentence_must_all_agree():
    assert matches(system(), gold())
    assert not matches(system(sentence="Other."), gold())
    assert not matches(system(relation="supports", core="supports"), gold())
    assert not matches(system(subject={"x"}), gold())
    assert not matches(system(subject={"b"}, object={"a"}), gold())


def test_symmetric_relations_match_either_direction():
    assert matches(system(relation="fights", core="fights", subject={"b"}, object={"a"}), gold(relation="fights"))


def test_a_finer_relation_counts_for_its_core_relation():
    assert matches(system(relation="bombs", core="attacks"), gold())


def test_each_gold_statement_matches_once_and_right_pairs_win():
    golds = [gold(factuality="potential")]
    systems = [system(iri="1"), system(iri="2", factuality="potential")]
    pairs = best_matching(systems, golds)
    assert len(pairs) == 1 and pairs[0][0].iri == "2"


def test_gold_files_are_checked(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"doc": "x"}\n')
    with pytest.raises(KgError, match="not a gold statement"):
        load_gold([bad])
    good = tmp_path / "good.jsonl"
    record = {"doc": "x", "sentence": "A  B.", "subject": ["A"], "relation": "attacks", "object": "B",
              "factuality": "actual", "attributed_to": ["C", "D"]}  # fmt: skip
    good.write_text(json.dumps(record) + "\n")
    [g] = load_gold([good])
    assert g.sentence == "A B." and g.object == {"b"} and g.attributed_to == {"c", "d"}


#: Relations the dev gold was not annotated for (../shared/gold/README.md): left out of its score.
UNANNOTATED = ("concedesTo", "withdrawsFrom", "investigates")


def test_relations_the_gold_was_not_annotated_for_are_left_out(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Ethiopia withdrew its troops from Somalia. Ethiopia attacked Somalia.")
    record = {"doc": "a", "sentence": "Ethiopia attacked Somalia.", "subject": ["Ethiopia"], "relation": "attacks",
              "object": ["Somalia"], "factuality": "actual", "attributed_to": None}  # fmt: skip
    (tmp_path / "a.jsonl").write_text(json.dumps(record) + "\n")
    store = open_store("memory:")
    ingest([article], store)
    assert score(store, [tmp_path / "a.jsonl"]).precision == 0.5  # withdrawsFrom counts as false
    result = score(store, [tmp_path / "a.jsonl"], ignore=UNANNOTATED)
    assert (result.precision, result.recall, len(result.system)) == (1.0, 1.0, 1)
    with pytest.raises(KgError, match="unknown relation 'withdraws'"):
        score(store, [tmp_path / "a.jsonl"], ignore=["withdraws"])


def test_seed_quality_floor(seed_store):
    """Issue floors: seed F1 >= 0.75; factuality and attribution >= 0.80 among matched."""
    result = score(open_store(seed_store, read_only=True), [GOLD / "syria-raqqa-2016.jsonl"], UNANNOTATED)
    assert result.f1 >= 0.75, result.report(show_errors=True)
    assert result.factuality_accuracy >= 0.80
    assert result.attribution_accuracy >= 0.80


def test_dev_quality_floor(dev_store):
    """All dev articles: F1 >= 0.60 with precision >= 0.70; recall >= 0.40 for every relation with 3+ gold."""
    result = score(open_store(dev_store, read_only=True), [GOLD], UNANNOTATED)
    assert len(result.gold) == 53
    assert result.precision >= 0.70, result.report(show_errors=True)
    assert result.f1 >= 0.60, result.report(show_errors=True)
    relations = result.as_dict()["relations"]
    weak = {name: r["recall"] for name, r in relations.items() if r["gold"] >= 3 and r["recall"] < 0.40}
    assert weak == {}, result.report(show_errors=True)


def test_eval_reports_the_spec_scores(store):
    result = run("eval", str(GOLD / "syria-raqqa-2016.jsonl"), "--store", store, "--show-errors")
    assert "precision" in result.output and "MISSED" in result.output
    data = json.loads(run("eval", str(GOLD / "syria-raqqa-2016.jsonl"), "--format", "json", "--store", store).output)
    assert data["gold"] == 24 and data["matched"] > 0 and "attacks" in data["relations"]
    precision, recall = data["matched"] / data["system"], data["matched"] / data["gold"]
    assert (data["precision"], data["recall"]) == (round(precision, 4), round(recall, 4))
    assert data["f1"] == round(2 * precision * recall / (precision + recall), 4)
    for key in ("gold", "system", "matched"):
        assert sum(r[key] for r in data["relations"].values()) == data[key], key
    assert f"gold 24  system {data['system']}  matched {data['matched']}" in result.output
