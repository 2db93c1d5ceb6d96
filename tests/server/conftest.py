"""Fixtures of the server tests; the demo database is built once per session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from server_world import TOKEN, FixedSignals, build_hand_made, build_odd, serving

from tripwire.server.app import create_app


@pytest.fixture(scope="session")
def hand_made_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_hand_made(tmp_path_factory.mktemp("hand") / "hand.duckdb")


@pytest.fixture(scope="session")
def odd_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_odd(tmp_path_factory.mktemp("odd") / "odd.duckdb")


@pytest.fixture(scope="session")
def live(hand_made_db: Path) -> Iterator[str]:
    """The API over the hand-made database, ingest enabled with TOKEN, fixed signals."""
    with serving(create_app(hand_made_db, token=TOKEN, signals=FixedSignals())) as url:
        yield url


CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Headless Debian Chromium driven by Playwright (skipped where it is not installed)."""
    if not CHROMIUM.is_file():
        pytest.skip("no Chromium at /usr/bin/chromium (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()
