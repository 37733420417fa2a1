"""Every verb pattern in data/verbs/verbs.tsv codes its own example sentence as written."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.extract.events import find_events
from eventwire.extract.patterns import Pattern, load_patterns, make_patterns, read_patterns
from eventwire.resolve.actors import resolve_actors
from eventwire.resolve.metonymy import is_government_metonym

PATTERNS = load_patterns()
ALL = [p for ps in PATTERNS.by_lemma.values() for p in ps]


def test_patterns_are_well_formed():
    assert len(ALL) >= 90
    for p in ALL:
        assert p.pos in {"VERB", "NOUN"}, p
        assert p.code.isdigit() and 3 <= len(p.code) <= 4, p
        assert p.targets, f"{p.lemma}: no target slot"
        assert all(t in {"dobj", "dative", "subtree", "none"} or t.startswith("prep:") for t in p.targets), p
        assert p.example, f"{p.lemma}: no example"


def test_more_specific_patterns_are_tried_first():
    agree = PATTERNS.for_token("agree", "VERB")
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
    from eventwire.extract.patterns import DATA

    return DATA / "intent.tsv", DATA / "roots.tsv"


@pytest.mark.slow
@pytest.mark.parametrize(
    "pattern", ALL, ids=lambda p: f"{p.lemma}-{p.particle or ''}{p.complement or ''}{p.prep or ''}"
)
def test_pattern_codes_its_example(pattern, nlp, coder):
    index = coder.names
    doc = nlp(pattern.example)
    mentions = resolve_actors(doc, index, date(2024, 8, 23), is_government_metonym)
    events = find_events(doc, mentions, PATTERNS)
    fired = [e for e in events if e.pattern == pattern]
    assert fired, f"{pattern.lemma}: no event from {pattern.example!r}; got {[e.pattern.lemma for e in events]}"
    assert all(e.code == pattern.code or e.hypothetical for e in fired)
