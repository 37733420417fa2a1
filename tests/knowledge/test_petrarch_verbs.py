"""Tests of the PETRARCH verb dictionary import."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.knowledge.patterns import Pattern, Patterns, load_patterns, merge_patterns
from eventwire.knowledge.petrarch_verbs import import_verbs, read_petrarch_verbs, simple_lemma, split_code

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data" / "petrarch-validation"
VERBS = SHARED / "validate-dictionaries" / "PETR.Validate.verbs.txt"
DEFAULT = ("dobj", "dative", "subtree")

DICTIONARY = """<!-- TEST VERBS -->
<!-- a comment
     over two lines -->
&TIETYPES
+MILITARY
+ECONOMIC

&CURRENCY  # a synset with a nested one
+DOLLARS
+SWISS FRANCS
+&METALS

&METALS
+GOLD

--- ABANDON  [345]  ---
ABANDON    # a comment
- * &TIETYPES TIES [902]
- * WITH + [041]
- SAID * [023]

--- BREAK [1717] ---
BREAK { BROKE BROKEN }
+BREAK_DOWN {+BREAKS_DOWN +BROKE_DOWN}
WIRE_+TAP {WIRE_+TAPPED}
- * OFF_  [195]
- + * IN $  [075]
- * TALKS WITH +  [032:033]

--- CONTRIBUTE [070] ---
CONTRIBUTE
- * &CURRENCY [903]
- * RUPEES [071]

--- AGREE [081] ---
AGREE
- % * [030:030]
- * TO RECONSIDER [102]
- * FOR_CEASEFIRE [014]
- * FOR [096]
- * WAS UNSATISFACTORY [131]
- * EID AT ^ WITH + [043]
- * CARD [---]

