"""Evaluation gate: actor-resolution scores on ../shared/data may not fall below the floors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from tripwire.eval.actors import load_cases, score_cases

pytestmark = pytest.mark.slow

FLOORS = Path(__file__).resolve().parents[1] / "floors" / "actors.yaml"


def test_scores_meet_floors(shared_data: Path) -> None:
    floors = yaml.safe_load(FLOORS.read_text(encoding="utf-8"))
    today = dt.date.fromisoformat(str(floors["today"]))
    scores = score_cases(load_cases(shared_data / "actors" / "actor_cases.jsonl"), today=today)
    assert scores.country_accuracy >= floors["country_accuracy"]
    assert scores.sector_accuracy >= floors["sector_accuracy"]


def test_seed_article_actors(seed_path: Path) -> None:
    from tripwire.analyze import analyze

    document = analyze(seed_path.read_text(encoding="utf-8"), "2022-01-07")
    actors = {a.id: a for a in document.actors}
    assert {"NATO", "RUS", "UKR", "GEO", "USA", "EU", "FRA", "person:jens-stoltenberg",
            "person:josep-borrell", "person:emmanuel-macron", "person:ursula-von-der-leyen"} <= set(actors)
    assert actors["person:jens-stoltenberg"].affiliation == "NATO"
    assert actors["person:josep-borrell"].affiliation == "EU"
    assert actors["person:ursula-von-der-leyen"].affiliation == "EU"
    assert actors["person:emmanuel-macron"].country == "FRA"
    furniture = [c.text for c in document.captions] + [s.text for s in document.subheads]
    for actor in document.actors:
        for mention in actor.mentions:
            paragraph_start = document.text.rfind("\n\n", 0, mention.start) + 2
            paragraph_end = document.text.find("\n\n", mention.end)
            paragraph = document.text[paragraph_start:paragraph_end if paragraph_end >= 0 else None]
            assert paragraph.strip() not in furniture
