"""The API's reads: fixed SQL with bound parameters; user input never becomes SQL text.

Every filter adds one constant clause from this module and its values as parameters, so the
only strings joined into a statement are written here.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

import duckdb

from tripwire.server.models import QUADS, SORT_COLUMNS, EventRow

EVENT_COLUMNS = list(EventRow.model_fields)
_EVENT_SELECT = "SELECT " + ", ".join(f"e.{c}" for c in EVENT_COLUMNS) + " FROM events e"
_CONFLICT = tuple(q for q in QUADS if q.endswith("conflict"))

@dataclass
class EventFilter:
    """What `/api/events` narrows to; every field left empty selects everything."""

    ids: list[str] = field(default_factory=list)
    actor: str | None = None
    dyad: tuple[str, str] | None = None
    directed: bool = True
    type: str | None = None
    quad: str | None = None
    modality: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    text: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        """The WHERE clause (constant text) and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []

        def add(clause: str, *values: Any) -> None:
            clauses.append(clause)
            params.extend(values)

        if self.ids:
            add("list_contains(?, e.id)", self.ids)
        if self.actor:
            add("e.id IN (SELECT event_id FROM event_actors WHERE actor = ?)", self.actor)
        if self.dyad and self.directed:
            add("e.source_actor = ? AND e.target_actor = ?", *self.dyad)
        elif self.dyad:
            add("((e.source_actor = ? AND e.target_actor = ?) OR "
                "(e.source_actor = ? AND e.target_actor = ?))", *self.dyad, *reversed(self.dyad))
        if self.type:
            add("e.type = ?", self.type)
        if self.quad:
            add("e.quad = ?", self.quad)
        if self.modality:
            add("e.modality = ?", self.modality)
        if self.date_from:
            add("coalesce(e.date, e.published) >= ?", self.date_from)
        if self.date_to:
            add("coalesce(e.date, e.published) <= ?", self.date_to)
        if self.text:
            pattern = f"%{like_escape(self.text)}%"
            add("(e.sentence_text ILIKE ? ESCAPE '\\' OR e.trigger_text ILIKE ? ESCAPE '\\')",
                pattern, pattern)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def like_escape(text: str) -> str:
    """Match the text literally inside a LIKE pattern."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _records(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    columns = [d[0] for d in cur.description or []]
    return [dict(zip(columns, row, strict=True)) for row in cur.fetchall()]


def event_order(sort: str) -> str:
    """ORDER BY for "column" or "-column" (descending) of SORT_COLUMNS; missing values last."""
    column = SORT_COLUMNS[sort.lstrip("-")]
    direction = "DESC" if sort.startswith("-") else "ASC"
    if column == SORT_COLUMNS["date"]:  # one day's events in their articles' order
        return f" ORDER BY {column} {direction} NULLS LAST, e.id"
    return (f" ORDER BY {column} {direction} NULLS LAST, {SORT_COLUMNS['date']} DESC NULLS LAST, "
            "e.id")


def list_events(cur: duckdb.DuckDBPyConnection, filters: EventFilter, sort: str, page: int,
                page_size: int) -> tuple[int, list[dict[str, Any]]]:
    """The total number of matching events and one page of them in `sort` order."""
    where, params = filters.where()
    total = cur.execute("SELECT count(*) FROM events e" + where, params).fetchone()
    cur.execute(_EVENT_SELECT + where + event_order(sort) + " LIMIT ? OFFSET ?",
                [*params, page_size, (page - 1) * page_size])
    return int(total[0]) if total else 0, _records(cur)


def table_exists(cur: duckdb.DuckDBPyConnection, name: str) -> bool:
    row = cur.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = ?", [name]).fetchone()
    return bool(row and row[0])


def event_detail(cur: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
    """One event with its actors, its article and (once signals has run) its incident."""
    cur.execute(_EVENT_SELECT + " WHERE e.id = ?", [event_id])
    rows = _records(cur)
    if not rows:
        return None
    event = rows[0]
    cur.execute("SELECT role, position, actor, text, country, sector FROM event_actors "
                "WHERE event_id = ? ORDER BY role DESC, position", [event_id])
    event["actors"] = _records(cur)
    cur.execute("SELECT id, title, published, url, source FROM articles WHERE id = ?",
                [event["article_id"]])
    event["article"] = _records(cur)[0]
    event["incident"] = _incident(cur, event_id)
    return event


def _incident(cur: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
    if not (table_exists(cur, "incidents") and table_exists(cur, "incident_events")):
        return None
    cur.execute(
        "SELECT i.id, i.type, i.quad, i.source_actor, i.target_actor, i.modality, i.date, "
        "i.num_events, i.num_articles, "
        "(SELECT list(x.event_id ORDER BY x.event_id) FROM incident_events x "
        " WHERE x.incident_id = i.id) AS event_ids "
        "FROM incident_events ie JOIN incidents i ON i.id = ie.incident_id "
        "WHERE ie.event_id = ? ORDER BY i.id LIMIT 1", [event_id])
    rows = _records(cur)
    return rows[0] if rows else None


def article_detail(cur: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any] | None:
    """The article's text with every span to highlight, and its events."""
    row = cur.execute("SELECT id, title, published, url, source, kicker, document FROM articles "
                      "WHERE id = ?", [article_id]).fetchone()
    if row is None:
        return None
    article = dict(zip(("id", "title", "published", "url", "source", "kicker"), row[:6],
                       strict=True))
    document = json.loads(row[6])
    article["text"] = document["text"]
    article["spans"] = document_spans(document)
    cur.execute(_EVENT_SELECT + " WHERE e.article_id = ? ORDER BY e.sentence_start, e.id",
                [article_id])
    article["events"] = _records(cur)
    return article


