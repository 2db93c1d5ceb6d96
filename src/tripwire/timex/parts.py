"""Calendar expressions: read the parts ("10 p.m.", "Wednesday", "the third quarter of 1990",
"last week", "the summer of 2019") and compose them into one TIMEX3 value."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass

from tripwire.timex.anchoring import (
    pick_day,
    pick_month,
    pick_quarter,
    pick_season,
    pick_weekday,
    shift_value,
    truncate,
)
from tripwire.timex.calendar import (
    MAX_YEAR,
    MIN_YEAR,
    add_days,
    granular_value,
    half_of,
    make_date,
    quarter_of,
    season_of,
    shift,
    week_value,
)
from tripwire.timex.context import Context, Normal
from tripwire.timex.vocab import vocab
from tripwire.timex.words import opens_with, ordinal, read_number

_YEAR = re.compile(r"^\d{4}$")
_SHORT_YEAR = re.compile(r"^'(\d\d)$")
_DECADE = re.compile(r"^(\d{3})0s$")
_SHORT_DECADE = re.compile(r"^'(\d)0s$")
_CLOCK = re.compile(r"^(\d{1,2})(?::(\d{2}))?(am|pm)?$")
_Q = re.compile(r"^([qh])([1-4])$")
_DAY_NUMBER = re.compile(r"^\d{1,2}$")
_CALENDAR_UNITS = {"D", "W", "M", "Q", "Y", "E", "C"}


@dataclass
class Parts:
    """What a calendar expression names; None where it names nothing of that kind."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    season: str | None = None
    part_of_day: str | None = None
    clock: tuple[int, int] | None = None
    quarter: int | None = None
    half: int | None = None
    decade: str | None = None
    century: str | None = None
    relative_day: int | None = None
    direction: int | None = None
    unit: str | None = None
    weekend: bool = False
    amount: float | None = None
    holiday: tuple[int, ...] | None = None
    from_reference: bool = False  # "the following year", "that day": counted from the last date


