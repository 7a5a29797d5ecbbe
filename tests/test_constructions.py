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
    (
        "accuse",
        "Ukraine accused Russia of shelling Kharkiv.",
        {("Ukraine", "accuses", "Russia", "actual", None), ("Russia", "attacks", "Kharkiv", "actual", "Ukraine")},
    ),
    ("deny", "The Taliban denied attacking Pakistan.", ("Taliban", "attacks", "Pakistan", "negated", "Taliban")),
    (
        "consider",
        "Washington considers Hezbollah part of the IRGC.",
        ("Hezbollah", "partOf", "Islamic Revolutionary Guard Corps", "actual", "United States"),
    ),
    ("believe", "Israel believes Iran arms the Houthis.", ("Iran", "supports", "Houthis", "actual", "Israel")),
    (
        "X charged that (a clause of an accusation verb)",
        "Amnesty charged that Israeli troops killed civilians.",
        {
            ("Amnesty", "accuses", "Israeli military", "actual", None),
            ("Israeli military", "attacks", "civilians", "actual", "Amnesty"),
        },
    ),
    (
        "a person hurt by X who said is no statement of X",
        "A soldier wounded by Hamas gunmen said Israeli troops had shelled Gaza.",
        ("Israeli military", "attacks", "Gaza", "actual", SOURCE),
    ),
    (
        "a report by X said",
        "A report by Human Rights Watch said Egyptian police had tortured detainees.",
        ("Egyptian police", "attacks", "detainees", "actual", "Human Rights Watch"),
    ),
    (
        "X's report said",
        "Amnesty's report said Syrian troops shelled Aleppo.",
        ("Syrian Army", "attacks", "Aleppo", "actual", "Amnesty"),
    ),
    (
        "a statement issued by X said",
        "A report released by Amnesty International said Syrian troops shelled Aleppo.",
        ("Syrian Army", "attacks", "Aleppo", "actual", "Amnesty International"),
    ),
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


def test_possessive_pronoun_member():
    """'X and its Y': Y is part of X, and both act (the whole output of the sentence)."""
    assert triples("Hezbollah and its Radwan Force attacked Israel.") == {
        ("Hezbollah", "attacks", "Israel", "actual", None),
        ("Radwan Force", "attacks", "Israel", "actual", None),
        ("Radwan Force", "partOf", "Hezbollah", "actual", None),
    }


@pytest.mark.xfail(
    strict=True,
    reason="'Ansar Allah' is the Houthis' own name (a gazetteer alias), but 'its Ansar Allah militia' becomes a new "
    "actor 'Ansar Allah militia' that fights Saudi Arabia and is partOf the Houthis",
)
def test_possessive_pronoun_member_is_its_owner_by_another_name():
    """The whole output: one statement, since the militia named by the Houthis' other name is the Houthis."""
    assert triples("The Houthis and its Ansar Allah militia fought Saudi Arabia.") == {
        ("Houthis", "fights", "Saudi Arabia", "actual", None)
    }


