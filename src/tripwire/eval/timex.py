"""Score time expressions against TimeML gold (TempEval-3 `tbaq.jsonl`): extraction F1 with
relaxed matching (any character overlap) and value accuracy on the gold expressions found.

Value accuracy compares TIMEX3 values exactly, after writing ISO week numbers with two digits
(the gold has both `2000-W7` and `1998-W08`).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tripwire.document import TimeExpr
from tripwire.nlp import parse_many
from tripwire.timex import find_times

TYPES = ("DATE", "TIME", "DURATION", "SET")
_WEEK = re.compile(r"-W(\d)(?=$|-)")


@dataclass
class Scores:
    found: Counter[str] = field(default_factory=Counter)  # gold expressions overlapped, per type
    gold: Counter[str] = field(default_factory=Counter)
    right: Counter[str] = field(default_factory=Counter)  # found with the gold value
    system: int = 0
    system_matched: int = 0

    def recall(self, kind: str | None = None) -> float:
        gold = self.gold[kind] if kind else sum(self.gold.values())
        found = self.found[kind] if kind else sum(self.found.values())
        return found / gold if gold else 0.0

    def precision(self) -> float:
        return self.system_matched / self.system if self.system else 0.0

    def f1(self) -> float:
        p, r = self.precision(), self.recall()
        return 2 * p * r / (p + r) if p + r else 0.0

    def value_accuracy(self, kind: str | None = None) -> float:
        found = self.found[kind] if kind else sum(self.found.values())
        right = self.right[kind] if kind else sum(self.right.values())
        return right / found if found else 0.0

    def report(self) -> dict[str, float]:
        out = {
            "extraction_precision": self.precision(),
            "extraction_recall": self.recall(),
            "extraction_f1": self.f1(),
            "value_accuracy": self.value_accuracy(),
        }
        for kind in TYPES:
            out[f"recall_{kind}"] = self.recall(kind)
            out[f"value_accuracy_{kind}"] = self.value_accuracy(kind)
        return out


def canonical_value(value: str | None) -> str | None:
    return _WEEK.sub(lambda m: f"-W0{m[1]}", value) if value else value


def _overlap(a: TimeExpr, start: int, end: int) -> int:
    return min(a.end, end) - max(a.start, start)


def score_document(scores: Scores, gold: list[dict], system: list[TimeExpr]) -> list[tuple]:
    """Add one document to the scores; returns (gold, best system match) pairs for inspection."""
    pairs = []
    scores.system += len(system)
    scores.system_matched += sum(
        1 for t in system if any(_overlap(t, g["start"], g["end"]) > 0 for g in gold)
    )
    for g in gold:
        scores.gold[g["type"]] += 1
        matches = [t for t in system if _overlap(t, g["start"], g["end"]) > 0]
        best = max(matches, key=lambda t: _overlap(t, g["start"], g["end"]), default=None)
        if best is not None:
            scores.found[g["type"]] += 1
            if canonical_value(best.value) == canonical_value(g["value"]):
                scores.right[g["type"]] += 1
        pairs.append((g, best))
    return pairs


def read_gold(path: Path, every: int = 1) -> list[dict]:
    """The gold documents, every `every`-th one (a deterministic subsample)."""
    with path.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    return records[::every]


def evaluate(records: Iterable[dict]) -> tuple[Scores, list[tuple]]:
    records = list(records)
    scores = Scores()
    pairs: list[tuple] = []
    for record, doc in zip(records, parse_many(r["text"] for r in records), strict=True):
        system = find_times(doc, record["dct"])
        pairs += [(record, g, t) for g, t in score_document(scores, record["timexes"], system)]
    return scores, pairs
