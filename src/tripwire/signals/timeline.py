"""Timelines: dated milestones between two actors, from the public record, to backtest alerts on.

A timeline is a CSV file (one milestone a line; lines starting with `#` are comments) or a JSON
file (a list of milestone objects, or an object with a `milestones` list). A milestone names its
date, two actors, what happened and the public source that reports it.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tripwire.datafile import read_user_file
from tripwire.errors import TripwireError

REQUIRED = ("date", "a", "b", "what", "source")
OPTIONAL = ("url",)
COLUMNS = REQUIRED + OPTIONAL


@dataclass(frozen=True)
class Milestone:
    """One dated happening between actors `a` and `b`; `where` is its file and line or record."""

    date: dt.date
    a: str
    b: str
    what: str
    source: str
    url: str | None = None
    where: str = ""

    @property
    def pair(self) -> tuple[str, str]:
        """The unordered pair, as a sorted tuple."""
        first, second = sorted((self.a, self.b))
        return first, second


def read_timeline(path: str | Path) -> list[Milestone]:
    """The milestones of a CSV or JSON timeline file, in file order, or a clear error."""
    path = Path(path)
    text = read_user_file(path, "timeline file", encoding="utf-8-sig")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        milestones = _read_csv(text, str(path))
    elif suffix == ".json":
        milestones = _read_json(text, str(path))
    else:
        raise _bad(str(path), f"unknown timeline format {suffix or '(none)'!r}: use .csv or .json")
    if not milestones:
        raise _bad(str(path), "the timeline holds no milestones")
    return milestones


def _read_csv(text: str, source: str) -> list[Milestone]:
    """One milestone a line, so that every error names its line (no multi-line fields)."""
    lines = [(n, line) for n, line in enumerate(text.splitlines(), start=1)
             if line.strip() and not line.lstrip().startswith("#")]
    if not lines:
        return []
    number, header_line = lines[0]
    header = [h.strip() for h in next(csv.reader([header_line]))]
    _check_keys(header, f"{source}:{number}", "column")
    milestones = []
    for number, line in lines[1:]:
        where = f"{source}:{number}"
        row = next(csv.reader([line]))
        if len(row) != len(header):
            raise _bad(where, f"expected {len(header)} fields ({', '.join(header)}), "
                              f"found {len(row)}")
        milestones.append(_milestone(dict(zip(header, row, strict=True)), where))
    return milestones


def _read_json(text: str, source: str) -> list[Milestone]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _bad(f"{source}:{exc.lineno}", f"not valid JSON: {exc.msg}") from None
    if isinstance(data, dict) and set(data) == {"milestones"}:
        data = data["milestones"]
    if not isinstance(data, list):
        raise _bad(source, "a JSON timeline is a list of milestones or {\"milestones\": [...]}")
    milestones = []
    for number, record in enumerate(data, start=1):
        where = f"{source}: milestone {number}"
        if not isinstance(record, dict):
            raise _bad(where, f"a milestone is an object with {', '.join(REQUIRED)}")
        _check_keys(list(record), where, "field")
        milestones.append(_milestone(record, where))
    return milestones


def _check_keys(keys: list[str], where: str, kind: str) -> None:
    unknown = [k for k in keys if k not in COLUMNS]
    if unknown:
        raise _bad(where, f"unknown {kind} {unknown[0]!r}: the {kind}s are {', '.join(COLUMNS)}")
    missing = [k for k in REQUIRED if k not in keys]
    if missing:
        raise _bad(where, f"missing {kind} {missing[0]!r}: the {kind}s are {', '.join(COLUMNS)}")


def _milestone(record: dict[str, Any], where: str) -> Milestone:
    values = {}
    for key in COLUMNS:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise _bad(where, f"{key} must be text, got {value!r}")
        values[key] = (value or "").strip()
        if key in REQUIRED and not values[key]:
            raise _bad(where, f"{key} is empty" + (" (an actor id such as TUR or org:ypg)"
                                                   if key in ("a", "b") else ""))
    try:
        date = dt.date.fromisoformat(values["date"])
    except ValueError:
        raise _bad(where, f"bad date {values['date']!r} (use YYYY-MM-DD)") from None
    if values["a"] == values["b"]:
        raise _bad(where, f"a and b are the same actor {values['a']!r}")
    return Milestone(date=date, a=values["a"], b=values["b"], what=values["what"],
                     source=values["source"], url=values["url"] or None, where=where)


def _bad(where: str, message: str) -> TripwireError:
    return TripwireError("E009", message, where)
