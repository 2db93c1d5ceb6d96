"""`tripwire actors resolve` and `tripwire actors list`."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from tripwire.cli import app

runner = CliRunner()


def test_resolve_json() -> None:
    result = runner.invoke(app, ["actors", "resolve", "Russian troops", "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert {k: data[k] for k in ("text", "actor", "kind", "country", "sector")} == {
        "text": "Russian troops", "actor": "RUS", "kind": "state", "country": "RUS", "sector": "MIL"}


def test_resolve_with_date() -> None:
    result = runner.invoke(app, ["actors", "resolve", "the US secretary of state", "--date",
                                 "2006-01-01", "--format", "json"])
    assert json.loads(result.stdout)["actor"] == "person:condoleezza-rice"


def test_list_by_kind() -> None:
    result = runner.invoke(app, ["actors", "list", "--kind", "igo"])
    assert result.exit_code == 0
    ids = {line.split("\t")[0] for line in result.stdout.splitlines()}
    assert {"NATO", "EU", "UN", "OSCE", "AU"} <= ids
    assert "RUS" not in ids


def test_errors_are_one_line_without_traceback() -> None:
    for args, code in ((["actors", "resolve", ""], "E004"),
                       (["actors", "list", "--kind", "planet"], "E008"),
                       (["actors", "resolve", "x", "--date", "2020-13-01"], "E006")):
        result = runner.invoke(app, args)
        assert result.exit_code == 2
        assert f"[{code}]" in result.output
        assert "Traceback" not in result.output


def test_bad_actor_file_is_a_clear_error(tmp_path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("actors:\n  - {id: X, kind: state}\n", encoding="utf-8")
    result = runner.invoke(app, ["actors", "resolve", "France", "--actors", str(path)])
    assert result.exit_code == 2
    assert f"{path}:2: actors.0: lacks name [E009]" in result.output
