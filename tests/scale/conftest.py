"""Fixtures for the scale stage tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from scale_helpers import Page, warc_bytes


@pytest.fixture
def make_warc(tmp_path: Path) -> Callable[..., Path]:
    """Write pages to `name` (.warc or .warc.gz) under tmp_path and return its path."""

    def make(name: str, pages: list[Page]) -> Path:
        path = tmp_path / name
        path.write_bytes(warc_bytes(pages, gzip=name.endswith(".gz")))
        return path

    return make
