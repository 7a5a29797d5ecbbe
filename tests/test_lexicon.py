"""The trigger lexicon: the CAMEO import (scripts/import_cameo.py), how the loader merges it under the
hand lexicon, and what its entries and the three relations added with it extract. Sentences are
written for these tests."""

from __future__ import annotations

import csv
import importlib.util
import sys
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from kg.documents import from_text
from kg.errors import KgError
from kg.lexicon import Trigger, default_lexicon, load_lexicon, word_forms
from kg.rules import RuleExtractor
from kg.sentences import split
from kg.vocabulary import data_path, relations
from tests.conftest import ROOT, triples
from tests.test_vocabulary import SPEC

spec = importlib.util.spec_from_file_location("import_cameo", ROOT / "scripts" / "import_cameo.py")
importer = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = importer  # dataclasses look their module up there
spec.loader.exec_module(importer)

#: A CAMEO verb dictionary in the PETRARCH2 format, one case of each kind of line.
SNIPPET = """\
# header comment
####### SYNONYM SETS #######

&CURFEW_
+CURFEW
+STATE_OF_EMERGENCY

####### VERB PATTERNS #######

---  IMPOSE   [170]  ---
IMPOSE
LEVY  [172]   # a verb with its own code
+CLAMP_DOWN {+CLAMPS_DOWN +CLAMPED_DOWN} [173]
WIRE_+TAP
- * SANCTIONS                                         [163]         # IMPOSE
- * &CURFEW (ON)                                      [1723]        # IMPOSE
- * (AGAINST)                                         [173]         # LEVY
- * DOWN (ON)                                         [175]         # IMPOSE
- &MILITARY * CURFEW                                  [170]         # IMPOSE
- * (IN COURT)                                        [173]         # IMPOSE
- * {MARTIAL LAW}                                     [1724]        # IMPOSE
- * CURFEW (ON $)                                     [1723]        # IMPOSE
- * TAX                                               [:172]        # IMPOSE

---  LAUNCH   [---]  ---
LAUNCH
OPEN
- * INVESTIGATION                                     [090]         # LAUNCH
- * STRIKE                                            [190]

---  DENOUNCE   [111]  ---
DENOUNCE
- * GOVERNMENT                                        [111]
"""

#: CAMEO -> PLOVER rows in the format of cameo2plover.tsv (CC BY-SA 4.0, openeventdata/PLOVER).
TABLE = """\
cameo\tplover\tmode\tcontext\tcameo_description
09\tACCUSE\t\t\t
090\tACCUSE\tinvestigate\t\tInvestigate
16\tSANCTION\t\t\t
163\tCOERCE\trestrict\tdiplomatic\tImpose embargo, boycott, or sanctions
11\tACCUSE\t\t\t
17\tCOERCE\t\t\t
173\tCOERCE\tarrest\tlegal\tArrest, detain, or charge with legal action
19\tASSAULT\t\t\t
"""


def parsed():
    skipped = Counter()
    synsets, groups = importer.parse(SNIPPET)
    return synsets, groups, importer.entries(groups, synsets, skipped), skipped


def test_importer_reads_group_codes_verb_codes_and_multiword_verbs():
    synsets, groups, _, _ = parsed()
    assert synsets["&CURFEW"] == ["curfew", "state of emergency"]
    impose, launch, _ = groups
    assert (impose.name, impose.code, launch.code) == ("IMPOSE", "170", "")
    assert impose.verbs == [("IMPOSE", ""), ("LEVY", "172"), ("+CLAMP_DOWN", "173"), ("WIRE_+TAP", "")]
    assert importer.verb_lemma("+CLAMP_DOWN") == ("verb", "clamp down")
    assert importer.verb_lemma("+TAKE_SHAPE") == ("verbnoun", "take shape")
    assert importer.verb_lemma("WIRE_+TAP") == "pre-verb compound verb"


