"""Normalise calendar expressions: explicit dates, months, years, decades, quarters, seasons."""

from __future__ import annotations

import datetime as dt
import re

from eventwire.knowledge.words import word_list
from eventwire.times import values as tv
from eventwire.times.norm import NO_DCT, Context, Norm, parse_explicit, preposition_before, year_number, year_ok


def explicit_day(m: re.Match[str], ctx: Context) -> Norm | None:
    text = m.group("t") if "t" in m.re.groupindex else m.group(0)
    if m.groupdict().get("mon") and m.group("mon")[0].islower():
        return None
    has_year = bool(m.groupdict().get("year"))
    if not has_year and ctx.published is None:
        return Norm(None, "DATE", "day and month without a year and no publication date")
    clean = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text.replace(" of ", " "))
    clean = re.sub(r"^the\s+", "", clean, flags=re.I)
    parsed = parse_explicit(clean, ctx)
    if parsed is None or parsed[1] != "day":
        return None
    day = parsed[0]
    if not has_year and ctx.published is not None and not ctx.future:
        day = _nearest_year(day, ctx.published)
    return Norm(day.isoformat(), "DATE")


def _nearest_year(day: dt.date, published: dt.date) -> dt.date:
    """The same month and day in the year that puts it nearest publication (the past on a tie). A 29 February
    that none of the three nearest years has is the last one before publication (the next one when the
    calendar has no earlier leap year)."""
    options = [d for d in (_in_year(day, y) for y in range(published.year - 1, published.year + 2)) if d]
    if not options:
        before = (_in_year(day, y) for y in range(published.year - 1, max(0, published.year - 8), -1))
        after = (_in_year(day, y) for y in range(published.year + 2, min(10000, published.year + 9)))
        options = [next((d for d in before if d), None) or next((d for d in after if d), day)]
    return min(options, key=lambda d: (abs((d - published).days), d > published))


def _in_year(day: dt.date, year: int) -> dt.date | None:
    """The same month and day in ``year``, or None where that year has no such day (29 February)."""
    if not 1 <= year <= 9999:
        return None
    try:
        return day.replace(year=year)
    except ValueError:
        return None


def month_year(m: re.Match[str], ctx: Context) -> Norm | None:
    if m.group("mon")[0].islower():
        return None
    month = int(ctx.words.value("month", m.group("mon")) or 0)
    year = year_number(m.group("year"), ctx.words) or 0
    return Norm(f"{year:04d}-{month:02d}", "DATE") if month and year_ok(year) else None


def month(m: re.Match[str], ctx: Context) -> Norm | None:
    word = m.group("mon")
    rel = (m.group("rel") or "").lower()
    if word[0].islower() or (not word.endswith(".") and len(word) <= 3 and word.lower() != "may"):
        return None
    if word.lower() == "may" and not rel and not _month_context(ctx.text, m.start("mon")):
        return None
    month = int(ctx.words.value("month", word) or 0)
    if ctx.published is None:
        return Norm(None, "DATE", NO_DCT)
    pub = ctx.published
    cue = preposition_before(ctx.text, m.start("t"), article=True) if not rel else ""
    if cue in PAST_CUE_WORDS or (cue in FUTURE_CUE_WORDS and ctx.tense != "past"):  # "since October": past;
        ahead = cue in FUTURE_CUE_WORDS  # "until March", "by June" (not "by June they had left"): ahead
        return Norm(f"{tv.resolve_month(pub, month, ahead):04d}-{month:02d}", "DATE")
    if rel == "this":
        year = pub.year
    elif rel.startswith("next") or rel.startswith("last") or rel == "this past" or ctx.tense is not None:
        future = rel.startswith("next") or (ctx.future and not rel.startswith("last") and rel != "this past")
        year = tv.resolve_month(pub, month, future)
        if rel.startswith("last") and month == pub.month:
            year -= 1
        if rel.startswith("next") and month == pub.month:
            year += 1
    else:
        year = _nearest_year(dt.date(pub.year, month, 1), dt.date(pub.year, pub.month, 1)).year
    return Norm(f"{year:04d}-{month:02d}", "DATE")


def _month_context(text: str, start: int) -> bool:
    """Whether the word before a capitalised "May" is a preposition that takes a date."""
    before = text[max(0, start - 12) : start].lower().split()
    return bool(before) and before[-1] in MONTH_CUE_WORDS


MONTH_CUE_WORDS = word_list("month_cue_words")  # data/words/NAME.tsv: each header says what it is for
YEAR_CUE_WORDS = word_list("year_cue_words")
PAST_CUE_WORDS = word_list("past_cue_words")  # "since"
FUTURE_CUE_WORDS = word_list("future_cue_words")  # "until", "till", "by"
FORWARD_RELATIVES = word_list("forward_relatives")  # "next", "this coming"
BACKWARD_RELATIVES = word_list("backward_relatives")  # "last", "this past"


