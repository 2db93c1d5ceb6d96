"""The dashboard in headless Chromium: from an alert to its events to the highlighted sentence."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from server_world import FixedSignals, serving

from tripwire.server.app import create_app

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.is_file():
        pytest.skip("no Chromium at /usr/bin/chromium (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


def open_dashboard(browser: object, url: str, errors: list[str]):  # -> playwright Page
    page = browser.new_page(viewport={"width": 1400, "height": 1000})  # type: ignore[attr-defined]
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("request", lambda req: errors.append(f"off-site request {req.url}")
            if not req.url.startswith(url) else None)
    page.goto(url + "/")
    page.wait_for_selector("body[data-ready=true]", timeout=30_000)
    return page


def selected_sentence(page) -> str:
    return "".join(page.locator("#article-text .sel").all_text_contents())


def follow_first_alert(page, url: str) -> tuple[dict, dict]:
    """Click the first alert, then its first event; return the alert and the event (API)."""
    alert = httpx.get(url + "/api/alerts").json()["alerts"][0]
    page.locator(".alert").first.click()
    page.wait_for_function(
        "n => document.querySelectorAll('#events-table tbody tr').length === n",
        arg=min(len(alert["event_ids"]), 25))
    rows = page.locator("#events-table tbody tr")
    shown = [rows.nth(i).get_attribute("data-event") for i in range(rows.count())]
    assert sorted(shown) == sorted(alert["event_ids"])[:len(shown)]
    rows.first.click()
    event = httpx.get(url + f"/api/events/{shown[0]}").json()
    page.wait_for_function("() => document.querySelector('#article-text .sel') !== null")
    return alert, event


def test_alert_to_event_to_sentence(browser: object, hand_made_db: Path, tmp_path: Path) -> None:
    errors: list[str] = []
    with serving(create_app(hand_made_db, signals=FixedSignals())) as url:
        page = open_dashboard(browser, url, errors)
        alert_text = page.locator(".alert").first.inner_text()
        assert "WMK \u2192 OST" in alert_text
        assert "2 events" in alert_text
        assert page.locator("#timeline .main-svg").count() > 0  # plotly drew the timeline
        assert page.locator("#timeline-dyad").input_value() == "WMK-OST"
        _, event = follow_first_alert(page, url)
        assert event["id"] == "shelling:0"
        assert selected_sentence(page) == (
            "Westmark troops shelled the Ostland town of Kessel on Tuesday.")
        assert page.locator("#article-heading").inner_text() == "Westmark shells Kessel"
        assert page.locator("#event-detail dl").get_attribute("data-event") == "shelling:0"
        assert page.locator("#article-text .sp-trigger").first.inner_text() == "shelled"
        assert page.locator("#quotes details").count() == 2
        page.screenshot(path=str(tmp_path / "alert-to-sentence.png"), full_page=True)
        page.close()
    assert errors == []


def test_chart_point_leads_to_its_events(browser: object, hand_made_db: Path) -> None:
    errors: list[str] = []
    with serving(create_app(hand_made_db, signals=FixedSignals())) as url:
        page = open_dashboard(browser, url, errors)
        # what a click on the material-conflict bar of 2026-03-11 sends to the page
        page.evaluate("""() => document.getElementById('timeline').emit('plotly_click',
            {points: [{x: '2026-03-11', customdata: 'material_conflict'}]})""")
        page.wait_for_function(
            "() => document.querySelector('#events-summary').textContent.startsWith('2 events')")
        row = page.locator("#events-table tbody tr")
        # every report of that day and quad, the negated one too (its modality says so)
        assert [row.nth(i).get_attribute("data-event") for i in range(row.count())] == [
            "tanks:0", "tanks:1"]
        row.first.click()
        page.wait_for_function("() => document.querySelector('#article-text .sel') !== null")
        assert selected_sentence(page) == "Westmark massed tanks along the border on Wednesday."
        page.close()
    assert errors == []


def test_demo_dashboard_alert_to_sentence(browser: object, demo_db: Path, tmp_path: Path) -> None:
    errors: list[str] = []
    with serving(create_app(demo_db)) as url:
        page = open_dashboard(browser, url, errors)
        assert page.locator(".alert").count() >= 1
        alert, event = follow_first_alert(page, url)
        assert {alert["source"], alert["target"]} == {"XMR", "XVA"}
        assert event["id"] in alert["event_ids"]
        assert event["incident"] is not None and event["id"] in event["incident"]["event_ids"]
        assert selected_sentence(page) == event["sentence_text"]
        page.screenshot(path=str(tmp_path / "demo-alert-to-sentence.png"), full_page=True)
        page.close()
    assert errors == []
