"""Deeds told as background, on the record (``eventwire.code_text(...).to_dict()``), with sentences of our own
writing: dated by their own time when they have one, else flagged ``background`` and left undated; never given
the date of the clause that tells them."""

from __future__ import annotations

import datetime as dt

import pytest

import eventwire
from eventwire.events.background import OLD_NEWS_DAYS, old_news

pytestmark = pytest.mark.slow


def events(text: str) -> list[tuple[str, str | None, str, str | None, bool]]:
    record = eventwire.code_text(text, published="2024-05-10").to_dict()
    return [(e["source"]["code"], (e["target"] or {}).get("code"), e["cameo"], e["date"], e["background"])
            for e in record["events"]]


def test_a_relative_clause_about_an_earlier_deed_is_background_and_undated():
    found = events("Hamas, which attacked Israel, praised Iran on Monday.")
    assert ("PSEREBHAM", "ISR", "190", None, True) in found
    assert ("PSEREBHAM", "IRN", "051", "2024-05-06", False) in found  # the news keeps its date


def test_a_background_deed_with_its_own_old_date_keeps_it_and_is_flagged():
    found = events("Hamas, which attacked Israel in October 2023, praised Iran on Monday.")
    assert ("PSEREBHAM", "ISR", "190", "2023-10-01", True) in found


def test_a_standing_state_that_describes_an_actor_is_background():
    found = events("Turkey, which occupies northern Cyprus, criticized Greece on Monday.")
    assert ("TUR", "CYP", "192", None, True) in found and ("TUR", "GRC", "111", "2024-05-06", False) in found


def test_the_first_time_since_is_background():
    assert events("It was the first time in decades that Turkey attacked Russia.") == [
        ("TUR", "RUS", "190", None, True)]


def test_a_since_clause_is_background():
    found = events("Armenia and Azerbaijan held talks on Monday, the first talks since Azerbaijan attacked Armenia.")
    assert ("AZE", "ARM", "190", None, True) in found
    assert ("ARM", "AZE", "040", "2024-05-06", False) in found


def test_an_anniversary_recalls_a_deed():
    assert events("Armenians marked the anniversary of the Turkish invasion of Cyprus.") == [
        ("TUR", "CYP", "192", None, True)]


def test_past_perfect_is_background_but_reported_backshift_is_news():
    assert all(bg for *_r, bg in events("Iran had agreed to meet the United States before the election."))
    assert events("Israel said it had struck Hamas targets in Gaza overnight.") == [
        ("ISR", "PSEREBHAM", "190", "2024-05-10", False)]


def test_a_deed_dated_years_before_publication_is_background():
    assert events("Russia invaded Ukraine in 2014.") == [("RUS", "UKR", "192", "2014-01-01", True)]


def test_the_days_news_is_not_background():
    assert all(not bg for *_r, bg in events("Putin met Erdogan on Tuesday."))


def test_where_clause_of_a_trip_tells_its_time_not_background():
    found = events("Putin briefed Erdogan on his trip to Baku, where he met Aliyev.")
    assert all(not bg for *_r, bg in found)


def test_old_news_by_precision():
    published = dt.date(2024, 5, 10)
    assert old_news("2024-01-01", "year", published) is False  # this year may still be this week
    assert old_news("2023-01-01", "year", published) is True
    assert old_news("2024-04-01", "month", published) is False  # April ended 10 days before
    assert old_news("2024-03-01", "month", published) is True
    day = (published - dt.timedelta(days=OLD_NEWS_DAYS)).isoformat()
    assert old_news(day, "day", published) is True
    assert old_news("2024-05-09", "day", published) is False
    assert old_news(None, None, published) is False and old_news("2014-01-01", "year", None) is False


def test_background_reaches_the_store_and_export(tmp_path):
    from eventwire.export.columns import NAMES, export_row
    from eventwire.store.connect import open_store
    from eventwire.store.events import EVENT_ROW
    from eventwire.store.write import Versions, start_run, write_batch

    item = eventwire.ArticleText("Hamas, which attacked Israel, praised Iran on Monday.", "2024-05-10", id="bg")
    record = eventwire.code_text(item.text, published=item.published, id="bg")
    conn = open_store(tmp_path / "s.db")
    write_batch(conn, start_run(conn, {}, Versions("c", "d")), [(item, record)], [], Versions("c", "d"))
    rows = {r["cameo"]: dict(r) for r in conn.execute(EVENT_ROW)}
    assert rows["190"]["background"] == 1 and rows["051"]["background"] == 0
    assert "background" in NAMES and export_row(rows["190"])["background"] is True
