"""Stage 7c: the actor network read back from the store, for the view and for network analysis.

One :class:`Edge` per (subject, relation, object), aggregated over every statement that reports
it, with its evidence (sentence, article, date, factuality, who asserts it) and its corroboration
counts from the store. :func:`select` narrows a network the way analysts ask (a focus actor and
its neighbourhood, some relations, a date range, a minimum number of documents, the most central
actors); :func:`to_networkx` hands it to networkx.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import networkx as nx

from kg.statements import Factuality, truthy
from kg.store import Store
from kg.vocabulary import KG, relations

#: How a relation's tie (kg:tie in ontology/kg.ttl) counts in the signed network and for alliances: only
#: backing and joint action are +1, hostile acts and words -1; agreements, meetings, requests and
#: structural relations are neutral (a truce is agreed between enemies).
SIGN = {"positive": 1, "negative": -1}

EDGE_QUERY = """
SELECT ?s ?p ?o ?f ?attr ?attrLabel ?text ?doc ?title ?date WHERE {
  ?st a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:factuality ?f ;
      prov:wasDerivedFrom ?sent .
  ?sent rdf:value ?text ; dcterms:isPartOf ?doc .
  OPTIONAL { ?doc dcterms:title ?title }
  OPTIONAL { ?doc dcterms:date ?date }
  OPTIONAL { ?st kg:attributedTo ?attr OPTIONAL { ?attr rdfs:label ?attrLabel } }
}
"""
CORROBORATION_QUERY = """
SELECT ?s ?p ?o ?n ?m WHERE {
  ?c a kg:Corroboration ; kg:subject ?s ; kg:relation ?p ; kg:object ?o ; kg:documentCount ?n ; kg:assertedCount ?m
}
"""
ACTOR_QUERY = """
SELECT ?a ?label ?type (GROUP_CONCAT(DISTINCT ?alt; SEPARATOR="; ") AS ?alts) (SAMPLE(?wd) AS ?wikidata) WHERE {
  ?a a kg:Actor ; rdfs:label ?label .
  OPTIONAL { ?a a ?type FILTER(?type != kg:Actor && STRSTARTS(STR(?type), STR(kg:))) }
  OPTIONAL { ?a skos:altLabel ?alt }
  OPTIONAL { ?a owl:sameAs ?wd }
} GROUP BY ?a ?label ?type
"""


@dataclass
class Actor:
    iri: str
    label: str
    type: str = "Actor"
    aliases: str = ""
    wikidata: str = ""


@dataclass(frozen=True)
class Evidence:
    """One statement behind an edge: what was said, where, when, how, and by whom."""

    sentence: str
    document: str
    title: str
    date: str | None
    factuality: Factuality
    asserted_by: str | None  # an actor's label, "an unnamed source", or None: the article itself

    @property
    def voice(self) -> str:
        """Who speaks: the article itself, a named actor, or an unnamed source."""
        if self.asserted_by is None:
            return "article"
        return "source" if self.asserted_by == "an unnamed source" else "actor"

    @property
    def truthy(self) -> bool:
        return truthy(self.factuality, self.asserted_by)

    def describe(self) -> str:
        who = f", according to {self.asserted_by}" if self.asserted_by else ""
        when = f", {self.date}" if self.date else ""
        return f"[{self.factuality}{who}] {self.sentence} ({self.title}{when})"


@dataclass
class Edge:
    """One (subject, relation, object), aggregated over every statement that reports it."""

    subject: str
    relation: str
    object: str
    evidence: list[Evidence] = field(default_factory=list)
    #: From the store's materialised corroboration: documents reporting it at all / as a fact.
    document_count: int = 0
    asserted_count: int = 0

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.subject, self.relation, self.object)

    @property
    def family(self) -> str:
        relation = relations().get(self.relation)
        return relation.family if relation else "structural"

    @property
    def tie(self) -> str:
        """positive, neutral or negative: what the relation says of the two actors' tie (ontology/kg.ttl)."""
        relation = relations().get(self.relation)
        return relation.tie if relation else "neutral"

    @property
    def symmetric(self) -> bool:
        relation = relations().get(self.relation)
        return bool(relation and relation.symmetric)

    @property
    def truthy(self) -> bool:
        """Some article states it as a fact in its own voice."""
        return any(e.truthy for e in self.evidence)

    @property
    def style(self) -> str:
        """How the view draws it: fact (solid), claim (dashed), potential (dotted), negated."""
        if self.truthy:
            return "fact"
        factualities = {e.factuality for e in self.evidence}
        if factualities == {Factuality.NEGATED}:
            return "negated"
        if Factuality.ACTUAL not in factualities:
            return "potential"
        return "claim"

    @property
    def documents(self) -> set[str]:
        return {e.document for e in self.evidence}

    @property
    def dates(self) -> list[str]:
        return sorted({e.date for e in self.evidence if e.date})


