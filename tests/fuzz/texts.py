"""Hostile article texts, built from pieces by one composer that either driver runs: hypothesis (the CI fuzz
tests, which shrink a failure to its smallest pieces) or a seeded ``random.Random`` (``benchmarks/fuzz.py``).

The pieces: news sentences of our own writing (actors, quotes, times, places, events), the same sentences
mutated, punctuation storms, quote marks, unicode (combining marks, right-to-left text and marks, emoji and
their joiners, lone surrogates, NUL and other control characters), very long words, repeated names, dates and
numbers, and arbitrary code points. Imports nothing of hypothesis, so the benchmark runs without it."""

from __future__ import annotations

import calendar
import random
from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

T = TypeVar("T")

SENTENCES = (
    "President Barack Obama met Russian President Vladimir Putin in Geneva on Tuesday.",
    'German Chancellor Angela Merkel said on Monday: "We will not accept this."',
    "China accused Japan of provoking tensions in the East China Sea last week.",
    '"The talks were constructive," a spokesman for the French foreign ministry told reporters in Paris.',
    "Iranian officials threatened to close the Strait of Hormuz if sanctions were tightened.",
    "The United Nations Security Council condemned the attack on peacekeepers in Mali on 3 March 2015.",
    "Police in Nairobi arrested 12 protesters outside parliament on Friday, witnesses said.",
    "Xi Jinping and Narendra Modi signed a trade agreement in New Delhi on September 18, 2014.",
    "Rebels attacked a government convoy near Aleppo, killing 14 soldiers, the army said.",
    "The European Union called for an immediate ceasefire in eastern Ukraine.",
    "Israeli Prime Minister Benjamin Netanyahu criticised the deal, calling it a historic mistake.",
    'Turkey\'s president, Recep Tayyip Erdogan, said the country "will never bow" to pressure from Washington.',
    "North Korea fired two short-range missiles into the sea off its east coast early on Sunday.",
    "Brazil's central bank raised interest rates by half a point in March, the third rise this year.",
    "The minister resigned after weeks of protests in Kiev, Lviv and Odessa.",
    "Saudi Arabia and the United Arab Emirates cut diplomatic ties with Qatar on June 5, 2017.",
    "Hundreds of students marched through Santiago demanding free education, organisers said.",
    "Pakistan summoned the Indian envoy to protest against firing across the Line of Control.",
    'Mr Obama told the crowd: "Yes we can." He added that the work would go on.',
    "He said he would not run again, according to two people familiar with the matter.",
    "The summit, due to open on 29 February, was moved to next week.",
    "Talks between Serbia and Kosovo will resume in Brussels in two weeks, the EU said.",
    "France sent 500 troops to the Central African Republic in December 2013.",
    "Somali militants claimed responsibility for the bombing in Mogadishu that killed at least 30 people.",
    "The company said revenue rose 4.5% to $12.3 billion in the second quarter of 2019.",
    "Venezuela expelled the U.S. ambassador, accusing him of plotting with the opposition.",
    "The Pope appealed for peace in Syria during his Easter address in Rome.",
    "A court in Cairo sentenced 183 people to death on Monday over an attack on a police station in 2013.",
    "Paris, London and Berlin urged Tehran to return to the negotiating table.",
    "WASHINGTON (Reuters) - The Senate voted 52-48 on Thursday to confirm the nominee.",
)
NAMES = ("Obama", "Putin", "Merkel", "Xi Jinping", "Modi", "Erdogan", "Netanyahu", "the president", "he", "China",
         "Russia", "the United States", "Paris", "London", "Geneva", "Kabul", "the Pentagon", "Washington", "Hamas")
