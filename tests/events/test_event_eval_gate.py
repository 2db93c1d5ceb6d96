"""Evaluation gate: the coder's dev-set scores may not fall below tests/floors/events.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from bench_module import load_benchmark

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
FLOORS = yaml.safe_load((REPO / "tests" / "floors" / "events.yaml").read_text())


@pytest.fixture(scope="module")
def bench():
    return load_benchmark("events_eval")


def test_plover_floors(shared_data: Path, bench) -> None:
    scores = bench.evaluate_plover(shared_data)
    assert scores["type_accuracy"] >= FLOORS["plover"]["type_accuracy"]
    assert scores["source_country_accuracy"] >= FLOORS["plover"]["source_country_accuracy"]
    assert scores["triple_f1"] >= FLOORS["plover"]["triple_f1"]


def test_quad_floors(shared_data: Path, bench) -> None:
    scores = bench.evaluate_quad(shared_data, limit=500)
    assert scores["macro_f1"] >= FLOORS["quad"]["macro_f1"]
    assert scores["no_event_false_rate"] <= FLOORS["quad"]["no_event_false_rate_max"]


def test_police_floors(shared_data: Path, bench) -> None:
    scores = bench.evaluate_police(shared_data, limit=3000)
    assert scores["any_action"]["f1"] >= FLOORS["police"]["any_action_f1"]
    assert scores["arrest"]["f1"] >= FLOORS["police"]["arrest_f1"]
    assert scores["force"]["f1"] >= FLOORS["police"]["force_f1"]
