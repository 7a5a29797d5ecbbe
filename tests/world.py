"""A small world whose answers are known, for the network, analysis and view tests:

Iran supports Hezbollah; Israel attacks both (a balanced triad: the enemy of my enemy is my
friend). The United States supports the YPG and cooperates with Turkey, which attacks the YPG (an
unbalanced triad). Israel claims Iran supports Hamas (a claim, not a fact). Russia denies
attacking Turkey; Iran plans to attack Israel (neither counts as a relation).

The world is written down as statements, not extracted from sentences, so that a change of the
extractor cannot change it: :func:`world` builds its Network directly, and :func:`store_world` stores
the same statements through ingest's own write path (the ``world_store`` fixture of conftest.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.documents import Document
from kg.gazetteer import Actor as GazetteerActor
from kg.network import Actor as NetworkActor
from kg.network import Edge, Evidence, Network
from kg.pipeline import write
from kg.rdf import actor_iri
from kg.statements import Extraction, Statement
from kg.store import ontology_update, open_store

#: The actors: id -> (label, type).
ACTORS = {
    "iran": ("Iran", "State"),
    "israel": ("Israel", "State"),
    "hezbollah": ("Hezbollah", "ArmedGroup"),
    "hamas": ("Hamas", "ArmedGroup"),
    "united-states": ("United States", "State"),
    "turkey": ("Turkey", "State"),
    "ypg": ("YPG", "ArmedGroup"),
    "russia": ("Russia", "State"),
}
#: The articles: id -> date, and what each states: (sentence, subject, relation, object, factuality, asserted by).
DATES = {"levant": "2014-05-01", "syria": "2016-03-01", "claims": "2018-07-01", "again": "2020-05-01"}
WORLD = {
    "levant": [
        ("Iran supports Hezbollah.", "iran", "supports", "hezbollah", "actual", None),
        ("Israel attacked Hezbollah.", "israel", "attacks", "hezbollah", "actual", None),
        ("Israel attacked Iran.", "israel", "attacks", "iran", "actual", None),
    ],
    "syria": [
        ("The United States supports the YPG.", "united-states", "supports", "ypg", "actual", None),
        ("Turkey attacked the YPG.", "turkey", "attacks", "ypg", "actual", None),
        ("The United States cooperates with Turkey.", "united-states", "cooperatesWith", "turkey", "actual", None),
    ],
    "claims": [
        ("Israel says Iran supports Hamas.", "iran", "supports", "hamas", "actual", "israel"),
        ("Russia denied attacking Turkey.", "russia", "attacks", "turkey", "negated", "russia"),
        ("Iran plans to attack Israel.", "iran", "attacks", "israel", "potential", None),
    ],
    "again": [("Iran supports Hezbollah, a militia in Lebanon.", "iran", "supports", "hezbollah", "actual", None)],
}  # fmt: skip


def world() -> Network:
    """The world as the network kg.network.read_network makes of a store holding it."""
    actors = {actor_iri(i): NetworkActor(actor_iri(i), label, kind) for i, (label, kind) in ACTORS.items()}
    edges: dict[tuple[str, str, str], Edge] = {}
    for doc, said in WORLD.items():
        for sentence, subject, relation, obj, factuality, asserter in said:
            key = (actor_iri(subject), relation, actor_iri(obj))
            by = ACTORS[asserter][0] if asserter else None
            edges.setdefault(key, Edge(*key)).evidence.append(Evidence(sentence, doc, doc, DATES[doc], factuality, by))
    for edge in edges.values():  # the corroboration counts the store materialises
        edge.document_count = len(edge.documents)
        edge.asserted_count = len({e.document for e in edge.evidence if e.truthy})
    return Network(actors, edges)


@dataclass(frozen=True)
class Said:
    """A sentence as the RDF of a statement records it (its text and place), without a parse."""

    text: str
    index: int


def store_world(location: str) -> None:
    """Write the world into a store through ingest's own write path (kg.pipeline.write), as its statements
    (sentences without a parse), so that the store holds what :func:`world` builds."""
    actors = {i: GazetteerActor(i, label, kind) for i, (label, kind) in ACTORS.items()}
    extractions = []
    for doc, said in WORLD.items():
        extraction = Extraction()
        for index, (sentence, subject, relation, obj, factuality, asserter) in enumerate(said):
            by = actors[asserter] if asserter else None
            statement = Statement(actors[subject], relation, actors[obj], Said(sentence, index), factuality, by)
            extraction.statements.append(statement)
        text = "\n\n".join(s[0] for s in said)
        extractions.append((Document(doc_id=doc, text=text, date=DATES[doc]), extraction))
    write(open_store(location), extractions, prelude=ontology_update())
