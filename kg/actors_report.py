"""``kg actors``: the actors of the store, how often the articles name them, and where each came from, so
that a user sees what kg knows and what to add to a gazetteer of their own (``--gazetteer``, kg.gazetteer).

Two sources, on purpose:

* The store (:func:`store_actors`, no spaCy): every actor some stored document mentions, with its type,
  IRI, Wikidata id, where kg got it (kg's gazetteer, the user's, a named entity whose type kg guessed, or
  a description such as "Syrian officials") and its counts: documents that mention it (in a statement or
  by a new spelling), statements it is the subject or object of, and claims attributed to it. An actor kg
  only guessed is a name that stayed unresolved against the gazetteers: the first thing to add.
* Texts (:func:`text_names`, spaCy): the store keeps evidence, not every name an article holds, so the
  names the extractor saw but made no actor of, and the names it would not resolve because several
  gazetteer actors share them ("Congolese"), are found by reading the articles again with the same
  extractor (``kg actors --text PATH``). That costs a parse but leaves the store's shape and the
  extraction alone; storing every unresolved span as document data would grow every graph for a report.

:func:`refresh_descriptions` brings the stored descriptions of a user's actors up to date (an actor kg had
stored as a guessed named entity gets the user's type, label, parent and Wikidata id).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from urllib.parse import unquote

from kg.agents import default_agents
from kg.errors import terminal_safe
from kg.gazetteer import USER_SOURCE, UserGazetteer, default_gazetteer, normalize, user_gazetteer
from kg.query import table
from kg.rdf import DOCUMENT_GRAPHS, WIKIDATA, actor_iri, actor_quads
from kg.store import Store, insert_data
from kg.vocabulary import ACTORS_GRAPH, KG

#: Where an actor came from, by its stored ``dcterms:source``: the named-entity and description actors
#: are kg's own makings (kg.mentions, kg.descriptions); every other source is a gazetteer.
GUESSED, DERIVED, USER, GAZETTEER = "guessed", "description", "user", "gazetteer"

ACTORS_QUERY = f"""
SELECT ?a (SAMPLE(?l) AS ?label) (SAMPLE(?t) AS ?type) (SAMPLE(?wd) AS ?wikidata) (SAMPLE(?src) AS ?source)
       (COUNT(DISTINCT ?g) AS ?documents) (COUNT(DISTINCT ?st) AS ?statements) (COUNT(DISTINCT ?claim) AS ?claims)
