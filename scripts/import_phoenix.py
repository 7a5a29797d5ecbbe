"""Import the Phoenix (CAMEO) actor and agent dictionaries into kg's data files.

Reads ../shared/resources/cameo (the PETRARCH2 dictionaries, MIT, Open Event Data Alliance; the
formats are described in dictionaries.rst there) and writes:

* ontology/lexicon/agents.tsv from Phoenix.agents.txt: agent nouns ("troops", "separatists",
  "minister") with their Phoenix sector codes, the kg actor type and role they imply, and whether a
  noun denotes a person or a collective;
* ontology/gazetteer/phoenix_states.jsonl: more names and demonyms for the states kg already
  has (matched by ISO3 code), from Phoenix.Countries.actors.txt;
* ontology/gazetteer/phoenix_international.jsonl: international organisations from
  Phoenix.International.actors.txt;
* ontology/gazetteer/phoenix_nonstate.jsonl: armed groups from Phoenix.MilNonState.actors.txt;
* ontology/gazetteer/phoenix_people.jsonl: heads of state and government, ministers and armed-group
  leaders, with the dated roles Phoenix gives them;
* ontology/gazetteer/phoenix_places.jsonl: the cities, provinces and regions a country record lists
  under its code (Crimea, Donetsk, Kandahar, Idlib), as Place actors whose ``country`` is the state;
* ontology/gazetteer/ambiguous.txt, recomputed from the whole gazetteer.

Curated entries win: a Phoenix record that shares a name with a curated (or other non-Phoenix)
actor is that actor and is not imported again; a name another actor already has is not added.
Phoenix groups names by *code*, not by entity (the Hamas record lists Khaled Meshaal; the UN code
covers the Security Council), so a record's synonyms are only trusted as names of one actor after
the filters below. What is left out, and why, is printed and commented where it is decided.

    python scripts/import_phoenix.py [--phoenix ../shared/resources/cameo]
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY = ROOT / "ontology"
DEFAULT_PHOENIX = ROOT.parent / "shared" / "resources" / "cameo"
NOTICE = (
    "Derived from the Phoenix dictionaries of PETRARCH2 (github.com/openeventdata/petrarch2, commit 676801c):\n"
    "Copyright (c) 2014 Open Event Data Alliance. The MIT License (MIT): Permission is hereby granted, free of\n"
    "charge, to any person obtaining a copy of this software and associated documentation files (the\n"
    '"Software"), to deal in the Software without restriction, including without limitation the rights to use,\n'
    "copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit\n"
    "persons to whom the Software is furnished to do so, subject to the following conditions: The above\n"
    "copyright notice and this permission notice shall be included in all copies or substantial portions of\n"
    'the Software. THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED,\n'
    "INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND\n"
    "NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR\n"
    "OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN\n"
    "CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE."
)


# ====================================================================== parsing (dictionaries.rst)
class PhoenixError(ValueError):
    """A line of a Phoenix file that does not follow the format."""


@dataclass(frozen=True)
class CodeSpan:
    """A CAMEO code, and the dates it applies between (None: open-ended), as in ``[USAGOV 090120-170120]``."""

    code: str
    start: date | None = None
    end: date | None = None


@dataclass
class ActorRecord:
    """One record of an actor dictionary: a primary phrase, its '+' synonyms, its codes."""

    names: list[str]
    codes: list[CodeSpan] = field(default_factory=list)
    line: int = 0


def parse_date(text: str) -> date:
    """YYMMDD (years 00-30 are 20YY, others 19YY, as PETRARCH reads them) or YYYYMMDD."""
    text = text.strip()
    if not text.isdigit() or len(text) not in (6, 8):
        raise PhoenixError(f"bad date {text!r}")
    if len(text) == 6:
        year = int(text[:2])
        year += 2000 if year <= 30 else 1900
        month, day = int(text[2:4]), int(text[4:6])
    else:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    try:
        return date(year, month, day)
    except ValueError:
        raise PhoenixError(f"bad date {text!r}") from None


def parse_code(text: str) -> CodeSpan:
    """The inside of a code bracket: ``USAGOV``, ``USAGOV 090120-170120``, ``USAGOV >090120``, ``USAGOV <170120``."""
    parts = text.split(None, 1)
    if not parts or not re.fullmatch(r"[A-Z-]+", parts[0]):
        raise PhoenixError(f"bad code [{text}]")
    code, restriction = parts[0], parts[1].replace(" ", "") if len(parts) > 1 else ""
    if not restriction:
        return CodeSpan(code)
    if restriction[0] == ">":
        return CodeSpan(code, start=parse_date(restriction[1:]))
    if restriction[0] == "<":
        return CodeSpan(code, end=parse_date(restriction[1:]))
    start, dash, end = restriction.partition("-")
    if not dash:
        raise PhoenixError(f"bad date restriction [{text}]")
    return CodeSpan(code, parse_date(start), parse_date(end))


def parse_actors(lines: Iterable[str]) -> tuple[list[ActorRecord], list[str]]:
    """Records of a TABARI/PETRARCH actor dictionary, and the problems met (one string each).

    As PETRARCH2 reads it: a line that starts a phrase begins a new record; ``+phrase`` lines add
    synonyms; lines of ``[code dates]`` (indented, or after a phrase on the same line, several on a
    line allowed) add codes. Everything after ``#`` is a comment. A record without codes has the
    null code and is kept with no codes (callers skip it).
    """
    records: list[ActorRecord] = []
    problems: list[str] = []
    for number, raw in enumerate(lines, 1):
        text = raw.split("#", 1)[0].rstrip()
        if not text.strip():
            continue
        brackets = re.findall(r"\[([^\]\[]*)[\]}]", text)
        phrase = re.sub(r"\[[^\]\[]*[\]}]", " ", text).strip()
        if not raw[:1].isspace() and phrase:
            if phrase.startswith("+"):
                if not records:
                    problems.append(f"{number}: synonym before any phrase")
                    continue
                records[-1].names.append(phrase[1:].strip())
            else:
                records.append(ActorRecord([phrase], line=number))
        elif phrase:
            problems.append(f"{number}: text outside a code bracket: {phrase!r}")
        if not records:
            continue
        for inside in brackets:
            if inside.strip() in ("", "---"):
                continue
            try:
                records[-1].codes.append(parse_code(inside.strip()))
            except PhoenixError as err:
                problems.append(f"{number}: {err}")
    return records, problems


@dataclass(frozen=True)
class AgentEntry:
    """One agent noun form of Phoenix.agents.txt, after substitution sets and plurals."""

    noun: str  # lower case, words separated by single spaces
    code: str  # as written: '~GOVMIL' (sectors after the actor's code) or 'IGO~' (before it)
    line: int
    plural: bool  # a generated or listed plural form


def english_plural(noun: str) -> str:
    """The regular plural of a noun phrase's last word (Phoenix leaves regular plurals to the reader).

    Phoenix's own rule (+S, Y -> IES, SS -> SSES) with the usual English refinements: vowel + y takes
    s ('attorneys'), sibilants take es, -man becomes -men, and a word already ending in a single s
    ('forces', 'marines') has no further plural.
    """
    head, _, last = noun.rpartition(" ")
    prefix = f"{head} " if head else ""
    if last.endswith("man") and last != "human":
        return prefix + last[:-3] + "men"
    if last.endswith("y") and len(last) > 1 and last[-2] not in "aeiou":
        return prefix + last[:-1] + "ies"
    if last.endswith(("ss", "x", "z", "ch", "sh")):
        return prefix + last + "es"
    if last.endswith("s"):
        return ""
    return prefix + last + "s"


def phrase_words(phrase: str) -> str:
    """'FOREIGN_!MINIST!  ' -> 'foreign !minist!': underscores and blanks are both word breaks here
    (Phoenix's blank allows words in between; kg matches consecutive words)."""
    return " ".join(phrase.replace("_", " ").split()).lower()


#: The stems Phoenix.agents.txt still uses ("a few stems remain", its header says), as whole words.
STEMS = {"minist": ["minister", "ministry"], "compan": ["company"], "authorit": ["authority"], "industr": ["industry"]}


def parse_agents(lines: Iterable[str]) -> tuple[list[AgentEntry], list[str]]:
    """Every noun form of an agents dictionary (PETRARCH2's read_agent_dictionary, see dictionaries.rst).

    ``!SET! = A, B`` defines a substitution set, used as ``FOREIGN_!MINIST!``: every member replaces
    the marker and no plural is formed. ``NOUN {PLURAL}`` gives an irregular plural, ``NOUN {}`` none;
    otherwise the regular plural is generated. A line without a code is skipped (as PETRARCH does).
    """
    sets: dict[str, list[str]] = {}
    entries: list[AgentEntry] = []
    problems: list[str] = []
    for number, raw in enumerate(lines, 1):
        text = raw.split("#", 1)[0].strip()
        if not text or text.startswith("<!"):
            continue
        marker = re.fullmatch(r"!(\w+)!\s*=\s*(.+)", text)
        if marker:
            sets[marker.group(1)] = [m.strip() for m in marker.group(2).split(",") if m.strip()]
            continue
        found = re.search(r"\[([^\]\[]*)[\]}]", text)
        if not found:
            problems.append(f"{number}: no code: {text!r}")
            continue
        code = found.group(1).strip()
        if not re.fullmatch(r"~[A-Z]+|[A-Z]+~", code):
            problems.append(f"{number}: bad agent code [{code}]")
            continue
        phrase = text[: found.start()]
        plural: str | None = None
        braces = re.search(r"\{([^}]*)\}", phrase)
        if "{" in phrase and not braces:
            problems.append(f"{number}: missing '}}'")
            continue
        if braces:
            plural, phrase = phrase_words(braces.group(1)), phrase[: braces.start()]
        # 'AD!MINIST!RATION': a marker inside a word is a search-and-replace slip in the file, not a set
        words = re.sub(r"(?<=[a-z])!(\w+)!(?=[a-z])", r"\1", phrase_words(phrase))
        set_marker = re.search(r"!(\w+)!", words)
        if set_marker:
            name = set_marker.group(1).upper()
            if name not in sets:
                problems.append(f"{number}: unknown substitution set !{name}!")
                continue
            for member in sets[name]:
                noun = " ".join(words.replace(set_marker.group(0), member.lower()).split())
                entries.append(AgentEntry(noun, code, number, plural=member.upper().endswith(("S", "MEN"))))
            continue
        head, _, last = words.rpartition(" ")
        for word in STEMS.get(last, [last]):  # 'DEFENCE_MINIST': a stem for minister and ministry
            noun = f"{head} {word}".strip()
            entries.append(AgentEntry(noun, code, number, plural=False))
            form = english_plural(noun) if plural is None or last in STEMS else plural
            if form:
                entries.append(AgentEntry(form, code, number, plural=True))
    return entries, problems


# ====================================================================== agents
#: Phoenix sector -> (kg actor type, role) for a noun owned by a state or with no owner. MIL is a
#: state's armed forces; under a non-state owner ("Hamas's army") the consumer makes it the owner's
#: own ArmedGroup (see kg.agents.Agent.type_under).
SECTORS: dict[str, tuple[str, str | None]] = {
    "GOV": ("GovernmentBody", "government"),
    "MIL": ("GovernmentBody", "military"),
    "COP": ("GovernmentBody", "police"),
    "SPY": ("GovernmentBody", "intelligence"),
    "LEG": ("GovernmentBody", "legislature"),
    "JUD": ("GovernmentBody", "judiciary"),
    "REB": ("ArmedGroup", "rebels"),
    "INS": ("ArmedGroup", "insurgents"),
    "SEP": ("ArmedGroup", "separatists"),
    "UAF": ("ArmedGroup", "armed-group"),
    "IMG": ("ArmedGroup", "armed-group"),
    # 'extremists' is an ArmedGroup in kg's own coref cues; Phoenix's RAD ('radical') is read the same way
    "RAD": ("ArmedGroup", "extremists"),
    "IGO": ("InternationalOrganization", None),
    "PTY": ("PoliticalOrganization", "party"),
    "OPP": ("Population", "opposition"),
    "CVL": ("Population", "civilians"),
    "REF": ("Population", "refugees"),
    # kg has no type for businesses, media, schools, clinics or faiths (ontology/kg.ttl): the people of
    # the sector, a Population, is the nearest; the role keeps the sector so that a later type can split it.
    "BUS": ("Population", "business"),
    "MED": ("Population", "media"),
    "EDU": ("Population", "education"),
    "HLH": ("Population", "health"),
    "LAB": ("Population", "labour"),
    "AGR": ("Population", "agriculture"),
    "ENV": ("Population", "environment"),
    "HRI": ("Population", "human-rights"),
    "NGO": ("Population", "ngo"),
    "REL": ("Population", "religion"),
    "CHR": ("Population", "religion"),
    "MUS": ("Population", "religion"),
    "JEW": ("Population", "religion"),
    "HIN": ("Population", "religion"),
    "BUD": ("Population", "religion"),
}
#: Sectors left out of agents.tsv, and why.
LEFT_OUT_SECTORS = {
    "PPL": "'man', 'men', 'people', 'persons' name nobody in particular and occur in most sentences",
    "ELI": "'former president', 'first lady', 'actor', 'VIP': a former or honorary figure acts for no one",
    "CRM": "criminals ('thief', 'convict', 'illegal immigrant') are no political actors in the spec; "
    "organised armed crime is curated by name (cartels, gangs)",
}
#: Sectors that make a noun armed whatever sector comes first ('Islamic militant' ~MUSUAF).
ARMED = ("REB", "INS", "SEP", "UAF", "IMG", "RAD")
#: Sectors that decide the type when they come first ('defence minister' ~GOVMIL is government).
STATE_FIRST = ("GOV", "MIL", "COP", "SPY", "LEG", "JUD", *ARMED, "IGO", "PTY")
#: Heads that make a civilian-sector noun an organisation ('opposition party', 'rights group').
ORGANISATION_HEADS = {
    "party", "parties", "alliance", "alliances", "coalition", "coalitions", "movement", "movements", "group",
    "groups", "organization", "organizations", "organisation", "organisations", "association", "associations",
    "society", "societies", "union", "unions", "federation", "federations", "front", "faction", "factions", "wing",
    "council", "committee", "ngo", "ngos", "government", "regime",
}  # fmt: skip
#: Single nouns that are no actors, with the reason (events, places, abstractions Phoenix codes as agents).
NOT_ACTORS = {
    "a cabinet meeting": "an event", "security check": "an event", "intelligence information": "information",
    "intelligence activity": "an activity", "intelligence operation": "an operation", "military presence": "a state",
    "military rule": "a state", "governance": "an abstraction", "religion": "an abstraction",
    "revolt": "an event", "uprising": "an event", "rebellion": "an event", "insurgence": "an event",
    "small town": "a place", "village": "a place", "neighborhood": "a place", "neighbourhood": "a place",
    "settlement": "a place", "police district": "a place", "police post": "a place", "cities": "places",
    "naval": "an adjective", "islamic": "an adjective", "jewish": "an adjective", "hebrew": "an adjective",
    "retired": "an adjective", "military led": "an adjective", "state-owned": "an adjective",
    "semi-official": "an adjective", "naturalized": "an adjective", "hardline islamic": "an adjective",
    "the court": "a phrase with an article", "the poor": "a phrase with an article",
}  # fmt: skip
#: Heads that denote an organisation, a body, a thing or a place, never one person.
COLLECTIVE_HEADS = {
    "administration", "agency", "airline", "airway", "alliance", "apparatus", "army", "artillery", "assemblage",
    "assembly", "association", "authority", "band", "bank", "barracks", "base", "battalion", "board", "body",
    "branch", "brigade", "bureau", "bureaucracy", "business", "cabinet", "camp", "capital", "cartel", "cells",
    "center", "centre", "chamber", "chancellery", "chancery", "church", "clergy", "clique", "coalition", "college",
    "command", "commission", "committee", "community", "company", "conglomerate", "congress", "conservatory",
    "consistory", "consulate", "contingent", "corp", "corporation", "corps", "council", "court", "craft", "crew",
    "delegation", "department", "detachment", "diocese", "archdiocese", "directorate", "division", "duma",
    "echelon", "electorate", "embassy", "enforcement", "enterprise", "exchange", "facility", "faction",
    "federation", "firm", "fleet", "force", "forces", "front", "gang", "garrison", "gazette", "gendarmerie",
    "gendarmery", "gendermarie", "government", "group", "guard", "high", "hospital", "house", "industry",
    "infantry", "infirmary", "institution", "intelligence", "judicature", "judicatory", "judiciary", "junta",
    "kindergarten", "kindergarden", "kingdom", "law", "leadership", "legislature", "machine", "mafia", "maffia",
    "magazine", "media", "military", "militia", "ministry", "mission", "mob", "monarcy", "monastery", "monastary",
    "movement", "navy", "network", "news", "newspaper", "office", "order", "organisation", "organization",
    "outlet", "palace", "paramilitary", "parliament", "party", "patrol", "personnel", "phalanx", "police",
    "politburo", "polity", "population", "post", "praesidium", "preschool", "presidency", "presidium", "press",
    "prison", "procuratorate", "publication", "rabble", "radio", "regime", "regiment", "rule", "sanatorium",
    "sanatarium", "sanitarium", "school", "schoolhouse", "secretariat", "secretariate", "sector", "security",
    "senate", "service", "services", "site", "society", "soldiery", "squad", "staff", "station", "syndicate",
    "system", "tabloid", "telecom", "television", "tv", "tribunal", "troop", "troops", "union", "unit", "university",
    "website", "web site", "wing", "blog", "civil society",
    # machines and weapons stand for the sector of their owner, as in 'Syrian warplanes'
    "aircraft", "airliner", "battleship", "battlewagon", "boat", "bomber", "carrier", "containership", "corvette",
    "cruiser", "destroyer", "drone", "drones", "freighter", "frigate", "gun", "gunship", "helicopter", "humvee",
    "hmmwv", "jet", "jetfighter", "jetliner", "jumbojet", "missile", "plane", "planes", "ship", "submarine",
    "supertanker", "tank", "tanker", "uav", "vehicle", "vessel", "warplane", "warship", "apache", "chinook",
    "raptor", "hornet", "predator", "reaper", "osprey", "orion", "poseidon", "typhoon", "kfir", "mig", "falcon",
    "dragonfly", "tomcat", "oiler", "aerospace", "equipment", "building", "facilitiy", "fa",
    # and a few Phoenix spellings: foreign-language heads, abbreviations, bodies named by a plural or a sector
    "federale", "nationale", "especiales", "insurgency", "insurgence", "reserve", "org", "supreme", "dept", "family",
    "janjaweed", "muhabarat", "mukabarat", "mukhabarat", "ngo", "ngos", "daily", "labor", "loan",
}  # fmt: skip
#: Nouns whose head misleads: aircraft named 'fighter', bodies named by a plural and a conjunction.
NOT_PERSON_NOUNS = {
    "jet fighter", "joint strike fighter", "nighthawk stealth fighter", "stealth fighter", "tomcat fighter",
    "students and professor", "students and teacher",
}  # fmt: skip
#: Nouns whose head alone misleads: a suicide bomber is a person, a fighter jet is not.
PERSON_NOUNS = {"suicide bomber", "envoy extraordinary", "gun for hire", "hired gun", "1st lt."}
#: Heads ending like abstract nouns ('-ry': ministry, artillery) that are people.
PERSON_HEADS = {
    "secretary", "undersecretary", "emissary", "missionary", "mercenary", "stipendiary", "plenipotentiary",
    "dignitary", "functionary", "revolutionary", "adversary", "notary",
}  # fmt: skip
PREPOSITIONS = {"of", "for", "to", "in", "at", "on", "with", "from", "de"}


def sectors_of(code: str) -> list[str]:
    """'~GOVMIL' -> ['GOV', 'MIL']; 'IGO~' -> ['IGO']."""
    letters = code.strip("~")
    return [letters[i : i + 3] for i in range(0, len(letters), 3)]


def head_word(noun: str) -> str:
    """The head of an agent noun: the word before 'of'/'for'/... ('minister of defense'), else the last
    ('affairs of tribes people ministry' ends in its head)."""
    words = noun.split()
    if words[-1] in ("minister", "ministry", "ministers", "ministries"):
        return words[-1]
    for i, word in enumerate(words[1:], 1):
        if word in PREPOSITIONS:
            return words[i - 1]
    return words[-1]


def denotes_person(noun: str, plural: bool) -> bool:
    """Whether one instance of the noun is a person ('minister', 'spokesman') rather than a body
    ('ministry', 'police'), a group ('troops', 'officials': every plural) or a thing ('warship')."""
    if plural or noun in NOT_PERSON_NOUNS:
        return False
    if noun in PERSON_NOUNS:
        return True
    head = head_word(noun)
    if head in COLLECTIVE_HEADS or noun in COLLECTIVE_HEADS or re.search(r"[\d/]", noun):
        return False
    if head in PERSON_HEADS:
        return True
    return not head.endswith(("ment", "ance", "ence", "tion", "sion", "ity", "ship", "ism", "ery", "ry", "dom"))


def agent_type(sectors: list[str], noun: str) -> tuple[str, str | None] | None:
    """The kg actor type and role of an agent noun from its Phoenix sectors (None: left out)."""
    first = sectors[0]
    if first in LEFT_OUT_SECTORS:
        return None
    if first not in STATE_FIRST:
        armed = next((s for s in sectors[1:] if s in ARMED), None)
        if armed:
            first = armed
    if first not in SECTORS:
        return None
    actor_type, role = SECTORS[first]
    if actor_type in ("Population", "PoliticalOrganization") and head_word(noun) in ORGANISATION_HEADS:
        actor_type = "PoliticalOrganization"
    return actor_type, role


def build_agents(entries: list[AgentEntry]) -> tuple[list[dict], Counter]:
    """Rows of agents.tsv (one per noun form; the first Phoenix line of a noun wins), and what was left out."""
    rows: dict[str, dict] = {}
    left_out: Counter = Counter()
    excluded_lines: set[int] = set()  # a noun that is no actor takes its generated plural with it
    for entry in entries:
        noun = entry.noun
        sectors = sectors_of(entry.code)
        if noun in NOT_ACTORS or (entry.plural and entry.line in excluded_lines):
            left_out[f"not an actor ({NOT_ACTORS.get(noun, 'the plural of one')})"] += 1
            excluded_lines.add(entry.line)
            continue
        if noun.split()[-1] in PREPOSITIONS or noun.split()[0] == "the":
            left_out["a pattern, not a noun ('ambassador to' X, 'embassy in' X)"] += 1
            continue
        if "\ufffd" in noun or not all(w.isascii() for w in noun.split()):
            left_out["misencoded or non-English spelling"] += 1
            continue
        typed = agent_type(sectors, noun)
        if typed is None:
            left_out[f"sector {sectors[0]}: {LEFT_OUT_SECTORS.get(sectors[0], 'not a kg actor sector')}"] += 1
            continue
        if noun in rows:
            if set(sectors) - set(rows[noun]["sectors"].split(",")):
                left_out["listed again with other sectors (first line kept)"] += 1
            continue
        actor_type, role = typed
        head = head_word(noun)
        plural = entry.plural or head.endswith("men") or head in ("children", "people", "hasidim", "townspeople")
        plural = plural or (head.endswith("s") and not head.endswith(("ss", "us", "is", "ics")))
        rows[noun] = {
            "noun": noun,
            "sectors": ",".join(sectors),
            "type": actor_type,
            "role": role or "",
            "person": "yes" if denotes_person(noun, plural) else "no",
            "source": f"phoenix:{entry.line}",
        }
    return sorted(rows.values(), key=lambda r: r["noun"]), left_out


# ====================================================================== names
#: CAMEO region and other non-specific code segments (CAMEO manual, actor codes): a code ending in one
#: of these, in a sector or in a country names a kind of actor, not one organisation.
REGIONS = {
    "AFR", "ASA", "BLK", "CRB", "CAU", "CFR", "CAS", "CEU", "EIN", "EAF", "EEU", "EUR", "LAM", "MEA", "MDT",
    "NAF", "NMR", "PGS", "SCN", "SAM", "SAS", "SEA", "SAF", "WAF", "WST", "WEU", "ARB", "INT", "KKL", "GLP",
}  # fmt: skip
PHOENIX_SECTORS = {
    *SECTORS, *LEFT_OUT_SECTORS, "DEV", "MNC", "IGO", "NGO", "NGM", "MOS", "UIG", "TAM", "SIK",
}  # fmt: skip
#: Words that stay lower case inside a name ('Army of God', 'Jaish-e-Mohammad', 'al-Qaeda').
PARTICLES = {
    "of", "the", "and", "for", "in", "on", "at", "to", "de", "du", "des", "la", "le", "el", "al", "wal", "e", "i",
    "ul", "ud", "ad", "ed", "bin", "ibn", "y", "da", "do", "dos", "das", "del", "di", "van", "von", "der", "den",
}  # fmt: skip
#: Title words a person's name is given with in Phoenix ('PRESIDENT_KARZAI'); not part of the label.
TITLE_WORDS = {
    "mr", "mr.", "mrs", "mrs.", "ms", "dr", "dr.", "president", "prime", "minister", "foreign", "acting", "general",
    "gen.", "gen", "sheikh", "king", "queen", "prince", "secretary", "secretary-general", "chairman", "premier",
    "deputy", "vice", "defense", "defence", "interior", "finance", "chancellor", "senator", "governor", "colonel",
    "col.", "lord", "sir", "baron", "emir", "sultan", "mullah", "ayatollah", "former", "un", "u.n.", "united",
    "nations", "leader", "opposition", "rebel", "commander", "spokesman", "the",
}  # fmt: skip


#: Acronyms that keep their capitals inside a name ('Real IRA', 'The UN'): the gazetteer's own acronyms and
#: every acronym a Phoenix name gives in parentheses (filled in by main()).
ACRONYMS: set[str] = set()


def recase(word: str, first: bool) -> str:
    """One upper-case Phoenix word in the case news prints it: 'QAEDA' -> 'Qaeda', 'OF' -> 'of',
    'U.N.', 'F-16', 'II' and known acronyms unchanged, 'AL-QAEDA' -> 'al-Qaeda' inside a name."""
    if re.search(r"\d", word) or re.fullmatch(r"([A-Z]\.)+", word) or word in ACRONYMS:
        return word
    if not first and re.fullmatch(r"[IVX]{2,4}", word):  # 'Elizabeth II' (but 'XI Jinping' is Xi)
        return word
    parts = word.split("-")
    out = []
    for i, part in enumerate(parts):
        lower = part.lower()
        if lower in PARTICLES and not (first and i == 0) and (len(parts) > 1 or lower not in ("i", "e", "y")):
            out.append(lower)
        else:
            out.append(re.sub(r"[a-z]", lambda m: m.group(0).upper(), lower, count=1))
    return "-".join(out)


def phrase_name(raw: str) -> tuple[str, list[str]] | None:
    """A Phoenix phrase as a name, with the acronyms it gives in parentheses; None if unusable.

    'ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_' -> ('Aden Abyan Islamic Army', ['AAIA']). A one-word name of up
    to five letters is kept in capitals (an acronym: kg matches it case-sensitively). Names with
    misencoded characters or in a non-Latin script are dropped.
    """
    text = " ".join(raw.replace("_", " ").split())
    if not text or "\ufffd" in text or not all(ch.isascii() or "LATIN" in unicodedata.name(ch, "") for ch in text):
        return None
    acronyms = []
    for inner in re.findall(r"\(([^)]*)\)?", text):
        if re.fullmatch(r"[A-Z][A-Z.&-]{1,5}", inner.strip()):  # an acronym, not "(GREECE)", "(MUHAMMED)"
            acronyms.append(inner.strip())
    text = " ".join(re.sub(r"\([^)]*\)?", " ", text).split()).strip(" ,-")
    text = re.sub(r"^THE ", "", text)
    if not text or not re.search(r"[A-Z]", text):
        return None
    words = text.split()
    if len(words) == 1 and len(re.sub(r"[^A-Z]", "", words[0])) <= 5:
        return words[0], acronyms
    return " ".join(recase(w, i == 0) for i, w in enumerate(words)), acronyms


def core_key(name: str) -> str:
    """A spelling-tolerant key for matching one organisation's names: lower case, no punctuation,
    no articles or generic words ('Al-Qaeda Organization in the Islamic Maghreb' ~ 'al-Qaeda in the
    Islamic Maghreb')."""
    from kg.gazetteer import normalize

    words = re.sub(r"[^a-z0-9 ]+", " ", normalize(name).replace("-", " ").replace("'", "")).split()
    generic = {"the", "of", "in", "and", "for", "al", "organization", "organisation", "group", "movement"}
    return " ".join(w for w in words if w not in generic)


def similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a.lower(), b.lower()).ratio()


