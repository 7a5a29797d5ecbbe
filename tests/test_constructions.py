"""Issue 3's list, one focused test per construction, attribution frame, factuality cue and actor rule,
each on a sentence written for this test (none is a gold sentence). Statements are written as
(subject label, relation, object label, factuality, attributed-to label or 'source' or None)."""

from __future__ import annotations

import pytest

from kg.pipeline import extract
from kg.statements import SOURCE
from tests.conftest import triples

GRAMMAR = [
    (
        "object coordination",
        "Israeli jets struck Hamas and Islamic Jihad on Sunday.",
        [
            ("Israeli military", "attacks", "Hamas", "actual", None),
            ("Israeli military", "attacks", "Palestinian Islamic Jihad", "actual", None),
        ],
    ),
    (
        "coordinated subjects with a modal",
        "Jordan and Egypt may launch joint operations against the Islamic State.",
        [
            ("Jordan", "attacks", "Islamic State", "potential", None),
            ("Egypt", "attacks", "Islamic State", "potential", None),
        ],
    ),
    (
        "apposition",
        "Hezbollah, the Iranian-backed militia, fired rockets at Israel.",
        [("Hezbollah", "attacks", "Israel", "actual", None)],
    ),
    (
        "relative clause on the object",
        "Turkey shelled the YPG, which controls Kobani.",
        [("Turkey", "attacks", "YPG", "actual", None), ("YPG", "controls", "Kobani", "actual", None)],
    ),
    (
        "X-led event",
        "US-led airstrikes hit the Islamic State in Mosul.",
        [("United States", "attacks", "Islamic State", "actual", None)],
    ),
    (
        "possessive pronoun member",
        "The Houthis and its Ansar Allah militia fought Saudi Arabia.",
        [("Houthis", "fights", "Saudi Arabia", "actual", None)],
    ),
    (
        "person's forces",
        "Haftar's forces attacked Tripoli.",
        [("Libyan National Army", "attacks", "Tripoli", "actual", None)],
    ),
    (
        "raising adjective",
        "Iran is ready to send troops to Syria.",
        [("Iran", "deploysTo", "Syria", "potential", None)],
    ),
    ("control verb", "Russia is planning to attack Ukraine.", [("Russia", "attacks", "Ukraine", "potential", None)]),
    ("clause negation", "Egypt did not attack Libya.", [("Egypt", "attacks", "Libya", "negated", None)]),
    ("never", "Jordan has never supported Hamas.", [("Jordan", "supports", "Hamas", "negated", None)]),
    ("no longer", "Qatar no longer funds Hamas.", [("Qatar", "supports", "Hamas", "negated", None)]),
    (
        "nominal: the X of Y by Z",
        "The bombardment of Gaza by Israel continued.",
        [("Israel", "attacks", "Gaza", "actual", None)],
    ),
    (
        "nominal: X's offensive against Y",
        "Turkey's offensive against the PKK continued.",
        [("Turkey", "attacks", "PKK", "actual", None)],
    ),
    (
        "nominal: talks between X and Y",
        "Talks between Russia and Ukraine resumed.",
        [("Russia", "meetsWith", "Ukraine", "actual", None)],
    ),
    (
        "nominal: the X-Y agreement",
        "The Egypt-Israel agreement held.",
        [("Egypt", "agreesWith", "Israel", "actual", None)],
    ),
]

ATTRIBUTION = [
    (
        "X said",
        "Iran attacked Israeli troops, Israel said.",
        ("Iran", "attacks", "Israeli military", "actual", "Israel"),
    ),
    ("claim", "Hamas claimed that Israel bombed Rafah.", ("Israel", "attacks", "Rafah", "actual", "Hamas")),
    ("report", "Turkish media reported that the PKK attacked Ankara.", ("PKK", "attacks", "Ankara", "actual", SOURCE)),
    ("accuse", "Ukraine accused Russia of shelling Kharkiv.", ("Ukraine", "accuses", "Russia", "actual", None)),
    ("deny", "The Taliban denied attacking Pakistan.", ("Taliban", "attacks", "Pakistan", "negated", "Taliban")),
    (
        "consider",
        "Washington considers Hezbollah part of the IRGC.",
        ("Hezbollah", "partOf", "Islamic Revolutionary Guard Corps", "actual", "United States"),
    ),
    ("believe", "Israel believes Iran arms the Houthis.", ("Iran", "supports", "Houthis", "actual", "Israel")),
    ("warn", "NATO warned that Russia could attack Moldova.", ("Russia", "attacks", "Moldova", "potential", "NATO")),
    (
        "according to",
        "According to Kenya, al-Shabab attacked Mandera.",
        ("al-Shabab", "attacks", "Mandera", "actual", "Kenya"),
    ),
    (
        "reports say",
        "Sudan's army shelled Omdurman, reports say.",
        ("Sudanese Armed Forces", "attacks", "Omdurman", "actual", SOURCE),
    ),
    (
        "it is claimed",
        "Russia bombed Idlib province, it is claimed.",
        ("Russia", "attacks", "Idlib province", "actual", SOURCE),
    ),
    ("officials said", "Hamas attacked Israel, officials said.", ("Hamas", "attacks", "Israel", "actual", SOURCE)),
    (
        "nested: nearest asserter",
        "Reuters reported that Egypt said Israel struck Gaza.",
        ("Israel", "attacks", "Gaza", "actual", "Egypt"),
    ),
]

