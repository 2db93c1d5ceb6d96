"""The escalation ladder is a data file checked by the one data-file loader: a mistake names the
file, the line and what is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from tripwire.errors import TripwireError
from tripwire.signals.ladder import load_ladder


def test_the_packaged_ladder_puts_violence_on_top() -> None:
    ladder = load_ladder()
    assert ladder.rung_of["ASSAULT"] == ladder.top
    assert ladder.rung_of["ACCUSE"] < ladder.rung_of["MOBILIZE"] < ladder.rung_of["ASSAULT"]


@pytest.mark.parametrize(("text", "line", "says"), [
    ("rungs:\n  1: {name: words, types: [ACCUSE]}\n  3: {name: force, types: [ASSAULT]}\n", 1,
     "numbered 1..2"),
    ("rungs:\n  1: {name: words, types: [ACCUSE]}\n  2: {name: force, types: [ASSALT]}\n", 3,
     "ASSALT"),
    ("rungs:\n  1: {name: words, types: [ASSAULT]}\n  2: {name: force, types: [ASSAULT]}\n", 1,
     "rungs 1 and 2"),
])
def test_a_bad_ladder_names_its_line(tmp_path: Path, text: str, line: int, says: str) -> None:
    path = tmp_path / "ladder.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TripwireError) as caught:
        load_ladder(path)
    assert caught.value.code == "E009"
    assert f"{path}:{line}" in str(caught.value)
    assert says in str(caught.value)