# ====================================================================== the gazetteer as it is without Phoenix
@dataclass
class Base:
    """The non-Phoenix gazetteer (curated, states, any other registered source): what Phoenix must not
    duplicate or shadow."""

    actors: dict[str, object]
    names: dict[str, set[str]]  # normalised name (or exact acronym) -> actor ids
    keys: dict[str, set[str]]  # core_key -> actor ids (organisations and people)
    iso3: dict[str, str]  # ISO3 -> state id

    @classmethod
    def load(cls) -> Base:
        """Every registered gazetteer source but Phoenix's own."""
        from kg.gazetteer import GAZETTEERS, Actor

        return cls.of(
            a for name, loader in GAZETTEERS.items() if not name.startswith("phoenix") for a in loader()
            if isinstance(a, Actor)
        )  # fmt: skip

    @classmethod
    def of(cls, actors: Iterable) -> Base:
        from kg.gazetteer import is_acronym, normalize

        actors = {a.id: a for a in actors}
        names: dict[str, set[str]] = defaultdict(set)
        keys: dict[str, set[str]] = defaultdict(set)
        for actor in actors.values():
            for name in (*actor.names, *actor.demonyms, *actor.capitals):
                names[name if is_acronym(name) else normalize(name)].add(actor.id)
            for name in actor.names:
                if not is_acronym(name) and core_key(name):
                    keys[core_key(name)].add(actor.id)
        iso3 = {a.iso3: a.id for a in actors.values() if a.iso3}
        return cls(actors, names, keys, iso3)

    def find(self, name: str) -> set[str]:
        """Base actors a name (or its spelling-tolerant key) already denotes."""
        from kg.gazetteer import is_acronym, normalize

        # 'HAMAS' (a short Phoenix name, kept in capitals) is the curated 'Hamas' too
        found = set(self.names.get(name, ())) | set(self.names.get(normalize(name), ()))
        if not is_acronym(name) and len(name.split()) > 1:
            found |= self.keys.get(core_key(name), set())
        return found


