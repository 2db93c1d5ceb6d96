"""The span of days signals cover: the days the stored articles were published (plus a lead),
never the span of every date an article mentions. A report of 2018 that recalls the war of 1917
must not stretch a daily chart over a century of empty days."""

from __future__ import annotations

import datetime as dt

import duckdb

from tripwire.errors import TripwireError
from tripwire.signals.settings import WindowSettings


def article_span(cur: duckdb.DuckDBPyConnection) -> tuple[dt.date, dt.date] | None:
    """First and last publication date of the stored articles; None when none has a date."""
    (first, last), = cur.execute("SELECT min(published), max(published) FROM articles").fetchall()
    return None if first is None else (first, last)


def signal_window(cur: duckdb.DuckDBPyConnection,
                  settings: WindowSettings | None = None) -> tuple[dt.date, dt.date] | None:
    """The days series and alerts cover: from `lead_days` before the first article to the last,
    at most `max_span_days` long (the latest days kept)."""
    settings = settings or WindowSettings()
    span = article_span(cur)
    if span is None:
        return None
    first, last = span
    start = max(first - dt.timedelta(days=settings.lead_days),
                last - dt.timedelta(days=settings.max_span_days - 1))
    return start, last


def check_span(start: dt.date, end: dt.date, settings: WindowSettings | None = None) -> None:
    """Refuse a requested span longer than `max_span_days` (a day series of centuries)."""
    settings = settings or WindowSettings()
    days = (end - start).days + 1
    if days > settings.max_span_days:
        raise TripwireError("E008", f"{start} to {end} is {days:,} days; signals cover at most "
                            f"{settings.max_span_days:,} days at a time (narrow --from/--to)")
