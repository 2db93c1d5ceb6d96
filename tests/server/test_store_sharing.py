"""Read commands beside a running server: DuckDB lets one process write or several read, so a
server that writes nothing (no token) opens the file read-only and the CLI can read it too."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import httpx
from server_world import REPO, ServeProcess, cli_env

from tripwire.store import Store


def test_make_run_then_alerts_in_a_second_terminal(demo_db: Path) -> None:
    actors = str(REPO / "demo" / "actors.yaml")
    with ServeProcess(demo_db, "--actors", actors) as server:
        second = subprocess.run([sys.executable, "-m", "tripwire", "alerts", "--db",
                                 str(demo_db)], env=cli_env(), capture_output=True, text=True,
                                timeout=300)
        served = httpx.get(server.url + "/api/alerts").json()["alerts"]
    assert second.returncode == 0, second.stderr
    assert served and all(f"{a['source']}" in second.stdout for a in served)


def test_read_commands_while_the_dashboard_serves(run_cli, hand_made_db: Path,
                                                  tmp_path: Path) -> None:
    db = Path(shutil.copy(hand_made_db, tmp_path / "shared.duckdb"))  # no incidents built yet
    commands = [["alerts", "--format", "json"], ["stats", "--format", "json"],
                ["signals", "--dyad", "WMK-OST", "--format", "csv"],
                ["report", "--out", str(tmp_path / "report.html")],
                ["export", "--format", "csv"], ["export", "--format", "gdelt"],
                ["export", "--format", "plover"]]
    with ServeProcess(db) as server:
        results = [run_cli(*command, "--db", str(db)) for command in commands]
        served = httpx.get(server.url + "/api/events")
    for command, result in zip(commands, results, strict=True):
        assert result.code == 0, (command, result.err)
    assert served.json()["total"] == 5
    assert '"events": 5' in results[1].out
    assert (tmp_path / "report.html").stat().st_size > 0
    with Store(db, read_only=True) as store:  # the server built the incidents once, at start
        assert store.cursor().execute("SELECT count(*) FROM incident_events").fetchone() == (5,)


def test_a_read_beside_a_writing_server_says_what_to_do(run_cli, hand_made_db: Path,
                                                        tmp_path: Path) -> None:
    db = shutil.copy(hand_made_db, tmp_path / "written.duckdb")
    with ServeProcess(db, env=cli_env(TRIPWIRE_TOKEN="s3cret")):
        result = run_cli("alerts", "--db", str(db))
    assert result.code == 1
    assert "the database is in use by another process" in result.err
    assert "use its API" in result.err and "[E010]" in result.err


def test_a_write_beside_a_reading_server_says_what_to_do(run_cli, hand_made_db: Path,
                                                         tmp_path: Path) -> None:
    db = shutil.copy(hand_made_db, tmp_path / "read.duckdb")
    story = tmp_path / "story.txt"
    story.write_text("Ostland recalled its ambassador from Westmark on Sunday.\n")
    with ServeProcess(db):
        result = run_cli("ingest", str(story), "--db", str(db), "--published", "2026-03-15")
    assert result.code == 1
    assert "the database is in use by another process" in result.err
    assert "POST /api/ingest" in result.err
