"""The words that signal relations, factuality and attribution, read from ontology/lexicon/.

Kept as data so that covering a new verb or a new cue is an edit to a TSV file, checked
against the ontology when it is loaded (a trigger for an unknown relation is an error).

Two trigger files: relations.tsv, kept by hand, and cameo.tsv, generated from the field's CAMEO
verb dictionary by scripts/import_cameo.py. The hand lexicon wins: a CAMEO entry is not loaded
when relations.tsv has the same kind and word; when it extends a verb relations.tsv has ("push out",
"send jets" beside the hand "push" and "send"), since a matching extension would replace the hand
reading; or when its object noun is one of the hand lexicon's event nouns (the event-noun rule
reads "impose sanctions on X" through the noun). A CAMEO verb the hand lexicon reads as another relation
is kept as a second sense, read only when the verb's object is a thing of an actor, not an actor
("welcomed the delegation" is a meeting, "welcomed Ethiopia's decision" support). Nor is a CAMEO verb
that cues.tsv lists as a factuality or attribution cue ("plan", "seek", "claim", "fail"): CAMEO codes
"plans to attack" as an intent to cooperate, where kg reads the attack and marks it potential.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from pathlib import Path

from kg.errors import KgError
from kg.vocabulary import ACTOR_TYPES, data_path, relations

TRIGGER_KINDS = ("verb", "noun", "hyphen", "role")
#: Kinds of the generated CAMEO file: verbs, and verbs with the head noun of their direct object.
CAMEO_KINDS = ("verb", "verbnoun")
#: Cue kinds that govern another predicate; a CAMEO verb that is one of them is not a trigger.
GOVERNING_CUES = ("report", "belief", "deny", "potential", "negator", "attempt")
CUE_KINDS = (
    "report", "belief", "deny", "potential", "negator", "attempt", "modal", "source", "source-adv",
    "light", "measure", "receive", "military", "partitive", "target", "coref", "help", "with", "fallback", "placenoun",
    "subject-control", "yield", "frame", "mediation", "halt", "document", "relational", "claim", "patient", "give",
    "weapon", "broker", "mass", "office", "protest", "crowd", "travel", "ongoing",
    "figurative", "respond", "responsible", "speaks-for", "visit", "venue", "direction", "protest-act", "speech",
    "suffer", "demand", "keep", "installation", "breach", "composed", "own-noun", "naming", "censure", "accident",
    "land", "blame", "abstract", "victim", "rank", "hinder", "exchange", "captive", "armed-move", "instrument",
    "refuge", "property", "vow", "mutual", "affiliation", "place-ref", "shelter", "state-title", "presence", "patrol",
)  # fmt: skip


@dataclass(frozen=True)
class Trigger:
    """One way of expressing a relation: the relation, and the prepositions that introduce its object;
    for a CAMEO entry (or a hand entry CAMEO also has) its CAMEO event code and PLOVER type, which
    GDELT and ICEWS users join on."""

    relation: str
    preps: tuple[str, ...]
    preps_only: bool = False
    reverse: bool = False
    cameo: str = ""
    plover: str = ""


@dataclass
class Lexicon:
    """Triggers by kind and word, and cue words by kind."""

    triggers: dict[str, dict[str, list[Trigger]]] = field(default_factory=lambda: defaultdict(dict))
    cues: dict[str, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))

    def __post_init__(self) -> None:
        self._heads: dict[str, frozenset[str]] = {}
        #: token_cue's answers by (kind, word, lemma): rules ask it of the same words many times a sentence
        self._token_cues: dict[tuple[str, str, str], bool] = {}

    def heads(self, kind: str) -> frozenset[str]:
        """The single words a trigger of a kind can hinge on: a verb's first word ('call' of 'call on'),
        a noun's last ('fire' of 'cease-fire'). Lets the rules skip tokens that cannot be triggers."""
        if kind not in self._heads:
            keys = self.triggers[kind]
            if kind == "verb":  # a verb whose object noun makes it a trigger counts too ('impose' of 'impose curfew')
                self._heads[kind] = frozenset(k.split()[0] for k in [*keys, *self.triggers["verbnoun"]])
            else:
                self._heads[kind] = frozenset(k.replace("-", " ").split()[-1] for k in keys)
        return self._heads[kind]

    def may_trigger(self, kind: str, token) -> bool:
        """Whether any form of the token is a word some trigger of the kind hinges on."""
        heads = self.heads(kind)
        return any(form in heads for form in word_forms(token.text, token.lemma_))

    def trigger(self, kind: str, word: str) -> list[Trigger]:
        return self.triggers[kind].get(word.lower(), [])

    def cue(self, kind: str, word: str) -> bool:
        return word.lower() in self.cues[kind]

    def cue_value(self, kind: str, word: str) -> str | None:
        return self.cues[kind].get(word.lower())

    def token_trigger(self, kind: str, token, prefix: str = "", suffix: str = "") -> list[Trigger]:
        """Triggers for a token under any of its candidate lemmas (see :func:`word_forms`)."""
        for form in word_forms(token.text, token.lemma_):
            found = self.trigger(kind, f"{prefix}{form}{suffix}".strip())
            if found:
                return found
        return []

    def verbnoun_trigger(self, verb, noun, particle: str = "") -> list[Trigger]:
        """Triggers of a verb with the head noun of its object ('imposed a curfew'), any forms of both."""
        for verb_form in word_forms(verb.text, verb.lemma_):
            for noun_form in word_forms(noun.text, noun.lemma_):
                found = self.triggers["verbnoun"].get(" ".join(filter(None, (verb_form, particle, noun_form))))
                if found:
                    return found
        return []

    def pattern_trigger(self, verb: str, noun) -> list[Trigger]:
        """Triggers of a verb lemma's pattern with a noun token ('give' + 'weapons'), any forms of the noun."""
        for noun_form in word_forms(noun.text, noun.lemma_):
            found = self.triggers["verbnoun"].get(f"{verb} {noun_form}")
            if found:
                return found
        return []

    def token_cue(self, kind: str, token) -> bool:
        """Whether a token is a cue of a kind under any of its candidate lemmas."""
        key = (kind, token.text, token.lemma_)
        known = self._token_cues.get(key)
        if known is None:
            known = self._token_cues[key] = any(form in self.cues[kind] for form in word_forms(key[1], key[2]))
        return known