WORDS = ("the", "said", "on", "in", "of", "and", "minister", "talks", "attack", "met", "government", "police")
PUNCTUATION = tuple(".,;:!?-()[]{}<>/\\|_*&^%$#@~`+=") + ("...", "--", "—", "–", "…", "·", "•", "¡", "¿", "§")
QUOTE_MARKS = ('"', "'", "“", "”", "‘", "’", "«", "»", "„", "‚", "‹", "›", "「", "」", "``", "''", "＂")
COMBINING = tuple(chr(c) for c in (0x300, 0x301, 0x308, 0x327, 0x334, 0x35C, 0x489, 0x1AB0, 0x20DD, 0xFE20))
RIGHT_TO_LEFT = ("\u202e", "\u202b", "\u200f", "\u061c", "\u2067", "\u2069", "\u202c", "שלום עולם", "مرحبا بالعالم",
                 "الرئيس أوباما", "ירושלים")
EMOJI = ("👍", "👍🏽", "👨\u200d👩\u200d👧", "🇷🇺", "🇺🇸", "🏳️\u200d🌈", "❤️", "🔥", "😀", "\U0001f9d1\u200d\U0001f680",
         "1️⃣", "\U000e0067")
INVISIBLE = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u180e", "\u3000", "\u00a0", "\u2028",
             "\u2029", "\x85")
CONTROLS = ("\x00", "\x01", "\x07", "\x08", "\x0b", "\x1b", "\x1f", "\x7f", "\r", "\t", "\f", "\n")
SURROGATES = ("\ud800", "\udbff", "\udc00", "\udfff", "\ud83d")
DATES = ("29 February", "29 Feb 2023", "February 29", "31 April 2024", "30 February 2020", "2024-13-45",
         "0000-00-00", "9999-12-31", "0001-01-01", "1 January 1", "December 31, 9999", "the 1990s", "the 90s",
         "Q5 2024", "the third quarter", "next Tuesday", "last week", "two weeks ago", "in 10,000 years",
         "the year 10000", "on Monday", "yesterday", "tomorrow night", "every Friday", "for three years",
         "since 1066", "in the 21st century", "mid-2020", "late May", "May", "12/13/2024", "13.12.2024",
         "25:61", "7:58 AM ET", "noon", "3 a.m.", "in 2 days", "99 years later", "a millennium ago", "1e308 days",
         "March 2025", "spring of 2019", "the fall", "Ramadan", "Christmas Eve", "New Year's Day")
NUMBERS = ("0", "-1", "1e308", "99999999999999999999999", "3.14159", "1,000,000", "½", "Ⅻ", "٣", "१२३", "0x1F",
           "NaN", "-0", "$1.2 trillion", "45%", "No. 1", "100,000,000,000,000,000")
WRITING = ("a", "é", "ß", "ı", "İ", "ǅ", "Ω", "я", "字", "ア", "한", "ก", "ṩ", "ﬁ", "Ａ")
SEPARATORS = (" ", " ", " ", "\n", "\n\n", "", ", ", ". ", " - ", "\t", "\r\n")
# A rough weight for each kind of piece: news prose is most of an article, attacks are salt in it.
KINDS = ("news",) * 8 + ("mutated",) * 4 + ("punctuation", "quotes", "unicode", "unicode", "long word",
                                             "repeated names", "dates", "numbers", "code points", "controls")
# Caps on the length of repeated attacks (a storm's marks, a long word's letters, a list's names), one drawn per
# attack: short ones inside sentences; medium for the CI fuzz tests (longer attacks meet the known slow paths
# of issue 16, minutes each); long for ``benchmarks/fuzz.py`` (its ``--max-repeat`` chooses).
SHORT_CAPS = (3, 10, 40)
MEDIUM_CAPS = (3, 10, 40, 200)
LONG_CAPS = (3, 10, 40, 200, 2000, 20000)


class Draw(Protocol):
    """What a composer asks a driver for: one of some options, a number, arbitrary code points."""

    def pick(self, options: Sequence[T]) -> T: ...

    def number(self, low: int, high: int) -> int: ...

    def code_points(self, size: int) -> str:
        """Up to ``size`` arbitrary code points."""


