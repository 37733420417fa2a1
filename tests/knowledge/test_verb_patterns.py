"""Every verb pattern in data/verbs/verbs.tsv codes its own example sentence as written."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.actors.metonymy import is_government_metonym
from eventwire.actors.resolve import resolve_actors
from eventwire.events.finder import find_events
from eventwire.knowledge.codebook import load_codebook
from eventwire.knowledge.patterns import DATA, Pattern, load_patterns, make_patterns, read_patterns

PATTERNS = load_patterns()
ALL = [p for ps in PATTERNS.by_lemma.values() for p in ps]
OURS = [p for p in ALL if p.origin == "eventwire"]  # verbs.tsv; the lexicon's rows are checked at build time


def test_patterns_are_well_formed():
    assert len(ALL) >= 450
    for p in ALL:
        assert p.pos in {"VERB", "NOUN"}, p
        assert p.code.isdigit() and 3 <= len(p.code) <= 4, p
        assert p.targets, f"{p.lemma}: no target slot"
        slots = {"dobj", "dative", "subtree", "clause_subject", "complement", "none"}
        assert all(t in slots or t.startswith(("prep:", "purpose:")) for t in p.targets), p
        assert p.example, f"{p.lemma}: no example"


def test_pattern_codes_are_in_the_codebook():
    book = load_codebook()
    assert not [(p.lemma, p.code) for p in ALL if p.code not in book]


def test_every_cameo_root_has_patterns():
    per_root: dict[str, int] = {}
    for p in ALL:
        per_root[p.code[:2]] = per_root.get(p.code[:2], 0) + 1
    assert all(per_root.get(f"{i:02d}", 0) >= 5 for i in range(1, 21)), per_root


def test_rows_for_one_lemma_stay_together_and_are_not_repeated():
    rows = read_patterns(DATA / "verbs.tsv")
    closed: set[tuple[str, str]] = set()
    seen: set[tuple] = set()
    for before, row in zip((None, *rows), rows, strict=False):
        key = (row.lemma, row.pos)
        if before is not None and (before.lemma, before.pos) != key:
            closed.add((before.lemma, before.pos))
        assert key not in closed, f"{row.lemma}: rows split across the file"
        shape = (row.lemma, row.pos, row.particle, row.complement, row.prep, row.targets)
        assert shape not in seen, f"{row.lemma}: repeated pattern {shape}"
        seen.add(shape)


def test_more_specific_patterns_are_tried_first():
    agree = [p for p in PATTERNS.for_token("agree", "VERB") if p.origin == "eventwire"]
    assert agree[0].complement is not None and agree[-1].complement is None


def test_pattern_reader_reads_a_hand_written_file(tmp_path):
    path = tmp_path / "verbs.tsv"
    path.write_text("# comment\nlemma\tpos\tparticle\tcomplement\tprep\ttarget\tcode\treciprocal\texample\n"
                    "scold\tVERB\t\t\t\tdobj\t111\t\tA scolded B.\n", encoding="utf-8")
    (pattern,) = read_patterns(path)
    assert pattern == Pattern("scold", "VERB", None, None, None, ("dobj",), "111", False, "A scolded B.")
    data = PATTERNS  # the modality tables come from the shipped files
    assert make_patterns((pattern,), *_modality_paths()).for_token("scold", "VERB") == (pattern,)
    assert data.modality[("ready", "ADJ")] == "intent"


def _modality_paths():
    from eventwire.knowledge.patterns import DATA

    return DATA / "intent.tsv", DATA / "roots.tsv"


@pytest.mark.slow
@pytest.mark.parametrize(
    "pattern", OURS, ids=lambda p: f"{p.lemma}-{p.particle or ''}{p.complement or ''}{p.prep or ''}"
)
def test_pattern_codes_its_example(pattern, nlp, coder):
    index = coder.names
    doc = nlp(pattern.example)
    mentions = resolve_actors(doc, index, date(2024, 8, 23), is_government_metonym)
    events = find_events(doc, mentions, PATTERNS)
    fired = [e for e in events if e.pattern == pattern]
    assert fired, f"{pattern.lemma}: no event from {pattern.example!r}; got {[e.pattern.lemma for e in events]}"
    assert all(e.code in {pattern.code, pattern.reverse_code} or e.hypothetical for e in fired)


# Choices the coverage rests on: a light verb codes by its object noun, a bare verb does not fire on
# what only looks like it, and an event noun under another verb is not coded as that verb's deed.
CHOICES = [
    ("Turkey struck a deal with Sweden.", [("TUR", "SWE", "057")]),
    ("Israel struck Syrian air defences.", [("ISR", "SYR", "190")]),
    ("Iran fired missiles at Israel.", [("IRN", "ISR", "195")]),
    ("Armenia fired back at Lavrov's remarks.", [("ARM", "RUS", "111")]),
    ("Putin fired the defence minister.", []),
    ("The United States lifted sanctions on Iran.", [("USA", "IRN", "085")]),
    ("The EU imposed sanctions on Russia.", [("IGO", "RUS", "163")]),
    ("Israel recalled its ambassador from Turkey.", [("ISR", "TUR", "161")]),
    ("Russia withdrew troops from Armenia.", [("RUS", "ARM", "087")]),
    ("France condemned the air strike on Syria.", []),
    ("China and the United States traded barbs.", [("CHN", "USA", "111"), ("USA", "CHN", "111")]),
    ("China trades with Iran.", [("CHN", "IRN", "061")]),
    ("Russia lent its support to Syria.", [("RUS", "SYR", "051")]),
    ("China lent Pakistan two billion dollars.", [("CHN", "PAK", "071")]),
    ("Putin returned to Beijing for talks.", []),
    ("Russia denied Ukraine's accusations.", [("RUS", "UKR", "016")]),
    ("Israel denied Palestinian journalists access.", []),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), CHOICES, ids=[t for t, _ in CHOICES])
def test_coverage_choices(text, expected, nlp, coder):
    doc = nlp(text)
    mentions = resolve_actors(doc, coder.names, date(2024, 8, 23), is_government_metonym)
    got = [(e.source.mention.code[:3] or "", e.target.mention.code[:3] or "", e.code)
           for e in find_events(doc, mentions, PATTERNS)]
    assert got == expected