def test_importer_turns_patterns_into_entries_and_counts_what_it_skips():
    _, _, entries, skipped = parsed()
    assert {(e.kind, e.lemma, e.noun, e.preps, e.code) for e in entries} == {
        ("verb", "impose", "", (), "170"),  # the group's code
        ("verb", "levy", "", (), "172"),  # its own code
        ("verb", "clamp down", "", (), "173"),  # a multi-word verb
        ("verbnoun", "impose", "sanctions", (), "163"),  # verb + object noun
        ("verbnoun", "impose", "curfew", ("on",), "1723"),  # a synonym set's single words, and the target's prep
        ("verb", "levy against", "", ("against",), "173"),  # verb + the preposition of the target
        ("verb", "impose down", "", ("on",), "175"),  # verb + particle (prep)
        ("verbnoun", "launch", "investigation", (), "090"),  # a null-coded group's pattern, for its verb
        ("verbnoun", "launch", "strike", (), "190"),  # no verb named: every verb of the group
        ("verbnoun", "open", "strike", (), "190"),
        ("verb", "denounce", "", (), "111"),
        ("verbnoun", "denounce", "government", (), "111"),
    }
    assert skipped == Counter({
        "pre-verb compound verb": 1,
        "source-side words": 1,
        "preposition with its own object": 1,
        "noun phrase": 1,
        "$/^/% marker": 1,
        "null, reverse-only or marked code": 1,
    })  # fmt: skip


def test_importer_maps_codes_through_plover_to_the_ontology(tmp_path, monkeypatch):
    monkeypatch.setattr(importer, "EXCLUDED", {})
    path = tmp_path / "cameo2plover.tsv"
    path.write_text(TABLE)
    table = importer.plover_table(path)
    by_plover = importer.relation_by_plover(importer.ontology_relations(data_path("kg.ttl")))
    assert importer.plover_of("090", table) == "INVESTIGATE"  # the 2021 table's ACCUSE/investigate
    assert importer.plover_of("1723", table) == "COERCE"  # nearest listed ancestor
    assert importer.plover_of("020", table) == ""  # PLOVER dropped CAMEO 01 and 02
    assert by_plover["ASSAULT"] == "attacks"  # not the symmetric fights, nor captures (range Place)
    assert by_plover["PROTEST"] == by_plover["ACCUSE"] == "accuses"
    _, _, entries, _ = parsed()
    skipped = Counter()
    rows = {(r[1], r[2], r[3]): r for r in importer.rows(entries, table, by_plover, skipped)}
    assert rows[("verbnoun", "launch", "investigation")] == [
        "investigates", "verbnoun", "launch", "investigation", "into", "preps", "090", "INVESTIGATE"]  # fmt: skip
    assert rows[("verbnoun", "launch", "strike")][:6] == [
        "attacks",
        "verbnoun",
        "launch",
        "strike",
        "against,on",
        "preps",
    ]
    assert rows[("verb", "levy against", "-")][4:] == ["against", "preps", "173", "COERCE"]
    assert rows[("verb", "clamp down", "-")][4:] == ["against", "both", "173", "COERCE"]
    # a pattern of its verb's relation keeps the verb's object as the target and adds prepositions...
    assert rows[("verbnoun", "impose", "sanctions")][4:] == ["on,against", "both", "163", "COERCE"]
    assert rows[("verbnoun", "impose", "curfew")][4:6] == ["on", "preps"]  # (its own (ON) names the target)
    # ... or, adding none, is left to the verb
    assert ("verbnoun", "denounce", "government") not in rows
    assert skipped["verb+noun saying no more than its verb"] == 1
    monkeypatch.setattr(importer, "EXCLUDED", {"17 verb": "measured"})  # a family's verbs, not its patterns
    kept = {(r[1], r[2], r[3]) for r in importer.rows(entries, table, by_plover, Counter())}
    assert ("verb", "levy against", "-") not in kept and ("verbnoun", "impose", "curfew") in kept


