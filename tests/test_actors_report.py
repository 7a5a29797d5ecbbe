"""kg actors: the store's actors with counts that agree with the store, where each came from, the names a
text leaves unresolved or ambiguous, in three formats, and without spaCy unless texts are read."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from kg.actors_report import store_actors, text_names
from kg.gazetteer import use_gazetteer
from kg.store import open_store
from tests.conftest import run
from tests.test_layers import imported

ARTICLES = {
    "a.txt": "Iran supports Hezbollah.\n\nThe Free Blue Brigade attacked the Malian army.\n",
    "b.txt": "Israel says Iran supports Hezbollah.\n\nRussia supports Syria.\n",
}
NAMES = (
    "Zorvanian officials said the Free Blue Brigade attacked Gao.\n\n"
    "Congolese soldiers crossed the border, Ambassador Quillfeather said.\n"
)


@pytest.fixture(scope="module")
def actors_store(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("actors")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text)
    location = str(folder / "store")
    assert run("ingest", str(folder / "a.txt"), str(folder / "b.txt"), "--store", location).exit_code == 0
    return location


def test_counts_agree_with_the_store(actors_store):
    store = open_store(actors_store, read_only=True)
    rows = {r.label: r for r in store_actors(store)}
    iran = rows["Iran"]
    assert (iran.type, iran.origin, iran.wikidata, iran.iri) == (
        "State", "gazetteer", "Q794", "https://w3id.org/kg-news/id/actor/iran"
    )  # fmt: skip
    # documents, statements as subject or object, claims attributed to it: counted independently here
    for label, row in rows.items():
        iri = row.iri
        either = f"{{ ?st rdf:subject <{iri}> }} UNION {{ ?st rdf:object <{iri}> }}"
        statements = store.query(f"SELECT (COUNT(DISTINCT ?st) AS ?n) WHERE {{ {either} }}")
        claims = store.query(f"SELECT (COUNT(DISTINCT ?st) AS ?n) WHERE {{ ?st kg:attributedTo <{iri}> }}")
        assert (row.statements, row.claims) == (
            int(next(iter(statements))["n"].value),
            int(next(iter(claims))["n"].value),
        ), label
    assert (rows["Iran"].documents, rows["Iran"].statements) == (2, 2)
    assert (rows["Israel"].claims, rows["Israel"].statements) == (1, 0)
    brigade = rows["Free Blue Brigade"]
    assert brigade.origin == "guessed" and brigade.wikidata == ""  # a name no gazetteer knows: what to add
    order = [(-r.documents, -r.statements) for r in rows.values()]
    assert order == sorted(order)


def test_the_three_formats(actors_store):
    table = run("actors", "--store", actors_store)
    assert table.exit_code == 0
    assert "Free Blue Brigade" in table.output and "names no gazetteer knows" in table.output
    frame = pd.read_csv(io.StringIO(run("actors", "--store", actors_store, "--format", "csv").output))
    assert set(frame["kind"]) == {"actor"}
    iran = frame[frame["label"] == "Iran"].iloc[0]
    assert (iran["type"], iran["wikidata"], int(iran["documents"])) == ("State", "Q794", 2)
    data = json.loads(run("actors", "--store", actors_store, "--format", "json").output)
    assert data["names"] is None
    assert {a["label"] for a in data["actors"]} == set(frame["label"])


def test_names_a_text_leaves_unresolved_or_ambiguous(actors_store, tmp_path):
    names = {(n.name, n.kind): n for n in text_names([_names(tmp_path)])}
    assert names[("Zorvanian", "unresolved")].mentions == 1
    congolese = names[("Congolese", "ambiguous")]
    assert congolese.candidates == "Democratic Republic of the Congo, Republic of the Congo"
    assert congolese.example.startswith("Congolese soldiers crossed the border")
    assert names[("Free Blue Brigade", "guessed")].candidates == "ArmedGroup"
    assert not any(name == "Ambassador" for name, _ in names), "a title is no name"
    assert not any(kind == "unresolved" and name in ("Free Blue Brigade", "Congolese") for name, kind in names)

    result = run("actors", "--store", actors_store, "--text", _names(tmp_path), "--format", "csv")
    frame = pd.read_csv(io.StringIO(result.output))
    assert set(frame["kind"]) == {"actor", "unresolved", "ambiguous", "guessed"}
    assert frame[frame["kind"] == "ambiguous"].iloc[0]["name"] == "Congolese"


def test_a_name_the_user_gazetteer_adds_is_no_longer_unresolved(tmp_path):
    (tmp_path / "mine.csv").write_text("label,type,aliases\nZorvania,State,Zorvanian\n")
    try:
        use_gazetteer(tmp_path / "mine.csv")
        names = {(n.name, n.kind) for n in text_names([_names(tmp_path)])}
    finally:
        use_gazetteer(None)
    assert not any(name == "Zorvanian" for name, _ in names)


def test_the_store_report_does_not_import_spacy(actors_store, tmp_path):
    modules, out = imported(tmp_path, "-m", "kg.cli", "actors", "--store", actors_store)
    assert "Free Blue Brigade" in out
    assert "kg.actors_report" in modules and "spacy" not in modules


def _names(tmp_path) -> str:
    path = tmp_path / "names.txt"
    path.write_text(NAMES)
    return str(path)
