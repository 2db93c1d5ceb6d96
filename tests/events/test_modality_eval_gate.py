"""Evaluation gate: the modality reader on TimeML factuality may not fall below
tests/floors/modality.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from bench_module import load_benchmark

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
FLOORS = yaml.safe_load((REPO / "tests" / "floors" / "modality.yaml").read_text())


def test_modality_floors(shared_data: Path) -> None:
    benchmark = load_benchmark("modality_eval")
    scores = benchmark.evaluate(shared_data, half="dev", limit=FLOORS["limit"])
    assert sum(scores.confusion.values()) > 500, "too few verbal events scored"
    accuracy = scores.accuracy()
    three_way = scores.accuracy(benchmark.IRREALIS)
    assert accuracy >= FLOORS["floors"]["accuracy"], f"accuracy {accuracy:.3f}"
    assert three_way >= FLOORS["floors"]["three_way_accuracy"], f"3-way {three_way:.3f}"
