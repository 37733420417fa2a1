"""Shared pieces of time normalisation: the rule context, results, dateparser access and years."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from dateparser.date import DateDataParser

from eventwire.knowledge.time_words import TimeWords

NO_DCT = "relative expression and no publication date"


@dataclass(frozen=True)
class Context:
    """What a rule needs to normalise one match: the text, publication date, time words and tense."""

    text: str
    published: dt.date | None
    words: TimeWords
    tense: str | None = None  # "past" | "perfect" | "future" | None when the clause does not say
    date_chars: frozenset[int] = frozenset()  # offsets of tokens the tagger put in a DATE entity
    count_chars: frozenset[int] = frozenset()  # offsets of numbers that count a plural noun

    @property
    def future(self) -> bool:
        return self.tense == "future"


@dataclass(frozen=True)
class Norm:
    """A normalised expression: TimeML value (None when unresolvable), type and why it is None."""

    value: str | None
    type: str
    reason: str | None = None


Handler = Callable[[re.Match[str], Context], Norm | None]


@functools.lru_cache(maxsize=64)
def _date_parser(published: dt.date | None, future: bool) -> DateDataParser:
    settings: dict[str, object] = {
        "PREFER_DATES_FROM": "future" if future else "past",
        "PREFER_DAY_OF_MONTH": "first",
        "DATE_ORDER": "MDY",
    }
    if published is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(published, dt.time())
    return DateDataParser(languages=["en"], settings=settings)


def parse_explicit(text: str, ctx: Context) -> tuple[dt.date, str] | None:
    """An explicit calendar date through dateparser: (date, period) or None. A (text, publication date, tense)
    parsed lately is not parsed again: a dateparser call costs about 3 ms, the time rules' tense-free probe reads
    every explicit date against the same day, and the articles of one day share theirs ("5 May"). Without a
    publication date dateparser reads the clock, so each call parses."""
    if ctx.published is None:
        return _parse_explicit.__wrapped__(text, None, ctx.future)
    return _parse_explicit(text, ctx.published, ctx.future)


@functools.lru_cache(maxsize=4096)
def _parse_explicit(text: str, published: dt.date | None, future: bool) -> tuple[dt.date, str] | None:
    data = _date_parser(published, future).get_date_data(text)
    if data.date_obj is None:
        return None
    return data.date_obj.date(), data.period or "day"


# A clock time, its zone optional, that may stand between a preposition and the weekday it governs ("until
# 15:00 GMT Saturday", "by 5 p.m. Friday").
_CLOCK_BETWEEN = re.compile(
    r"(?:\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?|noon|midnight)\s+(?:on\s+)?$", re.IGNORECASE)


def preposition_before(text: str, start: int, article: bool = False) -> str:
    """The word before the expression at ``start``, lower-cased, skipping "on" and a clock time between ("until
    15:00 GMT Saturday" -> "until"), and with ``article`` a "the" ("since the July strike" -> "since"); "" at
    the start of the text."""
    before = text[max(0, start - 40) : start]
    clock = _CLOCK_BETWEEN.search(before)
    if clock and clock.start() > 0 and before[clock.start() - 1].isspace():
        before = before[: clock.start()]
    words = before.lower().split()
    while words and (words[-1] == "on" or (article and words[-1] == "the")):
        words.pop()
    return words[-1].strip(",(\"'") if words else ""


def year_ok(year: int) -> bool:
    return 1000 <= year <= 2199


_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_ONES = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
SPELLED_YEAR = (
    rf"(?:(?:seventeen|eighteen|nineteen)\s+(?:{_TENS}(?:[\s-]+{_ONES})?|{_TEENS}|oh[\s-]+{_ONES})"
    rf"|two\s+thousand(?:\s+and)?\s+(?:{_ONES}|{_TEENS}))"
)


def year_number(text: str, time_words: TimeWords) -> int | None:
    """A year written in digits or in words ("nineteen ninety-six", "two thousand and one")."""
    text = " ".join(text.lower().replace("-", " ").split())
    if text.isdigit():
        return int(text)
    words = [w for w in text.split() if w not in {"and", "oh"}]
    if words[:2] == ["two", "thousand"]:
        rest = time_words.number(" ".join(words[2:])) if words[2:] else 0
        return None if rest is None else 2000 + rest
    century = time_words.number(words[0])
    rest = time_words.number("-".join(words[1:]))
    if century is None or rest is None:
        return None
    return century * 100 + rest
