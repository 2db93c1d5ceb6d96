"""Calendar arithmetic over TIMEX3 values: shifting dates and turning a value into a date range.

Conventions (the schema's `earliest`/`latest` and the event `date_precision` follow them):
weeks are ISO weeks (Monday first, `2022-W01`); a weekend is that week's Saturday and Sunday;
seasons are meteorological (spring March-May ... winter of year Y = December Y-1 to February Y);
a decade value is its first three digits (`199` = 1990-1999), a century its first two
(`19` = 1900-1999); `PRESENT_REF` is the anchor day itself.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from tripwire.timex.vocab import vocab

MIN_YEAR = 1
MAX_YEAR = 9999

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})(?:-(?:XX|QX|WXX|XX-XX|HX))?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{1,2})(-WE)?$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_DECADE = re.compile(r"^(\d{3})X?$")
_CENTURY = re.compile(r"^(\d{2})(?:XX)?$")


def parse_anchor(published: str | None) -> dt.date | None:
    """The calendar day of a publication date (`2022-01-07`, `2022-01-07T10:00:00Z`), or None.

    A date known only to the month (`2016-03`) anchors at the month's last day: an article
    dated to a month reports what happened in it, so "earlier this month" stays in that month.
    """
    if not published:
        return None
    text = published.strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    if match := re.fullmatch(r"(\d{4})-(\d{2})", text):
        year, month = int(match[1]), int(match[2])
        if 1 <= month <= 12:
            return dt.date(year, month, calendar.monthrange(year, month)[1])
    return None


def make_date(year: int, month: int, day: int) -> dt.date | None:
    """A date, or None when it does not exist (31 February, year 99999)."""
    try:
        return dt.date(year, month, day)
    except (ValueError, OverflowError):
        return None


def add_months(day: dt.date, months: int) -> dt.date | None:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def add_days(day: dt.date, days: int) -> dt.date | None:
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return None


def shift(day: dt.date, code: str, amount: int) -> dt.date | None:
    """Move a date by whole units (D W M Q Y E C); None past the calendar's ends."""
    if abs(amount) > 100_000:
        return None
    if code == "D":
        return add_days(day, amount)
    if code == "W":
        return add_days(day, 7 * amount)
    months = {"M": 1, "Q": 3, "H": 6, "Y": 12, "E": 120, "C": 1200}.get(code)
    return None if months is None else add_months(day, months * amount)


def week_value(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def granular_value(day: dt.date, code: str) -> str:
    """`day` written at the granularity of a unit code: "2019-W05", "2019-03", "2019-Q1", the
    year for a year or longer, the day otherwise."""
    if code == "W":
        return week_value(day)
    if code == "M":
        return f"{day.year:04d}-{day.month:02d}"
    if code == "Q":
        return f"{day.year:04d}-Q{quarter_of(day)}"
    if code in ("Y", "E", "C", "L"):
        return f"{day.year:04d}"
    return day.isoformat()


def half_of(day: dt.date) -> int:
    return 1 if day.month <= 6 else 2


def season_of(day: dt.date) -> tuple[int, str]:
    """The season containing a day, with the year its value carries."""
    for code, (first, last) in vocab().season_months.items():
        if first <= last and first <= day.month <= last:
            return day.year, code
    return (day.year + 1 if day.month == 12 else day.year), "WI"


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _iso(a: dt.date | None, b: dt.date | None) -> tuple[str | None, str | None]:
    if a is None or b is None:
        return None, None
    return a.isoformat(), b.isoformat()


def _season_range(year: int, code: str) -> tuple[dt.date, dt.date] | None:
    first, last = vocab().season_months[code]
    start_year = year - 1 if first > last else year
    if not MIN_YEAR <= start_year <= MAX_YEAR:
        return None
    return dt.date(start_year, first, 1), _month_end(year, last)


def _week_range(year: int, week: int, weekend: bool) -> tuple[dt.date, dt.date] | None:
    try:
        monday = dt.date.fromisocalendar(year, week, 1)
    except ValueError:
        return None
    if weekend:
        return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
    return monday, monday + dt.timedelta(days=6)


def bounds(value: str | None) -> tuple[str | None, str | None]:
    """The first and last calendar day a TIMEX3 value covers, or (None, None)."""
    if not value:
        return None, None
    if m := _DAY.match(value):
        day = make_date(int(m[1]), int(m[2]), int(m[3]))
        return _iso(day, day)
    if m := _MONTH.match(value):
        year, month = int(m[1]), int(m[2])
        if not (year >= MIN_YEAR and 1 <= month <= 12):
            return None, None
        return _iso(dt.date(year, month, 1), _month_end(year, month))
    if m := _WEEK.match(value):
        span = _week_range(int(m[1]), int(m[2]), bool(m[3]))
        return _iso(*span) if span else (None, None)
    if m := _QUARTER.match(value):
        year, q = int(m[1]), int(m[2])
        return _iso(make_date(year, 3 * q - 2, 1), _month_end(year, 3 * q) if year else None)
    if m := _HALF.match(value):
        year, h = int(m[1]), int(m[2])
        return _iso(make_date(year, 6 * h - 5, 1), _month_end(year, 6 * h) if year else None)
    if m := _SEASON.match(value):
        span = _season_range(int(m[1]), m[2])
        return _iso(*span) if span else (None, None)
    if m := _YEAR.match(value):
        year = int(m[1])
        return _iso(make_date(year, 1, 1), make_date(year, 12, 31))
    if m := _DECADE.match(value):
        start = int(m[1]) * 10
        return _iso(make_date(start, 1, 1), make_date(start + 9, 12, 31))
    if m := _CENTURY.match(value):
        start = int(m[1]) * 100
        return _iso(make_date(max(start, 1), 1, 1), make_date(start + 99, 12, 31))
    return None, None


def precision(value: str | None) -> str | None:
    """How fine a value is, in the event schema's terms (day, week, month, season, year).

    A quarter is reported as `season` (three months, like a season) and a half-year as `year`;
    values coarser than a year (decades, centuries) have no event precision.
    """
    if not value:
        return None
    if _DAY.match(value):
        return "day"
    if _WEEK.match(value):
        return "week"
    if _MONTH.match(value):
        return "month"
    if _SEASON.match(value) or _QUARTER.match(value):
        return "season"
    if _HALF.match(value) or _YEAR.match(value):
        return "year"
    return None