def year(m: re.Match[str], ctx: Context) -> Norm | None:
    year = year_number(m.group("year"), ctx.words) or 0
    pre = (m.group("pre") or "").lower()
    if not m.group("year")[0].isdigit():
        pre = pre or "spelled"
    if not year_ok(year) or m.start("year") in ctx.count_chars:
        return None
    if not pre:
        before = ctx.text[max(0, m.start() - 15) : m.start()].lower().split()
        prev = before[-1] if before else ""
        if prev not in YEAR_CUE_WORDS and m.start("year") not in ctx.date_chars:
            return None
    return Norm(str(year), "DATE")


def year_range(m: re.Match[str], ctx: Context) -> Norm | None:
    """ "2009-2010", "1957-58": the first year (``find_times`` gives the last its own expression); not a range
    unless the second year comes after the first, within a century, or within SHORT_RANGE years when written
    with two digits ("1999-02" is 1999 to 2002; "2009-08" is no range)."""
    first = int(m.group("year"))
    if not year_ok(first) or m.start("year") in ctx.count_chars:
        return None
    end = m.group("end")
    last = range_end(first, end)
    span = SHORT_RANGE if len(end) == 2 else 99
    return Norm(str(first), "DATE") if first < last <= first + span and year_ok(last) else None


SHORT_RANGE = 20


def range_end(first: int, end: str) -> int:
    """The last year of a range: "2010" is 2010; "58" after 1957 is 1958, "02" after 1999 is 2002."""
    if len(end) == 4:
        return int(end)
    last = first // 100 * 100 + int(end)
    return last + 100 if last <= first else last


def decade(m: re.Match[str], ctx: Context) -> Norm | None:
    digits = m.group("dec")
    if digits is None:
        short = m.group("short")
        if ctx.published is None:
            return Norm(None, "DATE", "two-digit decade and no publication date")
        century = ctx.published.year // 100
        if int(short) > ctx.published.year % 100:
            century -= 1
        return Norm(f"{century}{short[0]}", "DATE")
    return Norm(digits[:3], "DATE")


def century(m: re.Match[str], ctx: Context) -> Norm | None:
    number = int(m.group("n"))
    return Norm(f"{number - 1:02d}", "DATE") if number > 0 else None


def quarter(m: re.Match[str], ctx: Context) -> Norm | None:
    ordinal = int(ctx.words.value("ordinal", m.group("ord")) or 0)
    part = "Q" if m.group("unit").lower().startswith("quarter") else "H"
    if part == "H" and ordinal > 2:
        return None
    year_text = m.group("year") or m.group("year2")
    if year_text:
        year = year_number(year_text, ctx.words) or 0
    elif ctx.published is None:
        return Norm(None, "DATE", NO_DCT)
    else:
        year = ctx.published.year
        if (m.group("yr") or "").lower().startswith("year"):
            year -= 1
        year += {"last": -1, "next": 1}.get((m.group("relyear") or "").lower(), 0)  # "last year's third quarter"
    return Norm(f"{year}-{part}{ordinal}", "DATE")


def latest_quarter(m: re.Match[str], ctx: Context) -> Norm | None:
    if ctx.published is None:
        return Norm(None, "DATE", NO_DCT)
    rel = (m.group("rel") or "").lower()
    if m.group("unit").lower() == "period" and not rel:
        return None
    current = (ctx.published.month - 1) // 3 + 1
    year = ctx.published.year
    if rel != "current" and not m.group("t").lower().startswith("this"):
        current -= 1
        if current == 0:
            year, current = year - 1, 4
    return Norm(f"{year}-Q{current}", "DATE")


_SEASON_START = {"WI": 12, "SP": 3, "SU": 6, "FA": 9}


def season(m: re.Match[str], ctx: Context) -> Norm | None:
    code = ctx.words.value("season", m.group("season")) or ""
    rel = " ".join((m.group("rel") or "").lower().split())
    if m.group("year"):
        return Norm(f"{year_number(m.group('year'), ctx.words)}-{code}", "DATE")
    if not rel:
        return None
    if ctx.published is None:
        return Norm(None, "DATE", NO_DCT)
    pub = ctx.published
    year = pub.year
    started = pub.month >= _SEASON_START[code] or (code == "WI" and pub.month <= 2)
    if code == "WI" and pub.month <= 2:
        year -= 1
    if rel in BACKWARD_RELATIVES and not started:
        year -= 1
    elif rel in FORWARD_RELATIVES and started:
        year += 1
    return Norm(f"{year}-{code}", "DATE")
