"""Publication dates given by users and records: parsed once, stored as ISO dates."""

from __future__ import annotations

import datetime as dt

from tripwire.errors import BadRecord

_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%Y%m%d")


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
