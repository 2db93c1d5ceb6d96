"""Fixtures of the server tests; the demo database is built once per session."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from server_world import REPO, TOKEN, FixedSignals, build_hand_made, serving

from tripwire.server.app import create_app


@pytest.fixture(scope="session")
def hand_made_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_hand_made(tmp_path_factory.mktemp("hand") / "hand.duckdb")


@pytest.fixture(scope="session")
def live(hand_made_db: Path) -> Iterator[str]:
    """The API over the hand-made database, ingest enabled with TOKEN, fixed signals."""
    with serving(create_app(hand_made_db, token=TOKEN, signals=FixedSignals())) as url:
        yield url


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo corpus analysed by the real pipeline, once per session (in a subprocess, so the
    demo actor file does not leak into this process's registry)."""
    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    paths = [str(REPO / "src"), *filter(None, [os.environ.get("PYTHONPATH")])]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}
    subprocess.run([sys.executable, "-m", "tripwire", "ingest", str(REPO / "demo"), "--db",
                    str(path), "--actors", str(REPO / "demo" / "actors.yaml"), "--quiet"],
                   check=True, env=env, cwd=REPO, timeout=600)
    return path
