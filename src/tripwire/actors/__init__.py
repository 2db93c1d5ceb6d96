"""Resolve every actor mention in an article to an actor id (DESIGN.md, Actors).

Public interface for the other stages:
- `resolve_actors(doc, published) -> ActorResolution` (entities, actors with all mentions,
  `actor_at(start, end)`, `people_before(offset)`);
- `resolve_phrase(text_or_span, date) -> Reading` for a noun phrase on its own;
- `use_actor_files(paths)` for users' `--actors` files (also `TRIPWIRE_ACTORS`).
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Span

from tripwire.actors.reading import Reading, as_day, resolve_text
from tripwire.actors.registry import Registry, load_registry, registry, use_actor_files
from tripwire.actors.resolve import ActorResolution, resolve_actors
from tripwire.errors import TripwireError

__all__ = ["ActorResolution", "Reading", "Registry", "load_registry", "registry",
           "resolve_actors", "resolve_phrase", "use_actor_files"]


def resolve_phrase(phrase: str | Span, date: str | dt.date | None = None) -> Reading:
    """Who a noun phrase names, with country and sector; office holders as of `date` (none
    without one: an undated phrase never takes today's office holders)."""
    text = phrase.text if isinstance(phrase, Span) else phrase
    if not isinstance(text, str) or not text.strip():
        raise TripwireError("E004", "empty phrase: give the words that name an actor")
    return resolve_text(registry(), text.strip(), as_day(date))
