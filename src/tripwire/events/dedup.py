"""One event per happening: the same event restated in an article becomes one event with
several mentions."""

from __future__ import annotations

from tripwire.document import ActorRef, Event


def _roles_key(refs: list[ActorRef]) -> tuple[str, ...]:
    return tuple(sorted(r.actor or r.text.lower() for r in refs))


def restatement_key(event: Event) -> tuple[object, ...]:
    """Events with equal keys are one event. Without any actor, only the same sentence merges."""
    source, target = _roles_key(event.source), _roles_key(event.target)
    anchor = None if (source or target) else event.sentence.start
    return (event.type, event.mode, event.modality, source, target, event.date, anchor)


def merge_restatements(events: list[Event]) -> list[Event]:
    """Keep the first statement of each event; later ones add their trigger to its mentions."""
    first: dict[tuple[object, ...], Event] = {}
    merged: list[Event] = []
    for event in events:
        key = restatement_key(event)
        kept = first.get(key)
        if kept is None:
            first[key] = event
            merged.append(event)
            continue
        kept.mentions.extend(m for m in event.mentions if m not in kept.mentions)
        kept.confidence = max(kept.confidence, event.confidence)
        kept.attributed_to = kept.attributed_to or event.attributed_to
    return merged
