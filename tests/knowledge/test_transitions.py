"""A person's code changes on the day a role starts and the day after it ends (both ends are inclusive), for ten
real transitions of 2024-2026, read on the record a user gets (``Coder.code(...).to_dict()``) and in the knowledge
base the coder uses (curated tables over the broad layer). Each fact names its source."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest

from eventwire.knowledge.actors import load_kb


@dataclass(frozen=True)
class Transition:
    """``person`` carries ``code`` from ``start`` to ``end`` (None: still in office); before ``start`` the code
    is ``before``, after ``end`` it is ``after``."""

    person: str
    code: str
    start: date
    end: date | None
    before: str
    after: str | None
    source: str


TRANSITIONS = (
    Transition("Keir Starmer", "GBRGOV", date(2024, 7, 5), None, "GBROPP", None,
               "gov.uk, 'The Rt Hon Sir Keir Starmer KCB KC MP' (Prime Minister from 5 July 2024)"),
    Transition("Rishi Sunak", "GBRGOV", date(2022, 10, 25), date(2024, 7, 5), "GBRELI", "GBRELI",
               "gov.uk, 'Past Prime Ministers: Rishi Sunak' (2022 to 2024; resigned 5 July 2024)"),
    Transition("Marco Rubio", "USAGOV", date(2025, 1, 21), None, "USALEG", None,
               "state.gov, 'Marco Rubio, Secretary of State' (sworn in 21 January 2025)"),
    Transition("Friedrich Merz", "DEUGOV", date(2025, 5, 6), None, "DEUOPP", None,
               "bundeskanzler.de; Bundestag vote of 6 May 2025 (elected Chancellor in the second ballot)"),
    Transition("Olaf Scholz", "DEUGOV", date(2021, 12, 8), date(2025, 5, 6), "DEUGOV", "DEUELI",
               "bundeskanzler.de, 'Former Chancellors' (8 December 2021 - 6 May 2025)"),
    Transition("Mark Carney", "CANGOV", date(2025, 3, 14), None, "CANPTY", None,
               "pm.gc.ca; sworn in as the 24th Prime Minister of Canada on 14 March 2025, five days after the"
               " Liberal Party elected him its leader (9 March 2025)"),
    Transition("Masoud Pezeshkian", "IRNGOV", date(2024, 7, 28), None, "IRN", None,
               "president.ir; endorsed by the Supreme Leader on 28 July 2024 (Wikipedia: Masoud Pezeshkian)"),
    Transition("Shigeru Ishiba", "JPNGOV", date(2024, 10, 1), date(2025, 10, 21), "JPNELI", "JPNELI",
               "kantei.go.jp, 'Successive Prime Ministers' (1 October 2024 - 21 October 2025); before it one of"
               " Japan's elite (a former defence minister) in PETRARCH2's Phoenix dictionary (the broad layer)"),
    Transition("Claudia Sheinbaum", "MEXGOV", date(2024, 10, 1), None, "MEX", None,
               "gob.mx, Presidencia; inaugurated 1 October 2024"),
    Transition("Prabowo Subianto", "IDNGOV", date(2024, 10, 20), None, "IDNGOV", None,
               "setneg.go.id; inaugurated 20 October 2024 (Minister of Defence until then, so IDNGOV before too)"),
    Transition("Andrzej Duda", "POLGOV", date(2015, 8, 6), date(2025, 8, 6), "POL", "POLELI",
               "prezydent.pl; term ended 6 August 2025 when Karol Nawrocki was sworn in"),
    Transition("Annalena Baerbock", "DEUGOV", date(2021, 12, 8), date(2025, 5, 6), "DEU", "DEUELI",
               "auswaertiges-amt.de, 'Former Federal Foreign Ministers' (8 December 2021 - 6 May 2025)"),
)


def days(t: Transition) -> list[tuple[date, str]]:
    checks = [(t.start - timedelta(days=1), t.before), (t.start, t.code)]
    if t.end is not None:
        checks += [(t.end, t.code), (t.end + timedelta(days=1), t.after or "")]
    return checks


def test_there_are_ten_transitions_of_2024_to_2026_each_with_a_source() -> None:
    changes = [d for t in TRANSITIONS for d in (t.start, t.end) if d and date(2024, 1, 1) <= d <= date(2026, 12, 31)]
    assert len(changes) >= 10
    assert all(t.source for t in TRANSITIONS)


@pytest.mark.parametrize("t", TRANSITIONS, ids=lambda t: t.person)
def test_the_knowledge_base_changes_code_on_the_day(t: Transition) -> None:
    actor = next(a for a in load_kb().actors if a.name == t.person)
    for day, expected in days(t):
        role = actor.role_on(day)
        assert role is not None and role.code == expected, (t.person, day, role)


@pytest.fixture(scope="module")
def person_code(coder):
    def code(person: str, day: date) -> str | None:
        record = coder.code(f"{person} said on Monday that the talks would go on.", published=day).to_dict()
        found = [m for m in record["mentions"] if m["text"] == person]
        return found[0]["code"] if found else None

    return code


@pytest.mark.parametrize("t", TRANSITIONS, ids=lambda t: t.person)
def test_the_record_changes_code_on_the_day(t: Transition, person_code) -> None:
    for day, expected in days(t):
        assert person_code(t.person, day) == expected, (t.person, day)
