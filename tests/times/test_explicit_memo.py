"""Explicit dates parsed once per (text, publication day, tense): the same answers as a fresh parse."""

import datetime as dt

from eventwire.knowledge.time_words import load_time_words
from eventwire.times.norm import Context, _parse_explicit, parse_explicit


def test_repeated_dates_give_the_same_answer() -> None:
    words = load_time_words()
    for published in (dt.date(2011, 6, 2), dt.date(2019, 12, 30)):
        ctx = Context("", published, words)
        first = parse_explicit("14 March", ctx)
        assert first == parse_explicit("14 March", ctx) == _parse_explicit.__wrapped__("14 March", published, False)
    assert parse_explicit("14 March", Context("", dt.date(2011, 6, 2), words)) != parse_explicit(
        "14 March", Context("", dt.date(2019, 12, 30), words, "future"))


def test_no_publication_date_is_never_cached() -> None:
    before = _parse_explicit.cache_info().currsize
    assert parse_explicit("3 October 2014", Context("", None, load_time_words())) == (dt.date(2014, 10, 3), "day")
    assert _parse_explicit.cache_info().currsize == before
