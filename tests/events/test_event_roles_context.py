"""Roles placed by the article around them: where an unnamed doer acted, where a generic
agent is, who a definite title is. Sentences written for these tests."""

from __future__ import annotations

from tripwire.analyze import analyze
from tripwire.document import Event
from tripwire.eval.events import ref_country


def _events(text: str, event_type: str, trigger: str | None = None) -> list[Event]:
    return [e for e in analyze(text, published="2023-03-06").events
            if e.type == event_type and (trigger is None or e.trigger.text == trigger)]


def _countries(refs: list) -> set[str]:
    return {c for c in map(ref_country, refs) if c}


def test_an_unnamed_doer_acted_where_the_story_last_placed_something() -> None:
    # the victims' allies named last ("the German contingent") are not where it happened
    text = ("A French medic was killed by a mine in Mali while serving with the German "
            "contingent. Five others were wounded in the blast.")
    [wounded] = _events(text, "ASSAULT", "wounded")
    assert _countries(wounded.source) == {"MLI"}
