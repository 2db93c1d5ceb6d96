"""What the dashboard's event table asks of the API: any column's order, exports of the
filtered events, and dyads of any stored actor ids."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import httpx
import pytest
from server_world import ARMY, FixedSignals, serving

from tripwire.server.app import create_app
from tripwire.store.plover import plover_errors


def ids(url: str, **params: object) -> list[str]:
    response = httpx.get(url + "/api/events", params=params)
    assert response.status_code == 200, response.text
    return [e["id"] for e in response.json()["events"]]


def test_events_sort_by_any_column(live: str) -> None:
    assert ids(live, sort="-date") == ["tanks:0", "tanks:1", "shelling:0", "shelling:1",
                                       "talks:0"]
    assert ids(live, sort="date") == ["talks:0", "shelling:0", "shelling:1", "tanks:0",
                                      "tanks:1"]
    # ties are broken newest first, then by id
    assert ids(live, sort="type") == ["shelling:1", "tanks:1", "shelling:0", "talks:0",
                                      "tanks:0"]
    assert ids(live, sort="-type")[:2] == ["tanks:0", "talks:0"]
    assert ids(live, sort="source") == ["shelling:1", "talks:0", "tanks:0", "tanks:1",
                                        "shelling:0"]
    assert ids(live, sort="-modality")[0] == "tanks:1"  # negated
    assert ids(live, sort="sentence", page_size=1) == ["shelling:1"]  # "Ostland accused ..."


def test_export_csv_of_the_filtered_events(live: str) -> None:
    response = httpx.get(live + "/api/export/events", params={"dyad": "WMK-OST",
                                                              "format": "csv"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    assert 'filename="tripwire-events.csv"' in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [r["id"] for r in rows] == ["shelling:0", "tanks:0", "tanks:1"]
    assert rows[0]["sentence_text"] == (
        "Westmark troops shelled the Ostland town of Kessel on Tuesday.")
    none = httpx.get(live + "/api/export/events", params={"q": "no such words"})
    assert none.text.splitlines()[0].startswith("id,")  # the header even when nothing matches
    assert len(none.text.splitlines()) == 1


def test_export_plover_of_the_filtered_events(live: str) -> None:
    response = httpx.get(live + "/api/export/events", params={"format": "plover",
                                                              "modality": "asserted",
                                                              "actor": "OST"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/x-ndjson")
    records = [json.loads(line) for line in response.text.splitlines()]
    assert [r["id"] for r in records] == ["talks:0", "shelling:0", "shelling:1", "tanks:0"]
    assert all(plover_errors(r) == [] for r in records)
    bad = httpx.get(live + "/api/export/events", params={"dyad": "WMK-nowhere"})
    assert bad.status_code == 422


@pytest.fixture(scope="module")
def odd_url(odd_db: Path):
    with serving(create_app(odd_db, signals=FixedSignals())) as url:
        yield url


def test_every_network_pair_is_a_dyad_the_api_takes(odd_url: str) -> None:
    edges = httpx.get(odd_url + "/api/network").json()["edges"]
    assert [(e["source"], e["target"]) for e in edges] == [(ARMY, "OST")]
    for edge in edges:  # as the dashboard writes them
        dyad = f"{edge['source']}->{edge['target']}"
        signals = httpx.get(odd_url + "/api/signals", params={"dyad": dyad})
        assert signals.status_code == 200, signals.text
        assert len(ids(odd_url, dyad=dyad)) == edge["events"]
    # a hyphenated id with a hyphen between: read when only one split names stored actors
    assert len(ids(odd_url, dyad=f"{ARMY}-OST")) == 5
    assert len(ids(odd_url, dyad="Westmark Army->Ostland")) == 5  # names, as the CLI takes
