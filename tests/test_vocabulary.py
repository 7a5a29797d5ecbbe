"""The ontology, lexicons and gazetteer are data: check them against the spec's contract."""

from __future__ import annotations

import csv
from collections import defaultdict

import pyoxigraph as ox
import rdflib

from kg.gazetteer import default_gazetteer, is_acronym, normalize
from kg.lexicon import default_lexicon, word_forms
from kg.vocabulary import KG, data_path, relations

#: The core relations of ../shared/spec/relations.md, with their symmetry.
SPEC = {
    "supports": False, "cooperatesWith": True, "agreesWith": True, "meetsWith": True, "requests": False,
    "accuses": False, "rejects": False, "threatens": False, "sanctions": False, "deploysTo": False,
    "coerces": False, "concedesTo": False, "withdrawsFrom": False, "investigates": False, "attacks": False,
    "fights": True, "captures": False, "controls": False, "partOf": False, "leads": False, "represents": False,
    "opposes": False,
}  # fmt: skip


def test_every_core_relation_is_in_the_ontology_with_its_symmetry():
    found = relations()
    for name, symmetric in SPEC.items():
        assert name in found, name
        assert found[name].symmetric is symmetric, name
        assert found[name].core == name


def test_finer_relations_specialise_a_core_relation():
    for relation in relations().values():
        assert relation.core in SPEC


def test_the_ontology_parses_with_two_parsers():
    graph = rdflib.Graph().parse(data_path("kg.ttl"))
    assert (rdflib.URIRef(KG + "fights"), rdflib.RDF.type, rdflib.OWL.SymmetricProperty) in graph
    quads = list(ox.parse(path=str(data_path("kg.ttl")), format=ox.RdfFormat.TURTLE))
    assert len(quads) == len(graph)


def test_lexicon_loads_and_names_only_ontology_relations():
    lexicon = default_lexicon()
    known = set(relations())
    for kind in ("verb", "noun", "hyphen", "role"):
        assert lexicon.triggers[kind], kind
        for triggers in lexicon.triggers[kind].values():
            assert {t.relation for t in triggers} <= known


def test_no_word_triggers_two_relations_by_accident():
    """A verb under two relations doubles statements; only 'captured X from Y' (attack on Y) is meant."""
    path = data_path("lexicon") / "relations.tsv"
    with open(path, encoding="utf-8") as handle:
        rows = [r for r in csv.reader(handle, delimiter="\t") if r and not r[0].startswith("#")]
    by_word = defaultdict(set)
    for relation, kind, word, _preps, objects in rows[1:]:
        if objects != "preps":
            by_word[(kind, word)].add(relation)
    assert {k: v for k, v in by_word.items() if len(v) > 1} == {}


def test_every_core_relation_has_a_trigger():
    lexicon = default_lexicon()
    covered = {t.relation for kind in lexicon.triggers.values() for ts in kind.values() for t in ts}
    assert set(SPEC) <= covered


def test_gazetteer_is_valid():
    gazetteer = default_gazetteer()
    assert len(gazetteer) > 200
    wikidata = [a.wikidata for a in gazetteer.by_id.values() if a.wikidata]
    assert len(wikidata) == len(set(wikidata)), "two actors share a Wikidata IRI"
    iso3 = [a.iso3 for a in gazetteer.by_id.values() if a.iso3]
    assert len(iso3) == len(set(iso3)), "two actors share an ISO code"
    for actor in gazetteer.by_id.values():
        assert actor.source, actor.id
        for name in [*actor.names, *actor.demonyms]:
            hits = {a.id for a, _ in gazetteer.lookup(name)}
            ambiguous = normalize(name) in gazetteer.ambiguous or name in gazetteer.ambiguous  # acronyms keep case
            assert len(hits) == 1 or ambiguous, (actor.id, name, hits)


def test_ambiguous_aliases_are_the_documented_ones():
    listed = {
        line.strip()
        for line in data_path("gazetteer/ambiguous.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    }
    assert set(default_gazetteer().ambiguous) == listed
    assert default_gazetteer().lookup("Congolese") == []


def test_every_un_member_state_is_in_the_gazetteer():
    path = data_path("sources/un_members.txt")
    codes = [line.strip() for line in path.read_text().splitlines() if line.strip() and not line.startswith("#")]
    assert len(codes) == 195  # 193 members and 2 observer states
    states = {a.iso3: a for a in default_gazetteer().by_id.values() if a.iso3}
    assert [c for c in codes if c not in states or states[c].type != "State"] == []


def test_acronyms_match_case_sensitively():
    gazetteer = default_gazetteer()
    assert is_acronym("IS") and not is_acronym("Hamas")
    assert gazetteer.lookup("IS")[0][0].id == "islamic-state"
    assert gazetteer.lookup("is") == []
    assert normalize("the  Kurdistan Workers\u2019 Party") == "kurdistan workers' party"


def test_word_forms_recover_from_lemmatizer_errors():
    assert "wage" in word_forms("waged", "wag")
    assert "bomb" in word_forms("bombed", "bombed")


def test_gazetteer_covers_organisations_and_non_state_actors():
    """Issue floor: the permanent and regional IGOs, and 150 non-state armed groups and parties."""
    actors = default_gazetteer().by_id.values()
    non_state = [a for a in actors if a.type in ("ArmedGroup", "PoliticalOrganization") and not a.generic]
    assert len(non_state) >= 150
    igos = {a.label for a in actors if a.type == "InternationalOrganization"}
    assert {"United Nations", "NATO", "European Union", "African Union", "Arab League", "ASEAN", "OSCE"} <= igos
    assert {"ECOWAS", "Gulf Cooperation Council", "Organization of American States", "IGAD", "SADC"} <= igos


def test_wings_and_affiliates_point_to_their_parents():
    gazetteer = default_gazetteer()
    assert gazetteer["qassam-brigades"].parent == "hamas"
    assert gazetteer["iswap"].parent == "islamic-state"
    assert gazetteer["quds-force"].parent == "irgc" and gazetteer["irgc"].parent == "iran"
