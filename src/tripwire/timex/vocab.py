"""The English time vocabulary, read from `vocab.yaml` and checked once so rules can trust it."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from tripwire.errors import TripwireError

VOCAB_PATH = Path(__file__).with_name("vocab.yaml")
SEASON_CODES = {"SP", "SU", "FA", "WI"}
PART_OF_DAY_CODES = {"MO", "AF", "EV", "NI", "MI", "DT"}
REF_VALUES = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}


@dataclass(frozen=True)
class Unit:
    code: str
    clock: bool
    factor: int = 1


@dataclass(frozen=True)
class Vocab:
    months: dict[str, int]
    weekdays: dict[str, int]
    seasons: dict[str, str]
    season_months: dict[str, tuple[int, int]]
    parts_of_day: dict[str, str]
    clock_words: dict[str, tuple[int, int]]
    relative_days: dict[str, tuple[int, str | None]]
    numbers: dict[str, float]
    multipliers: dict[str, int]
    ordinals: dict[str, int]
    vague_quantities: frozenset[str]
    units: dict[str, Unit]
    direction_words: dict[str, int]
    shift_words: dict[str, tuple[int, str]]
    fixed_values: dict[str, str]
    set_adverbs: dict[str, str]
    set_quantifiers: frozenset[str]
    future_verbs: frozenset[str]
    not_times: frozenset[str]
    decade_words: dict[str, int]
    approximators: frozenset[str]
    search_phrases: frozenset[str]
    attributive_not_times: frozenset[str]
    holidays: dict[str, tuple[int, ...]]


class _Checker:
    """Validates one section and names file and line in every complaint."""

    def __init__(self, path: Path, lines: dict[str, int]) -> None:
        self.path = path
        self.lines = lines

    def fail(self, section: str, message: str) -> TripwireError:
        line = self.lines.get(section, 1)
        return TripwireError("E009", f"{section}: {message}", where=f"{self.path}:{line}")

    def mapping(
        self, data: dict[str, Any], section: str, check: Any, keys: Any = str.islower
    ) -> dict[str, Any]:
        value = data.get(section)
        if not isinstance(value, dict) or not value:
            raise self.fail(section, "must be a non-empty mapping")
        out = {}
        for key, item in value.items():
            if not isinstance(key, str) or not keys(key):
                raise self.fail(section, f"bad key {key!r}")
            if not check(item):
                raise self.fail(section, f"bad value for {key!r}: {item!r}")
            out[key] = item
        return out

    def words(self, data: dict[str, Any], section: str) -> frozenset[str]:
        value = data.get(section)
        if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
            raise self.fail(section, "must be a list of words")
        return frozenset(w.lower() for w in value)


def _is_int_in(low: int, high: int) -> Any:
    return lambda v: isinstance(v, int) and not isinstance(v, bool) and low <= v <= high


def _is_unit(v: Any) -> bool:
    return (
        isinstance(v, dict)
        and isinstance(v.get("code"), str)
        and isinstance(v.get("clock"), bool)
        and isinstance(v.get("factor", 1), int)
    )


def _is_relative_day(v: Any) -> bool:
    return (
        isinstance(v, list)
        and len(v) == 2
        and isinstance(v[0], int)
        and (v[1] is None or v[1] in PART_OF_DAY_CODES)
    )


def _is_month_pair(v: Any) -> bool:
    return isinstance(v, list) and len(v) == 2 and all(_is_int_in(1, 12)(m) for m in v)


def _is_clock(v: Any) -> bool:
    return (
        isinstance(v, list) and len(v) == 2 and _is_int_in(0, 24)(v[0]) and _is_int_in(0, 59)(v[1])
    )


def _is_holiday(v: Any) -> bool:
    if not isinstance(v, list) or len(v) not in (2, 3) or not _is_int_in(1, 12)(v[0]):
        return False
    if len(v) == 2:
        return _is_int_in(1, 31)(v[1])
    return _is_int_in(1, 7)(v[1]) and v[2] in (-1, 1, 2, 3, 4, 5)


def _is_shift(v: Any) -> bool:
    return (
        isinstance(v, list)
        and len(v) == 2
        and v[0] in (-1, 1)
        and v[1] in ("anchor", "reference", "length")
    )


def _section_lines(text: str) -> dict[str, int]:
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {key.value: key.start_mark.line + 1 for key, _ in node.value}


def load_vocab(path: Path = VOCAB_PATH) -> Vocab:
    """Read and validate a vocabulary file; a bad file raises E009 naming file and line."""
    try:
        text = path.read_text(encoding="utf-8")
        data = yaml.safe_load(text)
        lines = _section_lines(text)
    except (OSError, yaml.YAMLError) as exc:
        raise TripwireError("E009", f"cannot read time vocabulary: {exc}", where=str(path)) from exc
    if not isinstance(data, dict):
        raise TripwireError("E009", "time vocabulary must be a mapping", where=f"{path}:1")
    c = _Checker(path, lines)
    number = lambda v: isinstance(v, int | float) and not isinstance(v, bool)  # noqa: E731
    units = c.mapping(data, "units", _is_unit)
    return Vocab(
        months=c.mapping(data, "months", _is_int_in(1, 12)),
        weekdays=c.mapping(data, "weekdays", _is_int_in(1, 7)),
        seasons=c.mapping(data, "seasons", lambda v: v in SEASON_CODES),
        season_months={
            k: (v[0], v[1])
            for k, v in c.mapping(
                data, "season_months", _is_month_pair, SEASON_CODES.__contains__
            ).items()
        },
        parts_of_day=c.mapping(data, "parts_of_day", lambda v: v in PART_OF_DAY_CODES),
        clock_words={k: (v[0], v[1]) for k, v in c.mapping(data, "clock_words", _is_clock).items()},
        relative_days={
            k: (v[0], v[1]) for k, v in c.mapping(data, "relative_days", _is_relative_day).items()
        },
        numbers=c.mapping(data, "numbers", number),
        multipliers=c.mapping(data, "multipliers", _is_int_in(2, 10**6)),
        ordinals=c.mapping(data, "ordinals", _is_int_in(-1, 31)),
        vague_quantities=c.words(data, "vague_quantities"),
        units={k: Unit(v["code"], v["clock"], v.get("factor", 1)) for k, v in units.items()},
        direction_words=c.mapping(data, "direction_words", _is_int_in(-1, 1)),
        shift_words={k: (v[0], v[1]) for k, v in c.mapping(data, "shift_words", _is_shift).items()},
        fixed_values=c.mapping(data, "fixed_values", lambda v: v in REF_VALUES),
        set_adverbs=c.mapping(data, "set_adverbs", lambda v: isinstance(v, str) and v[:1] == "P"),
        set_quantifiers=c.words(data, "set_quantifiers"),
        future_verbs=c.words(data, "future_verbs"),
        not_times=c.words(data, "not_times"),
        decade_words=c.mapping(data, "decade_words", _is_int_in(0, 9)),
        approximators=c.words(data, "approximators"),
        search_phrases=c.words(data, "search_phrases"),
        attributive_not_times=c.words(data, "attributive_not_times"),
        holidays={k: tuple(v) for k, v in c.mapping(data, "holidays", _is_holiday).items()},
    )


@functools.cache
def vocab() -> Vocab:
    """The packaged vocabulary, loaded once per process."""
    return load_vocab()
