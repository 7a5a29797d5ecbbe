"""Statements (kg.statements): the Factuality values, one set for every module, matching the ontology's, and
the spec's truthy rule."""

from __future__ import annotations

import json

import rdflib

from kg.gazetteer import Actor
from kg.statements import Factuality, Statement, truthy
from kg.vocabulary import KG, data_path


def test_factuality_is_the_ontologys_and_its_words_stay_words():
    graph = rdflib.Graph().parse(data_path("kg.ttl"))
    declared = {str(s): str(label) for s, label in graph.subject_objects(rdflib.RDFS.label)
                if (s, rdflib.RDF.type, rdflib.URIRef(KG + "Factuality")) in graph}  # fmt: skip
    assert {f.iri: f.value for f in Factuality} == declared
    assert Factuality.NEGATED == "negated" and json.dumps([Factuality.POTENTIAL]) == '["potential"]'
    assert f"[{Factuality.ACTUAL}]" == "[actual]"
    assert [Factuality.from_iri(f.iri) for f in Factuality] == list(Factuality)
    assert Factuality.from_iri(KG + "Hypothetical") == "hypothetical", "another tool's value is read, not fatal"


def test_only_actual_unattributed_statements_are_truthy():
    iran, hezbollah = Actor("iran", "Iran", "State"), Actor("hezbollah", "Hezbollah", "ArmedGroup")
    said = Statement(iran, "supports", hezbollah, None, Factuality.ACTUAL)
    assert said.truthy and truthy("actual", None)
    assert not Statement(iran, "supports", hezbollah, None, Factuality.POTENTIAL).truthy
    assert not Statement(iran, "supports", hezbollah, None, Factuality.ACTUAL, attributed_to="source").truthy
    assert not truthy(Factuality.NEGATED, None)
