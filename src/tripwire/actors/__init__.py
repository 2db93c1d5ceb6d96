"""Resolve every actor mention in an article to an actor id (DESIGN.md, Actors)."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from tripwire.document import Actor, ActorRef, Entity


@dataclass
class ActorResolution:
    """The actors of one article and a way for later stages to ask who a span refers to."""

    entities: list[Entity] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)

    def actor_at(self, start: int, end: int) -> ActorRef | None:
        """The actor mentioned in text[start:end], if any."""
        return None


def resolve_actors(doc: Doc, published: str | None = None) -> ActorResolution:
    return ActorResolution()
