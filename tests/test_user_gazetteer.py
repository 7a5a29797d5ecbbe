"""A user's own gazetteer (--gazetteer FILE, KG_GAZETTEER): merged over kg's, its names winning, with the real
pipeline and a real on-disk store; a bad file is one error line with its line number, and nothing is stored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.actors_report import store_actors
from kg.errors import KgError
from kg.gazetteer import default_gazetteer, read_user_gazetteer, use_gazetteer, user_gazetteer
from kg.pipeline import extract
from kg.provenance import extractor_identity
from kg.store import open_store
from kg.vocabulary import KG
from tests.conftest import count_quads, run

ARTICLE = (
    "Fighters of the Free Blue Brigade attacked the Malian army near Gao.\n\n"
    "The Atlantic alliance condemned the Free Blue Brigade.\n"
)
#: An armed group kg cannot know (the name is made up), and a party whose name is one of NATO's aliases.
MINE = [
    {"id": "fbb", "label": "Free Blue Brigade", "type": "ArmedGroup", "aliases": ["FBB"], "parent": "Mali",
     "wikidata": "Q4115189"},
    {"label": "Atlantic Alliance Party", "type": "politicalorganization", "aliases": ["Atlantic alliance"]},
]  # fmt: skip
ACTOR = "https://w3id.org/kg-news/id/actor/"


@pytest.fixture(autouse=True)
def kg_own_gazetteer(monkeypatch):
    """Every test starts and ends with kg's own gazetteer, whatever it chose."""
    monkeypatch.delenv("KG_GAZETTEER", raising=False)
    use_gazetteer(None)
    yield
    use_gazetteer(None)


def jsonl(path: Path, records: list[dict]) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return str(path)


def statements(text: str) -> set[tuple[str, str, str]]:
    return {(s.subject.label, s.relation, s.object.label) for s in extract(text).statements}


def test_an_unknown_group_becomes_the_users_actor_and_a_user_alias_wins(tmp_path):
    before = {s.object.label: s.object for s in extract(ARTICLE).statements}
    assert ("NATO", "accuses", "Free Blue Brigade") in statements(ARTICLE)
    guessed = before["Free Blue Brigade"]
    assert (guessed.source, guessed.wikidata) == ("ner", None)  # kg only guessed it from a named entity

    use_gazetteer(jsonl(tmp_path / "mine.jsonl", MINE))
    after = extract(ARTICLE)
    assert ("Atlantic Alliance Party", "accuses", "Free Blue Brigade") in {
        (s.subject.label, s.relation, s.object.label) for s in after.statements
    }  # the user's alias beat NATO's
    brigade = next(s.object for s in after.statements if s.object.label == "Free Blue Brigade")
    assert (brigade.id, brigade.type, brigade.wikidata, brigade.parent) == ("fbb", "ArmedGroup", "Q4115189", "mali")
    assert brigade.source == "user gazetteer mine.jsonl"
    assert default_gazetteer().lookup("Atlantic alliance")[0][0].label == "Atlantic Alliance Party"
    assert default_gazetteer().lookup("North Atlantic Treaty Organization")[0][0].id == "nato"  # the rest stays

    use_gazetteer(None)
    assert ("NATO", "accuses", "Free Blue Brigade") in statements(ARTICLE)


def test_ingest_with_a_gazetteer_stores_the_users_actor_and_reextracts(tmp_path):
    """Through the CLI, on a store that already holds the article with kg's guess: the fingerprint changed,
    so the article is extracted again, and the stored actor takes the user's type and Wikidata id."""
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text(ARTICLE)
    store = str(tmp_path / "store")
    mine = dict(MINE[0], id="free-blue-brigade")  # the IRI kg gave the named entity: its description is replaced
    gazetteer = jsonl(tmp_path / "mine.jsonl", [mine, MINE[1]])
    assert run("ingest", str(tmp_path / "news"), "--store", store).exit_code == 0

    result = run("ingest", str(tmp_path / "news"), "--store", store, "--gazetteer", gazetteer)
    assert result.exit_code == 0, result.output
    assert "0 new, 0 updated, 1 re-extracted" in result.output
    rows = open_store(store, read_only=True).query(
        f"SELECT ?type ?wd ?parent ?src WHERE {{ <{ACTOR}free-blue-brigade> a ?type ; owl:sameAs ?wd ; "
        "kg:partOf ?parent ; dcterms:source ?src FILTER(?type != kg:Actor) }"
    )
    assert [(r["type"].value, r["wd"].value, r["parent"].value, r["src"].value) for r in rows] == [
        (KG + "ArmedGroup", "http://www.wikidata.org/entity/Q4115189", f"{ACTOR}mali", "user gazetteer mine.jsonl")
    ]  # one type: the guessed one is gone
    subjects = open_store(store, read_only=True).query(
        "SELECT ?l WHERE { ?st rdf:predicate kg:accuses ; rdf:subject/rdfs:label ?l }"
    )
    assert [r["l"].value for r in subjects] == ["Atlantic Alliance Party"]
    origins = {r.label: (r.origin, r.wikidata) for r in store_actors(open_store(store, read_only=True))}
    assert origins["Free Blue Brigade"] == ("user", "Q4115189") and origins["Malian military"][0] == "description"

    again = run("ingest", str(tmp_path / "news"), "--store", store, "--gazetteer", gazetteer)
    assert "1 unchanged" in again.output  # same file, same fingerprint
    Path(gazetteer).write_text(Path(gazetteer).read_text() + '{"label": "Gao", "type": "Place"}\n')
    changed = run("ingest", str(tmp_path / "news"), "--store", store, "--gazetteer", gazetteer)
    assert "1 re-extracted" in changed.output  # the file changed: another extractor
    assert (
        "user gazetteer mine.jsonl"
        in next(iter(open_store(store, read_only=True).query("SELECT ?v WHERE { ?d kg:extractorVersion ?v }")))[
            "v"
        ].value
    )


