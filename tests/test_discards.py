"""Discard rules: sport, entertainment and business text gives no political statement (kg.discards).

Sentences written for these tests. Each discarded one is checked against the same extractor with an
empty discard list, so the test shows the sentence would otherwise give a statement.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kg.discards import Discard, Discards, default_discards, load_discards, words
from kg.documents import from_text
from kg.errors import KgError
from kg.rules import RuleExtractor
from kg.sentences import split
from kg.vocabulary import data_path

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def extractors() -> tuple[RuleExtractor, RuleExtractor]:
    """The default extractor, and one without discards."""
    return RuleExtractor(), RuleExtractor(discards=Discards([]))


def statements(extractor: RuleExtractor, text: str) -> set[tuple[str, str, str]]:
    found = extractor.extract(split(from_text(text, doc_id="discards-test"))).statements
    return {(s.subject.label, s.relation, s.object.label) for s in found}


DISCARDED = [
    ("cricket score", "Jacques Kallis helped South Africa to 300 against India in the cricket Test.",
     {("Jacques Kallis", "supports", "South Africa")}),
    ("film premiere", "Sony Pictures backed Warner Bros at the premiere of the film in Beijing.",
     {("Sony Pictures", "supports", "Warner Bros")}),
    ("quarterly earnings", "Toyota backed Honda as both carmakers reported quarterly earnings.",
     {("Toyota", "supports", "Honda")}),
]  # fmt: skip


@pytest.mark.parametrize(("case", "text", "without_discards"), DISCARDED, ids=[c[0] for c in DISCARDED])
def test_sport_entertainment_and_business_sentences_give_no_statement(extractors, case, text, without_discards):
    default, bare = extractors
    assert statements(bare, text) == without_discards
    assert statements(default, text) == set()


KEPT = [
    ("stadium is no sport word", "Russia's attack on the stadium in Donetsk killed 12 Ukrainian soldiers.",
     {("Russia", "attacks", "Ukrainian military")}),
    ("election race", "In the election race, Hamas accused Fatah of fraud.", {("Hamas", "accuses", "Fatah")}),
    # Phoenix phrases kg drops (ontology/sources/discards_curated.tsv): each would discard these
    ("marathon talks", "After marathon talks in Minsk, Russia agreed with Ukraine on a ceasefire.",
     {("Russia", "agreesWith", "Ukraine")}),
    ("a year", "Turkey has backed the rebels since 2011.", {("Turkey", "supports", "rebels")}),
    ("third round of talks", "The third round of talks between Russia and Ukraine ended in Istanbul.",
     {("Russia", "meetsWith", "Ukraine")}),
    ("runner-up of an election", "Opposition leader Raila Odinga, the runner-up in the election, accused "
     "Kenya's government of fraud.", {("Raila Odinga", "accuses", "Kenyan government")}),
    ("Ebola", "The United States deployed troops to Liberia to fight Ebola.",
     {("United States", "deploysTo", "Liberia")}),
]  # fmt: skip


@pytest.mark.parametrize(("case", "text", "expected"), KEPT, ids=[c[0] for c in KEPT])
def test_political_sentences_with_words_that_resemble_sport_keep_their_statements(extractors, case, text, expected):
    default, bare = extractors
    found = statements(default, text)
    assert found == statements(bare, text)  # the discards change nothing here
    assert expected <= found


def test_a_story_discard_drops_the_whole_document(extractors):
    default, bare = extractors
    political = "Morocco accused Algeria of blocking the team's flight."
    story = f"Morocco's goalkeeper was named man of the match.\n\n{political}"
    assert statements(default, political) == {("Morocco", "accuses", "Algeria")}
    assert statements(bare, story) == {("Morocco", "accuses", "Algeria")}
    assert statements(default, story) == set()
    assert default.discards.document_reason(split(from_text(story, doc_id="story"))) == "goalkeeper"


def test_a_discarded_sentence_still_names_actors_for_the_next(extractors):
    default, _ = extractors
    text = "Al-Shabab fighters watched a football match in Mogadishu. The group attacked Kenya's army on Monday."
    assert statements(default, text) == {("al-Shabab", "attacks", "Kenyan military")}


def entry(phrase: str, scope: str = "sentence", stem: bool = True) -> Discard:
    return Discard(phrase, scope, stem, tuple(words(phrase)))


@pytest.mark.parametrize(
    ("phrase", "stem", "text", "matched"),
    [
        ("cricket", True, "The CRICKETERS arrived.", True),  # case-insensitive; a stem goes on
        ("cricket", True, "A non-cricket story.", True),  # hyphens separate words
        ("cricket", True, "Ticket sales rose.", False),  # from a word boundary only
        ("premiere", True, "The premier visited Kyiv.", False),
        ("premiere", True, "The film premiered in Cannes.", True),
        ("semi-final", True, "They lost the semi final.", True),
        ("women's doubles", True, "She won the women’s doubles.", True),  # typographic apostrophe
        ("group a", False, "Group A: Spain, Italy.", True),
        ("group a", False, "The group attacked.", False),  # a word phrase ends at a word boundary
        ("run lead", False, "The Hamas-run leadership said so.", False),
        ("run lead", True, "The Hamas-run leadership said so.", True),
        ("world cup", True, "Before the World Cups began.", True),  # the last word of a stem phrase goes on
        ("world cup", True, "The world's cupboards.", False),  # earlier words do not
    ],
)
def test_matching_follows_the_phoenix_format(phrase, stem, text, matched):
    assert (Discards([entry(phrase, stem=stem)]).match(text) is not None) is matched


def test_sentence_and_document_reasons_name_the_phrase():
    discards = Discards([entry("tennis"), entry("wimbledon", "story")])
    sentences = split(from_text("Britain backed France.\n\nThe tennis final was at Wimbledon.", doc_id="d"))
    assert [discards.sentence_reason(s.span) for s in sentences] == [None, "tennis"]
    assert discards.document_reason(sentences) == "wimbledon"
    assert discards.document_reason(sentences[:1]) is None


def test_the_shipped_list_keeps_the_phoenix_scopes_and_kgs_decisions():
    discards = default_discards()
    by_phrase = {e.phrase: e for e in discards.entries}
    assert by_phrase["cricket"].scope == "sentence" and by_phrase["goalkeeper"].scope == "story"
    assert by_phrase["group b"].stem is False  # 'GROUP B_' in Phoenix
    assert by_phrase["world cup"].scope == "sentence"  # a name: kg moved it from story to sentence
    assert "marathon" not in by_phrase and "2011" not in by_phrase and "years ago" not in by_phrase
    assert "quarterly earnings" in by_phrase


def test_discards_tsv_carries_out_every_curated_decision():
    """discards.tsv is generated; a curated row edited without running scripts/import_discards.py shows here."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import import_discards
    finally:
        sys.path.pop(0)
    shipped = {e.phrase: e for e in default_discards().entries}
    for phrase, scope, match, _reason in import_discards.curated():
        if scope == "drop":
            assert phrase not in shipped, phrase
        else:
            assert (shipped[phrase].scope, shipped[phrase].stem) == (scope, match == "stem"), phrase
    assert "Copyright (c) 2014 Open Event Data" in data_path("lexicon/discards.tsv").read_text()


def test_a_malformed_discard_file_is_one_clear_error(tmp_path):
    path = tmp_path / "discards.tsv"
    path.write_text("phrase\tscope\tmatch\tsource\ncricket\tgame\tstem\tkg\n", encoding="utf-8")
    with pytest.raises(KgError, match=r"discards.tsv:2: scope must be"):
        load_discards(path)
