"""Each construction the extractor handles, on sentences written for these tests (not gold ones).

They run the real spaCy pipeline. A statement is written as
(subject label, relation, object label, factuality, attributed-to label or 'source' or None).
"""

from __future__ import annotations

import pytest

from kg.pipeline import extract
from kg.sentences import load_pipeline
from kg.statements import SOURCE
from tests.conftest import triples

CASES = [
    ("active voice", "Iran supports Hezbollah.", ("Iran", "supports", "Hezbollah", "actual", None)),
    ("passive voice", "Hamas was attacked by Israel.", ("Israel", "attacks", "Hamas", "actual", None)),
    ("capital as metonym, denial", "Tehran denied it was arming the Houthis.",
     ("Iran", "supports", "Houthis", "negated", "Iran")),
    ("control verb, potential", "Egypt is planning to send troops to Libya.",
     ("Egypt", "deploysTo", "Libya", "potential", None)),
    ("unnamed source, demonym forces", "Israeli jets struck Hezbollah positions, reports say.",
     ("Israeli military", "attacks", "Hezbollah", "actual", SOURCE)),
    ("belief frame", "Turkey considers the SDF to be part of the PKK.",
     ("Syrian Democratic Forces", "partOf", "PKK", "actual", "Turkey")),
    ("X-backed Y", "Iranian-backed Houthis attacked Saudi Arabia.",
     {("Iran", "supports", "Houthis", "actual", None), ("Houthis", "attacks", "Saudi Arabia", "actual", None)}),
    ("relative clause", "The Taliban, which has fought the Afghan army for years, seized Kabul.",
     {("Taliban", "fights", "Afghan military", "actual", None), ("Taliban", "captures", "Kabul", "actual", None)}),
    ("light verb and modal", "Pakistan may launch strikes against the Taliban.",
     ("Pakistan", "attacks", "Taliban", "potential", None)),
    ("speaker's state as asserter", "Ukraine's foreign minister said Russia had shelled Kyiv.",
     ("Russia", "attacks", "Kyiv", "actual", "Ukraine")),
    ("vow is potential and the vower's claim, and a threat", "The Houthis vowed to attack Israel.",
     {("Houthis", "attacks", "Israel", "potential", "Houthis"), ("Houthis", "threatens", "Israel", "actual", None)}),
    ("event noun with demonym agent", "Russian airstrikes on Aleppo continued.",
     ("Russia", "attacks", "Aleppo", "actual", None)),
    ("according to, negation", "According to Reuters, Egypt will not send troops to Libya.",
     ("Egypt", "deploysTo", "Libya", "negated", "Reuters")),
    ("with the help of", "Iraqi troops advanced with the help of American airstrikes.",
     ("United States", "supports", "Iraqi military", "actual", None)),
    ("symmetric event noun between two sides", "A truce between Israel and Hamas held on Monday.",
     ("Israel", "agreesWith", "Hamas", "actual", None)),
    ("hyphenated pair", "The Israel-Hamas ceasefire collapsed.", ("Israel", "agreesWith", "Hamas", "actual", None)),
    ("X-held territory", "In Syria, rebels shelled government-held areas of Idlib province.",
     {("Syrian government", "controls", "Idlib province", "actual", None),
      ("rebels", "attacks", "Syrian government", "actual", None)}),
    ("coordinated subject with a possessive", "Iran and its Hezbollah allies oppose Israel.",
     ("Iran", "opposes", "Israel", "actual", None)),
    ("title before a name", "Russian President Vladimir Putin met Chinese leaders.",
     {("Vladimir Putin", "leads", "Russia", "actual", None),
      ("Vladimir Putin", "meetsWith", "Chinese government", "actual", None)}),
]  # fmt: skip