def test_the_library_ingest_updates_stored_descriptions_as_the_command_does(tmp_path):
    """kg.pipeline.ingest, as a notebook calls it: a store holding kg's guess takes the user's description."""
    from kg.pipeline import ingest

    (tmp_path / "a.txt").write_text(ARTICLE)
    store = open_store(str(tmp_path / "store"))
    ingest([tmp_path / "a.txt"], store)
    use_gazetteer(jsonl(tmp_path / "mine.jsonl", [dict(MINE[0], id="free-blue-brigade")]))
    ingest([tmp_path / "a.txt"], store)
    rows = store.query(f"SELECT ?src WHERE {{ <{ACTOR}free-blue-brigade> dcterms:source ?src }}")
    assert [r["src"].value for r in rows] == ["user gazetteer mine.jsonl"]  # kg's guess is gone


def test_csv_and_the_environment_variable(tmp_path, monkeypatch):
    path = tmp_path / "mine.csv"
    path.write_text(
        "label,type,aliases,wikidata\n"
        'Free Blue Brigade,armedgroup,"FBB|Blue Brigade",https://www.wikidata.org/wiki/Q4115189\n',
        encoding="utf-8",
    )
    base = extractor_identity()
    monkeypatch.setenv("KG_GAZETTEER", str(path))
    assert user_gazetteer() is not None and extractor_identity() != base
    brigade = default_gazetteer().lookup("Blue Brigade")[0][0]
    assert (brigade.id, brigade.type, brigade.wikidata, brigade.aliases) == (
        "free-blue-brigade", "ArmedGroup", "Q4115189", ["FBB", "Blue Brigade"]
    )  # fmt: skip
    result = run("extract", "--format", "json", "The FBB attacked the Malian army.")
    assert json.loads(result.output.splitlines()[0])["subject"] == "Free Blue Brigade"
    monkeypatch.delenv("KG_GAZETTEER")
    assert user_gazetteer() is None and extractor_identity() == base


BAD = {
    "unknown type": (b'{"label": "A", "type": "State"}\n{"label": "B", "type": "Galaxy"}\n',
                     "line 2: unknown type 'Galaxy'"),
    "bad JSON": (b'{"label": "A", "type": "State"}\n\n{"label": "B", "type": \n', "line 3: invalid JSON"),
    "no label": (b'{"label": "A", "type": "State"}\n{"type": "State", "aliases": ["B"]}\n', "line 2: no label"),
    "not UTF-8": (b'{"label": "A", "type": "State"}\n{"label": "B\xff", "type": "State"}\n', "line 2: not UTF-8"),
    "binary": (b"\x00\x01\x02", "line 1: binary data"),
    "bad Wikidata id": (b'{"label": "A", "type": "State", "wikidata": "7184"}\n', "line 1: wikidata '7184'"),
    "unknown parent": (b'{"label": "A", "type": "Person", "parent": "Atlantis"}\n', "line 1: unknown parent"),
    "unknown field": (b'{"label": "A", "type": "State", "capital": "X"}\n', "line 1: unknown field(s) ['capital']"),
    "one alias, two actors": (b'{"label": "A", "type": "State", "aliases": ["Z"]}\n'
                              b'{"label": "B", "type": "State", "aliases": ["Z"]}\n', "line 2: 'Z' also names 'A'"),
    "empty": (b"\n", "no actors in it"),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(BAD))
def test_a_bad_file_is_one_error_line_and_stores_nothing(case, tmp_path):
    content, message = BAD[case]
    gazetteer = tmp_path / "mine.jsonl"
    gazetteer.write_bytes(content)
    (tmp_path / "a.txt").write_text("Iran supports Hezbollah.\n")
    store = str(tmp_path / "store")
    assert run("ingest", str(tmp_path / "a.txt"), "--store", store).exit_code == 0
    before = count_quads(store)
    (tmp_path / "b.txt").write_text("Russia supports Syria.\n")
    result = run("ingest", str(tmp_path / "b.txt"), "--store", store, "--gazetteer", str(gazetteer))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [result.stderr.strip()] and result.stderr.startswith(
        f"kg: error: {gazetteer}"
    ), result.stderr
    assert message in result.stderr
    assert count_quads(store) == before
    assert run("extract", "--gazetteer", str(gazetteer), "Iran supports Hezbollah.").exit_code == 1
    with pytest.raises(KgError, match=message.replace("(", r"\(").replace(")", r"\)").replace("[", r"\[")):
        read_user_gazetteer(gazetteer)


def test_a_missing_file_or_a_folder(tmp_path):
    for path, message in ((tmp_path / "nope.jsonl", "cannot read it"), (tmp_path, "not a regular file")):
        result = run("extract", "--gazetteer", str(path), "Iran supports Hezbollah.")
        assert result.exit_code == 1 and message in result.stderr and "Traceback" not in result.output
