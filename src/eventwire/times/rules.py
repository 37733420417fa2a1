"""The rule table: regexes built from the word lists, each with its normaliser; overlap resolution."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from eventwire.knowledge.time_words import TimeWords
from eventwire.times import calendar as cal
from eventwire.times import relative as rel
from eventwire.times.norm import SPELLED_YEAR, Context, Handler


@dataclass(frozen=True)
class Rule:
    """A named regex; group ``t``, when present, is the expression span, else the whole match."""

    name: str
    pattern: re.Pattern[str]
    handler: Handler
    # Lower-case strings one of which every match holds (``candidates`` skips a text that has none); () for a
    # rule run on every text.
    needs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Candidate:
    """A rule match before overlap resolution."""

    start: int
    end: int
    rule: Rule
    match: re.Match[str]


# --- patterns -------------------------------------------------------------------------------


def alternation(words: Iterable[str]) -> str:
    """A non-capturing regex alternation of words, spaces matching any whitespace, written as a trie of their
    lower-case forms: "(?:j(?:an(?:uary)?|u(?:ly|ne)))". It matches what the words in a plain alternation
    longest first would, in the same order (the words that can match at one place are prefixes of one another,
    and both forms try them longest first), but the regex engine tries one branch per letter instead of every
    word at every word start (the rules run with IGNORECASE, where a branch cannot be skipped on its first
    letter): the time rules took a twentieth of an article's coding."""
    trie: dict[str, dict] = {}
    for word in sorted({w.lower() for w in words if w}):  # sorted: the same regex in every process
        node = trie
        for letter in word:
            node = node.setdefault(letter, {})
        node[""] = {}  # a word ends here
    return "(?:" + _trie_regex(trie) + ")"


def _trie_regex(node: dict[str, dict]) -> str:
    """The regex of a trie node's continuations, longest subtree first, the end of a word (``""``) last."""
    branches = sorted((k for k in node if k), key=lambda k: -_depth(node[k]))
    alts = [(r"\s+" if k == " " else re.escape(k)) + _trie_regex(node[k]) for k in branches]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if "" in node else body


def _depth(node: dict[str, dict]) -> int:
    return 1 + max((_depth(child) for child in node.values()), default=0)