@pytest.mark.parametrize(("construction", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_construction(construction, text, expected):
    """The whole output of the sentence: a spurious statement fails as a missing one does."""
    assert triples(text) == (expected if isinstance(expected, set) else {expected})


def test_coordination_on_the_subject_side_gives_two_statements():
    found = triples("Russia and Iran support the Syrian government.")
    assert ("Russia", "supports", "Syrian government", "actual", None) in found
    assert ("Iran", "supports", "Syrian government", "actual", None) in found


def test_together_with_adds_a_partner():
    found = triples("Kenyan troops, together with Somali forces, attacked al-Shabab.")
    assert ("Kenyan military", "attacks", "al-Shabab", "actual", None) in found
    assert ("Somali military", "attacks", "al-Shabab", "actual", None) in found
    assert ("Kenyan military", "cooperatesWith", "Somali military", "actual", None) in found


def test_pronoun_and_definite_description_resolve_within_the_article():
    text = "Hezbollah fired rockets at Israel on Monday. The group said it would attack Israeli towns again."
    found = triples(text)
    assert ("Hezbollah", "attacks", "Israel", "actual", None) in found


def test_acronym_that_is_an_english_word_is_read_as_a_name():
    assert ("Iraqi military", "fights", "Islamic State", "actual", None) in triples("Iraqi troops are fighting IS.")


def test_truthy_only_for_actual_unattributed():
    statements = extract("Moscow denied it was bombing civilians. Iran supports Hezbollah.").statements
    by_relation = {s.relation: s for s in statements}
    assert by_relation["supports"].truthy
    assert not by_relation["attacks"].truthy


def test_nothing_for_a_sentence_without_actors():
    assert triples("The weather was cold and the markets were quiet.") == set()


def test_a_relation_to_a_non_actor_is_not_forced_into_a_statement():
    assert triples("Assad said he supported peace talks.") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fresh fighting in Aleppo with the help of Russian jets.", set()),  # whom Russia helps is not named
        ("Fresh Russian strikes on Aleppo.", {("Russia", "attacks", "Aleppo", "actual", None)}),
    ],
)
def test_verbless_sentences_terminate(text, expected):
    """Headline-like sentences whose root is a noun: the walk up the tree must stop at the root, and what
    the sentence says is found (its whole output)."""
    assert [t.pos_ for t in load_pipeline()(text) if t.dep_ == "ROOT"] == ["NOUN"], "no longer verbless"
    assert triples(text) == expected


def test_partner_found_wherever_the_parser_attaches_it():
    text = "Nigerian troops, together with Chadian soldiers, have pushed Boko Haram out of several towns."
    found = triples(text)
    assert ("Nigerian military", "attacks", "Boko Haram", "actual", None) in found


HEADLINES = [
    (
        "Russia Vows To Retaliate Against Ukraine",
        {("Russia", "attacks", "Ukraine", "potential", "Russia"), ("Russia", "threatens", "Ukraine", "actual", None)},
    ),
    ("Israel Strikes Hamas Targets in Gaza", {("Israel", "attacks", "Hamas", "actual", None)}),
    ("Kurds Close in on IS-held Syrian Town", {("Kurds", "attacks", "Islamic State", "actual", None)}),
]


@pytest.mark.parametrize(("headline", "expected"), HEADLINES, ids=[h for h, _ in HEADLINES])
def test_title_case_headlines(headline, expected):
    assert triples(headline) == expected


def test_headline_keeps_its_original_words():
    [statement] = extract("Israel Strikes Hamas Targets in Gaza").statements
    assert statement.sentence.text == "Israel Strikes Hamas Targets in Gaza"


def test_named_group_with_a_generic_noun_is_the_group():
    assert ("Hezbollah", "attacks", "Israel", "actual", None) in triples("Hezbollah fighters fired rockets at Israel.")
    assert ("Hezbollah", "attacks", "Israel", "actual", None) in triples("Hezbollah's fighters attacked Israel.")


def test_partners_share_the_clause_factuality():
    found = triples("Kenyan troops, together with Somali forces, may attack al-Shabab.")
    assert ("Kenyan military", "cooperatesWith", "Somali military", "potential", None) in found
    assert ("Somali military", "attacks", "al-Shabab", "potential", None) in found
