"""Evaluation gate on whole real articles: scores may not fall below tests/floors/realnews.yaml."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]
FLOORS = yaml.safe_load((REPO / "tests" / "floors" / "realnews.yaml").read_text())


def _benchmark():
    spec = importlib.util.spec_from_file_location("realnews_eval",
                                                  REPO / "benchmarks" / "realnews_eval.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["realnews_eval"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_realnews_floors(shared_data: Path) -> None:
    scores = _benchmark().evaluate(shared_data)
    assert scores["asserted_triple"]["f1"] >= FLOORS["asserted_triple_f1"]
    assert scores["triple"]["f1"] >= FLOORS["triple_f1"]
    assert scores["type"]["f1"] >= FLOORS["type_f1"]
    assert scores["modality_accuracy"] >= FLOORS["modality_accuracy"]
