"""Evaluation gate on whole real articles: scores may not fall below tests/floors/realnews.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from bench_module import load_benchmark

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
FLOORS = yaml.safe_load((REPO / "tests" / "floors" / "realnews.yaml").read_text())


def test_realnews_floors(shared_data: Path) -> None:
    scores = load_benchmark("realnews_eval").evaluate(shared_data)
    assert scores["asserted_triple"]["f1"] >= FLOORS["asserted_triple_f1"]
    assert scores["triple"]["f1"] >= FLOORS["triple_f1"]
    assert scores["type"]["f1"] >= FLOORS["type_f1"]
    assert scores["modality_accuracy"] >= FLOORS["modality_accuracy"]
