"""The analyst's dashboard in headless Chromium, over a store of articles written here (hand-built records,
no shared data): event flags shown and filterable (the counts change), zero-filled series with the articles
read per period, event clusters with their articles, sources and evidence, view state in the URL, downloads
of what is shown, the map of located events only, and dyad shift alerts. Screenshots go to
``test-artifacts/screenshots/`` (CI keeps the folder)."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from eventwire.serve.routes.dashboard import assets_missing
from eventwire.serve.settings import WEB_DIR
from tests.browser.test_dashboard import CHROMIUM, CHROMIUM_ARGS
from tests.live_server import live_server

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
FIRST_DAY, LAST_DAY = date(2024, 6, 3), date(2024, 10, 5)  # the first and the last article published

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def analyst_articles():
    """The shift corpus (nine weeks of five dyads, FRA-DEU turning hostile, hypothetical threats between ITA
    and ESP), ISR-IRN without places; two more outlets reporting one FRA-DEU event (one cluster, three
    articles, three sources); three October articles without events (read, nothing coded)."""
    from eventwire.records import Article, ArticleText, CodedArticle
    from tests.store.shift_corpus import LAST_WEEK, shift_articles

    items = []
    for source, coded in shift_articles():
        event = coded.events[0]
        if event.source.country in ("ISR", "IRN"):
            coded = replace(coded, events=(replace(event, location=None),))
        items.append((source, coded))
    day = (date.fromisoformat(LAST_WEEK) + timedelta(days=1)).isoformat()
    original = next((s, c) for s, c in items if c.events[0].source.country == "FRA" and c.events[0].date == day)
    for n, outlet in enumerate(("Other Wire", "Third Post")):
        source, coded = original
        ident = f"reprint{n}"
        items.append((replace(source, id=ident, source=outlet, text=f"{outlet} reports. " + source.text),
                      replace(coded, article=replace(coded.article, id=ident, source=outlet),
                              events=(replace(coded.events[0], id=f"{ident}-E1"),))))
    for n in range(3):
        text = f"A quiet autumn day number {n} with nothing to report."
        items.append((ArticleText(text, LAST_DAY.isoformat(), f"Quiet {n}", source="Example News", id=f"quiet{n}"),
                      CodedArticle(article=Article(f"quiet{n}", f"Quiet {n}", None, "Example News",
                                                   LAST_DAY.isoformat(), "en"))))
    return items


@pytest.fixture(scope="module")
def playwright_api():
    if not CHROMIUM.is_file():
        pytest.skip("Debian's chromium is not installed (/usr/bin/chromium); .ci/run installs it")
    if assets_missing(WEB_DIR):
        pytest.skip(f"dashboard libraries missing ({', '.join(assets_missing(WEB_DIR))}): run `make web`")
    return pytest.importorskip("playwright.sync_api", reason="playwright (dev extra) is not installed")


@pytest.fixture(scope="module")
def served(tmp_path_factory, playwright_api):

    from eventwire.serve import Settings, make_app
    from eventwire.store.clusters import refresh_clusters
    from eventwire.store.connect import open_store
    from eventwire.store.write import Versions, start_run, write_batch

    db = tmp_path_factory.mktemp("analyst") / "store.db"
    conn = open_store(db)
    write_batch(conn, start_run(conn, {}, Versions("c", "d")), analyst_articles(), [], Versions("c", "d"))
    refresh_clusters(conn)
    conn.close()
    with live_server(make_app(Settings(db=db))) as url:
        yield url


@pytest.fixture(scope="module")
def screenshots():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


@pytest.fixture()
def browser(playwright_api, served, screenshots):
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        errors: list[str] = []
        pages = []

        def new_page():
            page = chromium.new_page(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.on("console", lambda msg: errors.append(msg.text) if "Content Security Policy" in msg.text else None)
            page.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)
            pages.append(page)
            return page

        yield new_page
        chromium.close()
        assert errors == [], f"JavaScript errors or CSP violations: {errors}"


def loads(page, view):
    return int(page.evaluate(f"() => Number(document.body.dataset.{view}Loads || 0)"))


def wait_load(page, view, after):
    page.wait_for_function(f"() => Number(document.body.dataset.{view}Loads || 0) > {after}")


def open_view(browser, served, fragment, view):
    page = browser()
    page.goto(f"{served}/#{fragment}")
    wait_load(page, view, 0)
    return page


def submit(page, view, form):
    before = loads(page, view)
    page.click(f"#{form} button[type=submit]")
    wait_load(page, view, before)


def total(page):
    return int(page.get_attribute("#dyad-summary", "data-total"))


def test_flags_are_shown_and_the_filter_changes_the_counts(browser, served):
    page = open_view(browser, served, "view=dyad&kind=country&a=ITA&b=ESP&interval=week", "dyad")
    assert total(page) == 18  # two friendly events a week: the hypothetical threats are not counted
    assert page.locator("#dyad-events tr.event[data-hypothetical=true]").count() == 0
    page.check("#dyad-form input[name=all_events]")
    submit(page, "dyad", "dyad-form")
    assert total(page) == 22
    hypothetical = page.locator("#dyad-events tr.event[data-hypothetical=true]")
    assert hypothetical.count() == 4 and "hypothetical" in hypothetical.first.inner_text()
    page.screenshot(path=str(SCREENSHOTS / "flags-all-events.png"), full_page=True)
    page.select_option("#dyad-form select[name=flag]", "hypothetical")
    submit(page, "dyad", "dyad-form")
    assert total(page) == 4 and page.locator("#dyad-svg rect.conflict").count() >= 1
    hypothetical.first.click()
    page.wait_for_selector("#evidence-flags .flag.hypothetical")
    assert "conf 0.90" in page.inner_text("#evidence-flags")
    page.screenshot(path=str(SCREENSHOTS / "flags-evidence.png"))


def test_the_timeline_is_every_period_with_the_articles_read(browser, served):
    page = open_view(browser, served, "view=dyad&a=FRA&b=DEU&interval=month", "dyad")
    bars = page.locator("#dyad-svg rect.articles-bar")
    months = [bars.nth(i).get_attribute("data-period") for i in range(bars.count())]
    assert months == ["2024-06", "2024-07", "2024-08", "2024-09", "2024-10"]  # September: nothing, still there
    by_month = {b.get_attribute("data-period"): (int(b.get_attribute("data-total")),
                                                 int(b.get_attribute("data-articles"))) for b in bars.all()}
    assert by_month["2024-09"] == (0, 0) and by_month["2024-10"] == (0, 3)  # read, no FRA-DEU event
    page.screenshot(path=str(SCREENSHOTS / "timeline-months.png"), full_page=True)
    page.select_option("#dyad-form select[name=interval]", "day")
    page.select_option("#dyad-form select[name=measure]", "per100")
    submit(page, "dyad", "dyad-form")
    svg = page.locator("#dyad-svg")
    assert int(svg.get_attribute("data-periods")) == (LAST_DAY - FIRST_DAY).days + 1
    assert int(svg.get_attribute("data-empty-periods")) > 0 and svg.get_attribute("data-measure") == "per100"
    day = page.locator("#dyad-svg rect.articles-bar[data-total='1']").first
    period, articles = day.get_attribute("data-period"), int(day.get_attribute("data-articles"))
    value = float(page.locator(f"#dyad-svg rect.bar[data-period='{period}']").first.get_attribute("data-value"))
    assert value == pytest.approx(100 / articles)  # one event among that day's articles
    page.screenshot(path=str(SCREENSHOTS / "timeline-days-per-100.png"), full_page=True)


def test_clusters_show_their_articles_sources_and_evidence(browser, served):
    page = open_view(browser, served, "view=dyad&a=FRA&b=DEU&interval=week&measure=clusters", "dyad")
    assert page.locator("#dyad-svg rect.bar.clusters").count() >= 1
    summary = page.inner_text("#dyad-summary")
    assert "event clusters" in summary
    reported = page.locator("#dyad-clusters tr.cluster[data-articles='3']")
    assert reported.count() == 1 and reported.get_attribute("data-sources") == "3"
    assert "Other Wire" in reported.inner_text() and "Third Post" in reported.inner_text()
    mentions = reported.locator("a.mention")
    assert mentions.count() == 3
    article, evidence = mentions.nth(1).inner_text().split(": ", 1)
    mentions.nth(1).click()
    page.wait_for_selector("#evidence-text .sentence")
    sentence = page.eval_on_selector_all("#evidence-text .sentence", "els => els.map(e => e.textContent).join('')")
    assert sentence == evidence and article in page.inner_text("#evidence-meta")
    page.screenshot(path=str(SCREENSHOTS / "clusters.png"), full_page=True)


def test_a_view_is_a_link_and_downloads_hold_what_is_shown(browser, served):
    page = open_view(browser, served, "", "dyad")
    page.fill("#dyad-form input[name=a]", "ISR")
    page.fill("#dyad-form input[name=b]", "IRN")
    page.select_option("#dyad-form select[name=interval]", "week")
    page.check("#dyad-form input[name=all_events]")
    submit(page, "dyad", "dyad-form")
    url, shown = page.url, total(page)
    assert "a=ISR" in url and "all_events=true" in url and shown == 27
    again = browser()
    again.goto(url)
    wait_load(again, "dyad", 0)
    assert total(again) == shown and again.is_checked("#dyad-form input[name=all_events]")
    assert again.input_value("#dyad-form input[name=b]") == "IRN"
    href = again.get_attribute("#dyad-exports a[data-what=events][data-format=csv]", "href")
    rows = list(csv.DictReader(io.StringIO(again.request.get(served + href if href.startswith("/") else href).text())))
    assert len(rows) == shown and {r["source_country"] for r in rows} <= {"ISR", "IRN"}
    href = again.get_attribute("#dyad-exports a[data-what=series][data-format=json]", "href")
    series = again.request.get(served + href if href.startswith("/") else href).json()
    assert len(series) == int(again.get_attribute("#dyad-svg", "data-periods"))
    assert sum(p["total"] for p in series) == shown
    with again.expect_download() as download:
        again.click("#dyad-exports a[data-what=events][data-format=parquet]")
    assert download.value.suggested_filename == "ISR-IRN-events.parquet"
    again.screenshot(path=str(SCREENSHOTS / "link-and-downloads.png"), full_page=True)


def test_the_map_shows_located_events_only(browser, served):
    page = open_view(browser, served, "view=map&all_events=true", "map")
    summary = page.locator("#map-summary")
    located, unlocated = int(summary.get_attribute("data-located")), int(summary.get_attribute("data-unlocated"))
    assert unlocated == 27  # ISR-IRN: no place in the text, so not on the map (no country centroid)
    circles = page.locator("#map-chart circle.place")
    assert circles.count() == 1 and int(circles.first.get_attribute("data-events")) == located
    assert page.text_content("#map-chart text.place-label") == f"Yerevan ({located})"
    before = located
    page.uncheck("#map-form input[name=all_events]")
    submit(page, "map", "map-form")
    assert int(summary.get_attribute("data-located")) == before - 4  # the hypothetical threats are located too
    page.screenshot(path=str(SCREENSHOTS / "map-located.png"))


def test_alerts_list_the_dyad_that_turned_hostile(browser, served):
    page = open_view(browser, served, "view=alerts", "alerts")
    alerts = page.locator("#alerts-list li.alert")
    assert alerts.count() == 1 and alerts.first.get_attribute("data-dyad") == "DEU-FRA"
    assert "hostile" in alerts.first.inner_text()
    alerts.first.locator("li.evidence").first.click()
    page.wait_for_selector("#evidence-text mark.hl-trigger")
    page.screenshot(path=str(SCREENSHOTS / "alerts.png"), full_page=True)
    page.check("#alerts-form input[name=all_events]")
    submit(page, "alerts", "alerts-form")
    assert {a.get_attribute("data-dyad") for a in alerts.all()} == {"DEU-FRA", "ESP-ITA"}
    assert "all_events=true" in page.url
