"""Date a clause for the event coder: the time expression that governs it, else the
publication day.

Dates are ISO strings of the first day the governing expression covers (`earliest`: for
"earlier this week" the Monday of that ISO week) with a precision of day, week, month, season
(also quarters) or year (also half-years). Durations, repetitions and vague references
("recently", "the future") never date a clause; "now" dates it to the publication day. An
expression coarser than a year (a decade, a century) or one that could not be pinned does
govern the clause but gives no date: (None, None) rather than a wrong publication date.
"""

from __future__ import annotations

from tripwire.document import TimeExpr
from tripwire.timex.calendar import parse_anchor, precision

_NOT_DATING = {"DURATION", "SET"}
_VAGUE = {"PAST_REF", "FUTURE_REF"}


def _governing(times: list[TimeExpr], start: int, end: int, anchor: int) -> TimeExpr | None:
    inside = [
        t
        for t in times
        if t.start >= start and t.end <= end and t.type not in _NOT_DATING and t.value not in _VAGUE
    ]
    if not inside:
        return None

    def distance(t: TimeExpr) -> tuple[int, int]:
        gap = t.start - anchor if t.start >= anchor else anchor - t.end
        return max(gap, 0), t.start

    return min(inside, key=distance)


def date_for_clause(
    times: list[TimeExpr], start: int, end: int, anchor: int, published: str | None
) -> tuple[str | None, str | None]:
    """(date, date_precision) for text[start:end] whose trigger starts at char `anchor`."""
    governing = _governing(times, start, end, anchor)
    if governing is None:
        day = parse_anchor(published)
        return (day.isoformat(), "day") if day else (None, None)
    if governing.value == "PRESENT_REF":
        return (governing.earliest, "day") if governing.earliest else (None, None)
    level = precision(governing.value)
    if level is None or governing.earliest is None:
        return None, None
    return governing.earliest, level
