"""Normalisation rules on expression texts alone (no parse), and calendar bounds of values."""

from __future__ import annotations

import datetime as dt

import pytest

from tripwire.timex.calendar import bounds, precision
from tripwire.timex.context import Context
from tripwire.timex.normalize import normalize
from tripwire.timex.tense import FUTURE, PAST

FRIDAY = Context(dt.date(2022, 1, 7))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("half a minute", "PT30S"),
        ("a minute and a half", "PT1M30S"),
        ("half an hour", "PT30M"),
        ("a day and a half", "P1DT12H"),
        ("2 1/2 years", "P2Y6M"),
        ("2.5 years", "P2.5Y"),
        ("more than four hours", "PT4H"),
        ("a couple of years", "P2Y"),
        ("a few days", "PXD"),
        ("recent years", "PXY"),
        ("a fortnight", "P2W"),
        ("three days later", "P3D"),
    ],
)
def test_durations(text: str, value: str) -> None:
    found = normalize(text, FRIDAY)
    assert (found.type, found.value) == ("DURATION", value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the winter of nineteen ninety-four", "1994-WI"),
        ("the year two thousand", "2000"),
        ("the late 1970s", "197"),
        ("the nineties", "199"),
        ("the second half of 2021", "2021-H2"),
        ("Q3 2021", "2021-Q3"),
        ("February this year", "2022-02"),
        ("the fourth quarter of last year", "2021-Q4"),
        ("last fall", "2021-FA"),
        ("this winter", "2022-WI"),
        ("the weekend", "2021-W52-WE"),
        ("noon Friday", "2022-01-07T12:00"),
        ("10 p.m. Wednesday", "2022-01-05T22:00"),
        ("last night", "2022-01-06TNI"),
        ("this morning", "2022-01-07TMO"),
        ("a decade ago", "2012"),
        ("several years ago", "PAST_REF"),
        ("the near future", "FUTURE_REF"),
    ],
)
def test_calendar_values(text: str, value: str) -> None:
    assert normalize(text, FRIDAY).value == value


def test_tense_picks_the_weekday() -> None:
    assert normalize("Monday", Context(FRIDAY.anchor, PAST)).value == "2022-01-03"
    assert normalize("Monday", Context(FRIDAY.anchor, FUTURE)).value == "2022-01-10"
    assert normalize("March", Context(FRIDAY.anchor, PAST)).value == "2021-03"
    assert normalize("March", Context(FRIDAY.anchor, FUTURE)).value == "2022-03"


def test_a_year_earlier_counts_from_the_last_date_mentioned() -> None:
    ctx = Context(FRIDAY.anchor, reference="2019-06-12")
    assert normalize("a year earlier", ctx).value == "2018-06-12"
    assert normalize("the following year", ctx).value == "2020"


def test_a_year_ago_in_a_quarterly_report_is_that_quarter_a_year_before() -> None:
    ctx = Context(FRIDAY.anchor, period="2021-Q3")
    assert normalize("a year ago", ctx).value == "2020-Q3"
    assert normalize("the quarter", ctx).value == "2021-Q3"


@pytest.mark.parametrize(
    ("value", "earliest", "latest", "level"),
    [
        ("2022-01-07T14:00", "2022-01-07", "2022-01-07", "day"),
        ("2022-W01", "2022-01-03", "2022-01-09", "week"),
        ("2021-W52-WE", "2022-01-01", "2022-01-02", "week"),
        ("2022-02", "2022-02-01", "2022-02-28", "month"),
        ("2022-Q2", "2022-04-01", "2022-06-30", "season"),
        ("2022-WI", "2021-12-01", "2022-02-28", "season"),
        ("2022-H2", "2022-07-01", "2022-12-31", "year"),
        ("2022", "2022-01-01", "2022-12-31", "year"),
        ("199", "1990-01-01", "1999-12-31", None),
        ("19", "1900-01-01", "1999-12-31", None),
    ],
)
def test_bounds_and_precision(value: str, earliest: str, latest: str, level: str | None) -> None:
    assert bounds(value) == (earliest, latest)
    assert precision(value) == level


@pytest.mark.parametrize("value", ["P3D", "PRESENT_REF", "XXXX-WXX-1", "2022-13", "2022-02-30"])
def test_values_without_calendar_bounds(value: str) -> None:
    assert bounds(value) == (None, None)
