"""The API over the real signals stage: spans of centuries are refused with a 422, the default
span is the articles', and alerts carry their level, detectors and numbers."""

from __future__ import annotations

import shutil
from pathlib import Path

import httpx
from server_world import serving

from tripwire.server.app import create_app


def test_a_span_of_centuries_is_a_422(hand_made_db: Path, tmp_path: Path) -> None:
    copy = shutil.copy(hand_made_db, tmp_path / "copy.duckdb")
    with serving(create_app(copy)) as url:
        for params in ({"dyad": "WMK-OST", "from": "0001-01-01", "to": "9999-12-31"},
                       {"actor": "OST", "from": "0001-01-01"},
                       {"dyad": "WMK-OST", "from": "1900-01-01", "by": "week"}):
            answer = httpx.get(url + "/api/signals", params=params, timeout=60)
            assert answer.status_code == 422, params
            assert "signals cover at most 3,660 days" in answer.json()["message"]
        bounded = httpx.get(url + "/api/signals", params={"dyad": "WMK-OST"}, timeout=60)
        assert bounded.status_code == 200
        days = [p["period"] for p in bounded.json()["series"]]
        assert days and days[0] >= "2026-02-01" and days[-1] <= "2026-03-31"
        alerts = httpx.get(url + "/api/alerts", timeout=60)
        assert alerts.status_code == 200 and alerts.json()["note"] is None
