"""`tripwire serve`: refuses a missing database, and serves the API when started for real."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from server_world import REPO


def test_serve_refuses_a_missing_database(run_cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("TRIPWIRE_TOKEN", raising=False)
    result = run_cli("serve", "--db", str(tmp_path / "none.duckdb"))
    assert result.code == 1
    assert "database does not exist; run `tripwire ingest` first" in result.err
    assert "[E010]" in result.err
    assert not (tmp_path / "none.duckdb").exists()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_serve_starts_uvicorn(hand_made_db: Path, tmp_path: Path) -> None:
    copy = shutil.copy(hand_made_db, tmp_path / "copy.duckdb")
    port = free_port()
    paths = [str(REPO / "src"), *filter(None, [os.environ.get("PYTHONPATH")])]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}
    env.pop("TRIPWIRE_TOKEN", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "tripwire", "serve", "--db", str(copy), "--port", str(port)],
        env=env, stderr=subprocess.PIPE, text=True)
    try:
        body = None
        for _ in range(600):
            try:
                body = httpx.get(f"http://127.0.0.1:{port}/api/events").json()
                break
            except httpx.TransportError:
                assert process.poll() is None, process.stderr.read() if process.stderr else ""
                time.sleep(0.1)
        assert body is not None and body["total"] == 5
    finally:
        process.terminate()
        _, err = process.communicate(timeout=30)
    assert f"tripwire dashboard on http://127.0.0.1:{port}/" in err
    assert "ingest disabled" in err
