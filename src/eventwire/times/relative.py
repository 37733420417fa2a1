"""Normalise relative expressions: weekdays, "ago", durations, sets, clock times, fixed phrases."""

from __future__ import annotations

import re

from eventwire.times import values as tv
from eventwire.times.calendar import BACKWARD_RELATIVES, FORWARD_RELATIVES, FUTURE_CUE_WORDS, PAST_CUE_WORDS
from eventwire.times.norm import NO_DCT, Context, Norm, preposition_before

_UNIT_TIME = {"H", "MIN", "S"}


def _unit_amount(num: int | None, unit: str) -> str:
    """The ISO duration of ``num`` units (X for vague), decades and centuries as years."""
    amount = "X" if num is None else str(num)
    if unit == "DE":
        unit, amount = "Y", "X" if num is None else str(num * 10)
    elif unit == "CE":
        unit, amount = "Y", "X" if num is None else str(num * 100)
    if unit in _UNIT_TIME:
        return f"PT{amount}{'M' if unit == 'MIN' else unit}"
    return f"P{amount}{unit}"


def cue_direction(ctx: Context, start: int, future: bool) -> bool:
    """Whether a bare weekday at ``start`` lies ahead: "since Monday" lies behind; "until Saturday", "by 15:00
    GMT Friday" ahead unless the clause is in the past tense ("Until Thursday, they had not called"; a deferral
    verb makes its clause look ahead: ``finder.clause_tense``); else the clause's tense says."""
    cue = preposition_before(ctx.text, start)
    if cue in PAST_CUE_WORDS:
        return False
    return future or (cue in FUTURE_CUE_WORDS and ctx.tense != "past")


def duration(m: re.Match[str], ctx: Context) -> Norm | None:
    unit = ctx.words.value("unit", m.group("unit")) or ""
    num_text = m.groupdict().get("num")
    num = ctx.words.number(num_text) if num_text else 1
    words = (num_text or "").lower().split(maxsplit=1)
    if num is None and len(words) == 2 and words[0] in ("a", "an"):  # "a four-week tour": four, not "a four"
        num = ctx.words.number(words[1])
    if unit == "S" and (num_text or "").lower() in {"a", "an", ""}:
        return None
    return Norm(_unit_amount(num, unit), "DURATION")


def vague_duration(m: re.Match[str], ctx: Context) -> Norm | None:
    unit = ctx.words.value("unit", m.group("unit")) or ""
    if unit in {"S", "Q"}:
        return None
    # "the next decade", "the past year": one unit (P10Y, P1Y); "the past years", "for months": vague.
    one = m.group("unit").lower() in SINGULAR_UNITS
    return Norm(_unit_amount(1 if one else None, unit), "DURATION")


SINGULAR_UNITS = frozenset({"day", "week", "fortnight", "month", "year", "decade", "century", "hour", "minute"})


def ago(m: re.Match[str], ctx: Context) -> Norm | None:
    unit = ctx.words.value("unit", m.group("unit")) or ""
    num = ctx.words.number(m.group("num"))
    later = m.group("dir").lower() in {"later", "from now", "hence"}
    if num is None:
        return Norm("FUTURE_REF" if later else "PAST_REF", "DATE")
    if ctx.published is None:
        return Norm(None, "DATE", NO_DCT)
    sign = 1 if later else -1
    pub = ctx.published
    if unit == "D":
        return Norm(tv.shift_days(pub, sign * num).isoformat(), "DATE")
    if unit == "W":
        return Norm(tv.week_value(tv.shift_weeks(pub, sign * num)), "DATE")
    if unit == "M":
        return Norm(tv.month_value(pub, sign * num), "DATE")
    if unit in {"Y", "DE", "CE"}:
        years = num * {"Y": 1, "DE": 10, "CE": 100}[unit]
        return Norm(str(pub.year + sign * years), "DATE")
    if unit == "Q":
        year, month = tv.shift_months(pub, sign * 3 * num)
        return Norm(f"{year}-Q{(month - 1) // 3 + 1}", "DATE")
    return Norm(pub.isoformat(), "TIME")


def set_every(m: re.Match[str], ctx: Context) -> Norm | None:
    what = m.group("what")
    weekday = ctx.words.value("weekday", what)
    if weekday:
        return Norm(f"XXXX-WXX-{weekday}", "SET")
    season = ctx.words.value("season", what)
    if season:
        return Norm(f"XXXX-{season}", "SET")
    unit = ctx.words.value("unit", what) or ""
    num = ctx.words.number(m.group("num")) if m.group("num") else 1
    if (m.group("num") or "").lower() == "other":
        num = 2
    return Norm(_unit_amount(num, unit), "SET")


def set_word(m: re.Match[str], ctx: Context) -> Norm | None:
    return Norm(ctx.words.value("setword", m.group("t")), "SET")


def set_rate(m: re.Match[str], ctx: Context) -> Norm | None:
    unit = ctx.words.value("unit", m.group("unit")) or ""
    return Norm(_unit_amount(1, unit), "SET")


def weekday(m: re.Match[str], ctx: Context) -> Norm | None:
    word = m.group("wd")
    if word[0].islower() or (word.endswith(".") and not m.group("part")):
        return None
    weekday = int(ctx.words.value("weekday", word) or 0)
    rel = " ".join((m.group("rel") or "").lower().split())
    part = ctx.words.value("daypart", m.group("part")) if m.group("part") else None
    if ctx.published is None:
        return Norm(None, "TIME" if part else "DATE", NO_DCT)
    shift = 1 if rel in FORWARD_RELATIVES else -1 if rel in BACKWARD_RELATIVES else 0
    future = ctx.future if shift == 0 else shift > 0
    if shift == 0:
        future = cue_direction(ctx, m.start("t"), future)
    day = tv.resolve_weekday(ctx.published, weekday, future, shift)
    if part:
        return Norm(f"{day.isoformat()}T{part}", "TIME")
    return Norm(day.isoformat(), "DATE")


def clock(m: re.Match[str], ctx: Context) -> Norm | None:
    if m.group("named"):
        hour, minute = (12, 0) if m.group("named").lower() in {"noon", "midday"} else (24, 0)
    else:
        hour, minute = int(m.group("h")), int(m.group("m") or 0)
        if hour > 12 or minute > 59:
            return None
        pm = m.group("ap").lower().startswith("p")
        hour = hour % 12 + (12 if pm else 0)
    if ctx.published is None:
        return Norm(None, "TIME", NO_DCT)
    day = ctx.published
    if m.group("wd"):
        weekday = int(ctx.words.value("weekday", m.group("wd")) or 0)
        day = tv.resolve_weekday(ctx.published, weekday, cue_direction(ctx, m.start("t"), ctx.future))
    return Norm(f"{day.isoformat()}T{hour:02d}:{minute:02d}", "TIME")


def relative(m: re.Match[str], ctx: Context) -> Norm | None:
    rel = ctx.words.relatives[" ".join(m.group("t").lower().split())]
    if rel.anchor == "ref":
        return Norm(rel.offset, rel.type)
    if ctx.published is None:
        return Norm(None, rel.type, NO_DCT)
    pub, offset = ctx.published, int(rel.offset)
    if rel.anchor == "day":
        value = tv.shift_days(pub, offset).isoformat()
    elif rel.anchor in {"week", "weekend"}:
        value = tv.week_value(tv.shift_weeks(pub, offset)) + ("-WE" if rel.anchor == "weekend" else "")
    elif rel.anchor == "month":
        value = tv.month_value(pub, offset)
    else:
        value = str(pub.year + offset)
    return Norm(value + rel.suffix, rel.type)