WHERE {{
  GRAPH ?g {{ {{ ?st rdf:subject ?a }} UNION {{ ?st rdf:object ?a }} UNION {{ ?claim kg:attributedTo ?a }}
             UNION {{ ?a skos:altLabel ?form }} }}
  FILTER(STRSTARTS(STR(?g), "{DOCUMENT_GRAPHS}"))
  GRAPH <{ACTORS_GRAPH}> {{
    ?a a kg:Actor ; rdfs:label ?l .
    OPTIONAL {{ ?a a ?t FILTER(?t != kg:Actor && STRSTARTS(STR(?t), STR(kg:))) }}
    OPTIONAL {{ ?a owl:sameAs ?wd }}
    OPTIONAL {{ ?a dcterms:source ?src }}
  }}
}} GROUP BY ?a
"""


@dataclass
class ActorRow:
    """One actor of the store and how much the stored articles say of it."""

    label: str
    type: str
    iri: str
    wikidata: str
    origin: str  # gazetteer, user, guessed (a named entity kg does not know), description
    source: str
    documents: int
    statements: int
    claims: int


def origin_of(source: str) -> str:
    if source == "ner":
        return GUESSED
    if source == "derived":
        return DERIVED
    return USER if source.startswith(USER_SOURCE) else GAZETTEER


def store_actors(store: Store) -> list[ActorRow]:
    """Every actor a stored document mentions, most documents first (then statements, then label)."""
    rows = []
    for row in store.query(ACTORS_QUERY):
        source = row["source"].value if row["source"] is not None else ""
        rows.append(
            ActorRow(
                label=row["label"].value,
                type=row["type"].value.removeprefix(KG) if row["type"] is not None else "Actor",
                iri=row["a"].value,
                wikidata=row["wikidata"].value.removeprefix(WIKIDATA) if row["wikidata"] is not None else "",
                origin=origin_of(source),
                source=source,
                documents=int(row["documents"].value),
                statements=int(row["statements"].value),
                claims=int(row["claims"].value),
            )
        )
    return sorted(rows, key=lambda r: (-r.documents, -r.statements, r.label.lower(), r.iri))


@dataclass
class NameRow:
    """A name the extractor met in some texts and made no gazetteer actor of."""

    name: str
    kind: str  # unresolved (no actor), ambiguous (several gazetteer actors), guessed (a new actor of a guessed type)
    mentions: int = 0
    documents: set[str] = field(default_factory=set)
    #: ambiguous: the labels of the actors the name could be; guessed: the type kg guessed
    candidates: str = ""
    example: str = ""

    def as_dict(self) -> dict:
        return {**asdict(self), "documents": len(self.documents)}


#: Named-entity labels that can name an actor (kg.mentions.NER_TYPES); dates, numbers and works cannot.
NAME_ENTITIES = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC")
EXAMPLE_CHARS = 160


def text_names(paths: Iterable[str | os.PathLike], on_skip=None) -> list[NameRow]:
    """The names in the articles under ``paths`` (files, folders, as kg ingest reads them) that the
    extractor did not resolve to a gazetteer actor: most mentioned first. Runs spaCy."""
    from kg.documents import Document, Inputs
    from kg.rules import RuleExtractor
    from kg.sentences import split

    extractor = RuleExtractor()
    gazetteer = extractor.gazetteer
    found: dict[tuple[str, str], NameRow] = {}

    def note(name: str, kind: str, doc_id: str, sentence: str, candidates: str = "") -> None:
        row = found.setdefault((kind, name), NameRow(name, kind, candidates=candidates))
        row.mentions += 1
        row.documents.add(doc_id)
        row.example = row.example or " ".join(sentence.split())[:EXAMPLE_CHARS]

    for item in Inputs(list(paths)):
        if not isinstance(item, Document):
            if on_skip:
                on_skip(item)
            continue
        sentences = split(item)
        context = extractor.context(sentences, item.author or item.publisher)
        for sentence in sentences:
            context.read(sentence.span)
            covered = set(context.mentions)
            for mention in {m.start: m for m in context.mentions.values()}.values():
                if mention.actor.source == "ner":
                    note(mention.actor.label, GUESSED, item.doc_id, sentence.text, mention.actor.type)
            for start, end in _name_spans(sentence.span):
                if covered & set(range(start, end)):
                    continue
                name = sentence.span.doc[start:end].text
                ids = gazetteer.ambiguous.get(name) or gazetteer.ambiguous.get(normalize(name))
                if ids:
                    labels = ", ".join(gazetteer[i].label for i in ids)
                    note(name, "ambiguous", item.doc_id, sentence.text, labels)
                else:
                    note(name, "unresolved", item.doc_id, sentence.text)
            context.end_sentence()
    return sorted(found.values(), key=lambda r: (-r.mentions, -len(r.documents), r.kind, r.name))


def _name_spans(span) -> list[tuple[int, int]]:
    """(start, end) of the named entities that can name an actor and of the runs of proper nouns outside
    them, without a leading 'the' or title or a trailing possessive: what a reader would call a name."""
    spans = []
    for ent in span.ents:
        if ent.label_ in NAME_ENTITIES:
            spans.append((ent.start, ent.end))
    in_entity = {i for start, end in spans for i in range(start, end)}
    run: list[int] = []
    for token in [*span, None]:
        proper = token is not None and token.pos_ == "PROPN" and token.i not in in_entity and token.is_alpha
        if proper and token.ent_type_ in ("", *NAME_ENTITIES):
            run.append(token.i)
            continue
        if run:
            spans.append((run[0], run[-1] + 1))
            run = []
    doc = span.doc
    agents = default_agents()
    trimmed = []
    for start, end in spans:  # 'the', and titles ('Ambassador', 'President'): agent nouns, no part of a name
        while start < end and (doc[start].lower_ == "the" or not doc[start].is_alpha or doc[start].lower_ in agents):
            start += 1
        while end > start and (doc[end - 1].tag_ == "POS" or not doc[end - 1].is_alpha):
            end -= 1
        if end > start and any(c.isalpha() for c in doc[start:end].text) and len(doc[start:end].text) > 1:
            trimmed.append((start, end))
    return sorted(set(trimmed))


def refresh_descriptions(store: Store, user: UserGazetteer | None = None) -> int:
    """Replace the stored descriptions of the user's actors that the store already has (and add their
    parents'), in one update: an actor stored before as a guessed named entity, or as kg's own entry,
    takes the user's type, label, parent and Wikidata id. ``kg ingest --gazetteer`` runs it before it
    reads anything; the articles themselves are extracted again because the fingerprint changed
    (kg.provenance). Returns how many descriptions were replaced."""
    user = user or user_gazetteer()
    if user is None:
        return 0
    gazetteer = default_gazetteer()
    ids = [a.id for a in user.actors]
    stored = _stored(store, ids)
    if not stored:
        return 0
    actors = {i: gazetteer[i] for i in stored}
    pending = [a.parent for a in actors.values()]
    while pending:  # parents the store has no description of yet, so that every partOf has a label
        parent = gazetteer.get(pending.pop())
        if parent is not None and parent.id not in actors:
            actors[parent.id] = parent
            pending.append(parent.parent)
    parents = [i for i in actors if i not in stored]
    known = {i: gazetteer[i].label for i in _stored(store, parents)}
    values = " ".join(f"<{actor_iri(i)}>" for i in stored)
    delete = (
        f"DELETE {{ GRAPH <{ACTORS_GRAPH}> {{ ?a ?p ?o }} }} "
        f"WHERE {{ VALUES ?a {{ {values} }} GRAPH <{ACTORS_GRAPH}> {{ ?a ?p ?o }} }}"
    )
    store.update(f"{delete} ;\n{insert_data(actor_quads(actors.values(), known=known))}")
    return len(stored)


def _stored(store: Store, ids: list[str]) -> list[str]:
    """Those of these actor ids that have a description in the store."""
    found: list[str] = []
    prefix = actor_iri("")
    for start in range(0, len(ids), 500):
        values = " ".join(f"<{actor_iri(i)}>" for i in ids[start : start + 500])
        rows = store.query(f"SELECT ?a WHERE {{ VALUES ?a {{ {values} }} GRAPH <{ACTORS_GRAPH}> {{ ?a a kg:Actor }} }}")
        found += [unquote(row["a"].value[len(prefix) :]) for row in rows]
    return found


# ---------------------------------------------------------------------- output
ACTOR_COLUMNS = ["label", "type", "origin", "documents", "statements", "claims", "wikidata", "iri"]
NAME_COLUMNS = ["name", "kind", "mentions", "documents", "candidates", "example"]


def actor_cells(row: ActorRow) -> list[str]:
    """A row for the terminal: text from articles is shown with control characters as escapes."""
    return [terminal_safe(str(getattr(row, c))) for c in ACTOR_COLUMNS]


def name_cells(row: NameRow) -> list[str]:
    return [terminal_safe(str(row.as_dict()[c])) for c in NAME_COLUMNS]


def report(actors: list[ActorRow], names: list[NameRow] | None = None) -> str:
    """The terminal reading: the actors, then (with texts) the names to consider adding."""
    lines = [f"Actors of the store ({len(actors)}), most mentioned first"]
    lines.append(table(ACTOR_COLUMNS, list(map(actor_cells, actors))))
    guessed = [a for a in actors if a.origin == GUESSED]
    if guessed:
        lines += [
            "",
            f"{len(guessed)} of them are names no gazetteer knows (origin 'guessed': a named entity whose type "
            "kg guessed); give them a type and a Wikidata id in a gazetteer of your own (kg ingest --gazetteer FILE).",
        ]
    if names is not None:
        lines += ["", "Names in the texts that no gazetteer actor resolves (most mentioned first)"]
        lines.append(table(NAME_COLUMNS, list(map(name_cells, names))) if names else "  (none)")
    return "\n".join(lines)
