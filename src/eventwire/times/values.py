"""Calendar arithmetic for TimeML values: weeks, months, weekdays, and value-to-date conversion."""

from __future__ import annotations

import datetime as dt
import re

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR_PART = re.compile(r"^(\d{4})(?:-(?:Q[1-4]|H[12]|SP|SU|FA|WI))?$")


def week_value(day: dt.date) -> str:
    """ISO week of a day as a TimeML value, e.g. ``2024-W34``."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def shift_weeks(day: dt.date, weeks: int) -> dt.date:
    """The same weekday ``weeks`` weeks away."""
    return day + dt.timedelta(weeks=weeks)


def shift_months(day: dt.date, months: int) -> tuple[int, int]:
    """(year, month) of the month ``months`` away from the day's month."""
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def month_value(day: dt.date, months: int = 0) -> str:
    """TimeML month value ``YYYY-MM`` of the month ``months`` away."""
    year, month = shift_months(day, months)
    return f"{year:04d}-{month:02d}"


def shift_days(day: dt.date, days: int) -> dt.date:
    """The day ``days`` days away."""
    return day + dt.timedelta(days=days)


def resolve_weekday(published: dt.date, weekday: int, future: bool, shift: int = 0) -> dt.date:
    """The day with ISO weekday ``weekday`` nearest the publication date in the given direction.

    The publication weekday itself resolves to the publication day in both directions;
    ``shift`` (-1 for "last Friday", +1 for "next Friday") then moves it by whole weeks
    when the plain resolution would be the publication day itself or lies in the other direction.
    """
    delta = weekday - published.isoweekday()
    if future:
        day = published + dt.timedelta(days=delta % 7)
    else:
        day = published - dt.timedelta(days=(-delta) % 7)
    if shift > 0 and day <= published:
        day = published + dt.timedelta(days=(delta % 7) or 7)
    elif shift < 0 and day >= published:
        day = published - dt.timedelta(days=((-delta) % 7) or 7)
    return day


def resolve_month(published: dt.date, month: int, future: bool) -> int:
    """Year of the most recent ``month`` not after publication, or the next not before it."""
    if future:
        return published.year if month >= published.month else published.year + 1
    return published.year if month <= published.month else published.year - 1


def value_to_date(value: str | None) -> tuple[str | None, str | None]:
    """Convert a TimeML DATE/TIME value to (first day "YYYY-MM-DD", precision), or (None, None).

    Day values (with any time part) give "day"; ISO weeks and week-ends give the Monday of the
    week and "week"; months give the 1st and "month"; years, quarters, halves and seasons give
    the 1st of January and "year" (the finest schema precision that contains them).
    """
    if not value:
        return None, None
    m = _DAY.match(value)
    if m:
        return f"{m.group(1)}-{m.group(2)}-{m.group(3)}", "day"
    m = _WEEK.match(value)
    if m:
        monday = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        return monday.isoformat(), "week"
    m = _MONTH.match(value)
    if m:
        return f"{m.group(1)}-{m.group(2)}-01", "month"
    m = _YEAR_PART.match(value)
    if m:
        return f"{m.group(1)}-01-01", "year"
    return None, None
