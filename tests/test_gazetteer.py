"""The gazetteer's Phoenix part: the actor-dictionary format (scripts/import_phoenix.py), curated entries
winning, supplements and dated roles (kg.gazetteer), and imported actors found in sentences written for
these tests. The Phoenix snippets are hand-written, one per format feature."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import pytest

from kg.errors import KgError
from kg.gazetteer import (
    GAZETTEERS,
    Actor,
    Gazetteer,
    Supplement,
    default_gazetteer,
    is_acronym,
    normalize,
    read_jsonl,
)
from kg.pipeline import extract
from kg.sentences import english_words, load_pipeline
from kg.vocabulary import ACTOR_TYPES, data_path
from tests.conftest import triples

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
try:
    import import_phoenix as phoenix
finally:
    sys.path.pop(0)

PHOENIX_FILES = {
    "phoenix-states": "Phoenix.Countries.actors.txt",
    "phoenix-international": "Phoenix.International.actors.txt",
    "phoenix-nonstate": "Phoenix.MilNonState.actors.txt",
    "phoenix-people": "Phoenix.",  # people come from all three files
    "phoenix-places": "Phoenix.Countries.actors.txt",
}


# ---------------------------------------------------------------------- the actor-dictionary format
def test_dates_are_yymmdd_or_yyyymmdd():
    assert phoenix.parse_date("090120") == date(2009, 1, 20)
    assert phoenix.parse_date("450703") == date(1945, 7, 3)  # years after 30 are 19YY, as PETRARCH reads them
    assert phoenix.parse_date("19411207") == date(1941, 12, 7)
    for bad in ("2004017", "091320", "20090230", "abc"):
        with pytest.raises(phoenix.PhoenixError):
            phoenix.parse_date(bad)


def test_records_codes_synonyms_and_date_restrictions():
    records, problems = phoenix.parse_actors(
        [
            "# a comment",
            "AFGHANISTAN_  [AFG]",
            "+AFGHAN_ ",
            "+KABUL_ # the capital",
            "",
            "HAMID_KARZAI_  # CountryInfo.txt",
            "+PRESIDENT_KARZAI_",
            "\t[AFGELI 750101-000101]",
            "\t[AFGGOV >011222]",
            "\t[AFGELI]",
            "JAVIER_SOLANA_\t[IGOEUREEC 950701-951231][IGOWSTNAT 951205-991006] # two codes, one line",
            "U.N._",
            "B_LYNN_PASCOE_\t[USAGOV <010811] [---]",
            "\t[USAGOV 2004017-20061201]",
        ]
    )
    assert [(r.names, r.line) for r in records] == [
        (["AFGHANISTAN_", "AFGHAN_", "KABUL_"], 2),
        (["HAMID_KARZAI_", "PRESIDENT_KARZAI_"], 6),
        (["JAVIER_SOLANA_"], 11),
        (["U.N._"], 12),
        (["B_LYNN_PASCOE_"], 13),
    ]
    span = phoenix.CodeSpan
    assert records[0].codes == [span("AFG")]
    assert records[1].codes == [
        span("AFGELI", date(1975, 1, 1), date(2000, 1, 1)),
        span("AFGGOV", start=date(2001, 12, 22)),
        span("AFGELI"),
    ]
    assert records[2].codes == [
        span("IGOEUREEC", date(1995, 7, 1), date(1995, 12, 31)),
        span("IGOWSTNAT", date(1995, 12, 5), date(1999, 10, 6)),
    ]
    assert records[3].codes == []  # no code: PETRARCH's null code
    assert records[4].codes == [span("USAGOV", end=date(2001, 8, 11))]  # [---] is the null code
    assert problems == ["14: bad date '2004017'"]


def test_phrases_become_names_in_news_spelling():
    name = phoenix.phrase_name
    assert name("ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_") == ("Aden Abyan Islamic Army", ["AAIA"])
    assert name("AL-QAEDA_IN_THE_ISLAMIC_MAGHREB") == ("Al-Qaeda in the Islamic Maghreb", [])
    assert name("JAISH-E-MOHAMMAD_(MUHAMMED)_") == ("Jaish-e-Mohammad", [])
    assert name("THE_UNITED_NATIONS_") == ("United Nations", [])
    assert name("QUEEN_ELIZABETH_II") == ("Queen Elizabeth II", [])
    assert name("KACH_") == ("KACH", [])  # a short single word stays an acronym (matched case-sensitively)
    assert name("+СССР"[1:]) is None and name("COTE_D\ufffdIVOIRE_") is None


# ---------------------------------------------------------------------- building entries: curated wins
@pytest.fixture(scope="module")
def base() -> phoenix.Base:
    """A small stand-in for the non-Phoenix gazetteer."""
    return phoenix.Base.of(
        [
            Actor("syria", "Syria", "State", iso3="SYR", demonyms=["Syrian"], capitals=["Damascus"]),
            Actor("yemen", "Yemen", "State", iso3="YEM", demonyms=["Yemeni"], capitals=["Sanaa"]),
            Actor("afghanistan", "Afghanistan", "State", iso3="AFG", demonyms=["Afghan"], capitals=["Kabul"]),
            Actor("hamas", "Hamas", "ArmedGroup", aliases=["Islamic Resistance Movement"]),
            Actor("aqim", "al-Qaeda in the Islamic Maghreb", "ArmedGroup", aliases=["AQIM"]),
            Actor("un", "United Nations", "InternationalOrganization", aliases=["UN", "U.N."]),
        ]
    )


@pytest.fixture(scope="module")
def filters() -> phoenix.Filters:
    nlp = load_pipeline()
    return phoenix.Filters(english_words(nlp), frozenset(nlp.Defaults.stop_words))


def test_armed_groups_curated_names_win(base, filters):
    records, _ = phoenix.parse_actors(
        [
            "HAMAS_ [PSEREBHMS]",  # a curated name: not imported again
            "+KHALED_MESHAAL",
            "AL-QAEDA_ORGANIZATION_IN_THE_ISLAMIC_MAGHREB_ [AFRREB]",  # the same organisation, spelt otherwise
            "SAADA_LIBERATION_FRONT_(SLF)_ [YEMREB]",
            "+SAADA_FRONT_",
            "+ABU_BAKR_AL-SAADI",  # a person Phoenix lists under the group's code
            "BLACK_STAR_ [GRCREB]",  # two common words: would match ordinary English
            "WINEGROWERS_COMMITTEE_ [FRAGOV]",  # not an armed group
        ]
    )
    built = phoenix.build_organisations(
        records, base, filters, load_pipeline(), {}, "Phoenix.MilNonState.actors.txt", "nonstate", {"YEM", "GRC"}
    )
    assert built.records == [
        {
            "id": "saada-liberation-front",
            "label": "Saada Liberation Front",
            "type": "ArmedGroup",
            "aliases": ["Saada Front", "SLF"],
            "country": "yemen",
            "source": "Phoenix.MilNonState.actors.txt [YEMREB]",
        }
    ]
    assert filters.examples["the same organisation as a curated actor (curated wins)"][-2:] == [
        "HAMAS",  # a short name is kept in capitals, and is still the curated 'Hamas'
        "Al-Qaeda Organization in the Islamic Maghreb",
    ]
    assert "Abu Bakr al-Saadi" in filters.examples["a person's name under an organisation's code"]
    assert "Black Star" in filters.examples["a phrase of common English words"]


def test_one_organisation_code_is_one_actor_and_maps_people_roles(base, filters):
    records, _ = phoenix.parse_actors(
        [
            "THE_UNITED_NATIONS_ [IGOUNO]",
            "UN_MISSION_IN_SUDAN_ [IGOUNO]",  # the UN's own code: curated UN, not imported
            "INTERNATIONAL_LABOR_ORGANIZATION_ [IGOUNOLABILO]",
            "INTERNATIONAL_LABOUR_ORGANIZATION_ [IGOUNOLABILO]",
            "ILO_ [IGOUNOLABILO]",
            "INTERNATIONAL_CRISIS_GROUP_ [NGOHRI]",  # a generic code: one actor per record
            "HUMAN_RIGHTS_WATCH [NGOHRI]",
            "EXXON_ [MNCUSA]",  # a company: kg has no business type
            "AFGHAN_WOMEN_NETWORK_ [NGOAFGHRI]",  # a national NGO
        ]
    )
    built = phoenix.build_organisations(
        records, base, filters, load_pipeline(), {}, "Phoenix.International.actors.txt", "international",
        {"AFG", "USA"},
    )  # fmt: skip
    assert built.records == [
        {
            "id": "human-rights-watch",
            "label": "Human Rights Watch",
            "type": "InternationalOrganization",
            "source": "Phoenix.International.actors.txt [NGOHRI]",
        },
        {
            "id": "international-crisis-group",
            "label": "International Crisis Group",
            "type": "InternationalOrganization",
            "source": "Phoenix.International.actors.txt [NGOHRI]",
        },
        {
            "id": "international-labor-organization",
            "label": "International Labor Organization",
            "type": "InternationalOrganization",
            "aliases": ["International Labour Organization"],  # 'ILO' is in the model's word index (Ilo, Peru)
            "source": "Phoenix.International.actors.txt [IGOUNOLABILO]",
        },
    ]
    assert built.codes == {"IGOUNO": "un", "IGOUNOLABILO": "international-labor-organization"}


def test_people_leaders_with_dated_roles(base, filters):
    records, _ = phoenix.parse_actors(
        [
            "HAMID_KARZAI_",
            "+PRESIDENT_KARZAI_",
            "+KARZAI_",  # one word: a surname
            "+KARZAI_ADMINISTRATION",  # names the government, not the man
            "+ABDUL_RASHID_DOSTUM",  # another person under the same record
            "\t[AFGELI 750101-011221]",
            "\t[AFGGOV >011222]",
            "KOFI_ANNAN_",
            "+K._ANNAN_",
            "\t[IGOUNO 970101-061231]",
            "K._ANNAN_ [IGOUNO 970101-061231]",  # a record named by another's synonym: the same person
            "ABDULLAH_RAMIN_ [AFGGOVAGR 050101-050331]",  # a line minister: left out
        ]
    )
    people = phoenix.build_people([(r, "Phoenix.Test.txt") for r in records], base, filters, load_pipeline(),
                                  {"IGOUNO": "un"})  # fmt: skip
    assert people == [
        {
            "id": "hamid-karzai",
            "label": "Hamid Karzai",
            "type": "Person",
            "aliases": ["President Karzai"],
            "country": "afghanistan",
            "roles": [{"of": "afghanistan", "role": "GOV", "code": "AFGGOV", "from": "2001-12-22"}],
            "source": "Phoenix.Test.txt",
        },
        {
            "id": "kofi-annan",
            "label": "Kofi Annan",
            "type": "Person",
            "aliases": ["K. Annan"],
            "roles": [{"of": "un", "role": "IGO", "code": "IGOUNO", "from": "1997-01-01", "to": "2006-12-31"}],
            "source": "Phoenix.Test.txt",
        },
    ]


def test_state_names_spellings_not_cities(base, filters):
    records, _ = phoenix.parse_actors(
        ["SYRIA_ [SYR]", "+SYRIAN_", "+SYRIYA_", "+ARAB_REPUBLIC_OF_SYRIA", "+SYRIAAN", "+ALEPPO_", "+SYRIANS", "+SANA"]
    )
    assert phoenix.build_states(records, base, filters, "Phoenix.Countries.actors.txt") == [
        {
            "extends": "syria",
            "aliases": ["Syriya", "Arab Republic of Syria"],
            "demonyms": ["Syriaan"],
            "source": "Phoenix.Countries.actors.txt",
        }
    ]
    places = filters.examples["not a name of the state: a city, province or other place (see build_places)"]
    assert places[-3:] == ["Aleppo", "Syrians", "Sana"]  # a city, the people, a short name in capitals


def test_the_first_of_two_joined_names_is_the_state_even_in_a_mixed_record(filters):
    joined = phoenix.Base.of([Actor("bih", "Bosnia and Herzegovina", "State", iso3="BIH", demonyms=["Bosnian"])])
    records, _ = phoenix.parse_actors(
        # the shipped BIH record also lists ISIL's names under a dated code of another family
        ["BOSNIA_AND_HERZEGOVINA [BIH]", "+BOSNIA_", "+HERZEGOVINA_", "+DAESH_", "\t[IMGMUSISI >20130408]"]
    )
    assert phoenix.build_states(records, joined, filters, "Phoenix.Countries.actors.txt") == [
        {"extends": "bih", "aliases": ["Bosnia"], "source": "Phoenix.Countries.actors.txt"}
    ]


# ---------------------------------------------------------------------- places under a country code
def test_places_of_a_country_record_are_places_of_its_state(base, filters):
    filters = phoenix.Filters(filters.english, filters.stop_words)  # its own record of what was left out
    records, _ = phoenix.parse_actors(
        [
            "SYRIA_ [SYR]", "+SYRIAN_", "+SOURIA_", "+LAND_OF_THE_LEVANT", "+DAMASCUS_", "+ALEPPO_", "+IDLIB_",
            "+HAMAS_", "+NICE_", "+WEST_BANK_", "+KHALIL_", "+KHALIL_",
            "YEMEN_ [YEM]", "+SANAA_", "+SANA", "+HODEIDA_", "+KHALIL_",
        ]
    )  # fmt: skip
    people = frozenset({"nice"})
    imported = [{"id": "x", "label": "Idlib Governorate Council", "aliases": ["Idlib"], "type": "ArmedGroup"}]
    places = phoenix.build_places(records, base, filters, load_pipeline(), imported, people, "Phoenix.Test.txt")
    assert places == [
        {"id": "aleppo", "label": "Aleppo", "type": "Place", "country": "syria", "source": "Phoenix.Test.txt [SYR]"},
        {"id": "hodeida", "label": "Hodeida", "type": "Place", "country": "yemen", "source": "Phoenix.Test.txt [YEM]"},
    ]
    dropped = {name: reason for reason, names in filters.examples.items() for name in names}
    assert "before its capital" in dropped["Souria"] and "before its capital" in dropped["Land of the Levant"]
    assert "another kg actor" in dropped["Hamas"] and "another kg actor" in dropped["Idlib"]  # curated, imported
    assert "adjective" in dropped["Nice"] and "ordinary English words" in dropped["West Bank"]
    assert "shaped like its state's" in dropped["Sana"]  # Sanaa, the capital: a metonym, not a place of its own
    assert "two countries" in dropped["Khalil"]


def test_a_one_word_place_that_is_a_known_surname_is_left_out(base, filters):
    records, _ = phoenix.parse_actors(["AFGHANISTAN_ [AFG]", "+KABUL_", "+KANDAHAR_", "+KARZAI_"])
    people = phoenix.person_words([{"label": "Hamid Karzai"}], base)
    places = phoenix.build_places(records, base, filters, load_pipeline(), [], people, "Phoenix.Test.txt")
    assert [p["label"] for p in places] == ["Kandahar"]


def test_shipped_places_are_places_of_states_and_shadow_no_other_actor():
    gazetteer = default_gazetteer()
    places = list(GAZETTEERS["phoenix-places"]())
    assert len(places) > 1000
    ordinary = phoenix.ordinary_words(load_pipeline())
    for place in places:
        assert place.type == "Place" and gazetteer[place.country].type == "State", place.id
        for name in place.names:
            assert {a.id for a, _ in gazetteer.lookup(name)} == {place.id}, (place.id, name)
            assert " " in name or name.lower() not in ordinary, name
    crimea = gazetteer.lookup("Crimea")[0][0]
    assert (crimea.type, crimea.country, crimea.source) == ("Place", "ukraine", "Phoenix.Countries.actors.txt [UKR]")
    assert gazetteer.lookup("Korea") == [] and gazetteer.lookup("Persia") == []  # two states'; Iran's old name


def test_an_imported_place_is_the_place_a_state_captures():
    # spaCy's NER reads 'Crimea' as an organisation: without the gazetteer's place this was an attack
    assert triples("Russia annexed Crimea.") == {("Russia", "captures", "Crimea", "actual", None)}
    assert triples("Taliban fighters seized Kandahar.") == {("Taliban", "captures", "Kandahar", "actual", None)}


# ---------------------------------------------------------------------- supplements and roles when loading
def test_a_supplements_names_never_outrank_another_actors_name():
    gazetteer = Gazetteer(
        [
            Actor("georgia", "Georgia", "State"),
            Actor("us-georgia", "Georgia State", "Place"),
            Supplement("georgia", aliases=("Georgia State", "Sakartvelo"), source="Phoenix.Countries.actors.txt"),
        ]
    )
    assert [a.id for a, _ in gazetteer.lookup("Sakartvelo")] == ["georgia"]
    assert [a.id for a, _ in gazetteer.lookup("Georgia State")] == ["us-georgia"]  # the entry's own name wins
    assert gazetteer.ambiguous == {}
    assert gazetteer["georgia"].aliases == ["Georgia State", "Sakartvelo"]
    with pytest.raises(KgError, match="extends unknown actor 'atlantis'"):
        Gazetteer([Supplement("atlantis", aliases=("Atlantida",), source="test")])


def test_roles_must_name_a_known_actor_with_iso_dates(tmp_path):
    path = tmp_path / "people.jsonl"
    good = {"id": "p", "label": "P Q", "type": "Person", "roles": [{"of": "x", "role": "GOV", "from": "2001-02-03"}]}
    bad = {**good, "id": "r", "roles": [{"of": "x", "role": "GOV", "from": "010203"}]}
    path.write_text(json.dumps(good) + "\n" + json.dumps(bad) + "\n", encoding="utf-8")
    with pytest.raises(KgError, match=r"people.jsonl:2: role date 'from' must be YYYY-MM-DD"):
        list(read_jsonl(path))
    with pytest.raises(KgError, match="'p' refers to unknown actor 'x'"):
        Gazetteer([Actor.from_record(good, "here")])
    with pytest.raises(KgError, match="'aliases' must be a list of names"):
        Actor.from_record({"id": "a", "label": "A", "type": "State", "aliases": "A B"}, "here")


# ---------------------------------------------------------------------- the shipped Phoenix files
def test_every_phoenix_entry_is_valid_sourced_and_unique():
    gazetteer = default_gazetteer()
    count = 0
    for name, file in PHOENIX_FILES.items():
        entries = list(GAZETTEERS[name]())
        assert entries, name
        for entry in entries:
            assert entry.source.startswith(file), (name, entry)
            if isinstance(entry, Supplement):
                assert entry.extends in gazetteer.by_id and gazetteer[entry.extends].type == "State"
            else:
                count += 1
                assert entry.type in ACTOR_TYPES and gazetteer[entry.id] is not None
                assert all(r["of"] in gazetteer.by_id for r in entry.roles)
    curated = sum(  # actors; the Wikidata ids of wikidata.tsv are supplements
        isinstance(item, Actor) for n, loader in GAZETTEERS.items() if not n.startswith("phoenix") for item in loader()
    )
    assert len(gazetteer) == curated + count  # no actor lost to a duplicate id (Gazetteer refuses those)
    assert count > 5000


def test_no_phoenix_name_shadows_a_curated_one_or_an_english_word():
    gazetteer = default_gazetteer()
    english = english_words(load_pipeline())
    for name in ("phoenix-international", "phoenix-nonstate", "phoenix-people"):
        for actor in GAZETTEERS[name]():
            for alias in actor.names:
                hits = {a.id for a, _ in gazetteer.lookup(alias)}
                assert hits in ({actor.id}, set()), (actor.id, alias, hits)  # unresolved only when ambiguous
                assert " " in alias or alias.lower() not in english or alias.isupper(), (actor.id, alias)


def test_phoenix_files_keep_the_notice():
    for file in ("phoenix_states", "phoenix_international", "phoenix_nonstate", "phoenix_people", "phoenix_places"):
        head = data_path(f"gazetteer/{file}.jsonl").read_text(encoding="utf-8")[:3000]
        assert "Copyright (c) 2014 Open Event Data Alliance" in head and "MIT License" in head, file


# ---------------------------------------------------------------------- imported actors in sentences
def actor(text: str, label: str) -> Actor:
    return next(a for s in extract(text).statements for a in (s.subject, s.object) if a.label == label)


def test_an_imported_international_organisation_acts():
    text = "The Arab Maghreb Union condemned Morocco."
    assert triples(text) == {("Arab Maghreb Union", "accuses", "Morocco", "actual", None)}
    union = actor(text, "Arab Maghreb Union")
    assert (union.type, union.source) == ("InternationalOrganization", "Phoenix.International.actors.txt [IGOMEAAMU]")


def test_an_imported_armed_group_is_found_by_an_alias():
    text = "The Fatah Revolutionary Council attacked the Israeli embassy in London."
    assert triples(text) == {("Abu Nidal Organization", "attacks", "Israeli government", "actual", None)}
    assert actor(text, "Abu Nidal Organization").type == "ArmedGroup"
    text = "Ansar al-Islam attacked Iraqi soldiers near Kirkuk."
    assert triples(text) == {("Ansar al-Islam", "attacks", "Iraqi military", "actual", None)}
    assert actor(text, "Ansar al-Islam").country == "iraq"


def test_an_imported_leader_is_found_by_title_and_surname():
    text = "President Rouhani accused Saudi Arabia of supporting terrorism."
    assert triples(text) == {("Hassan Rouhani", "accuses", "Saudi Arabia", "actual", None)}
    rouhani = actor(text, "Hassan Rouhani")
    assert rouhani.country == "iran" and {"of": "iran", "role": "GOV"}.items() <= rouhani.roles[-1].items()


def test_a_phoenix_spelling_of_a_state_is_the_state():
    assert triples("The Phillippines accused China of aggression.") == {
        ("Philippines", "accuses", "China", "actual", None)
    }


def test_gazetteer_is_valid():
    gazetteer = default_gazetteer()
    assert len(gazetteer) > 200
    wikidata = [a.wikidata for a in gazetteer.by_id.values() if a.wikidata]
    assert len(wikidata) == len(set(wikidata)), "two actors share a Wikidata IRI"
    iso3 = [a.iso3 for a in gazetteer.by_id.values() if a.iso3]
    assert len(iso3) == len(set(iso3)), "two actors share an ISO code"
    for actor in gazetteer.by_id.values():
        assert actor.source, actor.id
        for name in [*actor.names, *actor.demonyms]:
            hits = {a.id for a, _ in gazetteer.lookup(name)}
            ambiguous = normalize(name) in gazetteer.ambiguous or name in gazetteer.ambiguous  # acronyms keep case
            assert len(hits) == 1 or ambiguous, (actor.id, name, hits)


def test_ambiguous_aliases_are_the_documented_ones():
    listed = {
        line.strip()
        for line in data_path("gazetteer/ambiguous.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    }
    assert set(default_gazetteer().ambiguous) == listed
    assert default_gazetteer().lookup("Congolese") == []


def test_every_un_member_state_is_in_the_gazetteer():
    path = data_path("sources/un_members.txt")
    codes = [line.strip() for line in path.read_text().splitlines() if line.strip() and not line.startswith("#")]
    assert len(codes) == 195  # 193 members and 2 observer states
    states = {a.iso3: a for a in default_gazetteer().by_id.values() if a.iso3}
    assert [c for c in codes if c not in states or states[c].type != "State"] == []


def test_acronyms_match_case_sensitively():
    gazetteer = default_gazetteer()
    assert is_acronym("IS") and not is_acronym("Hamas")
    assert gazetteer.lookup("IS")[0][0].id == "islamic-state"
    assert gazetteer.lookup("is") == []
    assert normalize("the  Kurdistan Workers\u2019 Party") == "kurdistan workers' party"


def test_gazetteer_covers_organisations_and_non_state_actors():
    """Issue floor: the permanent and regional IGOs, and 150 non-state armed groups and parties."""
    actors = default_gazetteer().by_id.values()
    non_state = [a for a in actors if a.type in ("ArmedGroup", "PoliticalOrganization") and not a.generic]
    assert len(non_state) >= 150
    igos = {a.label for a in actors if a.type == "InternationalOrganization"}
    assert {"United Nations", "NATO", "European Union", "African Union", "Arab League", "ASEAN", "OSCE"} <= igos
    assert {"ECOWAS", "Gulf Cooperation Council", "Organization of American States", "IGAD", "SADC"} <= igos


def test_wings_and_affiliates_point_to_their_parents():
    gazetteer = default_gazetteer()
    assert gazetteer["qassam-brigades"].parent == "hamas"
    assert gazetteer["iswap"].parent == "islamic-state"
    assert gazetteer["quds-force"].parent == "irgc" and gazetteer["irgc"].parent == "iran"
