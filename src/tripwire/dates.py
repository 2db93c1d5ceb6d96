"""Publication dates given by users and records: parsed once, stored as ISO dates."""

from __future__ import annotations

import datetime as dt
import re

from tripwire.errors import BadRecord

_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%Y%m%d")
# A publication date outside these bounds is a typo or a placeholder (0001-01-01, 9999-12-31),
# not news: stored, it would stretch every daily series over centuries.
EARLIEST_PUBLISHED = dt.date(1900, 1, 1)
DAYS_AHEAD = 3  # time zones, embargoes and clock skew put a few articles a day or two ahead
_ISO_PREFIX = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def parse_date(value: str, where: str = "--published") -> str:
    """An ISO date string (YYYY-MM-DD) from a date or timestamp, or a clear error."""
    text = value.strip()
    try:
        return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    for fmt in _FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    raise BadRecord("E006", f"date does not parse: {value!r} (use YYYY-MM-DD)", where)


def latest_published() -> dt.date:
    return dt.date.today() + dt.timedelta(days=DAYS_AHEAD)


def _first_day(value: str) -> dt.date | None:
    """The first day of the ISO date, month (2016-03) or year a value starts with, if any."""
    match = _ISO_PREFIX.match(value)
    try:
        return dt.date(int(match[1]), int(match[2] or 1), int(match[3] or 1)) if match else None
    except ValueError:
        return None


def is_plausible_published(value: str) -> bool:
    """Whether a publication date (a day, or a month or year when that is all that is known) can
    be right: from 1900 to a few days after today. A value that names no date is not judged."""
    first = _first_day(value)
    return first is None or EARLIEST_PUBLISHED <= first <= latest_published()


def check_published(iso: str, where: str) -> str:
    """`iso` if it can be a publication date, else a bad record naming `where`."""
    if not is_plausible_published(iso):
        raise BadRecord(
            "E013",
            f"implausible publication date {iso} (accepted: {EARLIEST_PUBLISHED} to "
            f"{latest_published()}, today plus {DAYS_AHEAD} days)",
            where,
        )
    return iso


def parse_published(value: str, where: str = "--published") -> str:
    """A publication date as an ISO string: it must parse and be plausible."""
    return check_published(parse_date(value, where), where)
