"""`tripwire clean`: what is kept and what was moved out, without the NLP stages."""

from __future__ import annotations

import json
from pathlib import Path

REPORT = (
    "border talksEastmark and Westvale met in Port Ellis on Monday to discuss the harbour.\n\n\n\n"
    "Officials said the talks would continue next week, and both sides praised the mood.\n\n"
    "Share this article\n"
)


def test_clean_jsonl_lists_kicker_and_removed_lines(run_cli, tmp_path: Path) -> None:
    source = tmp_path / "report.txt"
    source.write_text(REPORT, encoding="utf-8")
    result = run_cli("clean", str(source), "--format", "jsonl", "--published", "2026-09-01")
    assert result.code == 0
    (record,) = [json.loads(line) for line in result.out.splitlines()]
    assert record["kicker"] == "border talks"
    assert record["published"] == "2026-09-01"
    assert record["text"].startswith("Eastmark and Westvale met")
    assert record["removed"] == [{"kind": "share", "text": "Share this article"}]


def test_clean_text_view_shows_each_removal(run_cli, tmp_path: Path) -> None:
    source = tmp_path / "report.txt"
    source.write_text(REPORT, encoding="utf-8")
    result = run_cli("clean", str(source))
    assert result.code == 0
    assert "kicker: border talks" in result.out
    assert "[removed: share] Share this article" in result.out


def test_clean_of_a_missing_path_is_one_clear_error(run_cli, tmp_path: Path) -> None:
    result = run_cli("clean", str(tmp_path / "nope.txt"))
    assert result.code == 1
    assert "no such file or directory" in result.err
    assert "Traceback" not in result.err
