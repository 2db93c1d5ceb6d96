"""Errors by kind: every code is in the enum, the catalogue and the docs, and callers can catch
an error by its kind."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import pytest

from tripwire.errors import (
    ERROR_CODES,
    BadInputError,
    BadRecord,
    ConfigurationError,
    ErrorCode,
    StoreError,
    TripwireError,
    kind_of,
)

REPO = Path(__file__).resolve().parents[1]


def test_every_code_is_described_and_documented_with_its_kind() -> None:
    assert set(ERROR_CODES) == set(ErrorCode)
    docs = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `(E\d{3})` \| `(\w+)` \| .+ \|$", docs, re.MULTILINE))
    assert rows == {code.value: kind_of(code).__name__ for code in ErrorCode}
    for code in ErrorCode:
        assert f"| `{code.value}` | `{kind_of(code).__name__}` | {ERROR_CODES[code]} |" in docs


def test_every_code_raised_in_the_package_is_in_the_enum() -> None:
    used = set()
    for path in (REPO / "src" / "tripwire").rglob("*.py"):
        used.update(re.findall(r"\"(E\d{3})\"", path.read_text(encoding="utf-8")))
    assert used - {code.value for code in ErrorCode} == set()


def test_an_error_is_raised_as_its_code_s_kind() -> None:
    with pytest.raises(StoreError) as caught:
        raise TripwireError("E010", "cannot open the database", "x.duckdb")
    assert (caught.value.code, caught.value.render()) == (
        "E010", "x.duckdb: cannot open the database [E010]")
    assert isinstance(TripwireError("E009", "bad key"), ConfigurationError)
    assert isinstance(TripwireError("E006", "bad date"), BadInputError)
    assert type(TripwireError("E011", "analysis failed")) is TripwireError
    assert isinstance(BadRecord("E005", "invalid JSON", "a.jsonl:3"), BadInputError)


def test_an_error_keeps_its_kind_across_processes() -> None:
    error = TripwireError("E010", "locked", "x.duckdb")
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is StoreError
    assert (copy.code, copy.message, copy.where) == ("E010", "locked", "x.duckdb")


def test_an_unknown_code_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="E999"):
        TripwireError("E999", "nothing")
