"""Give a found time expression its TIMEX3 type and value, anchored at the publication day.

Rules are tried in order, each a small function over the expression's words; the first that
recognises the expression decides. Relative expressions need an anchor: without one they keep
a null value rather than being pinned to today's date.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass

from tripwire.timex.absolute import ISO_DATE, NUMERIC_DATE, parse_absolute
from tripwire.timex.anchoring import shift_value
from tripwire.timex.calendar import granular_value, make_date, shift
from tripwire.timex.context import Context, Normal
from tripwire.timex.parts import compose_calendar, read_parts
from tripwire.timex.vocab import Unit, vocab
from tripwire.timex.words import digit_number, opens_with, read_number, split_words

_LONG_YEAR = re.compile(r"^\d{5}")
_YEAR_LIKE = re.compile(r"^[12]\d{3}$")
_LEADING = frozenset(
    {
        "the",
        "in",
        "at",
        "for",
        "until",
        "by",
        "since",
        "from",
        "of",
        "during",
        "on",
        "to",
        "as",
        "till",
    }
)
# (unit, is clock unit) -> the next smaller unit, how many make one, and whether it is a clock unit
_SMALLER = {
    ("Y", False): ("M", 12, False),
    ("M", False): ("D", 30, False),
    ("W", False): ("D", 7, False),
    ("D", False): ("H", 24, True),
    ("H", True): ("M", 60, True),
    ("M", True): ("S", 60, True),
    ("E", False): ("Y", 10, False),
    ("C", False): ("Y", 100, False),
}


Rule = Callable[[str, list[str], Context], Normal | None]


def _core(words: list[str]) -> str:
    """The expression without leading prepositions and articles: "in the past" -> "past"."""
    i = 0
    while i < len(words) - 1 and words[i] in _LEADING:
        i += 1
    return " ".join(words[i:])


def _fixed_value(text: str, words: list[str], ctx: Context) -> Normal | None:
    fixed = vocab().fixed_values
    value = fixed.get(" ".join(words)) or fixed.get(_core(words))
    return Normal("DATE", value) if value else None


def _format_amount(amount: float) -> str:
    return str(int(amount)) if amount == int(amount) else f"{amount:.2f}".rstrip("0").rstrip(".")


def duration_value(amount: float | None, unit: Unit, decimal: bool = True) -> str:
    """TIMEX3 duration: P3D, PT2H, PXY. A fraction written as a decimal stays one ("2.5 years"
    -> P2.5Y); one written in words or as 1/2 splits into units ("2 1/2 years" -> P2Y6M), and
    amounts under one always move to the smaller unit ("half an hour" -> PT30M)."""
    code = unit.code
    prefix = "PT" if unit.clock else "P"
    if amount is None:
        return f"{prefix}X{code}"
    amount *= unit.factor
    whole = int(amount)
    rest = amount - whole
    smaller = _SMALLER.get((code, unit.clock))
    if rest and smaller and (whole == 0 or not decimal):
        small_code, ratio, small_clock = smaller
        part = rest * ratio
        if part == int(part):
            head = f"{whole}{code}" if whole else ""
            if small_clock and not unit.clock:  # "a day and a half" -> P1DT12H
                return f"P{head}T{int(part)}{small_code}"
            return f"{prefix}{head}{int(part)}{small_code}"
    return f"{prefix}{_format_amount(amount)}{code}"


def _set_expression(text: str, words: list[str], ctx: Context) -> Normal | None:
    lex = vocab()
    core = _core(words).split()
    if len(core) == 1 and core[0] in lex.set_adverbs:
        return Normal("SET", lex.set_adverbs[core[0]])
    plural_days = [lex.weekdays[w[:-1]] for w in core if w.endswith("s") and w[:-1] in lex.weekdays]
    if plural_days:
        part = next((lex.parts_of_day[w] for w in core if w in lex.parts_of_day), None)
        return Normal("SET", f"XXXX-WXX-{plural_days[0]}" + (f"T{part}" if part else ""))
    repeats = ctx.after_quantity and len(core) == 2 and words[0] in lex.rate_words
    if repeats and core[1] in lex.units:  # "$1 billion a year", "dozens of interviews a day"
        return Normal("SET", duration_value(1.0, lex.units[core[1]]))
    if not core or core[0] not in lex.set_quantifiers:
        return None
    rest = core[1:]
    for w in rest:
        if w in lex.weekdays:
            return Normal("SET", f"XXXX-WXX-{lex.weekdays[w]}")
        if w in lex.months:
            return Normal("SET", f"XXXX-{lex.months[w]:02d}")
        if w in lex.seasons:
            return Normal("SET", f"XXXX-{lex.seasons[w]}")
    number = read_number(rest, 0)
    amount, j = number if number else (1.0, 0)
    if j < len(rest) and rest[j] in lex.units:
        return Normal("SET", duration_value(amount, lex.units[rest[j]]))
    return Normal("SET", None)


def _numeric_date(text: str, words: list[str], ctx: Context) -> Normal | None:
    if m := ISO_DATE.search(text):
        day = make_date(int(m[1]), int(m[2]), int(m[3]))
        return Normal("DATE", day.isoformat() if day else None)
    if m := NUMERIC_DATE.search(text):
        parsed = parse_absolute(m[0], ctx.date_order)
        if parsed and parsed.year and parsed.month and parsed.day:
            day = make_date(parsed.year, parsed.month, parsed.day)
            return Normal("DATE", day.isoformat() if day else None)
        return Normal("DATE", None)
    return None


@dataclass(frozen=True)
class Quantity:
    """ "<amount> <unit>" inside an expression: amount None for "several years" or "years"."""

    amount: float | None
    unit: Unit
    unit_index: int
    direction_word: str | None
    vague: bool
    decimal: bool


def read_quantity(words: list[str]) -> Quantity | None:
    """The first "<number> <unit>" in the words, skipping approximators ("more than four hours")."""
    lex = vocab()
    unit_index = next(
        (
            k
            for k, w in enumerate(words)
            if w in lex.units
            and not (k + 1 < len(words) and words[k + 1] in lex.units)
            and not (k + 1 < len(words) and words[k + 1] == "half")
        ),
        None,
    )
    if unit_index is None:
        return None
    amount: float | None = None
    direction_word = None
    vague = False
    i = 0
    while i < unit_index:
        w = words[i]
        number = read_number(words, i)
        if number is not None and number[1] <= unit_index:
            if _YEAR_LIKE.match(w):
                return None  # "the 1988 quarter"
            if amount is None:
                amount = number[0]
            elif number[0] < 1:  # "two and a half hours"
                amount += number[0]
            i = number[1]
            continue
        if w in lex.direction_words and direction_word is None:
            direction_word = w
        elif w in lex.vague_quantities:
            vague = vague or w not in lex.direction_words
        elif w not in lex.approximators and w not in lex.direction_words:
            return None
        i += 1
    unit_word = words[unit_index]
    tail = words[unit_index + 1 : unit_index + 4]
    if amount is not None and opens_with(tail, lex.added_half_phrases):
        amount += 0.5
    decimal = any("." in w for w in words[:unit_index])
    return Quantity(amount, lex.units[unit_word], unit_index, direction_word, vague, decimal)


def _is_plural(word: str) -> bool:
    return word.endswith("s") or word in vocab().plural_units


def _shifted(text: str, words: list[str], ctx: Context) -> Normal | None:
    """ "three days ago", "a year earlier" (than the last date mentioned), "two weeks later"."""
    lex = vocab()
    quantity = read_quantity(words)
    if quantity is None:
        return None
    after = words[quantity.unit_index + 1 : quantity.unit_index + 2]
    if not after or after[0] not in lex.shift_words:
        return None
    sign, counted_from = lex.shift_words[after[0]]
    unit_word = words[quantity.unit_index]
    if quantity.amount is None and not quantity.vague and not _is_plural(unit_word):
        quantity = dataclasses.replace(quantity, amount=1.0)
    if counted_from == "length":
        return Normal("DURATION", duration_value(quantity.amount, quantity.unit, quantity.decimal))
    if quantity.amount is None or quantity.vague:
        return Normal("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
    if quantity.amount != int(quantity.amount) or quantity.unit.clock:
        return Normal("DATE", None)
    amount = int(quantity.amount) * quantity.unit.factor * sign
    code = quantity.unit.code
    # a year before the quarter being reported on, or before the date just mentioned
    for base in (ctx.period, ctx.reference if counted_from == "reference" else None):
        moved = shift_value(base, code, amount) if base else None
        if moved:
            return Normal("DATE", moved)
    if ctx.anchor is None:
        return Normal("DATE", None)
    day = shift(ctx.anchor, code, amount)
    return Normal("DATE", granular_value(day, code) if day else None)


def _duration(text: str, words: list[str], ctx: Context) -> Normal | None:
    """ "for three days", "2.5 years", "the past few weeks", "recent years", "a five-year plan"."""
    lex = vocab()
    quantity = read_quantity(words)
    if quantity is None:
        return None
    tail = words[quantity.unit_index + 1 :]
    if tail[:1] == ["of"]:
        tail = []  # "the first nine months of 1997": the length is the expression's head
    if any(w not in lex.approximators and w not in lex.units and w not in lex.length_tail_words
           for w in tail):
        return None
    direction = quantity.direction_word
    if direction is not None and lex.direction_words[direction] == 0:
        return None  # "this six months", "this year": a calendar period, not a length
    if quantity.amount is not None:
        value = duration_value(quantity.amount, quantity.unit, quantity.decimal)
        return Normal("DURATION", value)
    if _is_plural(words[quantity.unit_index]) or quantity.vague:  # "years", "several-year"
        return Normal("DURATION", duration_value(None, quantity.unit))
    if ctx.length_first and quantity.unit.code in ("Y", "M", "W"):  # "the fiscal year ended"
        return Normal("DURATION", duration_value(1.0, quantity.unit))
    return None


def _calendar(text: str, words: list[str], ctx: Context) -> Normal | None:
    if any(w.isdigit() and len(w) > 4 for w in words):
        return Normal("DATE", None)  # "year 99999", "80486": no calendar value
    parts = read_parts(words, ctx.anchor, text)
    if parts is None:
        return None
    return compose_calendar(parts, ctx)


def _dateparser_fallback(text: str, words: list[str], ctx: Context) -> Normal | None:
    if len(words) < 2 or all(w.isdigit() for w in words):
        return None  # a bare number ("Smith, 44,") is not a date
    parsed = parse_absolute(text, ctx.date_order)
    if parsed is None or parsed.year is None:
        return None
    if parsed.month and parsed.day:
        day = make_date(parsed.year, parsed.month, parsed.day)
        return Normal("DATE", day.isoformat() if day else None)
    if parsed.month:
        return Normal("DATE", f"{parsed.year:04d}-{parsed.month:02d}")
    return Normal("DATE", f"{parsed.year:04d}")


RULES: tuple[Rule, ...] = (
    _fixed_value,
    _set_expression,
    _numeric_date,
    _shifted,
    _duration,
    _calendar,
    _dateparser_fallback,
)


def normalize(text: str, ctx: Context, label: str = "DATE") -> Normal:
    """Type and value of one expression; the value is None when no rule can pin it."""
    words = split_words(text)
    if not words or any(digit_number(w) is None and w.isdigit() for w in words):
        return Normal(label if label in ("DATE", "TIME") else "DATE", None)
    for rule in RULES:
        found = rule(text, words, ctx)
        if found is not None:
            return _typed(found)
    return Normal(label if label in ("DATE", "TIME") else "DATE", None)


def _typed(found: Normal) -> Normal:
    """TIME when a date carries a time of day; no value outside years 1-9999."""
    value = found.value
    if value and (value[:1] == "-" or value[:4] == "0000" or _LONG_YEAR.match(value)):
        return Normal(found.type, None)
    if found.type == "DATE" and value and value[:1].isdigit() and "T" in value:
        return Normal("TIME", value)
    return found
