"""The graph's shape (kg.rdf), read back from a store: reified statements with their evidence and
document, the truthy rule (only actual, unattributed statements become plain triples), and every actor
described once, with one label across articles."""

from __future__ import annotations

import json

from tests.conftest import run


def test_the_truthy_rule_keeps_beliefs_out_of_plain_triples(store):
    """'Ankara considers ... part of the PKK': a reified claim of Turkey, not a plain partOf fact."""
    ask_plain = 'ASK { ?x kg:partOf ?pkk . ?pkk rdfs:label "PKK" }'
    assert run("query", ask_plain, "--store", store).output.strip() == "false"
    ask_claim = """ASK { ?st rdf:predicate kg:partOf ; rdf:object/rdfs:label "PKK" ;
                        kg:attributedTo/rdfs:label "Turkey" ; kg:factuality kg:Actual }"""
    assert run("query", ask_claim, "--store", store).output.strip() == "true"


def test_statement_shape(store):
    query = """SELECT ?sentence ?title WHERE {
        ?st a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:factuality ?f ;
            prov:wasDerivedFrom ?sent .
        ?sent rdf:value ?sentence ; dcterms:isPartOf ?doc . ?doc dcterms:title ?title ; dcterms:source ?src .
        ?s rdfs:label ?sl ; skos:altLabel ?alt .
    }"""
    data = json.loads(run("query", query, "--format", "json", "--store", store).output)
    assert data["results"]["bindings"]
    assert {b["title"]["value"] for b in data["results"]["bindings"]} == {"Syrian Troops Plan To Target IS Stronghold"}
    source = run("query", 'ASK { ?st kg:attributedTo "source" }', "--store", store).output.strip()
    assert source == "true"


def test_an_actor_keeps_one_label_across_articles(tmp_path):
    """A name the gazetteer does not know, spelt two ways in two articles, is one actor with one label."""
    (tmp_path / "a.txt").write_text("The Zintan Brigade attacked Tripoli.\n")
    (tmp_path / "b.txt").write_text("The Zintan-Brigade attacked Misrata.\n")
    location = str(tmp_path / "store")
    run("ingest", str(tmp_path / "a.txt"), "--store", location)
    run("ingest", str(tmp_path / "b.txt"), "--store", location)
    query = "SELECT ?l WHERE { ?a rdfs:label ?l ; skos:altLabel ?alt . FILTER(CONTAINS(LCASE(?l), 'zintan')) }"
    rows = json.loads(run("query", query, "--format", "json", "--store", location).output)["results"]["bindings"]
    assert {r["l"]["value"] for r in rows} == {"Zintan Brigade"}


def test_every_actor_in_the_graph_has_a_label_and_type(tmp_path):
    """'Syrian troops' are the Syrian Army, part of Syria: Syria is described though no statement names it."""
    (tmp_path / "a.txt").write_text("Syrian troops attacked rebels near Homs. Kurdish fighters watched.\n")
    location = str(tmp_path / "store")
    run("ingest", str(tmp_path / "a.txt"), "--store", location)
    query = """SELECT ?a WHERE {
        { ?st rdf:subject ?a } UNION { ?st rdf:object ?a } UNION { ?x kg:partOf ?a } UNION { ?a skos:altLabel ?l }
        FILTER NOT EXISTS { ?a rdfs:label ?label ; a kg:Actor }
    }"""
    assert run("query", query, "--format", "csv", "--store", location).output.strip() == "a"
    assert run("query", "ASK { actor:syrian-army kg:partOf actor:syria }", "--store", location).output.strip() == "true"