@functools.lru_cache(maxsize=4)
def compile_rules(words: TimeWords) -> tuple[Rule, ...]:
    """All rules built from these words, in priority order (earlier wins a tie between equally long matches)."""

    def _words(kind: str) -> str:
        return alternation(words.lexicon[kind])

    wd, mon, unit = _words("weekday"), _words("month"), _words("unit")
    numw = _words("number")
    num = rf"(?:\d[\d,]*(?:\.\d+)?|{numw}(?:[\s-]+{numw})?)"
    singular = r"(?:day|week|month|year|quarter|hour|decade|century)"
    day = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
    dyear = r"(?:1[0-9]|20|21)\d\d"
    year = rf"(?:{dyear}|{SPELLED_YEAR})"
    mod = _words("modifier")
    specs: list[tuple[str, str, Handler]] = [
        ("relative", rf"(?P<t>{alternation(words.relatives)})", rel.relative),
        ("iso", rf"(?P<t>{dyear}-[01]\d-[0-3]\d)", cal.explicit_day),
        ("numeric", r"(?P<t>[01]?\d/[0-3]?\d/(?:\d{4}|\d{2}))", cal.explicit_day),
        (
            "month_day",
            rf"(?P<t>(?:{wd},?\s+)?(?P<mon>{mon})\s+{day}(?:,?\s+(?P<year>{dyear}))?)",
            cal.explicit_day,
        ),
        (
            "day_month",
            rf"(?P<t>(?:{wd},?\s+)?(?:the\s+)?{day}\s+(?:of\s+)?(?P<mon>{mon})(?:,?\s+(?P<year>{dyear}))?)",
            cal.explicit_day,
        ),
        (
            "month_year",
            rf"(?P<t>(?:(?:early|mid|late)[\s-]+)?(?P<mon>{mon}),?\s+(?:of\s+)?(?P<year>{year}))",
            cal.month_year,
        ),
        (
            "month",
            rf"(?P<t>(?:(?P<rel>last|this|next|early|mid|late|this\s+past)[\s-]+)?(?P<mon>{mon}))",
            cal.month,
        ),
        (
            "decade",
            r"(?P<t>(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:(?P<dec>(?:1\d|20)\d0)|'(?P<short>\d0))'?s)",
            cal.decade,
        ),
        ("century", r"(?P<t>(?:the\s+)?(?P<n>[12]?\d)(?:st|nd|rd|th)[\s-]+century)", cal.century),
        ("year_range", rf"(?P<t>(?P<year>{dyear})[-\u2013](?P<end>\d{{4}}|\d\d))", cal.year_range),
        (
            "year",
            rf"(?P<t>(?:(?P<pre>fiscal(?:\s+year)?|calendar|the\s+year|(?:early|mid|late)[\s-]+)\s*)?"
            rf"(?P<year>{year}))(?![\d,.]\d|-\d|\s*%)",
            cal.year,
        ),
        (
            "quarter",
            rf"(?P<t>(?:the\s+)?(?:(?P<year>{year})(?:'s)?\s+|fiscal\s+|(?P<yr>year-earlier|year-ago)\s+"
            rf"|(?P<relyear>this|last|next)\s+year's\s+)?"
            rf"(?P<ord>{_words('ordinal')})[\s-]+(?P<unit>quarter|half)(?:\s+of\s+(?P<year2>{year}))?)",
            cal.quarter,
        ),
        (
            "latest_quarter",
            r"(?P<t>(?:the|this)\s+(?:(?P<rel>latest|current|most\s+recent|last|past)\s+)?"
            r"(?P<unit>quarter|period))",
            cal.latest_quarter,
        ),
        (
            "season",
            rf"(?P<t>(?:(?P<rel>last|this|next|this\s+past|this\s+coming|early|late|the)\s+)?"
            rf"(?P<season>{_words('season')})(?:\s+(?:of\s+)?(?P<year>{year}))?)",
            cal.season,
        ),
        (
            "rate",
            rf"(?:\d|%|percent|cents|dollars|times|twice|once)\s+(?P<t>an?\s+(?P<unit>{singular}))",
            rel.set_rate,
        ),
        (
            "ago",
            rf"(?P<t>(?:{mod}\s+)?(?P<num>{num})\s+(?P<unit>{unit})\s+(?:or\s+so\s+)?"
            r"(?P<dir>ago|earlier|later|from\s+now|hence))",
            rel.ago,
        ),
        (
            "duration",
            rf"(?P<t>(?:{mod}\s+)?(?:the\s+)?(?:(?:past|last|next|coming|first|previous|final|"
            rf"following|recent|latest)\s+)?(?P<num>{num})[\s-]+(?P<unit>{unit})(?:-long)?)(?!-old)",
            rel.duration,
        ),
        (
            "rel_unit",
            rf"(?P<t>(?:the\s+)?(?:past|last|next|coming|previous|recent|following)\s+(?P<unit>{unit}))",
            rel.vague_duration,
        ),
        (
            "vague",
            r"(?:for|over|in|within|after|take|took|takes|lasted|last|spent|spend)\s+(?:the\s+)?"
            r"(?P<t>(?P<unit>years|months|weeks|days|decades|hours|centuries))",
            rel.vague_duration,
        ),
        (
            "every",
            rf"(?P<t>(?:every|each|per)\s+(?:(?P<num>other|{num})\s+)?"
            rf"(?P<what>{wd}|{_words('season')}|{unit}))",
            rel.set_every,
        ),
        ("setword", rf"(?P<t>{_words('setword')})", rel.set_word),
        (
            "weekday",
            rf"(?P<t>(?:(?P<rel>last|this|next|this\s+past|this\s+coming|coming|past|early|late)\s+)?"
            rf"(?P<wd>{wd})(?:\s+(?P<part>{_words('daypart')}))?)",
            rel.weekday,
        ),
        (
            "clock",
            rf"(?P<t>(?:(?:at|around|about|approximately)\s+)?(?:(?P<h>[01]?\d)(?::(?P<m>[0-5]\d))?\s*"
            rf"(?P<ap>[ap]\.?m\b\.?)|(?P<named>noon|midday|midnight))(?:\s+(?:on\s+)?(?P<wd>{wd}))?)",
            rel.clock,
        ),
    ]
    season, setword = words.lexicon["season"], words.lexicon["setword"]
    needs = {  # what each match must hold, read off the rule's required parts above
        "relative": first_words(words.relatives), "numeric": ("/",), "century": ("century",),
        "month_day": first_words(words.lexicon["month"]), "day_month": first_words(words.lexicon["month"]),
        "month_year": first_words(words.lexicon["month"]), "month": first_words(words.lexicon["month"]),
        "decade": ("0s", "0's"), "quarter": ("quarter", "half"), "latest_quarter": ("quarter", "period"),
        "season": first_words(season), "rate": ("day", "week", "month", "year", "quarter", "hour", "decade",
                                                  "century"),
        "ago": ("ago", "earlier", "later", "from", "hence"),
        "duration": first_words(words.lexicon["unit"]),
        "rel_unit": ("past", "last", "next", "coming", "previous", "recent", "following"),
        "vague": ("years", "months", "weeks", "days", "decades", "hours", "centuries"),
        "every": ("every", "each", "per"), "setword": first_words(setword),
        "weekday": first_words(words.lexicon["weekday"]),
        "clock": ("am", "a.m", "pm", "p.m", "noon", "midday", "midnight"),
    }
    return tuple(
        Rule(name, re.compile(rf"(?<![\w.'-]){body}(?![\w])", re.IGNORECASE), handler, needs.get(name, ()))
        for name, body, handler in specs
    )


