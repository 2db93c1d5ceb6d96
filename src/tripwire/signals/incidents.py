"""Incidents: the events of many reports about one real-world happening, counted once.

Events of the same PLOVER type, source and target actors and modality group are ordered by the
day they happened (their own date, else the publication date; a historical event only with its
own date). Runs of days no more than `window_days` apart form islands; islands are cut into
incidents of at most `window_days + 1` days, so that a week of daily shelling stays seven
incidents rather than one. Inside such a window, events whose mode or location differ are
separate incidents; an event that names no mode or location joins the most reported one.
Everything runs in DuckDB; a rebuild only touches the (type, source, target) keys with new events.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import duckdb

from tripwire.errors import TripwireError
from tripwire.signals.settings import HAPPENED_MODALITIES, IncidentSettings
from tripwire.store import Store

_HAPPENED = ", ".join(f"'{m}'" for m in HAPPENED_MODALITIES)

_EVENTS_SQL = f"""
CREATE OR REPLACE TEMP TABLE signals_ev AS
WITH base AS (
    SELECT e.id, e.article_id, e.type, e.quad, e.mode, e.source_actor, e.target_actor,
           e.modality, e.intensity, e.confidence, coalesce(e.mention_count, 1) AS mentions,
           e.published, e.location_name, e.location_country,
           nullif(lower(trim(e.location_name)), '') AS loc,
           nullif(lower(trim(e.trigger_text)), '') AS trig,
           coalesce(a.source, a.id, e.article_id) AS outlet,
           CASE WHEN e.modality = 'historical' THEN e.date
                ELSE coalesce(e.date, e.published) END AS day
    FROM events e LEFT JOIN articles a ON a.id = e.article_id
    WHERE {{scope}}
)
SELECT *,
       modality IN ({_HAPPENED}) AND day IS NOT NULL AS happened,
       concat_ws('|', type, coalesce(source_actor, ''), coalesce(target_actor, ''),
                 CASE WHEN modality IN ({_HAPPENED}) AND day IS NOT NULL THEN 'happened'
                      ELSE modality END,
                 CASE WHEN day IS NULL THEN id END) AS key
