"""A fresh store for each signals test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tripwire.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "signals.duckdb") as opened:
        yield opened
