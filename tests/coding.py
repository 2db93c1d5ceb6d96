"""What the coder tests share: the events tripwire codes in a text written for a test, the one
event of a type among them, and the keys a role is matched on (as the realnews scorer does).

Each test file fixes its own publication date, since background and dating rules read it:
`code = Coding("2024-05-01").events`."""

from __future__ import annotations

from dataclasses import dataclass

from tripwire.analyze import analyze
from tripwire.document import ActorRef, Event
from tripwire.eval.events import ref_country


@dataclass(frozen=True)
class Coding:
    published: str

    def events(self, text: str, published: str | None = None) -> list[Event]:
        return analyze(text, published=published or self.published).events

    def event_of(self, text: str, event_type: str, trigger: str | None = None) -> Event:
        """The first event of a type (and trigger), failing the test when there is none."""
        found = [e for e in self.events(text) if e.type == event_type
                 and (trigger is None or e.trigger.text == trigger)]
        assert found, f"no {event_type} event in {text!r}"
        return found[0]

    def coded(self, text: str, event_type: str) -> list[tuple[str, set[str], set[str]]]:
        """(modality, source countries, target countries) of the events of one type."""
        return [(e.modality, countries(e.source), countries(e.target))
                for e in self.events(text) if e.type == event_type]


def only(events: list[Event], event_type: str) -> Event:
    """The single event of a type, failing the test when there are none or several."""
    [event] = [e for e in events if e.type == event_type]
    return event


def keys(refs: list[ActorRef]) -> set[str]:
    """Actor ids and countries of a role."""
    return {k for r in refs for k in (r.actor, r.country) if k}


def countries(refs: list[ActorRef]) -> set[str]:
    return {c for c in (ref_country(r) for r in refs) if c}