def _near_century(two_digits: int, anchor: dt.date | None) -> int:
    """'98 -> 1998 or 2098, whichever is nearer the anchor (1900s without one)."""
    base = (anchor.year // 100 * 100) if anchor else 1900
    options = [base - 100 + two_digits, base + two_digits]
    reference = anchor.year if anchor else 1950
    return min(options, key=lambda y: abs(y - reference))


def _clock(word: str, next_word: str | None) -> tuple[int, int] | None:
    lex = vocab()
    if word in lex.clock_words:
        return lex.clock_words[word]
    m = _CLOCK.match(word)
    if not m:
        return None
    hour, minute, half = int(m[1]), int(m[2] or 0), m[3]
    if half is None and m[2] is None and next_word not in lex.oclock_words:
        return None
    if hour > 23 or minute > 59 or (half and not 1 <= hour <= 12):
        return None
    if half == "pm" and hour != 12:
        hour += 12
    if half == "am" and hour == 12:
        hour = 0
    return hour, minute


def _next_unit(words: list[str], i: int) -> str | None:
    lex = vocab()
    for w in words[i + 1 : i + 3]:
        if w in lex.units or w in lex.half_words or w in lex.century_words:
            return w
        if w not in ("-",):
            return None
    return None


def spelled_year(words: list[str]) -> int | None:
    """A year in words: "nineteen ninety-four", "two thousand", "two thousand and one"."""
    lex = vocab()
    for i, w in enumerate(words):
        if opens_with(words[i:], lex.millennium_phrases):
            number = read_number(words, i)
            if number and 2000 <= number[0] <= 2099 and number[0] == int(number[0]):
                return int(number[0])
        century = lex.numbers.get(w)
        if century is None or not 11 <= century <= 20 or i + 1 >= len(words):
            continue
        rest = read_number(words, i + 1)
        if rest and 10 <= rest[0] <= 99 and rest[0] == int(rest[0]):
            after = words[rest[1] : rest[1] + 1]
            if not after or after[0] not in lex.units:
                return int(century * 100 + rest[0])
    return None


def _holiday(words: list[str]) -> tuple[int, ...] | None:
    text = " " + " ".join(words).replace(" s ", "s ") + " "
    for name in sorted(vocab().holidays, key=len, reverse=True):
        if f" {name.replace(chr(39), '')} " in text.replace("'", ""):
            return vocab().holidays[name]
    return None


def holiday_date(rule: tuple[int, ...], year: int) -> dt.date | None:
    """The date of a holiday in a year: fixed day, or the n-th (or last) weekday of a month."""
    if len(rule) == 2:
        return make_date(year, rule[0], rule[1])
    month, weekday, nth = rule
    first = make_date(year, month, 1)
    if first is None:
        return None
    if nth > 0:
        day = 1 + (weekday - first.isoweekday()) % 7 + 7 * (nth - 1)
    else:
        last = make_date(year + month // 12, month % 12 + 1, 1)
        if last is None:
            return None
        end = last - dt.timedelta(days=1)
        day = end.day - (end.isoweekday() - weekday) % 7
    return make_date(year, month, day)


def read_parts(words: list[str], anchor: dt.date | None, text: str = "") -> Parts | None:
    """The calendar parts of an expression, or None when it names none."""
    lex = vocab()
    p = Parts(holiday=_holiday(words))
    joined = f" {' '.join(words)} "
    p.from_reference = any(w in lex.reference_words for w in words) or any(
        f" {phrase} " in joined for phrase in lex.reference_phrases)
    found = p.holiday is not None
    for i in range(len(words)):
        found = _read_word(p, words, i, anchor, text) or found
    if p.year is None and (spelled := spelled_year(words)) is not None:
        p.year = spelled
        found = True
    return p if found else None


def _read_word(p: Parts, words: list[str], i: int, anchor: dt.date | None, text: str) -> bool:
    """Read words[i] into `p`; True when it names a calendar part (a direction, a day number
    or an amount only qualifies one)."""
    return (_ordinal_period(p, words, i) or _named_part(p, words, i, text)
            or _year_part(p, words[i], anchor) or _counted_part(p, words, i))


def _ordinal_period(p: Parts, words: list[str], i: int) -> bool:
    """An ordinal naming a period: "the third quarter", "the first half", "the 19th century"."""
    lex = vocab()
    rank = ordinal(words[i])
    if not rank:
        return False
    follows = _next_unit(words, i)
    prev = words[i - 1] if i > 0 else None
    if follows in lex.quarter_words and (rank > 0 or prev == "the"):
        p.quarter = 4 if rank < 0 else rank if rank <= 4 else None
        return True
    if follows in lex.half_words and (rank > 0 or prev == "the"):
        p.half = 2 if rank < 0 else rank if rank <= 2 else None
        return True
    if follows in lex.century_words and rank > 0:
        p.century = f"{rank - 1:02d}"
        return True
    return False


def _named_part(p: Parts, words: list[str], i: int, text: str) -> bool:
    """A word that names a part by itself: Q3, H1, a month, a weekday, a season, "yesterday",
    a clock time, a part of the day."""
    lex = vocab()
    w = words[i]
    if (m := _Q.match(w)) and (m[1] == "q" or int(m[2]) <= 2):
        if m[1] == "q":
            p.quarter = int(m[2])
        else:
            p.half = int(m[2])
    elif w in lex.months and (w not in lex.capitalised_months or w.capitalize() in text
                              or w.upper() in text):
        p.month = lex.months[w]
    elif w in lex.weekdays:
        p.weekday = lex.weekdays[w]
    elif w in lex.seasons:
        p.season = lex.seasons[w]
    elif w in lex.relative_days:
        p.relative_day, part = lex.relative_days[w]
        p.part_of_day = p.part_of_day or part
    elif (clock := _clock(w, words[i + 1] if i + 1 < len(words) else None)) is not None:
        p.clock = clock
    elif w in lex.parts_of_day:
        p.part_of_day = lex.parts_of_day[w]
    else:
        return False
    return True


def _year_part(p: Parts, w: str, anchor: dt.date | None) -> bool:
    """A year or a decade: "1990", "'98", "1990s", "'90s", "the nineties"."""
    lex = vocab()
    if _YEAR.match(w) and p.year is None and MIN_YEAR <= int(w) <= MAX_YEAR:
        p.year = int(w)
    elif m := _SHORT_YEAR.match(w):
        p.year = _near_century(int(m[1]), anchor)
    elif m := _DECADE.match(w):
        p.decade = m[1]
    elif (m := _SHORT_DECADE.match(w)) or w in lex.decade_words:
        digit = int(m[1]) if m else lex.decade_words[w]
        if anchor is not None:
            p.decade = f"{_near_century(digit * 10, anchor) // 10:03d}"
    else:
        return False
    return True


def _counted_part(p: Parts, words: list[str], i: int) -> bool:
    """A weekend or a calendar unit ("week"), True; and what only qualifies a part: a direction
    ("last"), a day number beside a month, an amount ("six months"), False."""
    lex = vocab()
    w = words[i]
    rank = ordinal(w)
    if w in lex.weekend_words:
        p.weekend = True
        return True
    if w in lex.units and lex.units[w].code in _CALENDAR_UNITS and p.unit is None:
        p.unit = lex.units[w].code
        return True
    if w in lex.direction_words:
        step = lex.direction_words[w]
        if p.direction is None or step != 0:
            p.direction = step
    elif _DAY_NUMBER.match(w) or (rank is not None and rank > 0
                                  and w not in lex.not_day_ordinals):
        day = int(w) if rank is None else rank
        if 1 <= day <= 31 and _near_month(words, i):
            p.day = day
    elif w in lex.numbers and (number := read_number(words, i)):
        p.amount = number[0]
    return False


def _near_month(words: list[str], i: int) -> bool:
    """A day number beside a month name: "12 January", "Jan. 12", "the 31st of February"."""
    months = vocab().months
    window = words[max(0, i - 1) : i] + words[i + 1 : i + 3]
    return any(w in months for w in window)


def _reference_day(ctx: Context) -> dt.date | None:
    if ctx.reference is None or len(ctx.reference) != 10:
        return None
    return make_date(*(int(x) for x in ctx.reference.split("-")))


def _with_time(day: dt.date, parts: Parts) -> str:
    """A clock time always; a part of day only off a relative day ("this morning", "last
    night"): "Wednesday night" is written as the day, as TimeML annotators mostly do."""
    if parts.clock is not None:
        hour, minute = parts.clock
        return f"{day.isoformat()}T{hour:02d}:{minute:02d}"
    if parts.part_of_day and not parts.weekday and not parts.day:
        return f"{day.isoformat()}T{parts.part_of_day}"
    return day.isoformat()


def _day(parts: Parts, ctx: Context, direction: int) -> tuple[bool, dt.date | None]:
    """(names a day?, which one). Unresolvable days are named but None."""
    anchor = ctx.anchor
    explicit = parts.direction
    if parts.month and parts.day:
        if parts.year:
            return True, make_date(parts.year, parts.month, parts.day)
        if make_date(2000, parts.month, parts.day) is None:  # never exists: 31 February
            return True, None
        # a dated day is usually close to the report, whichever side: the nearest one
        step = explicit if explicit is not None else 0
        return True, pick_day(anchor, parts.month, parts.day, step) if anchor else None
    if parts.holiday:
        if parts.year:
            return True, holiday_date(parts.holiday, parts.year)
        if anchor is None:
            return True, None
        options = [holiday_date(parts.holiday, anchor.year + k) for k in (-1, 0, 1)]
        dates = [d for d in options if d is not None]
        if explicit is not None or direction:
            step = explicit if explicit is not None else direction
            dates = [d for d in dates if (d < anchor if step < 0 else d > anchor)] or dates
        return True, min(dates, key=lambda d: (abs((d - anchor).days), d > anchor), default=None)
    if parts.weekday:
        if anchor is None:
            return True, None
        base = _reference_day(ctx) if parts.from_reference else None
        if base is not None:  # "the previous Friday", "the following Monday"
            return True, pick_weekday(base, parts.weekday, explicit or 0, strict=True)
        if explicit == 0:  # "this Wednesday": the one in the anchor's week
            return True, add_days(anchor, parts.weekday - anchor.isoweekday())
        # a bare weekday in news is the last one unless the clause looks ahead
        step = direction if explicit is not None or direction > 0 else -1
        return True, pick_weekday(anchor, parts.weekday, step, strict=explicit is not None)
    if parts.relative_day is not None:
        return True, add_days(anchor, parts.relative_day) if anchor else None
    if (parts.clock or parts.part_of_day) and parts.month is None and parts.year is None:
        if explicit is None and (base := _reference_day(ctx)) is not None:
            return True, base  # "in the morning", "at 5 p.m.": of the day just talked about
        if anchor is None:
            return True, None
        return True, add_days(anchor, -1) if explicit == -1 else anchor
    return False, None


def _month(parts: Parts, ctx: Context, direction: int) -> str | None:
    year = parts.year
    if year is None:
        if ctx.anchor is None:
            return None
        if parts.direction == 0:  # "this September": the one in the anchor's year
            year = ctx.anchor.year
        else:  # "last April": the latest April before this month
            strict = parts.direction in (-1, 1)
            year = pick_month(ctx.anchor, parts.month or 1, direction, strict=strict)
    return None if year is None else f"{year:04d}-{parts.month:02d}"


def _season(parts: Parts, ctx: Context, direction: int) -> str | None:
    code = parts.season or ""
    if parts.year:
        return f"{parts.year:04d}-{code}"
    anchor = ctx.anchor
    if anchor is None:
        return None
    if parts.direction == 0:
        year = anchor.year + 1 if code == "WI" and anchor.month == 12 else anchor.year
        return f"{year:04d}-{code}"
    return pick_season(season_of(anchor), code, direction, strict=parts.direction is not None)


def _quarter(parts: Parts, ctx: Context, direction: int) -> str | None:
    if parts.year:
        return f"{parts.year:04d}-Q{parts.quarter}"
    if ctx.anchor is None:
        return None
    if parts.direction is not None and parts.direction != 0:
        return pick_quarter(ctx.anchor, parts.quarter or 1, parts.direction, strict=True)
    # a named quarter is almost always one already under way or reported
    return pick_quarter(ctx.anchor, parts.quarter or 1, -1)


def _half(parts: Parts, ctx: Context) -> str | None:
    year = parts.year or (ctx.anchor.year if ctx.anchor else None)
    return None if year is None else f"{year:04d}-H{parts.half}"


def _weekend(parts: Parts, ctx: Context, direction: int) -> str | None:
    anchor = ctx.anchor
    if anchor is None:
        return None
    step = parts.direction
    if step is None:
        step = 0 if direction > 0 or anchor.isoweekday() >= 6 else -1
    day = shift(anchor, "W", step)
    return f"{week_value(day)}-WE" if day else None


def _unit_period(parts: Parts, ctx: Context) -> str | None:
    """ "last week", "this month", "next year", "the past decade", "this six months"."""
    anchor = ctx.anchor
    code = parts.unit or ""
    if anchor is None:
        return None
    if parts.from_reference and ctx.reference:
        reference = truncate(ctx.reference, code)
        moved = shift_value(reference, code, parts.direction or 0) if reference else None
        if moved:
            return moved
    if code == "Q" and parts.direction in (None, 0) and ctx.period:
        return ctx.period  # "the quarter", "this quarter": the one being reported on
    step = parts.direction if parts.direction is not None else 0
    if code == "Q" and parts.direction is None and ctx.direction <= 0:
        step = -1  # "the quarter" in a report: the last one completed
    if step == 0 and parts.amount:
        months = parts.amount * {"M": 1, "Q": 3, "Y": 12}.get(code, 0)
        if months == 3:
            return f"{anchor.year:04d}-Q{quarter_of(anchor)}"
        if months == 6:
            return f"{anchor.year:04d}-H{half_of(anchor)}"
        if months == 12:
            return f"{anchor.year:04d}"
    if code in ("E", "C"):
        size, width = (10, 3) if code == "E" else (100, 2)
        index = anchor.year // size + step
        return f"{index:0{width}d}" if 0 <= index < 10**width else None
    day = shift(anchor, code, step)
    return granular_value(day, code) if day is not None else None


def compose_calendar(parts: Parts, ctx: Context) -> Normal:
    """One value from the parts, the most specific part deciding."""
    named = parts.month or parts.season or parts.quarter or parts.half or parts.holiday
    if parts.unit == "Y" and parts.year is None and parts.direction is not None and named:
        # "February this year", "the fourth quarter of last year"
        year = ctx.anchor.year + parts.direction if ctx.anchor else None
        parts = dataclasses.replace(parts, year=year, direction=None, unit=None)
        if year is None:
            return Normal("DATE", None)
    direction = parts.direction if parts.direction is not None else ctx.direction
    if parts.decade:
        return Normal("DATE", parts.decade)
    if parts.century:
        return Normal("DATE", parts.century)
    names_day, day = _day(parts, ctx, direction)
    if names_day:
        return Normal("DATE", _with_time(day, parts) if day else None)
    if parts.month:
        return Normal("DATE", _month(parts, ctx, direction))
    if parts.season:
        return Normal("DATE", _season(parts, ctx, direction))
    if parts.quarter:
        return Normal("DATE", _quarter(parts, ctx, direction))
    if parts.half:
        return Normal("DATE", _half(parts, ctx))
    if parts.weekend:
        return Normal("DATE", _weekend(parts, ctx, direction))
    if parts.year and parts.unit == "Q" and ctx.period:  # "the 1988 quarter"
        return Normal("DATE", f"{parts.year:04d}-{ctx.period[-2:]}")
    if parts.year:
        return Normal("DATE", f"{parts.year:04d}")
    if parts.unit:
        return Normal("DATE", _unit_period(parts, ctx))
    return Normal("DATE", None)
