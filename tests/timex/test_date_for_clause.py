"""date_for_clause: which time expression dates a clause, and how precisely."""

from __future__ import annotations

from tripwire.document import TimeExpr
from tripwire.nlp import parse
from tripwire.timex import date_for_clause, find_times

PUBLISHED = "2022-01-07"


def expr(
    start: int, value: str | None, kind: str = "DATE", earliest: str | None = None
) -> TimeExpr:
    return TimeExpr(f"t{start}", start, start + 5, kind, value, earliest, earliest)


def test_the_expression_nearest_the_trigger_governs() -> None:
    times = [
        expr(0, "2022-01-03", earliest="2022-01-03"),
        expr(60, "2021-12", earliest="2021-12-01"),
    ]
    assert date_for_clause(times, 0, 80, 55, PUBLISHED) == ("2021-12-01", "month")
    assert date_for_clause(times, 0, 80, 8, PUBLISHED) == ("2022-01-03", "day")


def test_durations_sets_and_vague_references_never_date_a_clause() -> None:
    times = [expr(10, "P3D", "DURATION"), expr(20, "P1M", "SET"), expr(30, "PAST_REF")]
    assert date_for_clause(times, 0, 80, 25, PUBLISHED) == (PUBLISHED, "day")


def test_expressions_outside_the_clause_are_ignored() -> None:
    times = [expr(100, "2021-12", earliest="2021-12-01")]
    assert date_for_clause(times, 0, 80, 10, PUBLISHED) == (PUBLISHED, "day")


def test_without_expression_or_publication_date_there_is_no_date() -> None:
    assert date_for_clause([], 0, 80, 10, None) == (None, None)


def test_an_unresolved_expression_gives_no_date_rather_than_a_wrong_one() -> None:
    assert date_for_clause([expr(10, None)], 0, 80, 12, PUBLISHED) == (None, None)


def test_now_dates_the_clause_to_the_publication_day() -> None:
    times = [expr(10, "PRESENT_REF", earliest=PUBLISHED)]
    assert date_for_clause(times, 0, 80, 12, PUBLISHED) == (PUBLISHED, "day")


def test_precisions_from_parsed_text() -> None:
    cases = {
        "The army withdrew earlier this week.": ("2022-01-03", "week"),
        "The rebels attacked in the summer of 2019.": ("2019-06-01", "season"),
        "The envoy arrived yesterday.": ("2022-01-06", "day"),
        "Exports fell in the third quarter of 2021.": ("2021-07-01", "season"),
        "Exports have grown this six months.": ("2022-01-01", "year"),
        "Elections were held in 2020.": ("2020-01-01", "year"),
        "Prices rose last month.": ("2021-12-01", "month"),
    }
    for text, expected in cases.items():
        found = find_times(parse(text), PUBLISHED)
        trigger = text.index(" ") + 1
        assert date_for_clause(found, 0, len(text), trigger, PUBLISHED) == expected, text
