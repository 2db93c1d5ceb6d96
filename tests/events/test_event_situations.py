"""Every situation the coding guidelines name is coded in the ways wire reports phrase it, and the
same words in a sense that is no act are not (tests/events/data/situations.yaml, sentences written
for this test)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from coding import Coding, countries, keys

from tripwire.document import ActorRef

code = Coding("2024-05-01").events

SITUATIONS: dict[str, list[dict[str, Any]]] = yaml.safe_load(
    (Path(__file__).parent / "data" / "situations.yaml").read_text())


def roles(refs: list[ActorRef]) -> set[str]:
    """The countries of a role and its actor ids ("EU" for the European Union)."""
    return countries(refs) | keys(refs)


def _cases(kind: str) -> list[Any]:
    cases = []
    for event_type, entries in SITUATIONS.items():
        for entry in entries:
            if kind in entry:
                marks = ([pytest.mark.xfail(strict=True, reason=entry["gap"])]
                         if "gap" in entry else [])
                cases.append(pytest.param(event_type, entry, id=entry[kind][:60], marks=marks))
    return cases


def _fits(case: dict[str, Any], source: set[str], target: set[str]) -> bool:
    """The expected source and target (null: any) are there; for a joint act the two parties
    may stand on either side."""
    if case.get("joint"):
        return {case["source"], case["target"]} <= source | target
    return ((case["source"] is None or case["source"] in source)
            and (case["target"] is None or case["target"] in target))


@pytest.mark.parametrize(("event_type", "case"), _cases("text"))
def test_a_situation_is_coded_with_its_source_and_target(event_type: str,
                                                         case: dict[str, Any]) -> None:
    accepted = {event_type, *case.get("alt", [])}
    coded = [(e.type, roles(e.source), roles(e.target)) for e in code(case["text"])]
    assert any(t in accepted and _fits(case, s, g) for t, s, g in coded), coded


@pytest.mark.parametrize(("event_type", "case"), _cases("absent"))
def test_the_same_words_in_no_act_are_not_coded(event_type: str, case: dict[str, Any]) -> None:
    assert not [e.trigger.text for e in code(case["absent"]) if e.type == event_type]


def test_the_battery_covers_every_type_with_cases_and_foils() -> None:
    """Each of the 16 types has wire phrasings and at least one foil, and every case names a
    known type (a typo in the file would otherwise test nothing)."""
    assert len(SITUATIONS) == 16
    for entries in SITUATIONS.values():
        assert sum("text" in e for e in entries) >= 6
        assert any("absent" in e for e in entries)
