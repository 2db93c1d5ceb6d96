"""Ctrl-C during an ingest with worker processes: one line saying what was stored, exit 130, no
traceback from the workers, and a rerun completes the work."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import duckdb
import pytest

from tripwire.store import interrupted

REPO = Path(__file__).resolve().parents[2]


def test_ctrl_c_says_what_was_stored_and_exits_130(tmp_path: Path) -> None:
    source = tmp_path / "many.jsonl"
    source.write_text("".join(
        json.dumps({"id": f"r{n}", "published": "2026-09-01",
                    "text": f"Report {n}: Valdoria and Marovia exchanged notes about crossing {n}."})
        + "\n" for n in range(400)), encoding="utf-8")
    db = tmp_path / "int.duckdb"
    command = [sys.executable, "-m", "tripwire", "ingest", str(source), "--db", str(db),
               "--workers", "2", "--batch-size", "5"]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(REPO / "src"), *filter(None, [os.environ.get("PYTHONPATH")])])}
    # A session of its own, so that SIGINT reaches the whole group as a terminal's Ctrl-C does.
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True, env=env, start_new_session=True)
    assert process.stderr is not None
    first = process.stderr.readline()  # stderr is not a terminal: a line every 100 articles
    running = process.poll() is None
    if running:
        os.killpg(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=120)
    assert first.startswith("progress: "), first + err
    assert running, "ingest finished before it could be interrupted; make the input larger"
    assert process.returncode == 130, err
    lines = err.strip().splitlines()
    assert lines[-1].startswith("interrupted: ") and "Traceback" not in err, err
    assert all(line.startswith("progress: ") for line in lines[:-1]), err
    assert lines[-1].endswith(" stored, rerun to continue")
    said = int(lines[-1].split()[1])
    assert said > 0
    with duckdb.connect(str(db)) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == said
    rerun = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    with duckdb.connect(str(db)) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 400


def test_a_ctrl_c_that_duckdb_took_is_still_a_ctrl_c() -> None:
    """DuckDB takes a Ctrl-C that lands while a query runs and raises its own error instead of
    KeyboardInterrupt; the CLI must still stop as for a Ctrl-C (exit 130, the batch kept)."""
    con = duckdb.connect()
    threading.Timer(0.2, con.interrupt).start()
    with pytest.raises(duckdb.InterruptException) as caught:
        con.execute("SELECT count(*) FROM range(10000000000) t(x) WHERE x % 7 = 3").fetchall()
    assert interrupted(caught.value)
    assert interrupted(RuntimeError("Query interrupted"))  # the form a SIGINT takes
    assert interrupted(KeyboardInterrupt())
    assert not interrupted(RuntimeError("Catalog Error: Table with name t does not exist"))
