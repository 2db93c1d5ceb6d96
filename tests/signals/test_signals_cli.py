"""The `signals`, `alerts`, `report` and `incidents` commands, on a store of invented reports."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from signal_reports import Ev, day, report
from typer.testing import CliRunner

from tripwire.cli import app
from tripwire.errors import TripwireError
from tripwire.signals.report import render_report
from tripwire.store import Store

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> str:
    """Thirty cooperative days, then ten days of attacks, between two invented states."""
    path = tmp_path / "cli.duckdb"
    docs = []
    for d in range(40):
        kinds = ["CONSULT", "AGREE"] if d < 30 else ["ASSAULT", "MOBILIZE"]
        docs.append(report(f"r{d}", day("2026-08-01", d),
                           [Ev(k, date=day("2026-08-01", d), location=f"town{d % 3}")
                            for k in kinds]))
    with Store(path) as store:
        store.ingest(docs)
    return str(path)


def _run(*args: str) -> str:
    result = runner.invoke(app, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert result.exit_code == 0, result.output
    return result.stdout


def test_signals_csv_and_json(db: str) -> None:
    text = _run("signals", "--dyad", "MAR-VAL", "--from", "2026-08-30", "--to", "2026-09-01",
                "--format", "csv", "--db", db)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["period"] for r in rows] == ["2026-08-30", "2026-08-31", "2026-09-01"]
    assert [r["ASSAULT"] for r in rows] == ["0", "1", "1"]
    assert rows[1]["coverage"] == "1"
    records = json.loads(_run("signals", "--actor", "marovia", "--by", "week", "--format",
                              "json", "--db", db))
    assert records[0]["period"] == "2026-07-27"
    assert sum(r["incidents"] for r in records) == 80


def test_signals_table(db: str) -> None:
    text = _run("signals", "--dyad", "VAL->MAR", "--undirected", "--by", "week", "--db", db)
    assert "VAL -> MAR" in text and "2026-09-07" in text


def test_alerts_json_and_table(db: str) -> None:
    found = json.loads(_run("alerts", "--format", "json", "--db", db))
    assert [(a["source"], a["target"], a["start"]) for a in found] == [("MAR", "VAL", "2026-08-31")]
    assert len(found[0]["event_ids"]) == 20
    assert found[0]["level"] == "alarm" and "ladder" in found[0]["detectors"]
    assert json.loads(_run("alerts", "--format", "json", "--min-incidents", "100", "--db",
                           db)) == []
    assert json.loads(_run("alerts", "--format", "json", "--min-articles", "50", "--db",
                           db)) == []
    table = _run("alerts", "--min-level", "warning", "--db", db)
    assert "MAR<->VAL" in table and "2026-08-31" in table and "alarm" in table
    assert '"Marovia hit Valdoria (r30 0)." (Wire, 2026-08-31)' in table


def test_report_is_one_self_contained_file(db: str, tmp_path: Path) -> None:
    out = tmp_path / "out" / "report.html"
    _run("report", "--out", str(out), "--db", db)
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<script src=" not in page and "plotly.js v" in page
    assert "alarm</span> Marovia &harr; Valdoria: 2026-08-31 to 2026-09-09" in page
    assert "ladder: " in page and "first reached: watch 2026-" in page
    assert "<blockquote>Marovia hit Valdoria (r30 0).</blockquote>" in page


def test_report_on_an_empty_store(tmp_path: Path) -> None:
    with Store(tmp_path / "empty.duckdb") as store:
        page = render_report(store)
    assert "No alerts" in page and "No incidents" in page and "0 articles" in page


def test_incidents_command_rebuilds(db: str) -> None:
    result = runner.invoke(app, ["incidents", "--window-days", "0", "--rebuild", "--db", db])
    assert result.exit_code == 0 and "80 incidents" in result.stderr


@pytest.mark.parametrize(("args", "code"), [
    (["signals", "--db", "missing.duckdb"], "E010"),
    (["alerts", "--db", "missing.duckdb"], "E010"),
    (["signals", "--dyad", "MAR", "--db", "{db}"], "E008"),
    (["signals", "--dyad", "MAR-Atlantis", "--db", "{db}"], "E008"),
    (["signals", "--from", "someday", "--db", "{db}"], "E006"),
    (["report", "--out", "/proc/no/report.html", "--db", "{db}"], "E040"),
])
def test_bad_input_is_a_clear_error(db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    args: list[str], code: str) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, [a.format(db=db) for a in args])
    assert isinstance(result.exception, TripwireError)
    assert result.exception.code == code
