"""A time rule's ``needs``: every match of the rule holds one of those words, so a text without any is skipped."""

from eventwire.knowledge.time_words import load_time_words
from eventwire.times.rules import candidates, compile_rules, folded

TEXTS = [
    "On Thursday, 12 February 2015, the Varnian council met at 9 a.m. and again at midnight.",
    "Sales in the second quarter of 2019 rose, and in the latest period they fell; a year earlier they had not.",
    "In the 1980s and the '90s the port grew; by the 21st century it had shrunk for decades.",
    "Three weeks ago, officials said talks would resume next month, every other Friday, twice a week.",
    "The panel meets annually in spring, and met on 4/11/2021 and on 2021-04-11, for the past two years.",
    "Late in 1999-2000, the board said, fiscal 2003 results were due in March; in mid-June they were not.",
    "THE SUMMIT OPENS MONDAY AT NOON; İT WAS MOVED FROM 5 MAY.",
]


def test_every_match_holds_one_of_its_rules_words() -> None:
    table = compile_rules(load_time_words())
    checked = set()
    for text in TEXTS:
        for rule in table:
            for m in rule.pattern.finditer(text):
                if rule.needs:
                    assert any(w in folded(m.group(0)) for w in rule.needs), (rule.name, m.group(0))
                    checked.add(rule.name)
    assert len(checked) >= 15  # most rules are exercised


def test_folded_keeps_what_ignorecase_matches() -> None:
    assert folded("\u0130STANBUL \u017fUMMER \u212aELVIN") == "istanbul summer kelvin"


def test_skipping_changes_no_candidate() -> None:
    words = load_time_words()
    for text in TEXTS:
        found = [(c.start, c.end, c.rule.name) for c in candidates(text, words)]
        every = [(m.span("t"), rule.name) for rule in compile_rules(words) for m in rule.pattern.finditer(text)]
        assert {((s, e), n) for s, e, n in found} <= set(every)
        assert found  # each text has time expressions
