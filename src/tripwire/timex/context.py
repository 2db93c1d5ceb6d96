"""The two small types every normalisation rule shares."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tripwire.timex.absolute import DEFAULT_DATE_ORDER


@dataclass(frozen=True)
class Context:
    """What a value depends on beyond the words: the anchor day, the clause's tense direction,
    the last calendar value in the document (for "a year earlier"), the numeric date order, and
    whether a quantity comes just before ("$1 billion a year" repeats), and the quarter the text
    reports on (the last one it named: "a year ago" in an earnings report is that quarter's), and
    whether the expression heads a period with a stated end ("the year ended June 30")."""

    anchor: dt.date | None
    direction: int = 0
    reference: str | None = None
    date_order: str = DEFAULT_DATE_ORDER
    after_quantity: bool = False
    period: str | None = None
    length_first: bool = False


@dataclass(frozen=True)
class Normal:
    """A TIMEX3 type and value (None when the expression cannot be pinned)."""

    type: str
    value: str | None