--- RENEW  [---] ---
RENEW
- * RELATIONS [064]
"""


@pytest.fixture()
def imported(tmp_path: Path):
    path = tmp_path / "test.verbs.txt"
    path.write_text(DICTIONARY, encoding="utf-8")
    return import_verbs(path)


def rows(patterns: tuple[Pattern, ...], lemma: str) -> list[tuple]:
    return [(p.particle, p.complement, p.prep, p.targets, p.code, p.reciprocal)
            for p in patterns if p.lemma == lemma]


def test_bare_verbs_take_the_block_code(imported) -> None:
    assert (None, None, None, DEFAULT, "345", False) in rows(imported.patterns, "abandon")
    renew = rows(imported.patterns, "renew")  # [---]: no bare row; the object as lemma and as written
    assert renew == [(None, "relation", None, DEFAULT, "064", False), (None, "relations", None, DEFAULT, "064", False)]


def test_synsets_expand_to_one_row_per_member(imported) -> None:
    abandon = rows(imported.patterns, "abandon")
    assert (None, "tie", None, DEFAULT, "902", False) in abandon  # modifiers before the noun dropped
    contribute = {r[1] for r in rows(imported.patterns, "contribute") if r[4] == "903"}
    assert contribute == {"dollar", "dollars", "franc", "francs", "gold"}  # nested synset, multi-word member
    assert imported.simplified["words before the object noun dropped"] >= 2


def test_prepositions_particles_and_complements(imported) -> None:
    assert (None, None, "with", ("prep:with",), "041", False) in rows(imported.patterns, "abandon")
    brk = rows(imported.patterns, "break")
    assert ("off", None, None, DEFAULT, "195", False) in brk
    assert (None, "talk", "with", ("prep:with",), "032", False) in brk  # A:B: A codes source -> target
    assert ("down", None, None, DEFAULT, "1717", False) in brk  # +BREAK_DOWN: verb plus particle
    agree = rows(imported.patterns, "agree")
    assert (None, "reconsider", None, DEFAULT, "102", False) in agree
    assert (None, None, None, DEFAULT, "030", True) in agree  # "% *": compound subject, reciprocal
    talk = next(p for p in imported.patterns if p.lemma == "break" and p.complement == "talk")
    assert talk.reverse_code is not None  # A:B: B codes the reverse event


def test_exact_patterns_win_over_simplified_ones(imported) -> None:
    agree_for = [r for r in rows(imported.patterns, "agree") if r[2] == "for"]
    assert [r[4] for r in agree_for] == ["096"]  # "* FOR_CEASEFIRE" lost its object and is shadowed
    assert imported.simplified["object of the preposition dropped"] == 1


def test_untranslatable_patterns_are_counted(imported) -> None:
    skipped = imported.skipped
    assert skipped["words before the verb"] == 1  # SAID *
    assert skipped["target before the verb"] == 1  # + * IN $
    assert skipped["clause after the verb"] == 1  # * WAS UNSATISFACTORY
    assert skipped["skip marker ^"] == 1
    assert skipped["null code (match but do not code)"] == 1
    assert skipped["verb: multi-word verb with words before the verb"] == 1  # WIRE_+TAP
    assert "ABANDON: - SAID * [023]" in imported.examples["words before the verb"]


def test_read_petrarch_verbs_builds_patterns(tmp_path: Path) -> None:
    path = tmp_path / "v.txt"
    path.write_text(DICTIONARY, encoding="utf-8")
    patterns = read_petrarch_verbs(path)
    assert isinstance(patterns, Patterns)
    abandon = patterns.for_token("abandon", "VERB")
    assert abandon[-1].specificity == 0 and abandon[0].specificity == 1  # most specific first
    assert patterns.modality == load_patterns().modality


def test_merge_puts_imported_patterns_first(tmp_path: Path) -> None:
    path = tmp_path / "v.txt"
    path.write_text(DICTIONARY, encoding="utf-8")
    ours = load_patterns()
    merged = merge_patterns(read_petrarch_verbs(path), ours)
    assert merged.for_token("abandon", "VERB")[0].code == "041"
    some_key = next(iter(ours.by_lemma))
    assert merged.by_lemma[some_key][-len(ours.by_lemma[some_key]):] == ours.by_lemma[some_key]


def test_small_helpers() -> None:
    assert split_code("032:033") == ("032", "033")
    assert split_code("---") == (None, None)
    assert split_code(" 174K ") == ("174K", None)
    assert simple_lemma("TIES", "NOUN") == "tie"
    assert simple_lemma("BUSINESS", "NOUN") == "business"
    assert simple_lemma("SAID", "VERB") == "said"


@pytest.mark.skipif(not VERBS.exists(), reason="../shared/data/petrarch-validation is absent")
def test_validate_verbs_file(nlp) -> None:
    from eventwire.nlp.lemmas import spacy_lemmatizer

    imported = import_verbs(VERBS, spacy_lemmatizer(nlp))
    assert len(imported.patterns) > 300
    assert sum(imported.skipped.values()) > 100  # most skips: words before the verb
    lemmas = {p.lemma for p in imported.patterns}
    assert {"say", "restore", "meet", "express", "break", "leave"} <= lemmas  # SAID, MET, LEFT lemmatised
    assert "expres" not in lemmas
    restore = [p for p in imported.patterns if p.lemma == "restore" and p.complement is None]
    assert restore[0].code == "064"


def test_discards_file_splits_sentence_and_story_phrases(tmp_path) -> None:
    from eventwire.knowledge.petrarch_verbs import read_petrarch_discards

    path = tmp_path / "discards.txt"
    path.write_text("# comment\nMONTHS LATER\n+World Golf Championships   # note\nBASEBALL\n", encoding="utf-8")
    assert read_petrarch_discards(path) == (("months later", "baseball"), ("world golf championships",))


PHRASES = """&TRUCES
+CEASEFIRE
+TRUCE

--- PARLEY  [040]  ---
PARLEY
- * (WITH)  [046]
- * (TO &TRUCES)  [0356]
- * TO REBUILD  [033]
- * PLANS (FOR RAILWAY)  [036]
"""


def test_bracketed_prepositional_phrases_keep_their_object(tmp_path: Path) -> None:
    """PETRARCH2 puts a prepositional phrase in parentheses, the preposition first, a noun or braced noun phrase
    second: "(TO &TRUCES)" is the preposition with the lemma its object must have, "(WITH)" a bare one."""
    path = tmp_path / "phrases.verbs.txt"
    path.write_text(PHRASES, encoding="utf-8")
    parley = rows(import_verbs(path, lambda w, _pos: w.lower()).patterns, "parley")
    assert (None, None, "with", DEFAULT, "046", False) in parley
    assert (None, None, "to=ceasefire", DEFAULT, "0356", False) in parley
    assert (None, None, "to=truce", DEFAULT, "0356", False) in parley
    assert (None, "rebuild", None, DEFAULT, "033", False) in parley  # an unbracketed TO VERB is a complement
    assert (None, "plans", "for=railway", DEFAULT, "036", False) in parley  # an object, then the phrase
