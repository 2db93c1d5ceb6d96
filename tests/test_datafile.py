"""The one data-file loader: where each entry of a list or mapping is, for data shown later
with its origin (a trigger pattern's file:line)."""

from __future__ import annotations

from pathlib import Path

from tripwire.datafile import DataFile


def test_lines_under_gives_the_line_of_each_entry(tmp_path: Path) -> None:
    path = tmp_path / "data.yaml"
    path.write_text("# a comment\nfirst:\n  - a\n\n  - {b: 1}\nsecond:\n  x: 1\n  y: [2]\n",
                    encoding="utf-8")
    file = DataFile.read(path)
    assert file.lines_under() == {"first": 2, "second": 6}
    assert file.lines_under(["first"]) == {0: 3, 1: 5}
    assert file.lines_under(["second"]) == {"x": 7, "y": 8}
    assert file.lines_under(["second", "x"]) == {}  # a scalar has no entries
    assert file.lines_under(["third"]) == {}
    assert file.line_of(["second", "y", 0]) == 8
