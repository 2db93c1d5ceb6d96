"""Shared fixtures: paths to the evaluation data beside the checkout (skipped when absent)."""

from __future__ import annotations

import os
import subprocess
import sys
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


class CliResult:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    """Run `tripwire ARGS...` in-process through the real entry point; returns code/out/err."""
    from tripwire.cli import main

    def run(*args: str) -> CliResult:
        monkeypatch.setattr("sys.argv", ["tripwire", *args])
        code = 0
        try:
            main()
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo corpus analysed by the real `tripwire ingest`, once per session, in a subprocess
    so that the demo actor file does not leak into this process's registry."""
    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    paths = [str(REPO / "src"), *filter(None, [os.environ.get("PYTHONPATH")])]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}
    subprocess.run([sys.executable, "-m", "tripwire", "ingest", str(REPO / "demo"), "--db",
                    str(path), "--actors", str(REPO / "demo" / "actors.yaml"), "--quiet"],
                   check=True, env=env, cwd=REPO, timeout=900)
    return path
