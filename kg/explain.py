"""Why the extractor said what it said: ``kg extract --explain``.

For each sentence: the actors found and how each was resolved (gazetteer name, demonym, capital,
named entity, description), the trigger words and the relations they may express, the statements
and the construction that made each, and, for a trigger with no statement, what was missing (no
subject actor, no object actor, a discarded sentence). This is how users grow the dictionaries: a
missing actor wants a gazetteer entry or an agent noun, a missing trigger a lexicon row.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.documents import Document
from kg.rules import RuleExtractor, SentenceRules
from kg.sentences import split
from kg.statements import Statement


@dataclass
class Explanation:
    """What the extractor saw and did in one sentence."""

    text: str
    actors: list[dict] = field(default_factory=list)
    triggers: list[dict] = field(default_factory=list)
    statements: list[dict] = field(default_factory=list)
    #: one-sided events (kg.statements.Event): a trigger with an actor on one side only
    events: list[dict] = field(default_factory=list)
    discarded: str | None = None

    def as_dict(self) -> dict:
        return {
            "sentence": self.text,
            "actors": self.actors,
            "triggers": self.triggers,
            "statements": self.statements,
            "events": self.events,
            "discarded": self.discarded,
        }

    def lines(self) -> list[str]:
        """A terminal reading of the explanation."""
        out = [self.text]
        if self.discarded:
            out.append(f"  discarded: {self.discarded}")
        for actor in self.actors:
            out.append(f"  actor   {actor['text']!r} -> {actor['actor']} ({actor['type']}, {actor['how']})")
        for trigger in self.triggers:
            line = f"  trigger {trigger['word']!r} ({trigger['kind']}): {', '.join(trigger['relations'])}"
            if trigger.get("missing"):
                line += f"; no statement: {trigger['missing']}"
            out.append(line)
        for statement in self.statements:
            out.append(f"  => {statement['reading']}  [{statement['construction']}]")
        for event in self.events:
            out.append(f"  => {event['reading']}")
        if not self.triggers and not self.statements:
            out.append("  no trigger word")
        return out


def explain(document: Document, extractor: RuleExtractor | None = None) -> list[Explanation]:
    """Explanations of every sentence of a document, in order (the same run as extraction)."""
    extractor = extractor or RuleExtractor()
    sentences = split(document)
    context = extractor.context(sentences, document.author or document.publisher)
    discards = extractor.discarded_document(sentences)
    explanations = []
    for sentence in sentences:
        context.read(sentence.span)
        explanation = Explanation(sentence.text, discarded=discards or extractor.discarded_sentence(sentence))
        seen_starts: set[int] = set()
        for mention in sorted(context.mentions.values(), key=lambda m: m.start):
            if mention.start in seen_starts:
                continue
            seen_starts.add(mention.start)
            text = sentence.span.doc[mention.start : mention.end].text
            explanation.actors.append(
                {"text": text, "actor": mention.actor.label, "type": mention.actor.type, "how": mention.kind}
            )
        rules = SentenceRules(extractor, context, sentence)
        found = [] if explanation.discarded else rules.run()
        for token, kind, triggers in rules.candidates():
            entry = {"word": token.text, "kind": kind, "relations": sorted({t.relation for t in triggers})}
            if not any(s.trigger == token.text for s in found) and not explanation.discarded:
                entry["missing"] = rules.missing(token, kind, triggers)
            explanation.triggers.append(entry)
        events = [] if explanation.discarded else rules.one_sided_events()
        explanation.events = [{"reading": e.describe(), **e.as_dict()} for e in events]
        for statement in found:
            explanation.statements.append(_statement(statement))
            for actor in (statement.subject, statement.object):
                if all(a["actor"] != actor.label for a in explanation.actors):
                    explanation.actors.append(
                        {"text": actor.label, "actor": actor.label, "type": actor.type, "how": "description"}
                    )
        context.end_sentence()
        explanations.append(explanation)
    return explanations


def _statement(statement: Statement) -> dict:
    return {"reading": statement.describe(), "construction": statement.construction or "trigger", **statement.as_dict()}