class RandomDraw:
    """The benchmark's driver: a seeded ``random.Random``; code points from every plane, surrogates too."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def pick(self, options: Sequence[T]) -> T:
        return options[self.rng.randrange(len(options))]

    def number(self, low: int, high: int) -> int:
        return self.rng.randint(low, high)

    def code_points(self, size: int) -> str:
        """Up to ``size`` code points below a drawn top; no surrogates or C0 controls, which the "unicode" and
        "controls" pieces put in at a known rate (each gets its text refused)."""
        top = self.pick((0x7F, 0x2FF, 0xFFFF, 0x10FFFF))
        points = (self.rng.randint(0x20, top) for _ in range(self.rng.randint(0, size)))
        return "".join(chr(p) for p in points if not 0xD800 <= p <= 0xDFFF)


def article_text(d: Draw, caps: Sequence[int] = MEDIUM_CAPS, max_pieces: int = 12) -> str:
    """One text: 1 to ``max_pieces`` pieces, joined by separators; ``caps`` bound each repeated attack."""
    parts = []
    for _ in range(d.number(1, max_pieces)):
        parts.append(PIECES[d.pick(KINDS)](d, caps))
        parts.append(d.pick(SEPARATORS))
    return "".join(parts)


def _repeat(d: Draw, caps: Sequence[int]) -> int:
    return d.number(1, d.pick(caps))


def _news(d: Draw, caps: Sequence[int]) -> str:
    return d.pick(SENTENCES)


def _mutated(d: Draw, caps: Sequence[int]) -> str:
    sentence = d.pick(SENTENCES)
    at = d.number(0, len(sentence))
    how: Callable[[str], str] = d.pick(_MUTATIONS)
    if how is _insert:
        junk = d.pick(PUNCTUATION + QUOTE_MARKS + COMBINING + RIGHT_TO_LEFT + EMOJI + INVISIBLE + NUMBERS + WRITING)
        return sentence[:at] + junk * _repeat(d, SHORT_CAPS) + sentence[at:]
    if how is _cut:
        return sentence[:at]
    return how(sentence)


def _insert(sentence: str) -> str:  # a marker: _mutated inserts at a drawn place
    return sentence


def _cut(sentence: str) -> str:  # a marker: _mutated cuts at a drawn place
    return sentence


_MUTATIONS: tuple[Callable[[str], str], ...] = (
    _insert, _cut, str.upper, str.lower, str.swapcase, str.title, lambda s: s.replace(" ", ""),
    lambda s: s.replace(" ", "  \n "), lambda s: " ".join(reversed(s.split())), lambda s: s.replace(".", ""),
)


def _punctuation(d: Draw, caps: Sequence[int]) -> str:
    if d.number(0, 1):  # one mark, many times
        return d.pick(PUNCTUATION) * _repeat(d, caps)
    return "".join(d.pick(PUNCTUATION + (" ",)) for _ in range(_repeat(d, caps[:4])))


def _quotes(d: Draw, caps: Sequence[int]) -> str:
    opening, closing = d.pick(QUOTE_MARKS), d.pick(QUOTE_MARKS)
    shape = d.number(0, 3)
    if shape == 0:  # a storm of one mark
        return opening * _repeat(d, caps)
    if shape == 1:  # a sentence quoted, perhaps not closed, perhaps nested
        inner = d.pick(SENTENCES)
        return opening + inner + (closing if d.number(0, 1) else "") + d.pick(("", " he said.", ", she said"))
    if shape == 2:  # nested quotes
        depth = _repeat(d, SHORT_CAPS)
        return opening * depth + d.pick(SENTENCES) + closing * d.number(0, depth)
    return "".join(d.pick(QUOTE_MARKS + WORDS) + d.pick(("", " ")) for _ in range(_repeat(d, caps[:4])))


def _unicode(d: Draw, caps: Sequence[int]) -> str:
    kind = d.number(0, 9)  # two in ten each, one in ten a pile of marks, one a lone surrogate (refused)
    if kind < 2:  # letters under a pile of combining marks
        return "".join(d.pick(WRITING + NAMES) + d.pick(COMBINING) * _repeat(d, SHORT_CAPS)
                       for _ in range(_repeat(d, SHORT_CAPS)))
    if kind < 4:  # right-to-left text and direction marks inside English
        return d.pick(SENTENCES).replace(" ", f" {d.pick(RIGHT_TO_LEFT)} ", d.number(1, 4))
    if kind < 6:
        return "".join(d.pick(EMOJI + (" ",)) for _ in range(_repeat(d, caps[:4])))
    if kind < 8:  # invisible characters inside names and words
        return d.pick(INVISIBLE).join(d.pick(NAMES + WORDS) for _ in range(_repeat(d, SHORT_CAPS)))
    if kind == 8:  # a pile of combining marks alone, or on a space
        return d.pick(("", " ")) + "".join(d.pick(COMBINING) for _ in range(_repeat(d, caps[:4])))
    return d.pick(SURROGATES) + d.pick(SENTENCES)  # the coder refuses these (InputRejected)


def _long_word(d: Draw, caps: Sequence[int]) -> str:
    if d.number(0, 1):
        return d.pick(WRITING + NAMES) * _repeat(d, caps)
    return "".join(d.pick(WRITING + ("-", "'", "’", ".")) for _ in range(_repeat(d, caps)))


def _repeated_names(d: Draw, caps: Sequence[int]) -> str:
    names = [d.pick(NAMES) for _ in range(d.number(1, 4))]
    joiner = d.pick((", ", " and ", " met ", " said ", " ", "-", "/", ". "))
    count = _repeat(d, caps[:5])
    return joiner.join(names[n % len(names)] for n in range(count))


def _dates(d: Draw, caps: Sequence[int]) -> str:
    return " ".join(d.pick(("On", "on", "By", "until", "from", "", "Since", "before")) + " " + d.pick(DATES)
                    for _ in range(_repeat(d, SHORT_CAPS)))


def _numbers(d: Draw, caps: Sequence[int]) -> str:
    return " ".join(d.pick(NUMBERS + ("troops", "people", "dollars", "miles", "km"))
                    for _ in range(_repeat(d, SHORT_CAPS)))


def _code_points(d: Draw, caps: Sequence[int]) -> str:
    return d.code_points(d.pick(caps[:4]))


def _controls(d: Draw, caps: Sequence[int]) -> str:
    sentence = d.pick(SENTENCES)
    at = d.number(0, len(sentence))
    return sentence[:at] + d.pick(CONTROLS) * _repeat(d, SHORT_CAPS) + sentence[at:]


PIECES: dict[str, Callable[[Draw, Sequence[int]], str]] = {
    "news": _news, "mutated": _mutated, "punctuation": _punctuation, "quotes": _quotes, "unicode": _unicode,
    "long word": _long_word, "repeated names": _repeated_names, "dates": _dates, "numbers": _numbers,
    "code points": _code_points, "controls": _controls,
}


def publication_day(d: Draw, known_crashes: bool) -> str | None:
    """None, or a day of 1950-2096 in a year that is not 2 mod 4; with ``known_crashes``, any year 0001-9999.

    The years left out crash the coder on "29 February" (``times/calendar.py`` ``_nearest_year``: none of the
    three years around publication is a leap year) and at the ends of the calendar (``times/values.py``)."""
    if d.number(0, 3) == 0:
        return None
    if known_crashes and d.number(0, 4) == 0:
        year = d.pick((1, 2, 100, 1899, 1900, 1901, 2002, 2022, 2099, 2100, 9998, 9999))
    else:
        year = d.number(1950, 2096)
        year += not known_crashes and year % 4 == 2
    month = d.number(1, 12)
    return f"{year:04d}-{month:02d}-{d.number(1, calendar.monthrange(year, month)[1]):02d}"
