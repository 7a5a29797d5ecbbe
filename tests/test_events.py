"""One-sided events (kg.statements.Event): an act whose trigger has an actor on one side only, on sentences
written for these tests. Each row pins the whole output of its sentence: its statements and its events.
Events are written as (role, actor label, relation, PLOVER type, factuality, attributed-to label or 'source' or
None)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.pipeline import extract, ingest
from kg.query import select
from kg.statements import SOURCE
from kg.store import open_store
from tests.conftest import triples


def events(text: str) -> set[tuple]:
    found = set()
    for e in extract(text).events:
        attributed = e.attributed_to if e.attributed_to in (None, SOURCE) else e.attributed_to.label
        found.add((e.role, e.actor.label, e.relation, e.plover, e.factuality, attributed))
    return found


ROWS = [
    (
        "a march with nobody marched against",
        "Thousands of Kenyan students marched in Nairobi on Friday.",
        set(),
        {("agent", "Kenyan students", "accuses", "PROTEST", "actual", None)},
    ),
    (
        "a passive killing with no agent named",
        "Four Somali soldiers were killed in Baidoa on Monday.",
        set(),
        {("target", "Somali military", "attacks", "ASSAULT", "actual", None)},
    ),
    (
        "an agreement to act alone",
        "Mali's prime minister agreed to resign on Tuesday.",
        set(),
        {("agent", "Mali", "agreesWith", "AGREE", "actual", None)},
    ),
    (
        "a refusal of a thing",
        "The African Union rejected a proposal for a new mission.",
        set(),
        {("agent", "African Union", "rejects", "REJECT", "actual", None)},
    ),
    (
        "a threat to act, and the act threatened",
        "Hamas threatened to fire more rockets.",
        set(),
        {
            ("agent", "Hamas", "threatens", "THREATEN", "actual", None),
            ("agent", "Hamas", "attacks", "THREATEN", "potential", "Hamas"),
        },
    ),
    (
        "arrests of people nobody names, attributed",
        "Police arrested 40 people in Harare, the Zimbabwean government said.",
        set(),
        {("agent", "police", "coerces", "COERCE", "actual", "Zimbabwean government")},
    ),
    (
        "a denied act keeps its factuality",
        "Houthi rebels did not attack anyone on Sunday.",
        set(),
        {("agent", "Houthis", "attacks", "ASSAULT", "negated", None)},
    ),
    (
        "a place taken by nobody named",
        "The town of Afgoye was captured on Monday.",
        set(),
        {("target", "Afgoye", "captures", "ASSAULT", "actual", None)},
    ),
    (
        "a detention by nobody named",
        "Two Turkish journalists were detained in Ankara.",
        set(),
        {("target", "Turkish journalists", "coerces", "COERCE", "actual", None)},
    ),
    (
        "a statement is no event as well",
        "Russia supports the Syrian army.",
        {("Russia", "supports", "Syrian Army", "actual", None)},
        set(),
    ),
    (
        "a symmetric verb with a thing as its object is another sense",
        "The ministry received assurances from the mayor.",
        set(),
        set(),
    ),
    (
        "who dies in an attack is its target; who dies in a crash is no one's",
        "Three Malian soldiers died in an ambush near Gao. Two Malian soldiers died in a helicopter crash.",
        set(),
        {("target", "Malian military", "attacks", "ASSAULT", "actual", None)},
    ),
    (
        "an armed act on a building is one (with a place named, an attack on the place: tests/test_constructions.py)",
        "Militants attacked a church on Sunday.",
        set(),
        {("agent", "militants", "attacks", "ASSAULT", "actual", None)},
    ),
    (
        "a verb of force or yielding with an office, a word or a plan as its object is in another sense",
        "The minister attacked the budget plan. Hamas released a statement. Kenya sent a delegation to the talks.",
        set(),
        set(),
    ),
    (
        "a killing with an accident beside it, a threat by a thing, a place evacuated: no event",
        "Two Nigerian soldiers were killed when their truck overturned. Kenya's economy is threatened by drought. "
        "Civilians were evacuated from Aleppo.",
        set(),
        set(),
    ),
    ("armed forces that march do not protest", "Ugandan troops marched into the town.", set(), set()),
    (
        "praise of one's own army, dropped as a statement, is no one-sided event either",
        "Israeli Prime Minister Benjamin Netanyahu praised the Israeli army.",
        {("Benjamin Netanyahu", "leads", "Israel", "actual", None)},
        set(),
    ),
    ("talks with nobody named are no event", "Buhari spoke on Monday. The Cabinet met on Sunday.", set(), set()),
    ("taking without a place is no capture", "Ethiopian troops took several steps to calm the region.", set(), set()),
    ("a passive symmetric verb names a party, not a target", "Sudan was allied for years.", set(), set()),
]


@pytest.mark.parametrize(("name", "sentence", "statements", "expected"), ROWS, ids=[r[0] for r in ROWS])
def test_one_sided_events(name, sentence, statements, expected):
    assert triples(sentence) == statements
    assert events(sentence) == expected


def test_events_are_stored_as_kg_event_never_as_triples(tmp_path):
    article = tmp_path / "baidoa.txt"
    article.write_text("Four Somali soldiers were killed in Baidoa on Monday. Russia supports the Syrian army.\n")
    store = open_store(str(tmp_path / "store"))
    ingest([article], store)
    rows = select(
        store,
        "SELECT ?label ?relation ?plover ?sentence WHERE { ?e a kg:Event ; kg:target ?a ; kg:eventRelation ?relation ;"
        " kg:ploverEvent ?plover ; prov:wasDerivedFrom ?s . ?a rdfs:label ?label . ?s rdf:value ?sentence }",
    )
    assert [(r["label"], r["relation"], r["plover"], r["sentence"]) for r in rows] == [
        ("Somali military", "kg:attacks", "ASSAULT", "Four Somali soldiers were killed in Baidoa on Monday.")
    ]
    # only the statement is a plain triple and a reified statement
    assert len(select(store, "SELECT ?s WHERE { ?s a rdf:Statement }")) == 1
    assert len(select(store, "SELECT ?o WHERE { ?s kg:attacks ?o }")) == 0


def test_kg_extract_prints_events_after_statements():
    text = "Russia supports the Syrian army. Four Somali soldiers were killed in Baidoa on Monday."
    lines = CliRunner().invoke(main, ["extract", text]).output.splitlines()
    assert lines[0] == "Russia --supports--> Syrian Army [actual]"
    assert lines[2] == "? --attacks--> Somali military [actual] (one-sided ASSAULT event: 'killed')"
    rows = [
        json.loads(line) for line in CliRunner().invoke(main, ["extract", "--format", "json", text]).output.splitlines()
    ]
    assert [row.get("event", False) for row in rows] == [False, True]
    assert rows[1]["target"] == "Somali military" and rows[1]["plover"] == "ASSAULT"


def test_explain_shows_the_one_sided_event_beside_what_the_statement_lacked():
    lines = CliRunner().invoke(main, ["extract", "--explain", "Four Somali soldiers were killed in Baidoa."]).output
    assert "  => ? --attacks--> Somali military [actual] (one-sided ASSAULT event: 'killed')" in lines.splitlines()


def test_the_ingest_summary_counts_one_sided_events(tmp_path):
    article = tmp_path / "baidoa.txt"
    article.write_text("Four Somali soldiers were killed in Baidoa on Monday. Russia supports the Syrian army.\n")
    report = ingest([article], open_store(str(tmp_path / "store")))
    assert (report.statements, report.events) == (1, 1)
    assert "statements: 1; one-sided events: 1;" in report.summary()
