"""The dashboard under stress, in headless Chromium: odd ids, errors, sorting, exports, names,
loading, a narrow screen and URLs that are not web addresses."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from server_world import ARMY, ODD_IDS, FixedSignals, open_dashboard, serving

from tripwire.server.app import create_app


@pytest.fixture(scope="module")
def odd_url(odd_db: Path) -> Iterator[str]:
    with serving(create_app(odd_db, signals=FixedSignals(alerts=[]))) as url:
        yield url


@pytest.fixture(scope="module")
def hand_url(hand_made_db: Path) -> Iterator[str]:
    with serving(create_app(hand_made_db, signals=FixedSignals())) as url:
        yield url


def rows(page: Any) -> list[str]:
    found = page.locator("#events-table tbody tr")
    return [found.nth(i).get_attribute("data-event") for i in range(found.count())]


def api_ids(url: str, **params: object) -> list[str]:
    return [e["id"] for e in httpx.get(url + "/api/events", params=params).json()["events"]]


def test_every_odd_id_opens_from_the_table(browser: Any, odd_url: str) -> None:
    errors: list[str] = []
    page = open_dashboard(browser, odd_url, errors)
    assert sorted(rows(page)) == sorted(f"{i}:0" for i in ODD_IDS)
    for day, article_id in enumerate(ODD_IDS, start=1):
        page.locator(f'#events-table tbody tr[data-event="{article_id}:0"]').click()
        page.wait_for_function("t => document.querySelector('#article-heading').textContent === t",
                               arg=f"Kessel shelled, day {day}")
        assert "".join(page.locator("#article-text .sel").all_text_contents()) == (
            f"The Westmark Army shelled Kessel on March {day}.")
        links = page.locator("#article-meta a")
        if article_id == ODD_IDS[-1]:  # its URL is javascript:alert(1)
            assert links.count() == 0
        else:
            assert links.get_attribute("href") == f"https://wire.invalid/{article_id}"
    assert not page.locator("#error").is_visible()
    page.close()
    assert errors == []


def test_every_offered_dyad_is_one_the_api_takes(browser: Any, odd_url: str) -> None:
    errors: list[str] = []
    page = open_dashboard(browser, odd_url, errors)
    select = page.locator("#timeline-dyad option")
    offered = [select.nth(i).get_attribute("value") for i in range(select.count())]
    assert offered == [f"{ARMY}->OST"]
    assert select.first.inner_text() == "Westmark Army \u2192 Ostland"
    for value in offered:
        assert httpx.get(odd_url + "/api/signals", params={"dyad": value}).status_code == 200
    page.locator("#timeline-dyad").select_option(offered[0])
    page.wait_for_selector("#timeline .main-svg")
    assert not page.locator("#error").is_visible()
    page.close()
    assert errors == []


def test_a_bad_dyad_filter_shows_the_error_and_clears_the_table(browser: Any,
                                                                hand_url: str) -> None:
    errors: list[str] = []
    page = open_dashboard(browser, hand_url, errors)
    assert len(rows(page)) == 5
    page.fill("#filters input[name=dyad]", "WMK-nowhere")
    page.click("#filters button[type=submit]")
    page.wait_for_selector("#error", state="visible")
    assert "bad dyad 'WMK-nowhere'" in page.locator("#error-text").inner_text()
    assert rows(page) == []
    assert page.locator("#events-summary").inner_text().startswith("no events: bad dyad")
    assert page.locator("#export-csv").get_attribute("href") is None
    page.fill("#filters input[name=dyad]", "WMK->OST")
    page.click("#filters button[type=submit]")
    page.wait_for_selector("#error", state="hidden")
    assert rows(page) == api_ids(hand_url, dyad="WMK->OST", sort="-date")
    page.close()


@pytest.mark.parametrize(("failure", "shown"), [
    ("status", "quotes: the quotes store is broken"),
    ("network", "quotes: the server cannot be reached"),
])
def test_a_failed_request_is_shown_in_the_page(browser: Any, hand_url: str, failure: str,
                                               shown: str) -> None:
    page = browser.new_page()

    def fail(route: Any) -> None:
        if failure == "status":
            route.fulfill(status=500, json={"message": "the quotes store is broken"})
        else:
            route.abort()

    page.route("**/api/quotes*", fail)
    page.goto(hand_url + "/")
    page.wait_for_selector("body[data-ready=true]")
    assert page.locator("#error").is_visible()
    assert page.locator("#error-text").inner_text().startswith(shown)
    assert len(rows(page)) == 5  # the rest of the page still works
    page.click("#error-close")
    assert not page.locator("#error").is_visible()
    page.close()


def test_the_table_sorts_newest_first_and_by_any_column(browser: Any, hand_url: str) -> None:
    errors: list[str] = []
    page = open_dashboard(browser, hand_url, errors)
    assert rows(page) == api_ids(hand_url, sort="-date")
    assert rows(page)[0] == "tanks:0"
    assert page.locator("th[data-sort=date]").get_attribute("aria-sort") == "descending"
    for column in ("type", "source", "target", "modality", "sentence", "date"):
        first = api_ids(hand_url, sort="-date" if column == "date" else column)
        page.click(f"th[data-sort={column}] button")
        page.wait_for_function("ids => [...document.querySelectorAll('#events-table tbody tr')]"
                               ".map(r => r.dataset.event).join() === ids.join()", arg=first)
        again = api_ids(hand_url, sort="date" if column == "date" else f"-{column}")
        page.click(f"th[data-sort={column}] button")
        page.wait_for_function("ids => [...document.querySelectorAll('#events-table tbody tr')]"
                               ".map(r => r.dataset.event).join() === ids.join()", arg=again)
        assert page.locator(f"th[data-sort={column}]").get_attribute("aria-sort") == (
            "ascending" if column == "date" else "descending")
    page.close()
    assert errors == []


def test_export_links_give_the_filtered_events(browser: Any, hand_url: str) -> None:
    errors: list[str] = []
    page = open_dashboard(browser, hand_url, errors)
    page.fill("#filters input[name=dyad]", "WMK->OST")
    page.select_option("#filters select[name=modality]", "asserted")
    page.click("#filters button[type=submit]")
    page.wait_for_function("() => document.querySelector('#events-summary').textContent"
                           ".startsWith('2 events')")
    csv_href = page.locator("#export-csv").get_attribute("href")
    plover_href = page.locator("#export-plover").get_attribute("href")
    exported = list(csv.DictReader(io.StringIO(httpx.get(csv_href).text)))
    assert [r["id"] for r in exported] == ["shelling:0", "tanks:0"]
    plover = httpx.get(plover_href)
    assert plover.headers["content-type"].startswith("application/x-ndjson")
    assert len(plover.text.splitlines()) == 2
    with page.expect_download() as download:
        page.click("#export-csv")
    assert download.value.suggested_filename == "tripwire-events.csv"
    page.close()
    assert errors == []


def test_the_network_names_actors(browser: Any, hand_url: str) -> None:
    errors: list[str] = []
    page = open_dashboard(browser, hand_url, errors)
    labels = set(page.locator("#network svg text").all_text_contents())
    assert {"Ostland", "Westmark"} <= labels
    assert not {"OST", "WMK"} & labels
    page.close()
    assert errors == []


def test_a_loading_indicator_shows_while_requests_run(browser: Any, hand_url: str) -> None:
    errors: list[str] = []
    page = open_dashboard(browser, hand_url, errors)
    assert not page.locator("#loading").is_visible()
    during, after = page.evaluate("""() => {
        const pending = loadEvents();
        const during = !document.getElementById('loading').hidden;
        return pending.then(() => [during, !document.getElementById('loading').hidden]);
    }""")
    assert (during, after) == (True, False)
    page.close()
    assert errors == []


def test_usable_at_420_px(browser: Any, hand_url: str, tmp_path: Path) -> None:
    errors: list[str] = []
    page = open_dashboard(browser, hand_url, errors, width=420, height=900)
    # nothing but the event table's own scroller is wider than the screen
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 420
    for selector in ("#alert-list", "#filters", "#events-table", "#timeline", "#network"):
        box = page.locator(selector).bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 420, selector
    page.locator(".alert").first.click()
    page.wait_for_function("() => document.querySelectorAll('#events-table tbody tr').length")
    page.locator("#events-table tbody tr").first.click()
    page.wait_for_function("() => document.querySelector('#article-text .sel') !== null")
    page.screenshot(path=str(tmp_path / "dashboard-420.png"), full_page=True)
    page.close()
    assert errors == []