LEXICON_HAND = """\
relation\tkind\tlemma\tpreps\tobjects
attacks\tverb\tattack\t-\tboth
attacks\tverb\tpush\t-\tboth
sanctions\tnoun\tsanctions\ton,against\tboth
"""
LEXICON_CUES = "kind\tword\tvalue\npotential\tplan\n"
LEXICON_CAMEO = """\
# generated
relation\tkind\tlemma\tnoun\tpreps\tobjects\tcameo\tplover
coerces\tverb\tattack\t-\t-\tboth\t170\tCOERCE
attacks\tverb\tattack\t-\tagainst\tboth\t190\tASSAULT
attacks\tverb\tpummel\t-\tagainst\tboth\t190\tASSAULT
coerces\tverb\tpush out\t-\tagainst\tboth\t174\tCOERCE
coerces\tverbnoun\timpose\tsanctions\ton\tpreps\t163\tCOERCE
coerces\tverbnoun\timpose\tcurfew\ton\tpreps\t1723\tCOERCE
agreesWith\tverb\tplan\t-\twith\tpreps\t030\tAGREE
"""


def lexicon_dir(tmp_path: Path, cameo: str = LEXICON_CAMEO) -> Path:
    (tmp_path / "relations.tsv").write_text(LEXICON_HAND)
    (tmp_path / "cues.tsv").write_text(LEXICON_CUES)
    (tmp_path / "cameo.tsv").write_text(cameo)
    return tmp_path


def test_loader_lets_the_hand_lexicon_win(tmp_path):
    lexicon = load_lexicon(lexicon_dir(tmp_path))
    verbs, verbnouns = lexicon.triggers["verb"], lexicon.triggers["verbnoun"]
    # the same kind and word: the hand entry stays alone, and takes the code CAMEO gives it for that relation
    assert verbs["attack"] == [Trigger("attacks", (), cameo="190", plover="ASSAULT")]
    assert verbs["pummel"] == [Trigger("attacks", ("against",), cameo="190", plover="ASSAULT")]
    assert "push out" not in verbs  # extends the hand verb 'push'
    assert "impose sanctions" not in verbnouns  # 'sanctions' is a hand event noun
    assert verbnouns["impose curfew"] == [Trigger("coerces", ("on",), True, cameo="1723", plover="COERCE")]
    assert "plan" not in verbs  # a factuality cue governs its clause; it is no trigger
    assert "impose" in lexicon.heads("verb")  # the rules visit verbs that only a verb + noun pattern has
    off = load_lexicon(tmp_path, cameo=False)
    assert set(off.triggers["verb"]) == {"attack", "push"} and not off.triggers["verbnoun"]
    assert off.triggers["verb"]["attack"] == [Trigger("attacks", ())]


def test_loader_checks_the_generated_file(tmp_path):
    bad = LEXICON_CAMEO + "attacks\tverbnoun\tlaunch\t-\t-\tboth\t190\tASSAULT\n"
    with pytest.raises(KgError, match=r"cameo\.tsv:10: kind must be"):
        load_lexicon(lexicon_dir(tmp_path, bad))
    bad = LEXICON_CAMEO + "smites\tverb\tsmite\t-\t-\tboth\t190\tASSAULT\n"
    with pytest.raises(KgError, match="'smites' is not a relation"):
        load_lexicon(lexicon_dir(tmp_path, bad))


def test_every_cameo_entry_names_an_ontology_relation_of_its_plover_type():
    path = data_path("lexicon") / "cameo.tsv"
    with open(path, encoding="utf-8") as handle:
        rows = list(csv.reader((line for line in handle if not line.startswith("#")), delimiter="\t"))
    assert rows[0] == ["relation", "kind", "lemma", "noun", "preps", "objects", "cameo", "plover"]
    known = relations()
    assert len(rows) > 1000
    for relation, kind, lemma, noun, _preps, objects, code, plover in rows[1:]:
        assert plover in known[relation].plover, (relation, lemma, noun, code, plover)
        assert kind in ("verb", "verbnoun") and objects in ("both", "preps") and code.isdigit(), lemma
    for key in importer.EXCLUDED:  # what the measurement dropped is not in the file
        prefix, _, kind = key.partition(" ")
        assert not [r for r in rows[1:] if r[6].startswith(prefix) and kind in ("", r[1])], key
    header = path.read_text(encoding="utf-8").split("\nrelation\t")[0]
    assert "Copyright (c) 2015 Open Event Data Alliance" in header and "CC BY-SA 4.0" in header


