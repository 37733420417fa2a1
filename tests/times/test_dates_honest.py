"""Dates that keep to the text: bare past months stay in the past, weekdays after "until" lie ahead, durations
with a number, year ranges, and events dated by the article say so (issue 14). Sentences of our own writing."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.knowledge.time_words import load_time_words
from eventwire.times.finder import date_event, find_times
from eventwire.times.norm import preposition_before

WORDS = load_time_words()
MAY_2017 = dt.date(2017, 5, 10)  # a Wednesday


def values(nlp, text: str, published: dt.date = MAY_2017) -> dict[str, str | None]:
    return {t.text: t.value for t in find_times(nlp(text), published, WORDS)}


@pytest.mark.parametrize(
    ("text", "before"),
    [
        ("postponed until 15:00 GMT Saturday", "until"),
        ("due by 5 p.m. Friday", "by"),
        ("risen since the October", "since"),
        ("held on Monday", "held"),
        ("Monday", ""),
    ],
)
def test_preposition_before(text: str, before: str) -> None:
    last = text.split()[-1]
    assert preposition_before(text, text.rindex(last), article=True) == before


def test_preposition_before_a_weekday_keeps_the_article() -> None:
    text = "filed by the Tuesday deadline"
    assert preposition_before(text, text.index("Tuesday")) == "the"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        # The future-month bug: a bare month after "since", or in a present perfect, is the last one.
        ("Fuel prices have climbed steadily since October.", "October", "2016-10"),
        ("The mayor has refused every interview since the September flood.", "September", "2016-09"),
        ("Hundreds of teachers have been dismissed after the failed July strike.", "July", "2016-07"),
        ("The ferry sank in November.", "November", "2016-11"),
        ("The July 2016 election left the council divided.", "July 2016", "2016-07"),
        # ... and a future clause still looks ahead.
        ("The new bridge will open in September.", "September", "2017-09"),
        ("The council has promised a vote by August.", "August", "2017-08"),
        ("The bank has extended the credit line through January.", "January", "2018-01"),
    ],
)
def test_bare_month_in_past_clause_stays_past(nlp, text: str, expression: str, value: str) -> None:
    assert values(nlp, text)[expression] == value


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The final was postponed until 15:00 GMT Saturday.", "2017-05-13"),
        ("The hearing was delayed until Friday.", "2017-05-12"),
        ("Negotiators were told to finish by Monday.", "2017-05-15"),
        ("The shelter has been closed since Monday.", "2017-05-08"),
        ("The strike ended on Monday.", "2017-05-08"),
    ],
)
def test_weekday_after_until_lies_ahead(nlp, text: str, value: str) -> None:
    found = values(nlp, text)
    weekday = next(k for k in found if k.endswith("day"))
    assert found[weekday] == value


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("She set off on a four-week tour of the coast.", "a four-week", "P4W"),
        ("Emissions must halve over the next decade.", "the next decade", "P10Y"),
        ("The river flooded twice in the past year.", "the past year", "P1Y"),
        ("The talks dragged on for months.", "months", "PXM"),
    ],
)
def test_durations_have_their_number(nlp, text: str, expression: str, value: str) -> None:
    assert values(nlp, text)[expression] == value


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The drought of 2009-2010 emptied the reservoirs.", {"2009": "2009", "2010": "2010"}),
        ("He captained the side in the 1957-58 season.", {"1957": "1957", "58": "1958"}),
        ("The 1999-02 bond series was retired.", {"1999": "1999", "02": "2002"}),
    ],
)
def test_year_ranges(nlp, text: str, expected: dict[str, str]) -> None:
    assert values(nlp, text) == expected


@pytest.mark.slow
def test_backwards_year_pair_is_no_range(nlp) -> None:
    assert "08" not in values(nlp, "Batch 2009-08 was recalled in the audit.")


@pytest.mark.slow
def test_event_dated_by_the_article_says_so(nlp) -> None:
    doc = nlp("The union accused the ministry of delay. The union met the minister on Monday.")
    times = find_times(doc, MAY_2017, WORDS)
    accused = next(t.i for t in doc if t.text == "accused")
    met = next(t.i for t in doc if t.text == "met")
    assert date_event(doc, accused, times, MAY_2017) == ("2017-05-10", None, "article")
    assert date_event(doc, met, times, MAY_2017) == ("2017-05-08", "day", "text")
    assert date_event(doc, accused, times, None) == (None, None, None)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("By Tuesday, the rescuers had reached the village.", "2017-05-09"),
        ("Until Monday, nobody had claimed the parcel.", "2017-05-08"),
    ],
)
def test_until_in_a_past_clause_looks_back(nlp, text: str, value: str) -> None:
    found = values(nlp, text)
    assert found[next(k for k in found if k.endswith("day"))] == value


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Sales rose in last year's fourth quarter.", "last year's fourth quarter", "2016-Q4"),
        ("The plant opens in next year's first quarter.", "next year's first quarter", "2018-Q1"),
        ("Profit doubled in the first quarter. A year earlier, the mill had lost money.", "A year earlier",
         "2016-Q1"),
    ],
)
def test_quarters_relative_to_a_year(nlp, text: str, expression: str, value: str) -> None:
    assert values(nlp, text)[expression] == value