POTENTIAL = {
    "plan": "Iran plans to attack Israel.",
    "intend": "Iran intends to attack Israel.",
    "vow": "Iran vowed to attack Israel.",
    "threaten": "Iran threatened to attack Israel.",
    "may": "Iran may attack Israel.",
    "might": "Iran might attack Israel.",
    "could": "Iran could attack Israel.",
    "would": "Iran would attack Israel.",
    "will": "Iran will attack Israel.",
    "ready to": "Iran is ready to attack Israel.",
    "seek to": "Iran seeks to attack Israel.",
    "attempt": "Iran attempted to attack Israel.",
}
NEGATED = {
    "deny": "Iran denied attacking Israel.",
    "not": "Iran did not attack Israel.",
    "never": "Iran never attacked Israel.",
    "no longer": "Iran no longer attacks Israel.",
    "refuse to": "Iran refused to attack Israel.",
}


@pytest.mark.parametrize(("name", "text", "expected"), GRAMMAR, ids=[g[0] for g in GRAMMAR])
def test_grammar(name, text, expected):
    found = triples(text)
    for statement in expected:
        assert statement in found, found


@pytest.mark.parametrize(("name", "text", "expected"), ATTRIBUTION, ids=[a[0] for a in ATTRIBUTION])
def test_attribution_frames(name, text, expected):
    assert expected in triples(text)


@pytest.mark.parametrize("cue", sorted(POTENTIAL))
def test_potential_cues(cue):
    assert {(s[0], s[1], s[2], s[3]) for s in triples(POTENTIAL[cue])} >= {("Iran", "attacks", "Israel", "potential")}


@pytest.mark.parametrize("cue", sorted(NEGATED))
def test_negation_cues(cue):
    assert {(s[0], s[1], s[2], s[3]) for s in triples(NEGATED[cue])} >= {("Iran", "attacks", "Israel", "negated")}


def test_a_denial_is_attributed_to_the_denier():
    assert ("Iran", "attacks", "Israel", "negated", "Iran") in triples("Tehran denied attacking Israel.")


def test_capital_acts_as_its_state_but_is_a_place_otherwise():
    assert ("Russia", "attacks", "Ukraine", "actual", None) in triples("Moscow attacked Ukraine.")
    found = triples("Thousands fled to Moscow after Ukraine attacked Moscow.")
    assert ("Ukraine", "attacks", "Moscow", "actual", None) in found
    assert all(s[2] != "Russia" for s in found)


def test_unknown_names_become_actors_of_a_guessed_type():
    [statement] = extract("The Zintan Brigade attacked Tripoli.").statements
    assert statement.subject.label == "Zintan Brigade" and statement.subject.type == "ArmedGroup"


def test_name_variants_merge_within_the_article():
    text = (
        "The Revolutionary Front for Azawad (RFA) attacked Mali's army. "
        "Later the RFA said it would attack Gao. Mr Diallo, an RFA commander, said the Front would win."
    )
    actors = {s.subject.label for s in extract(text).statements}
    assert actors == {"Revolutionary Front for Azawad"}, actors


def test_surname_refers_to_the_person_named_before():
    text = "Ethiopian Prime Minister Abiy Ahmed met Eritrea's president. Later Abiy attacked the TPLF."
    found = triples(text)
    assert ("Abiy Ahmed", "attacks", "Tigray People's Liberation Front", "actual", None) in found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Assad met Putin in Moscow. Later Assad said his country supports Hezbollah.",
            ("Syria", "supports", "Hezbollah", "actual", "Bashar al-Assad"),
        ),
        (
            "Al-Shabab attacked Mogadishu. The group also attacked Kenya.",
            ("al-Shabab", "attacks", "Kenya", "actual", None),
        ),
        (
            "The Wagner Group entered Mali. The militia attacked Malian troops.",
            ("Wagner Group", "attacks", "Malian military", "actual", None),
        ),
        (
            "Syria rejected the plan. The Syrian leader attacked Idlib.",
            ("Bashar al-Assad", "attacks", "Idlib", "actual", None),
        ),
        ("Hezbollah fired rockets. It later attacked Israel.", ("Hezbollah", "attacks", "Israel", "actual", None)),
    ],
    ids=["his country", "the group", "the militia", "the Syrian leader", "it"],
)
def test_coreference_within_an_article(text, expected):
    assert expected in triples(text)


def test_nothing_resolves_across_articles_except_through_the_gazetteer():
    assert triples("The group attacked Kenya.") == set()