@dataclass
class Filters:
    """What makes an imported name unsafe to match: an English word, a phrase of common words."""

    english: frozenset[str]
    stop_words: frozenset[str]
    left_out: Counter = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def drop(self, reason: str, name: str) -> None:
        self.left_out[reason] += 1
        self.examples[reason].append(name)

    def common(self, word: str) -> bool:
        """A word of the model's English word index (which also lists many proper nouns: 'Algeria')."""
        bare = word.lower().strip(".'")
        if word in ACRONYMS:
            return False
        return bare in self.english or bare in self.stop_words or bare in PARTICLES or len(bare) <= 1

    def usable(self, name: str, person: bool = False) -> bool:
        """Whether a name may be matched in text without shadowing ordinary English.

        Single words: a capitalised one-word name that is in the model's English word index is dropped
        ('Concern', 'Paradise', 'Tigers'; the index also lists some proper names, 'Unesco', so a few real
        names go too: curated.jsonl can add those back); an acronym, matched case-sensitively, only when
        it is a pronounceable English word ('CAR', 'DAWN'; 'OPCW' stays). A one-word person name is a
        surname that relatives and namesakes share (and kg already resolves a surname to the person the
        article named before). Phrases: a name of fewer than three common words that does not end in an
        organisation word ('Black Star', 'Direct Action', 'Revolutionary Left'; 'Amnesty International'
        stays) reads as ordinary English. People's names are checked by spaCy's NER instead."""
        from kg.gazetteer import is_acronym

        words = name.split()
        if len(words) == 1:
            if person:
                self.drop("one-word person name", name)
                return False
            lower = name.lower()
            if is_acronym(name):
                if (lower in self.english or lower in self.stop_words) and re.search(r"[aeiouy]", lower):
                    self.drop("an acronym that is an English word", name)
                    return False
                return True
            if self.common(name):
                self.drop("one word that is in the English word index", name)
                return False
            return True
        if person:
            return True
        lower = [w.lower() for w in words]
        headed = lower[-1] in ORGANISATION_NAME_HEADS or (lower[0] in ORGANISATION_NAME_HEADS and lower[1] in PARTICLES)
        if len(words) < 3 and not headed and all(self.common(w) for w in words):
            self.drop("a phrase of common English words", name)
            return False
        return True