@lru_cache(maxsize=65536)
def word_forms(word: str, lemma: str) -> tuple[str, ...]:
    """Candidate lemmas of a word: the tagger's lemma, the word, and plain de-inflections.

    The small model's lemmatizer errs on rarer verbs ("waged" -> "wag"); trying "wage" as well
    makes the lexicon robust to that without listing inflected forms.
    """
    word, lemma = word.lower(), lemma.lower()
    forms = [lemma, word]
    for suffix, replacements in (
        ("ied", ("y",)),
        ("ies", ("y",)),
        ("ed", ("", "e")),
        ("ing", ("", "e")),
        ("es", ("", "e")),
        ("s", ("",)),
    ):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            forms += [stem + r for r in replacements]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                forms.append(stem[:-1])
    for prefix in ("re", "over", "out"):  # 'retook', 'overran': the lemmatizer knows 'took', not 'retook'
        rest = word.removeprefix(prefix)
        if rest != word and rest in IRREGULAR:
            forms.append(prefix + IRREGULAR[rest])
    return tuple(dict.fromkeys(forms))


#: Irregular past forms, for the prefixed verbs the lemmatizer leaves alone ('retook' -> 'retake')
IRREGULAR = {
    "took": "take", "taken": "take", "ran": "run", "fought": "fight", "struck": "strike", "shot": "shoot",
    "sent": "send", "held": "hold", "won": "win", "drove": "drive", "driven": "drive",
    "threw": "throw", "thrown": "throw", "gave": "give", "given": "give", "built": "build", "sought": "seek",
}  # fmt: skip


def _rows(path: Path) -> list[tuple[int, list[str]]]:
    """Non-comment rows of a TSV file after its header, with line numbers for error messages."""
    rows = []
    with open(path, encoding="utf-8", newline="") as handle:
        lines = [(n, line) for n, line in enumerate(handle, 1) if line.strip() and not line.startswith("#")]
    for (number, _), row in zip(lines[1:], csv.reader((line for _, line in lines[1:]), delimiter="\t"), strict=True):
        rows.append((number, row))
    return rows


def _preps(text: str) -> tuple[str, ...]:
    return tuple(p for p in text.split(",") if p and p != "-")


def _cameo_rows(path: Path, known) -> list[tuple[str, str, str, Trigger]]:
    """(kind, lemma, noun, trigger) of each row of the generated CAMEO file, checked like the hand file."""
    found = []
    for number, row in _rows(path):
        if len(row) != 8:
            raise KgError(f"{path}:{number}: expected 8 tab-separated columns, found {len(row)}")
        relation, kind, lemma, noun, preps, objects, code, plover = (c.strip() for c in row)
        if relation not in known:
            raise KgError(f"{path}:{number}: {relation!r} is not a relation of the ontology")
        if kind not in CAMEO_KINDS or (kind == "verbnoun") == (noun == "-"):
            raise KgError(f"{path}:{number}: kind must be 'verb' or (with a noun) 'verbnoun', not {kind!r}")
        if objects not in ("both", "preps"):
            raise KgError(f"{path}:{number}: objects must be 'both' or 'preps', not {objects!r}")
        trigger = Trigger(relation, _preps(preps), objects == "preps", False, code, plover)
        found.append((kind, lemma.lower(), "" if noun == "-" else noun.lower(), trigger))
    return found