def document_spans(document: dict[str, Any]) -> list[dict[str, Any]]:
    """Actor mentions, quotes, time expressions, event sentences and triggers, in text order."""
    spans: list[dict[str, Any]] = []
    for actor in document.get("actors", []):
        for mention in actor["mentions"]:
            spans.append({"kind": "actor", "start": mention["start"], "end": mention["end"],
                          "label": actor["name"], "ref": actor["id"]})
    for quote in document.get("quotes", []):
        speaker = quote.get("speaker") or {}
        spans.append({"kind": "quote", "start": quote["start"], "end": quote["end"],
                      "label": speaker.get("text"), "ref": speaker.get("actor")})
    for time in document.get("times", []):
        spans.append({"kind": "time", "start": time["start"], "end": time["end"],
                      "label": time.get("value"), "ref": None})
    for event in document.get("events", []):
        spans.append({"kind": "sentence", "start": event["sentence"]["start"],
                      "end": event["sentence"]["end"], "label": event["type"], "ref": event["id"]})
        spans.append({"kind": "trigger", "start": event["trigger"]["start"],
                      "end": event["trigger"]["end"], "label": event["type"], "ref": event["id"]})
    return sorted(spans, key=lambda s: (s["start"], -s["end"], s["kind"]))


_ACTOR_SUMMARY = """
SELECT a.id, a.name, a.kind, a.country,
       coalesce(m.mentions, 0) AS mentions, coalesce(m.articles, 0) AS articles,
       coalesce(s.n, 0) AS as_source, coalesce(t.n, 0) AS as_target
FROM actors a
LEFT JOIN (SELECT actor_id, count(*) AS mentions, count(DISTINCT article_id) AS articles
           FROM mentions GROUP BY actor_id) m ON m.actor_id = a.id
LEFT JOIN (SELECT source_actor, count(*) AS n FROM events GROUP BY source_actor) s
       ON s.source_actor = a.id
LEFT JOIN (SELECT target_actor, count(*) AS n FROM events GROUP BY target_actor) t
       ON t.target_actor = a.id
"""


def list_actors(cur: duckdb.DuckDBPyConnection, text: str | None, limit: int) -> list[dict]:
    """Actors, most mentioned first; `text` matches id or name."""
    where, params = "", []
    if text:
        pattern = f"%{like_escape(text)}%"
        where, params = " WHERE a.id ILIKE ? ESCAPE '\\' OR a.name ILIKE ? ESCAPE '\\'", [
            pattern, pattern]
    cur.execute(_ACTOR_SUMMARY + where + " ORDER BY mentions DESC, as_source + as_target DESC, "
                "a.id LIMIT ?", [*params, limit])
    return _records(cur)


