"""Time expressions: detection, TimeML normalisation against a publication date, and event dating."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.knowledge.time_words import Relative, TimeWords, load_time_words
from eventwire.times.finder import date_event, find_times
from eventwire.times.norm import year_number
from eventwire.times.rules import candidates, compile_rules
from eventwire.times.values import resolve_weekday, value_to_date, week_value

PUB = dt.date(2024, 8, 23)  # a Friday, ISO week 34
WORDS = load_time_words()


# --- calendar helpers (no model) -------------------------------------------------------------


@pytest.mark.parametrize(
    ("weekday", "future", "shift", "expected"),
    [
        (5, False, 0, "2024-08-23"),  # same weekday as publication: that very day
        (4, False, 0, "2024-08-22"),
        (1, False, 0, "2024-08-19"),
        (6, False, 0, "2024-08-17"),
        (1, True, 0, "2024-08-26"),
        (5, True, 0, "2024-08-23"),
        (5, True, 1, "2024-08-30"),  # next Friday
        (5, False, -1, "2024-08-16"),  # last Friday
        (4, False, -1, "2024-08-22"),  # last Thursday
    ],
)
def test_resolve_weekday(weekday: int, future: bool, shift: int, expected: str) -> None:
    assert resolve_weekday(PUB, weekday, future, shift).isoformat() == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-08-23", ("2024-08-23", "day")),
        ("2024-08-23TNI", ("2024-08-23", "day")),
        ("2024-W34", ("2024-08-19", "week")),
        ("2024-W34-WE", ("2024-08-19", "week")),
        ("2024-08", ("2024-08-01", "month")),
        ("2024", ("2024-01-01", "year")),
        ("2024-Q3", ("2024-01-01", "year")),
        ("199", (None, None)),
        ("PAST_REF", (None, None)),
        (None, (None, None)),
    ],
)
def test_value_to_date(value: str | None, expected: tuple[str | None, str | None]) -> None:
    assert value_to_date(value) == expected


def test_week_value_crosses_years() -> None:
    assert week_value(PUB) == "2024-W34"
    assert week_value(dt.date(2021, 1, 1)) == "2020-W53"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("3", 3), ("three", 3), ("twenty-five", 25), ("a", 1), ("several", None), ("1,000", 1000)],
)
def test_parse_number(text: str, expected: int | None) -> None:
    assert WORDS.number(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1998", 1998),
        ("nineteen ninety-six", 1996),
        ("two thousand and one", 2001),
        ("nineteen oh five", 1905),
    ],
)
def test_year_number(text: str, expected: int) -> None:
    assert year_number(text, WORDS) == expected


# --- find_times through the real model --------------------------------------------------------


def _times(nlp, text: str, published: dt.date | None = PUB) -> dict[str, tuple[str | None, str]]:
    doc = nlp(text)
    found = find_times(doc, published, WORDS)
    for t in found:
        assert doc.text[t.start : t.end] == t.text
    return {t.text: (t.value, t.type) for t in found}


CASES = [
    ("Putin on Friday called Pashinyan.", "Friday", "2024-08-23", "DATE"),
    ("The ministry on Thursday blasted Yerevan.", "Thursday", "2024-08-22", "DATE"),
    ("Putin announced Monday that Russia is ready.", "Monday", "2024-08-19", "DATE"),
    ("The leaders will meet on Monday in Moscow.", "Monday", "2024-08-26", "DATE"),
    ("The talks resume next Friday.", "next Friday", "2024-08-30", "DATE"),
    ("He met Aliyev last Friday.", "last Friday", "2024-08-16", "DATE"),
    ("The minister resigned today.", "today", "2024-08-23", "DATE"),
    ("The minister resigned yesterday.", "yesterday", "2024-08-22", "DATE"),
    ("The minister will resign tomorrow.", "tomorrow", "2024-08-24", "DATE"),
    ("He met Aliyev earlier this week in Baku.", "earlier this week", "2024-W34", "DATE"),
    ("Talks were held this week.", "this week", "2024-W34", "DATE"),
    ("He visited Azerbaijan last week.", "last week", "2024-W33", "DATE"),
    ("Prices rose this month.", "this month", "2024-08", "DATE"),
    ("Prices rose last month.", "last month", "2024-07", "DATE"),
    ("The treaty was signed in March.", "March", "2024-03", "DATE"),
    ("In October, the army attacked the town.", "October", "2023-10", "DATE"),
    ("The army will withdraw in October.", "October", "2024-10", "DATE"),
    ("The border was closed last year.", "last year", "2023", "DATE"),
    ("The ceasefire collapsed two days ago.", "two days ago", "2024-08-21", "DATE"),
    ("Fighting resumed three weeks ago.", "three weeks ago", "2024-W31", "DATE"),
    ("The deal was signed Aug. 19 in Baku.", "Aug. 19", "2024-08-19", "DATE"),
    ("The deal was signed on 19 August 2024.", "19 August 2024", "2024-08-19", "DATE"),
    ("The deal was signed on August 19, 2024, in Baku.", "August 19, 2024", "2024-08-19", "DATE"),
    ("The deal was signed on 2024-08-19.", "2024-08-19", "2024-08-19", "DATE"),
    ("The deal was signed Tuesday, Aug. 20, in Baku.", "Tuesday, Aug. 20", "2024-08-20", "DATE"),
    ("The deal is due to take effect Sept. 15.", "Sept. 15", "2024-09-15", "DATE"),
    ("The war ended in 1994.", "1994", "1994", "DATE"),
    ("The war began in August 1992.", "August 1992", "1992-08", "DATE"),
    ("The region was calm in the 1990s.", "the 1990s", "199", "DATE"),
    ("Profit fell in the third quarter.", "the third quarter", "2024-Q3", "DATE"),
    ("He ruled for three years.", "three years", "P3Y", "DURATION"),
    ("The talks lasted two days.", "two days", "P2D", "DURATION"),
    ("The envoys meet every week.", "every week", "P1W", "SET"),
    ("The paper appears daily.", "daily", "P1D", "SET"),
    ("Russia is now ready to help.", "now", "PRESENT_REF", "DATE"),
    ("Armenia currently holds the chair.", "currently", "PRESENT_REF", "DATE"),
    ("Tensions have risen recently.", "recently", "PAST_REF", "DATE"),
    ("The vote ended at 10:35 a.m. Wednesday.", "at 10:35 a.m. Wednesday", "2024-08-21T10:35", "TIME"),
    ("Shelling continued on Saturday night.", "Saturday night", "2024-08-17TNI", "TIME"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("sentence", "span", "value", "type_"), CASES)
def test_find_times(nlp, sentence: str, span: str, value: str, type_: str) -> None:
    assert _times(nlp, sentence).get(span) == (value, type_)


@pytest.mark.slow
def test_preposition_not_in_span(nlp) -> None:
    doc = nlp("Putin on Friday called Pashinyan.")
    (time,) = find_times(doc, PUB, WORDS)
    assert (time.start, time.end, time.text) == (9, 15, "Friday")


@pytest.mark.slow
def test_unresolvable_without_publication_date(nlp) -> None:
    found = _times(nlp, "Putin on Friday called Pashinyan about the deal of August 19, 2024.", None)
    assert found["Friday"] == (None, "DATE")
    assert found["August 19, 2024"] == ("2024-08-19", "DATE")
    doc = nlp("Putin on Friday called Pashinyan.")
    assert find_times(doc, None, WORDS)[0].reason


@pytest.mark.slow
def test_no_false_times(nlp) -> None:
    text = "The 45-year-old minister may march with 2000 protesters; Sun Yat-sen Street was quiet."
    assert _times(nlp, text) == {}


# --- the words are handed in, not loaded ----------------------------------------------------------

EXTRA_TEXT = "The deal was signed in Agosto 2024, ratified on Freitag and takes effect overmorrow."


def _extra_words() -> TimeWords:
    """The bundled words plus a month name, a weekday alias and a relative phrase written here."""
    lexicon = {kind: dict(words) for kind, words in WORDS.lexicon.items()}
    lexicon["month"]["agosto"] = "8"
    lexicon["weekday"]["freitag"] = "5"
    relatives = dict(WORDS.relatives)
    relatives["overmorrow"] = Relative("overmorrow", "DATE", "day", "2", "")
    return TimeWords(lexicon, relatives)


def test_rules_are_compiled_from_the_words_handed_in() -> None:
    def spans(words: TimeWords) -> set[str]:
        return {EXTRA_TEXT[c.start : c.end] for c in candidates(EXTRA_TEXT, words)}

    extra = _extra_words()
    assert {"Agosto 2024", "Freitag", "overmorrow"} <= spans(extra)
    assert not {"Agosto 2024", "Freitag", "overmorrow"} & spans(WORDS)
    assert compile_rules(_extra_words()) is compile_rules(extra)  # equal words share one compiled table
    assert compile_rules(extra) is not compile_rules(WORDS)


@pytest.mark.slow
def test_find_times_codes_with_the_words_handed_in(nlp) -> None:
    doc = nlp(EXTRA_TEXT)
    found = {t.text: (t.value, t.type) for t in find_times(doc, PUB, _extra_words())}
    assert found["Agosto 2024"] == ("2024-08", "DATE")
    assert found["Freitag"] == ("2024-08-23", "DATE")
    assert found["overmorrow"] == ("2024-08-25", "DATE")
    default = {t.text for t in find_times(doc, PUB, WORDS)}
    assert not {"Agosto 2024", "Freitag", "overmorrow"} & default


# --- date_event ----------------------------------------------------------------------------------


def _event_date(nlp, text: str, trigger: str, published: dt.date | None = PUB, fallback: str | None = None):
    doc = nlp(text)
    times = find_times(doc, published, WORDS)
    index = next(t.i for t in doc if t.text == trigger)
    return date_event(doc, index, times, published, fallback)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        (
            "Putin announced Monday after meeting with Aliyev in Baku that Russia is ready to support "
            "peace negotiations between Armenia and Azerbaijan.",
            "support",
            ("2024-08-19", "day", "text"),
        ),
        (
            "Putin announced Monday after meeting with Aliyev in Baku that Russia is ready to support "
            "peace negotiations between Armenia and Azerbaijan.",
            "announced",
            ("2024-08-19", "day", "text"),
        ),
        ("Putin met Aliyev in Baku earlier this week.", "met", ("2024-08-19", "week", "text")),
        ("Prices rose sharply last month.", "rose", ("2024-07-01", "month", "text")),
        ("The war ended in 1994.", "ended", ("1994-01-01", "year", "text")),
        ("Russia is now ready to help.", "help", ("2024-08-23", "day", "text")),
        ("Armenia accused Russia of sabotage.", "accused", ("2024-08-23", None, "article")),
        (
            "The Kremlin said on Thursday that Putin will visit Baku next week.",
            "visit",
            ("2024-08-26", "week", "text"),
        ),
        ("The Kremlin said on Thursday that Putin will visit Baku.", "visit", ("2024-08-22", "day", "text")),
    ],
)
def test_date_event(nlp, text: str, trigger: str, expected: tuple[str, str | None, str]) -> None:
    assert _event_date(nlp, text, trigger) == expected


@pytest.mark.slow
def test_date_event_fallback_and_no_publication(nlp) -> None:
    text = "Armenia accused Russia of sabotage."
    assert _event_date(nlp, text, "accused", fallback="2024-08-20") == ("2024-08-20", "day", "text")
    assert _event_date(nlp, text, "accused", fallback="2024-W33") == ("2024-08-12", "week", "text")
    assert _event_date(nlp, text, "accused", published=None) == (None, None, None)


@pytest.mark.slow
def test_date_event_ignores_embedded_clause(nlp) -> None:
    text = "The Kremlin said that Putin reiterated the statements he made in Baku last week."
    assert _event_date(nlp, text, "reiterated") == ("2024-08-23", None, "article")


@pytest.mark.slow
def test_time_on_a_noun_dates_the_noun_not_the_event(nlp) -> None:
    text = "Putin informed Pashinyan about his Azerbaijan visit last week."
    assert _event_date(nlp, text, "informed") == ("2024-08-23", None, "article")


@pytest.mark.slow
def test_the_time_of_the_occasion_a_deed_happens_at_dates_the_deed(nlp) -> None:
    # The summit is where the meeting took place: its month is the meeting's, however the parser hangs "at".
    text = "Aliyev met Pashinyan at the Prague summit in October 2022."
    assert _event_date(nlp, text, "met") == ("2022-10-01", "month", "text")
    text = "Aliyev met Pashinyan for the first time at the Prague summit in October 2022."
    assert _event_date(nlp, text, "met") == ("2022-10-01", "month", "text")


# --- the seed article ---------------------------------------------------------------------------


@pytest.mark.slow
def test_seed_times(nlp, seed_text: str) -> None:
    found = {t.text: t.value for t in find_times(nlp(seed_text), PUB, WORDS)}
    assert found == {
        "Friday": "2024-08-23",
        "earlier this week": "2024-W34",
        "last week": "2024-W33",
        "Monday": "2024-08-19",
        "Thursday": "2024-08-22",
    }


@pytest.mark.slow
@pytest.mark.parametrize(
    ("trigger", "occurrence", "expected"),
    [
        ("called", 0, ("2024-08-23", "day", "text")),
        ("announced", 0, ("2024-08-19", "day", "text")),
        ("support", 0, ("2024-08-19", "day", "text")),
        ("blasted", 0, ("2024-08-22", "day", "text")),
        ("criticizing", 0, ("2024-08-22", "day", "text")),
        ("accused", 0, ("2024-08-23", None, "article")),  # Lavrov: no time in its clause -> publication date
        ("meet", 0, ("2024-08-23", None, "article")),  # "agreed to meet on an upcoming occasion"
    ],
)
def test_seed_event_dates(nlp, seed_text: str, trigger: str, occurrence: int, expected) -> None:
    doc = nlp(seed_text)
    times = find_times(doc, PUB, WORDS)
    index = [t.i for t in doc if t.text == trigger][occurrence]
    assert date_event(doc, index, times, PUB) == expected


# --- the calendar's edges: impossible days and publication dates at year 1 and 9999 -------------------


@pytest.mark.slow
@pytest.mark.parametrize(("published", "value"), [
    (dt.date(2026, 3, 10), "2024-02-29"),  # no 29 February in 2025-2027: the last one before publication
    (dt.date(2027, 1, 5), "2028-02-29"),  # the next one is within a year: the nearest rule holds
    (dt.date(2028, 6, 1), "2028-02-29"),
    (dt.date(2024, 1, 20), "2024-02-29"),  # the nearest, as for any day without a year
])
def test_a_29_february_without_a_year_is_the_nearest_that_exists(nlp, published: dt.date, value: str) -> None:
    assert _times(nlp, "The talks were held on 29 February.", published)["29 February"][0] == value


@pytest.mark.slow
@pytest.mark.parametrize("published", [dt.date(1, 1, 1), dt.date(1, 1, 5), dt.date(9999, 12, 31),
                                       dt.date(9999, 12, 25)])
@pytest.mark.parametrize("sentence", ["They met yesterday.", "They met last week.", "They will meet tomorrow.",
                                      "They will meet next year.", "They met on 29 February.", "They met last month."])
def test_publication_dates_at_the_calendar_edges_never_raise(nlp, published: dt.date, sentence: str) -> None:
    found = find_times(nlp(sentence), published, load_time_words())
    for time in found:  # a value, or none with the reason
        assert time.value is not None or time.reason
    if published == dt.date(1, 1, 1) and sentence == "They met yesterday.":
        assert [(t.text, t.value, t.reason) for t in found] == [
            ("yesterday", None, "the date would fall outside the calendar (years 1 to 9999)")]


# --- times the parser hangs on a nearby noun, relative clauses, "N days after" ------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # A clause-final time attached to a noun that names no occurrence is the clause's.
        ("A court in Gondor in July fined the newspaper.", "fined", ("2024-07-01", "month", "text")),
        ("Rebels shelled a border post near Minas Tirith in June.", "shelled", ("2024-06-01", "month", "text")),
        # ... but a time on an occurrence noun still dates the noun only.
        ("Putin informed Pashinyan about the talks in June.", "informed", ("2024-08-23", None, "article")),
        ("Rohan condemned the 2019 treaty.", "condemned", ("2024-08-23", None, "article")),
        # The noun a relative clause describes lends the clause its time.
        ("Rohan rejected the March 2021 deal that Gondor signed with Mordor.", "signed",
         ("2021-03-01", "month", "text")),
        # "N days after/before" a clause dated by its own time, or in the present tense.
        ("The strike came on Tuesday, three days after Gondor expelled the envoy.", "expelled",
         ("2024-08-17", "day", "text")),
        ("His remarks come two days after Rohan accused Gondor of spying.", "accused", ("2024-08-21", "day", "text")),
        ("The talks opened on Monday, a week after the army seized the port.", "seized",
         ("2024-08-12", "week", "text")),
        # An undated past anchor lends nothing: the publication date stands.
        ("The talks opened two days after the army seized the port.", "seized", ("2024-08-23", None, "article")),
    ],
)
def test_date_event_nearby_noun_relative_clause_and_offsets(nlp, text: str, trigger: str, expected) -> None:
    assert _event_date(nlp, text, trigger) == expected
