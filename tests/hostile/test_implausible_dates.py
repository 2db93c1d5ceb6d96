"""Publication dates that cannot be right (0001-01-01, 9999-12-31, before 1900, weeks ahead) are
refused at ingest with the record named: skipped and reported in a batch, fatal with --strict."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tripwire.analyze import analyze
from tripwire.errors import BadRecord

TEXT = "Valdoria and Marovia held talks in Corvo on Monday."


def weeks_ahead() -> str:
    return (dt.date.today() + dt.timedelta(days=30)).isoformat()


@pytest.fixture
def dated(tmp_path: Path) -> Path:
    dates = ["2026-09-01", "0001-01-01", "9999-12-31", "1850-05-01", weeks_ahead()]
    path = tmp_path / "dated.jsonl"
    path.write_text("".join(json.dumps({"id": f"d{n}", "text": f"{TEXT} ({n})", "published": d})
                            + "\n" for n, d in enumerate(dates)), encoding="utf-8")
    return path


def test_implausible_dates_are_skipped_and_named(run_cli, dated: Path, tmp_path: Path) -> None:
    result = run_cli("ingest", str(dated), "--db", str(tmp_path / "t.duckdb"))
    assert result.code == 0, result.err
    for line, date in ((2, "0001-01-01"), (3, "9999-12-31"), (4, "1850-05-01"),
                       (5, weeks_ahead())):
        assert f"skipped: {dated}:{line}: implausible publication date {date}" in result.err
    assert result.err.count("[E013]") == 4
    assert "stored 1 new article," in result.err


def test_strict_stops_at_the_first_implausible_date(run_cli, dated: Path,
                                                    tmp_path: Path) -> None:
    result = run_cli("ingest", str(dated), "--db", str(tmp_path / "t.duckdb"), "--strict")
    assert result.code == 1
    assert f"error: {dated}:2: implausible publication date 0001-01-01" in result.err


def test_an_implausible_published_option_is_refused_before_reading(run_cli,
                                                                   tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text(TEXT, encoding="utf-8")
    result = run_cli("analyze", str(source), "--published", "9999-12-31")
    assert result.code == 1
    assert "--published: implausible publication date 9999-12-31" in result.err
    assert result.out == ""


def test_the_library_refuses_an_implausible_date_too() -> None:
    with pytest.raises(BadRecord) as refused:
        analyze(TEXT, published="0001-01-01")
    assert refused.value.code == "E013"


def test_plausible_edges_are_accepted() -> None:
    assert analyze(TEXT, published="1900-01-01").published == "1900-01-01"
    today = dt.date.today().isoformat()
    assert analyze(TEXT, published=today).published == today


def test_a_month_or_a_year_is_judged_by_its_first_day() -> None:
    from tripwire.dates import is_plausible_published

    assert is_plausible_published("2016-03") and is_plausible_published("2016")
    assert not is_plausible_published("1899-12") and not is_plausible_published("9999")
