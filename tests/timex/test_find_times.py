"""find_times on sentences we wrote, anchored on Friday 7 January 2022."""

from __future__ import annotations

import pytest

from tripwire.errors import TripwireError
from tripwire.nlp import parse
from tripwire.timex import find_times

PUBLISHED = "2022-01-07"


def times(text: str, published: str | None = PUBLISHED, **kwargs: str) -> dict[str, tuple]:
    found = find_times(parse(text), published, **kwargs)
    for t in found:
        assert text[t.start : t.end] == t.text
    return {t.text: (t.type, t.value) for t in found}


def value_of(
    text: str, phrase: str, published: str | None = PUBLISHED, **kwargs: str
) -> str | None:
    found = times(text, published, **kwargs)
    matches = [v for k, v in found.items() if phrase in k]
    assert matches, f"{phrase!r} not found in {found}"
    return matches[0][1]


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("The ministers will meet again next Wednesday in Geneva.", "next Wednesday", "2022-01-12"),
        ("The minister said on Wednesday that the talks had failed.", "Wednesday", "2022-01-05"),
        ("The minister will travel to Paris on Wednesday.", "Wednesday", "2022-01-12"),
        ("Rebels attacked the town last Monday.", "last Monday", "2022-01-03"),
        ("The envoy arrived yesterday.", "yesterday", "2022-01-06"),
        ("The council meets today.", "today", "2022-01-07"),
        ("Protesters gathered again tonight.", "tonight", "2022-01-07TNI"),
        ("The mayor spoke this afternoon.", "this afternoon", "2022-01-07TAF"),
        ("A bomb exploded earlier in the day near the port.", "earlier in the day", "2022-01-07"),
        ("Troops crossed the border last week.", "last week", "2021-W52"),
        ("Talks resume next week.", "next week", "2022-W02"),
        ("Earlier this week the army withdrew.", "this week", "2022-W01"),
        ("Prices rose sharply last month.", "last month", "2021-12"),
        ("Elections are due next year.", "next year", "2023"),
        ("Exports fell in the last quarter.", "last quarter", "2021-Q4"),
        ("Exports have grown this six months.", "this six months", "2022-H1"),
        ("Sanctions have been in place since the summer of 2019.", "summer of 2019", "2019-SU"),
        ("The ceasefire was signed on 12 January 2021.", "12 January 2021", "2021-01-12"),
        ("The ceasefire was signed on Jan. 12, 2021.", "Jan. 12, 2021", "2021-01-12"),
        ("The ceasefire was signed on 2021-01-12.", "2021-01-12", "2021-01-12"),
        ("The ceasefire was signed on 12/01/2021.", "12/01/2021", "2021-01-12"),
        ("The vote was held on December 20.", "December 20", "2021-12-20"),
        ("The treaty dates from the 1990s.", "1990s", "199"),
        ("It was the bloodiest war of the 20th century.", "20th century", "19"),
        ("The rebels now control the city.", "now", "PRESENT_REF"),
        ("The army is currently deployed in the north.", "currently", "PRESENT_REF"),
        ("The talks lasted 2.5 years.", "2.5 years", "P2.5Y"),
        ("The talks went on for three days.", "three days", "P3D"),
        ("The siege lasted two and a half hours.", "two and a half hours", "PT2H30M"),
        ("Inspectors visit the site every month.", "every month", "P1M"),
        ("The rebels were routed three weeks ago.", "three weeks ago", "2021-W50"),
        ("Trade fell on Christmas Day.", "Christmas Day", "2021-12-25"),
        ("The embassy bombings on Aug. 7 killed hundreds.", "Aug. 7", "2021-08-07"),
        ("Crowds gathered on Thanksgiving Day.", "Thanksgiving Day", "2021-11-25"),
    ],
)
def test_normalises_against_publication_date(text: str, phrase: str, value: str) -> None:
    assert value_of(text, phrase) == value


def test_month_day_order_follows_the_setting() -> None:
    text = "The ceasefire was signed on 12/01/2021."
    assert value_of(text, "12/01/2021", date_order="MDY") == "2021-12-01"


def test_types_are_timeml_types() -> None:
    found = times("For three days last week the city was shelled daily at 5 p.m.")
    types = {text: kind for text, (kind, _) in found.items()}
    assert types["three days"] == "DURATION"
    assert types["last week"] == "DATE"
    assert types["daily"] == "SET"


def test_earliest_and_latest_bound_the_value() -> None:
    found = find_times(parse("Earlier this week the army withdrew."), PUBLISHED)
    week = next(t for t in found if "this week" in t.text)
    assert (week.earliest, week.latest) == ("2022-01-03", "2022-01-09")
    now = find_times(parse("The rebels now control the city."), PUBLISHED)[0]
    assert (now.earliest, now.latest) == (PUBLISHED, PUBLISHED)


def test_relative_expressions_stay_unresolved_without_a_publication_date() -> None:
    text = "The ministers will meet next Wednesday, and signed a deal on 12 January 2021."
    found = times(text, published=None)
    assert found["next Wednesday"] == ("DATE", None)
    assert found["12 January 2021"] == ("DATE", "2021-01-12")


def test_ages_and_bare_numbers_are_not_times() -> None:
    found = times("A 6-year-old boy, his uncle Omar Said, 44, and others were rescued.")
    assert found == {}


def test_impossible_dates_are_found_without_a_value() -> None:
    found = times("The deadline was set for the 31st of February.")
    assert found["the 31st of February"] == ("DATE", None)


def test_garbage_never_crashes() -> None:
    huge = "9" * 100_000
    text = f"In the year 99999 and on day {huge} nothing happened on 99/99/9999."
    found = find_times(parse(text), PUBLISHED)
    assert all(t.value is None or not t.value.startswith("99999") for t in found)


def test_a_bad_publication_date_is_a_clear_error() -> None:
    with pytest.raises(TripwireError) as error:
        find_times(parse("Talks resume next week."), "next tuesday")
    assert error.value.code == "E006"


def test_an_unknown_date_order_is_a_clear_error() -> None:
    with pytest.raises(TripwireError) as error:
        find_times(parse("Talks resume next week."), PUBLISHED, date_order="DDD")
    assert error.value.code == "E008"
