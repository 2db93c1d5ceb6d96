"""Find direct, partial and reported quotes and their speakers."""

from __future__ import annotations

from spacy.tokens import Doc

from tripwire.actors import ActorResolution
from tripwire.document import Quote


def find_quotes(doc: Doc, actors: ActorResolution) -> list[Quote]:
    return []
