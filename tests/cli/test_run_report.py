"""Every batch command skips and reports a bad record the same way (tripwire.runs.RunReport)."""

from pathlib import Path

import pytest


@pytest.fixture
def mixed_inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        '"We will not withdraw," the Marovian defence minister said on Tuesday.\n',
        encoding="utf-8")
    (folder / "b.jsonl").write_text('{"text": "fine"}\n{not json\n', encoding="utf-8")
    return folder


@pytest.mark.parametrize("command", [["quotes", "--format", "json"], ["clean"], ["analyze"]])
def test_a_bad_record_is_skipped_with_its_place_and_the_rest_is_processed(
        run_cli, mixed_inputs: Path, command: list[str]) -> None:
    result = run_cli(*command, str(mixed_inputs), "--published", "2024-05-02")
    assert result.code == 0
    assert "skipped: " in result.err and "b.jsonl:2" in result.err
    assert "We will not withdraw" in result.out


@pytest.mark.parametrize("command", ["quotes", "clean"])
def test_nothing_processed_fails_with_e003(run_cli, tmp_path: Path, command: str) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    result = run_cli(command, str(bad))
    assert result.code != 0
    assert result.err.strip().endswith("no article could be processed [E003]")


def test_a_bad_published_date_is_refused_before_reading(run_cli, mixed_inputs: Path) -> None:
    result = run_cli("clean", str(mixed_inputs), "--published", "not a date")
    assert result.code != 0 and "not a date" in result.err