def extract_without_cameo(text: str) -> set[tuple]:
    extractor = RuleExtractor(lexicon=load_lexicon(cameo=False))
    found = extractor.extract(split(from_text(text, doc_id="text"))).statements
    return {(s.subject.label, s.relation, s.object.label, s.factuality, None) for s in found}


SENTENCES = [
    ("concedesTo, hand verb", "Ethiopia conceded to Eritrea on Monday.",
     {("Ethiopia", "concedesTo", "Eritrea", "actual", None)}),
    ("withdrawsFrom, hand verb", "Ethiopia withdrew its troops from Somalia.",
     {("Ethiopia", "withdrawsFrom", "Somalia", "actual", None)}),
    ("investigates, hand verb", "The United Nations is investigating Russia.",
     {("United Nations", "investigates", "Russia", "actual", None)}),
    ("investigates, hand event noun", "Britain opened an inquiry into Russia.",
     {("United Kingdom", "investigates", "Russia", "actual", None)}),
]  # fmt: skip

CAMEO_SENTENCES = [
    ("CAMEO verb", "Turkey pummeled the PKK.", {("Turkey", "attacks", "PKK", "actual", None)}),
    ("CAMEO verb + preposition", "Iran conspired against Saudi Arabia.",
     {("Iran", "threatens", "Saudi Arabia", "actual", None)}),
    ("CAMEO verb + particle", "Nigeria wiped out Boko Haram last year.",
     {("Nigeria", "attacks", "Boko Haram", "actual", None)}),
    ("CAMEO verb + object noun", "Ecuador granted asylum to Bolivia.",
     {("Ecuador", "supports", "Bolivia", "actual", None)}),
]  # fmt: skip


@pytest.mark.parametrize(("name", "text", "expected"), SENTENCES, ids=[s[0] for s in SENTENCES])
def test_new_relations(name, text, expected):
    assert triples(text) == expected


@pytest.mark.parametrize(("name", "text", "expected"), CAMEO_SENTENCES, ids=[s[0] for s in CAMEO_SENTENCES])
def test_cameo_entries_extract(name, text, expected):
    assert triples(text) == expected
    assert extract_without_cameo(text) == set()  # the import is what finds it


def test_statements_can_carry_the_cameo_code():
    lexicon = default_lexicon()
    [trigger] = lexicon.trigger("verb", "pummel")
    assert (trigger.relation, trigger.cameo, trigger.plover) == ("attacks", "190", "ASSAULT")
    [trigger] = lexicon.triggers["verbnoun"]["grant asylum"]
    assert (trigger.relation, trigger.cameo, trigger.plover) == ("supports", "075", "AID")


def test_lexicon_loads_and_names_only_ontology_relations():
    lexicon = default_lexicon()
    known = set(relations())
    for kind in ("verb", "noun", "hyphen", "role"):
        assert lexicon.triggers[kind], kind
        for triggers in lexicon.triggers[kind].values():
            assert {t.relation for t in triggers} <= known


def test_no_word_triggers_two_relations_by_accident():
    """A verb under two relations doubles statements; only 'captured X from Y' (attack on Y) is meant."""
    path = data_path("lexicon") / "relations.tsv"
    with open(path, encoding="utf-8") as handle:
        rows = [r for r in csv.reader(handle, delimiter="\t") if r and not r[0].startswith("#")]
    by_word = defaultdict(set)
    for relation, kind, word, _preps, objects in rows[1:]:
        if objects != "preps":
            by_word[(kind, word)].add(relation)
    assert {k: v for k, v in by_word.items() if len(v) > 1} == {}


def test_every_core_relation_has_a_trigger():
    lexicon = default_lexicon()
    covered = {t.relation for kind in lexicon.triggers.values() for ts in kind.values() for t in ts}
    assert set(SPEC) <= covered


def test_word_forms_recover_from_lemmatizer_errors():
    assert "wage" in word_forms("waged", "wag")
    assert "bomb" in word_forms("bombed", "bombed")
