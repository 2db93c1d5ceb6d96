"""The English time vocabulary, read from `lang/en/time.yaml` and checked once so rules can
trust it."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, StrictBool, StrictFloat, StrictInt

from tripwire.lang import WordFile, Words, load_words, word_file

VOCAB_PATH = word_file("time")
SEASON_CODES = ("SP", "SU", "FA", "WI")
SeasonCode = Literal["SP", "SU", "FA", "WI"]
PartOfDayCode = Literal["MO", "AF", "EV", "NI", "MI", "DT"]
RefValue = Literal["PRESENT_REF", "PAST_REF", "FUTURE_REF"]


def _lower_case(key: str) -> str:
    if not key.islower():
        raise ValueError(f"bad key {key!r}: words are written in lower case")
    return key


def _holiday_rule(rule: tuple[int, ...]) -> tuple[int, ...]:
    """[month, day], or [month, weekday, n] with n from 1 to 5 or -1 (the last)."""
    if len(rule) not in (2, 3) or not 1 <= rule[0] <= 12:
        raise ValueError(f"a holiday is [month, day] or [month, weekday, n], not {list(rule)}")
    if len(rule) == 2 and not 1 <= rule[1] <= 31:
        raise ValueError(f"bad day in {list(rule)}")
    if len(rule) == 3 and (not 1 <= rule[1] <= 7 or rule[2] not in (-1, 1, 2, 3, 4, 5)):
        raise ValueError(f"bad weekday or n in {list(rule)}")
    return rule


def _season(code: str) -> str:
    if code not in SEASON_CODES:
        raise ValueError(f"a season is one of {', '.join(SEASON_CODES)}, not {code!r}")
    return code


def _frequency(value: str) -> str:
    if not value.startswith("P"):
        raise ValueError(f"a repetition period is a TIMEX3 duration (P1D ...), not {value!r}")
    return value


Word = Annotated[str, AfterValidator(_lower_case)]
Month = Annotated[StrictInt, Field(ge=1, le=12)]
Weekday = Annotated[StrictInt, Field(ge=1, le=7)]
Hour = Annotated[StrictInt, Field(ge=0, le=24)]
Minute = Annotated[StrictInt, Field(ge=0, le=59)]
Multiplier = Annotated[StrictInt, Field(ge=2, le=10**6)]
Ordinal = Annotated[StrictInt, Field(ge=-1, le=31)]  # -1: the last
Step = Annotated[StrictInt, Field(ge=-1, le=1)]
Digit = Annotated[StrictInt, Field(ge=0, le=9)]


class Unit(WordFile):
    code: str
    clock: StrictBool
    factor: StrictInt = 1


class Vocab(WordFile):
    months: dict[Word, Month] = Field(min_length=1)
    weekdays: dict[Word, Weekday] = Field(min_length=1)
    seasons: dict[Word, SeasonCode] = Field(min_length=1)
    season_months: dict[Annotated[str, AfterValidator(_season)], tuple[Month, Month]] = Field(
        min_length=1)
    parts_of_day: dict[Word, PartOfDayCode] = Field(min_length=1)
    clock_words: dict[Word, tuple[Hour, Minute]] = Field(min_length=1)
    relative_days: dict[Word, tuple[StrictInt, PartOfDayCode | None]] = Field(min_length=1)
    numbers: dict[Word, StrictInt | StrictFloat] = Field(min_length=1)
    multipliers: dict[Word, Multiplier] = Field(min_length=1)
    ordinals: dict[Word, Ordinal] = Field(min_length=1)
    vague_quantities: Words
    units: dict[Word, Unit] = Field(min_length=1)
    direction_words: dict[Word, Step] = Field(min_length=1)
    shift_words: dict[Word, tuple[Literal[-1, 1], Literal["anchor", "reference", "length"]]] = (
        Field(min_length=1))
    fixed_values: dict[Word, RefValue] = Field(min_length=1)
    set_adverbs: dict[Word, Annotated[str, AfterValidator(_frequency)]] = Field(min_length=1)
    set_quantifiers: Words
    future_verbs: Words
    not_times: Words
    decade_words: dict[Word, Digit] = Field(min_length=1)
    approximators: Words
    search_phrases: Words
    attributive_not_times: Words
    holidays: dict[Word, Annotated[tuple[StrictInt, ...], AfterValidator(_holiday_rule)]] = (
        Field(min_length=1))
    future_auxiliaries: Words
    deadline_words: Words
    ahead_phrases: Words
    span_end_words: Words
    period_end_words: Words
    range_joiners: Words
    range_openers: Words
    reference_words: Words
    reference_phrases: Words
    oclock_words: Words
    quarter_words: Words
    half_words: Words
    century_words: Words
    weekend_words: Words
    not_day_ordinals: Words
    capitalised_months: Words
    indefinite_articles: Words
    rate_words: Words
    added_half_phrases: Words
    length_tail_words: Words
    plural_units: Words
    date_time_joiners: Words
    past_perfect_auxiliaries: Words
    perfect_auxiliaries: Words
    future_forms: Words
    number_joiners: Words
    millennium_phrases: Words


def load_vocab(path: Path = VOCAB_PATH) -> Vocab:
    """Read and validate a vocabulary file; a bad file raises E009 naming file, line and key."""
    return load_words(path, Vocab)


@functools.cache
def vocab() -> Vocab:
    """The packaged vocabulary, loaded once per process."""
    return load_vocab()
