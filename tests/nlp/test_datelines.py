"""Wire datelines ("BEIJING (Reuters) -") are found and take no part in events."""

from __future__ import annotations

import pytest

from eventwire.nlp.datelines import dateline_tokens


def dateline_text(nlp, text: str) -> list[str]:
    doc = nlp(text)
    return [doc[i].text for i in sorted(dateline_tokens(doc))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("AFP - The United States suspended flights.", ["AFP", "-"]),
        ("BEIJING (Reuters) - Beijing on Monday accused Taiwan.", ["BEIJING", "(", "Reuters", ")", "-"]),
        ("LYON: Interpol said it would help.", ["LYON", ":"]),
        ("WASHINGTON, Aug 20 (AP) -- Iran accused Israel.", ["WASHINGTON", ",", "Aug", "20", "(", "AP", ")", "--"]),
    ],
)
def test_paragraph_initial_datelines_are_found(nlp, text: str, expected: list[str]) -> None:
    assert dateline_text(nlp, text) == expected


def test_each_paragraph_may_open_with_one(nlp) -> None:
    found = dateline_text(nlp, "Iran accused Israel.\nMOSCOW (AP) - Russia thanked China.")
    assert found == ["MOSCOW", "(", "AP", ")", "-"]


@pytest.mark.parametrize(
    "text",
    [
        "He said: Russia attacked Ukraine.",               # a colon after running text
        "Russia - and China - criticised the plan.",       # a dash inside a sentence with no capitals word
        "The talks in Geneva - the first since May - failed.",
        "Reuters reported that Iran accused Israel.",      # an agency as a subject is not a dateline
        "US-China talks resumed on Monday.",               # a hyphen, not a dash
    ],
)
def test_running_text_is_no_dateline(nlp, text: str) -> None:
    assert dateline_text(nlp, text) == []


def test_an_agency_in_a_dateline_is_no_event_source(coder) -> None:
    record = coder.code("AFP - The United States suspended flights of military helicopters in Japan.",
                        published="2004-08-20")
    assert [(e.source.code, e.target.code if e.target else None) for e in record.events] == [("USA", "JPN")]
    record = coder.code("BEIJING (Reuters) - Beijing on Monday accused Taiwan of spying.", published="2004-08-20")
    assert {e.source.code for e in record.events} == {"CHNGOV"}


def test_in_dateline_agrees_with_the_paragraph_scan(nlp) -> None:
    from eventwire.nlp.datelines import in_dateline

    doc = nlp("Iran accused Israel on Monday of sabotage at a nuclear site.\nMOSCOW (AP) - Russia thanked China.")
    assert {t.i for t in doc if in_dateline(t)} == dateline_tokens(doc) != set()


def test_an_agency_credit_in_title_case_is_a_dateline(nlp) -> None:
    assert dateline_text(nlp, "Reuters - Government warplanes pounded rebel towns.") == ["Reuters", "-"]
    assert dateline_text(nlp, "Russia - and China - criticised the plan.") == []  # no capital after the dash
    assert dateline_text(nlp, "Israel - Hamas ceasefire holds for a third day.") == []  # a pair, not a credit
