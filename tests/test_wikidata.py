"""Wikidata ids of the states and major IGOs (ontology/gazetteer/wikidata.tsv, kept by hand): well formed, one
per actor, every state has one, and they reach the store as owl:sameAs, also for actors stored before."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from kg.errors import KgError
from kg.gazetteer import Actor, Gazetteer, Supplement, default_gazetteer, wikidata_ids
from kg.pipeline import ingest
from kg.rdf import WIKIDATA, actor_iri, actor_quads
from kg.store import open_store
from kg.vocabulary import OWL

#: Organisations analysts meet in every news corpus: each must carry its Wikidata id.
MAJOR_IGOS = ("un", "nato", "eu", "african-union", "arab-league", "asean", "osce", "un-security-council", "imf",
              "world-bank", "who", "international-criminal-court", "ecowas", "gulf-cooperation-council")  # fmt: skip


def test_every_id_is_a_qid_and_names_one_actor():
    gazetteer = default_gazetteer()
    ids = [a.wikidata for a in gazetteer.by_id.values() if a.wikidata]
    assert all(re.fullmatch(r"Q[1-9][0-9]*", q) for q in ids), [q for q in ids if not re.fullmatch(r"Q[1-9]\d*", q)]
    repeated = [q for q, n in Counter(ids).items() if n > 1]
    assert repeated == [], f"one Wikidata item, two actors: {repeated}"
    listed = list(wikidata_ids())
    assert len(listed) > 150
    assert [s.extends for s in listed if s.extends not in gazetteer.by_id] == []


def test_every_state_and_major_organisation_has_one():
    gazetteer = default_gazetteer()
    states = [a for a in gazetteer.by_id.values() if a.type == "State"]
    assert len(states) >= 193
    assert [a.id for a in states if not a.wikidata] == []
    assert [i for i in MAJOR_IGOS if not gazetteer[i].wikidata] == []
    # spot checks of ids every Wikidata user knows
    assert {gazetteer[i].wikidata for i in ("albania", "brazil", "canada", "un", "nato")} == {
        "Q222", "Q155", "Q16", "Q1065", "Q7184"
    }  # fmt: skip


def test_a_second_id_for_one_actor_is_refused():
    """An actor's id lives in one place: curated.jsonl or wikidata.tsv, never both (they could disagree)."""
    actor = Actor(id="x", label="X", type="State", wikidata="Q1")
    with pytest.raises(KgError, match="gives 'x' a second Wikidata id"):
        Gazetteer([actor, Supplement("x", source="wikidata.tsv", wikidata="Q2")])


def test_states_reach_the_store_as_owl_same_as(tmp_path):
    (tmp_path / "a.txt").write_text("Albania condemned Serbia.\n")
    location = str(tmp_path / "store")
    ingest([tmp_path / "a.txt"], location)
    rows = open_store(location, read_only=True).query(f"SELECT ?wd WHERE {{ <{actor_iri('albania')}> owl:sameAs ?wd }}")
    assert [r["wd"].value for r in rows] == [WIKIDATA + "Q222"]


def test_an_actor_stored_before_it_had_an_id_gains_it():
    """A store written before wikidata.tsv keeps the actor's description (label and type), and the next
    write about it adds the owl:sameAs link."""
    albania = default_gazetteer()["albania"]
    quads = list(actor_quads([albania], known={"albania": "Albania"}))
    assert [(q.predicate.value, q.object.value) for q in quads] == [(OWL + "sameAs", WIKIDATA + "Q222")]
