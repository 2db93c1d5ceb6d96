"""Score phrase resolution on actor-resolution cases (../shared/data/actors/actor_cases.jsonl).

Each case gives a phrase, an optional reference date and the country and/or primary sector
(`code_1`) another event coder's tests expect. Country accuracy is over cases that state a
country, sector accuracy over cases that state `code_1`; a case that expects no result counts in
both and is right when nothing is resolved. NGEC codes organisations' "country" as IGO (UNO for
the UN family, EUR for the EU): an actor of kind igo matches those.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tripwire.actors.reading import Reading, as_day, resolve_text
from tripwire.actors.registry import Registry, registry

SCORED_KINDS = ("agent_to_code", "short_text_to_agent", "search_nat")
IGO_COUNTRY_CODES = {"EU": "EUR", "UN": "UNO"}


@dataclass
class Scores:
    country_right: int = 0
    country_total: int = 0
    sector_right: int = 0
    sector_total: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)

    @property
    def country_accuracy(self) -> float:
        return self.country_right / self.country_total if self.country_total else 0.0

    @property
    def sector_accuracy(self) -> float:
        return self.sector_right / self.sector_total if self.sector_total else 0.0


def case_date(args: dict[str, Any], today: dt.date | None = None) -> dt.date:
    """The case's query date; 'today' (or none) is `today`, by default the day the scorer runs
    (the source tests' own convention; their expectations were written around 2022)."""
    raw = args.get("query_date")
    if not raw or str(raw).lower() == "today":
        return today or dt.date.today()
    try:
        return dt.date.fromisoformat(str(raw))
    except ValueError:
        return dt.datetime.strptime(str(raw).strip(), "%d %B %Y").date()


def _country_codes(reg: Registry, reading: Reading) -> set[str]:
    """The codes a reading's country may be written as: the ISO code, or IGO/UNO/EUR for bodies."""
    codes = {reading.country or ""}
    if reading.kind == "igo" and reading.country is None:
        from tripwire.actors.reading import root_organisation

        root = root_organisation(reg, reading.actor) or reading.actor or ""
        codes = {"IGO", IGO_COUNTRY_CODES.get(root, "IGO")}
    return codes


def matches(expected: Any, got: str | set[str]) -> bool:
    """Compare with the case's conventions: a value, {"in": [...]}, {"not": v}."""
    values = got if isinstance(got, set) else {got}
    if isinstance(expected, dict):
        if "in" in expected:
            return bool(values & set(expected["in"]))
        if "not" in expected:
            return expected["not"] not in values
        return False
    return expected in values


def score_cases(cases: list[dict[str, Any]], reg: Registry | None = None,
                today: dt.date | None = None) -> Scores:
    reg = reg or registry()
    scores = Scores()
    for case in cases:
        if case["kind"] not in SCORED_KINDS:
            continue
        reading = resolve_text(reg, case["text"], as_day(case_date(case.get("args") or {}, today)))
        expected = case["expected"]
        if expected is None:
            for name in ("country", "sector"):
                right = reading.country is None if name == "country" else reading.sector is None
                setattr(scores, f"{name}_total", getattr(scores, f"{name}_total") + 1)
                setattr(scores, f"{name}_right", getattr(scores, f"{name}_right") + int(right))
                if not right:
                    scores.misses.append({"id": case["id"], "text": case["text"], "field": name,
                                          "expected": None, "got": reading.to_dict()})
            continue
        if "country" in expected:
            right = matches(expected["country"], _country_codes(reg, reading))
            scores.country_total += 1
            scores.country_right += int(right)
            if not right:
                scores.misses.append({"id": case["id"], "text": case["text"], "field": "country",
                                      "expected": expected["country"], "got": reading.country})
        if "code_1" in expected:
            right = matches(expected["code_1"], reading.sector or "")
            scores.sector_total += 1
            scores.sector_right += int(right)
            if not right:
                scores.misses.append({"id": case["id"], "text": case["text"], "field": "sector",
                                      "expected": expected["code_1"], "got": reading.sector})
    return scores


def load_cases(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]