FROM base
"""

_CLUSTER_SQL = """
CREATE OR REPLACE TEMP TABLE signals_clustered AS
WITH gaps AS (
    SELECT *, CASE WHEN day - lag(day) OVER (PARTITION BY key ORDER BY day, id) > {window}
                   THEN 1 ELSE 0 END AS brk
    FROM signals_ev
), islands AS (
    SELECT *, sum(brk) OVER (PARTITION BY key ORDER BY day, id ROWS UNBOUNDED PRECEDING) AS island
    FROM gaps
), starts AS (
    SELECT *, min(day) OVER (PARTITION BY key, island) AS island_start FROM islands
), chunks AS (
    SELECT *, concat_ws('|', key, CAST(island_start + CAST(((day - island_start) // {width})
                                  * {width} AS INTEGER) AS VARCHAR)) AS chunk
    FROM starts
), mode_top AS (
    SELECT chunk, first(mode ORDER BY n DESC, mode) AS top
    FROM (SELECT chunk, mode, count(*) AS n FROM chunks WHERE mode IS NOT NULL GROUP BY ALL)
    GROUP BY chunk
), with_mode AS (
    SELECT c.*, coalesce(c.mode, t.top, '') AS sub_mode
    FROM chunks c LEFT JOIN mode_top t USING (chunk)
), loc_top AS (
    SELECT chunk, sub_mode, first(loc ORDER BY n DESC, loc) AS top
    FROM (SELECT chunk, sub_mode, loc, count(*) AS n FROM with_mode
          WHERE loc IS NOT NULL GROUP BY ALL)
    GROUP BY chunk, sub_mode
)
SELECT m.*, coalesce(m.loc, t.top, '') AS sub_loc,
       'inc:' || substr(md5(concat_ws('|', m.chunk, m.sub_mode, coalesce(m.loc, t.top, ''))),
                        1, 16) AS incident_id
FROM with_mode m LEFT JOIN loc_top t USING (chunk, sub_mode)
"""

_INSERT_SQL = """
INSERT INTO incident_events (incident_id, event_id)
SELECT incident_id, id FROM signals_clustered;

INSERT INTO incidents BY NAME
SELECT incident_id AS id, any_value(type) AS type, max(quad) AS quad,
       nullif(any_value(sub_mode), '') AS mode,
       any_value(source_actor) AS source_actor, any_value(target_actor) AS target_actor,
       bool_or(happened) AS happened,
       CASE WHEN bool_or(modality = 'asserted') THEN 'asserted' ELSE min(modality) END AS modality,
       quantile_disc(day, 0.5) AS date, min(day) AS first_date, max(day) AS last_date,
       min(published) AS first_published,
       min(location_name) FILTER (WHERE loc = sub_loc) AS location_name,
       min(location_country) AS location_country,
       mode(trig) AS trigger_text,
       count(*) AS num_events, sum(mentions) AS num_mentions,
       count(DISTINCT outlet) AS num_sources, count(DISTINCT article_id) AS num_articles,
       avg(intensity) AS intensity, max(confidence) AS confidence
FROM signals_clustered
GROUP BY incident_id
ORDER BY source_actor, target_actor, date;
"""

_NEW_KEYS_SQL = """
CREATE OR REPLACE TEMP TABLE signals_affected AS
SELECT DISTINCT e.type, coalesce(e.source_actor, '') AS s, coalesce(e.target_actor, '') AS t
FROM events e ANTI JOIN incident_events ie ON ie.event_id = e.id
"""

_AFFECTED = ("(e.type, coalesce(e.source_actor, ''), coalesce(e.target_actor, '')) IN "
             "(SELECT (type, s, t) FROM signals_affected)")

_DELETE_SQL = """
CREATE OR REPLACE TEMP TABLE signals_stale AS
SELECT i.id FROM incidents i JOIN signals_affected a
  ON i.type = a.type AND coalesce(i.source_actor, '') = a.s AND coalesce(i.target_actor, '') = a.t;
DELETE FROM incident_events WHERE incident_id IN (SELECT id FROM signals_stale);
DELETE FROM incidents WHERE id IN (SELECT id FROM signals_stale);
"""


def build_incidents(store: Store, settings: IncidentSettings | None = None,
                    rebuild: bool = False) -> int:
    """Cluster stored events into incidents; returns how many incidents the store holds.

    Idempotent and incremental: only (type, source, target) keys with events not yet clustered
    are re-clustered. A change of settings, or `rebuild=True`, re-clusters everything.
    """
    settings = settings or IncidentSettings()
    cur = store.cursor()
    _require_tables(cur)
    wanted = _settings_rows(settings)
    with _transaction(cur):
        full = rebuild or _stored_settings(cur) != wanted
        if full:
            cur.execute("DELETE FROM incident_events")
            cur.execute("DELETE FROM incidents")
            cur.execute("DELETE FROM incident_settings")
            cur.executemany("INSERT INTO incident_settings VALUES (?, ?)", sorted(wanted.items()))
            scope = "TRUE"
        else:
            cur.execute(_NEW_KEYS_SQL)
            if _count(cur, "signals_affected"):
                cur.execute(_DELETE_SQL)
            scope = _AFFECTED
        cur.execute(_EVENTS_SQL.format(scope=scope))
        if _count(cur, "signals_ev"):
            window = settings.window_days
            cur.execute(_CLUSTER_SQL.format(window=window, width=window + 1))
            cur.execute(_INSERT_SQL)
    return _count(cur, "incidents")


def incidents_current(store: Store, settings: IncidentSettings | None = None) -> bool:
    """Whether every stored event belongs to an incident built with these settings (cheap)."""
    cur = store.cursor()
    if _missing_tables(cur):
        return False
    return (_count(cur, "events") == _count(cur, "incident_events")
            and _stored_settings(cur) == _settings_rows(settings or IncidentSettings()))


def ensure_incidents(store: Store, settings: IncidentSettings | None = None) -> None:
    """Build incidents if events were added since the last build; a read-only store must be current."""
    if incidents_current(store, settings):
        return
    try:
        build_incidents(store, settings)
    except duckdb.Error as exc:
        raise TripwireError("E010", f"incidents are out of date and cannot be rebuilt ({exc}); "
                            "open the database writable once to update them", store.path) from exc


def _missing_tables(cur: duckdb.DuckDBPyConnection) -> set[str]:
    found = {row[0] for row in cur.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    return {"events", "incidents", "incident_events", "incident_settings"} - found


def _require_tables(cur: duckdb.DuckDBPyConnection) -> None:
    missing = _missing_tables(cur)
    if missing:
        raise TripwireError("E010", "database lacks the signals tables "
                            f"({', '.join(sorted(missing))}); open it writable to migrate it")


def _settings_rows(settings: IncidentSettings) -> dict[str, str]:
    return {"window_days": str(settings.window_days)}


def _stored_settings(cur: duckdb.DuckDBPyConnection) -> dict[str, str]:
    return dict(cur.execute("SELECT name, value FROM incident_settings").fetchall())


def _count(cur: duckdb.DuckDBPyConnection, table: str) -> int:
    row = cur.execute(f"SELECT count(*) FROM {table}").fetchone()
    return int(row[0]) if row else 0


@contextmanager
def _transaction(cur: duckdb.DuckDBPyConnection) -> Iterator[None]:
    cur.execute("BEGIN TRANSACTION")
    try:
        yield
    except BaseException:
        cur.execute("ROLLBACK")
        raise
    cur.execute("COMMIT")
