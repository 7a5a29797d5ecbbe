"""Agent nouns (kg.agents, ontology/lexicon/agents.tsv) and their import from Phoenix.agents.txt
(scripts/import_phoenix.py). The Phoenix snippets are written for these tests, one per format feature."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kg.agents import COLUMNS, Agent, default_agents, load_agents
from kg.errors import KgError
from kg.vocabulary import data_path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
try:
    import import_phoenix as phoenix
finally:
    sys.path.pop(0)


def forms(snippet: str) -> dict[str, phoenix.AgentEntry]:
    entries, problems = phoenix.parse_agents(snippet.splitlines())
    assert problems == []
    return {e.noun: e for e in entries}


# ---------------------------------------------------------------------- the Phoenix agents format
def test_regular_plurals_are_generated_and_braces_override_them():
    found = forms(
        "SOLDIER [~MIL]\n"
        "MILITIA [~UAF] # comment\n"
        "ATTORNEY [~JUD]\n"
        "WITNESS [~CVL]\n"
        "GUNMAN {} [~UAF]\n"
        "CATTLE_THIEF {CATTLE_THIEVES} [~CRM]\n"
        "POLICE {} [~COP]\n"
        "FIREMAN [~GOV]\n"
        "ARMED_FORCES [~MIL]\n"
    )
    assert set(found) == {
        "soldier", "soldiers", "militia", "militias", "attorney", "attorneys", "witness", "witnesses",
        "gunman", "cattle thief", "cattle thieves", "police", "fireman", "firemen", "armed forces",
    }  # fmt: skip
    assert found["soldiers"].plural and not found["soldier"].plural
    assert found["militia"].code == "~UAF" and found["militia"].line == 2


def test_substitution_sets_replace_the_marker_without_plurals():
    found = forms(
        "!PERSON! = MAN, MEN, WOMAN\n"
        "!MINIST! = MINISTER, MINISTERS, MINISTRY, MINISTRIES\n"
        "SPOKES!PERSON! [~MED]\n"
        "FOREIGN_!MINIST! [~GOV]\n"
        "!MINIST! FOR_THE_FINANCE_AD!MINIST!RATION [~GOV]\n"
    )
    assert {"spokesman", "spokesmen", "spokeswoman", "foreign minister", "foreign ministries"} <= set(found)
    assert found["spokesmen"].plural and not found["spokesman"].plural
    # a marker inside a word is a slip in the file: the word is kept, only the standalone marker substitutes
    assert "minister for the finance administration" in found
    assert not any("administer" in noun for noun in found)


def test_stems_prefixes_and_missing_codes():
    entries, problems = phoenix.parse_agents(
        ["DEFENCE_MINIST [~GOVMIL]", "PEACEKEEPING_TROOPS {} [IGO~]", "ISLAMIC_EXTREMIST", "TROOP [MIL]"]
    )
    nouns = {e.noun: e.code for e in entries}
    assert nouns == {
        "defence minister": "~GOVMIL", "defence ministers": "~GOVMIL", "defence ministry": "~GOVMIL",
        "defence ministries": "~GOVMIL", "peacekeeping troops": "IGO~",
    }  # fmt: skip
    assert problems == ["3: no code: 'ISLAMIC_EXTREMIST'", "4: bad agent code [MIL]"]


def test_sectors_decide_type_role_and_person():
    entries, _ = phoenix.parse_agents(
        [
            "TROOP [~MIL]",
            "SEPARATIST [~REB]",
            "DEFENCE_MINISTER [~GOVMIL]",
            "ISLAMIC_MILITANT [~MUSUAF]",
            "OPPOSITION_PARTY [~OPP]",
            "PROTESTER [~OPP]",
            "TRADER [~BUS]",
            "THIEF {THIEVES} [~CRM]",
            "PEOPLE [~PPL]",
            "AMBASSADOR_TO {} [~GOV]",
            "UPRISING [~REB]",
            "WARSHIP [~MIL]",
        ]
    )
    rows, left_out = phoenix.build_agents(entries)
    got = {r["noun"]: (r["sectors"], r["type"], r["role"], r["person"]) for r in rows}
    assert got == {
        "troop": ("MIL", "GovernmentBody", "military", "no"),
        "troops": ("MIL", "GovernmentBody", "military", "no"),
        "separatist": ("REB", "ArmedGroup", "rebels", "yes"),
        "separatists": ("REB", "ArmedGroup", "rebels", "no"),
        "defence minister": ("GOV,MIL", "GovernmentBody", "government", "yes"),
        "defence ministers": ("GOV,MIL", "GovernmentBody", "government", "no"),
        "islamic militant": ("MUS,UAF", "ArmedGroup", "armed-group", "yes"),
        "islamic militants": ("MUS,UAF", "ArmedGroup", "armed-group", "no"),
        "opposition party": ("OPP", "PoliticalOrganization", "opposition", "no"),
        "opposition parties": ("OPP", "PoliticalOrganization", "opposition", "no"),
        "protester": ("OPP", "Population", "opposition", "yes"),
        "protesters": ("OPP", "Population", "opposition", "no"),
        "trader": ("BUS", "Population", "business", "yes"),
        "traders": ("BUS", "Population", "business", "no"),
        "warship": ("MIL", "GovernmentBody", "military", "no"),
        "warships": ("MIL", "GovernmentBody", "military", "no"),
    }
    assert sorted(left_out.values()) == [1, 1, 1, 2, 2]  # uprising(s); ambassador to; thief, thieves; people(s)
    assert {reason.split(":")[0] for reason in left_out} >= {"sector CRM", "sector PPL"}


def test_english_plurals():
    assert [phoenix.english_plural(n) for n in ("party", "attorney", "witness", "gunman", "forces", "rebel")] == [
        "parties", "attorneys", "witnesses", "gunmen", "", "rebels"
    ]  # fmt: skip


# ---------------------------------------------------------------------- agents.tsv and its loader
def test_agents_tsv_loads_with_the_nouns_the_resolver_needs():
    agents = default_agents()
    assert len(agents) > 4000
    assert agents["troops"] == Agent("troops", ("MIL",), "GovernmentBody", "military", False)
    assert agents["separatists"] == Agent("separatists", ("REB",), "ArmedGroup", "rebels", False)
    assert agents["minister"].person and not agents["ministers"].person and not agents["ministry"].person
    assert agents["police"].role == "police" and agents["police"].person is False
    assert agents["protesters"].actor_type == "Population"
    # curated rows: kg's own armed-forces and source cues, and 'spokesman' (media in Phoenix)
    assert agents["forces"].role == "military" and agents["officials"].role == "government"
    assert agents["spokesman"] == Agent("spokesman", ("GOV",), "GovernmentBody", "government", True)
    assert all(noun == noun.lower() for noun in agents)


def test_a_state_owns_armed_forces_a_group_owns_its_fighters():
    army = default_agents()["army"]
    assert (army.type_under("State"), army.type_under(None), army.type_under("ArmedGroup")) == (
        "GovernmentBody", "GovernmentBody", "ArmedGroup"
    )  # fmt: skip
    assert default_agents()["rebels"].type_under("State") == "ArmedGroup"


def test_agents_tsv_keeps_the_phoenix_notice():
    text = data_path("lexicon/agents.tsv").read_text(encoding="utf-8")
    assert "Copyright (c) 2014 Open Event Data Alliance" in text and "MIT License" in text


HEADER = "\t".join(COLUMNS) + "\n"
GOOD = "troops\tMIL\tGovernmentBody\tmilitary\tno\tphoenix:12\n"


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("rebels\tREB\tArmedGroupp\t\tno\tcurated\n", "unknown actor type 'ArmedGroupp'"),
        ("rebels\tREB\tArmedGroup\t\tno\n", "expected 6 tab-separated columns, found 5"),
        ("rebels\tREB\tArmedGroup\t\tmaybe\tcurated\n", "person must be 'yes' or 'no'"),
        ("rebels\tREBEL\tArmedGroup\t\tno\tcurated\n", "sectors must be comma-separated 3-letter codes"),
        ("Rebels\tREB\tArmedGroup\t\tno\tcurated\n", "the noun must be lower case words"),
        ("rebels\tREB\tArmedGroup\t\tno\tme\n", "source must be 'curated' or 'phoenix:<line>'"),
        (GOOD, "'troops' is listed twice"),
    ],
)
def test_a_bad_row_is_one_error_with_its_line(tmp_path, row, message):
    path = tmp_path / "agents.tsv"
    path.write_text("# a comment line\n" + HEADER + GOOD + row, encoding="utf-8")
    with pytest.raises(KgError, match=rf"agents.tsv:4: {message}"):
        load_agents(path)


def test_a_file_that_is_missing_headless_or_not_text_is_one_error(tmp_path):
    with pytest.raises(KgError, match="cannot read agent nouns"):
        load_agents(tmp_path / "missing.tsv")
    (tmp_path / "headless.tsv").write_text(GOOD, encoding="utf-8")
    with pytest.raises(KgError, match=r"headless.tsv:1: header must be"):
        load_agents(tmp_path / "headless.tsv")
    (tmp_path / "binary.tsv").write_bytes(b"\xff\xfe\x00troops")
    with pytest.raises(KgError, match="not UTF-8"):
        load_agents(tmp_path / "binary.tsv")


def test_agents_tsv_is_what_the_import_makes_of_the_curated_rows():
    """agents.tsv is generated; a curated row edited without running the script shows here."""
    shipped = default_agents()
    for row in phoenix.curated_agents(ROOT / "ontology" / "sources" / "agents_curated.tsv"):
        agent = shipped[row["noun"]]
        assert (",".join(agent.sectors), agent.actor_type, agent.role, agent.person) == (
            row["sectors"], row["type"], row["role"], row["person"] == "yes"
        ), row["noun"]  # fmt: skip
