"""The seed article (read from ../shared at test time) with its publication date 2022-01-07."""

from __future__ import annotations

from pathlib import Path

import pytest

from tripwire.nlp import parse
from tripwire.timex import find_times

pytestmark = pytest.mark.slow


def test_seed_article_expressions(seed_path: Path) -> None:
    text = seed_path.read_text(encoding="utf-8")
    found = find_times(parse(text), "2022-01-07")
    by_text: dict[str, list] = {}
    for t in found:
        by_text.setdefault(t.text.lower(), []).append(t)

    def one(phrase: str):
        matches = [t for key, ts in by_text.items() if phrase in key for t in ts]
        assert matches, f"{phrase!r} not found"
        return matches[0]

    assert one("next wednesday").value == "2022-01-12"
    afternoon = one("this afternoon")
    assert (afternoon.earliest, afternoon.latest) == ("2022-01-07", "2022-01-07")
    assert one("summer of 2019").value == "2019-SU"
    duration = one("2.5 years")
    assert (duration.type, duration.value) == ("DURATION", "P2.5Y")
    week = one("earlier this week")
    assert (week.value, week.earliest) == ("2022-W01", "2022-01-03")
    half = one("this six months")
    assert (half.value, half.earliest, half.latest) == ("2022-H1", "2022-01-01", "2022-06-30")
