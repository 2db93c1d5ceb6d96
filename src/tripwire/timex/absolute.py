"""dateparser glue for written-out absolute dates ("12/01/2022", "12.01.22", "Jan 12th '22").

dateparser is slow to set up and to run, so one parser per date order is built once and it only
ever sees short candidate spans, never whole texts.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from dateparser.date import DateDataParser

from tripwire.errors import TripwireError

DATE_ORDERS = ("DMY", "MDY", "YMD")
DEFAULT_DATE_ORDER = "DMY"
MAX_SPAN_CHARS = 40
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
NUMERIC_DATE = re.compile(r"\b\d{1,4}[/.]\d{1,2}[/.]\d{2,4}\b")


@dataclass(frozen=True)
class ParsedDate:
    """What dateparser read: the fields it found (None where the text gave none)."""

    year: int | None
    month: int | None
    day: int | None


@functools.cache
def _parser(date_order: str) -> DateDataParser:
    return DateDataParser(
        languages=["en"],
        settings={"DATE_ORDER": date_order, "PREFER_DAY_OF_MONTH": "first"},
    )


def check_date_order(date_order: str) -> str:
    if date_order not in DATE_ORDERS:
        raise TripwireError(
            "E008", f"unknown date order {date_order!r}; expected one of {', '.join(DATE_ORDERS)}"
        )
    return date_order


def parse_absolute(text: str, date_order: str = DEFAULT_DATE_ORDER) -> ParsedDate | None:
    """Read an absolute date from a short span; None when dateparser finds no calendar date.

    Numeric dates are read in `date_order` (day first by default: 12/01/2022 is 12 January).
    """
    if len(text) > MAX_SPAN_CHARS or not any(ch.isdigit() for ch in text):
        return None
    try:
        data = _parser(check_date_order(date_order)).get_date_data(text)
    except (ValueError, OverflowError, TypeError):
        return None
    found = data.date_obj
    if found is None:
        return None
    parts = set(data.parts or ())
    return ParsedDate(
        year=found.year if "year" in parts else None,
        month=found.month if "month" in parts else None,
        day=found.day if "day" in parts else None,
    )
