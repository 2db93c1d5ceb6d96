"""A publication date known only to the month anchors relative expressions instead of failing."""

from __future__ import annotations

import datetime as dt

import tripwire
from tripwire.timex.calendar import parse_anchor


def test_a_month_only_publication_date_anchors_at_the_months_last_day() -> None:
    assert parse_anchor("2016-03") == dt.date(2016, 3, 31)
    assert parse_anchor("2024-02") == dt.date(2024, 2, 29)
    assert parse_anchor("2016-13") is None
    assert parse_anchor("March 2016") is None


def test_an_article_dated_to_a_month_is_analysed_with_dates_in_that_month() -> None:
    document = tripwire.analyze("Earlier this month the rebels attacked a convoy near the river.",
                                published="2016-03")
    values = [t.value for t in document.times]
    assert values and all(v.startswith("2016-03") for v in values)
