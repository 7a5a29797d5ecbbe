"""Build ontology/gazetteer/states.jsonl: every UN member and observer state, from installable data.

Sources (recorded on every entry): countryinfo (MIT) for common name, alternative spellings, demonym
and capital; pycountry (LGPL) for the ISO 3166 official name; ontology/sources/un_members.txt for
which states are UN members or observers; ontology/sources/state_overrides.jsonl for curated
corrections (current names; capitals too ambiguous to use as metonyms, such as 'Victoria').
Entries the curated file already has (matched by ISO3 code) are skipped: curated data wins.
kg itself never imports these packages; only this script does.

    pip install countryinfo pycountry
    python scripts/build_gazetteer.py
"""

from __future__ import annotations

import json
import re
import unicodedata
from importlib.metadata import version
from pathlib import Path

import countryinfo
import pycountry

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY = ROOT / "ontology"
#: Short codes that are used as names in news (others, like 'SY', are not).
CODES_USED_AS_NAMES = {"USA", "US", "UK", "UAE", "DRC", "PRC", "ROK", "DPRK"}


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def latin(text: str) -> bool:
    """Written in Latin script (diacritics allowed): news in English uses these spellings."""
    return all(ch.isascii() or "LATIN" in unicodedata.name(ch, "") for ch in text)


def usable_alias(alias: str, codes: set[str]) -> bool:
    if alias in codes:
        return alias in CODES_USED_AS_NAMES
    return latin(alias) and ", " not in alias and len(alias) > 2


def curated_iso3() -> dict[str, str]:
    found = {}
    for line in (ONTOLOGY / "gazetteer" / "curated.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            if record.get("iso3"):
                found[record["iso3"]] = record["id"]
    return found


def members() -> list[str]:
    lines = (ONTOLOGY / "sources" / "un_members.txt").read_text().splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def overrides() -> dict[str, dict]:
    lines = (ONTOLOGY / "sources" / "state_overrides.jsonl").read_text(encoding="utf-8").splitlines()
    return {r["iso3"]: r for r in map(json.loads, filter(str.strip, lines))}


def build() -> list[dict]:
    info = {c.info()["ISO"]["alpha3"]: c.info() for c in countryinfo.all_countries()}
    corrections = overrides()
    curated = curated_iso3()
    source = f"countryinfo {version('countryinfo')}; pycountry {version('pycountry')}; UN member list"
    records = []
    for code in members():
        if code in curated:
            continue
        country = pycountry.countries.get(alpha_3=code)
        data = info.get(code, {})
        label = data.get("name") or getattr(country, "common_name", None) or country.name
        codes = {code, country.alpha_2}
        names = [
            getattr(country, "common_name", None),
            country.name,
            getattr(country, "official_name", None),
            *data.get("altSpellings", []),
        ]
        aliases = [a for a in dict.fromkeys(n for n in names if n) if a != label and usable_alias(a, codes)]
        capital = data.get("capital")
        capitals = [capital, capital.replace(" D.C.", "")] if capital else []
        record = {
            "id": slug(label),
            "label": label,
            "type": "State",
            "iso3": code,
            "aliases": aliases,
            "demonyms": [d.strip() for d in data.get("demonym", "").split(",") if d.strip()],
            "capitals": list(dict.fromkeys(capitals)),
            "source": source,
        }
        correction = corrections.get(code, {})
        if "label" in correction and correction["label"] != label:
            record["aliases"] = [label, *record["aliases"]]
        for key in ("label", "demonyms", "capitals"):
            if key in correction:
                record[key] = correction[key]
        record["aliases"] = [
            a for a in dict.fromkeys([*record["aliases"], *correction.get("aliases", [])]) if a != record["label"]
        ]
        record["id"] = slug(record["label"])
        records.append(record)
    return records


def main() -> None:
    records = build()
    path = ONTOLOGY / "gazetteer" / "states.jsonl"
    lines = [json.dumps(r, ensure_ascii=False) for r in sorted(records, key=lambda r: r["id"])]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(records)} states to {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
