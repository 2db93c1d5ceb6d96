"""`tripwire times`: one line (or JSON object) per expression; bad options exit 2."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from tripwire.cli import app

runner = CliRunner()


def test_times_prints_values_against_the_publication_date() -> None:
    result = runner.invoke(
        app, ["times", "The envoys meet next Wednesday.", "--published", "2022-01-07"]
    )
    assert result.exit_code == 0
    assert result.output.strip() == "next Wednesday\tDATE\t2022-01-12\t2022-01-12..2022-01-12"


def test_times_json() -> None:
    result = runner.invoke(
        app, ["times", "Talks lasted 2.5 years.", "--published", "2022-01-07", "--format", "json"]
    )
    assert result.exit_code == 0
    row = json.loads(result.output)
    assert (row["text"], row["type"], row["value"]) == ("2.5 years", "DURATION", "P2.5Y")


def test_times_rejects_a_bad_date_order() -> None:
    result = runner.invoke(app, ["times", "Talks resume next week.", "--date-order", "XYZ"])
    assert result.exit_code == 2
    assert "E008" in result.output
