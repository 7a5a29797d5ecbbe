"""The vocabulary every stage shares: namespaces, and the relations read from ontology/kg.ttl.

The relations are read from the ontology file rather than listed here, so that adding a finer
relation (``rdfs:subPropertyOf`` a core one) is a data change that the extractor, the
evaluation and the view all pick up.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

import pyoxigraph as ox

KG = "https://w3id.org/kg-news/ontology#"
ID = "https://w3id.org/kg-news/id/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
DCTERMS = "http://purl.org/dc/terms/"
XSD = "http://www.w3.org/2001/XMLSchema#"

#: Prefixes predeclared for every SPARQL query and used when writing Turtle.
PREFIXES: dict[str, str] = {
    "kg": KG,
    "actor": ID + "actor/",
    "doc": ID + "doc/",
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "skos": SKOS,
    "prov": PROV,
    "dcterms": DCTERMS,
    "xsd": XSD,
}

ACTOR_TYPES = (
    "State",
    "GovernmentBody",
    "ArmedGroup",
    "PoliticalOrganization",
    "InternationalOrganization",
    "Person",
    "Population",
    "Place",
)

#: Every graph kg writes has an IRI under this one (documents, ontology, actors, corroboration).
GRAPHS = ID + "graph/"
#: Named graph holding the ontology itself, so queries can follow rdfs:subPropertyOf.
ONTOLOGY_GRAPH = GRAPHS + "ontology"
#: Named graph holding actor descriptions (labels, types, gazetteer structure).
ACTORS_GRAPH = GRAPHS + "actors"
#: Named graph holding the materialised corroboration counts (see kg.rdf).
CORROBORATION_GRAPH = GRAPHS + "corroboration"


def data_dir() -> Path:
    """Where ontology/ lives: the source checkout, or ``kg/data`` inside an installed wheel.

    Plain paths rather than importlib.resources: ontology/ holds no Python, so ``kg.data`` is a
    namespace package whose resources root is a MultiplexedPath that does not convert to a Path.
    """
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "ontology", here / "data"):
        if (candidate / "kg.ttl").is_file():
            return candidate
    raise FileNotFoundError(f"kg's ontology files are missing from {here}; reinstall kg")


def data_path(name: str) -> Path:
    """A file under ontology/."""
    return data_dir() / name


@dataclass(frozen=True)
class Relation:
    """A relation of the ontology, with what the extractor and the view need to know of it."""

    name: str
    symmetric: bool
    family: str
    core: str
    plover: tuple[str, ...] = ()
    #: positive, neutral or negative: what it says of the tie between the two actors (kg:tie, kg analyze)
    tie: str = "neutral"

    @property
    def iri(self) -> str:
        return KG + self.name


@cache
def relations() -> dict[str, Relation]:
    """Every relation of ontology/kg.ttl by local name; ``core`` is the core relation it specialises."""
    quads = list(ox.parse(path=str(data_path("kg.ttl")), format=ox.RdfFormat.TURTLE))
    by_subject: dict[str, dict[str, list[str]]] = {}
    for q in quads:
        if isinstance(q.subject, ox.NamedNode) and q.subject.value.startswith(KG):
            props = by_subject.setdefault(q.subject.value, {})
            props.setdefault(q.predicate.value, []).append(q.object.value)
    object_props = {iri: p for iri, p in by_subject.items() if OWL + "ObjectProperty" in p.get(RDF + "type", [])}
    found: dict[str, Relation] = {}
    for iri, props in object_props.items():
        if any(domain != KG + "Actor" for domain in props.get(RDFS + "domain", [])):
            continue  # a property of statements or events (kg:factuality, kg:agent), not a relation between actors
        name = iri[len(KG) :]
        parents = props.get(RDFS + "subPropertyOf", [])
        core = parents[0][len(KG) :] if parents else name
        found[name] = Relation(
            name=name,
            symmetric=OWL + "SymmetricProperty" in props.get(RDF + "type", []),
            family=(props.get(KG + "family") or ["structural"])[0],
            core=core,
            plover=tuple(sorted(props.get(KG + "ploverType", []))),
            tie=(props.get(KG + "tie") or [""])[0],
        )
    for name, relation in found.items():  # a finer relation without its own tie has its core relation's
        if not relation.tie:
            core = found.get(relation.core)
            found[name] = replace(relation, tie=core.tie if core and core.tie else "neutral")
    return found


def ontology_turtle() -> str:
    """The ontology file's text, loaded into every store."""
    return data_path("kg.ttl").read_text(encoding="utf-8")
