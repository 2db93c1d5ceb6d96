"""Incidents: the events of many reports about one real-world happening, counted once.

Events of the same PLOVER type, source and target sides and modality group are ordered by the
day they happened (their own date, else the publication date; a historical event only with its
own date). An own date that cannot be a day the event happened on (before `earliest_year`, after
the article's publication plus `future_days`, or known only to the month or year) places the
event on no day, so it never enters a series. A side is the actor, except that a person stands for the organisation or state she
acts for (her affiliation, else her country). Runs of days no more than `window_days` apart
form islands; islands are cut into incidents of at most `window_days + 1` days, so that a week
of daily shelling stays several incidents rather than one. Inside such a window, events whose mode or location differ are
separate incidents; an event that names no mode or location joins the most reported one.
Everything runs in DuckDB; a rebuild only touches the (type, source, target) keys with new events.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import fields

import duckdb

from tripwire.errors import TripwireError
from tripwire.signals.settings import HAPPENED_MODALITIES, IncidentSettings
from tripwire.store import Store

_HAPPENED = ", ".join(f"'{m}'" for m in HAPPENED_MODALITIES)

# The outlet of an article (table alias `a`): its source, else the host of its URL (copies of one
# site's story count once), else the article itself (nothing tells two such articles apart).
OUTLET_SQL = ("coalesce(nullif(trim(a.source), ''), nullif(regexp_extract(lower(a.url), "
              "'^[a-z][a-z0-9+.-]*://(www[.])?([^/:?#]+)', 2), ''), a.id)")

# People act for the state or organisation they belong to: at the dyad level an event of a
# foreign minister is an event of her country. Other actors stay as they are (an armed group is
# not its country's government).
_ROLLED_UP = """
SELECT e.*,
       CASE WHEN e.source_actor LIKE 'person:%'
            THEN coalesce(sa.affiliation, e.source_country, sa.country, e.source_actor)
            ELSE e.source_actor END AS source_side,
       CASE WHEN e.target_actor LIKE 'person:%'
            THEN coalesce(ta.affiliation, e.target_country, ta.country, e.target_actor)
            ELSE e.target_actor END AS target_side