def first_words(words: Iterable[str]) -> tuple[str, ...]:
    """The lower-case first words of a word list, one of which a match of its alternation holds; () (no test)
    when an entry has no word."""
    firsts = [w.lower().split()[:1] for w in words if w]
    return () if any(not f for f in firsts) else tuple(sorted({f[0] for f in firsts}))


# The characters other than A-Z that an ASCII letter matches under re.IGNORECASE (Turkish dotted and dotless i,
# the long s, the Kelvin sign): mapped to the letter before a text is tested for a rule's words.
CASE_FOLDS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def folded(text: str) -> str:
    """``text`` lower-cased so that every string a rule's IGNORECASE pattern matches is a substring of it."""
    return text.translate(CASE_FOLDS).lower()


def candidates(
    text: str, words: TimeWords, date_chars: frozenset[int] = frozenset(), count_chars: frozenset[int] = frozenset()
) -> list[Candidate]:
    """Every match of every rule built from the words, acceptable whatever the tense, longest first."""
    found = []
    table = compile_rules(words)
    probe = Context(text, dt.date(2000, 1, 1), words, None, date_chars, count_chars)
    lowered = folded(text)
    for rule in table:
        if rule.needs and not any(w in lowered for w in rule.needs):
            continue  # a rule whose words the text lacks cannot match: the scan of every position is saved
        for m in rule.pattern.finditer(text):
            if rule.handler(m, probe) is None:
                continue
            start, end = m.span("t")
            found.append(Candidate(start, end, rule, m))
    order = {rule.name: i for i, rule in enumerate(table)}
    found.sort(key=lambda c: (-(c.end - c.start), order[c.rule.name], c.start))
    return found


def select(found: list[Candidate]) -> list[Candidate]:
    """Greedy non-overlapping choice, longest (then highest-priority) first, in text order."""
    chosen: list[Candidate] = []
    for cand in found:
        if all(cand.end <= c.start or cand.start >= c.end for c in chosen):
            chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)
