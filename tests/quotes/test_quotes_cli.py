"""`tripwire quotes PATH...`: a table or JSON of who said what, per article."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from tripwire.cli import app

runner = CliRunner()

TEXT = (
    "“We will not back down,” Prime Minister Jane Holm said on Monday.\n\n"
    "She added that the talks would continue.\n"
)


def test_json_lists_each_quote(tmp_path: Path) -> None:
    path = tmp_path / "statement.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = runner.invoke(app, ["quotes", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [(r["kind"], r["quote"], r["speaker"], r["cue"]) for r in rows] == [
        ("direct", "We will not back down", "Prime Minister Jane Holm", "said"),
        ("indirect", "that the talks would continue", "Prime Minister Jane Holm", "added"),
    ]
    assert len({r["article"] for r in rows}) == 1


def test_table_shows_speaker_and_quote(tmp_path: Path) -> None:
    path = tmp_path / "statement.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = runner.invoke(app, ["quotes", str(path)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "Prime Minister Jane Holm" in result.stdout
    assert "We will not back down" in result.stdout


def test_missing_path_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["quotes", str(tmp_path / "absent.txt")])
    assert result.exit_code != 0
    assert "no such file or directory" in result.output
