"""Every situation the coding guidelines name is coded in the ways wire reports phrase it, and the
same words in a sense that is no act are not (tests/events/data/situations.yaml, sentences written
for this test)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from coding import Coding, countries, keys

from tripwire.document import ActorRef

code = Coding("2024-05-01").events



def roles(refs: list[ActorRef]) -> set[str]:
    """The countries of a role and its actor ids ("EUR" for the European Union)."""
    return countries(refs) | keys(refs)


SITUATIONS = yaml.safe_load((Path(__file__).parent / "data" / "situations.yaml").read_text())


def _cases(kind: str) -> list[pytest.param]:
    cases = []
    for event_type, entries in SITUATIONS.items():
        for entry in entries:
            if kind not in entry:
                continue
            marks = ([pytest.mark.xfail(strict=True, reason=entry["gap"])]
                     if "gap" in entry else [])
            cases.append(pytest.param(event_type, entry, id=entry[kind][:60], marks=marks))
    return cases


@pytest.mark.parametrize(("event_type", "case"), _cases("text"))
def test_a_situation_is_coded_with_its_source_and_target(event_type: str, case: dict) -> None:
    coded = [(roles(e.source), roles(e.target))
             for e in code(case["text"]) if e.type == event_type]
    assert coded, f"no {event_type} in {case['text']!r}"
    assert any((case["source"] is None or case["source"] in source)
               and (case["target"] is None or case["target"] in target)
               for source, target in coded), coded


@pytest.mark.parametrize(("event_type", "case"), _cases("absent"))
def test_the_same_words_in_no_act_are_not_coded(event_type: str, case: dict) -> None:
    assert not [e for e in code(case["absent"]) if e.type == event_type]