FROM events e
LEFT JOIN actors sa ON sa.id = e.source_actor
LEFT JOIN actors ta ON ta.id = e.target_actor
"""

_EVENTS_SQL = f"""
CREATE OR REPLACE TEMP TABLE signals_ev AS
WITH base AS (
    SELECT e.id, e.article_id, e.type, e.quad, e.mode, e.source_side AS source_actor,
           e.target_side AS target_actor,
           e.modality, e.intensity, e.confidence, coalesce(e.mention_count, 1) AS mentions,
           e.published, e.location_name, e.location_country,
           nullif(lower(trim(e.location_name)), '') AS loc,
           nullif(lower(trim(e.trigger_text)), '') AS trig,
           coalesce({OUTLET_SQL}, e.article_id) AS outlet,
           CASE WHEN e.date IS NULL AND e.modality <> 'historical' THEN e.published
                WHEN e.date >= make_date({{earliest_year}}, 1, 1)
                     AND (e.published IS NULL OR e.date <= e.published + {{future_days}})
                     AND coalesce(e.date_precision, 'day') IN ({{precisions}}) THEN e.date
           END AS day
    FROM ({_ROLLED_UP}) e LEFT JOIN articles a ON a.id = e.article_id
    WHERE {{scope}}
), grouped AS (
    SELECT *, modality IN ({_HAPPENED}) AND day IS NOT NULL AS happened,
           CASE WHEN modality IN ({_HAPPENED}) AND day IS NOT NULL THEN 'happened'
                ELSE modality END AS grp,
           CASE WHEN day IS NULL THEN id END AS solo  -- no day: an incident of its own
    FROM base
)
SELECT *, hash(type, source_actor, target_actor, grp, solo) AS k FROM grouped
"""

# Windows run on a narrow table of distinct (key, day) pairs: the gap to the previous day,
# then the day the current island began (the latest island start so far), then chunks of
# `width` days from it. Modes and places are settled on a narrow (event, chunk) table too.
_CLUSTER_SQL = """
CREATE OR REPLACE TEMP TABLE signals_days AS
WITH days AS (
    SELECT DISTINCT k, day FROM signals_ev WHERE day IS NOT NULL
), gaps AS (
    SELECT k, day, day - lag(day) OVER (PARTITION BY k ORDER BY day) AS gap FROM days
), islands AS (
    SELECT k, day, max(CASE WHEN gap IS NULL OR gap > {window} THEN day END)
                       OVER (PARTITION BY k ORDER BY day ROWS UNBOUNDED PRECEDING) AS island_start
    FROM gaps
)
SELECT k, day,
       island_start + CAST(((day - island_start) // {width}) * {width} AS INTEGER) AS chunk_start
FROM islands;

CREATE OR REPLACE TEMP TABLE signals_members AS
WITH keyed AS (
    SELECT e.id, e.mode, e.loc, d.chunk_start, hash(e.k, d.chunk_start) AS chunk,
           concat_ws('|', e.type, coalesce(e.source_actor, ''), coalesce(e.target_actor, ''),
                     e.grp, coalesce(e.solo, ''), coalesce(CAST(d.chunk_start AS VARCHAR), ''))
               AS chunk_key
    FROM signals_ev e LEFT JOIN signals_days d ON d.k = e.k AND d.day = e.day
), mode_top AS (
    SELECT chunk, first(mode ORDER BY n DESC, mode) AS top
    FROM (SELECT chunk, mode, count(*) AS n FROM keyed WHERE mode IS NOT NULL GROUP BY ALL)
    GROUP BY chunk
), with_mode AS (
    SELECT c.*, coalesce(c.mode, t.top, '') AS sub_mode
    FROM keyed c LEFT JOIN mode_top t USING (chunk)
), loc_top AS (
    SELECT chunk, sub_mode, first(loc ORDER BY n DESC, loc) AS top
    FROM (SELECT chunk, sub_mode, loc, count(*) AS n FROM with_mode
          WHERE loc IS NOT NULL GROUP BY ALL)
    GROUP BY chunk, sub_mode
)
SELECT m.id, m.sub_mode, coalesce(m.loc, t.top, '') AS sub_loc,
       'inc:' || substr(md5(concat_ws('|', m.chunk_key, m.sub_mode, coalesce(m.loc, t.top, ''))),
                        1, 16) AS incident_id
FROM with_mode m LEFT JOIN loc_top t USING (chunk, sub_mode);
"""

# Distinct articles and outlets are counted from de-duplicated pairs: far cheaper than
# count(DISTINCT) over hundreds of thousands of groups.
_INSERT_SQL = """
INSERT INTO incident_events (incident_id, event_id)
SELECT incident_id, id FROM signals_members;

INSERT INTO incidents BY NAME
WITH clustered AS (
    SELECT * FROM signals_ev JOIN signals_members USING (id)
), agg AS (
    SELECT incident_id AS id, any_value(type) AS type, max(quad) AS quad,
           nullif(any_value(sub_mode), '') AS mode,
           any_value(source_actor) AS source_actor, any_value(target_actor) AS target_actor,
           bool_or(happened) AS happened,
           CASE WHEN bool_or(modality = 'asserted') THEN 'asserted'
                ELSE min(modality) END AS modality,
           quantile_disc(day, 0.5) AS date, min(day) AS first_date, max(day) AS last_date,
           min(published) AS first_published,
           min(location_name) FILTER (WHERE loc = sub_loc) AS location_name,
           min(location_country) AS location_country, min(trig) AS trigger_text,
           count(*) AS num_events, sum(mentions) AS num_mentions,
           avg(intensity) AS intensity, max(confidence) AS confidence
    FROM clustered GROUP BY incident_id
), articles AS (
    SELECT incident_id AS id, count(*) AS num_articles
    FROM (SELECT DISTINCT incident_id, article_id FROM clustered) GROUP BY 1
), outlets AS (
    SELECT incident_id AS id, count(*) AS num_sources
    FROM (SELECT DISTINCT incident_id, outlet FROM clustered) GROUP BY 1
)
SELECT * FROM agg JOIN articles USING (id) JOIN outlets USING (id)
ORDER BY source_actor, target_actor, date;
"""

_NEW_KEYS_SQL = f"""
CREATE OR REPLACE TEMP TABLE signals_affected AS
SELECT DISTINCT e.type, coalesce(e.source_side, '') AS s, coalesce(e.target_side, '') AS t
FROM ({_ROLLED_UP}) e ANTI JOIN incident_events ie ON ie.event_id = e.id
"""

_AFFECTED = ("(e.type, coalesce(e.source_side, ''), coalesce(e.target_side, '')) IN "
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
    are re-clustered, and only articles ingested since the last build are added to the coverage
    table. A change of settings, or `rebuild=True`, re-clusters everything.
    """
    settings = settings or IncidentSettings()
    cur = store.cursor()
    _require_tables(cur)
    if not rebuild and incidents_current(store, settings):
        return _count(cur, "incidents")
    wanted = _settings_rows(settings)
    with _transaction(cur):
        stored = _stored_settings(cur)
        full = rebuild or any(stored.get(name) != value for name, value in wanted.items())
        if full:
            cur.execute("DELETE FROM incident_events")
            cur.execute("DELETE FROM incidents")
            _cluster(cur, settings, "TRUE")
        elif _count(cur, "events") != _count(cur, "incident_events"):
            cur.execute(_NEW_KEYS_SQL)
            if _count(cur, "signals_affected"):
                cur.execute(_DELETE_SQL)
            _cluster(cur, settings, _AFFECTED)
        covered = _refresh_coverage(cur, None if rebuild else stored.get("coverage_until"))
        cur.execute("DELETE FROM incident_settings")
        cur.executemany("INSERT INTO incident_settings VALUES (?, ?)",
                        sorted({**wanted, "coverage_until": covered}.items()))
    return _count(cur, "incidents")


def _cluster(cur: duckdb.DuckDBPyConnection, settings: IncidentSettings, scope: str) -> None:
    precisions = ", ".join(f"'{p}'" for p in settings.precise_enough)
    cur.execute(_EVENTS_SQL.format(scope=scope, earliest_year=settings.earliest_year,
                                   future_days=settings.future_days, precisions=precisions))
    if _count(cur, "signals_ev"):
        window = settings.window_days
        cur.execute(_CLUSTER_SQL.format(window=window, width=window + 1))
        cur.execute(_INSERT_SQL)


# The actors each article mentions; a person counts for the state or organisation she acts for
# too (her affiliation, else her country), as in the incidents: an article that names two heads
# of state is about their two states, even where it never names the states themselves.
_COVERAGE_SQL = """
INSERT INTO actor_articles
SELECT DISTINCT side, published, article_key FROM (
    SELECT unnest([m.actor_id, coalesce(p.affiliation, p.country)]) AS side, a.published,
           hash(a.id) AS article_key
    FROM mentions m JOIN articles a ON a.id = m.article_id
    LEFT JOIN actors p ON p.id = m.actor_id AND m.actor_id LIKE 'person:%'
    WHERE {condition}
) WHERE side IS NOT NULL
ORDER BY 1, 2
"""


def _refresh_coverage(cur: duckdb.DuckDBPyConnection, since: str | None) -> str:
    """Add the actor mentions of articles ingested after `since` (all when None); returns the
    ingestion time now covered."""
    latest = _latest_ingest(cur)
    if since and since == latest:
        return latest
    if since:
        condition, params = "a.ingested_at > CAST($since AS TIMESTAMP)", {"since": since}
    else:
        cur.execute("DELETE FROM actor_articles")
        condition, params = "TRUE", {}
    cur.execute(_COVERAGE_SQL.format(condition=condition), params)
    return latest


def _latest_ingest(cur: duckdb.DuckDBPyConnection) -> str:
    row = cur.execute("SELECT CAST(max(ingested_at) AS VARCHAR) FROM articles").fetchone()
    return str(row[0]) if row and row[0] is not None else ""


def incidents_current(store: Store, settings: IncidentSettings | None = None) -> bool:
    """Whether every stored event and article is in the incidents and coverage built with these
    settings (cheap: counts and one maximum)."""
    cur = store.cursor()
    if _missing_tables(cur):
        return False
    stored = _stored_settings(cur)
    wanted = _settings_rows(settings or IncidentSettings())
    return (_count(cur, "events") == _count(cur, "incident_events")
            and all(stored.get(name) == value for name, value in wanted.items())
            and stored.get("coverage_until") == _latest_ingest(cur))


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
    return {"events", "incidents", "incident_events", "incident_settings", "actor_articles"} - found


def _require_tables(cur: duckdb.DuckDBPyConnection) -> None:
    missing = _missing_tables(cur)
    if missing:
        raise TripwireError("E010", "database lacks the signals tables "
                            f"({', '.join(sorted(missing))}); open it writable to migrate it")


def _settings_rows(settings: IncidentSettings) -> dict[str, str]:
    return {f.name: str(getattr(settings, f.name)) for f in fields(settings)}


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
