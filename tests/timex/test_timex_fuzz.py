"""Property test: any mix of time words, numbers and anchors normalises without raising, and
every value it gives has calendar bounds or is a duration, set or reference."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tripwire.timex.calendar import bounds
from tripwire.timex.context import Context
from tripwire.timex.normalize import normalize

pytestmark = pytest.mark.slow

WORDS = st.sampled_from(
    [
        "the",
        "last",
        "next",
        "this",
        "past",
        "few",
        "a",
        "and",
        "half",
        "of",
        "ago",
        "earlier",
        "later",
        "every",
        "week",
        "weekend",
        "month",
        "year",
        "years",
        "quarter",
        "third",
        "second",
        "century",
        "decade",
        "summer",
        "winter",
        "Monday",
        "Sundays",
        "March",
        "May",
        "Feb.",
        "31st",
        "12",
        "99999",
        "1990s",
        "'90s",
        "nineties",
        "noon",
        "10",
        "p.m.",
        "night",
        "today",
        "yesterday",
        "tomorrow",
        "Christmas",
        "2.5",
        "1/2",
        "12/01/2022",
        "2022-13-45",
        "nineteen",
        "ninety-four",
        "two",
        "thousand",
        "9" * 40,
        "Q4",
        "H2",
        "fiscal",
        "now",
    ]
)
ANCHORS = st.one_of(
    st.none(), st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))
)


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(WORDS, min_size=1, max_size=7),
    anchor=ANCHORS,
    direction=st.sampled_from([-1, 0, 1]),
)
def test_normalize_never_raises(words: list[str], anchor: dt.date | None, direction: int) -> None:
    found = normalize(" ".join(words), Context(anchor, direction, reference="2021-Q3"))
    assert found.type in ("DATE", "TIME", "DURATION", "SET")
    value = found.value
    if value and value[0].isdigit() and found.type in ("DATE", "TIME"):
        assert bounds(value) != (None, None), value
