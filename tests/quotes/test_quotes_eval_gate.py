"""Evaluation gate: PolNeAR dev scores of the quotes stage may not fall below tests/floors/quotes.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tripwire.eval.quotes import evaluate, read_records

pytestmark = pytest.mark.slow

FLOORS = Path(__file__).resolve().parents[1] / "floors" / "quotes.yaml"


def test_polnear_dev_scores_hold_their_floors(shared_data: Path) -> None:
    floors = yaml.safe_load(FLOORS.read_text(encoding="utf-8"))
    report = evaluate(read_records(shared_data / "quotes" / "polnear_dev.jsonl"))
    direct, indirect = report.direct.scores(), report.indirect.scores()
    scores = {
        "direct_f1": direct["f1"],
        "direct_speaker_accuracy": direct["speaker_accuracy"],
        "indirect_precision": indirect["precision"],
        "indirect_speaker_accuracy": indirect["speaker_accuracy"],
    }
    assert set(floors) == set(scores)
    low = {name: round(score, 4) for name, score in scores.items() if score < floors[name]}
    assert not low, f"below the floors in {FLOORS.name}: {low}"
