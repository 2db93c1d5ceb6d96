"""The dashboard in headless Chromium: from an alert to its events to the highlighted sentence."""

from __future__ import annotations

from pathlib import Path

import httpx
from server_world import FixedSignals, open_dashboard, serving

from tripwire.server.app import create_app


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
        assert page.locator("#timeline-dyad").input_value() == "WMK->OST"
        _, event = follow_first_alert(page, url)
        assert event["id"] == "tanks:0"  # newest first
        assert selected_sentence(page) == "Westmark massed tanks along the border on Wednesday."
        assert page.locator("#article-heading").inner_text() == "Westmark masses tanks"
        assert page.locator("#event-detail dl").get_attribute("data-event") == "tanks:0"
        assert page.locator("#article-text .sp-trigger").first.inner_text() == "massed"
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