def network(cur: duckdb.DuckDBPyConnection, modality: str | None, date_from: dt.date | None,
            date_to: dt.date | None, limit: int) -> dict[str, list[dict]]:
    """Who acts on whom: one edge per directed pair, with its conflict and cooperation counts."""
    filters = EventFilter(modality=modality, date_from=date_from, date_to=date_to)
    where, params = filters.where()
    where += (" AND " if where else " WHERE ") + (
        "e.source_actor IS NOT NULL AND e.target_actor IS NOT NULL "
        "AND e.source_actor <> e.target_actor")
    cur.execute(
        "SELECT e.source_actor AS source, e.target_actor AS target, count(*) AS events, "
        "count(*) FILTER (WHERE list_contains(?, e.quad)) AS conflict, "
        "count(*) FILTER (WHERE e.quad IS NOT NULL AND NOT list_contains(?, e.quad)) "
        "AS cooperation FROM events e" + where +
        " GROUP BY ALL ORDER BY events DESC, source, target LIMIT ?",
        [list(_CONFLICT), list(_CONFLICT), *params, limit])
    edges = _records(cur)
    ids = sorted({e["source"] for e in edges} | {e["target"] for e in edges})
    cur.execute(_ACTOR_SUMMARY + " WHERE list_contains(?, a.id) ORDER BY a.id", [ids])
    actors = {a["id"]: a for a in _records(cur)}
    for actor_id in ids:  # an event may name an actor the registry never stored
        actors.setdefault(actor_id, {"id": actor_id, "name": None, "kind": None, "country": None,
                                     "mentions": 0, "articles": 0, "as_source": 0,
                                     "as_target": 0})
    return {"actors": [actors[i] for i in ids], "edges": edges}


_QUOTES = """
WITH q AS (
    SELECT q.article_id, q.n, q.text, q.start, q."end", q.kind, q.cue, q.speaker_text,
           q.speaker_actor, a.published,
           coalesce(q.speaker_actor, 'text:' || lower(q.speaker_text)) AS speaker_key
    FROM quotes q JOIN articles a ON a.id = q.article_id
    WHERE q.speaker_text IS NOT NULL {where}
), counts AS (
    SELECT speaker_key, count(*) AS count, mode(speaker_text) AS said_by
    FROM q GROUP BY speaker_key ORDER BY count DESC, speaker_key LIMIT ?
), ranked AS (
    SELECT q.*, row_number() OVER (PARTITION BY speaker_key
                                   ORDER BY published DESC NULLS LAST, article_id, n) AS rank
    FROM q SEMI JOIN counts USING (speaker_key)
)
SELECT r.article_id, r.n, r.text, r.start, r."end", r.kind, r.cue, r.published,
       r.speaker_key, r.speaker_actor AS actor, coalesce(ac.name, c.said_by) AS speaker,
       c.count
FROM ranked r JOIN counts c USING (speaker_key) LEFT JOIN actors ac ON ac.id = r.speaker_actor
WHERE r.rank <= ?
ORDER BY c.count DESC, r.speaker_key, r.rank
"""


def quotes_by_speaker(cur: duckdb.DuckDBPyConnection, actor: str | None, article_id: str | None,
                      text: str | None, speakers: int, per_speaker: int) -> list[dict]:
    """The most quoted speakers, each with their latest quotes."""
    clauses, params = [], []
    if actor:
        clauses.append("q.speaker_actor = ?")
        params.append(actor)
    if article_id:
        clauses.append("q.article_id = ?")
        params.append(article_id)
    if text:
        clauses.append("q.text ILIKE ? ESCAPE '\\'")
        params.append(f"%{like_escape(text)}%")
    where = "".join(f" AND {c}" for c in clauses)
    cur.execute(_QUOTES.format(where=where), [*params, speakers, per_speaker])
    grouped: dict[str, dict[str, Any]] = {}
    for row in _records(cur):
        head = {name: row.pop(name) for name in ("speaker", "actor", "count")}
        grouped.setdefault(row.pop("speaker_key"), {**head, "quotes": []})["quotes"].append(row)
    return list(grouped.values())
