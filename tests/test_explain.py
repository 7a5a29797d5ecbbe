"""kg extract --explain: what the extractor saw in each sentence and why a trigger gave nothing."""

from __future__ import annotations

import json

from click.testing import CliRunner

from kg.cli import main
from kg.documents import from_text
from kg.explain import explain


def test_explain_shows_actors_triggers_statements_and_what_is_missing():
    (first, second) = explain(from_text("Russia condemned Japan. Russia condemned the decision."))
    assert [a["actor"] for a in first.actors] == ["Russia", "Japan"]
    assert first.actors[0]["how"] == "name"
    assert first.triggers == [{"word": "condemned", "kind": "verb", "relations": ["accuses"]}]
    assert [s["reading"] for s in first.statements] == ["Russia --accuses--> Japan [actual]"]
    assert first.statements[0]["construction"] == "verb"
    assert second.statements == []
    assert second.triggers[0]["missing"].startswith("no actor as its direct object")


def test_explain_from_the_command_line_as_json():
    result = CliRunner().invoke(main, ["extract", "--explain", "--format", "json", "Kenya and Somalia met."])
    assert result.exit_code == 0, result.output
    (line,) = result.output.strip().splitlines()
    record = json.loads(line)
    assert record["statements"][0]["construction"] == "verb"
    assert {a["actor"] for a in record["actors"]} == {"Kenya", "Somalia"}


def test_explain_names_a_discarded_sentence():
    (sentence,) = explain(from_text("Kallis helped South Africa to 300 in the cricket test against India."))
    assert sentence.discarded
    assert sentence.statements == []


def test_explain_blames_the_missing_object_when_a_light_verb_gives_the_agent():
    (sentence,) = explain(from_text("Ukrainian forces launched attacks against the town."))
    (noun,) = [t for t in sentence.triggers if t["word"] == "attacks"]
    assert noun["missing"] == "no actor after its prepositions (against, on)"
