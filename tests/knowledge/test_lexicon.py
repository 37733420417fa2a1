"""The lexicon: every CAMEO root codes sentences of our own writing, the bundled lexicon.tsv is well formed and
tried after verbs.tsv, and scripts/build_lexicon.py cleans PETRARCH blocks the way docs/verb-patterns.md says."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

import eventwire
from eventwire.knowledge.codebook import load_codebook
from eventwire.knowledge.patterns import DATA, Pattern, load_patterns, read_patterns

REPO = Path(__file__).resolve().parents[2]

# One sentence per CAMEO root: (text, source code, expected CAMEO code, target code or None for a one-sided deed).
ROOTS = [
    ("Iran denied responsibility for the attack on the French embassy.", "IRN", "016", "FRAGOV"),
    ("Germany appealed to Russia for humanitarian aid.", "DEU", "020", "RUS"),
    ("Germany pledged to provide aid to Ukraine.", "DEU", "033", "UKR"),
    ("Macron held talks with Scholz in Paris.", "FRAGOV", "040", "DEUGOV"),
    ("Germany signed a trade agreement with France.", "DEU", "057", "FRA"),
    ("France shared intelligence with Germany.", "FRA", "064", "DEU"),
    ("Germany provided humanitarian aid to Ukraine.", "DEU", "070", "UKR"),
    ("The Iranian foreign minister resigned over the scandal.", "IRNGOV", "0831", None),
    ("France opened an inquiry into the Russian bank.", "FRA", "090", "RUS"),
    ("Germany demanded that Russia release the journalists.", "DEU", "100", "RUS"),
    ("France was critical of Iran.", "FRA", "111", "IRN"),
    ("Russia rejected the French proposal.", "RUS", "120", "FRA"),
    ("Iran threatened to attack Israel.", "IRN", "138", "ISR"),
    ("French workers went on strike against the French government.", "FRALAB", "143", "FRAGOV"),
    ("Germany mobilises its reserves.", "DEU", "154", None),
    ("France cut diplomatic ties with Iran.", "FRA", "161", "IRN"),
    ("Iran declared a state of emergency.", "IRN", "1724", None),
    ("Iran tortured two French prisoners.", "IRN", "1822", "FRACVL"),
    ("Israel launched air strikes on Gaza.", "ISR", "195", "PSE"),
    ("Syria used chemical weapons against Turkey.", "SYR", "2041", "TUR"),
]


@pytest.mark.parametrize(("text", "source", "code", "target"), ROOTS, ids=[r[2][:2] for r in ROOTS])
def test_each_root_codes_a_sentence_of_its_own(text, source, code, target):
    events = eventwire.code_text(text, published="2024-05-01").to_dict()["events"]
    got = [(e["source"]["code"], e["cameo"], (e.get("target") or {}).get("code")) for e in events]
    assert (source, code, target) in got, got


def test_every_root_is_covered_by_the_lexicon_and_ours():
    rows = read_patterns(DATA / "lexicon.tsv")
    assert len(rows) > 1000
    assert {p.code[:2] for p in rows} == {f"{i:02d}" for i in range(1, 21)}
    book = load_codebook()
    assert all(p.origin.startswith("petrarch2:") and p.code in book and p.example for p in rows)
    assert not [p for p in rows if p.code == "010" or "subtree" in p.targets]


def test_our_patterns_are_tried_before_the_lexicons():
    for patterns in load_patterns().by_lemma.values():
        origins = [p.origin for p in patterns]
        # ours: verbs.tsv ("eventwire") and the deed-noun pairs ("eventwire:deeds"), before any lexicon row
        assert origins == sorted(origins, key=lambda o: not o.startswith("eventwire")), patterns[0].lemma


def test_a_one_sided_deed_whose_only_target_is_its_source_stays_one_sided():
    events = eventwire.code_text("Russia mobilized its reserves.", published="2024-05-01").to_dict()["events"]
    assert [(e["source"]["code"], e["cameo"], e.get("target")) for e in events] == [("RUS", "154", None)]


def test_an_objects_by_phrase_names_whose_it_is():
    events = eventwire.code_text("France rejected a proposal by Germany.", published="2024-05-01").to_dict()["events"]
    assert [(e["source"]["code"], e["cameo"], e["target"]["code"]) for e in events] == [("FRA", "120", "DEU")]


def test_a_nominal_deed_takes_its_source_from_its_own_phrase():
    text = "Iran's seizure of a British tanker surprised observers."
    events = eventwire.code_text(text, published="2024-05-01").to_dict()["events"]
    assert [(e["source"]["code"], e["cameo"], e["target"]["code"]) for e in events] == [("IRN", "171", "GBR")]


# ---------------------------------------------------------------- the build script


def build_module():
    spec = importlib.util.spec_from_file_location("build_lexicon", REPO / "scripts" / "build_lexicon.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_lexicon"] = module
    spec.loader.exec_module(module)
    return module


BLOCK = """\
---  SCOLD   [111]  ---
SCOLD
QUIZ [020]
- * APOLOGY  [110]  # QUIZ
- * ENVOY  [114]  # SCOLD
- * RIVAL  [112]  # coder note
"""


def test_a_blocks_patterns_go_only_to_the_verb_their_comment_names():
    built = build_module()
    text = built.split_blocks(BLOCK)
    blocks = text.split("---  SCOLD   [111]  ---")[1:]
    scold, quiz = blocks
    assert "ENVOY" in scold and "APOLOGY" not in scold and "RIVAL" in scold
    assert "APOLOGY" in quiz and "ENVOY" not in quiz and "RIVAL" in quiz


def test_the_build_writes_test_sentences_for_the_frame():
    built = build_module()
    row = Pattern("impose", "VERB", None, "curfew", "on", ("prep:on",), "1723", False, "")
    assert built.frame_sentences(row)[0] == "Germany imposes the curfew on France."
    bare = Pattern("scold", "VERB", None, None, None, ("dobj",), "111", False, "")
    assert built.frame_sentences(bare) == ["Germany scolds France."]


def test_a_bracketed_prepositional_phrase_is_a_target_slot():
    """PETRARCH2's "* (WITH)" and "* (TO PROPOSAL)": the preposition's object is the target after the object and
    dative; a path preposition alone after the verb ("HEAD (TO)") names where one goes, no target."""
    built = build_module()
    bare = ("dobj", "dative", "subtree")
    side = Pattern("side", "VERB", None, None, "against", bare, "110", False, "")
    assert built.bare_targets(side) == ("dobj", "dative", "prep:against")
    plan = Pattern("consent", "VERB", None, None, "to=plan|plans", bare, "030", False, "")
    assert built.bare_targets(plan) == ("dobj", "dative", "prep:to")
    assert built.frame_sentences(plan) == ["Germany consents to the plan of France."]
    sail = Pattern("sail", "VERB", None, None, "to", bare, "042", False, "")
    assert built.bare_targets(sail) == ("dobj", "dative")


def test_an_imported_phrase_row_finds_its_target_in_the_phrase():
    """lexicon.tsv's "warn (OF RISK)" (PETRARCH2, 012): the risk's owner is the target."""
    record = eventwire.code_text("Sweden warned of the risk of a Peruvian default.").to_dict()
    assert ("SWE", "012", "PER") in [(e["source"]["code"], e["cameo"], (e["target"] or {}).get("code"))
                                     for e in record["events"]]
