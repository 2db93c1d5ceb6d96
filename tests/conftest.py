"""Shared fixtures: paths to the evaluation data beside the checkout (skipped when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DATA = SHARED / "data"


@pytest.fixture
def shared_data() -> Path:
    if not DATA.is_dir():
        pytest.skip("../shared/data is absent")
    return DATA


@pytest.fixture
def seed_path() -> Path:
    path = SHARED / "seed" / "000_625acb549dbeadd0.txt"
    if not path.is_file():
        pytest.skip("../shared/seed is absent")
    return path
