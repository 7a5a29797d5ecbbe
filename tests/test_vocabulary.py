"""The ontology (kg.vocabulary, ontology/kg.ttl) is data: check it against the spec's contract. The lexicon's
and the gazetteer's data are checked in test_lexicon.py and test_gazetteer.py."""

from __future__ import annotations

import pyoxigraph as ox
import rdflib

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
