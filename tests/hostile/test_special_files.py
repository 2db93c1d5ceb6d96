"""Inputs that are not regular files (a FIFO, a device, a socket) are refused at once instead of
hanging, and a one-article file far over the size cap is refused from its size, unread."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tripwire.ingest import iter_articles
from tripwire.ingest.readers import MAX_ARTICLE_CHARS

REPO = Path(__file__).resolve().parents[2]


def tripwire(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """The real command in a child process, so that a hang fails the test instead of stalling it."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(REPO / "src"), *filter(None, [os.environ.get("PYTHONPATH")])])}
    return subprocess.run([sys.executable, "-m", "tripwire", *args], input=stdin, text=True,
                          capture_output=True, timeout=120, env=env, cwd=REPO)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_a_fifo_is_refused_instead_of_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "in.txt"
    os.mkfifo(fifo)
    result = tripwire("analyze", str(fifo))
    assert result.returncode == 1
    assert f"skipped: {fifo}: not a regular file but a FIFO" in result.stderr
    assert "no article could be processed [E003]" in result.stderr


def test_a_device_and_a_socket_are_refused() -> None:
    with tempfile.TemporaryDirectory(dir="/tmp") as folder:  # short: socket paths are limited
        path = Path(folder) / "s.txt"
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(path))
        try:
            items = list(iter_articles([str(path), os.devnull]))
        finally:
            server.close()
    assert [(i.code, i.where) for i in items] == [("E004", str(path)), ("E004", os.devnull)]
    assert "a socket" in items[0].message and "a character device" in items[1].message


def test_stdin_still_reads_piped_input() -> None:
    result = tripwire("analyze", "-", "--published", "2026-09-01", "--quiet",
                      stdin="Valdoria and Marovia held talks in Corvo on Monday.")
    assert result.returncode == 0, result.stderr
    assert '"text": "Valdoria and Marovia held talks in Corvo on Monday."' in result.stdout


def test_an_oversized_file_is_refused_from_its_size_without_reading_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(200_000_000)  # sparse: no disk used
    read: list[Path] = []
    original = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: read.append(self) or original(self))
    (item,) = list(iter_articles([str(big)]))
    assert (item.code, item.where) == ("E007", str(big))
    assert "file is 200,000,000 bytes" in item.message
    assert f"{MAX_ARTICLE_CHARS:,} characters" in item.message
    assert read == []
