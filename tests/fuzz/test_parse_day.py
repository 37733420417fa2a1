"""Fuzzing ``records.parse_day`` (issue 16): any string is a day, nothing, or a ValueError naming the field;
every day of the calendar reads back from each form it is documented to read."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.records import parse_day
from tests.fuzz import texts
from tests.fuzz.properties import is_day
from tests.fuzz.strategies import ANY_CHARACTER, DATE_CELLS, FUZZ

FUZZ_DAYS = settings(FUZZ, max_examples=400)
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Date-like strings: digits, month and day names, separators, zones, in any order.
PIECES = st.sampled_from(("2024", "0000", "9999", "13", "45", "29", "02", "1", "-", "/", ".", ",", " ", "T", "Z",
                          "+05:00", "GMT", "Feb", "sept", "Mar.", "MAY", "Fri,", "10:00:00", "\t", "\u00a0", "٣",
                          "２０２４") + texts.DATES)
DATE_LIKE = st.lists(PIECES, max_size=8).map("".join)


def written(day: date, form: int) -> str:
    """``day`` in one of the forms ``parse_day`` reads, with a weekday, time or zone where the form allows."""
    month, weekday = MONTHS[day.month - 1], WEEKDAYS[day.weekday()]
    return (
        f"{day.year:04d}-{day.month:02d}-{day.day:02d}",
        f"{day.year:04d}-{day.month:02d}-{day.day:02d}T23:59:59-05:00",
        f"{day.year:04d}-{day.month:02d}-{day.day:02d} 20:30:26Z",
        f"{weekday[:3]}, {day.day:02d} {month[:3]} {day.year:04d} 20:30:26 GMT",
        f"{day.day} {month} {day.year:04d}",
        f"{month} {day.day}, {day.year:04d}",
        f"{weekday}, {month[:3]}. {day.day} {day.year:04d}, 8:30 PM",
    )[form]


@FUZZ_DAYS
@given(st.one_of(st.text(ANY_CHARACTER), DATE_LIKE, DATE_CELLS.filter(lambda v: v is not None)), st.sampled_from(
    ("published", "page date", "")))
def test_any_string_is_a_day_nothing_or_a_value_error_naming_its_field(value, field):
    try:
        day = parse_day(value, field)
    except ValueError as error:
        assert str(error).startswith(f"{field}: {value!r}" if field else repr(value))
        return
    assert day is None if not value.strip() else is_day(day)
    assert parse_day(day, field) == day  # a day read is read as itself


@FUZZ_DAYS
@given(st.dates(), st.integers(0, 6))
def test_every_day_reads_back_from_each_documented_form(day, form):
    assert parse_day(written(day, form)) == day.isoformat()


@FUZZ_DAYS
@given(st.one_of(st.dates(), st.datetimes(timezones=st.none() | st.timezones())))
def test_a_date_or_datetime_is_its_own_day(value):
    assert parse_day(value) == (value.date() if isinstance(value, datetime) else value).isoformat()


@pytest.mark.parametrize("value", ["2024-13-45", "0000-00-00", "31 Feb 2025", "7:58 AM ET", "23/08/2024"])
def test_the_documented_refusals_stay_refused(value):
    with pytest.raises(ValueError, match="published"):
        parse_day(value)
