"""The PolNeAR scorer's 'speaker resolved to the right actor' rule, on attributions we write ourselves."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from eventwire.records import ActorMention, Quote, Span

EVAL = Path(__file__).resolve().parents[2] / "eval"


def load_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("polnear_eval", EVAL / "polnear.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    sys.modules["polnear_eval"] = module
    spec.loader.exec_module(module)
    return module


TEXT = 'Ana Ruiz said "we are tired." Later "we want rest," she said.'


def test_pronoun_source_is_checked_against_the_last_named_source_and_a_span_alone_is_not_enough():
    p = load_module()
    first = p.GoldAttribution(((14, 28),), ((0, 8),), True)
    second = p.GoldAttribution(((36, 50),), ((51, 54),), True)
    refs = p.gold_referents(TEXT, [first, second])
    assert refs[0].named and refs[1].words == frozenset({"ana", "ruiz"}) and not refs[1].named
    right = ActorMention(51, 54, "she", "ana-ruiz", "Ana Ruiz", None, None, None, None, kind="pronoun")
    wrong = ActorMention(51, 54, "she", "x", "Laura Finch", "USA", "USA", None, None, kind="pronoun")
    quote = Quote("Q2", 36, 50, "we want rest,", "direct", right, Span(55, 59, "said"), Span(51, 54, "she"))
    assert p.actor_ok(quote, refs[1])
    assert not p.actor_ok(Quote("Q2", 36, 50, "", "direct", wrong, None, Span(51, 54, "she")), refs[1])
    assert not p.actor_ok(Quote("Q2", 36, 50, "", "direct", None, None, Span(51, 54, "she")), refs[1])
    named = ActorMention(0, 8, "Ana Ruiz", "ana-ruiz", "Ana Ruiz", None, None, None, None)
    assert p.actor_ok(Quote("Q1", 14, 28, "", "direct", named, None, None), refs[0])


def test_parts_of_a_split_quote_are_counted_once():
    p = load_module()
    text = '"We are tired," she said, "and we want rest."'
    gold = p.GoldAttribution(((1, 14), (27, 44)), ((16, 19),), True)
    cue = Span(20, 24, "said")
    q1 = Quote("Q1", 1, 14, text[1:14], "direct", None, cue, None)
    q2 = Quote("Q2", 27, 44, text[27:44], "direct", None, cue, None, continues="Q1")
    assert [q.id for q in p.matching_quotes(gold, [q1, q2])] == ["Q1", "Q2"]
    counts = p.score_article(text, [gold], [q1, q2], [])
    assert counts["qfound"] == 1 and counts["qsplit"] == 1
