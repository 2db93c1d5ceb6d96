"""Find time expressions and pin them to the calendar from the publication date.

`find_times` returns every expression with its TIMEX3 type and value; `date_for_clause` gives
the event coder the date of a clause. Without a publication date relative expressions keep a
null value: nothing is ever anchored to today's date.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from tripwire.document import TimeExpr
from tripwire.errors import TripwireError
from tripwire.timex.absolute import DEFAULT_DATE_ORDER, check_date_order
from tripwire.timex.calendar import bounds, parse_anchor
from tripwire.timex.clause import date_for_clause
from tripwire.timex.context import Context, Normal
from tripwire.timex.extract import candidate_spans
from tripwire.timex.normalize import normalize
from tripwire.timex.tense import direction
from tripwire.timex.vocab import vocab
from tripwire.timex.words import split_words

__all__ = ["find_times", "date_for_clause"]

_QUARTER = re.compile(r"^\d{4}-Q[1-4]$")


def _is_time_word(word: str) -> bool:
    lex = vocab()
    return (
        word in lex.months
        or word in lex.weekdays
        or word.rstrip("s") in lex.weekdays
        or word in lex.units
        or word in lex.seasons
        or word in lex.parts_of_day
        or word in lex.relative_days
        or word in lex.set_adverbs
        or word in lex.decade_words
        or word in lex.fixed_values
        or word in lex.clock_words
        or word in lex.weekend_words
    )


def _is_shifted(text: str) -> bool:
    """ "a year ago", "the year-earlier quarter": counted from another period."""
    shifts = vocab().shift_words
    return any(w in shifts for w in split_words(text))


def _keep(span: Span, normal: Normal) -> bool:
    """Drop ages ("a 6-year-old"), bare numbers and frequency adjectives ("quarterly report")."""
    words = split_words(span.text)
    lex = vocab()
    if any(w in lex.not_times for w in words):
        return False
    if normal.value is None and not any(_is_time_word(w) for w in words):
        return False
    if len(span) == 1 and span[0].lower_ in lex.attributive_not_times:
        return span[0].dep_ != "amod"
    return True


def _after_quantity(span: Span) -> bool:
    """A number or a counted noun just before: "$1 billion a year", "interviews a day"."""
    if span.start == 0:
        return False
    before = span.doc[span.start - 1]
    return before.pos_ == "NUM" or before.tag_ in ("NNS", "NNPS", "$")


def _bounds(value: str | None, published: str | None) -> tuple[str | None, str | None]:
    if value == "PRESENT_REF":
        anchor = parse_anchor(published)
        day = anchor.isoformat() if anchor else None
        return day, day
    return bounds(value)


def _as_reference(value: str | None) -> str | None:
    """A calendar value later expressions can count from ("a year earlier"); None for others."""
    if not value or not value[:1].isdigit() or len(value) < 4:
        return None
    return value.split("T", 1)[0]


def find_times(
    doc: Doc, published: str | None, date_order: str = DEFAULT_DATE_ORDER
) -> list[TimeExpr]:
    """Every time expression in a parsed text, normalised against the publication date.

    `date_order` reads numeric dates (DMY: 12/01/2022 is 12 January; MDY; YMD).
    """
    anchor = parse_anchor(published)
    if published and anchor is None:
        raise TripwireError("E006", f"publication date {published!r} is not an ISO date")
    check_date_order(date_order)
    times: list[TimeExpr] = []
    reference: str | None = None
    period: str | None = None
    for span in candidate_spans(doc):
        ctx = Context(
            anchor,
            direction(span),
            reference,
            date_order,
            _after_quantity(span),
            period,
            length_first=span.label_ == "DURATION",
        )
        normal = normalize(span.text, ctx, span.label_)
        if not _keep(span, normal):
            continue
        earliest, latest = _bounds(normal.value, published)
        times.append(
            TimeExpr(
                text=span.text,
                start=span.start_char,
                end=span.end_char,
                type=normal.type,
                value=normal.value,
                earliest=earliest,
                latest=latest,
            )
        )
        if normal.type in ("DATE", "TIME"):
            reference = _as_reference(normal.value) or reference
        if _QUARTER.match(normal.value or "") and not _is_shifted(span.text):
            period = normal.value  # the quarter under discussion
        elif normal.type == "DURATION":
            period = None  # "the latest nine months ... a year earlier": no longer a quarter
    return times
