"""The dashboard in headless Chromium: pick the RUS-ARM dyad, see its conflict events, open one's evidence."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from eventwire.serve.routes.dashboard import assets_missing
from eventwire.serve.settings import WEB_DIR
from tests.live_server import live_server

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "browser"
# Debian's Chromium as root in a closed network: no sandbox, no GPU, no background connections.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def playwright_api():
    if not CHROMIUM.is_file():
        pytest.skip("Debian's chromium is not installed (/usr/bin/chromium); .ci/run installs it")
    if assets_missing(WEB_DIR):
        pytest.skip(f"dashboard libraries missing ({', '.join(assets_missing(WEB_DIR))}): run `make web`")
    return pytest.importorskip("playwright.sync_api", reason="playwright (dev extra) is not installed")


@pytest.fixture(scope="module")
def served(tmp_path_factory, coder, playwright_api):
    """The app on 127.0.0.1 (uvicorn in a thread) over a store coded from our samples and the seed."""
    from eventwire.serve import Settings, make_app
    from tests.serve.corpus import build_store

    db = build_store(tmp_path_factory.mktemp("browser") / "store.db", coder)
    with live_server(make_app(Settings(db=db))) as url:
        yield url


@pytest.fixture(scope="module")
def artifacts():
    shutil.rmtree(ARTIFACTS, ignore_errors=True)
    ARTIFACTS.mkdir(parents=True)
    return ARTIFACTS


@pytest.fixture()
def page(playwright_api, served, artifacts):
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        # The Content-Security-Policy blocks whatever is not this server's own: a violation is a console error.
        page.on("console", lambda msg: errors.append(msg.text) if "Content Security Policy" in msg.text else None)
        elsewhere: list[str] = []  # every request goes to this server (data: URIs are not requests)
        page.on("request", lambda req: None if req.url.startswith(served + "/") else elsewhere.append(req.url))
        yield page
        browser.close()
        assert errors == [], f"JavaScript errors or CSP violations: {errors}"
        assert elsewhere == [], f"requests off this server: {elsewhere}"


def pick_dyad(page, served, a, b, all_events=False):
    page.goto(served + "/")
    if all_events:
        page.check("#dyad-form input[name=all_events]")
    page.select_option("#dyad-form select[name=kind]", "country")
    page.fill("#dyad-form input[name=a]", a)
    page.fill("#dyad-form input[name=b]", b)
    page.select_option("#dyad-form select[name=interval]", "day")
    page.click("#dyad-show")
    page.wait_for_function(f"() => document.body.dataset.dyad === '{a}-{b}'")
    assert page.locator("#dyad-svg rect.conflict").count() >= 1  # the chart shows conflict


def test_sample_dyad_chart_and_evidence(page, served):
    """Runs without the shared folder: "Baku did not accuse Yerevan" in our own sample article is a negated
    accusation, left out of the default view (actual events) and shown, marked negated, with all events."""
    page.goto(served + "/")
    page.wait_for_function("() => document.body.dataset.dyad === 'RUS-ARM'")
    pick_dyad(page, served, "ARM", "AZE")
    assert page.locator("#dyad-events tr.event[data-negated=true]").count() == 0
    pick_dyad(page, served, "ARM", "AZE", all_events=True)
    page.screenshot(path=str(ARTIFACTS / "dyad-arm-aze.png"), full_page=True)
    rows = page.locator("#dyad-events tr.event[data-quad='3'][data-negated=true]")
    accusation = rows.filter(has=page.locator("i", has_text=re.compile("^accuse$"))).first
    assert "negated" in accusation.inner_text()
    accusation.click()
    page.wait_for_selector("#evidence-text mark.hl-trigger")
    assert page.inner_text("#evidence-text mark.hl-trigger") == "accuse"
    assert page.locator("#evidence-text mark.hl-source").count() >= 1
    page.screenshot(path=str(ARTIFACTS / "evidence-arm-aze.png"))


def test_rus_arm_dyad_chart_and_evidence(page, served):
    from tests.serve.corpus import SEED

    if not SEED.is_file():
        pytest.skip(f"the seed article {SEED} is absent (it carries the RUS-ARM dyad)")
    page.goto(served + "/")
    page.select_option("#dyad-form select[name=kind]", "country")
    page.fill("#dyad-form input[name=a]", "RUS")
    page.fill("#dyad-form input[name=b]", "ARM")
    page.select_option("#dyad-form select[name=interval]", "day")
    page.click("#dyad-show")
    page.wait_for_function("() => document.body.dataset.dyad === 'RUS-ARM'")
    assert page.locator("#dyad-svg rect.conflict").count() >= 1  # the chart shows conflict
    conflict_rows = page.locator("#dyad-events tr.event[data-quad='3'], #dyad-events tr.event[data-quad='4']")
    assert conflict_rows.count() >= 3  # the seed's accusations between Moscow and Yerevan
    assert "RUS–ARM" in page.inner_text("#dyad-summary")
    page.screenshot(path=str(ARTIFACTS / "dyad-rus-arm.png"), full_page=True)

    accusation = page.locator("#dyad-events tr.event[data-quad='3']", has_text="Zakharova").first
    accusation.click()
    page.wait_for_selector("#evidence-text mark.hl-trigger")
    assert page.inner_text("#evidence-text mark.hl-trigger") == "accused"
    # title + name are one mention (issue 13)
    assert page.inner_text("#evidence-text mark.hl-source") == "Russian foreign ministry spokesperson Maria Zakharova"
    assert page.inner_text("#evidence-text mark.hl-target") == "Yerevan"
    sentence = page.eval_on_selector_all("#evidence-text .sentence", "els => els.map(e => e.textContent).join('')")
    assert sentence.startswith("The Russian foreign ministry spokesperson Maria Zakharova accused Yerevan")
    page.screenshot(path=str(ARTIFACTS / "evidence.png"))


def test_other_views_draw(page, served):
    page.goto(served + "/")
    page.wait_for_function("() => document.body.dataset.dyad === 'RUS-ARM'")  # the default dyad is loaded
    page.click("#tabs button[data-view=network]")
    page.wait_for_selector("#network-chart path.edge")
    page.screenshot(path=str(ARTIFACTS / "network.png"))
    page.click("#tabs button[data-view=map]")
    page.wait_for_selector("#map-chart path.land")
    page.wait_for_selector("#map-chart circle.place")
    page.screenshot(path=str(ARTIFACTS / "map.png"))
    page.click("#tabs button[data-view=browse]")
    page.fill("#browse-form input[name=q]", "treaty")
    page.click("#browse-form button")
    page.wait_for_selector("#browse-quotes li:not(.empty)")
    page.locator("#browse-quotes li", has_text="progress").first.click()
    page.wait_for_selector("#evidence-text mark.hl-quote")
    assert "treaty" in page.inner_text("#evidence-text mark.hl-quote")
    assert page.inner_text("#evidence-text mark.hl-speaker") == "Mirzoyan"
    page.screenshot(path=str(ARTIFACTS / "browse-quote.png"))


def test_docs_page_is_swagger_ui_from_this_server(page, served):
    """/docs renders Swagger UI under the same Content-Security-Policy, with its files from node_modules."""
    response = page.goto(served + "/docs")
    assert response.headers["content-security-policy"].startswith("default-src 'none'")
    page.wait_for_selector("#swagger-ui .opblock-summary-path")
    paths = page.eval_on_selector_all("#swagger-ui .opblock-summary-path", "els => els.map(e => e.textContent)")
    assert "/api/events" in [p.replace("\u200b", "") for p in paths]
    page.screenshot(path=str(ARTIFACTS / "docs.png"))
