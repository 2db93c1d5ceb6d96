"""PLOVER JSON records, one per stored event, in the shape the PLOVER specification describes.

Field mapping (tripwire -> PLOVER): event type -> `event`; trigger text -> `event_text`; the
sentence -> `text`; source actors -> `actor`, target actors -> `recipient` (each entity with
`code` = country or organisation code, `sector`, `entity_text`, `identifier` = tripwire actor
id); quad -> `quad_code` (1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
4 material conflict); location -> `event_loc`; article and offsets -> `cite_info`. What PLOVER
has no field for (modality, attribution, confidence) goes under `tripwire`.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator, Sequence
from importlib import resources
from typing import Any

import jsonschema

from tripwire.store.database import Store

QUAD_CODES = {"verbal_cooperation": 1, "material_cooperation": 2, "verbal_conflict": 3,
              "material_conflict": 4}

_EVENTS_SQL = """
SELECT e.*, a.url, a.source AS article_source, a.title,
       coalesce(list(ea.role ORDER BY ea.position) FILTER (WHERE ea.role IS NOT NULL), []) AS roles,
       coalesce(list(ea.actor ORDER BY ea.position) FILTER (WHERE ea.role IS NOT NULL), []) AS ids,
       coalesce(list(ea.text ORDER BY ea.position) FILTER (WHERE ea.role IS NOT NULL), []) AS texts,
       coalesce(list(ea.country ORDER BY ea.position) FILTER (WHERE ea.role IS NOT NULL), []) AS countries,
       coalesce(list(ea.sector ORDER BY ea.position) FILTER (WHERE ea.role IS NOT NULL), []) AS sectors
FROM events e
JOIN articles a ON a.id = e.article_id
LEFT JOIN event_actors ea ON ea.event_id = e.id{where}
GROUP BY ALL
ORDER BY e.date, e.id
"""


def _entity(actor: str | None, text: str | None, country: str | None, sector: str | None) -> dict:
    code = country or (actor if actor and ":" not in actor else None)
    return {"code": code, "sector": sector, "entity_text": text, "identifier": actor}


def plover_record(row: dict[str, Any]) -> dict[str, Any]:
    """One events-table row (with its actors and article) as a PLOVER record."""
    roles = zip(row["roles"], row["ids"], row["texts"], row["countries"], row["sectors"],
                strict=True)
    actors: dict[str, list[dict]] = {"source": [], "target": []}
    for role, actor, text, country, sector in roles:
        actors[role].append(_entity(actor, text, country, sector))
    date = row["date"] or row["published"]
    return {
        "id": row["id"],
        "date": str(date) if date else None,
        "actor": actors["source"],
        "recipient": actors["target"],
        "event": row["type"],
        "mode": row["mode"],
        "context": list(row["context"] or []),
        "event_text": row["trigger_text"],
        "quad_code": QUAD_CODES.get(row["quad"] or ""),
        "event_loc": {"name": row["location_name"], "country": row["location_country"],
                      "lat": row["lat"], "lon": row["lon"]},
        "text": row["sentence_text"],
        "cite_info": {
            "article_id": row["article_id"], "url": row["url"], "source": row["article_source"],
            "title": row["title"],
            "published": str(row["published"]) if row["published"] else None,
            "sentence": {"start": row["sentence_start"], "end": row["sentence_end"]},
            "trigger": {"start": row["trigger_start"], "end": row["trigger_end"]},
        },
        "tripwire": {"modality": row["modality"], "attributed_to": row["attributed_to"],
                     "confidence": row["confidence"], "cameo": row["cameo"],
                     "intensity": row["intensity"], "date_precision": row["date_precision"]},
    }


def plover_records(store: Store, where: str = "",
                   params: Sequence[Any] = ()) -> Iterator[dict[str, Any]]:
    """PLOVER records of the stored events, narrowed by a WHERE clause on `e` (events)."""
    cur = store.cursor().execute(_EVENTS_SQL.format(where=where), list(params))
    columns = [d[0] for d in cur.description]
    while batch := cur.fetchmany(1000):
        for values in batch:
            yield plover_record(dict(zip(columns, values, strict=True)))


@functools.cache
def plover_schema() -> dict[str, Any]:
    text = resources.files("tripwire.schema").joinpath("plover.schema.json").read_text("utf-8")
    return json.loads(text)


def plover_errors(record: dict[str, Any]) -> list[str]:
    validator = jsonschema.Draft202012Validator(plover_schema())
    return [f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}"
            for e in validator.iter_errors(record)]