@pytest.mark.parametrize(("name", "text", "expected"), ATTRIBUTION, ids=[a[0] for a in ATTRIBUTION])
def test_attribution_frames(name, text, expected):
    assert triples(text) == (expected if isinstance(expected, set) else {expected})


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
            {
                ("Bashar al-Assad", "meetsWith", "Vladimir Putin", "actual", None),
                ("Syria", "supports", "Hezbollah", "actual", "Bashar al-Assad"),
            },
        ),
        (
            "Al-Shabab attacked Mogadishu. The group also attacked Kenya.",
            {("al-Shabab", "attacks", "Mogadishu", "actual", None), ("al-Shabab", "attacks", "Kenya", "actual", None)},
        ),
        (
            "The Wagner Group entered Mali. The militia attacked Malian troops.",
            {
                ("Wagner Group", "deploysTo", "Mali", "actual", None),
                ("Wagner Group", "attacks", "Malian military", "actual", None),
            },
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
    assert triples(text) == (expected if isinstance(expected, set) else {expected})


def test_nothing_resolves_across_articles_except_through_the_gazetteer():
    assert triples("The group attacked Kenya.") == set()


# ---------------------------------------------------------------------------------------------------------------
# Issue 11: open-world actors and the constructions news is written in. Each case pins the WHOLE output of its
# sentence (spurious statements fail too); a construction not handled yet is an xfail(strict=True) case.

WHOLE = [
    (
        "accusation frame: the accused does what the accuser claims",
        "France accused Russia of arming the Wagner Group.",
        {
            ("France", "accuses", "Russia", "actual", None),
            ("Russia", "supports", "Wagner Group", "actual", "France"),
        },
    ),
    (
        "accusation frame with a victim",
        "Hamas accused Israel of killing civilians.",
        {("Hamas", "accuses", "Israel", "actual", None), ("Israel", "attacks", "civilians", "actual", "Hamas")},
    ),
    (
        "joining others in an act is cooperation, not membership",
        "Germany moved to join France and Britain in imposing sanctions on Iran.",
        {
            ("Germany", "cooperatesWith", "France", "actual", None),
            ("Germany", "cooperatesWith", "United Kingdom", "actual", None),
            ("Germany", "sanctions", "Iran", "actual", None),
        },
    ),
    (
        "negation stays in its own coordinated clause",
        "Iran did not attack Israel, and Hezbollah fired rockets at Israel.",
        {("Iran", "attacks", "Israel", "negated", None), ("Hezbollah", "attacks", "Israel", "actual", None)},
    ),
    (
        "coordinated subjects of a symmetric verb",
        "Kenya and Somalia met in Nairobi.",
        {("Kenya", "meetsWith", "Somalia", "actual", None)},
    ),
    (
        "a reported obligation is a request",
        "Kenya said Somalia must withdraw its troops.",
        {("Kenya", "requests", "Somalia", "actual", None)},
    ),
    (
        "a demand with a clausal object",
        "The European Union demanded that Belarus release the prisoners.",
        {("European Union", "requests", "Belarus", "actual", None)},
    ),
    (
        "an event noun as the object: its agent is the target",
        "Japan condemned the attack by the Taliban.",
        {("Japan", "accuses", "Taliban", "actual", None)},
    ),
    (
        "a possessed event noun as the object",
        "Japan condemned Russia's attack on Ukraine.",
        {("Japan", "accuses", "Russia", "actual", None), ("Russia", "attacks", "Ukraine", "actual", None)},
    ),
    (
        "a list introduced by 'including'",
        "NATO members, including France and Germany, condemned Russia.",
        {("France", "accuses", "Russia", "actual", None), ("Germany", "accuses", "Russia", "actual", None)},
    ),
    (
        "a role in apposition",
        "Moussa Diallo, a commander of the Malian army, visited Niger.",
        {
            ("Moussa Diallo", "leads", "Malian military", "actual", None),
            ("Moussa Diallo", "meetsWith", "Niger", "actual", None),
        },
    ),
    (
        "a role as a predicate",
        "Ali Khamenei is the supreme leader of Iran.",
        {("Ali Khamenei", "leads", "Iran", "actual", None)},
    ),
    (
        "a dash parenthesis reads as an apposition",
        "The rebels \u2014 a group backed by Iran \u2014 attacked the town.",
        {("Iran", "supports", "rebels", "actual", None)},
    ),
    (
        "U.S.-backed splits like US-backed",
        "U.S.-backed fighters captured Raqqa.",
        {
            ("United States", "supports", "militants", "actual", None),
            ("militants", "captures", "Raqqa", "actual", None),
        },
    ),
    (
        "typographic apostrophes",
        "Russia\u2019s army shelled Ukraine\u2019s positions.",
        {("Russian military", "attacks", "Ukraine", "actual", None)},
    ),
]


WHOLE += [
    (
        "a state's officials are its government",
        "Hungarian and Romanian officials agreed to cooperate.",
        {
            ("Hungarian government", "agreesWith", "Romanian government", "actual", None),
            ("Hungarian government", "cooperatesWith", "Romanian government", "potential", None),
        },
    ),
    (
        "a state's police and a population of a state",
        "Kenyan police arrested Somali traders.",
        {("Kenyan police", "coerces", "Somali traders", "actual", None)},
    ),
    (
        "authorities of a state, and an unowned group of this article",
        "Ethiopian authorities detained journalists.",
        {("Ethiopian government", "coerces", "journalists", "actual", None)},
    ),
    (
        "an agent noun owned 'in' a state",
        "Officials in Ghana criticised Togo.",
        {("Ghanaian government", "accuses", "Togo", "actual", None)},
    ),
    (
        "a quantity head names its 'of' phrase",
        "Thousands of Iraqi Kurds protested against Iraq.",
        {("Kurds", "accuses", "Iraq", "actual", None)},
    ),
    (
        "a head that stands for the name before it",
        "The Hamas movement rejected an Egyptian proposal.",
        {("Hamas", "rejects", "Egypt", "actual", None)},
    ),
    (
        "a frame verb takes the target of its clause",
        "Iran threatened to cut off electricity to Azerbaijan.",
        {("Iran", "threatens", "Azerbaijan", "actual", None)},
    ),
    (
        "a refusal takes the target of its clause and negates it",
        "Pakistan refused to meet India.",
        {("Pakistan", "rejects", "India", "actual", None), ("Pakistan", "meetsWith", "India", "negated", None)},
    ),
    (
        "what an object noun is aimed at",
        "Hungary threatened action against Serbia.",
        {("Hungary", "threatens", "Serbia", "actual", None)},
    ),
    (
        "the owner of an object noun",
        "Japan rejected a Chinese proposal.",
        {("Japan", "rejects", "China", "actual", None)},
    ),
    (
        "a recipient after 'to'",
        "Norway will supply arms to Ukraine.",
        {("Norway", "supports", "Ukraine", "potential", None)},
    ),
    (
        "a verb that carries out its event noun",
        "Chad completed its withdrawal from Mali.",
        {("Chad", "withdrawsFrom", "Mali", "actual", None)},
    ),
    (
        "a judged event keeps its own target",
        "Peru condemned the attack on Chile.",
        set(),
    ),
    (
        "an event noun after 'over' gives the verb its target",
        "Lebanon complained over Israeli air raids.",
        {("Lebanon", "accuses", "Israel", "actual", None)},
    ),
    (
        "a reported obligation with any verb of saying",
        "Britain reiterated that Libya must hand over the suspects.",
        {("United Kingdom", "requests", "Libya", "actual", None)},
    ),
    (
        "the subject pronoun of a reported clause is the reporter",
        "The Somali rebels said they would release two Kenyan soldiers.",
        {("Somali rebels", "concedesTo", "Kenyan military", "potential", "Somali rebels")},
    ),
    (
        "a reported 'it' is a singular reporter, not the last actor named",
        "Iraq, citing pressure from Syria, announced that it would expel the Iranian envoy.",
        {("Iraq", "sanctions", "Iran", "potential", "Iraq")},
    ),
    (
        "an armed act attempted is an act; any other act attempted is only potential",
        "Gunmen tried to kill Iraqi soldiers, and Iran attempted to meet Qatar.",
        {("militants", "attacks", "Iraqi military", "actual", None), ("Iran", "meetsWith", "Qatar", "potential", None)},
    ),
    (
        "an attempt named as a noun is only intended",
        "Any attempt by Chad to send troops to fight Boko Haram would be costly.",
        {("Chad", "fights", "Boko Haram", "potential", None)},
    ),
    (
        "a measure of an event noun takes its place in the clause",
        "Norway provided 300 tons of food aid to Yemen.",
        {("Norway", "supports", "Yemen", "actual", None)},
    ),
    (
        "a verb-noun pattern reads through a measure, and the indirect object receives",
        "Japan gave Jordan a grant of 20 million dollars.",
        {("Japan", "supports", "Jordan", "actual", None)},
    ),
    (
        "'the opposition' is an actor; an owned opposition group is described by its phrase",
        "The opposition accused the Kenyan government of fraud, and opposition groups in Uganda criticized Museveni.",
        {
            ("opposition", "accuses", "Kenyan government", "actual", None),
            ("Ugandan opposition groups", "accuses", "Yoweri Museveni", "actual", None),
        },
    ),
    (
        "an opposition to someone is the relation, not an actor",
        "Turkey's opposition to the YPG angered Washington.",
        {("Turkey", "opposes", "YPG", "actual", None)},
    ),
    (
        "a verb of receiving turns its object's event round: the 'from' phrase does it to the subject",
        "Mali received weapons from Russia, and the Kenyan president faced criticism from the African Union.",
        {("Russia", "supports", "Mali", "actual", None), ("African Union", "accuses", "Kenya", "actual", None)},
    ),
    (
        "what is sent decides the relation: arms are support, troops a deployment",
        "Iran sent a shipment of arms to the Houthis, while Chad sent troops to Niger.",
        {("Iran", "supports", "Houthis", "actual", None), ("Chad", "deploysTo", "Niger", "actual", None)},
    ),
    (
        "freeing people and lifting a restriction in a place are concessions",
        "The rebels freed two Kenyan soldiers, and Uganda lifted a curfew in Gulu.",
        {("rebels", "concedesTo", "Kenyan military", "actual", None), ("Uganda", "concedesTo", "Gulu", "actual", None)},
    ),
    (
        "'the president of X' is X's leader, not the last person named",
        "Putin offered to meet the president of Armenia.",
        {("Vladimir Putin", "meetsWith", "Armenia", "potential", None)},
    ),
    (
        "'they' after 'a group of X said' is the group",
        "A group of Ethiopian elders said they would forgive the Eritrean government.",
        {("Ethiopian elders", "supports", "Eritrean government", "potential", "Ethiopian elders")},
    ),
    (
        "a statement demanding something is its issuer's demand",
        "The Oromo Liberation Front issued a statement demanding that the Ethiopian government free its members.",
        {("Oromo Liberation Front", "requests", "Ethiopian government", "actual", None)},
    ),
    (
        "an actor named inside a compound modifier is the event's agent; an investigation is against someone",
        "Recent US drone strikes have killed five al-Shabab commanders, and a court in Lima opened an investigation "
        "against Chilean officials.",
        {
            ("United States", "attacks", "al-Shabab", "actual", None),
            ("Peruvian judiciary", "investigates", "Chilean government", "actual", None),
        },
    ),
    (
        "an exercise held on another's territory",
        "Russia is conducting military exercises in Alaska.",
        {("Russia", "deploysTo", "Alaska", "actual", None)},
    ),
    (
        "a name the parser hangs under a weekday is still the name",
        "Jordan's foreign minister met with Syrian President Bashar Assad Monday to discuss refugees.",
        {
            ("Jordan", "meetsWith", "Bashar al-Assad", "actual", None),
            ("Bashar al-Assad", "leads", "Syria", "actual", None),
        },
    ),
    (
        "pressure from someone is their demand",
        "Jordan faces pressure from Saudi Arabia to expel the envoy.",
        {("Saudi Arabia", "requests", "Jordan", "actual", None)},
    ),
    (
        "mediators press one side to accept a truce with the other",
        "Egyptian mediators are pressing Hamas to accept a truce with Israel.",
        {
            ("Egyptian government", "requests", "Hamas", "actual", None),
            ("Hamas", "agreesWith", "Israel", "potential", None),
        },
    ),
    (
        "rockets fired into a country attack it",
        "Hezbollah fired dozens of rockets into northern Israel on Friday.",
        {("Hezbollah", "attacks", "Israel", "actual", None)},
    ),
    (
        "fighters of an organisation are the organisation",
        "Fighters of al-Shabab attacked a Kenyan convoy.",
        {("al-Shabab", "attacks", "Kenya", "actual", None)},
    ),
    (
        "a verb's second sense: welcoming an actor is meeting it, welcoming an actor's decision supports it",
        "Kenya welcomed the Somali delegation, and Uganda welcomed the decision of the Government of Ethiopia.",
        {
            ("Kenya", "meetsWith", "Somalia", "actual", None),
            ("Uganda", "supports", "Ethiopian government", "actual", None),
        },
    ),
    (
        "speaking with someone is consultation; 'the minister' is the person named before; thanks are support",
        "Kenyan President Uhuru Kenyatta spoke with the Ugandan president on Monday. Ghana's foreign minister "
        "Shirley Botchwey arrived in Abuja. The minister thanked Nigeria for its support.",
        {
            ("Uhuru Kenyatta", "meetsWith", "Uganda", "actual", None),
            ("Uhuru Kenyatta", "leads", "Kenya", "actual", None),
            ("Shirley Botchwey", "represents", "Ghana", "actual", None),
            ("Shirley Botchwey", "supports", "Nigeria", "actual", None),
        },
    ),
    (
        "joint drills are cooperation; 'the separatists' refer back to armed groups only, never to a state",
        "The United States and South Korea began joint military drills. Ukraine said the separatists attacked "
        "Mariupol.",
        {
            ("United States", "cooperatesWith", "South Korea", "actual", None),
            ("separatists", "attacks", "Mariupol", "actual", "Ukraine"),
        },
    ),
    (
        "backed by an event: its agent backs; a prefixed irregular verb ('retook') is its verb",
        "Iraqi troops, backed by U.S.-led airstrikes, retook Ramadi from Islamic State militants.",
        {
            ("United States", "supports", "Iraqi military", "actual", None),
            ("Iraqi military", "captures", "Ramadi", "actual", None),
            ("Iraqi military", "attacks", "Islamic State", "actual", None),
        },
    ),
    (
        "a title word the tagger takes for a name; the possessor owns the title",
        "Iran's Supreme Leader Ayatollah Ali Khamenei criticized Saudi Arabia.",
        {
            ("Ali Khamenei", "accuses", "Saudi Arabia", "actual", None),
            ("Ali Khamenei", "leads", "Iran", "actual", None),
        },
    ),
    (
        "a verb-noun pattern's partner through its noun; an owner-less target is its place",
        "Bahrain cut diplomatic ties with Iran. Israeli tanks fired shells at targets in Jericho.",
        {("Bahrain", "sanctions", "Iran", "actual", None), ("Israeli military", "attacks", "Jericho", "actual", None)},
    ),
    (
        "an appeal to a non-actor to act: nobody named acts",
        "Abbas called on the international community to pressure Israel.",
        set(),
    ),
    (
        "control of a place is the place; a passive symmetric verb's subject is a party",
        "The Houthi rebels, who are allied with Iran, took control of Sanaa. The Taliban seized control of Kunduz.",
        {
            ("Houthis", "cooperatesWith", "Iran", "actual", None),
            ("Houthis", "captures", "Sanaa", "actual", None),
            ("Taliban", "captures", "Kunduz", "actual", None),
        },
    ),
    (
        "freeing people another holds is a rescue, not a concession",
        "The Nigerian army said it had freed 234 women held by the militants. Israel announced it would free 150 "
        "Palestinian prisoners.",
        {
            ("Israel", "concedesTo", "Palestinian prisoners", "potential", "Israel"),
            ("militants", "coerces", "women", "actual", None),
        },
    ),
    (
        "militant, extremist and jihadist groups are armed groups",
        "Qatar denied that it funds extremist groups in Syria.",
        {("Qatar", "supports", "Syrian extremist groups", "negated", "Qatar")},
    ),
    (
        "a conditional threat is aimed at the subject of its condition",
        "Syria threatened to close the border unless Turkey withdrew.",
        {("Syria", "threatens", "Turkey", "actual", None)},
    ),
    (
        "an attack carried out by X is X's: condemning it accuses X",
        "Kenya condemned the bombing carried out by al-Shabab.",
        {("Kenya", "accuses", "al-Shabab", "actual", None)},
    ),
    (
        "an armed group's noun without an article is a generic actor, backed by whoever backs it",
        "Iranian-backed militias attacked U.S. forces in eastern Syria.",
        {("Iran", "supports", "militias", "actual", None), ("militias", "attacks", "US military", "actual", None)},
    ),
    (
        "a counted sum in aid is the aid",
        "Ukraine has received more than $40 billion in military aid from the United States.",
        {("United States", "supports", "Ukraine", "actual", None)},
    ),
    (
        "a relative pronoun stands for its noun",
        "Hezbollah, which is backed by Iran, has fought alongside Syrian government forces since 2013.",
        {
            ("Iran", "supports", "Hezbollah", "actual", None),
            ("Hezbollah", "cooperatesWith", "Syrian Army", "actual", None),
        },
    ),
    (
        "a list parsed as apposition is a list; 'their' in the object is the subject's",
        "Mali, Burkina Faso and Niger announced their withdrawal from ECOWAS.",
        {
            ("Mali", "withdrawsFrom", "ECOWAS", "actual", None),
            ("Burkina Faso", "withdrawsFrom", "ECOWAS", "actual", None),
            ("Niger", "withdrawsFrom", "ECOWAS", "actual", None),
        },
    ),
    (
        "a requested stop presupposes the act, as the requester's claim; the subject's own stop negates it",
        "The United States called on Iran to stop arming the Houthis. Egypt stopped arming the Libyan rebels.",
        {
            ("United States", "requests", "Iran", "actual", None),
            ("Iran", "supports", "Houthis", "actual", "United States"),
            ("Egypt", "supports", "Libyan rebels", "negated", None),
        },
    ),
    (
        "mercenaries from an organisation are the organisation; fighting alongside is cooperation; a known "
        "name before 'rebels' names them",
        "Russian mercenaries from the Wagner Group are fighting alongside Malian troops. Colombia's government "
        "and the ELN rebels resumed peace talks in Havana.",
        {
            ("Wagner Group", "cooperatesWith", "Malian military", "actual", None),
            ("Colombian government", "meetsWith", "National Liberation Army", "actual", None),
        },
    ),
    (
        "a coreference noun with an owner and no article is described, not looked back for; a gerund subject "
        "is an event; crossing into a country is a deployment",
        "Ethiopian federal forces clashed with Amhara militias in Gondar. Fighting between the Sudanese army and "
        "the RSF has killed hundreds of civilians. Turkish troops crossed into northern Iraq.",
        {
            ("Ethiopian military", "fights", "Amhara militias", "actual", None),
            ("Sudanese Armed Forces", "fights", "Rapid Support Forces", "actual", None),
            ("Turkish military", "deploysTo", "Iraq", "actual", None),
        },
    ),
    (
        "a camp for refugees houses them: an attack on it is an attack on them",
        "A refugee camp for Somali refugees was attacked by Kenyan police.",
        {("Kenyan police", "attacks", "refugees", "actual", None)},
    ),
    (
        "'the government' is the state whose capital the sentence names, not the article's most named state",
        "Israel struck Gaza. Protesters in Tehran chanted slogans against the government.",
        {
            ("Israel", "attacks", "Gaza", "actual", None),
            ("protesters", "accuses", "Iranian government", "actual", None),
        },
    ),
    (
        "a demand noun's 'that' clause names whom it is made of, and what it asks is only wanted; the clause "
        "may hang on the demand or on the verb that has the demand as its object",
        "Egypt repeated its demand that Hamas free the hostages. The UN's demand that Israel lift the blockade "
        "of Gaza went unanswered.",
        {
            ("Egypt", "requests", "Hamas", "actual", None),
            ("United Nations", "requests", "Israel", "actual", None),
            ("Israel", "concedesTo", "Gaza", "potential", None),
        },
    ),
    (
        "'the hostages', 'the protesters' refer back to hostages or protesters named before, not to whatever "
        "population came last, nor to another of the same Phoenix role ('civilians')",
        "Israel restricted the movement of Palestinian workers. Hamas took Israeli hostages. Israeli strikes killed "
        "Palestinian civilians. Later Hamas released the hostages. Hezbollah released the prisoners. Police "
        "arrested the protesters. Egyptian protesters marched in Cairo. Egyptian police detained the protesters.",
        {
            ("Israel", "coerces", "Palestinian workers", "actual", None),
            ("Hamas", "attacks", "Israeli hostages", "actual", None),
            ("Israel", "attacks", "Palestinian civilians", "actual", None),
            ("Hamas", "concedesTo", "Israeli hostages", "actual", None),
            ("police", "coerces", "protesters", "actual", None),
            ("Egyptian police", "coerces", "Egyptian protesters", "actual", None),
        },
    ),
    (
        "what a frame verb's clause acts on through a thing names its target ('to cut off gas to the region of X', "
        "'calling for X's resignation'); a thing of a pronoun owner does not, nor the people an act is done to "
        "('to retaliate for the killing of X', 'calling for the return of X')",
        "Russia threatened to cut off gas to the Moldovan region of Transnistria. Students marched in Belgrade, "
        "calling for President Aleksandar Vucic's resignation. Kurdish prisoners rioted, setting fire to their "
        "mattresses. Hamas threatened to retaliate for the killing of Palestinian civilians. Students rallied in "
        "Tehran, calling for the return of Iranian hostages.",
        {
            ("Russia", "threatens", "Transnistria", "actual", None),
            ("students", "accuses", "Aleksandar Vucic", "actual", None),
            ("students", "requests", "Aleksandar Vucic", "actual", None),  # 'calling for' is a request too
        },
    ),
    (
        "'up to N X' is the verb's object, though parsed as a particle and a phrase with 'to'; 'flew up to X' is "
        "no such count",
        "Boko Haram kidnapped up to 30 Nigerian students. Police arrested up to 50 protesters in Dhaka. "
        "The US envoy flew up to Canada.",
        {
            ("Boko Haram", "coerces", "Nigerian students", "actual", None),
            ("police", "coerces", "protesters", "actual", None),
        },
    ),
    (
        "goods of aid (food, medicine, supplies, a loan) sent, delivered or handed over are support; troops sent "
        "are a deployment and prisoners handed over a concession",
        "Egypt sent food to Gaza. Turkey handed over 20 tons of medicine to Syria. Japan gave a loan of 5 billion "
        "yen to Kenya. Chad sent troops to Mali. Israel handed over the prisoners to Egypt.",
        {
            ("Egypt", "supports", "Gaza", "actual", None),
            ("Turkey", "supports", "Syria", "actual", None),
            ("Japan", "supports", "Kenya", "actual", None),
            ("Chad", "deploysTo", "Mali", "actual", None),
            ("Israel", "concedesTo", "Egypt", "actual", None),
        },
    ),
    (
        "yielding to a demand ('accepted the demands of X', 'bowed to pressure from X', 'did not meet X's "
        "demands') concedes to whoever made it; rejecting it does not",
        "The Malian government accepted the demands of the rebels. Israel bowed to pressure from the United "
        "States. Egypt did not meet Hamas's demands. Kenya rejected the demands of Somalia.",
        {
            ("Malian government", "concedesTo", "rebels", "actual", None),
            ("Israel", "concedesTo", "United States", "actual", None),
            ("Egypt", "concedesTo", "Hamas", "negated", None),
            ("Kenya", "rejects", "Somalia", "actual", None),
            # (the demands were made, whatever the answer: kg.constructions.answered)
            ("rebels", "requests", "Malian government", "actual", None),
            ("Hamas", "requests", "Egypt", "actual", None),
            ("Somalia", "requests", "Kenya", "actual", None),
        },
    ),
    (
        "an event noun named as a compound of a frame noun ('mediation effort', 'bombing campaign') takes the frame's "
        "phrase and verb; a mediator meets each side, and the sides are not said to meet",
        "Oman launched a mediation effort between Iran and Saudi Arabia. Russia began a bombing campaign against "
        "the rebels. Talks between Israel and Hamas began. Egypt launched a ceasefire initiative between Israel and "
        "Hamas.",
        {
            ("Oman", "meetsWith", "Iran", "actual", None),
            ("Oman", "meetsWith", "Saudi Arabia", "actual", None),
            ("Russia", "attacks", "rebels", "actual", None),
            ("Israel", "meetsWith", "Hamas", "actual", None),
        },
    ),
    (
        "'agreed to' an actor's plan, talks or truce agrees with that actor; with a 'with' partner, 'on X' is the "
        "topic, not a second partner",
        "Ethiopia agreed to African Union mediation. Hamas agreed to a ceasefire with Israel. Turkey agreed with "
        "Russia on Syria. Israel agreed to the release of 50 Palestinian prisoners.",
        {
            ("Ethiopia", "agreesWith", "African Union", "actual", None),
            ("Hamas", "agreesWith", "Israel", "actual", None),
            ("Turkey", "agreesWith", "Russia", "actual", None),
        },
    ),
    (
        "a state of emergency or siege, martial law: declared or imposed, it coerces where it holds; lifted, it "
        "concedes there; war declared on X is fighting X",
        "Peru lifted a state of emergency in Lima. Ecuador declared a state of siege in Guayaquil. Thailand imposed "
        "martial law in Bangkok. Russia declared war on Ukraine.",
        {
            ("Peru", "concedesTo", "Lima", "actual", None),
            ("Ecuador", "coerces", "Guayaquil", "actual", None),
            ("Thailand", "coerces", "Bangkok", "actual", None),
            ("Russia", "fights", "Ukraine", "actual", None),
        },
    ),
    (
        "a movement's source or destination may hang on its mover: 'the withdrawal of its forces from Panama'",
        "France completed the withdrawal of its troops from Mali.",
        {("French military", "withdrawsFrom", "Mali", "actual", None)},
    ),
    (
        "an inquiry or criticism reaches the actor behind a thing ('into crimes committed by X', 'of X's dam'); "
        "'a meeting of X' is X's meeting",
        "Ukrainian prosecutors opened an investigation into crimes committed by Russian soldiers. The UN opened an "
        "inquiry into Israel's conduct. Egypt voiced criticism of Ethiopia's dam. Ukraine demanded an urgent "
        "meeting of the UN Security Council.",
        {
            ("Ukrainian judiciary", "investigates", "Russian military", "actual", None),
            ("United Nations", "investigates", "Israel", "actual", None),
            ("Egypt", "accuses", "Ethiopia", "actual", None),
            ("Ukraine", "requests", "UN Security Council", "actual", None),
        },
    ),
    (
        "protest nouns (protest, demonstration, riot, rally) against or over an actor, and a protest lodged with one, "
        "accuse it",
        "Armenian riots against the Azerbaijani police continued. Students staged protests against the government of "
        "Serbia. Greece lodged a formal protest with Turkey.",
        {
            ("Armenia", "accuses", "Azerbaijani police", "actual", None),
            ("students", "accuses", "Serbian government", "actual", None),
            ("Greece", "accuses", "Turkey", "actual", None),
        },
    ),
    (
        "ending a cooperation ('halted its aid to X', 'suspended talks with X', 'cut off fuel to X') sanctions the "
        "other side, and is no cooperation; refugees crossing a border are no deployment; a complaint "
        "blames the subject of its clause only for something hostile",
        "Canada halted its aid to Haiti. Russia suspended talks with Ukraine. Israel cut off fuel to Gaza. Syrian "
        "refugees crossed into Turkey. Ukraine complained that its troops lacked ammunition. Croatia acceded to the "
        "European Union.",
        {
            ("Canada", "sanctions", "Haiti", "actual", None),
            ("Russia", "sanctions", "Ukraine", "actual", None),
            ("Israel", "sanctions", "Gaza", "actual", None),
        },
    ),
    (
        "an event noun ended by its verb no longer holds",
        "The EU suspended its aid to the Palestinian Authority.",
        {
            ("European Union", "sanctions", "Palestinian Authority", "actual", None),
            ("European Union", "supports", "Palestinian Authority", "negated", None),
        },
    ),
    (
        "ending what is no cooperation of one's own is no sanction ('suspended its offensive', 'ended its mediation', "
        "'talks between others'); an ordered or obliged act is only wanted",
        "Ethiopia suspended its offensive against Tigrayan forces. Turkey ended its mediation between Russia and "
        "Ukraine. Sudan suspended talks between Egypt and Ethiopia. The US ordered Israel to withdraw from Rafah. "
        "The Arab League said Israel must withdraw from Gaza.",
        {
            ("Ethiopia", "attacks", "Tigray People's Liberation Front", "negated", None),
            ("Turkey", "meetsWith", "Russia", "negated", None),
            ("Turkey", "meetsWith", "Ukraine", "negated", None),
            ("Egypt", "meetsWith", "Ethiopia", "negated", None),
            ("United States", "requests", "Israel", "actual", None),
            ("Israel", "withdrawsFrom", "Rafah", "potential", None),
            ("Arab League", "requests", "Israel", "actual", None),
            ("Israel", "withdrawsFrom", "Gaza", "potential", "Arab League"),
        },
    ),
    (
        "refusing to end a cooperation keeps it",
        "Russia refused to end its support for Assad.",
        {
            ("Russia", "sanctions", "Bashar al-Assad", "negated", None),
            ("Russia", "supports", "Bashar al-Assad", "actual", None),
        },
    ),
    (
        "a complaint or charge blames the subject of its clause, unless that is the accuser's own side; condemning "
        "the killing of people accuses not them",
        "Pakistan charged that India supported separatists in Balochistan. Ukraine complained that its troops "
        "lacked ammunition. Hamas condemned the killing of Palestinian civilians.",
        {
            ("Pakistan", "accuses", "India", "actual", None),
            ("India", "supports", "separatists", "actual", "Pakistan"),
        },
    ),
    (
        "a thing acted on stands for its owner, not for what it is about",
        "Russia vetoed a UN resolution on Syria. Hamas rejected an Egyptian proposal on Gaza.",
        {("Russia", "rejects", "United Nations", "actual", None), ("Hamas", "rejects", "Egypt", "actual", None)},
    ),
    (
        "an attack on an actor's things is an attack on the actor",
        "Israeli troops shelled Palestinian homes in Gaza. Houthi drones hit Saudi oil facilities.",
        {
            ("Israeli military", "attacks", "Palestine", "actual", None),
            ("Houthis", "attacks", "Saudi Arabia", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "a multiword agent phrase before a noun names the body ('border patrol agents', 'law enforcement officers')",
        "US border patrol agents arrested Guatemalan migrants. Kenyan law enforcement officers detained Somali "
        "refugees.",
        {
            ("American police", "coerces", "Guatemalan migrants", "actual", None),
            ("Kenyan police", "coerces", "Somali refugees", "actual", None),
        },
    ),
    (
        "a relational noun ('its allies', 'Israel's partners') is not its owner: only a modifier names who",
        "Greece urged its EU partners to reject the plan. Iran warned Israel's allies. Saudi Arabia and its allies "
        "bombed Houthi positions.",
        {
            ("Greece", "requests", "European Union", "actual", None),
            ("Saudi Arabia", "attacks", "Houthis", "actual", None),
        },
    ),
    (
        "'call for' requests: the removal or resignation of X asks it of X, 'for X to V' asks X; what is called "
        "for is only wanted; the release of prisoners is for them, not asked of them",
        "Protesters in Cairo called for the resignation of the prime minister of Egypt. Turkey called for Russia "
        "to halt its airstrikes. Qatar called for a truce between Israel and Hamas. Amnesty called for the release "
        "of Palestinian prisoners.",
        {
            ("protesters", "requests", "Egypt", "actual", None),
            ("Turkey", "requests", "Russia", "actual", None),
            ("Israel", "agreesWith", "Hamas", "potential", None),
        },
    ),
    (
        "killing, abduction and the like are event nouns whose 'of' phrase is the victim; a 'by' phrase the parser "
        "hangs on the verb or on the victim is still the event's agent",
        "The killing of three journalists by Syrian troops drew criticism. France condemned the abduction of two "
        "aid workers by al-Shabab. Turkey condemned the attack on its embassy by Kurdish militants.",
        {
            ("Syrian Army", "attacks", "journalists", "actual", None),
            ("France", "accuses", "al-Shabab", "actual", None),
            ("al-Shabab", "coerces", "aid workers", "actual", None),
            ("Turkey", "accuses", "militants", "actual", None),
            ("militants", "attacks", "Turkish government", "actual", None),
        },
    ),
    (
        "fire against a target; a word for an armed group before a target noun makes the target theirs, but "
        "'terrorist activities' are a kind of act, nobody's",
        "Ukrainian forces launched artillery fire against separatist positions near Donetsk. Iraqi jets bombed "
        "insurgent strongholds. Hamas threatened to resume terrorist activities in Israel.",
        {
            ("Ukrainian military", "attacks", "separatists", "actual", None),
            ("Iraqi military", "attacks", "insurgents", "actual", None),
            ("Hamas", "threatens", "Israel", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "'provide X with aid' supports X; support for X's sovereignty supports X",
        "The US will provide Ukraine with security assistance. Iran supplied the Houthis with drones. Blinken "
        "reaffirmed US support for Ukraine's sovereignty.",
        {
            ("United States", "supports", "Ukraine", "potential", None),
            ("Iran", "supports", "Houthis", "actual", None),
            ("United States", "supports", "Ukraine", "actual", None),
        },
    ),
    (
        "launching weapons at or into an actor attacks it; launching something at no actor is nothing",
        "Hezbollah launched rockets at Israel. Iran launched a satellite into orbit.",
        {("Hezbollah", "attacks", "Israel", "actual", None)},
    ),
    (
        "a title after a proper name kg does not know is part of that name ('the Galaxy Leader', a ship), not the "
        "person named before; a known title phrase ('the Supreme Leader') still refers back",
        "Antony Blinken spoke in Paris. The US urged the Houthis to release the crew of the Galaxy Leader. Iran's "
        "Supreme Leader Ali Khamenei condemned Israel. The Supreme Leader met Putin.",
        {
            ("United States", "requests", "Houthis", "actual", None),
            ("Ali Khamenei", "accuses", "Israel", "actual", None),
            ("Ali Khamenei", "leads", "Iran", "actual", None),
            ("Ali Khamenei", "meetsWith", "Vladimir Putin", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "a plural pronoun after a coordination of actors in its sentence stands for all of them",
        "Britain praised Qatar and Egypt for their mediation between Israel and Hamas.",
        {
            ("United Kingdom", "supports", "Qatar", "actual", None),
            ("United Kingdom", "supports", "Egypt", "actual", None),
            ("Qatar", "meetsWith", "Israel", "actual", None),
            ("Qatar", "meetsWith", "Hamas", "actual", None),
            ("Egypt", "meetsWith", "Israel", "actual", None),
            ("Egypt", "meetsWith", "Hamas", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "what 'reports' or 'claims' say is their claimant's (an unnamed source if none is named); denied, it is "
        "not so, by the denier",
        "Ethiopia denied reports that its troops had crossed into Somalia. There were reports that Russian jets "
        "bombed Idlib. Turkey rejected Russia's claims that Turkish troops attacked Kurds.",
        {
            ("Ethiopian military", "deploysTo", "Somalia", "negated", "Ethiopia"),
            ("Russian military", "attacks", "Idlib", "actual", SOURCE),
            ("Turkey", "rejects", "Russia", "actual", None),
            ("Turkish military", "attacks", "Kurds", "negated", "Turkey"),
        },
    ),
    (
        "a possessive pronoun on the subject of a reported clause is the reporter; one whose clause's subject "
        "names no actor is nobody, not the last actor named",
        "Kenya, which contributes troops to the AU mission, said its jets had struck al-Shabab camps. Somalia's "
        "president urged the international community to increase its support for al-Shabab's enemies.",
        {("Kenyan military", "attacks", "al-Shabab", "actual", "Kenya")},
    ),
    (
        "whoever speaks of 'both sides' is neither of them",
        "Israel and Hamas fought for weeks. Amnesty International accused both sides of war crimes.",
        {
            ("Israel", "fights", "Hamas", "actual", None),
            ("Amnesty International", "accuses", "Israel", "actual", None),
            ("Amnesty International", "accuses", "Hamas", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "a call for a release asks it of the holder, not of the released; 'called X for ...' is a phone call; a "
        "call for a hostile act against X ('the prosecution of X') is a demand against X, as for a removal",
        "The United States called for the release of Alexei Navalny. Activists called for the prosecution of "
        "Vladimir Putin. Blinken called Lavrov for the first time since the invasion.",
        {
            ("activists", "requests", "Vladimir Putin", "actual", None),
            ("Antony Blinken", "meetsWith", "Sergey Lavrov", "actual", None),
        },
    ),
    (
        "a killing is done by whoever carries it out, not by whoever mourns it; a denied killing is negated by the "
        "denier; 'by force' is a means, not an agent",
        "Iran mourned the killing of Soleimani. Israel carried out the killing of a Hamas commander. Russia "
        "denied the killing of civilians by its troops. The EU condemned the attack on activists by force.",
        {
            ("Israel", "attacks", "Hamas", "actual", None),
            ("Russian military", "attacks", "civilians", "negated", "Russia"),
        },
    ),
    (
        "launching is firing only for weapons; fighting an enemy 'with support' supports not the enemy",
        "The European Commission launched legal action against Hungary. Hezbollah launched rockets into Israel. "
        "Ukraine fought Russia with support from the West.",
        {
            ("Hezbollah", "attacks", "Israel", "actual", None),
            ("Ukraine", "fights", "Russia", "actual", None),
            ("West", "supports", "Ukraine", "actual", None),
        },
    ),
    (
        "a state's allies are not the state; a known name before a title owns it; only the first 'for' of a call "
        "is what is called for",
        "Biden urged US allies to impose sanctions on Russia. The Hezbollah Deputy Leader threatened Israel. The UN "
        "called for accountability for the killing of aid workers by Israel.",
        {
            ("Hezbollah", "threatens", "Israel", "actual", None),
            ("United Nations", "requests", "Israel", "actual", None),
            ("Israel", "attacks", "aid workers", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "'U.S.-led coalition' is the gazetteer's alias; 'a coalition' introduces one rather than referring back to "
        "the last organisation named",
        "Iraqi forces, supported by a U.S.-led coalition, attacked Mosul. The UN condemned Syria. Kurdish fighters, "
        "backed by a coalition of Western states, attacked Raqqa.",
        {
            ("US-led coalition", "supports", "Iraqi military", "actual", None),
            ("United States", "leads", "US-led coalition", "actual", None),
            ("United Nations", "accuses", "Syria", "actual", None),
            ("YPG", "attacks", "Raqqa", "actual", None),
        },
    ),
    (
        "'the separatists' are the separatists named before, not the armed group named last",
        "Separatists in Donetsk shelled Mariupol. Ukraine's army fought Hamas. Moscow has denied arming the "
        "separatists.",
        {
            ("separatists", "attacks", "Mariupol", "actual", None),
            ("Ukrainian military", "fights", "Hamas", "actual", None),
            ("Russia", "supports", "separatists", "negated", "Russia"),
        },
    ),
]

WHOLE += [
    (
        "a capital's name stands for its state as the object of a political relation, but it is the city where "
        "a relation takes a place, and where a state acts in its own capital",
        "Washington accused Tehran of arming the Houthis. The UN imposed sanctions on Pyongyang. Russian jets "
        "bombed Kyiv. Peru lifted a state of emergency in Lima.",
        {
            ("United States", "accuses", "Iran", "actual", None),
            ("Iran", "supports", "Houthis", "actual", "United States"),
            ("United Nations", "sanctions", "North Korea", "actual", None),
            ("Russian military", "attacks", "Kyiv", "actual", None),
            ("Peru", "concedesTo", "Lima", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "an office ('the Secretary of State') is nobody named before, and 'State' in it no organisation; a title's "
        "owner may follow its own words ('the Minister of Defence of Kenya')",
        "Sameh Shoukry arrived in Cairo. The Secretary of State spoke with the Egyptian foreign minister. The "
        "Minister of Defence of Kenya met the Minister of Foreign Affairs of Somalia.",
        {("Kenya", "meetsWith", "Somalia", "actual", None)},
    ),
    (
        "a thing of several owners stands for each; 'the movement of X' is X's, no movement named before",
        "Russia welcomed the efforts of Saudi Arabia and the African Union. Hamas rejected the plan. Israel "
        "restricted the movement of Palestinians.",
        {
            ("Russia", "supports", "Saudi Arabia", "actual", None),
            ("Russia", "supports", "African Union", "actual", None),
            ("Israel", "coerces", "Palestinians", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "a reporting participle ('..., saying X must V') is its clause subject's report; a demand that X be V-ed "
        "asks X; a broker is no party to the agreement it brokers",
        "Washington criticized the strike, saying Israel must do more to protect civilians. Israel has demanded "
        "that Hamas be disarmed. Qatar and Turkey have offered to help broker a long-term agreement.",
        {
            ("United States", "requests", "Israel", "actual", None),
            ("Israel", "supports", "civilians", "potential", "United States"),
            ("Israel", "requests", "Hamas", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "a structural noun after a copula ('is the Syrian offshoot of the PKK') makes the subject the part; the "
        "demonym says where",
        "The YPG is the Syrian offshoot of the PKK. The PYD and the YPG, which are the Syrian offshoots of the PKK, "
        "control Kobani.",
        {
            ("YPG", "partOf", "PKK", "actual", None),
            ("PYD", "partOf", "PKK", "actual", None),
            ("PYD", "controls", "Kobani", "actual", None),
            ("YPG", "controls", "Kobani", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "'X and Y accused each other': each acts on the other; an event considered is only potential; a gazetteer "
        "alias with its title ('German Chancellor Angela Merkel') still gives the role",
        "Ukraine's military and the separatists accused each other of violating the ceasefire. The European Union "
        "is considering new sanctions against Russia. German Chancellor Angela Merkel met Putin. UN "
        "Secretary-General Ban Ki-moon condemned Israel.",
        {
            ("Ukrainian military", "accuses", "separatists", "actual", None),
            ("separatists", "accuses", "Ukrainian military", "actual", None),
            ("European Union", "sanctions", "Russia", "potential", None),
            ("Angela Merkel", "meetsWith", "Vladimir Putin", "actual", None),
            ("Angela Merkel", "leads", "Germany", "actual", None),
            ("Ban Ki-Moon", "accuses", "Israel", "actual", None),
            ("Ban Ki-Moon", "leads", "United Nations", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "a plural pronoun stands for the nearest plural noun before it in its sentence, a generic group too, and "
        "for nobody when that noun names no actor",
        "Iraqi Prime Minister Haider al-Abadi urged civilians to stay and told the army to protect them. Israel "
        "warned the Palestinians that they would pay a price. Kurdish rebels attacked Syrian soldiers, killing them.",
        {
            ("Haider al-Abadi", "leads", "Iraq", "actual", None),
            ("Haider al-Abadi", "requests", "civilians", "actual", None),  # 'the army' names nobody here
            ("Israel", "threatens", "Palestinians", "actual", None),
            ("rebels", "attacks", "Syrian Army", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "'the army' or 'the troops' refer back to a state's forces or a group named so, never to any armed group; "
        "'the militia' to an armed group",
        "Islamic State fighters attacked Kirkuk. The army shelled Raqqa. Hezbollah attacked Homs. The militia then "
        "shelled Aleppo.",
        {
            ("Islamic State", "attacks", "Kirkuk", "actual", None),
            ("Hezbollah", "attacks", "Homs", "actual", None),
            ("Hezbollah", "attacks", "Aleppo", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "a possessive pronoun on a thing is resolved as any pronoun: 'they tightened their grip' is their own grip, "
        "not the last state named",
        "The United States condemned Russia. Syrian troops captured the village as they tightened their grip "
        "around rebel-held parts of the city.",
        {("United States", "accuses", "Russia", "actual", None)},
    ),
]

WHOLE += [
    (
        "a lower-case 'defense ministry' is a description of its owner's, not a named organisation; bare "
        "'intelligence' is what is shared; agreeing to act on X is no agreement with X, to act for X is",
        "South Korea's defense ministry said it was monitoring North Korea's military. Japan and South Korea agreed "
        "to share intelligence on North Korea. Ethiopia agreed to open its borders to UN peacekeepers.",
        {
            ("South Korean government", "investigates", "North Korean military", "actual", "South Korean government"),
            ("Japan", "agreesWith", "South Korea", "actual", None),
            ("Ethiopia", "agreesWith", "United Nations", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "'the Saudi-led coalition' is a coalition of its own that Saudi Arabia leads, referred back to as 'the "
        "coalition'; a sentence the parser reads as a noun phrase with a participle that takes an object is active",
        "The Saudi-led coalition bombed Sanaa. The coalition later struck Hodeidah port.",
        {
            ("Saudi Arabia", "leads", "Saudi-led coalition", "actual", None),
            ("Saudi-led coalition", "attacks", "Sanaa", "actual", None),
            ("Saudi-led coalition", "attacks", "Hodeidah port", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "a demand that X be V-ed by Y asks Y; with no 'by', X, unless X are people the act is for; a capital is its "
        "state only as the object of a relation that always takes an actor ('defend Jerusalem' defends the city)",
        "Hamas demanded that Palestinian prisoners be released by Israel. Israel demanded that Hamas be disarmed. "
        "Hamas called on Palestinians to defend Jerusalem.",
        {
            ("Hamas", "requests", "Israel", "actual", None),
            ("Israel", "concedesTo", "Palestinian prisoners", "potential", None),
            ("Israel", "requests", "Hamas", "actual", None),
            ("Hamas", "requests", "Palestinians", "actual", None),
            ("Palestinians", "supports", "Jerusalem", "potential", None),
        },
    ),
    (
        "an office's word before a title ('Defense Secretary') is no organisation; a former holder holds no role; a "
        "gazetteer name that begins with its own words ('Abed Rabbo Mansour Hadi') has no title inside it; a "
        "country's name after a title's 'of' stays a name",
        "U.S. Defense Secretary Lloyd Austin met Israeli officials. Former German Chancellor Gerhard Schroeder met "
        "Putin. Yemeni President Abed Rabbo Mansour Hadi accused Iran. The president of Taiwan accused China of "
        "intimidation.",
        {
            ("Lloyd Austin", "meetsWith", "Israeli government", "actual", None),
            ("Lloyd Austin", "represents", "United States", "actual", None),
            ("Gerhard Schroeder", "meetsWith", "Vladimir Putin", "actual", None),
            ("Mansour Hadi", "accuses", "Iran", "actual", None),
            ("Mansour Hadi", "leads", "Yemen", "actual", None),
            ("Taiwan", "accuses", "China", "actual", None),
        },
    ),
    (
        "'Chamber of Commerce of X' is no legislature, 'the Ministry of Foreign Affairs of X' is X's government; "
        "facilitating a delivery supports, brokering a deal meets each side and the sides agree; reports not denied "
        "stay the reports' claim",
        "The Chamber of Commerce of Ukraine criticized Russia. The Ministry of Foreign Affairs of Turkey condemned "
        "Israel. Iran facilitated the delivery of weapons to the Houthis. Turkey brokered a grain deal with Russia "
        "and Ukraine. Israel did not deny reports that it had struck Iran.",
        {
            ("Chamber of Commerce of Ukraine", "accuses", "Russia", "actual", None),
            ("Turkish government", "accuses", "Israel", "actual", None),
            ("Iran", "supports", "Houthis", "actual", None),
            ("Turkey", "meetsWith", "Russia", "actual", None),
            ("Turkey", "meetsWith", "Ukraine", "actual", None),
            ("Russia", "agreesWith", "Ukraine", "actual", None),
            ("Israel", "attacks", "Iran", "actual", SOURCE),
        },
    ),
]

WHOLE += [
    (
        "'hundreds of', 'dozens of' count what their 'of' phrase names",
        "Hundreds of students demonstrated against the government of Serbia. Dozens of Hamas fighters attacked "
        "Israeli troops.",
        {
            ("students", "accuses", "Serbian government", "actual", None),
            ("Hamas", "attacks", "Israeli military", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "a crowd of nobody in particular that protests is the article's protesters; people elsewhere are nobody",
        "Thousands of people protested in Kiev against President Viktor Yanukovych. Crowds marched against the "
        "government of Serbia. The protesters later rallied against Russia. Israeli jets killed ten people in Gaza.",
        {
            ("protesters", "accuses", "Viktor Yanukovych", "actual", None),
            ("protesters", "accuses", "Serbian government", "actual", None),
            ("protesters", "accuses", "Russia", "actual", None),
            ("Viktor Yanukovych", "leads", "Ukraine", "actual", None),  # the title, for his known country
            ("Israeli military", "attacks", "Gaza", "actual", None),  # (people counted in a place: the place is hit)
        },
    ),
]

WHOLE += [
    (
        "an unnamed part of an organisation acts for it; in apposition or as a predicate it states the membership",
        "The armed wing of Hezbollah attacked Israeli troops. A branch of al-Qaeda kidnapped two French aid "
        "workers. The Qassam Brigades, the armed wing of Hamas, fired rockets at Israel. Turkey joined NATO as a "
        "member of the alliance.",
        {
            ("Hezbollah", "attacks", "Israeli military", "actual", None),
            ("al-Qaeda", "coerces", "French aid workers", "actual", None),
            ("Izz ad-Din al-Qassam Brigades", "attacks", "Israel", "actual", None),
            ("Izz ad-Din al-Qassam Brigades", "partOf", "Hamas", "actual", None),
            ("Turkey", "partOf", "NATO", "actual", None),
        },
    ),
    (
        "a membership believed ('considers X part of Y', 'regards X as a wing of Y') is the believer's, not a plan",
        "Egypt considers Hamas part of the Muslim Brotherhood. Israel considers Hezbollah a branch of the Iranian "
        "military. Russia does not regard the Taliban as part of al-Qaeda. Egypt is considering sanctions on Qatar.",
        {
            ("Hamas", "partOf", "Muslim Brotherhood", "actual", "Egypt"),
            ("Hezbollah", "partOf", "Iranian military", "actual", "Israel"),
            ("Taliban", "partOf", "al-Qaeda", "negated", "Russia"),
            ("Egypt", "sanctions", "Qatar", "potential", None),
        },
    ),
    (
        "a withdrawal of nobody's forces is by the subject that carries it; 'from X' on the forces is the source",
        "Britain began the withdrawal of some troops from Iraq on Monday. France completed the withdrawal of its "
        "forces from Mali. The withdrawal of Ethiopian troops from Somalia began.",
        {
            ("United Kingdom", "withdrawsFrom", "Iraq", "actual", None),
            ("French military", "withdrawsFrom", "Mali", "actual", None),
            ("Ethiopian military", "withdrawsFrom", "Somalia", "actual", None),
        },
    ),
    (
        "a stray 'by' phrase belongs to the nearest event noun before it, up through the phrases of the object",
        "Students held protests against the detention of journalists by the Egyptian police. Turkey condemned "
        "the abduction of two Turkish soldiers by the PKK.",
        {
            ("students", "accuses", "Egyptian police", "actual", None),
            ("Egyptian police", "coerces", "journalists", "actual", None),
            ("Turkey", "accuses", "PKK", "actual", None),
            ("PKK", "coerces", "Turkish military", "actual", None),
        },
    ),
    (
        "a traveller who arrives for talks or on a visit meets whom the talks name, or whoever is where he arrives",
        "Iranian President Hassan Rouhani arrived in Ankara on a two-day visit. The Japanese foreign minister "
        "flew to Seoul for talks with South Korean officials. Erdogan left for Moscow on Monday.",
        {
            ("Hassan Rouhani", "meetsWith", "Turkey", "actual", None),
            ("Hassan Rouhani", "leads", "Iran", "actual", None),
            ("Japan", "meetsWith", "South Korea", "actual", None),
            ("Japan", "meetsWith", "South Korean government", "actual", None),
        },
    ),
    (
        "forbidding or blocking aid to X ends it: a sanction on X",
        "Congress blocked military aid to Egypt. Germany will prohibit aid to Saudi Arabia.",
        {
            ("Congress", "sanctions", "Egypt", "actual", None),
            ("Germany", "sanctions", "Saudi Arabia", "potential", None),
        },
    ),
]

WHOLE += [
    (
        "flying to a capital is a visit to its state; one meets people, not a town",
        "Erdogan flew to Tehran on Monday. The UN envoy flew to Benghazi.",
        {("Recep Tayyip Erdogan", "meetsWith", "Iran", "actual", None)},
    ),
    (
        "discussing something with X is consulting X; working with X is cooperating; annexing a place captures it",
        "The Turkish foreign minister discussed the refugee crisis with German officials. Jordan will continue to "
        "work closely with Egypt. Russia annexed Abkhazia in 2008.",
        {
            ("Turkey", "meetsWith", "German government", "actual", None),
            ("Jordan", "cooperatesWith", "Egypt", "actual", None),
            ("Russia", "captures", "Abkhazia", "actual", None),
        },
    ),
    (
        "'will continue to V', 'will keep V-ing': the act goes on now; a plain 'will V' is only planned",
        "Iran will continue to support Hezbollah. Qatar will keep funding Hamas. Turkey will support Syrian rebels.",
        {
            ("Iran", "supports", "Hezbollah", "actual", None),
            ("Qatar", "supports", "Hamas", "actual", None),
            ("Turkey", "supports", "Syrian rebels", "potential", None),
        },
    ),
    (
        "the clause of a request read as one of purpose is still what the requested actor is asked to do",
        "Germany welcomed the talks. We call on Russia to withdraw its troops from Georgia.",
        {
            ("Russia", "withdrawsFrom", "Georgia", "potential", None),
        },
    ),
    (
        "a title in the name ('U.S. Secretary of State X', 'Russian Foreign Minister X'); 'the Secretary' is the "
        "person named with that title, not whoever was named last",
        "U.S. Secretary of State Rex Tillerson met Russian Foreign Minister Sergey Lavrov in Moscow. The Secretary "
        "later met Japanese officials.",
        {
            ("Rex Tillerson", "represents", "United States", "actual", None),
            ("Rex Tillerson", "meetsWith", "Sergey Lavrov", "actual", None),
            ("Sergey Lavrov", "represents", "Russia", "actual", None),
            ("Rex Tillerson", "meetsWith", "Japanese government", "actual", None),
        },
    ),
    (
        "Taiwan and Kosovo act as states",
        "China accused Taiwan of provocations. Serbia held talks with Kosovo. Taipei condemned the Chinese drills.",
        {
            ("China", "accuses", "Taiwan", "actual", None),
            ("Serbia", "meetsWith", "Kosovo", "actual", None),
            ("Taiwan", "accuses", "China", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "'the Nigerian town of X' is the place X, even one no gazetteer or tagger knows, never the state",
        "Chadian troops recaptured the Nigerian town of Gubio from Boko Haram. Boko Haram fighters attacked the "
        "village of Kukawa.",
        {
            ("Chadian military", "captures", "Gubio", "actual", None),
            ("Chadian military", "attacks", "Boko Haram", "actual", None),
            ("Boko Haram", "attacks", "Kukawa", "actual", None),
        },
    ),
    (
        "'both parties', 'both sides' are the two sides of the last agreement, talks or fight, not the last two named",
        "Sudan and South Sudan signed a truce in Addis Ababa, mediated by the African Union and Thabo Mbeki. The EU "
        "urged both parties to withdraw their troops from Abyei.",
        {
            ("Sudan", "agreesWith", "South Sudan", "actual", None),
            ("European Union", "requests", "Sudan", "actual", None),
            ("European Union", "requests", "South Sudan", "actual", None),
            ("Sudan", "withdrawsFrom", "Abyei", "potential", None),
            ("South Sudan", "withdrawsFrom", "Abyei", "potential", None),
        },
    ),
]

WHOLE += [
    (
        "'they' right after a meeting or an agreement is both sides; after anything else the last group named",
        "Secretary Blinken met Japanese Foreign Minister Hayashi Yoshimasa today. They condemned North Korea's "
        "missile launch. Egypt criticised Israel. Qatar and Oman signed a trade agreement.",
        {
            ("Antony Blinken", "meetsWith", "Hayashi Yoshimasa", "actual", None),
            ("Hayashi Yoshimasa", "represents", "Japan", "actual", None),
            ("Antony Blinken", "accuses", "North Korea", "actual", None),
            ("Hayashi Yoshimasa", "accuses", "North Korea", "actual", None),
            ("Egypt", "accuses", "Israel", "actual", None),
            ("Qatar", "agreesWith", "Oman", "actual", None),
            ("Antony Blinken", "represents", "United States", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "'government forces' backed by a named state are not that state's: its government is the article's state",
        "The Taliban attacked Kunduz in Afghanistan. Government forces, supported by U.S. airstrikes, killed dozens "
        "of Taliban fighters near Kunduz.",
        {
            ("Taliban", "attacks", "Kunduz", "actual", None),
            ("United States", "supports", "Afghan military", "actual", None),
            ("Afghan military", "attacks", "Taliban", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "a partner the parser hangs on the means ('spoke by telephone with X') is still the verb's",
        "Turkish President Recep Tayyip Erdogan spoke by telephone with Russian President Vladimir Putin. Iran spoke "
        "via video link with Iraqi officials.",
        {
            ("Recep Tayyip Erdogan", "meetsWith", "Vladimir Putin", "actual", None),
            ("Recep Tayyip Erdogan", "leads", "Turkey", "actual", None),
            ("Vladimir Putin", "leads", "Russia", "actual", None),
            ("Iran", "meetsWith", "Iraqi government", "actual", None),
        },
    ),
    (
        "'Saudi-led coalition warplanes' are the coalition's; propping up a regime supports its government",
        "Saudi-led coalition warplanes struck Houthi positions. Iran continues to prop up the Assad regime.",
        {
            ("Saudi Arabia", "leads", "Saudi-led coalition", "actual", None),
            ("Saudi-led coalition", "attacks", "Houthis", "actual", None),
            ("Iran", "supports", "Syrian government", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "the government or forces of a person are his country's or his own, and he leads them; 'forces loyal to X'",
        "The Taliban refused to negotiate with the government of President Ashraf Ghani. Forces loyal to Riek "
        "Machar attacked Malakal. The forces of Bashar al-Assad shelled Douma.",
        {
            ("Taliban", "rejects", "Afghan government", "actual", None),
            ("Taliban", "meetsWith", "Afghan government", "negated", None),
            ("Ashraf Ghani", "leads", "Afghan government", "actual", None),
            ("Ashraf Ghani", "leads", "Afghanistan", "actual", None),  # the title, for his known country
            ("Riek Machar Teny Dhurgon", "attacks", "Malakal", "actual", None),
            ("Syrian Army", "attacks", "Douma", "actual", None),
            ("Bashar al-Assad", "leads", "Syrian Army", "actual", None),
        },
    ),
    (
        "whoever claims responsibility for an attack carried it out",
        "Al-Shabab claimed responsibility for the attack on the Kenyan base. No group claimed responsibility for "
        "the bombing of the mosque.",
        {("al-Shabab", "attacks", "Kenya", "actual", None)},
    ),
]

WHOLE += [
    (
        "a readout's 'spoke with X to condemn Y' (the parser's 'with' clause) and 'in telephone calls with X'",
        "Secretary Antony J. Blinken spoke today with Japanese Foreign Minister Hayashi Yoshimasa to condemn "
        "North Korea's missile launch. Turkish Foreign Minister Mevlut Cavusoglu discussed the attack in telephone "
        "calls with Russian Foreign Minister Sergey Lavrov.",
        {
            ("Antony Blinken", "meetsWith", "Hayashi Yoshimasa", "actual", None),
            ("Antony Blinken", "accuses", "North Korea", "actual", None),
            ("Hayashi Yoshimasa", "accuses", "North Korea", "actual", None),
            ("Hayashi Yoshimasa", "represents", "Japan", "actual", None),
            ("Mevlut Cavusoglu", "meetsWith", "Sergey Lavrov", "actual", None),
            ("Mevlut Cavusoglu", "represents", "Turkey", "actual", None),
            ("Sergey Lavrov", "represents", "Russia", "actual", None),
            ("Antony Blinken", "represents", "United States", "actual", None),
        },
    ),
    (
        "condemning the fighting between X and Y accuses both; 'They' opening a sentence is the plural subject before",
        "The members of the Security Council condemned the fighting between the SAF and the RSF. They called on "
        "both parties to respect the ceasefire. Kenya and Uganda sent troops to Somalia. They later attacked "
        "al-Shabab.",
        {
            ("UN Security Council", "accuses", "Sudanese Armed Forces", "actual", None),
            ("UN Security Council", "accuses", "Rapid Support Forces", "actual", None),
            ("Sudanese Armed Forces", "fights", "Rapid Support Forces", "actual", None),
            ("UN Security Council", "requests", "Sudanese Armed Forces", "actual", None),
            ("UN Security Council", "requests", "Rapid Support Forces", "actual", None),
            ("Kenya", "deploysTo", "Somalia", "actual", None),
            ("Uganda", "deploysTo", "Somalia", "actual", None),
            ("Kenya", "attacks", "al-Shabab", "actual", None),
            ("Uganda", "attacks", "al-Shabab", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "a plural place noun after coordinated names ('Borno, Yobe and Adamawa states') is each place named",
        "Boko Haram has seized dozens of towns in Borno, Yobe and Adamawa states. Syrian jets bombed Idlib and "
        "Hama provinces.",
        {
            ("Boko Haram", "captures", "Borno", "actual", None),
            ("Boko Haram", "captures", "Yobe", "actual", None),
            ("Boko Haram", "captures", "Adamawa", "actual", None),
            ("Syrian Army", "attacks", "Idlib", "actual", None),
            ("Syrian Army", "attacks", "Hama", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "a threat's place ('in the Red Sea') is where, not whom; 'their fighters' of a group are the group",
        "The Houthis threatened to attack Saudi warships in the Red Sea. Hamas said its fighters had attacked "
        "Israeli troops.",
        {
            ("Houthis", "threatens", "Saudi military", "actual", None),
            ("Houthis", "attacks", "Saudi military", "potential", "Houthis"),
            ("Hamas", "attacks", "Israeli military", "actual", "Hamas"),
        },
    ),
    (
        "'the coalition' refers back to the coalition named, not to the last international organisation",
        "Saudi-led coalition warplanes struck Sanaa. The United Nations said it was concerned. U.S. lawmakers "
        "have criticized the coalition over civilian deaths.",
        {
            ("Saudi Arabia", "leads", "Saudi-led coalition", "actual", None),
            ("Saudi-led coalition", "attacks", "Sanaa", "actual", None),
            ("American legislature", "accuses", "Saudi-led coalition", "actual", None),
        },
    ),
    (
        "'both sides' never includes whom the speaker's own phrase names ('U.N. envoy X', 'X of the OSCE')",
        "Ukrainian troops clashed with separatists near Donetsk. Alexander Hug, deputy head of the OSCE mission, "
        "urged both sides to pull back heavy weapons.",
        {
            ("Ukrainian military", "fights", "separatists", "actual", None),
            ("Alexander Hug", "requests", "Ukrainian military", "actual", None),
            ("Alexander Hug", "requests", "separatists", "actual", None),
        },
    ),
    (
        "a commander named only with a demonym leads no state; a captured base or town is no state captured",
        "Iranian commander Qassem Soleimani visited Baghdad. Houthi fighters captured a Saudi base. Boko Haram "
        "seized a Nigerian town.",
        {
            ("Qassem Soleimani", "meetsWith", "Iraq", "actual", None),
            ("Houthis", "attacks", "Saudi military", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "issuing a statement requests nothing of its author; ensuring a withdrawal is no agreement with who withdraws",
        "The press statement was issued by the Security Council. Sudan agreed to ensure the withdrawal of Chadian "
        "rebels from Darfur. Britain cut diplomatic ties with Iran.",
        {
            ("Chadian rebels", "withdrawsFrom", "Darfur", "potential", None),
            ("United Kingdom", "sanctions", "Iran", "actual", None),
        },
    ),
]


def test_the_regime_of_a_release_is_the_articles_state_and_we_the_members_is_the_issuer():
    release = (
        "The United States recognizes Juan Guaido as interim president of Venezuela. We warn Russia and Cuba that "
        "their military support for the illegitimate regime will not be tolerated. We, the members of the OAS, "
        "condemn the arrest of Guaido's aides."
    )
    found = triples_by_author(release, "United States")
    assert ("Russia", "supports", "Venezuelan government", "actual", None) in found
    assert ("Cuba", "supports", "Venezuelan government", "actual", None) in found
    assert not any(r == "partOf" for _, r, _, _, _ in found)
    assert not any(o in ("Russian government", "Cuban government") for _, _, o, _, _ in found)


#: Cases a review of this session's rules found them wrong on (sentences written by the reviewer's kind, not gold)
WHOLE += [
    (
        "'discussed relations (the war, cooperation) with X': the 'with' is the object's, no meeting with X",
        "EU foreign ministers discussed relations with Turkey in Brussels. Putin spoke in an interview with Al "
        "Jazeera.",
        set(),
    ),
    (
        "only claiming, taking or admitting responsibility says one did it; denying it says one did not (negated, "
        "in the denier's words, as 'denied bombing X' does)",
        "Hezbollah denied responsibility for the bombing of the Israeli embassy. Pakistan rejected responsibility "
        "for the attack on the Indian parliament.",
        {
            ("Hezbollah", "attacks", "Israeli government", "negated", "Hezbollah"),
            ("Pakistan", "attacks", "Indian legislature", "negated", "Pakistan"),
        },
    ),
    (
        "'the two countries' are the two named together just before; 'both sides' of a mediation named in the sentence",
        "Iran attacked Israel on Saturday. The United States and Britain condemned the attack. The two countries "
        "imposed new sanctions on Iran.",
        {
            ("Iran", "attacks", "Israel", "actual", None),
            # ('the attack' is the one stated before: kg.events.referred_back)
            ("United States", "accuses", "Iran", "actual", None),
            ("United Kingdom", "accuses", "Iran", "actual", None),
            ("United States", "sanctions", "Iran", "actual", None),
            ("United Kingdom", "sanctions", "Iran", "actual", None),
            ("United States", "cooperatesWith", "United Kingdom", "actual", None),
        },
    ),
    (
        "a mediator who meets each side is not a side; co-mediators do not meet each other",
        "Qatar, which has mediated between Israel and Hamas, urged both sides to respect the truce. Sudan and South "
        "Sudan signed a truce, mediated by the African Union and Thabo Mbeki.",
        {
            ("Qatar", "meetsWith", "Israel", "actual", None),
            ("Qatar", "meetsWith", "Hamas", "actual", None),
            ("Qatar", "requests", "Israel", "actual", None),
            ("Qatar", "requests", "Hamas", "actual", None),
            ("Sudan", "agreesWith", "South Sudan", "actual", None),
        },
    ),
    (
        "a person named before wins over a place of the same one word",
        "U.S. Defense Secretary Lloyd Austin met Israeli officials. Austin urged Israel to protect civilians.",
        {
            ("Lloyd Austin", "meetsWith", "Israeli government", "actual", None),
            ("Lloyd Austin", "represents", "United States", "actual", None),
            ("Lloyd Austin", "requests", "Israel", "actual", None),
            ("Israel", "supports", "civilians", "potential", None),
        },
    ),
    (
        "a membership believed or stated in a report keeps the report's negation and asserter",
        "Turkey does not consider the YPG a branch of the PKK, Erdogan said. Turkey says the PKK's Syrian "
        "affiliate, the YPG, attacked its soldiers.",
        {
            ("YPG", "partOf", "PKK", "negated", "Turkey"),
            ("YPG", "partOf", "PKK", "actual", "Turkey"),
        },
    ),
    (
        "no visit by refugees or bombers; 'militias loyal to Iran' are no Iranian forces; 'the Baltic states' no list",
        "Hundreds of Afghan refugees flew to Germany. Two Russian strategic bombers flew to Venezuela. Militias loyal "
        "to Iran attacked U.S. bases in Iraq. The Baltic states expelled Russian diplomats.",
        {("militias", "attacks", "United States", "actual", None)},
    ),
    (
        "a former leader leads no government; withholding support for a plan sanctions nobody; a condition keeps "
        "'will continue to' a plan",
        "The Pakistani army ousted the government of former Prime Minister Imran Khan. Germany withheld its support "
        "for the EU plan. Iran will continue to cooperate with the IAEA if sanctions are lifted.",
        {
            ("Germany", "supports", "European Union", "negated", None),
            ("Iran", "cooperatesWith", "International Atomic Energy Agency", "potential", None),
        },
    ),
]

WHOLE += [
    (
        "a fight named in an adjunct ('killed in clashes with X', 'after days of fighting with X') is the subject's",
        "Twenty Kenyan soldiers were killed in clashes with al-Shabab. Iraqi troops entered Mosul after two days of "
        "heavy fighting with the Islamic State. Hundreds of people fled during fighting with the Islamic State.",
        {
            ("Kenyan military", "fights", "al-Shabab", "actual", None),
            ("Iraqi military", "fights", "Islamic State", "actual", None),
            ("Iraqi military", "deploysTo", "Mosul", "actual", None),
        },
    ),
    (
        "ethnic cleansing is an attack; the Rohingya, Uyghurs and Yazidis are populations",
        "The UN accused Myanmar's security forces of carrying out ethnic cleansing against Rohingya Muslims. Islamic "
        "State fighters killed hundreds of Yazidis.",
        {
            ("United Nations", "accuses", "Tatmadaw", "actual", None),
            ("Tatmadaw", "attacks", "Rohingya", "actual", "United Nations"),
            ("Islamic State", "attacks", "Yazidis", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "a state's people are a population of their own ('its people', 'the people of X'); bare 'people' are nobody",
        "Canada stands with Ukraine and its people. Japan will assist the people of Ethiopia with food aid. Israeli "
        "jets killed ten people in Gaza.",
        {
            ("Canada", "supports", "Ukraine", "actual", None),
            ("Canada", "supports", "Ukrainian people", "actual", None),
            ("Japan", "supports", "Ethiopian people", "potential", None),
            ("Israeli military", "attacks", "Gaza", "actual", None),  # (people counted in a place: the place is hit)
        },
    ),
    (
        "the regions of X, Y and Z are each of them",
        "Russia annexed the Ukrainian regions of Donetsk and Luhansk.",
        {
            ("Russia", "captures", "Donetsk", "actual", None),
            ("Russia", "captures", "Luhansk", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "whoever is engaged in an event carries it out",
        "Serb forces were engaged in ethnic cleansing against the Albanian population. Ethiopia and Eritrea were "
        "engaged in talks.",
        {
            ("Serb forces", "attacks", "Albanian population", "actual", None),
            ("Ethiopia", "meetsWith", "Eritrea", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "a 'by' phrase after a nearer event noun is that event's ('airstrikes in retaliation for rocket fire by X')",
        "Israel launched airstrikes on Gaza in retaliation for rocket fire by Hamas.",
        {("Israel", "attacks", "Gaza", "actual", None)},
    ),
    (
        "a spokesman for X speaks for X; sanctions over a crackdown on X are no sanctions on X",
        "A spokesman for the Kenyan military said its jets had bombed al-Shabab camps. Washington imposed sanctions "
        "on three Iranian officials over the crackdown on protesters.",
        {
            ("Kenyan military", "attacks", "al-Shabab", "actual", "Kenyan military"),
            ("United States", "sanctions", "Iranian government", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "'X accused Y of Z, a charge Y denied': the accusation was made; the charge is what is denied",
        "Moscow accused Kiev of violating the ceasefire, a charge Ukraine denied.",
        {("Russia", "accuses", "Ukraine", "actual", None)},
    ),
]

WHOLE += [
    (
        "'fighting erupted between X and Y'; 'a ceasefire between the two sides' (the sides of that fight, which a "
        "person's vow does not replace); 'Burhan' of 'Abdel Fattah al-Burhan'; 'Army chief X' names no 'Army'",
        "Heavy fighting erupted Saturday between Sudan's army and the Rapid Support Forces. Army chief Abdel Fattah "
        "al-Burhan vowed to crush the RSF. Saudi Arabia later brokered a ceasefire between the two sides. Egypt's "
        "foreign minister met Burhan in Port Sudan.",
        {
            ("Sudanese Armed Forces", "fights", "Rapid Support Forces", "actual", None),
            ("Abdel Fattah al-Burhan", "attacks", "Rapid Support Forces", "potential", "Abdel Fattah al-Burhan"),
            ("Saudi Arabia", "meetsWith", "Sudanese Armed Forces", "actual", None),
            ("Saudi Arabia", "meetsWith", "Rapid Support Forces", "actual", None),
            ("Sudanese Armed Forces", "agreesWith", "Rapid Support Forces", "actual", None),
            ("Egypt", "meetsWith", "Abdel Fattah al-Burhan", "actual", None),
        },
    ),
]

#: Cases a second review found the later rules wrong on
WHOLE += [
    (
        "a fight in an adjunct is only an armed side's, and it happened whatever the clause's own act; a trade war or "
        "a war of words is no armed conflict",
        "Washington sent more air defense systems to Kyiv amid the war with Russia. Kenyan troops could be deployed "
        "after clashes with al-Shabab. The United States and China have been engaged in a bitter trade war. Turkey "
        "and Greece are engaged in a war of words.",
        {
            ("United States", "deploysTo", "Kyiv", "actual", None),
            ("Kenyan military", "fights", "al-Shabab", "actual", None),
        },
    ),
    (
        "people 'in' a state are nobody in particular, unlike its people",
        "Israeli strikes killed 40 people in Lebanon. Security forces arrested dozens of people in Iran.",
        set(),
    ),
    (
        "talks on a topic with X are with X; a video link is a call",
        "Iran held talks over its nuclear programme with Britain and Germany in Geneva. Biden spoke over a video "
        "link with Chinese President Xi Jinping.",
        {
            ("Iran", "meetsWith", "United Kingdom", "actual", None),
            ("Iran", "meetsWith", "Germany", "actual", None),
            ("Joe Biden", "meetsWith", "Xi Jinping", "actual", None),
            ("Xi Jinping", "leads", "China", "actual", None),
        },
    ),
    (
        "an envoy or advocate 'for' X deals with X and is not X's; an attack on a rally by X is X's",
        "Hans Grundberg, the special envoy for Yemen, met with Houthi leaders. An advocate for Rohingya refugees "
        "accused Myanmar of genocide. Pakistan condemned the attack on an election rally by Baloch separatists.",
        {
            ("Hans Grundberg", "meetsWith", "Houthis", "actual", None),
            ("Pakistan", "accuses", "Baloch separatists", "actual", None),
        },
    ),
    (
        "each region of a list is a place, even one the tagger takes for a person",
        "Russia annexed the regions of Donetsk, Luhansk, Zaporizhzhia and Kherson.",
        {
            ("Russia", "captures", "Donetsk", "actual", None),
            ("Russia", "captures", "Luhansk", "actual", None),
            ("Russia", "captures", "Zaporizhzhia", "actual", None),
            ("Russia", "captures", "Kherson", "actual", None),
        },
    ),
    (
        "'Azerbaijani forces' parsed as two objects are one; a state agrees nothing with its own forces; moving forces "
        "moves none to their owner",
        "Armenian officials accused Azerbaijani forces of shelling Stepanakert. Eritrea agreed to withdraw its forces "
        "out of the border area. Turkey was accused of sending Syrian mercenaries to fight in Nagorno-Karabakh.",
        {
            ("Armenian government", "accuses", "Azerbaijani military", "actual", None),
            ("Azerbaijani military", "attacks", "Stepanakert", "actual", "Armenian government"),
        },
    ),
]

WHOLE += [
    (
        "'responded with fire on X'; 'blamed the attack on X'; 'designated a terrorist organization by X'; 'the "
        "group's leader, X,'; 'helping X build', parsed as a clause",
        "Israel responded with artillery fire on villages in southern Lebanon. Hezbollah blamed the attack on "
        "Israel. Hezbollah is designated a terrorist organization by the United States. The group's leader, Hassan "
        "Nasrallah, vowed to retaliate. Israel accuses Iran of helping Hezbollah build precision-guided missiles.",
        {
            ("Israel", "attacks", "Lebanon", "actual", None),
            ("Hezbollah", "accuses", "Israel", "actual", None),
            ("United States", "sanctions", "Hezbollah", "actual", None),
            ("Hassan Nasrallah", "leads", "Hezbollah", "actual", None),
            ("Israel", "accuses", "Iran", "actual", None),
            ("Iran", "supports", "Hezbollah", "actual", "Israel"),
        },
    ),
]

WHOLE += [
    (
        "an object 'it' after an event ('welcomed the truce and urged both sides to respect it') is the event",
        "Israel and Hamas agreed to a ceasefire on Tuesday. Egypt welcomed the truce and urged both sides to "
        "respect it.",
        {
            ("Israel", "agreesWith", "Hamas", "actual", None),
            ("Egypt", "requests", "Israel", "actual", None),
            ("Egypt", "requests", "Hamas", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "a capitalised 'Forces for X' the tagger misses is a name kg does not know, not the body named before",
        "The Health Ministry reported deaths. Later the Forces for Renewal condemned the killings by the Sudanese "
        "army.",
        set(),
    ),
]

WHOLE += [
    (
        "the subject pronoun of a coordinated clause is the first clause's subject, not the last actor named",
        "Iran has denied that the tanker was bound for Syria, and it has demanded that Britain release the vessel.",
        {("Iran", "requests", "United Kingdom", "actual", None)},
    ),
]

#: Found on news written for testing (blind set), each written anew on a sentence of its own
WHOLE += [
    (
        "a plural pronoun after a named group's fighters is that group, not any militants",
        "Malian soldiers ambushed Ansar Dine fighters near Gao, killing six of them.",
        {
            ("Malian military", "attacks", "Ansar Dine", "actual", None),
        },
    ),
    (
        "'the militias' refer back to an armed group, never to a state's army",
        "Iraqi troops entered Fallujah on Monday. Shi'ite militias fought beside them. Kurdish leaders warned "
        "the militias against looting.",
        {
            ("Kurdish leaders", "threatens", "Shi'ite militias", "actual", None),
            ("Iraqi military", "deploysTo", "Fallujah", "actual", None),
        },
    ),
    (
        "a description 'known as' or 'called' a name is that name",
        "Gunmen known as the Islamic State in Greater Sahara attacked Nigerien soldiers. A rebel group called "
        "the M23 seized Goma.",
        {
            ("Islamic State", "attacks", "Nigerien military", "actual", None),
            ("M23", "attacks", "Goma", "actual", None),
        },
    ),
    (
        "'whose' owns the noun for the relative clause's antecedent",
        "Rwanda, whose troops were accused of backing the rebels, denied it. Hamas, whose gunmen attacked "
        "Israel, praised the raid.",
        {
            ("Hamas", "attacks", "Israel", "actual", None),
            ("Rwandan military", "supports", "rebels", "actual", "source"),
        },
    ),
    (
        "a capital before an accord or proceeding only locates it",
        "Ukraine accused Russia of breaking the Minsk accord. The Taliban rejected the Doha talks. Iran "
        "rejected the Baghdad proposal.",
        {
            ("Iran", "rejects", "Iraq", "actual", None),
            ("Ukraine", "accuses", "Russia", "actual", None),
        },
    ),
    (
        "what a ruling is on is no target of rejecting it",
        "China rejected the tribunal's ruling on the Spratly Islands.",
        set(),
    ),
    (
        "a compass phrase places something outside the place it names",
        "Houthi rebels hold a string of villages to the south of Hodeidah. Emirati troops advanced on Mokha, "
        "west of Taiz, which is held by the Houthis.",
        {
            ("Emirati military", "attacks", "Mokha", "actual", None),
            ("Houthis", "controls", "Mokha", "actual", None),
        },
    ),
    (
        "troops a state agrees to send are its own, not a partner",
        "Egypt agreed to send 300 soldiers to Somalia.",
        {
            ("Egypt", "deploysTo", "Somalia", "potential", None),
        },
    ),
    (
        "freeing unnamed hostages or prisoners is a concession to nobody named",
        "The Taliban freed all hostages. Ethiopia released Tigrayan prisoners.",
        {
            ("Ethiopia", "concedesTo", "Tigrayan", "actual", None),
        },
    ),
    (
        "disarming a group coerces it",
        "Congolese troops disarmed the Mai-Mai militia in Beni on Sunday.",
        {
            ("Congolese troops", "coerces", "Mai-Mai militia", "actual", None),
        },
    ),
    (
        "a demonym and a weapon the tagger joins into a name are the state's forces, and a conjoined weapon "
        "shares them",
        "Israeli F-16s and artillery struck Hamas positions in Gaza.",
        {
            ("Israeli military", "attacks", "Hamas", "actual", None),
        },
    ),
    (
        "'she' opening a sentence continues with the person the last sentence was about, not one named in passing",
        "The Chairperson of the Commission, Dr. Nkosazana Dlamini Zuma, condemned the fighting between forces loyal "
        "to Salva Kiir and those of Riek Machar. She urged both leaders to order a ceasefire.",
        {
            ("Nkosazana Clarice Dlamini Zuma", "requests", "Salva Kiir", "actual", None),
            ("Nkosazana Clarice Dlamini Zuma", "requests", "Riek Machar Teny Dhurgon", "actual", None),
        },
    ),
    (
        "'the Chairperson' named in apposition is that person in what follows",
        "The Secretary-General of the United Nations, Antonio Guterres, condemned the coup in Niger. The "
        "Secretary-General urged the junta to free Mohamed Bazoum.",
        {
            ("Antonio Guterres", "leads", "United Nations", "actual", None),
            ("Antonio Guterres", "requests", "Niger", "actual", None),
            ("Niger", "concedesTo", "Mohamed Bazoum", "potential", None),
        },
    ),
    (
        "an envoy dispatched somewhere goes to meet, and what a purpose clause says is intended",
        "Kenya has dispatched its special envoy, Raila Odinga, to Addis Ababa to meet Abiy Ahmed.",
        {
            ("Raila Odinga", "meetsWith", "Abiy Ahmed", "potential", None),
            ("Raila Odinga", "represents", "Kenya", "actual", None),
        },
    ),
    (
        "a release's dateline of place and date is no actor",
        "Addis Ababa, 10 July 2016: The Chairperson of the Commission, Dr. Nkosazana Dlamini Zuma, strongly condemns "
        "the attack by al-Shabab on Mogadishu.",
        {
            ("Nkosazana Clarice Dlamini Zuma", "accuses", "al-Shabab", "actual", None),
            ("al-Shabab", "attacks", "Mogadishu", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "a description a name was given ('militias known as X') is what 'the militias' refer back to",
        "Arab militias known as the Rapid Support Forces took over Nyala, which al-Shabab still attacks. "
        "Khartoum warned the militias against looting.",
        {
            ("Rapid Support Forces", "captures", "Nyala", "actual", None),
            ("Sudan", "threatens", "Rapid Support Forces", "actual", None),
            ("al-Shabab", "attacks", "Nyala", "actual", None),
        },
    ),
    (
        "an unknown name in a list of towns is a town",
        "Government troops have retaken a dozen villages in Sennar state, including Abu Hujar.",
        {
            ("government troops", "captures", "Abu Hujar", "actual", None),
        },
    ),
    (
        "a fronted participle of support ('Backed by X, Y did Z') backs the main clause's subject",
        "Backed by Turkish drones, Azerbaijani troops captured Shusha.",
        {
            ("Azerbaijani military", "attacks", "Shusha", "actual", None),
            ("Turkish military", "supports", "Azerbaijani military", "actual", None),
        },
    ),
    (
        "a title before an honorific the tagger leaves out of a name, and 'spoke to' a person",
        "Saudi Foreign Minister Prince Faisal bin Farhan spoke to State Counsellor Aung San Suu Kyi.",
        {
            ("Faisal bin Farhan", "meetsWith", "Aung San Suu Kyi", "actual", None),
            ("Faisal bin Farhan", "represents", "Saudi Arabia", "actual", None),
        },
    ),
    (
        "speaking to reporters is no meeting",
        "Lavrov spoke to reporters in Moscow.",
        set(),
    ),
]

WHOLE += [
    (
        "a request's clause whose verb the parser reads as a noun's compound still names who is asked",
        "China demanded that the US cancel plans to sell weapons to Taiwan.",
        {
            ("China", "requests", "United States", "actual", None),
        },
    ),
    (
        "refusing to let an actor act rejects that actor",
        "Hamas refused to allow Red Cross workers to enter the prison.",
        {
            ("Hamas", "rejects", "International Committee of the Red Cross", "actual", None),
        },
    ),
    (
        "troops a threat would send are the threatener's own; the destination is threatened",
        "Turkey threatened to send troops into northern Iraq. Egypt refused to deploy soldiers in Libya.",
        {
            ("Egypt", "deploysTo", "Libya", "negated", None),
            ("Egypt", "rejects", "Libya", "actual", None),
            ("Turkey", "deploysTo", "Iraq", "potential", "Turkey"),
            ("Turkey", "threatens", "Iraq", "actual", None),
        },
    ),
    (
        "ending part of an aid ends the aid: a sanction, and the aid no longer holds",
        "The EU suspended part of its aid to Mali.",
        {
            ("European Union", "sanctions", "Mali", "actual", None),
            ("European Union", "supports", "Mali", "negated", None),
        },
    ),
]

WHOLE += [
    (
        "an act of protest done for a demand on an actor is a protest against that actor",
        "Opposition supporters held a rally in Conakry to demand the resignation of President Alpha Conde.",
        {
            ("opposition supporters", "accuses", "Alpha Conde", "actual", None),
            ("opposition supporters", "requests", "Alpha Conde", "potential", None),
        },
    ),
    (
        "a protest march with a demand in a participle",
        "Thousands of students marched in Caracas demanding the release of Leopoldo Lopez by the Venezuelan "
        "government.",
        {
            ("students", "accuses", "Venezuelan government", "actual", None),
            ("students", "requests", "Venezuelan government", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "demolishing an actor's homes coerces it",
        "Israeli troops demolished Palestinian homes in Hebron.",
        {("Israeli military", "coerces", "Palestine", "actual", None)},
    ),
]

#: Near-misses a review of the sixth session's rules wrote (each was a false statement of a new rule)
WHOLE += [
    (
        "a fronted participle backs the main subject only when it is one of support, by an actor",
        "Fired by Netanyahu last year, Yoav Gallant stayed silent. Backed by tanks, Israeli troops entered Jenin.",
        {("Israeli military", "deploysTo", "Jenin", "actual", None)},
    ),
    (
        "speaking to a news agency or an assembly is an address, not talks",
        "A Pentagon official spoke to Reuters. Emmanuel Macron spoke to the UN General Assembly.",
        set(),
    ),
    (
        "a one-word title ('chief') is no fallback for a longer one, and a surname keeps its first word",
        "ICC Chief Prosecutor Karim Khan praised Ukraine. Hunter Biden met Ukrainian officials.",
        {
            ("Hunter Biden", "meetsWith", "Ukrainian government", "actual", None),
            ("Karim Khan", "supports", "Ukraine", "actual", None),
        },
    ),
    (
        "militias joined to a state's forces are not that state's",
        "Iraqi forces and Iranian-backed militias attacked Tikrit.",
        {
            ("Iran", "supports", "militias", "actual", None),
            ("Iraqi military", "attacks", "Tikrit", "actual", None),
            ("militias", "attacks", "Tikrit", "actual", None),
            ("Iraqi military", "cooperatesWith", "militias", "actual", None),
        },
    ),
    (
        "a capital before 'court' names the state's court",
        "A Moscow court jailed Alexei Navalny.",
        {
            ("Russian judiciary", "coerces", "Alexei Navalny", "actual", None),
        },
    ),
    (
        "'only to V' is what followed, not a purpose",
        "The rebels withdrew, only to return days later and attack Goma.",
        {
            ("rebels", "attacks", "Goma", "actual", None),
        },
    ),
    (
        "refusing to let a generic group act rejects no actor",
        "The Taliban refused to allow girls to attend secondary school.",
        set(),
    ),
]

WHOLE += [
    (
        "'accused Azerbaijani forces of shelling X' when the parser splits the demonym and hangs 'of' on the forces",
        "Hours before the truce began, Armenian officials accused Azerbaijani forces of shelling Kapan, a border town.",
        {
            ("Armenian government", "accuses", "Azerbaijani military", "actual", None),
            ("Azerbaijani military", "attacks", "Kapan", "actual", "Armenian government"),
        },
    ),
    (
        "a warning that an actor would face consequences threatens that actor",
        "Iran warned on Monday that Britain would face consequences for the seizure.",
        {
            ("Iran", "threatens", "United Kingdom", "actual", None),
        },
    ),
    (
        "'his Armenian counterpart, X' represents Armenia, not the possessor's side",
        "Blinken met his Chinese counterpart, Wang Yi, in Bali.",
        {
            ("Antony Blinken", "meetsWith", "Wang Yi", "actual", None),
            ("Wang Yi", "represents", "China", "actual", None),
        },
    ),
    (
        "an object pronoun is not its own clause's subject",
        "Russia's allies, Belarus and Iran, backed it.",
        {
            ("Belarus", "supports", "Russia", "actual", None),
            ("Belarus", "cooperatesWith", "Russia", "actual", None),
            ("Iran", "cooperatesWith", "Russia", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "forces loyal to a state's government are that state's forces",
        "Forces loyal to Libya's internationally recognized government pushed back the LNA.",
        {
            ("Libyan military", "attacks", "Libyan National Army", "actual", None),
        },
    ),
]

#: Near-misses of a second review
WHOLE += [
    (
        "a forecast of hardship is no threat, nor a warning to one's own side",
        "The IMF warned that Germany would face a recession next year. Scholz warned that Germany would face "
        "hard years.",
        set(),
    ),
    (
        "an army's march or strike is no protest, and a plea is no demand",
        "Sudan's army began a march on Wad Madani to demand that the RSF withdraw. Residents held a vigil in "
        "Kyiv to ask President Emmanuel Macron for more air defence systems.",
        {
            ("Sudanese Armed Forces", "requests", "Rapid Support Forces", "potential", None),
            ("residents", "requests", "Emmanuel Macron", "potential", None),
            ("Emmanuel Macron", "leads", "France", "actual", None),
        },
    ),
    (
        "a target's 'of' owner before a place modifier",
        "Israel bombed the Gaza offices of the Associated Press.",
        {
            ("Israel", "attacks", "Associated Press", "actual", None),
        },
    ),
    (
        "forces loyal to a rival authority are not the state's",
        "Forces loyal to the Houthi-run government in Sanaa attacked a Saudi border post.",
        {
            ("forces", "attacks", "Saudi Arabia", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "forces or a base an actor keeps somewhere are deployed there, and none kept are not",
        "France has about 750 troops on the ground in Mali. Russia, which has a military base in Armenia, "
        "kept quiet. Iran has no troops in Syria.",
        {
            ("France", "deploysTo", "Mali", "actual", None),
            ("Iran", "deploysTo", "Syria", "negated", None),
            ("Russia", "deploysTo", "Armenia", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "a name with a hyphenated particle ('el-Shoukry') keeps its title",
        "Egyptian Foreign Minister Sameh el-Shoukry said the talks would resume next week.",
        {
            ("Sameh el-Shoukry", "represents", "Egypt", "actual", None),
        },
    ),
    (
        "a name the tagger cuts in two is one person, and a title with 'of' has its head before the 'of'",
        "Yemeni President Abd Rabbuh Mansour Hadi met Russian Minister of Defense Sergei Shoigu in Aden.",
        {
            ("Abd Rabbuh Mansour Hadi", "leads", "Yemen", "actual", None),
            ("Abd Rabbuh Mansour Hadi", "meetsWith", "Sergei Shoigu", "actual", None),
            ("Sergei Shoigu", "represents", "Russia", "actual", None),
        },
    ),
    (
        "'former' in apposition: a role held no more",
        "Kofi Annan, a former Ghanaian diplomat, urged Assad to step down.",
        {
            ("Kofi Annan", "requests", "Bashar al-Assad", "actual", None),
        },
    ),
    (
        "a title the parser makes a conjunct stands for its person; a purpose of the same relation is the same act",
        "Secretary of State Antony Blinken and Saudi Foreign Minister Faisal bin Farhan met in Riyadh to discuss "
        "Sudan.",
        {
            ("Antony Blinken", "meetsWith", "Faisal bin Farhan", "actual", None),
            ("Faisal bin Farhan", "represents", "Saudi Arabia", "actual", None),
            ("Antony Blinken", "represents", "United States", "actual", None),
        },
    ),
    (
        "an ally or partner in apposition or as a predicate cooperates; a possessed ally with a demonym is that state",
        "Belarus, Russia's closest ally, hosted the talks. Hezbollah is a key ally of Iran. The opposition accused the "
        "Syrian army and its Iranian allies of breaking the truce.",
        {
            ("Belarus", "cooperatesWith", "Russia", "actual", None),
            ("Hezbollah", "cooperatesWith", "Iran", "actual", None),
            ("Syrian Army", "cooperatesWith", "Iran", "actual", None),
            ("opposition", "accuses", "Iran", "actual", None),
            ("opposition", "accuses", "Syrian Army", "actual", None),
        },
    ),
    (
        "a counterpart or rival is no ally",
        "Lavrov met his Chinese counterpart in Beijing. Ankara warned its Greek rivals.",
        {
            ("Sergey Lavrov", "meetsWith", "China", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "a place under someone's control is controlled by them",
        "Raqqa, the group's de facto capital, is the largest city under Islamic State control. The army shelled "
        "villages under rebel control.",
        {
            ("Islamic State", "controls", "Raqqa", "actual", None),
        },
    ),
    (
        "a force made up of troops from states has those states as its parts",
        "The Multinational Joint Task Force, made up of troops from Nigeria, Chad, Niger and Cameroon, fights Boko "
        "Haram.",
        {
            ("Cameroon", "partOf", "Multinational Joint Task Force", "actual", None),
            ("Chad", "partOf", "Multinational Joint Task Force", "actual", None),
            ("Multinational Joint Task Force", "fights", "Boko Haram", "actual", None),
            ("Niger", "partOf", "Multinational Joint Task Force", "actual", None),
            ("Nigeria", "partOf", "Multinational Joint Task Force", "actual", None),
        },
    ),
    (
        "forces that are somewhere, or kept there in thousands, or a military presence somewhere, are deployed there",
        "About 900 French troops are still in Niger. Britain has kept hundreds of soldiers in Estonia. The Russian "
        "military presence in Libya worries NATO.",
        {
            ("French military", "deploysTo", "Niger", "actual", None),
            ("Russian military", "deploysTo", "Libya", "actual", None),
            ("United Kingdom", "deploysTo", "Estonia", "actual", None),
        },
    ),
    (
        "'the military' is an armed body named before, not any state body",
        "A State Department spokesman criticised the vote. Putin then ordered the military to hold exercises.",
        set(),
    ),
    (
        "pressing or leading an event carries it: no request, no leadership of the target",
        "As Israeli forces pressed their offensive on the city of Rafah, Hamas fired rockets. Nigerian troops are "
        "leading the fight against Boko Haram.",
        {
            ("Israeli military", "attacks", "Rafah", "actual", None),
            ("Nigerian military", "fights", "Boko Haram", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "a title-case headline is one sentence, read in sentence case with its small words too",
        "Somali Troops Retake Port of Kismayo From Al-Shabab as Kenyan Jets Strike Camps\n\nThe army said the port "
        "was calm.",
        {
            ("Somali military", "attacks", "al-Shabab", "actual", None),
            ("Somali military", "captures", "Kismayo", "actual", None),
        },
    ),
    (
        "a suburb or district named in its own words is that place, not the city it is of; a port of X is X",
        "Syrian jets bombed the Douma suburb of Damascus. Yemeni troops retook the port of Mukalla from al-Qaeda.",
        {
            ("Syrian Army", "attacks", "Douma suburb", "actual", None),
            ("Yemeni military", "attacks", "al-Qaeda", "actual", None),
            ("Yemeni military", "captures", "Mukalla", "actual", None),
        },
    ),
    (
        "a place named before an attack noun is its target; a state or demonym there attacks",
        "Turkey expanded its Afrin offensive. Iraqi forces began the Tal Afar operation on Sunday. The Russian "
        "offensive stalled.",
        {
            ("Iraqi military", "attacks", "Tal Afar", "actual", None),
            ("Turkey", "attacks", "Afrin", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "a town kills nobody: the bombings in it did",
        "The UN condemned the car bombings in Kismayo, which killed dozens of Somali soldiers.",
        set(),
    ),
    (
        "a capital before an attack with no target of its own only places it; with a target, the capital's state "
        "attacks",
        "Washington condemned the Kabul bombing. Ankara condemned the Damascus airstrikes on Idlib.",
        {
            ("Syria", "attacks", "Idlib", "actual", None),
            ("Turkey", "accuses", "Syria", "actual", None),
        },
    ),
    (
        "'the coalition' refers back only to an actor named a coalition",
        "The UN Security Council met on Yemen. Saudi Arabia, which leads the coalition, denied bombing the market.",
        set(),
    ),
    (
        "an act that continues is under way, whatever a modal says of its going on, unless a condition holds",
        "Russia will continue its airstrikes on Idlib. Turkey may continue its strikes on Afrin if talks fail.",
        {
            ("Russia", "attacks", "Idlib", "actual", None),
            ("Turkey", "attacks", "Afrin", "potential", None),
        },
    ),
    (
        "a phrase set off after an owned object is the object's",
        "Washington welcomed Egypt's efforts, in coordination with the UN, to secure a truce.",
        {
            ("Egypt", "cooperatesWith", "United Nations", "actual", None),
            ("United States", "supports", "Egypt", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "a relative clause on an attack is the attackers' act",
        "Kenya condemned al-Shabab's bombing of a bus near Mandera, which killed six Kenyan soldiers.",
        {
            ("Kenya", "accuses", "al-Shabab", "actual", None),
            ("al-Shabab", "attacks", "Kenyan military", "actual", None),
        },
    ),
    (
        "hit by a series of someone's attacks: attacked by them",
        "Niger has been hit by a wave of Boko Haram attacks.",
        {
            ("Boko Haram", "attacks", "Niger", "actual", None),
        },
    ),
    (
        "responsible for attacks: the attacker",
        "The Islamic State has been responsible for many of the worst attacks on Iraqi forces. Baghdad held the "
        "group responsible for the attack on Samarra.",
        {
            ("Islamic State", "attacks", "Iraqi military", "actual", None),
        },
    ),
    (
        "a second phrase with the same preposition is a second target",
        "The rebels fired rockets at the town of Avdiivka and at Ukrainian army checkpoints.",
        {
            ("rebels", "attacks", "Avdiivka", "actual", None),
            ("rebels", "attacks", "Ukrainian military", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "a title with no owner in the text is held for the country the gazetteer knows, once an article",
        "Secretary of State John Kerry met Sergei Lavrov in Geneva. Later, Secretary of State John Kerry flew to "
        "Paris.",
        {
            ("John Kerry", "meetsWith", "France", "actual", None),
            ("John Kerry", "meetsWith", "Sergey Lavrov", "actual", None),
            ("John Kerry", "represents", "United States", "actual", None),
        },
    ),
    (
        "a vice president or deputy represents, and leads nothing",
        "First Vice President Riek Machar met President Yoweri Museveni in Kampala.",
        {
            ("Riek Machar Teny Dhurgon", "meetsWith", "Yoweri Museveni", "actual", None),
            ("Riek Machar Teny Dhurgon", "represents", "South Sudan", "actual", None),
            ("Yoweri Museveni", "leads", "Uganda", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "an ally named, or described by more than a demonym, is a group, not the demonym's state",
        "Iran and its Lebanese ally Hezbollah have sent fighters to help Assad. Turkey's Syrian rebel allies "
        "captured the town of al-Bab.",
        {
            ("Hezbollah", "cooperatesWith", "Iran", "actual", None),
            ("Hezbollah", "supports", "Bashar al-Assad", "potential", None),
            ("Iran", "supports", "Bashar al-Assad", "potential", None),
        },
    ),
    (
        "an international or opposition office is held for no country",
        "Secretary-General Antonio Guterres called for calm. Opposition leader Riek Machar fled to Khartoum.",
        set(),
    ),
    (
        "a phrase set off after an actor as object is the subject's",
        "France backed Mali's government, in coordination with Chad, against the jihadists.",
        {
            ("France", "cooperatesWith", "Chad", "actual", None),
            ("France", "supports", "Malian government", "actual", None),
        },
    ),
    (
        "a second phrase with the same preposition inside a clause of its own is that clause's",
        "Israeli troops fired at Palestinians who had thrown stones at settlers and at soldiers.",
        {
            ("Israeli military", "attacks", "Palestinians", "actual", None),
            # (stones thrown at someone attack them: kg.objects, cue kind weapon)
            ("Palestinians", "attacks", "settlers", "actual", None),
            ("Palestinians", "attacks", "soldiers", "actual", None),
        },
    ),
    (
        "handing weapons to monitors supports nobody; a fight with someone over something is no war",
        "FARC rebels will hand over their weapons to UN monitors. Iran's fight with Saudi Arabia over oil output "
        "continued.",
        set(),
    ),
    (
        "forces in control of a place control it, and are not said to be deployed there; a port of X is X",
        "Syrian government forces are in control of most of Homs. Warships blockaded the Red Sea port of Hodeidah.",
        {
            ("Syrian Army", "controls", "Homs", "actual", None),
            ("warships", "coerces", "Hodeidah", "actual", None),
        },
    ),
    (
        "a place noun's name runs over its lower-case compounds",
        "The US launched a missile strike on Shayrat air base.",
        {
            ("United States", "attacks", "Shayrat air base", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "a thing of someone's that draws condemnation from X: X accuses its owner",
        "Iran's missile test drew condemnation from Washington and Paris. The plan drew support from Egypt.",
        {
            ("France", "accuses", "Iran", "actual", None),
            ("United States", "accuses", "Iran", "actual", None),
        },
    ),
    (
        "naming an act or actor by a word of censure accuses whoever is behind it; a calling for is no naming",
        "Ankara called the Greek military presence on the islands a provocation. Moscow described Kyiv's offensive "
        "as a violation of the truce. The UN called for a ceasefire. Obama called Putin a partner.",
        {
            ("Russia", "accuses", "Ukraine", "actual", None),
            ("Turkey", "accuses", "Greece", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "holding an actor responsible or accountable accuses it; holding a town is no judgment",
        "Ankara holds the PKK responsible for the blast. Kenya said it held al-Shabab fully accountable. Al-Shabab "
        "still holds the town of Barawe.",
        {
            ("Turkey", "accuses", "PKK", "actual", None),
            ("Kenya", "accuses", "al-Shabab", "actual", "Kenya"),
            ("al-Shabab", "controls", "Barawe", "actual", None),
        },
    ),
    (
        "a demand rejected or accepted was made: its maker requests the one who answers it",
        "Egypt rejected calls from Qatar for a new truce. The Malian government accepted the demands of the Tuareg "
        "rebels.",
        {
            ("Egypt", "rejects", "Qatar", "actual", None),
            ("Qatar", "requests", "Egypt", "actual", None),
            ("Malian government", "concedesTo", "rebels", "actual", None),
            ("rebels", "requests", "Malian government", "actual", None),
        },
    ),
    (
        "a demand rejected is a demand made, in the article's voice, of the one who rejects it",
        "Somali President Hassan Sheikh Mohamud rejected Kenyan demands that the group hand over the port.",
        {
            ("Hassan Sheikh Mohamud", "leads", "Somalia", "actual", None),
            ("Hassan Sheikh Mohamud", "rejects", "Kenya", "actual", None),
            ("Kenya", "requests", "Hassan Sheikh Mohamud", "actual", None),
        },
    ),
    (
        "a thing of an actor's overrun is an attack on the actor, not its capture; one's own state's thing is neither",
        "Al-Shabab fighters overran an Ethiopian base near Baidoa. Iraqi troops retook the government compound in "
        "Fallujah.",
        {
            ("al-Shabab", "attacks", "Ethiopia", "actual", None),
        },
    ),
    (
        "praise of one's own state's forces backs nobody; praise of another's backs them",
        "Israel's defense minister praised the Israeli troops. The French president praised the Malian army.",
        {
            ("France", "supports", "Malian military", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "a definite act with nothing of its own ('the strikes') is the one stated before by a word of its lemma, "
        "not another act ('the bombing' is not the airstrikes), nor one of its own sentence",
        "Israeli jets struck Gaza on Sunday. Egypt condemned the strikes. A bombing killed ten people in Kabul. The "
        "Taliban condemned the bombing. Kenya condemned the attack after al-Shabab attacked Garissa.",
        {
            ("Israeli military", "attacks", "Gaza", "actual", None),
            ("Egypt", "accuses", "Israeli military", "actual", None),
            ("al-Shabab", "attacks", "Garissa", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "a rival, enemy or foe of Y, in apposition or as a predicate, opposes Y; 'the rival factions' names nobody",
        "Fatah is a longtime rival of Hamas. Iran, an enemy of Israel, tested a missile. The rival factions fought "
        "in Tripoli.",
        {
            ("Fatah", "opposes", "Hamas", "actual", None),
            ("Iran", "opposes", "Israel", "actual", None),
        },
    ),
    (
        "what is thrown or fired at X attacks X; people killed at a market name no target",
        "Some protesters hurled stones at Israeli soldiers. Police fired tear gas at protesters in Harare. Gunmen "
        "killed 10 people at a market in Baidoa.",
        {
            ("protesters", "attacks", "Israeli military", "actual", None),
            ("police", "attacks", "protesters", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "'the strike' is the last strike stated, even one by nobody named",
        "Israeli jets struck Gaza on Monday. A car bomb struck a market in Baghdad on Tuesday. Iraq condemned the "
        "strike.",
        {("Israeli military", "attacks", "Gaza", "actual", None)},
    ),
    (
        "a demand made of another than who rejects it, or a demand not made yet ('any'), is no request of the rejecter",
        "Israel dismissed appeals from the Red Cross to the Hamas leadership. Ethiopia rejected the Arab League's "
        "call for Egypt and Sudan to negotiate. Israel said it would reject any demand from the United Nations.",
        {
            ("Israel", "rejects", "International Committee of the Red Cross", "actual", None),
            ("International Committee of the Red Cross", "requests", "Hamas", "actual", None),
            ("Ethiopia", "rejects", "Arab League", "actual", None),
            ("Israel", "rejects", "United Nations", "potential", "Israel"),
        },
    ),
    (
        "an actor's land taken is captured; praise of another body of one's state backs it; 'responsible' is blame "
        "only after 'hold'",
        "Turkish forces seized Syrian territory. The Iraqi prime minister praised the Kurdistan Regional Government. "
        "Germany called the French decision responsible.",
        {
            ("Turkish military", "captures", "Syria", "actual", None),
            ("Iraq", "supports", "Kurdistan Regional Government", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "a rank between a title and a name is no title; a province's governor leads it; a chief justice leads nothing",
        "Kenyan military spokesman Colonel David Obonyo said the base had not fallen. Anbar's provincial governor, "
        "Sohaib al-Rawi, told reporters that residents had fled. Nigerian Chief Justice Walter Onnoghen resigned.",
        {
            ("David Obonyo", "represents", "Kenya", "actual", None),
            ("Sohaib al-Rawi", "leads", "Anbar", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "a force whose troops come from states has them as parts; troops a state has are its own; 'whose troops came "
        "under attack' names no parts",
        "The Multinational Joint Task Force, whose 8,000 troops come from Chad, Niger and Cameroon, fought Boko "
        "Haram. Uganda, which has 6,000 troops serving with the African Union Mission in Somalia, praised them. "
        "Kenya, whose troops came under attack, vowed revenge.",
        {
            ("Chad", "partOf", "Multinational Joint Task Force", "actual", None),
            ("Niger", "partOf", "Multinational Joint Task Force", "actual", None),
            ("Cameroon", "partOf", "Multinational Joint Task Force", "actual", None),
            ("Multinational Joint Task Force", "fights", "Boko Haram", "actual", None),
            ("Ugandan military", "partOf", "African Union Mission in Somalia", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "an 'X-led' name the gazetteer knows with its leader is led by it, as any 'X-led coalition' is",
        "The U.S.-led coalition struck Raqqa.",
        {
            ("United States", "leads", "US-led coalition", "actual", None),
            ("US-led coalition", "attacks", "Raqqa", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "fleeing, abandoning and pulling back from a place withdraw from it; abandoning a plan is none",
        "Iraqi troops abandoned Ramadi during a sandstorm. Assad fled the country. Kenyan troops pulled back from "
        "Kismayo. The rebels abandoned the plan.",
        {
            ("Iraqi military", "withdrawsFrom", "Ramadi", "actual", None),
            ("Bashar al-Assad", "withdrawsFrom", "Syria", "actual", None),
            ("Kenyan military", "withdrawsFrom", "Kismayo", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "a gerund after 'against' or 'from' is done by the verb's object: feared ('against'), or not done after a "
        "verb that hinders it; 'by' V-ing is the subject's own",
        "The United States warned Russia against annexing Crimea. Turkish troops prevented Kurdish fighters from "
        "crossing into Afrin. Russia helped Syria by bombing Aleppo.",
        {
            ("United States", "threatens", "Russia", "actual", None),
            ("Russia", "captures", "Crimea", "potential", None),
            ("Turkish military", "coerces", "YPG", "actual", None),
            ("YPG", "deploysTo", "Afrin", "negated", None),
            ("Russia", "supports", "Syria", "actual", None),
            ("Russia", "attacks", "Aleppo", "actual", None),
        },
    ),
    (
        "measures taken against an actor capture nothing of it",
        "China said it would take all necessary measures against any Taiwanese move toward independence.",
        set(),
    ),
]

WHOLE += [
    (
        "a verb of exchange does its object's act both ways: with its 'with' phrase, or between its subjects; fire "
        "exchanged is fighting, captives exchanged are concessions; goods traded are nothing",
        "Trump traded insults and threats with Kim Jong Un. Israel and Hezbollah exchanged fire across the border. "
        "Ukraine and Russian-backed separatists swapped hundreds of prisoners. Kenya and Uganda traded goods.",
        {
            ("Donald Trump", "threatens", "Kim Jong Un", "actual", None),
            ("Kim Jong Un", "threatens", "Donald Trump", "actual", None),
            ("Israel", "fights", "Hezbollah", "actual", None),
            ("Ukraine", "concedesTo", "separatists", "actual", None),
            ("separatists", "concedesTo", "Ukraine", "actual", None),
            ("Russia", "supports", "separatists", "actual", None),
        },
    ),
    (
        "a warning of one's own hostile act threatens whom it would be done to, or whoever its 'if' clause names; a "
        "forecast of another's act threatens nobody",
        "Moscow warned that it would shoot down any American missiles. Turkey warned that it would launch an offensive "
        "against the YPG. Egypt warned that it would close the border if Hamas attacked. Analysts warned that "
        "rebels would attack Damascus.",
        {
            ("Russia", "threatens", "United States", "actual", None),
            ("Russia", "attacks", "United States", "potential", "Russia"),
            ("Turkey", "threatens", "YPG", "actual", None),
            ("Turkey", "attacks", "YPG", "potential", "Turkey"),
            ("Egypt", "threatens", "Hamas", "actual", None),
            ("rebels", "attacks", "Damascus", "potential", "source"),
        },
    ),
]

WHOLE += [
    (
        "agents of one act of force act jointly and cooperate; one state's forces, a whole and its part, or a joint "
        "condemnation do not",
        "The United States, Britain and France launched missile strikes against Syria. Iraqi troops and federal "
        "police recaptured Tikrit. Kenya and Uganda condemned Iran.",
        {
            ("United States", "attacks", "Syria", "actual", None),
            ("United Kingdom", "attacks", "Syria", "actual", None),
            ("France", "attacks", "Syria", "actual", None),
            ("United States", "cooperatesWith", "United Kingdom", "actual", None),
            ("United States", "cooperatesWith", "France", "actual", None),
            ("United Kingdom", "cooperatesWith", "France", "actual", None),
            ("Iraqi military", "captures", "Tikrit", "actual", None),
            ("federal police", "captures", "Tikrit", "actual", None),
            ("Kenya", "accuses", "Iran", "actual", None),
            ("Uganda", "accuses", "Iran", "actual", None),
        },
    ),
    (
        "a name the tagger took for a group or a people, captured, is a place",
        "Rebels seized Kidal.",
        {("rebels", "captures", "Kidal", "actual", None)},
    ),
    (
        "a deputy or former leader of a group is not its leader, whom the gazetteer knows",
        "The Hezbollah deputy leader threatened Israel. The Hezbollah leader threatened Israel.",
        {
            ("Hezbollah", "threatens", "Israel", "actual", None),
            ("Hassan Nasrallah", "threatens", "Israel", "actual", None),
        },
    ),
    (
        "leaders of the years after the Phoenix dictionaries are known, with their states",
        "Defense Secretary Jim Mattis met Haider al-Abadi in Baghdad. Mattis praised Iraqi troops.",
        {
            ("Jim Mattis", "meetsWith", "Haider al-Abadi", "actual", None),
            ("Jim Mattis", "represents", "United States", "actual", None),
            ("Jim Mattis", "supports", "Iraqi military", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "'the allies' are the actors named acting together before; 'the negotiators' the two sides of the last talks",
        "Kenya and Uganda attacked al-Shabab in Kismayo. The allies captured Baidoa. North Korea held talks "
        "with South Korea. The negotiators agreed to hold military talks.",
        {
            ("Kenya", "attacks", "al-Shabab", "actual", None),
            ("Uganda", "attacks", "al-Shabab", "actual", None),
            ("Kenya", "cooperatesWith", "Uganda", "actual", None),
            ("Kenya", "captures", "Baidoa", "actual", None),
            ("Uganda", "captures", "Baidoa", "actual", None),
            ("North Korea", "meetsWith", "South Korea", "actual", None),
            ("North Korea", "agreesWith", "South Korea", "actual", None),
            ("North Korea", "meetsWith", "South Korea", "potential", None),
        },
    ),
]

WHOLE += [
    (
        "an adjunct phrase's actor may be its noun's possessor; a thing closed by its owners ('their') is nobody "
        "else's",
        "Turkey and Iran closed their borders at Baghdad's request.",
        {
            ("Iraq", "requests", "Turkey", "actual", None),
            ("Iraq", "requests", "Iran", "actual", None),
        },
    ),
    (
        "'the rival X' opposes the clause's subject, and is opposed by it",
        "Hamas signed a reconciliation deal with the rival Fatah movement.",
        {
            ("Hamas", "agreesWith", "Fatah", "actual", None),
            ("Hamas", "opposes", "Fatah", "actual", None),
            ("Fatah", "opposes", "Hamas", "actual", None),
        },
    ),
    (
        "'a charge X denies': what the charge says is also X's, negated",
        "Kyiv accuses Russia of arming the rebels, a charge Moscow denies.",
        {
            ("Ukraine", "accuses", "Russia", "actual", None),
            ("Russia", "supports", "rebels", "actual", "Ukraine"),
            ("Russia", "supports", "rebels", "negated", "Russia"),
        },
    ),
]

WHOLE += [
    (
        "a word for an armed group before an agent noun makes them the group's ('separatist officials'); governments "
        "of nobody named are no state's government",
        "Separatist officials blamed Ukrainian forces for the shelling. Western governments accused Russia of "
        "arming the rebels.",
        {
            ("separatists", "accuses", "Ukrainian military", "actual", None),
            ("Russia", "supports", "separatists", "actual", "source"),
        },
    ),
]

WHOLE += [
    (
        "a withdrawal with no place of its own leaves the place another side takes in the same sentence",
        "Iraqi forces seized Kirkuk on Monday as Kurdish peshmerga fighters withdrew.",
        {
            ("Iraqi military", "captures", "Kirkuk", "actual", None),
            ("Peshmerga", "withdrawsFrom", "Kirkuk", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "'who' after a person's apposition is the person, wherever the parser hangs the clause",
        "Qassem Soleimani, the commander of Iran's Quds Force, who met PUK leaders in Sulaimaniyah, brokered the deal.",
        {
            ("Qassem Soleimani", "meetsWith", "Patriotic Union of Kurdistan", "actual", None),
            ("Qassem Soleimani", "leads", "Quds Force", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "a call for X to act asks X",
        "Russia renewed its call for Israel to withdraw. Egypt repeated its calls for a ceasefire.",
        {("Russia", "requests", "Israel", "actual", None)},
    ),
]

WHOLE += [
    (
        "'the attack' with nothing of its own is the last act of its kind, stated by a word of another lemma",
        "Israel launched airstrikes on Gaza. Egypt condemned the attack.",
        {
            ("Israel", "attacks", "Gaza", "actual", None),
            ("Egypt", "accuses", "Israel", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "a leader's orders to the forces he leads are no request; two accused of one act did not act jointly",
        "Haftar ordered his troops to advance on Tripoli. Amnesty accused both Boko Haram and Nigerian soldiers of "
        "killing civilians.",
        {
            ("Libyan National Army", "attacks", "Tripoli", "potential", None),
            ("Amnesty", "accuses", "Boko Haram", "actual", None),
            ("Amnesty", "accuses", "Nigerian military", "actual", None),
            ("Boko Haram", "attacks", "civilians", "actual", "Amnesty"),
            ("Nigerian military", "attacks", "civilians", "actual", "Amnesty"),
        },
    ),
]

WHOLE += [
    (
        "people held are detained (controls falls back to coerces for people only); armed forces entering a place "
        "deploy there, others entering talks or an alliance do not",
        "Al-Shabab holds Kenyan hostages. Hamas holds Gaza. Russian troops entered Crimea. Finland entered NATO. "
        "Iran and the United States entered into indirect talks in Oman.",
        {
            ("al-Shabab", "coerces", "Kenyan hostages", "actual", None),
            ("Hamas", "controls", "Gaza", "actual", None),
            ("Russian military", "deploysTo", "Crimea", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "'his' opening a sentence's subject is the person the sentences before were about, not the last one named",
        "South Korean President Moon Jae-in welcomed the talks with Kim Jong Un. But his government said it would "
        "continue to enforce sanctions against Pyongyang.",
        {
            ("Moon Jae-in", "leads", "South Korea", "actual", None),
            ("South Korean government", "sanctions", "North Korea", "actual", "South Korean government"),
        },
    ),
]

WHOLE += [
    (
        "'the capital' acted on is the capital of the state the article is about; a lower-case word inside a place's "
        "name keeps the name whole ('the K1 military base')",
        "Somali troops attacked al-Shabab in Jilib. Al-Shabab has repeatedly struck the capital. Iraqi forces took "
        "the K1 military base.",
        {
            ("Somali military", "attacks", "al-Shabab", "actual", None),
            ("al-Shabab", "attacks", "Mogadishu", "actual", None),
            ("Iraqi military", "captures", "K1 military base", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "'the North' is the one state named 'North ...' the article has named; elsewhere a compass word is nobody",
        "North Korea held talks with South Korea. China, the North's main ally, welcomed the talks. Fighting raged "
        "in the South of Syria.",
        {
            ("North Korea", "meetsWith", "South Korea", "actual", None),
            ("China", "cooperatesWith", "North Korea", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "'the leaders' right after two persons met are those two; a title before a known person's name says he leads",
        "President Trump spoke with Prime Minister Shinzo Abe of Japan on Tuesday. The leaders agreed to increase "
        "pressure on North Korea.",
        {
            ("Donald Trump", "meetsWith", "Shinzo Abe", "actual", None),
            ("Donald Trump", "leads", "United States", "actual", None),
            ("Shinzo Abe", "leads", "Japan", "actual", None),
            ("Donald Trump", "agreesWith", "Shinzo Abe", "actual", None),
            ("Donald Trump", "requests", "North Korea", "potential", None),
            ("Shinzo Abe", "requests", "North Korea", "potential", None),
        },
    ),
]

WHOLE += [
    (
        "a known leader's title with no owner is for the body he leads; 'the capital' is the most named state's; "
        "plural people held are detained; agreeing to leave a town is no agreement with it",
        "Kenya attacked al-Shabab in Somalia. Despite losing territory in Somalia, al-Shabab has repeatedly struck "
        "the capital. Regional President Masoud Barzani accused Baghdad. Jaish al-Islam was holding 100 Syrians. "
        "Its fighters agreed to leave the town.",
        {
            ("Kenya", "attacks", "al-Shabab", "actual", None),
            ("al-Shabab", "attacks", "Mogadishu", "actual", None),
            ("Masoud Barzani", "leads", "Kurdistan Regional Government", "actual", None),
            ("Masoud Barzani", "accuses", "Iraq", "actual", None),
            ("Jaish al-Islam", "coerces", "Syrians", "actual", None),
        },
    ),
]

#: Near-misses a review of the ninth session's rules wrote (each was a false statement of a new rule)
WHOLE += [
    (
        "two clauses that share a word, or two who act on each other, are no joint agents",
        "Hamas attacked Israel, and Israel attacked Gaza in response. India and Pakistan attacked each other's border "
        "posts.",
        {
            ("Hamas", "attacks", "Israel", "actual", None),
            ("Israel", "attacks", "Gaza", "actual", None),
            ("India", "attacks", "Pakistan", "actual", None),
            ("Pakistan", "attacks", "India", "actual", None),
        },
    ),
    (
        "'the rival X' of a mediator's or a broker's phrase is the rival of the other party, not of the mediator",
        "China brokered the deal between Iran and rival Saudi Arabia. Russia backed the rival government in eastern "
        "Libya.",
        {
            ("Iran", "opposes", "Saudi Arabia", "actual", None),
            ("Saudi Arabia", "opposes", "Iran", "actual", None),
            ("Iran", "agreesWith", "Saudi Arabia", "actual", None),
            ("China", "meetsWith", "Iran", "actual", None),
            ("China", "meetsWith", "Saudi Arabia", "actual", None),
        },
    ),
    (
        "a tool used for an act does not act; what was not prevented happened; a vote against an act is against it",
        "The army used Turkish drones for striking RSF positions. Egypt failed to prevent Hamas from attacking "
        "Israel. Hungary voted against sanctioning Russia.",
        {
            ("Egypt", "coerces", "Hamas", "negated", None),
            ("Hamas", "attacks", "Israel", "actual", None),
            ("Hungary", "sanctions", "Russia", "negated", None),
        },
    ),
    (
        "refuge sought from X asks nothing of X; whoever holds a person in high regard detains nobody",
        "Thousands of civilians sought refuge from the RSF. Ukraine sought air defence systems from Germany. Biden "
        "holds Zelensky in high regard. Hamas has held Israeli soldier Gilad Shalit since 2006.",
        {
            ("Ukraine", "requests", "Germany", "actual", None),
            ("Hamas", "coerces", "Gilad Shalit", "actual", None),
        },
    ),
    (
        "'during X's talks with Y' are X's talks, not the clause subject's; 'despite calls from' a phone is no demand",
        "During Blinken's talks with Netanyahu, Hezbollah fired rockets at Israel. Putin invaded Ukraine despite "
        "several phone calls from Macron.",
        {
            ("Antony Blinken", "meetsWith", "Benjamin Netanyahu", "actual", None),
            ("Hezbollah", "attacks", "Israel", "actual", None),
            ("Vladimir Putin", "attacks", "Ukraine", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "a call with X is talks with X; well-known leaders are named by their surnames alone",
        "Readout of President Biden's Call with President Zelensky of Ukraine. Lukashenko met Putin in Minsk.",
        {
            ("Joe Biden", "meetsWith", "Volodymyr Zelensky", "actual", None),
            ("Joe Biden", "leads", "United States", "actual", None),
            ("Volodymyr Zelensky", "leads", "Ukraine", "actual", None),
            ("Alyaksandr Lukashenka", "meetsWith", "Vladimir Putin", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "liberating a place from X takes the place and attacks X; a place freed is no concession to it",
        "Iraqi troops liberated Fallujah from Islamic State. Iraqi troops freed the town of Hit.",
        {
            ("Iraqi military", "captures", "Fallujah", "actual", None),
            ("Iraqi military", "attacks", "Islamic State", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "a demonym coordinated before a state body's name owns the same body ('Russian and Ukrainian forces')",
        "Russian and Ukrainian forces fought for control of Bakhmut.",
        {("Ukrainian military", "fights", "Russian military", "actual", None)},
    ),
]

WHOLE += [
    (
        "'each other' as the object, the object's owner or a preposition's object: each acts on the other",
        "Israel and Hamas fired rockets at each other overnight. Russian and Ukrainian forces shelled each other's "
        "positions.",
        {
            ("Israel", "attacks", "Hamas", "actual", None),
            ("Hamas", "attacks", "Israel", "actual", None),
            ("Ukrainian military", "attacks", "Russian military", "actual", None),
            ("Russian military", "attacks", "Ukrainian military", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "an actor's property seized coerces it, where its base overrun is attacked; the component or backbone of Y is "
        "part of Y",
        "Russian forces seized three Ukrainian naval vessels. Al-Shabab fighters overran a Kenyan base. The YPG forms "
        "the backbone of the SDF.",
        {
            ("Russian military", "coerces", "Ukraine", "actual", None),
            ("al-Shabab", "attacks", "Kenyan military", "actual", None),
            ("YPG", "partOf", "Syrian Democratic Forces", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "armed forces arriving in a place deploy there, a leader arriving does not; pushing into a place attacks it",
        "Hundreds of US troops arrived in Iraq on Friday. Obama arrived in Nairobi on Friday. Turkish forces pushed "
        "into northern Syria.",
        {
            ("US military", "deploysTo", "Iraq", "actual", None),
            ("Turkish military", "attacks", "Syria", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "demonyms coordinated before one described head each own that body, and act jointly",
        "Russian and Syrian forces shelled Idlib on Tuesday. Egyptian and Jordanian officials met in Cairo.",
        {
            ("Russian military", "attacks", "Idlib", "actual", None),
            ("Syrian Army", "attacks", "Idlib", "actual", None),
            ("Russian military", "cooperatesWith", "Syrian Army", "actual", None),
            ("Egyptian government", "meetsWith", "Jordanian government", "actual", None),
        },
    ),
    (
        "a quoted 'we' of a titled speaker is the body he speaks for; of a head of state, his state; of a resident, "
        "nobody",
        '"We will keep fighting the Saudi-led coalition," Houthi spokesman Mohammed Abdulsalam said. "We will not '
        'start a war with Russia," Poroshenko said. "We will fight the army," said Ahmed Ali, a resident of Sanaa.',
        {
            ("Mohammed Abdulsalam", "represents", "Houthis", "actual", None),
            ("Houthis", "fights", "Saudi-led coalition", "actual", "Mohammed Abdulsalam"),
            ("Saudi Arabia", "leads", "Saudi-led coalition", "actual", None),
            ("Ukraine", "fights", "Russia", "negated", "Petro Poroshenko"),
        },
    ),
    (
        "a vow of one's own act of force threatens its target; a vow to help threatens no one",
        "Iran vowed to retaliate against Israel. Russia pledged to help Belarus.",
        {
            ("Iran", "attacks", "Israel", "potential", "Iran"),
            ("Iran", "threatens", "Israel", "actual", None),
            ("Russia", "supports", "Belarus", "potential", "Russia"),
        },
    ),
    (
        "an act of force made conditional on another's act threatens the other: reported, in the article's voice, "
        "or with no object of its own (the condition's subject)",
        "China said it would sanction Lithuania if it opened a Taiwanese office. The European Union will impose "
        "sanctions on Belarus if it breaks the deal. If Azerbaijan continues its attacks, we will strike back, the "
        "Armenian army said.",
        {
            ("China", "sanctions", "Lithuania", "potential", "China"),
            ("China", "threatens", "Lithuania", "actual", None),
            ("European Union", "sanctions", "Belarus", "potential", None),
            ("European Union", "threatens", "Belarus", "actual", None),
            ("Armenian military", "threatens", "Azerbaijan", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "an armed act on a thing that is no actor, or on people counted, hits the town it stands in (on the noun or "
        "on the verb), not a whole state",
        "Militants attacked a church in Kaduna. A Russian strike on a shopping mall in Kremenchuk killed 20 people. "
        "Israeli jets struck a weapons depot in Syria. Israeli jets killed ten people in Gaza. Israeli warplanes "
        "pounded targets across the Gaza Strip.",
        {
            ("Israeli military", "attacks", "Gaza Strip", "actual", None),
            ("Israeli military", "attacks", "Gaza", "actual", None),
            ("militants", "attacks", "Kaduna", "actual", None),
            ("Russia", "attacks", "Kremenchuk", "actual", None),
        },
    ),
    (
        "a weapon whose phrase names its owner is fired by the owner's forces (a state's military, a group itself)",
        "Russian missiles hit the port of Odesa. Hezbollah drones struck the city of Haifa. Kharkiv was hit by "
        "Russian missiles.",
        {
            ("Russian military", "attacks", "Odesa", "actual", None),
            ("Russian military", "attacks", "Kharkiv", "actual", None),
            ("Hezbollah", "attacks", "Haifa", "actual", None),
        },
    ),
    (
        "a dispute, confrontation or rift is held by both sides of 'between', or by its owner or the clause's "
        "subject against its 'with' phrase; raising a dispute names no new side",
        "The confrontation between Washington and Tehran escalated. Somalia is in a dispute with Kenya over the "
        "border. Qatar's rift with Bahrain ended. In a call with Egypt, Ethiopia raised the dispute.",
        {
            ("United States", "opposes", "Iran", "actual", None),
            ("Iran", "opposes", "United States", "actual", None),
            ("Somalia", "opposes", "Kenya", "actual", None),
            ("Qatar", "opposes", "Bahrain", "actual", None),
            ("Ethiopia", "meetsWith", "Egypt", "actual", None),
        },
    ),
    (
        "taking custody of people detains them",
        "American forces took custody of Islamic State prisoners.",
        {("US military", "coerces", "Islamic State", "actual", None)},
    ),
]

WHOLE += [
    (
        "a definite act noun with a common-noun modifier refers back as a bare one does ('the rocket fire')",
        "Hezbollah fired rockets at Israel. The United Nations condemned the rocket fire.",
        {
            ("Hezbollah", "attacks", "Israel", "actual", None),
            ("United Nations", "accuses", "Hezbollah", "actual", None),
        },
    ),
    (
        "an act noun's thing with a demonym owner: the owner is hit, also under 'claimed responsibility for'",
        "The Houthis claimed responsibility for the attacks on Saudi oil facilities.",
        {("Houthis", "attacks", "Saudi Arabia", "actual", None)},
    ),
]

WHOLE += [
    (
        "the states whose troops a force has or includes are its parts, as are those that contribute troops to it; "
        "a state's troops somewhere are a deployment",
        "UNIFIL, which has troops from Ghana and Nepal, patrols the border. Indonesia contributes troops to UNIFIL. "
        "Russia has troops in Syria.",
        {
            ("Ghana", "partOf", "UNIFIL", "actual", None),
            ("Nepal", "partOf", "UNIFIL", "actual", None),
            ("Indonesia", "partOf", "UNIFIL", "actual", None),
            ("Russia", "deploysTo", "Syria", "actual", None),
        },
    ),
    (
        "what is said to be linked or affiliated to an organisation is part of it; links to a state or to an act "
        "are not membership",
        "Boko Haram, which is linked to Islamic State, attacked the town. The Houthis are tied to Iran. Officials "
        "linked to the bombing were arrested.",
        {("Boko Haram", "partOf", "Islamic State", "actual", None)},
    ),
]

WHOLE += [
    (
        "'its' in what an acronym said is the acronym's (though the tagger may read it as a plural), not the last "
        "state named in its relative clause",
        "AMISOM, which has troops from Kenya, said its troops had been attacked by al-Shabab.",
        {
            ("Kenya", "partOf", "African Union Mission in Somalia", "actual", None),
            ("al-Shabab", "attacks", "African Union Mission in Somalia", "actual", "African Union Mission in Somalia"),
        },
    ),
]

WHOLE += [
    (
        "calling a person or a state, on a day, is a phone call; calling one something, or calling on one, is not",
        "Olaf Scholz called Erdogan on Monday to discuss the grain deal. Trump called Kim Jong Un a madman. Macron "
        "called on Putin to withdraw.",
        {
            ("Olaf Scholz", "meetsWith", "Recep Tayyip Erdogan", "actual", None),
            ("Emmanuel Macron", "requests", "Vladimir Putin", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "an actor called allied in a coordination is the first conjunct's ally",
        "Russian troops and allied Wagner fighters shelled the camp.",
        {("Russian military", "cooperatesWith", "Wagner Group", "actual", None)},
    ),
]

WHOLE += [
    (
        "a word the tagger calls a gerund, with a name or an article before it, is a noun: closing the Kerem "
        "Shalom crossing into Egypt sends no one there",
        "Israel closed the Kerem Shalom crossing into Egypt.",
        set(),
    ),
]

WHOLE += [
    (
        "'President A and President B', parsed as one name modifying the other, are two persons, each with his own "
        "title; 'Crown Prince' is a title, not part of the name",
        "President Trump and President Duque discussed the crisis in Venezuela. Saudi Crown Prince Mohammed bin "
        "Salman met Biden.",
        {
            ("Ivan Duque", "meetsWith", "Donald Trump", "actual", None),
            ("Donald Trump", "leads", "United States", "actual", None),
            ("Ivan Duque", "leads", "Colombia", "actual", None),
            ("Mohammed bin Salman", "meetsWith", "Joe Biden", "actual", None),
            ("Mohammed bin Salman", "represents", "Saudi Arabia", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "'the territory', 'the peninsula', 'the enclave' as an object are the place named last; 'the city' is no guess",
        "Israel struck the West Bank overnight. The Palestinian Authority has governed the territory since 1994. "
        "Russia annexed Crimea in 2014. Ukraine vowed to retake the peninsula. Fighting raged in Mariupol. Russian "
        "forces shelled the city.",
        {
            ("Israel", "attacks", "West Bank", "actual", None),
            ("Palestinian Authority", "controls", "West Bank", "actual", None),
            ("Russia", "captures", "Crimea", "actual", None),
            ("Ukraine", "captures", "Crimea", "potential", "Ukraine"),
        },
    ),
]

WHOLE += [
    (
        "claiming, admitting or having a role in an act makes the subject its agent; denying responsibility for it, "
        "involvement or any role in it negates it, in the denier's words",
        "Syria denied any role in the attacks on Turkish troops. The Houthis claimed responsibility for the strikes "
        "on Saudi Arabia. Hezbollah denied involvement in the bombing of the embassy.",
        {
            ("Syria", "attacks", "Turkish military", "negated", "Syria"),
            ("Houthis", "attacks", "Saudi Arabia", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "'the support of X for Y' is X's, whoever expresses it; 'its support of Y' backs Y",
        "Macron expressed the support of France for Moldova's independence. Russia denied its support of the Taliban.",
        {
            ("France", "supports", "Moldova", "actual", None),
            ("Russia", "supports", "Taliban", "negated", "Russia"),
        },
    ),
    (
        "hosting or receiving a people supports it; receiving a leader is talks",
        "Jordan is hosting 700,000 Syrian refugees. Erdogan received Putin in Ankara.",
        {
            ("Jordan", "supports", "Syrian refugees", "actual", None),
            ("Recep Tayyip Erdogan", "meetsWith", "Vladimir Putin", "actual", None),
        },
    ),
    (
        "countering an actor's influence opposes it; a regime's repression of its people coerces them; bearing "
        "responsibility for an act is doing it",
        "Britain works to counter Russia's influence in Africa. The EU condemned the Lukashenko regime's repression of "
        "the Belarusian people. Hezbollah bears responsibility for the attacks on Israel.",
        {
            ("United Kingdom", "opposes", "Russia", "actual", None),
            ("European Union", "accuses", "Alyaksandr Lukashenka", "actual", None),
            ("Alyaksandr Lukashenka", "coerces", "Belarusian people", "actual", None),
            ("Hezbollah", "attacks", "Israel", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "a backer or sponsor named in apposition or as a predicate supports its owner; each of an appositive list is "
        "asked what its head is asked",
        "Iran is Syria's main backer. Qatar, a sponsor of Hamas, hosted the talks. The EU urged the Taliban and its "
        "backers, Pakistan and Qatar, to reopen schools.",
        {
            ("Iran", "supports", "Syria", "actual", None),
            ("Qatar", "supports", "Hamas", "actual", None),
            ("European Union", "requests", "Taliban", "actual", None),
            ("European Union", "requests", "Pakistan", "actual", None),
            ("European Union", "requests", "Qatar", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "a minister's title with no owner, for a person the gazetteer does not know, is held in the state the article "
        "is about; a special envoy's is not, nor a visitor's beside that state's leader",
        "Kenya closed its border with Somalia on Monday. Interior Minister Fred Matiangi said the decision was final. "
        "Special Envoy James Swan said nothing. Prime Minister Ali Hassan met with President William Ruto in Nairobi.",
        {
            ("Fred Matiangi", "represents", "Kenya", "actual", None),
            ("Ali Hassan", "meetsWith", "William Ruto", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "news vocabulary: informing or briefing an actor is consultation; neutralizing "
        "fighters attacks them; clearing a place of fighters attacks them; a criminal case against X investigates X; "
        "reimposing sanctions imposes them; briefing journalists consults nobody",
        "Egypt informed Israel of the plan. The regional council, chaired by Kenya, met on Monday. Israeli forces "
        "neutralized two Hezbollah operatives. The Syrian army cleared the town of Islamic State militants. Russia "
        "opened a criminal case against Ukrainian commanders. The United States reimposed sanctions on Iran. The "
        "ministry briefed journalists.",
        {
            ("Egypt", "meetsWith", "Israel", "actual", None),
            ("Israeli military", "attacks", "Hezbollah", "actual", None),
            ("Syrian Army", "attacks", "Islamic State", "actual", None),
            ("Russia", "investigates", "Ukrainian military", "actual", None),
            ("United States", "sanctions", "Iran", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "forces that remain, are stationed or based somewhere, or patrol a place, are deployed there by their owner; "
        "at home they are deployed nowhere; one state's troops serving in another are no part of it",
        "About 900 US troops remain in Syria. Belgian troops are stationed in Lithuania. Russian warships patrol the "
        "Baltic Sea. Egyptian troops are in Cairo. Rwandan troops serve in Mozambique.",
        {
            ("US military", "deploysTo", "Syria", "actual", None),
            ("Belgian military", "deploysTo", "Lithuania", "actual", None),
            ("Russian military", "deploysTo", "Baltic Sea", "actual", None),
            ("Rwandan military", "deploysTo", "Mozambique", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "an unowned 'government' asked or accused by a state is another state's, not the asker's own",
        "Ethiopia's prime minister postponed the vote. The United States called on the government to hold elections.",
        {("United States", "requests", "Ethiopian government", "actual", None)},
    ),
]

WHOLE += [
    (
        "a state's own body named with its possessive is part of it (also inside a gazetteer name); a proxy is not",
        "Iran's Revolutionary Guards fired missiles at Erbil. Iran's Hezbollah allies fired rockets at Haifa.",
        {
            ("Islamic Revolutionary Guard Corps", "attacks", "Erbil", "actual", None),
            ("Islamic Revolutionary Guard Corps", "partOf", "Iran", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "what two actors do as a 'joint' thing they do together (signing a joint statement makes no allies); a deal "
        "brokered by two (passive) is talks of each broker with each side",
        "Egypt and Jordan held joint exercises. Peru and Chile issued a joint statement. The truce between Armenia "
        "and Azerbaijan was brokered by Russia and Iran.",
        {
            ("Egypt", "cooperatesWith", "Jordan", "actual", None),
            ("Russia", "meetsWith", "Armenia", "actual", None),
            ("Russia", "meetsWith", "Azerbaijan", "actual", None),
            ("Iran", "meetsWith", "Armenia", "actual", None),
            ("Iran", "meetsWith", "Azerbaijan", "actual", None),
            ("Armenia", "agreesWith", "Azerbaijan", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "an event noun carried out by the verb of its relative clause or participle is that clause's subject's (or "
        "by-agent's) act, on that clause's object",
        "Analysts praised the sanctions that Japan and Australia imposed on Russia. The aid that Turkey provides to "
        "Syria grew. The sanctions imposed on Belarus by the European Union took effect. The strikes that Israel "
        "carried out on Gaza killed 20 people.",
        {
            ("Japan", "sanctions", "Russia", "actual", None),
            ("Australia", "sanctions", "Russia", "actual", None),
            ("Turkey", "supports", "Syria", "actual", None),
            ("European Union", "sanctions", "Belarus", "actual", None),
            ("Israel", "attacks", "Gaza", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "'the rockets' of nobody named are the last attacker's; a capitalised plural common noun opening a sentence "
        "is no name",
        "Hezbollah fired rockets at Israel on Sunday. The rockets struck the city of Nahariya. Missiles struck Kyiv "
        "overnight.",
        {
            ("Hezbollah", "attacks", "Israel", "actual", None),
            ("Hezbollah", "attacks", "Nahariya", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "what a building hit houses is hit, and a place's own facility hits the place",
        "Israeli jets destroyed a tower that housed the offices of Al Jazeera. Iran's Revolutionary Guards struck "
        "Erbil's airport.",
        {
            ("Israeli military", "attacks", "Al Jazeera", "actual", None),
            ("Islamic Revolutionary Guard Corps", "attacks", "Erbil", "actual", None),
            ("Islamic Revolutionary Guard Corps", "partOf", "Iran", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "blaming X for an act says X did it, in the blamer's words",
        "Syria blamed Israel for the missile strike on Damascus airport. Kenya praised Somalia for its efforts.",
        {
            ("Syria", "accuses", "Israel", "actual", None),
            ("Israel", "attacks", "Syria", "actual", "Syria"),  # (Damascus: the capital stands for its state)
            ("Kenya", "supports", "Somalia", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "a name right after a title is a person's, whatever the tagger said",
        "Ukrainian Foreign Ministry spokesman Oleg Nikolenko said the strike was a war crime.",
        {("Oleg Nikolenko", "represents", "Ukraine", "actual", None)},
    ),
]

WHOLE += [
    (
        "'both delegations', 'the two delegations' are the two sides of the last talks",
        "Sudan and South Sudan held talks in Juba. Both delegations agreed to share oil revenues.",
        {
            ("Sudan", "meetsWith", "South Sudan", "actual", None),
            ("Sudan", "agreesWith", "South Sudan", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "giving an actor something supports it; armed forces leaving a place withdraw from it (a name the tagger took "
        "for a person there is a place), a leader leaving a city does not",
        "The United States provided Taiwan with air defense systems. Russian troops left Kherson. Obama left "
        "Washington on Friday.",
        {
            ("United States", "supports", "Taiwan", "actual", None),
            ("Russian military", "withdrawsFrom", "Kherson", "actual", None),
        },
    ),
]

WHOLE += [
    (
        "named groups coordinated before a group noun are the groups themselves",
        "Hamas and Islamic Jihad militants fired rockets at Israel.",
        {
            ("Hamas", "attacks", "Israel", "actual", None),
            ("Palestinian Islamic Jihad", "attacks", "Israel", "actual", None),
            ("Hamas", "cooperatesWith", "Palestinian Islamic Jihad", "actual", None),
        },
    ),
]

#: Constructions news is written in that the rules do not handle yet: strict xfails, so progress shows.
NOT_YET = [
    (
        "'she' after a man met a woman is the woman: kg knows no genders and takes the last sentence's subject",
        "Emmanuel Macron met Moldovan President Maia Sandu in Paris. She asked France for air defense systems.",
        {
            ("Emmanuel Macron", "meetsWith", "Maia Sandu", "actual", None),
            ("Maia Sandu", "leads", "Moldova", "actual", None),
            ("Maia Sandu", "requests", "France", "actual", None),
        },
    ),
    (
        "a person released is a concession to the group the person belongs to",
        "Israel released the mayor of Nablus, a member of Hamas.",
        {("Israel", "concedesTo", "Hamas", "actual", None)},
    ),
]


@pytest.mark.parametrize(("name", "text", "expected"), WHOLE, ids=[w[0] for w in WHOLE])
def test_whole_output(name, text, expected):
    assert triples(text) == expected


@pytest.mark.xfail(strict=True, reason="construction not handled yet")
@pytest.mark.parametrize(("name", "text", "expected"), NOT_YET, ids=[w[0] for w in NOT_YET])
def test_not_handled_yet(name, text, expected):
    assert triples(text) == expected


def test_a_closing_quote_stays_with_its_sentence():
    from kg.documents import from_text
    from kg.sentences import split

    text = 'Kenya agreed. "Russia attacked Ukraine." Somalia agreed.'
    assert [s.text for s in split(from_text(text))] == [
        "Kenya agreed.",
        '"Russia attacked Ukraine."',
        "Somalia agreed.",
    ]
    # at a paragraph's end too, where the next token is the line break
    text = 'Haftar vowed to take the city "by force."\n\nThe UN called for calm.'
    assert [s.text for s in split(from_text(text))] == [
        'Haftar vowed to take the city "by force."',
        "The UN called for calm.",
    ]


def test_the_sentence_keeps_the_article_spelling():
    from kg.documents import from_text
    from kg.sentences import split

    (sentence,) = split(from_text("Russia\u2019s army \u2014 its best units \u2014 crossed into Ukraine."))
    assert sentence.text == "Russia\u2019s army \u2014 its best units \u2014 crossed into Ukraine."


def test_generic_actors_are_kept_apart_across_articles():
    first = extract("Separatists attacked Ukrainian troops.", doc_id="ukraine-story").statements
    second = extract("Separatists attacked Yemeni troops.", doc_id="yemen-story").statements
    (a,), (b,) = first, second
    assert a.subject.label == b.subject.label == "separatists"
    assert a.subject.id != b.subject.id


def test_first_person_is_the_author_in_the_document_voice_and_the_speaker_in_a_quote():
    own = triples_by_author("We condemn Iran's attack on Israel.", "United States")
    assert own == {("United States", "accuses", "Iran", "actual", None), ("Iran", "attacks", "Israel", "actual", None)}
    quoted = triples_by_author('"We will defend Ukraine," Poland said.', "United States")
    assert quoted == {("Poland", "supports", "Ukraine", "potential", "Poland")}


def test_our_forces_are_the_authors():
    text = "Our security forces will continue their operations against the PKK."
    # (operations that continue are under way: the modal is on their going on, as in 'will continue to support X')
    assert triples_by_author(text, "Turkey") == {("Turkish military", "attacks", "PKK", "actual", None)}


def test_an_obligation_in_the_documents_own_voice_is_the_authors_request():
    text = 'Russia must withdraw its forces from Ukraine. "Hamas must go," a protester said. We must support Ukraine.'
    assert triples_by_author(text, "United States") == {
        ("United States", "requests", "Russia", "actual", None),
        ("Russia", "withdrawsFrom", "Ukraine", "potential", None),
        ("protesters", "requests", "Hamas", "actual", None),  # the quoted obligation is the speaker's
        ("United States", "supports", "Ukraine", "potential", None),
    }


def triples_by_author(text: str, author: str) -> set[tuple]:
    found = set()
    for s in extract(text, author=author).statements:
        attributed = s.attributed_to if s.attributed_to in (None, SOURCE) else s.attributed_to.label
        found.add((s.subject.label, s.relation, s.object.label, s.factuality, attributed))
    return found


def test_an_official_release_acts_through_its_header_and_agentless_acts():
    release = (
        "Office of the Spokesperson\n\nPress Statement\n\n"
        "We condemn the Houthis' attack on Saudi Arabia. Sanctions are imposed on Iran. "
        "Three soldiers were killed in Yemen."
    )
    found = {(s.subject.label, s.relation, s.object.label, s.factuality) for s in extract(release).statements}
    assert found == {
        ("U.S. Department of State", "accuses", "Houthis", "actual"),
        ("Houthis", "attacks", "Saudi Arabia", "actual"),
        ("U.S. Department of State", "sanctions", "Iran", "actual"),
    }


def test_object_control_the_urged_actor_does_the_clause():
    assert triples("Britain urged Hamas to free the hostages. Kenya called on Somalia to attack al-Shabab.") == {
        ("United Kingdom", "requests", "Hamas", "actual", None),
        ("Kenya", "requests", "Somalia", "actual", None),
        ("Somalia", "attacks", "al-Shabab", "potential", None),
    }


def test_a_statement_keeps_its_cameo_code_and_plover_event():
    (statement,) = extract("Russia pummeled Ukraine.").statements  # 'pummel': a verb only CAMEO's dictionary has
    assert (statement.relation, statement.plover) == ("attacks", "ASSAULT")
    assert statement.cameo.startswith("19")


def test_text_without_sentence_ends_is_skipped_with_a_note_and_gives_no_junk():
    from kg.documents import from_text
    from kg.sentences import MAX_RUN_CHARS, split_many

    junk = " ".join(["Russia attacked Ukraine and Kenya supported Somalia"] * (MAX_RUN_CHARS // 20))
    text = f"Kenya agreed. {junk}. Russia attacked Ukraine."
    ((_, sentences),) = split_many([from_text(text)])
    assert [s.text for s in sentences] == ["Kenya agreed.", "Russia attacked Ukraine."]
    assert len(sentences.notes) == 1 and "without a sentence end skipped" in sentences.notes[0]


def test_an_over_long_sentence_is_skipped_with_a_note():
    from kg.documents import from_text
    from kg.sentences import MAX_SENTENCE_TOKENS, split_many

    listing = ", ".join(["Russia attacked Ukraine"] * (MAX_SENTENCE_TOKENS // 3)) + "."
    ((_, sentences),) = split_many([from_text(f"{listing}\n\nKenya agreed.")])
    assert [s.text for s in sentences] == ["Kenya agreed."]
    assert sentences.notes and "tokens skipped" in sentences.notes[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Portugal will support Turkey.", {("supports", "potential", "AGREE")}),
        (
            "Iran threatened to attack Israel.",
            {("threatens", "actual", "THREATEN"), ("attacks", "potential", "THREATEN")},
        ),
        ("Russia may attack Ukraine, analysts said.", {("attacks", "potential", "ASSAULT")}),
        ("Russia attacked Ukraine.", {("attacks", "actual", "ASSAULT")}),
        # the offer is Ghana's own (the verb of offering has Ghana as subject), whoever reports it
        (
            "Ghana offered to hand over to Togo three suspects, a Nigerian newspaper said.",
            {("concedesTo", "potential", "AGREE")},
        ),
        # a refusal by the subject's own verb is PLOVER's REJECT; 'an appeal from X' has X as its agent
        ("Egypt refused to lift the blockade on Gaza.", {("concedesTo", "negated", "REJECT")}),
        (
            "The rebels dismissed an appeal from the African Union to disarm.",
            {("rejects", "actual", "REJECT"), ("requests", "actual", "REQUEST")},  # (the appeal was made)
        ),
        # an act announced with an 'unless' on another is an ultimatum, whatever the act
        ("Kenya announced that it will withdraw its troops from Somalia.", {("withdrawsFrom", "potential", "AGREE")}),
        (
            "Kenya announced that it will withdraw its troops from Somalia unless the African Union pays them.",
            {("withdrawsFrom", "potential", "THREATEN")},
        ),
        # an offer to another is the offerer's own announcement
        ("Russia offered Syria to withdraw its troops from Aleppo.", {("withdrawsFrom", "potential", "AGREE")}),
        # the condition of another act is nobody's announcement
        (
            "Hamas will release the hostages unless Israel attacks Rafah.",
            {("attacks", "potential", "ASSAULT")},
        ),
        # but an offer with a condition is still an offer
        (
            "Iran will resume talks with the United States unless sanctions are tightened.",
            {("meetsWith", "potential", "AGREE")},
        ),
        # what one is asked to do is no announcement of one's own
        (
            "Egypt urged Qatar to support the Palestinian Authority.",
            {("requests", "actual", "REQUEST"), ("supports", "potential", "SUPPORT")},
        ),
        # a cooperative plan is the actor's willingness, whoever reports it; a hostile one is no threat of its own
        ("The Kenyan president will visit Ethiopia next week, diplomats said.", {("meetsWith", "potential", "AGREE")}),
        ("Iran will attack Israel, analysts said.", {("attacks", "potential", "ASSAULT")}),
        # an act of protest for a demand on an actor protests against the actor (the demand is only wanted)
        (
            "Opposition supporters held a rally in Conakry to demand the resignation of President Alpha Conde.",
            {("accuses", "actual", "PROTEST"), ("requests", "potential", "REQUEST")},
        ),
        # the purpose of an act done is intended, and no announcement
        (
            "Qatar sent troops to Gaza to support the Palestinians.",
            {("deploysTo", "actual", "MOBILIZE"), ("supports", "potential", "SUPPORT")},
        ),
    ],
)
def test_an_announced_act_is_plovers_agree_or_threaten(text, expected):
    assert {(s.relation, s.factuality, s.plover) for s in extract(text).statements} == expected


def test_coordinated_names_whose_parse_splits_a_name():
    assert triples("Barack Obama and Vladimir Putin will meet in Zurich.") == {
        ("Barack Obama", "meetsWith", "Vladimir Putin", "potential", None)
    }


def test_undoing_an_event_concedes_to_its_target_and_carries_nothing():
    found = {
        (s.subject.label, s.relation, s.object.label, s.plover)
        for s in extract("Japan lifted the sanctions on Iran.").statements
    }
    assert found == {("Japan", "concedesTo", "Iran", "CONCEDE")}


def test_a_refusal_announced_by_the_actor_is_plovers_reject():
    (statement,) = extract("Norway said it would not provide support to Israel.").statements
    assert (statement.relation, statement.factuality, statement.plover) == ("supports", "negated", "REJECT")


def test_a_pattern_preposition_under_the_object_noun():
    assert triples("Chile presented evidence against Peru.") == {("Chile", "accuses", "Peru", "actual", None)}


def test_a_white_house_statement_speaks_as_the_united_states():
    release = (
        "THE WHITE HOUSE\nOffice of the Press Secretary\nFOR IMMEDIATE RELEASE\n\n"
        "Statement by the Press Secretary on Chad\n\n"
        "We condemn the attack on Chad by Boko Haram. We stand with Nigeria."
    )
    found = {(s.subject.label, s.relation, s.object.label, s.factuality) for s in extract(release).statements}
    assert found == {
        ("United States", "accuses", "Boko Haram", "actual"),
        ("Boko Haram", "attacks", "Chad", "actual"),
        ("United States", "supports", "Nigeria", "actual"),
    }


def test_an_event_noun_a_verb_draws_its_object_into():
    assert triples("Japan drew China into talks.") == {("Japan", "meetsWith", "China", "actual", None)}


def test_the_counterpart_of_an_endorsed_agreement():
    assert triples("Ukraine endorsed an agreement with the European Union.") == {
        ("Ukraine", "supports", "European Union", "actual", None)
    }


def test_a_role_noun_whose_name_follows_in_apposition():
    assert triples("The rebels' commander, Ahmed Shah, attacked Kabul.") == {
        ("Ahmed Shah", "attacks", "Kabul", "actual", None),
        ("Ahmed Shah", "leads", "rebels", "actual", None),
    }


def test_a_protest_takes_its_target_from_its_purpose_clause():
    assert triples("Students demonstrated to demand reforms by the government of Ghana.") == {
        ("students", "accuses", "Ghanaian government", "actual", None),
    }


def test_a_list_of_unnamed_things_keeps_its_head():
    assert triples("Russian aircraft including helicopter gunships killed Afghan civilians.") == {
        ("Russian military", "attacks", "Afghan civilians", "actual", None)
    }


def test_a_demand_with_an_object_takes_no_clause_subject():
    assert triples("Ghana demanded the withdrawal of Togolese forces, diplomats said.") == {
        ("Ghana", "requests", "Togolese military", "actual", "source"),
    }


def test_a_state_department_statement():
    release = (
        "Press Statement\n\nSecretary Kerry met today with Foreign Minister Sergey Lavrov of Russia.\n\n"
        "The United States welcomes the agreement between the Government of Colombia and the FARC. "
        "We urge Russia to withdraw its forces from Ukraine."
    )
    found = {(s.subject.label, s.relation, s.object.label, s.factuality) for s in extract(release).statements}
    assert found == {
        ("John Kerry", "meetsWith", "Sergey Lavrov", "actual"),
        ("Sergey Lavrov", "represents", "Russia", "actual"),
        ("Colombian government", "agreesWith", "FARC", "actual"),
        ("U.S. Department of State", "requests", "Russia", "actual"),
        ("Russia", "withdrawsFrom", "Ukraine", "potential"),
    }


def test_the_graph_keeps_cameo_code_and_plover_event(tmp_path):
    from kg.pipeline import ingest
    from kg.store import open_store

    (tmp_path / "codes.txt").write_text("Turkey pummeled the PKK. Portugal will support Turkey.\n")
    store = open_store("memory:")
    ingest([tmp_path / "codes.txt"], store)
    rows = store.query("SELECT ?code ?event WHERE { ?s kg:ploverEvent ?event . OPTIONAL { ?s kg:cameoCode ?code } }")
    found = {(r["event"].value, r["code"].value if r["code"] else None) for r in rows}
    assert found == {("ASSAULT", "190"), ("AGREE", "050")}  # an announced support is PLOVER's AGREE


def adjunct_rows() -> list:
    from kg.constructions import default_adjuncts

    return [adjunct for adjuncts in default_adjuncts().values() for adjunct in adjuncts]


@pytest.mark.parametrize("adjunct", adjunct_rows(), ids=lambda a: f"{a.preposition} {a.noun} {a.inner}")
def test_every_adjunct_row_gives_exactly_its_example(adjunct):
    """ontology/constructions/adjuncts.tsv: each row's example sentence gives exactly its one statement."""
    subject, relation, obj = adjunct.expected
    assert {(s, r, o) for s, r, o, _, _ in triples(adjunct.example)} == {(subject, relation, obj)}


def test_a_release_names_its_issuer_by_its_head_word_and_endorsing_a_deal_backs_neither_side():
    release = (
        "The Department is imposing visa restrictions on officials of the Nicaraguan government. "
        "The United States applauds the agreement between Armenia and Azerbaijan."
    )
    assert triples_by_author(release, "U.S. Department of State") == {
        ("U.S. Department of State", "sanctions", "Nicaraguan government", "actual", None),
        ("Armenia", "agreesWith", "Azerbaijan", "actual", None),
    }


def test_one_statement_for_a_relation_found_by_two_paths():
    """'attacks against rebel camps' reaches the rebels through the camps and through their owner: one statement."""
    statements = extract("Russia launched attacks against rebel camps.").statements
    assert [(s.subject.label, s.relation, s.object.label) for s in statements] == [("Russia", "attacks", "rebels")]


def test_a_protesting_crowd_and_the_protesters_are_one_actor_of_the_article():
    statements = extract(
        "Thousands of people protested against Russia. The protesters later rallied against Iran."
    ).statements
    assert len({s.subject.id for s in statements}) == 1


def test_they_twice_is_the_plural_subject_the_first_they_stood_for():
    """The main subject is resolved once, in the context it was read in: the second 'They' is still the members
    of the Council (read after the sentence had reset the plural subject, it was the last actor named instead)."""
    text = (
        "The members of the Security Council condemned the fighting between the SAF and the RSF. They called on "
        "both parties to respect the truce. They condemned the attacks by the RSF on civilians in Nyala."
    )
    third = {
        (s.subject.label, s.relation, s.object.label, s.factuality)
        for s in extract(text).statements
        if s.sentence.index == 2
    }
    assert third == {
        ("UN Security Council", "accuses", "Rapid Support Forces", "actual"),
        ("Rapid Support Forces", "attacks", "civilians", "actual"),
    }


def test_the_president_of_a_release_is_its_issuers_own():
    """In a White House readout 'The President' is the US president, though the last president named was the one he
    called; without an issuer, the last one named with the title."""
    text = (
        "President Obama spoke today with President Petro Poroshenko of Ukraine. The President called on Moscow to "
        "free all Ukrainian prisoners."
    )
    issued = {(s.subject.label, s.relation, s.object.label) for s in extract(text, author="United States").statements}
    assert issued == {
        ("Barack Obama", "meetsWith", "Petro Poroshenko"),
        ("Petro Poroshenko", "leads", "Ukraine"),
        ("Barack Obama", "requests", "Russia"),
        ("Russia", "concedesTo", "Ukrainian prisoners"),
    }
    unissued = {(s.subject.label, s.relation, s.object.label) for s in extract(text).statements}
    assert ("Petro Poroshenko", "requests", "Russia") in unissued


def test_a_joint_statements_we_is_all_its_issuers():
    """'Joint Statement by the President of the United States and the President of X': 'we' is both states, and
    the dateline's city (which the tagger takes for a person) is a place, not one of 'they'."""
    text = (
        "Joint Statement by the President of the United States and the President of the Republic of Kenya\n\n"
        "Nairobi, Kenya, July 25, 2015\n\n"
        "We call on the Somali government and Puntland to end the violence."
    )
    assert triples_by_author(text, "United States") == {
        ("United States", "requests", "Somali government", "actual", None),
        ("Kenya", "requests", "Somali government", "actual", None),
        ("United States", "requests", "Puntland", "actual", None),
        ("Kenya", "requests", "Puntland", "actual", None),
    }


def test_a_single_issuers_we_is_that_issuer_only():
    """Without a joint header, 'we' is the one author, whatever other states the release names."""
    text = "Statement by the Press Secretary\n\nWe call on Kenya and Somalia to end the violence."
    assert triples_by_author(text, "United States") == {
        ("United States", "requests", "Kenya", "actual", None),
        ("United States", "requests", "Somalia", "actual", None),
    }
