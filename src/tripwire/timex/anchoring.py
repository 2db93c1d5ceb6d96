"""Pin a cyclic name (Wednesday, March, the third quarter, summer) to one occurrence, and move a
calendar value by whole units ("a year earlier" than the quarter just discussed).

Direction: -1 the last occurrence (on or before the anchor), +1 the next (on or after), 0 the
nearest either way (ties go back: news reports mostly on what happened).
"""

from __future__ import annotations

import datetime as dt
import re

from tripwire.timex.calendar import MAX_YEAR, MIN_YEAR, add_days, make_date, shift, week_value

SEASON_ORDER = ("WI", "SP", "SU", "FA")  # within the year the value names


def pick_index(current: int, target: int, period: int, direction: int, strict: bool = False) -> int:
    """The index of the occurrence of `target` (a residue modulo `period`) nearest `current`
    in `direction`; `strict` skips the current one ("next Friday" on a Friday)."""
    back = (current - target) % period
    ahead = (target - current) % period
    if strict:
        back = back or period
        ahead = ahead or period
    if direction < 0:
        return current - back
    if direction > 0:
        return current + ahead
    return current - back if back <= ahead else current + ahead


def pick_weekday(anchor: dt.date, weekday: int, direction: int, strict: bool) -> dt.date | None:
    """The date of an ISO weekday (Monday = 1) relative to the anchor."""
    current = anchor.toordinal() - 1  # ordinal 1 is a Monday, so this index is Monday-based
    index = pick_index(current, weekday - 1, 7, direction, strict)
    return add_days(anchor, index - current)


def pick_month(anchor: dt.date, month: int, direction: int, strict: bool = False) -> int | None:
    """The year of the occurrence of a month relative to the anchor."""
    current = anchor.year * 12 + anchor.month - 1
    year = pick_index(current, month - 1, 12, direction, strict) // 12
    return year if MIN_YEAR <= year <= MAX_YEAR else None


def pick_day(anchor: dt.date, month: int, day: int, direction: int) -> dt.date | None:
    """The date of a month and day without a year, relative to the anchor."""
    candidates = [make_date(anchor.year + k, month, day) for k in (-1, 0, 1)]
    dates = [d for d in candidates if d is not None]
    if direction < 0:
        dates = [d for d in dates if d <= anchor] or dates
    elif direction > 0:
        dates = [d for d in dates if d >= anchor] or dates
    if not dates:
        return None
    return min(dates, key=lambda d: (abs((d - anchor).days), d > anchor))


def pick_quarter(anchor: dt.date, quarter: int, direction: int, strict: bool = False) -> str:
    current = anchor.year * 4 + (anchor.month - 1) // 3
    index = pick_index(current, quarter - 1, 4, direction, strict)
    return f"{index // 4:04d}-Q{index % 4 + 1}"


def season_index(year: int, code: str) -> int:
    return year * 4 + SEASON_ORDER.index(code)


def pick_season(anchor_season: tuple[int, str], code: str, direction: int, strict: bool) -> str:
    current = season_index(*anchor_season)
    index = pick_index(current, SEASON_ORDER.index(code), 4, direction, strict)
    return f"{index // 4:04d}-{SEASON_ORDER[index % 4]}"


_DAY_VALUE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH_VALUE = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER_VALUE = re.compile(r"^(\d{4})-Q([1-4])$")
_YEAR_VALUE = re.compile(r"^(\d{4})$")
_WEEK_VALUE = re.compile(r"^(\d{4})-W(\d{2})$")
_MONTHS_PER = {"M": 1, "Q": 3, "Y": 12, "E": 120, "C": 1200}


def granularity(value: str) -> str | None:
    """The unit a calendar value is written in: D, W, M, Q or Y."""
    for pattern, code in (
        (_DAY_VALUE, "D"),
        (_WEEK_VALUE, "W"),
        (_MONTH_VALUE, "M"),
        (_QUARTER_VALUE, "Q"),
        (_YEAR_VALUE, "Y"),
    ):
        if pattern.match(value):
            return code
    return None


def truncate(value: str, code: str) -> str | None:
    """A calendar value written at a coarser unit: ("1995-05-22", "Y") -> "1995"."""
    unit = granularity(value)
    order = "DWMQY"
    if unit is None or code not in order or order.index(code) < order.index(unit):
        return None
    if unit == code:
        return value
    if unit == "W" or code == "W":
        if unit != "D":
            return None
        m = _DAY_VALUE.match(value)
        day = make_date(int(m[1]), int(m[2]), int(m[3])) if m else None
        return week_value(day) if day else None
    year = value[:4]
    if code == "Y":
        return year
    month = int(value[5:7]) if unit in ("D", "M") else None
    if code == "M" and month:
        return f"{year}-{month:02d}"
    if code == "Q" and month:
        return f"{year}-Q{(month - 1) // 3 + 1}"
    return None


def shift_value(value: str, code: str, amount: int) -> str | None:
    """Move a calendar value by `amount` units of `code`, keeping its granularity; None when the
    unit is finer than the value ("two days after" March 1998) or the result leaves the calendar."""
    if m := _DAY_VALUE.match(value):
        day = make_date(int(m[1]), int(m[2]), int(m[3]))
        moved = shift(day, code, amount) if day else None
        return moved.isoformat() if moved else None
    if m := _WEEK_VALUE.match(value):
        if code != "W":
            return None
        try:
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        except ValueError:
            return None
        moved = add_days(monday, 7 * amount)
        return week_value(moved) if moved else None
    months = _MONTHS_PER.get(code)
    if months is None:
        return None
    if m := _MONTH_VALUE.match(value):
        index = int(m[1]) * 12 + int(m[2]) - 1 + months * amount
        return _in_calendar(index // 12, f"{index // 12:04d}-{index % 12 + 1:02d}")
    if (m := _QUARTER_VALUE.match(value)) and months % 3 == 0:
        index = int(m[1]) * 4 + int(m[2]) - 1 + months // 3 * amount
        return _in_calendar(index // 4, f"{index // 4:04d}-Q{index % 4 + 1}")
    if (m := _YEAR_VALUE.match(value)) and months % 12 == 0:
        year = int(m[1]) + months // 12 * amount
        return _in_calendar(year, f"{year:04d}")
    return None


def _in_calendar(year: int, value: str) -> str | None:
    return value if MIN_YEAR <= year <= MAX_YEAR else None
