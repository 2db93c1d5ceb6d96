"""Fixtures for the scale stage tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from scale_helpers import LocalSite, Page, news_site, warc_bytes

from tripwire.scale.fetch import FetchSettings


@pytest.fixture
def make_warc(tmp_path: Path) -> Callable[..., Path]:
    """Write pages to `name` (.warc or .warc.gz) under tmp_path and return its path."""

    def make(name: str, pages: list[Page]) -> Path:
        path = tmp_path / name
        path.write_bytes(warc_bytes(pages, gzip=name.endswith(".gz")))
        return path

    return make


MAX_BYTES = 20_000


@pytest.fixture
def site() -> Iterator[LocalSite]:
    """The local news site (see `news_site`), started for one test."""
    running = news_site(MAX_BYTES).start()
    yield running
    running.stop()


@pytest.fixture
def quick_settings() -> FetchSettings:
    """Fetcher settings for tests: short timeouts, one retry, and no waiting between requests."""
    return FetchSettings(timeout=0.5, retries=1, backoff=0.0, host_interval=0.0,
                         max_bytes=MAX_BYTES)
