"""Score the quotes stage on PolNeAR (news attributions with source, cue and content spans).

Direct quotes: a predicted direct or partial quote is right when it overlaps the content of a
gold attribution that quotes (`direct`); a gold one is found when some prediction overlaps it.
Speaker accuracy counts found gold quotes that have a source: the best-overlapping prediction's
speaker mention or resolved speaker overlaps the gold source, or names the same person (same
surname). Reported speech is scored the same way against the gold attributions that do not quote.

PolNeAR's `direct` flag is set when the content holds a double quotation mark, but the New York
Times texts print double quotes as two apostrophes (''like this''); those contents quote too, so
`strict_flag=False` (the default) counts them as direct. `strict_flag=True` scores against the
flag exactly as stored.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tripwire.actors import resolve_actors
from tripwire.nlp import parse_many
from tripwire.quotes import Attribution, attribute

QUOTING_KINDS = ("direct", "partial")


@dataclass
class Tally:
    """Counts behind precision, recall and speaker accuracy for one group of articles."""

    predicted: int = 0
    predicted_right: int = 0
    gold: int = 0
    gold_found: int = 0
    speakers: int = 0
    speakers_right: int = 0

    def add(self, other: Tally) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def scores(self) -> dict[str, float]:
        precision = self.predicted_right / self.predicted if self.predicted else 0.0
        recall = self.gold_found / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        accuracy = self.speakers_right / self.speakers if self.speakers else 0.0
        return {"precision": precision, "recall": recall, "f1": f1, "speaker_accuracy": accuracy,
                "gold": self.gold, "predicted": self.predicted, "speakers": self.speakers}


@dataclass
class Report:
    direct: Tally = field(default_factory=Tally)
    indirect: Tally = field(default_factory=Tally)
    by_publisher: dict[str, Tally] = field(default_factory=dict)


def read_records(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """PolNeAR records from a JSONL file; `limit` keeps every n-th so publishers stay mixed."""
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    if limit is not None and len(records) > limit:
        step = len(records) / limit
        records = [records[int(i * step)] for i in range(limit)]
    return records


def _fragments(span: dict[str, Any]) -> list[tuple[int, int]]:
    return [tuple(f) for f in span["spans"]] if span.get("spans") else [(span["start"], span["end"])]


def _overlap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def _surname(text: str) -> str:
    words = [w.strip(".,'’\"") for w in text.split()]
    words = [w for w in words if w[:1].isupper() and w not in ("Mr", "Mrs", "Ms", "Dr")]
    return words[-1].lower() if words else ""


def _speaker_right(prediction: Attribution, source: dict[str, Any]) -> bool:
    gold = _fragments(source)
    for span in (prediction.mention, prediction.speaker):
        if span is not None and _overlap([(span.start, span.end)], gold):
            return True
    if prediction.speaker is None:
        return False
    surname = _surname(prediction.speaker.text)
    return bool(surname) and surname == _surname(source["text"])


def is_quoting(attribution: dict[str, Any], strict_flag: bool = False) -> bool:
    """Whether a gold attribution quotes its content (see the module docstring)."""
    if attribution["direct"] or strict_flag:
        return bool(attribution["direct"])
    return "''" in attribution["content"]["text"]


def score_article(
    record: dict[str, Any], predictions: list[Attribution], quoting: bool,
    strict_flag: bool = False,
) -> Tally:
    """One article's counts, for direct quotes (quoting) or for reported speech."""
    kinds = QUOTING_KINDS if quoting else ("indirect",)
    predicted = [p for p in predictions if p.kind in kinds]
    gold = [a for a in record["attributions"] if is_quoting(a, strict_flag) == quoting]
    gold_spans = [_fragments(a["content"]) for a in gold]
    tally = Tally(predicted=len(predicted), gold=len(gold))
    tally.predicted_right = sum(
        any(_overlap([(p.start, p.end)], g) for g in gold_spans) for p in predicted
    )
    for attribution, spans in zip(gold, gold_spans, strict=True):
        overlaps = [(_overlap([(p.start, p.end)], spans), p) for p in predicted]
        best = max(overlaps, key=lambda o: o[0], default=(0, None))
        if best[1] is None or best[0] == 0:
            continue
        tally.gold_found += 1
        if attribution["source"] is not None:
            tally.speakers += 1
            tally.speakers_right += _speaker_right(best[1], attribution["source"])
    return tally


def predict(records: Iterable[dict[str, Any]]) -> Iterator[list[Attribution]]:
    """Run the real actors and quotes stages over each record's text."""
    records = list(records)
    for record, doc in zip(records, parse_many(r["text"] for r in records), strict=True):
        yield attribute(doc, resolve_actors(doc, record.get("published")))


def evaluate(records: list[dict[str, Any]], strict_flag: bool = False) -> Report:
    report = Report()
    for record, predictions in zip(records, predict(records), strict=True):
        direct = score_article(record, predictions, True, strict_flag)
        report.direct.add(direct)
        report.indirect.add(score_article(record, predictions, False, strict_flag))
        report.by_publisher.setdefault(record.get("publisher") or "?", Tally()).add(direct)
    return report


def format_report(report: Report) -> str:
    """A plain-text table of the scores."""
    rows = [("direct quotes", report.direct), ("reported speech", report.indirect)]
    rows += [(f"  direct, {name}", t) for name, t in sorted(report.by_publisher.items())]
    lines = [f"{'':24} {'P':>6} {'R':>6} {'F1':>6} {'speaker':>8} {'gold':>6} {'pred':>6}"]
    for name, tally in rows:
        s = tally.scores()
        lines.append(f"{name:24} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} "
                     f"{s['speaker_accuracy']:8.3f} {s['gold']:6d} {s['predicted']:6d}")
    return "\n".join(lines)
