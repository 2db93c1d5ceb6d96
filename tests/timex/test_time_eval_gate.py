"""Evaluation gate: TempEval-3 (TimeBank+AQUAINT) scores may not fall below the stored floors."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tripwire.eval.timex import evaluate, read_gold

pytestmark = pytest.mark.slow

FLOORS = Path(__file__).resolve().parents[1] / "floors" / "timex.yaml"


def test_time_scores_stay_above_floors(shared_data: Path) -> None:
    floors = yaml.safe_load(FLOORS.read_text(encoding="utf-8"))
    scores, _ = evaluate(read_gold(shared_data / "time" / "tbaq.jsonl", every=floors["every"]))
    report = scores.report()
    for name, floor in floors["floors"].items():
        assert report[name] >= floor, f"{name} {report[name]:.3f} < floor {floor}"
