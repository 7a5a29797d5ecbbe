"""Time (kg.timeline, kg analyze --by, kg plot): statements per week or month by relation family and by
actor pair, on networks built directly and on a store the real pipeline ingested; the chart in a real
headless Chromium."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from datetime import date

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.network import Actor, Edge, Evidence, Network
from kg.pipeline import ingest
from kg.timeline import between, period_of, periods_between, svg, timeline

A, B, C = (f"https://example.org/{n}" for n in "ABC")


def network(said: list[tuple[str, str, str, str | None, str]]) -> Network:
    """(subject, relation, object, date, document) facts between the actors A, B and C."""
    edges: dict[tuple[str, str, str], Edge] = {}
    for subject, relation, obj, day, doc in said:
        key = (subject, relation, obj)
        edges.setdefault(key, Edge(*key)).evidence.append(Evidence("s.", doc, doc, day, "actual", None))
    return Network({i: Actor(i, i[-1], "State") for i in (A, B, C)}, edges)


def test_periods_have_no_gaps_and_weeks_are_iso_weeks():
    assert period_of(date(2024, 12, 30), "week") == "2025-W01", "ISO week: Monday 30 December 2024 is in 2025"
    assert period_of(date(2024, 3, 5), "month") == "2024-03"
    assert periods_between(date(2023, 11, 20), date(2024, 2, 1), "month") == [
        "2023-11",
        "2023-12",
        "2024-01",
        "2024-02",
    ]
    assert periods_between(date(2024, 12, 25), date(2025, 1, 7), "week") == ["2024-W52", "2025-W01", "2025-W02"]


def test_counts_per_period_family_and_pair():
    result = timeline(network([
        (A, "supports", B, "2024-01-10", "d1"),
        (A, "attacks", C, "2024-01-10", "d1"),
        (C, "attacks", A, "2024-01-25", "d2"),
        (A, "agreesWith", C, "2024-03-02", "d3"),
        (B, "partOf", C, "2024-03-02", "d3"),
        (A, "attacks", B, None, "undated"),
    ]), "month")  # fmt: skip
    assert result.period_rows() == [
        {"period": "2024-01", "cooperation": 1, "conflict": 2, "structural": 0, "statements": 3, "documents": 2},
        {"period": "2024-02", "cooperation": 0, "conflict": 0, "structural": 0, "statements": 0, "documents": 0},
        {"period": "2024-03", "cooperation": 1, "conflict": 0, "structural": 1, "statements": 2, "documents": 1},
    ]
    pairs = {(r["period"], r["actor"], r["other"]): (r["cooperation"], r["conflict"]) for r in result.pair_rows()}
    assert pairs == {("2024-01", "A", "B"): (1, 0), ("2024-01", "A", "C"): (0, 2), ("2024-03", "A", "C"): (1, 0),
                     ("2024-03", "B", "C"): (0, 0)}  # fmt: skip
    assert (result.undated_documents, result.dated_documents) == (1, 3)
    only = timeline(between(network([(A, "attacks", C, "2024-01-10", "d1"), (A, "supports", B, "2024-02-01", "d2")]),
                            C, A), "week")  # fmt: skip
    assert [(r["period"], r["conflict"]) for r in only.period_rows()] == [("2024-W02", 1)]


def test_the_chart_is_svg_with_one_bar_pair_per_period():
    result = timeline(network([(A, "supports", B, "2024-01-10", "d1"), (A, "attacks", C, "2024-03-10", "d2"),
                               (A, "attacks", B, "2024-03-11", "d3")]), "month")  # fmt: skip
    root = ET.fromstring(svg(result, title="A & B <over time>"))
    ns = {"s": "http://www.w3.org/2000/svg"}
    bars = {(r.get("data-period"), r.get("class")): r for r in root.iterfind("s:rect[@data-period]", ns)}
    periods = ("2024-01", "2024-02", "2024-03")
    assert sorted(bars) == [(p, f"bar {f}") for p in periods for f in ("conflict", "cooperation")]
    height = {k: float(r.get("height")) for k, r in bars.items()}
    assert height[("2024-03", "bar conflict")] == 2 * height[("2024-01", "bar cooperation")] > 0
    assert height[("2024-02", "bar cooperation")] == 0
    assert root.find("s:title", ns).text == "A & B <over time>", "escaped in the file, read back as text"


@pytest.fixture(scope="module")
def dated_store(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("timeline")
    records = [
        ("a1", "2024-01-10", "Iran supports Hezbollah. Israel attacked Hezbollah."),
        ("a2", "2024-01-25", "Israel attacked Hezbollah."),
        ("a3", "2024-03-02", "Kenya and Somalia agreed a truce."),
    ]
    (folder / "feed.jsonl").write_text(
        "".join(json.dumps({"id": i, "date": d, "text": t}) + "\n" for i, d, t in records)
    )
    (folder / "undated.txt").write_text("Turkey attacked the YPG.\n")
    location = str(folder / "store")
    assert ingest([folder / "feed.jsonl", folder / "undated.txt"], location).stored == 4
    return location


def test_analyze_by_month_as_csv_json_and_table(dated_store):
    run = CliRunner().invoke
    result = run(main, ["analyze", "--by", "month", "--format", "csv", "--store", dated_store])
    assert result.exit_code == 0, result.output
    assert result.stderr.strip() == (
        "kg: 1 undated document left out of the timeline (no date to place its statements in time)"
    )
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["period"], r["cooperation"], r["conflict"], r["documents"]) for r in rows] == [
        ("2024-01", "1", "2", "2"), ("2024-02", "0", "0", "0"), ("2024-03", "1", "0", "1")
    ]  # fmt: skip
    pairs = run(main, ["analyze", "--by", "month", "--per-pair", "--format", "csv", "--store", dated_store]).stdout
    assert {(r["period"], r["actor"], r["other"], r["conflict"]) for r in csv.DictReader(io.StringIO(pairs))} == {
        ("2024-01", "Hezbollah", "Iran", "0"), ("2024-01", "Hezbollah", "Israel", "2"),
        ("2024-03", "Kenya", "Somalia", "0"),
    }  # fmt: skip
    data = json.loads(run(main, ["analyze", "--by", "week", "--format", "json", "--store", dated_store]).stdout)
    assert data["by"] == "week" and data["periods"][0]["period"] == "2024-W02" and data["undated_documents"] == 1
    table = run(main, ["analyze", "--by", "month", "--pair", "Israel", "Hezbollah", "--store", dated_store])
    assert table.exit_code == 0 and table.stderr == "", "the pair's articles are all dated"
    assert table.stdout.splitlines()[2].split() == ["2024-01", "0", "2", "0", "2", "2"]
    unknown = run(main, ["analyze", "--by", "month", "--pair", "Israel", "Narnia", "--store", dated_store])
    assert unknown.exit_code == 1 and "no actor 'Narnia'" in unknown.stderr
    assert run(main, ["analyze", "--per-pair", "--store", dated_store]).exit_code == 2


def test_plot_writes_the_chart(dated_store, tmp_path):
    out = tmp_path / "timeline.svg"
    result = CliRunner().invoke(main, ["plot", "-o", str(out), "--store", dated_store])
    assert result.exit_code == 0 and "wrote" in result.stderr and "(3 months, 4 statements)" in result.stderr
    root = ET.parse(out).getroot()
    counts = {(r.get("data-period"), r.get("class")): r.get("data-count") for r in root.iter()
              if r.get("data-period")}  # fmt: skip
    assert counts[("2024-01", "bar conflict")] == "2" and counts[("2024-03", "bar cooperation")] == "1"


@pytest.mark.browser
def test_the_chart_renders_in_a_browser(dated_store, tmp_path):
    from tests.browser import Browser

    out = tmp_path / "timeline.svg"
    assert CliRunner().invoke(main, ["plot", "-o", str(out), "--store", dated_store]).exit_code == 0
    browser = Browser()
    try:
        browser.open(out)
        assert browser.errors == []
        drawn = browser.evaluate("""Array.from(document.querySelectorAll('rect.bar')).map(r => {
            const box = r.getBoundingClientRect();
            return [r.dataset.period, r.classList[1], Math.round(box.height), getComputedStyle(r).fill]; })""")
        heights = {(period, family): height for period, family, height, _ in drawn}
        assert heights[("2024-01", "conflict")] == 2 * heights[("2024-01", "cooperation")] > 10
        assert heights[("2024-02", "cooperation")] == heights[("2024-02", "conflict")] == 0
        assert {fill for *_, fill in drawn} == {"rgb(46, 125, 50)", "rgb(198, 40, 40)"}
        assert browser.evaluate("document.querySelector('text.period').getBBox().width") > 20, "labels drawn"
    finally:
        browser.close()
