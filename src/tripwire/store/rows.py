"""Flatten a Document into the rows of the store's tables."""

from __future__ import annotations

import json
from typing import Any

from tripwire.document import ActorRef, Document

Rows = dict[str, list[dict[str, Any]]]


def _first(refs: list[ActorRef]) -> ActorRef | None:
    return refs[0] if refs else None


def document_rows(doc: Document) -> Rows:
    """Rows for every table, keyed by table name."""
    rows: Rows = {"articles": [], "actors": [], "mentions": [], "quotes": [], "times": [],
                  "events": [], "event_actors": []}
    rows["articles"].append({
        "id": doc.id, "content_hash": doc.content_hash, "url": doc.url, "source": doc.source,
        "published": doc.published, "title": doc.title, "kicker": doc.kicker, "text": doc.text,
        "document": json.dumps(doc.to_dict(), ensure_ascii=False),
    })
    for actor in doc.actors:
        rows["actors"].append({
            "id": actor.id, "name": actor.name, "kind": actor.kind, "country": actor.country,
            "sector": actor.sector, "affiliation": actor.affiliation, "office": actor.office,
        })
        for mention in actor.mentions:
            rows["mentions"].append({"article_id": doc.id, "actor_id": actor.id,
                                     "start": mention.start, "end": mention.end,
                                     "text": mention.text})
    for n, quote in enumerate(doc.quotes):
        speaker = quote.speaker
        rows["quotes"].append({
            "article_id": doc.id, "n": n, "text": quote.text, "start": quote.start,
            "end": quote.end, "kind": quote.kind, "speaker_actor": speaker.actor if speaker else None,
            "speaker_text": speaker.text if speaker else None, "cue": quote.cue,
        })
    for n, time in enumerate(doc.times):
        rows["times"].append({
            "article_id": doc.id, "n": n, "text": time.text, "start": time.start, "end": time.end,
            "type": time.type, "value": time.value, "earliest": _iso_date(time.earliest),
            "latest": _iso_date(time.latest),
        })
    for event in doc.events:
        source, target = _first(event.source), _first(event.target)
        rows["events"].append({
            "id": event.id, "article_id": doc.id, "published": doc.published, "type": event.type,
            "mode": event.mode, "context": list(event.context), "quad": event.quad,
            "cameo": event.cameo, "intensity": event.intensity, "date": _iso_date(event.date),
            "date_precision": event.date_precision, "modality": event.modality,
            "attributed_to": event.attributed_to,
            "source_actor": source.actor if source else None,
            "source_country": source.country if source else None,
            "source_sector": source.sector if source else None,
            "target_actor": target.actor if target else None,
            "target_country": target.country if target else None,
            "target_sector": target.sector if target else None,
            "location_name": event.location.name, "location_country": event.location.country,
            "lat": event.location.lat, "lon": event.location.lon,
            "sentence_start": event.sentence.start, "sentence_end": event.sentence.end,
            "sentence_text": doc.text[event.sentence.start:event.sentence.end],
            "trigger_text": event.trigger.text, "trigger_start": event.trigger.start,
            "trigger_end": event.trigger.end, "confidence": event.confidence,
            "mention_count": max(1, len(event.mentions)),
        })
        for role, refs in (("source", event.source), ("target", event.target)):
            for position, ref in enumerate(refs):
                rows["event_actors"].append({
                    "event_id": event.id, "role": role, "position": position, "actor": ref.actor,
                    "text": ref.text, "country": ref.country, "sector": ref.sector,
                })
    return rows


def _iso_date(value: str | None) -> str | None:
    """Only full calendar dates go into DATE columns; TIMEX values like 2019-SU stay out."""
    if value and len(value) >= 10 and value[4] == "-" and value[7] == "-":
        return value[:10]
    return None
