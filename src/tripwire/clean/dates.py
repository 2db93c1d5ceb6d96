"""Dates printed in page furniture ("This story is from March 10, 2002") as ISO strings.

Only complete dates with a year are returned: a date the text does not give is never guessed.
"""

from __future__ import annotations

import re
from datetime import date

_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_MONTH_FIRST = re.compile(r"\b([^\W\d_]{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_DAY_FIRST = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:de\s+)?([^\W\d_]{3,10})\.?,?\s+(?:de\s+)?(\d{4})\b"
)


def iso_date(year: int, month: int, day: int) -> str | None:
    """`YYYY-MM-DD`, or None when the parts are not a real date."""
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_date(text: str, months: dict[str, int]) -> str | None:
    """The first full date in `text` (ISO, "March 10, 2002" or "10 March 2002")."""
    if match := _ISO.search(text):
        return iso_date(int(match[1]), int(match[2]), int(match[3]))
    if (match := _MONTH_FIRST.search(text)) and match[1].lower() in months:
        return iso_date(int(match[3]), months[match[1].lower()], int(match[2]))
    if (match := _DAY_FIRST.search(text)) and match[2].lower() in months:
        return iso_date(int(match[3]), months[match[2].lower()], int(match[1]))
    return None