@dataclass
class Network:
    """Actors and the edges between them."""

    actors: dict[str, Actor]
    edges: dict[tuple[str, str, str], Edge]

    def actor(self, iri: str) -> Actor:
        return self.actors.get(iri) or Actor(iri, iri.rsplit("/", 1)[-1])

    def nodes(self) -> set[str]:
        return {e.subject for e in self.edges.values()} | {e.object for e in self.edges.values()}


def read_network(store: Store) -> Network:
    """Every actor and every aggregated edge in the store."""
    actors: dict[str, Actor] = {}
    for row in store.query(ACTOR_QUERY):
        iri = row["a"].value
        actors[iri] = Actor(
            iri=iri,
            label=row["label"].value,
            type=row["type"].value.removeprefix(KG) if row["type"] is not None else "Actor",
            aliases=row["alts"].value if row["alts"] is not None else "",
            wikidata=row["wikidata"].value if row["wikidata"] is not None else "",
        )
    edges: dict[tuple[str, str, str], Edge] = {}
    for row in store.query(EDGE_QUERY):
        key = (row["s"].value, row["p"].value.removeprefix(KG), row["o"].value)
        asserted_by = None
        if row["attr"] is not None:
            asserted_by = row["attrLabel"].value if row["attrLabel"] is not None else "an unnamed source"
        edges.setdefault(key, Edge(*key)).evidence.append(
            Evidence(
                sentence=row["text"].value,
                document=row["doc"].value,
                title=row["title"].value if row["title"] is not None else row["doc"].value.rsplit("/", 1)[-1],
                date=row["date"].value if row["date"] is not None else None,
                factuality=Factuality.from_iri(row["f"].value),
                asserted_by=asserted_by,
            )
        )
    for row in store.query(CORROBORATION_QUERY):
        edge = edges.get((row["s"].value, row["p"].value.removeprefix(KG), row["o"].value))
        if edge is not None:
            edge.document_count, edge.asserted_count = int(row["n"].value), int(row["m"].value)
    for edge in edges.values():  # a store written before counts were materialised
        edge.document_count = edge.document_count or len(edge.documents)
    return Network(actors, edges)


def find_actor(network: Network, name: str) -> str | None:
    """The IRI of the actor a user means: by label or alias, case-insensitive; None if unknown."""
    wanted = name.strip().lower()
    for actor in network.actors.values():
        if actor.label.lower() == wanted or actor.iri.rsplit("/", 1)[-1] == wanted:
            return actor.iri
    for actor in network.actors.values():
        if wanted in (a.strip().lower() for a in actor.aliases.split(";")):
            return actor.iri
    return None


