"""What a new user reads: --version, help with PATH and FILE, counts in plain English, progress
lines when stderr is a log, and a note when a file is not UTF-8 and its encoding was guessed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import tripwire
import tripwire.runs

FRENCH = "Le ministre a déclaré que la frontière était fermée."


def test_version(run_cli) -> None:
    result = run_cli("--version")
    assert result.code == 0
    assert result.out.strip() == f"tripwire {tripwire.__version__} (schema {tripwire.SCHEMA})"


@pytest.mark.parametrize("command", ["analyze", "ingest"])
def test_help_names_paths_and_files_not_python_types(run_cli, monkeypatch: pytest.MonkeyPatch,
                                                     command: str) -> None:
    monkeypatch.setenv("COLUMNS", "160")
    result = run_cli(command, "--help")
    assert result.code == 0
    assert "{PATH}..." in result.out
    assert "list[Path]" not in result.out
    assert "--actors             FILE" in result.out or "--actors              FILE" in result.out
    assert "[env TRIPWIRE_ACTORS]" in result.out


def test_db_help_shows_its_environment_variable(run_cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "160")
    assert "DuckDB file [env TRIPWIRE_DB]." in run_cli("stats", "--help").out


def test_counts_read_as_english() -> None:
    from tripwire.render import counted

    assert [counted(n, "alert") for n in (0, 1, 2)] == ["0 alerts", "1 alert", "2 alerts"]
    assert counted(1, "new article") == "1 new article"


def test_one_article_is_singular_in_the_summary(run_cli, tmp_path: Path) -> None:
    source = tmp_path / "one.txt"
    source.write_text("Valdoria recalled its ambassador from Marovia.", encoding="utf-8")
    result = run_cli("ingest", str(source), "--db", str(tmp_path / "t.duckdb"),
                     "--published", "2026-09-01")
    assert "ingested: 1 article, 1 event, 0 skipped" in result.err
    assert "stored 1 new article, 0 already stored" in result.err


def test_progress_lines_when_stderr_is_not_a_terminal(run_cli, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tripwire.runs, "PROGRESS_ARTICLES", 2)
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"text": f"Talks resumed in Corvo ({n})."}) + "\n"
                              for n in range(5)), encoding="utf-8")
    result = run_cli("analyze", str(source), "--published", "2026-09-01")
    progress = [line for line in result.err.splitlines() if line.startswith("progress: ")]
    assert len(progress) >= 2
    assert progress[0].startswith("progress: 2 articles, ")
    quiet = run_cli("analyze", str(source), "--published", "2026-09-01", "--quiet")
    assert "progress: " not in quiet.err


def test_a_legacy_encoded_file_is_read_with_a_note_of_the_encoding(run_cli,
                                                                   tmp_path: Path) -> None:
    source = tmp_path / "latin.txt"
    source.write_bytes(FRENCH.encode("latin-1"))
    result = run_cli("analyze", str(source), "--published", "2026-09-01", "--quiet")
    assert result.code == 0, result.err
    assert json.loads(result.out)["text"] == FRENCH
    assert (f"note: {source}: not valid UTF-8 (at byte offset 15); decoded as cp1252, the encoding "
            "guessed") in result.err
