"""Code PLOVER events from parsed sentences."""

from __future__ import annotations

from spacy.tokens import Doc

from tripwire.actors import ActorResolution
from tripwire.document import Document, Event


def code_events(doc: Doc, document: Document, actors: ActorResolution) -> list[Event]:
    return []