def select(
    network: Network,
    include_claims: bool = True,
    factualities: tuple[str, ...] = tuple(Factuality),
    relation_names: tuple[str, ...] = (),
    since: date | None = None,
    until: date | None = None,
    min_docs: int = 1,
    focus: str | None = None,
    depth: int = 1,
    max_nodes: int | None = None,
) -> Network:
    """The part of a network an analyst asked for. Evidence outside the date range, of another
    factuality, or not stated as fact by the article itself (without ``include_claims``) is dropped
    first; an edge with no evidence left goes. ``focus`` is an actor IRI (see :func:`find_actor`)."""
    edges: dict[tuple[str, str, str], Edge] = {}
    for key, edge in network.edges.items():
        if relation_names and edge.relation not in relation_names:
            continue
        evidence = [
            e
            for e in edge.evidence
            if (include_claims or e.truthy)
            and e.factuality in factualities
            and (since is None or (e.date and e.date >= since.isoformat()))
            and (until is None or (e.date and e.date <= until.isoformat()))
        ]
        if not evidence:
            continue
        kept = Edge(*key, evidence=evidence)
        whole = len(evidence) == len(edge.evidence)
        # The store's counts hold for the whole edge; a narrowed edge counts its own documents.
        kept.document_count = edge.document_count if whole else len(kept.documents)
        kept.asserted_count = edge.asserted_count if whole else len({e.document for e in evidence if e.truthy})
        if (kept.document_count if include_claims else kept.asserted_count) >= min_docs:
            edges[key] = kept
    selected = Network(network.actors, edges)
    if focus is not None:
        graph = nx.Graph()
        graph.add_edges_from((e.subject, e.object) for e in edges.values())
        near = set(nx.single_source_shortest_path_length(graph, focus, cutoff=depth)) if focus in graph else {focus}
        selected.edges = {k: e for k, e in edges.items() if e.subject in near and e.object in near}
    if max_nodes is not None and len(selected.nodes()) > max_nodes:
        ranking = centrality(selected)
        keep = set(sorted(ranking, key=lambda n: (-ranking[n], n))[:max_nodes])
        if focus is not None:
            keep = set(sorted(keep | {focus}, key=lambda n: (n != focus, -ranking.get(n, 0), n))[:max_nodes])
        selected.edges = {k: e for k, e in selected.edges.items() if e.subject in keep and e.object in keep}
    return selected


@dataclass(frozen=True)
class DateCoverage:
    """What a date range does to a network's documents: how many it keeps, and why it drops the others."""

    documents: int
    undated: int  # no date: a range cannot place them, so it leaves them out
    outside: int  # dated before --since or after --until

    @property
    def kept(self) -> int:
        return self.documents - self.undated - self.outside

    def describe(self, since: date | None, until: date | None) -> str:
        """One line for stderr: ``--since 2019-01-01 left out 3 undated documents (...) ...``."""
        asked = " ".join(f"--{n} {d.isoformat()}" for n, d in (("since", since), ("until", until)) if d)
        parts = []
        if self.undated:
            parts.append(f"{_documents(self.undated)} without a date (a date range keeps only dated articles)")
        if self.outside:
            parts.append(f"{_documents(self.outside)} dated outside the range")
        return f"{asked} left out {' and '.join(parts)}; {self.kept} of {_documents(self.documents)} kept"


def _documents(n: int) -> str:
    return f"{n:,} document{'s' if n != 1 else ''}"


def date_coverage(network: Network, since: date | None = None, until: date | None = None) -> DateCoverage:
    """How many of the network's documents are undated, and how many are dated outside [since, until]."""
    dates: dict[str, str | None] = {}
    for edge in network.edges.values():
        for evidence in edge.evidence:
            dates[evidence.document] = dates.get(evidence.document) or evidence.date
    undated = sum(1 for d in dates.values() if not d)
    outside = sum(
        1
        for d in dates.values()
        if d and ((since is not None and d < since.isoformat()) or (until is not None and d > until.isoformat()))
    )
    return DateCoverage(documents=len(dates), undated=undated, outside=outside)


def centrality(network: Network) -> dict[str, float]:
    """Degree centrality of every actor with an edge: what the view sizes nodes by, and ranks by."""
    graph = nx.Graph()
    graph.add_edges_from((e.subject, e.object) for e in network.edges.values())
    return nx.degree_centrality(graph) if graph.number_of_nodes() > 1 else dict.fromkeys(graph.nodes, 1.0)


def to_networkx(network: Network) -> nx.MultiDiGraph:
    """The network as a networkx MultiDiGraph: nodes carry label and type; edges carry relation,
    family, tie and sign (+1 positive tie, -1 negative, 0 neutral), truthy, style and document count."""
    graph = nx.MultiDiGraph()
    for node in sorted(network.nodes()):  # a set: sorted, so seeded samples are the same in every process
        actor = network.actor(node)
        graph.add_node(node, label=actor.label, type=actor.type)
    for edge in network.edges.values():
        graph.add_edge(
            edge.subject,
            edge.object,
            key=edge.relation,
            relation=edge.relation,
            family=edge.family,
            tie=edge.tie,
            sign=SIGN.get(edge.tie, 0),
            symmetric=edge.symmetric,
            truthy=edge.truthy,
            style=edge.style,
            documents=edge.document_count,
        )
    return graph