#: Words that make a phrase of common words a name ('Army of God', 'Revolutionary Nuclei' is not one).
ORGANISATION_NAME_HEADS = {
    "army", "front", "brigade", "brigades", "movement", "organization", "organisation", "group", "party", "cells",
    "committee", "council", "battalion", "battalions", "union", "league", "association", "agency", "fund", "bank",
    "commission", "court", "programme", "program", "office", "mission", "forces", "tribunal", "alliance",
    "federation", "institute", "foundation", "network", "corps", "militia", "guard", "guards", "legion",
    "international", "community", "treaty", "society", "trust", "forum", "club", "project", "watch",
}  # fmt: skip


# ====================================================================== gazetteer records
def slug(text: str) -> str:
    from kg.gazetteer import normalize

    text = unicodedata.normalize("NFKD", normalize(text)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def entity_labels(nlp, names: Iterable[str]) -> dict[str, str | None]:
    """The label spaCy's NER gives a whole name in '<name> said.' (PERSON, ORG, GPE...; None: no entity
    covers the name)."""
    names = list(dict.fromkeys(names))
    found: dict[str, str | None] = {}
    for name, doc in zip(names, nlp.pipe(f"{n} said." for n in names), strict=True):
        whole = [e.label_ for e in doc.ents if e.start_char == 0 and e.end_char >= len(name) - 1]
        found[name] = whole[0] if whole else None
    return found


def person_names(nlp, names: Iterable[str]) -> set[str]:
    """The names spaCy's NER reads as a person's name in '<name> said.'."""
    return {n for n, label in entity_labels(nlp, names).items() if label == "PERSON"}


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def names_of(record: ActorRecord) -> list[str]:
    """A record's names in news spelling, then the acronyms its names give in parentheses."""
    names, acronyms = [], []
    for raw in record.names:
        parsed = phrase_name(raw)
        if parsed:
            names.append(parsed[0])
            acronyms.extend(parsed[1])
    return list(dict.fromkeys([*names, *acronyms]))


def build_states(records: list[ActorRecord], base: Base, filters: Filters, source: str) -> list[dict]:
    """Supplements for the states kg has: Phoenix spellings of the name, demonyms and capitals.

    Measured (same build, with and without this file): dev gold, PETRARCH-2 and PLOVER recall unchanged;
    one more PLOVER record with a prediction ('the Phillippines military ... violating the ceasefire
    agreement' now has its actor, and the rules read 'agreement' as agreesWith): an extractor error, not
    a wrong actor, so the file stays.

    A country record lists, under one code, the name, its spellings, the demonym, the capital and
    the main cities and provinces ('Kandahar', 'Helmand' under AFG). Only a name close to one kg
    already has (a spelling: 'Afganistan'; a longer official form containing the name) or shaped like
    a demonym of the name ('Afghani') is imported; the rest are places of their own, which kg must not
    read as the state (a capital is a metonym only when it acts; a province never is)."""
    from kg.gazetteer import normalize

    supplements: dict[str, dict] = {}
    for record in records:
        # one undated country code; a record may carry other, dated codes (the BIH record also lists
        # ISIL's names under a dated code): state_name_kind keeps only names shaped like the state's
        codes = [c.code for c in record.codes if not c.start and not c.end and len(c.code) == 3]
        if len(codes) != 1 or any(len(c.code) == 3 and c.code != codes[0] for c in record.codes):
            continue
        state_id = base.iso3.get(codes[0])
        if state_id is None:
            filters.drop("country code without a kg state (not a UN member or observer)", codes[0])
            continue
        state = base.actors[state_id]
        known = {normalize(n) for n in (*state.names, *state.demonyms, *state.capitals)}
        entry = supplements.setdefault(state_id, {"extends": state_id, "aliases": [], "demonyms": [], "capitals": []})
        for name in names_of(record):
            # a state's name is no acronym: 'SANA' (Sana'a) must not match the Syrian news agency SANA
            name = " ".join(recase(w, i == 0) for i, w in enumerate(name.upper().split()))
            key = normalize(name)
            if key in known:
                continue
            if base.find(name) - {state_id}:
                filters.drop("a state name another kg actor has (curated wins)", name)
                continue
            kind = state_name_kind(name, state)
            if kind is None:
                filters.drop("not a name of the state: a city, province or other place (see build_places)", name)
                continue
            # 'Swede', 'Chiloe' (and, alas, 'Bahrein')
            if len(name.split()) == 1 and filters.common(name) and not first_of_joined(name, state):
                filters.drop("a state's spelling that is in the English word index", name)
                continue
            known.add(key)
            entry[kind].append(name)
    result = []
    for entry in supplements.values():
        entry = {k: v for k, v in entry.items() if v}
        if len(entry) > 1:
            result.append({**entry, "source": source})
    return sorted(result, key=lambda r: r["extends"])


#: Words of a state's official name around its short name ('Islamic Republic of Afghanistan').
OFFICIAL_WORDS = {
    "republic", "kingdom", "state", "states", "federation", "federal", "democratic", "people's", "peoples", "union",
    "islamic", "arab", "socialist", "united", "plurinational", "bolivarian", "cooperative", "co-operative",
    "independent", "hashemite", "sultanate", "principality", "grand", "duchy", "commonwealth", "emirate",
    "emirates", "federative", "popular", "oriental", "eastern", "libyan", "great", "jamahiriya", "nation",
}  # fmt: skip


def state_name_kind(name: str, state) -> str | None:
    """'aliases', 'demonyms' or 'capitals' for a Phoenix name under a state's code; None for other places.

    The kind of the closest known name when it is close (a spelling: similarity >= 0.88; 'Mongol' and
    'Buganda' are not Mongolia and Uganda), else 'aliases' for an official form that contains a name.
    A plural ('Palestinians', 'Americans') names the people, a Population, not the state."""
    words = name.lower().split()
    known_plural = any(n.lower().endswith("s") for n in (*state.names, *state.demonyms, *state.capitals))
    if words[-1].endswith("s") and not known_plural:
        return None
    if first_of_joined(name, state):
        return "aliases"
    scored = [
        (similar(name, known), kind)
        for kind, names in (("aliases", state.names), ("demonyms", state.demonyms), ("capitals", state.capitals))
        for known in names
    ]
    score, kind = max(scored, default=(0.0, None))
    if score >= 0.88 and len(name) >= 5:
        return None if kind == "demonyms" and name.endswith("s") else kind
    for known in state.names:
        if known.lower() in name.lower() and set(words) - set(known.lower().split()) <= OFFICIAL_WORDS | PARTICLES:
            return "aliases"
    return None


def first_of_joined(name: str, state) -> bool:
    """Whether a name is the first of the two joined in a state's name: news calls the state 'Bosnia',
    'Trinidad' (while 'Papua' or 'Timor' alone is the island or province). Such a name is the state
    even when it is also an English word-index entry."""
    return any(known.lower().startswith(name.lower() + " and ") for known in state.names)


# ====================================================================== places
#: How close a name must be to one of its state's names or demonyms (or, stricter, its capitals) to be read as
#: another spelling of it rather than a place of its own ('Ukrayina', 'Kameroen', 'Sana'; but 'Donetsk').
STATE_SHAPED = 0.7
CAPITAL_SHAPED = 0.8
#: A record's block of the state's own names ends at its capital, or later at an own name at most this many
#: names after the previous one (the US record lists 'America', 'U.S.' after 'Washington'; Israel's lists
#: 'State of Israel' after a dozen cities, which stay places).
OWN_BLOCK_GAP = 3


def current_country(record: ActorRecord) -> str | None:
    """The country code a record's names belong to now: its one three-letter code without an end date
    ('UKR' of [USRUKR <910824] [UKRUNR 910824-911221] [UKR >911221]); None for a former state ('CSK') or a
    record of a person, party or group (six-letter and dated codes)."""
    current = {c.code for c in record.codes if len(c.code) == 3 and not c.end}
    return next(iter(current)) if len(current) == 1 else None


def ordinary_words(nlp) -> frozenset[str]:
    """English adjectives, verbs, adverbs and stop words ('nice', 'split', 'bath', 'male', 'south').

    The model's word index also lists, as nouns, most of the world's place names ('crimea', 'kandahar',
    'aleppo': WordNet's proper nouns, lower-cased), so a place name being a noun of the index says nothing;
    being another part of speech does."""
    from kg.sentences import english_index

    index = english_index(nlp)
    other = [words for pos, words in index.items() if pos != "noun"]
    return frozenset().union(*other, nlp.Defaults.stop_words, PARTICLES)


def person_words(people: Iterable[dict], base: Base) -> frozenset[str]:
    """The surnames (last words) of the people kg knows (curated, and Phoenix's imported ``people``), in lower
    case: a one-word place name among them ('Austin', 'Nasser') would take the surname kg resolves to the
    person an article named before. (Every word of all 13,000 people Phoenix lists would take 'Sydney',
    'Lagos', 'Milan' and 'Aden'.)"""
    labels = [a.label for a in base.actors.values() if getattr(a, "type", None) == "Person"]
    labels += [p["label"] for p in people]
    return frozenset(label.split()[-1].lower() for label in labels if len(label.split()) > 1)


def build_places(
    records: list[ActorRecord],
    base: Base,
    filters: Filters,
    nlp,
    imported: list[dict],
    people: frozenset[str],
    source: str,
) -> list[dict]:
    """Places: the cities, provinces and regions a country record lists under its code (+DONETSK_, +CRIMEA_,
    +KANDAHAR_), each a Place actor whose ``country`` is the kg state.

    spaCy's NER types many of these as organisations or people ('Crimea', 'Tigray'), and a rule that wants
    a place ('Russia annexed Crimea': captures) then misses; in the gazetteer they are places. A record
    names its state first: its spellings, foreign and former names, nicknames and demonyms come before
    its capital or among its spellings ('Ukrayina', 'Persia', 'Land of the Rising Sun', 'Aussie'), its
    places after. Left out: names the state itself has or that are shaped like them (build_states'
    business), names another actor has (curated wins; ``imported`` are the other Phoenix imports, so
    that no new ambiguity arises), names under two countries' codes ('Korea'), a one-word name that is
    an English adjective, verb or adverb ('Nice', 'Split', 'Male') or the surname of a person kg knows
    (``people``), a phrase of such words ('West Bank': 'the west bank of the river'), organisations'
    names and coded or inverted forms ('Congo, Republic of the'). A one-word name that is only a noun of
    the word index stays: the index lists most place names, and kg never reads a lone lower-case word as
    a name. One entry per name ('Odessa' and 'Odesa' are two; 'Chiang Mai' and 'Chiang Rai' also differ
    by a letter), but names with the same letters are one ('Tal Afar', "Tal'afar")."""
    from kg.gazetteer import is_acronym, normalize

    taken = {normalize(n) for r in imported for k in ("label", "aliases", "demonyms", "capitals")
             for n in ([r.get(k)] if k == "label" else r.get(k, [])) if n}  # fmt: skip
    taken_ids = {r["id"] for r in imported if "id" in r}
    ordinary = ordinary_words(nlp)
    found: dict[str, dict] = {}  # normalised name -> its entry
    states_of: dict[str, set[str]] = defaultdict(set)
    for record in records:
        code = current_country(record)
        state_id = base.iso3.get(code) if code else None
        if state_id is None:
            continue  # a former state, a person, a group; or a country without a kg state (build_states says so)
        state = base.actors[state_id]
        names = [" ".join(recase(w, i == 0) for i, w in enumerate(n.upper().split())) for n in names_of(record)]
        own = [*state.names, *state.demonyms]
        capitals = {normalize(c) for c in state.capitals}
        known = capitals | {normalize(n) for n in own}
        is_own = [bool(normalize(n) in known or state_name_kind(n, state)) for n in names]
        capital_at = next((i for i, n in enumerate(names) if normalize(n) in capitals), -1)
        block_end = -1  # the state's block: up to its capital, and on while its own names follow closely
        for i, own_name in enumerate(is_own):
            if own_name and (i <= capital_at or i - block_end <= OWN_BLOCK_GAP):
                block_end = i
        for i, name in enumerate(names):
            if is_own[i]:
                continue  # the state's own name, spelling, demonym or capital: build_states'
            words = name.split()
            lower = [w.lower() for w in words]
            if i < block_end:
                filters.drop("a name among the state's own names (before its capital or between its spellings)", name)
            elif (
                max((similar(name, n) for n in own), default=0) >= STATE_SHAPED
                or max((similar(name, c) for c in state.capitals), default=0) >= CAPITAL_SHAPED
            ):
                filters.drop("a place name shaped like its state's name, demonym or capital", name)
            elif re.search(r"[\d,/]", name) or is_acronym(name) or not re.search(r"[a-z]{2}", name):
                filters.drop("a coded, inverted or abbreviated place name ('Congo, Republic of the')", name)
            elif base.find(name) or normalize(name) in taken:
                filters.drop("a place name another kg actor has (curated wins)", name)
            elif len(words) == 1 and lower[0] in ordinary:
                filters.drop("a one-word place name that is an English adjective, verb or adverb", name)
            elif len(words) == 1 and lower[0] in people:
                filters.drop("a one-word place name that is a person's name ('Austin')", name)
            elif len(words) < 3 and all(w in ordinary for w in lower):
                filters.drop("a place name of ordinary English words ('West Bank')", name)
            elif organisation_words(name) or lower[-1] in COLLECTIVE_HEADS:
                filters.drop("an organisation's name under a country code", name)
            else:
                key = normalize(name)
                states_of[key].add(state_id)
                if key not in found:  # one entry per name: 'Chiang Mai' and 'Chiang Rai' differ by a letter too
                    found[key] = {"label": name, "type": "Place", "country": state_id, "source": f"{source} [{code}]"}
    result: dict[str, dict] = {}
    for key, entry in found.items():
        if len(states_of[key]) > 1:
            filters.drop("a place name under two countries' codes", entry["label"])
            continue
        actor_id = slug(entry["label"])
        if actor_id in base.actors or actor_id in taken_ids:
            filters.drop("a place name with the id of another kg actor", entry["label"])
        elif actor_id in result and result[actor_id]["country"] != entry["country"]:
            filters.drop("a place name under two countries' codes", entry["label"])
        elif actor_id in result:  # the same letters: one place ("Tal Afar", "Tal'afar"; "St. Louis", "St Louis")
            result[actor_id].setdefault("aliases", []).append(entry["label"])
        else:
            result[actor_id] = {"id": actor_id, **entry}
    return sorted(({k: r[k] for k in ("id", "label", "type", "aliases", "country", "source") if k in r}
                   for r in result.values()), key=lambda r: r["id"])  # fmt: skip


def dated(record: ActorRecord) -> bool:
    return any(c.start or c.end for c in record.codes)


def specific_tail(code: str, countries: set[str]) -> bool:
    """Whether a code ends in a segment naming one organisation (IGOUNOKID: UNICEF) rather than a
    sector, region or country (NGOUSAHRI: some US human-rights NGO)."""
    tail = code[-3:]
    return len(code) > 3 and tail not in PHOENIX_SECTORS and tail not in REGIONS and tail not in countries


@dataclass
class Organisations:
    """Organisations built from one Phoenix file, and the code -> actor id map people's roles use."""

    records: list[dict] = field(default_factory=list)
    codes: dict[str, str] = field(default_factory=dict)


def build_organisations(
    records: list[ActorRecord],
    base: Base,
    filters: Filters,
    nlp,
    agents: dict[str, dict],
    source: str,
    kind: str,
    countries: set[str],
) -> Organisations:
    """International organisations (kind 'international') or armed groups (kind 'nonstate').

    Phoenix groups names by code, not by entity: in Phoenix.International.actors.txt every record of
    one organisation's own code (IGOUNOKID) is one actor, UNICEF; records of a generic code (IGO, NGOHRI)
    are one actor each. In Phoenix.MilNonState.actors.txt every record is its own group. A group that
    shares any name (or spelling-tolerant key, 'al-Qaeda Organization in the Islamic Maghreb' ~ 'al-Qaeda
    in the Islamic Maghreb') with a curated actor is that actor and is not imported."""
    from kg.gazetteer import is_acronym

    groups: dict[object, list[ActorRecord]] = defaultdict(list)
    for record in records:
        if not record.codes or dated(record):
            continue  # no code: PETRARCH's null code; dated: a person (see build_people)
        code = record.codes[0].code
        family = code[:3]
        if kind == "international":
            if family == "NGO" and code[3:6] in countries:
                filters.drop("a national NGO (country-coded): outside kg's international scope", record.names[0])
                continue
            if family not in ("IGO", "NGO"):
                reason = {"MNC": "a company: kg has no business actor type"}.get(family, f"code family {family}")
                filters.drop(reason, record.names[0])
                continue
        elif not ("REB" in sectors_of(code) or family == "IMG" or "UAF" in sectors_of(code)):
            filters.drop(f"not an armed group (code {code})", record.names[0])
            continue
        key = code if kind == "international" and specific_tail(code, countries) else ("record", record.line)
        groups[key].append(record)
    all_names = {n for rs in groups.values() for r in rs for n in names_of(r)}
    people = person_names(nlp, [n for n in all_names if not is_acronym(n) and not organisation_words(n)])
    result = Organisations()
    by_id: dict[str, dict] = {}
    for key, members in groups.items():
        code = members[0].codes[0].code
        names = list(dict.fromkeys(n for r in members for n in names_of(r)))
        matched = set().union(*(base.find(n) for n in names))
        if matched:
            filters.drop("the same organisation as a curated actor (curated wins)", names[0])
            if isinstance(key, str):  # the code stands for the actor its first matching name names
                first = next(base.find(n) for n in names if base.find(n))
                if len(first) == 1:
                    result.codes[code] = next(iter(first))
            continue
        kept = []
        for name in names:
            if name in people:
                filters.drop("a person's name under an organisation's code", name)
            elif agents.get(name.lower(), {}).get("person") == "yes" or name.lower().split()[-1] in PERSON_ROLE_WORDS:
                filters.drop("a position, not an organisation ('UN envoy')", name)
            elif filters.usable(name):
                kept.append(name)
        label = next((n for n in kept if not is_acronym(n)), None)
        if label is None:
            continue
        actor_id = slug(label)
        if actor_id in base.actors:
            filters.drop("the id of another kg actor", label)
            continue
        entry = by_id.get(actor_id)
        if entry is None:  # the same name under two codes (a file lists some twice) is one organisation
            entry = by_id[actor_id] = {
                "id": actor_id,
                "label": label,
                "type": "InternationalOrganization" if kind == "international" else "ArmedGroup",
                "aliases": [],
            }
            country = base.iso3.get(code[:3])
            if kind == "nonstate" and country:
                entry["country"] = country
            entry["source"] = f"{source} [{code}]"
        entry["aliases"] = list(dict.fromkeys([*entry["aliases"], *(n for n in kept if n != entry["label"])]))
        if isinstance(key, str):
            result.codes[code] = actor_id
    result.records = sorted(({k: v for k, v in e.items() if v} for e in by_id.values()), key=lambda r: r["id"])
    return result


#: Words that make a name an organisation's even when spaCy's NER reads it as a person's ('Ansar al-Islam').
TRANSLITERATED_ORGANISATION_WORDS = {
    "ansar", "jaish", "jaysh", "jamaat", "jamaah", "jemaah", "jama'at", "lashkar", "laskar", "harakat", "harkat",
    "hizb", "hezb", "kataib", "kata'ib", "katibat", "jund", "saraya", "tanzim", "jabhat", "liwa", "asbat", "usbat",
    "majlis", "mujahideen", "mujahidin", "mujahedin", "fedayeen", "brigade", "brigades", "battalions", "commando",
    "comando", "frente", "movimiento", "ejercito", "fuerzas", "cellule", "nuclei", "gang", "commandos",
}  # fmt: skip


def organisation_words(name: str) -> bool:
    words = {w.lower() for w in re.split(r"[\s-]+", name)}
    return bool(words & (ORGANISATION_NAME_HEADS | TRANSLITERATED_ORGANISATION_WORDS))


#: Words that make a name under a person's record the name of a body ('Obama administration').
BODY_WORDS = {"administration", "government", "regime", "camp", "cabinet", "forces", "supporters", "loyalists", "party"}
#: Last words that make a name a position rather than an organisation ('UN Secretary General').
PERSON_ROLE_WORDS = {"envoy", "monitor", "resident", "chief", "general", "secretary", "peacekeeper", "rapporteur"}
#: Role families imported for people: government, military, legislature, judiciary, police,
#: intelligence and armed-group positions (ELI, 'elite', is a former or ceremonial figure: not imported).
PERSON_ROLES = ("GOV", "MIL", "LEG", "JUD", "COP", "SPY", "REB")


def person_label(names: list[str]) -> str | None:
    """The name without titles: 'Hamid Karzai' of 'Hamid Karzai', 'President Karzai'."""
    for name in names:
        if not {w.lower() for w in name.split()} & TITLE_WORDS:
            return name
    for name in names:
        words = [w for w in name.split() if w.lower() not in TITLE_WORDS]
        if len(words) > 1:
            return " ".join(words)
    return None


def roles_of(record: ActorRecord, base: Base, codes: dict[str, str]) -> list[dict]:
    """The dated roles of a person record that name a kg actor: 'USAGOV' -> of united-states, role GOV;
    'IGOUNOKID' -> of unicef (an organisation's own code), role IGO."""
    roles = []
    for span in record.codes:
        of, role = None, None
        for cut in range(len(span.code), 3, -3):
            if span.code[:cut] in codes:
                of, role = codes[span.code[:cut]], span.code[:3] if span.code[:3] in ("IGO", "NGO", "IMG") else None
                break
        if of and role is None:
            role = span.code[3:] or None
        if of is None and span.code[:3] in base.iso3:
            of, role = base.iso3[span.code[:3]], span.code[3:]
            if not role.startswith(PERSON_ROLES):
                continue
        if of is None or not role:
            continue
        entry = {"of": of, "role": role, "code": span.code}
        if span.start:
            entry["from"] = iso(span.start)
        if span.end:
            entry["to"] = iso(span.end)
        if entry not in roles:
            roles.append(entry)
    return roles


def build_people(
    records: list[tuple[ActorRecord, str]], base: Base, filters: Filters, nlp, codes: dict[str, str]
) -> list[dict]:
    """Heads of state and government, ministers, armed-group and IGO leaders: records with dated codes.

    A record's synonyms are kept only when they share a word of the person's name ('President Karzai'
    for Hamid Karzai): Phoenix also lists other people under one record. Records with one name, or one
    naming the other, are one person, unless their roles are in different states (namesakes: left out)."""
    from kg.gazetteer import normalize

    people: dict[str, dict] = {}
    conflicts: set[str] = set()
    candidates = []
    accepted: list[dict] = []
    for record, source in records:
        if not dated(record):
            continue
        names = [n for n in names_of(record)]
        label = person_label(names)
        roles = roles_of(record, base, codes)
        if label is None or not roles:
            continue
        if organisation_words(label):
            filters.drop("an organisation's name with dated codes", label)
            continue
        candidates.append((record, source, label, names, roles))
    labels = entity_labels(nlp, [c[2] for c in candidates])
    for record, source, label, names, roles in candidates:
        if labels[label] not in ("PERSON", None):  # the small model misses many foreign names: only a
            filters.drop("read as an organisation or place by spaCy's NER", label)  # contrary reading drops one
            continue
        surname_words = {w.lower() for w in label.split() if w.lower() not in PARTICLES and len(w) > 2}
        # 'Obama administration', 'Bush camp' name the government or the followers, not the person
        kept = [
            n for n in names
            if {w.lower() for w in n.split()} & surname_words and not {w.lower() for w in n.split()} & BODY_WORDS
        ]  # fmt: skip
        if base.find(label) or any(base.find(n) for n in kept):
            filters.drop("a person kg already has, or a name of another actor (curated wins)", label)
            continue
        kept = [n for n in kept if filters.usable(n, person=True)]
        if label not in kept:
            continue
        states = {r["of"] for r in roles if base.actors.get(r["of"]) and base.actors[r["of"]].type == "State"}
        # CountryInfo lists heads of state and government with their 'elite' (ELI) years around the office
        leader = any(c.code[3:6] == "ELI" for c in record.codes)
        accepted.append({"label": label, "names": kept, "roles": roles, "states": states, "source": source,
                         "leader": leader})  # fmt: skip
    # one person: records with one name, or whose name another record lists ('K. Annan' under Kofi Annan);
    # an alias two records share but neither is named by ('President Bush') joins nobody: it stays ambiguous
    parent = list(range(len(accepted)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_label: dict[str, int] = {}
    for i, entry in enumerate(accepted):
        key = normalize(entry["label"])
        if key in by_label:
            parent[root(i)] = root(by_label[key])
        else:
            by_label[key] = i
    for i, entry in enumerate(accepted):
        for name in entry["names"]:
            j = by_label.get(normalize(name))
            if j is not None:
                parent[root(i)] = root(j)
    groups: dict[int, list[dict]] = defaultdict(list)
    for i, entry in enumerate(accepted):
        groups[root(i)].append(entry)
    for members in groups.values():
        main_entry = max(members, key=lambda e: (len(e["names"]), -members.index(e)))
        names = list(dict.fromkeys(n for e in [main_entry, *members] for n in e["names"]))
        key = normalize(main_entry["label"])
        people[key] = {
            "label": main_entry["label"],
            "aliases": [n for n in names if normalize(n) != key],
            "roles": list({json.dumps(r, sort_keys=True): r for e in members for r in e["roles"]}.values()),
            "states": set().union(*(e["states"] for e in members)),
            "sources": list(dict.fromkeys(e["source"] for e in members)),
            "leader": any(e["leader"] for e in members),
        }
        if len(people[key]["states"]) > 1:
            conflicts.add(key)
    result = []
    for key, person in people.items():
        if key in conflicts:
            filters.drop("namesakes: one name with roles in two states", person["label"])
            continue
        roles = person["roles"]
        organisation_role = any(r["role"] in ("IGO", "NGO", "IMG") or r["role"].startswith("REB") for r in roles)
        leader = person["leader"] and max(r.get("to", "9999") for r in roles) >= "1990"
        cabinet = any(r["role"] == "GOV" and r.get("to", "9999") >= "2010" for r in roles)
        if not (organisation_role or leader or cabinet):
            # Measured: all 13,000 people Phoenix lists add nothing to the dev gold, PLOVER or PETRARCH-2
            # figures (identical with and without them) and about 3 s of CPU to every kg start (gazetteer
            # load 0.3 -> 0.6 s, alias matchers 0.5 -> 1.7 s, and the garbage collector walking 13,000
            # more actors; the 4,200 kept cost about a third of that). Kept: leaders (CountryInfo's
            # head-of-state and government lists, the ones
            # with 'elite' years around the office) in office since 1990, members of a government with
            # Phoenix's whole-government code (GOV: heads, foreign, defence, interior ministers...) in
            # office since 2010, IGO and armed-group leaders. Left out: line ministers (GOVBUS, GOVAGR,
            # ...) and earlier office holders.
            filters.drop("a line minister, or in office only before 2010 (startup cost)", person["label"])
            continue
        roles = sorted(person["roles"], key=lambda r: (r.get("from") or r.get("to") or "", r["code"]))
        entry = {"id": slug(person["label"]), "label": person["label"], "type": "Person"}
        if person["aliases"]:
            entry["aliases"] = person["aliases"]
        if person["states"]:
            entry["country"] = next(iter(person["states"]))
        entry["roles"] = roles
        entry["source"] = "; ".join(person["sources"])
        result.append(entry)
    taken = set(base.actors)
    unique = []
    for entry in sorted(result, key=lambda r: r["id"]):
        if entry["id"] in taken:
            filters.drop("an id another actor has", entry["label"])
            continue
        taken.add(entry["id"])
        unique.append(entry)
    return unique


# ====================================================================== output
def comment_block(text: str, prefix: str = "# ") -> str:
    return "".join(f"{prefix}{line}".rstrip() + "\n" for line in text.splitlines())


def write_jsonl(path: Path, records: list[dict], what: str) -> None:
    header = f"{what}\nGenerated by scripts/import_phoenix.py; do not edit (change the script, or curated.jsonl).\n"
    header += NOTICE
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    path.write_text(comment_block(header) + "\n".join(lines) + "\n", encoding="utf-8")


AGENT_COLUMNS = ("noun", "sectors", "type", "role", "person", "source")


def curated_agents(path: Path) -> list[dict]:
    """The hand-kept rows of ontology/sources/agents_curated.tsv (they replace Phoenix's row of a noun)."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and line[0] != "#"]
    columns = lines[0].split("\t")
    return [{**dict(zip(columns, line.split("\t"), strict=True)), "source": "curated"} for line in lines[1:]]


def write_agents(path: Path, rows: list[dict]) -> None:
    header = (
        "Agent nouns: words that describe an actor without naming it ('troops', 'separatists', 'minister').\n"
        "Imported from Phoenix.agents.txt by scripts/import_phoenix.py; do not edit by hand.\n"
        "Columns (tab-separated):\n"
        "  noun     lower case, one form per row (singular and plural), multiword allowed\n"
        "  sectors  the Phoenix sector codes, comma-separated (GOV, MIL, REB, OPP, CVL, COP, BUS, MED, ...)\n"
        "  type     the kg actor type the noun describes when a state (or nobody) owns it; a MIL noun of a\n"
        "           non-state owner is that owner's armed group\n"
        "  role     GovernmentBody: the state body (government, military, police, legislature, judiciary,\n"
        "           intelligence); other types: the sector's name\n"
        "  person   yes: one person who represents the owner ('minister', 'spokesman'); no: the body or group\n"
        "  source   phoenix:<line of Phoenix.agents.txt>, or curated (ontology/sources/agents_curated.tsv)\n"
        f"{NOTICE}"
    )
    lines = ["\t".join(AGENT_COLUMNS)] + ["\t".join(r[c] for c in AGENT_COLUMNS) for r in rows]
    path.write_text(comment_block(header) + "\n".join(lines) + "\n", encoding="utf-8")


def write_ambiguous(path: Path) -> int:
    """Recompute ontology/gazetteer/ambiguous.txt from every registered source."""
    from kg.gazetteer import GAZETTEERS, Gazetteer

    gazetteer = Gazetteer(a for loader in GAZETTEERS.values() for a in loader())
    head = [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    path.write_text("\n".join([*head, *sorted(gazetteer.ambiguous)]) + "\n", encoding="utf-8")
    return len(gazetteer.ambiguous)


def compare_agents(rows: list[dict]) -> list[str]:
    """Where agents.tsv meets kg's hand lists (cues.tsv military/coref/source, ORG_HEADS, TITLES)."""
    from kg.lexicon import default_lexicon

    by_noun = {r["noun"]: r for r in rows}
    report = []
    cues = default_lexicon().cues
    for kind, expected in (("military", {"GovernmentBody"}), ("source", None), ("coref", None)):
        missing, disagree = [], []
        for word, value in sorted(cues[kind].items()):
            row = by_noun.get(word)
            if row is None:
                missing.append(word)
                continue
            want = {value} if kind == "coref" else expected
            if want and row["type"] not in want | ({"GovernmentBody"} if "ArmedGroup" in want else set()):
                disagree.append(f"{word} ({value or kind}; Phoenix {row['sectors']} -> {row['type']})")
            elif kind == "military" and row["role"] not in ("military", "police"):
                disagree.append(f"{word} (military; Phoenix {row['sectors']} -> {row['type']} {row['role']})")
        report.append(f"cues {kind}: {len(cues[kind]) - len(missing)} of {len(cues[kind])} in agents.tsv")
        if disagree:
            report.append(f"  disagree: {'; '.join(disagree)}")
        if missing:
            report.append(f"  not in Phoenix: {', '.join(missing)}")
    try:
        from kg.actors import ORG_HEADS, TITLES
    except ImportError:  # the actor resolver is being reshaped; its hand lists may have moved
        return report
    for actor_type, heads in ORG_HEADS:
        for head in heads:
            row = by_noun.get(head)
            if row is None:
                report.append(f"ORG_HEADS {actor_type} {head!r}: not in Phoenix")
            elif row["type"] != actor_type:
                report.append(f"ORG_HEADS {actor_type} {head!r}: Phoenix {row['sectors']} -> {row['type']}")
    titles = sorted(t for t in TITLES if t in by_noun)
    report.append(f"TITLES in agents.tsv: {', '.join(titles)}; not: {', '.join(sorted(set(TITLES) - set(titles)))}")
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--phoenix", type=Path, default=DEFAULT_PHOENIX, help="directory of the Phoenix files")
    parser.add_argument("--left-out", type=Path, help="write every left-out name, by reason, to this JSON file")
    args = parser.parse_args()
    from kg.gazetteer import GAZETTEERS

    phoenix = {n: GAZETTEERS.pop(n) for n in list(GAZETTEERS) if n.startswith("phoenix")}
    # build against the gazetteer as it is without Phoenix (put back before ambiguous.txt is recomputed)
    from kg.sentences import english_words, load_pipeline

    nlp = load_pipeline()
    filters = Filters(english_words(nlp), frozenset(nlp.Defaults.stop_words))
    base = Base.load()
    from kg.gazetteer import is_acronym

    ACRONYMS.update(n for a in base.actors.values() for n in a.names if is_acronym(n))

    def read(name: str) -> list[str]:
        return (args.phoenix / name).read_text(encoding="utf-8").splitlines()

    entries, problems = parse_agents(read("Phoenix.agents.txt"))
    rows, agents_left_out = build_agents(entries)
    curated = {r["noun"]: r for r in curated_agents(ONTOLOGY / "sources" / "agents_curated.tsv")}
    replaced = [r["noun"] for r in rows if r["noun"] in curated]
    rows = sorted([*(r for r in rows if r["noun"] not in curated), *curated.values()], key=lambda r: r["noun"])
    write_agents(ONTOLOGY / "lexicon" / "agents.tsv", rows)
    print(f"agents.tsv: {len(rows)} nouns from {len(entries)} Phoenix forms; {len(problems)} unreadable lines")
    print(f"  curated rows: {len(curated)}, replacing Phoenix's for {', '.join(replaced) or 'none'}")
    for reason, count in agents_left_out.most_common():
        print(f"  left out {count:5d}: {reason}")

    parsed = {}
    for name in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"):
        parsed[name], problems = parse_actors(read(name))
        print(f"{name}: {len(parsed[name])} records, {len(problems)} unreadable lines")
        for record in parsed[name]:
            for raw in record.names:
                ACRONYMS.update(a for a in re.findall(r"\(([A-Z]{2,6})\)", raw) if not filters.common(a))
    country_records = parsed["Phoenix.Countries.actors.txt"]
    countries = {c.code for r in country_records for c in r.codes if len(c.code) == 3} | set(base.iso3)
    agents = {r["noun"]: r for r in rows}
    gazetteer = ONTOLOGY / "gazetteer"
    states = build_states(parsed["Phoenix.Countries.actors.txt"], base, filters, "Phoenix.Countries.actors.txt")
    write_jsonl(gazetteer / "phoenix_states.jsonl", states, "More names of kg's states, from Phoenix.")
    international = build_organisations(
        parsed["Phoenix.International.actors.txt"], base, filters, nlp, agents,
        "Phoenix.International.actors.txt", "international", countries,
    )  # fmt: skip
    write_jsonl(gazetteer / "phoenix_international.jsonl", international.records, "International organisations.")
    nonstate = build_organisations(
        parsed["Phoenix.MilNonState.actors.txt"], base, filters, nlp, agents,
        "Phoenix.MilNonState.actors.txt", "nonstate", countries,
    )  # fmt: skip
    write_jsonl(gazetteer / "phoenix_nonstate.jsonl", nonstate.records, "Non-state armed groups.")
    people_records = [(r, name) for name, records in parsed.items() for r in records]
    people = build_people(people_records, base, filters, nlp, {**nonstate.codes, **international.codes})
    write_jsonl(gazetteer / "phoenix_people.jsonl", people, "People with dated roles.")
    places = build_places(
        country_records, base, filters, nlp, [*states, *international.records, *nonstate.records, *people],
        person_words(people, base), "Phoenix.Countries.actors.txt",
    )  # fmt: skip
    write_jsonl(gazetteer / "phoenix_places.jsonl", places, "Places: cities, provinces and regions of kg's states.")
    print(
        f"gazetteer: {len(states)} state supplements ({sum(len(s.get('aliases', [])) for s in states)} names, "
        f"{sum(len(s.get('demonyms', [])) for s in states)} demonyms, "
        f"{sum(len(s.get('capitals', [])) for s in states)} capitals), "
        f"{len(international.records)} international organisations, {len(nonstate.records)} armed groups, "
        f"{len(people)} people, {len(places)} places ({sum(len(p.get('aliases', [])) for p in places)} more spellings)"
    )
    for reason, count in filters.left_out.most_common():
        print(f"  left out {count:5d}: {reason} (e.g. {', '.join(filters.examples[reason][:5])})")
    GAZETTEERS.update(phoenix)
    print(f"ambiguous.txt: {write_ambiguous(gazetteer / 'ambiguous.txt')} aliases")
    if args.left_out:
        args.left_out.write_text(json.dumps(filters.examples, indent=1, ensure_ascii=False), encoding="utf-8")
    for line in compare_agents(rows):
        print(line)


if __name__ == "__main__":
    main()
