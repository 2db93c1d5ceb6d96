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


def _named(refs: list[ActorRef]) -> set[str]:
    """Who a role names: actor ids or countries of the phrases the text gives (an implicit
    target, with no text, names no one)."""
    return {name for r in refs if r.text and (name := r.actor or r.country)}


def merge_clauses(events: list[Event]) -> list[Event]:
    """One sentence's events of one type by one source (or one of them by a doer the sentence
    does not tell: "killed two during a night raid"), one aimed at what the other names or
    either at no one named ("a bombing killed one soldier and wounded two others", "opened
    fire, killing two"), are one happening told clause by clause: the more confident event keeps
    the others' triggers as mentions, and their target if it named none."""
    merged: list[Event] = []
    for event in sorted(events, key=lambda e: -e.confidence):
        kept = next((k for k in merged if _one_happening(k, event)), None)
        if kept is None:
            merged.append(event)
            continue
        kept.mentions.extend(m for m in event.mentions if m not in kept.mentions)
        if not _named(kept.target):
            kept.target = event.target
    return sorted(merged, key=lambda e: e.trigger.start)


def _one_happening(kept: Event, event: Event) -> bool:
    if (kept.type, kept.modality) != (event.type, event.modality):
        return False
    if _roles_key(kept.source) != _roles_key(event.source) and not _doer_untold(event, kept):
        return False
    named = _named(kept.target)
    return not named or _named(event.target) <= named


def _doer_untold(event: Event, kept: Event) -> bool:
    """An act of the sentence whose doer it does not tell ("killed two during an overnight
    raid", "the raid" has no doer of its own) is the act of the same type it tells with one."""
    return (event.sentence == kept.sentence and bool(_doers(kept.source))
            and not _doers(event.source))


def _doers(refs: list[ActorRef]) -> set[str]:
    return {name for r in refs if (name := r.actor or r.country)}