def _hand_rows(path: Path, known) -> list[tuple[str, str, Trigger]]:
    """(kind, word, trigger) of each row of the hand lexicon relations.tsv."""
    found = []
    for number, row in _rows(path):
        if len(row) != 5:
            raise KgError(f"{path}:{number}: expected 5 tab-separated columns, found {len(row)}")
        relation, kind, word, preps, objects = (c.strip() for c in row)
        if relation not in known:
            raise KgError(f"{path}:{number}: {relation!r} is not a relation of the ontology")
        if kind not in TRIGGER_KINDS:
            raise KgError(f"{path}:{number}: unknown trigger kind {kind!r}")
        if objects not in ("both", "preps", "reverse") or (objects == "reverse" and kind != "hyphen"):
            raise KgError(
                f"{path}:{number}: objects must be 'both', 'preps' or (for hyphen) 'reverse', not {objects!r}"
            )
        found.append((kind, word.lower(), Trigger(relation, _preps(preps), objects == "preps", objects == "reverse")))
    return found


def _read_cues(path: Path, lexicon: Lexicon) -> None:
    for number, row in _rows(path):
        kind, word, value = [*row, "", ""][:3]
        if kind not in CUE_KINDS:
            raise KgError(f"{path}:{number}: unknown cue kind {kind!r}")
        if kind == "coref" and value not in ACTOR_TYPES:
            raise KgError(f"{path}:{number}: coref cue needs an actor type, not {value!r}")
        lexicon.cues[kind][word.lower()] = value


def _add_triggers(lexicon: Lexicon, hand: list[tuple[str, str, Trigger]], imported) -> None:
    """The hand triggers (with the CAMEO code of the same word and relation, where CAMEO has one),
    then the CAMEO entries the hand lexicon leaves room for (see the module docstring)."""
    codes = {(kind, lemma, t.relation): t for kind, lemma, noun, t in imported if not noun}
    for kind, word, trigger in hand:
        code = codes.get((kind, word, trigger.relation))
        if code is not None:
            trigger = replace(trigger, cameo=code.cameo, plover=code.plover)
        lexicon.triggers[kind].setdefault(word, []).append(trigger)
    hand_keys = {(kind, word) for kind, word, _ in hand}
    hand_verbs = {word for kind, word, _ in hand if kind == "verb"}
    event_nouns = set(lexicon.triggers["noun"])
    hand_relations = {(kind, word, t.relation) for kind, word, t in hand}
    for kind, lemma, noun, trigger in imported:
        other_reading = (kind, lemma, trigger.relation) not in hand_relations
        if kind == "verb" and not noun and (kind, lemma) in hand_keys and other_reading:
            lexicon.triggers["sense"].setdefault(lemma, []).append(trigger)  # 'welcomed X's decision': support
        if (kind, lemma) in hand_keys or ((noun or " " in lemma) and lemma.split()[0] in hand_verbs):
            continue
        if not noun:
            if not any(lemma in lexicon.cues[cue] for cue in GOVERNING_CUES):
                lexicon.triggers[kind].setdefault(lemma, []).append(trigger)
        elif not event_nouns & set(word_forms(noun, noun)):
            lexicon.triggers["verbnoun"].setdefault(f"{lemma} {noun}", []).append(trigger)


def load_lexicon(directory: Path | None = None, cameo: bool = True) -> Lexicon:
    """Read relations.tsv, cues.tsv and cameo.tsv (unless ``cameo`` is false: measuring what the
    import adds), checking every entry against the ontology."""
    directory = directory or data_path("lexicon")
    known = relations()
    lexicon = Lexicon()
    hand = _hand_rows(directory / "relations.tsv", known)
    _read_cues(directory / "cues.tsv", lexicon)
    path = directory / "cameo.tsv"
    _add_triggers(lexicon, hand, _cameo_rows(path, known) if cameo and path.is_file() else [])
    return lexicon


@cache
def default_lexicon() -> Lexicon:
    """The shipped lexicon, loaded once per process."""
    return load_lexicon()
