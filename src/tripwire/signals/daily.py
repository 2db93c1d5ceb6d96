"""Daily sums the detectors read, for many dyads in a few queries over the incidents.

Self-pairs (a state acting at home, PLOVER's domestic events) are no interstate dyad and are
left out. Only incidents inside the articles' window count (see `tripwire.signals.window`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb
import numpy as np
import pandas as pd

from tripwire.signals.detectors import Corpus, DyadDays, window_sums
from tripwire.signals.incidents import OUTLET_SQL
from tripwire.signals.ladder import Ladder
from tripwire.signals.series import WEIGHT
from tripwire.signals.settings import CONFLICT_QUADS, COOPERATION_QUADS, AlertSettings

Dyad = tuple[str, str]

_CONFLICT = ", ".join(f"'{q}'" for q in CONFLICT_QUADS)
_COOPERATION = ", ".join(f"'{q}'" for q in COOPERATION_QUADS)
_INTERSTATE = ("i.source_actor IS NOT NULL AND i.target_actor IS NOT NULL "
               "AND i.source_actor <> i.target_actor")

_TOP_SQL = f"""
SELECT {{s}} AS s, {{t}} AS t FROM incidents i
WHERE i.happened AND i.quad IN ({_CONFLICT}) AND i.date BETWEEN $start AND $end AND {_INTERSTATE}
GROUP BY ALL HAVING count(*) >= $min_incidents
ORDER BY count(*) DESC, s, t LIMIT $max_dyads
"""

# The dyads' incidents in the window (`signals_dyads` holds the dyads): the filter on the actors
# is cheap on the table, sorted by actor, and spares the pair expressions most rows.
_DYAD_INCIDENTS = f"""
WITH dyad_incidents AS (
    SELECT {{s}} AS s, {{t}} AS t, i.* FROM incidents i
    WHERE i.date BETWEEN $start AND $end AND {_INTERSTATE}
      AND i.source_actor IN (SELECT unnest($actors)) AND i.target_actor IN (SELECT unnest($actors))
)
"""

_SUMS_SQL = _DYAD_INCIDENTS + f"""
SELECT s, t, date AS day,
       count(*) FILTER (WHERE quad IN ({_CONFLICT})) AS conflict,
       count(*) FILTER (WHERE quad = 'material_conflict') AS material,
       coalesce(sum({WEIGHT}) FILTER (WHERE quad IN ({_CONFLICT})), 0) AS weight,
       coalesce(sum({WEIGHT} * {WEIGHT}) FILTER (WHERE quad IN ({_CONFLICT})), 0) AS weight_sq,
       count(*) FILTER (WHERE quad IN ({_COOPERATION})) AS cooperation,
       {{rungs}}
FROM dyad_incidents i SEMI JOIN signals_dyads d USING (s, t)
WHERE happened
GROUP BY ALL
"""

# Evidence: which articles and outlets report the dyad's conflict incidents, by incident day,
# with how many of the day's incidents each article reports.
_REPORTS_SQL = _DYAD_INCIDENTS + f"""
SELECT i.s, i.t, i.date AS day, hash(e.article_id) AS article,
       hash(any_value(coalesce({OUTLET_SQL}, e.article_id))) AS outlet,
       count(DISTINCT i.id) AS incidents
FROM dyad_incidents i SEMI JOIN signals_dyads d USING (s, t)
JOIN incident_events ie ON ie.incident_id = i.id JOIN events e ON e.id = ie.event_id
LEFT JOIN articles a ON a.id = e.article_id
WHERE i.happened AND i.quad IN ({_CONFLICT})
GROUP BY ALL
"""

_INCIDENTS_SQL = _DYAD_INCIDENTS + f"""
SELECT s, t, id, date AS day, type, source_actor, target_actor,
       {WEIGHT} * num_sources AS weight, num_articles
FROM dyad_incidents i SEMI JOIN signals_dyads d USING (s, t)
WHERE happened AND quad IN ({_CONFLICT})
"""

# Attention: the articles that mention both sides of a dyad, by the day they were published
# (from the coverage table, sorted by actor).
_ATTENTION_SQL = """
SELECT d.s, d.t, a.published AS day, count(*) AS articles
FROM signals_dyads d
JOIN actor_articles a ON a.actor_id = d.s
JOIN actor_articles b ON b.actor_id = d.t AND b.article_key = a.article_key
WHERE a.published BETWEEN $start AND $end AND a.actor_id IN (SELECT unnest($actors))
  AND b.actor_id IN (SELECT unnest($actors))
GROUP BY ALL
"""


@dataclass
class Calendar:
    """The days of the window, the first being index 0."""

    start: dt.date
    end: dt.date

    @property
    def length(self) -> int:
        return (self.end - self.start).days + 1

    def index(self, days: pd.Series) -> np.ndarray:
        return (pd.to_datetime(days) - pd.Timestamp(self.start)).dt.days.to_numpy()

    def day(self, i: int) -> dt.date:
        return self.start + dt.timedelta(days=int(i))

    @property
    def params(self) -> dict[str, dt.date]:
        return {"start": self.start, "end": self.end}


def _by_dyad(cur: duckdb.DuckDBPyConnection, sql: str, dyads: list[Dyad], calendar: Calendar,
             ) -> dict[Dyad, pd.DataFrame]:
    """Run a query over the dyads (the table `signals_dyads`, on a cursor of its own, and the
    list `$actors`) in the window; its rows grouped by (s, t), with `i` the day's index."""
    (database,), = cur.execute("SELECT current_database()").fetchall()
    scoped = cur.cursor()
    try:
        scoped.execute(f"USE {database}")
        scoped.register("signals_dyads", pd.DataFrame(dyads, columns=["s", "t"]))
        actors = sorted({actor for dyad in dyads for actor in dyad})
        rows = scoped.execute(sql, {**calendar.params, "actors": actors}).df()
    finally:
        scoped.close()
    rows["i"] = calendar.index(rows["day"])
    return {(str(a), str(b)): g for (a, b), g in rows.groupby(["s", "t"], sort=False)}


def pair_sql(directed: bool, table: str = "i") -> tuple[str, str]:
    """SQL for the dyad's (s, t): as coded, or ordered so that A-B and B-A are one pair."""
    source, target = f"{table}.source_actor", f"{table}.target_actor"
    if directed:
        return source, target
    return f"least({source}, {target})", f"greatest({source}, {target})"


def load_corpus(cur: duckdb.DuckDBPyConnection, calendar: Calendar,
                settings: AlertSettings) -> Corpus:
    """Articles per day, and which days some article could report (see `report_lag_days`)."""
    rows = cur.execute("SELECT published, count(*) FROM articles WHERE published BETWEEN $start "
                       "AND $end GROUP BY 1", calendar.params).df()
    articles = np.zeros(calendar.length)
    if not rows.empty:
        articles[calendar.index(rows.iloc[:, 0])] = rows.iloc[:, 1].to_numpy(dtype=float)
    published = (articles > 0).astype(float)
    lag = settings.report_lag_days
    ahead = np.concatenate([published, np.zeros(lag)])
    observed = np.zeros(calendar.length)
    for shift in range(lag + 1):
        observed = np.maximum(observed, ahead[shift:shift + calendar.length])
    return Corpus(articles, observed)


def top_dyads(cur: duckdb.DuckDBPyConnection, calendar: Calendar,
              settings: AlertSettings) -> list[Dyad]:
    """The dyads with the most conflict incidents in the window (at least `min_incidents`)."""
    s, t = pair_sql(settings.directed)
    rows = cur.execute(_TOP_SQL.format(s=s, t=t),
                       {**calendar.params, "min_incidents": settings.min_incidents,
                        "max_dyads": settings.max_dyads}).fetchall()
    return [(str(a), str(b)) for a, b in rows]


def load_days(cur: duckdb.DuckDBPyConnection, dyads: list[Dyad], calendar: Calendar,
              ladder: Ladder, settings: AlertSettings) -> dict[Dyad, DyadDays]:
    """Calendar-complete daily sums of each dyad, in one grouped query for all of them; the
    attention (see `load_attention`) is left at zero."""
    if not dyads:
        return {}
    s, t = pair_sql(settings.directed)
    rung = ladder.sql_case("i.type")
    forces = ladder.types_from(settings.ladder_rung)
    rungs = ", ".join([f"count(*) FILTER (WHERE {rung} = {k}) AS rung{k}"
                       for k in range(1, ladder.top + 1)]
                      + [f"count(*) FILTER (WHERE i.type = '{kind}') AS force{n}"
                         for n, kind in enumerate(forces)])
    grouped = _by_dyad(cur, _SUMS_SQL.format(s=s, t=t, rungs=rungs), dyads, calendar)
    sums = ["conflict", "material", "weight", "weight_sq", "cooperation"]
    columns = (sums + [f"rung{k}" for k in range(1, ladder.top + 1)]
               + [f"force{n}" for n in range(len(forces))])
    out = {}
    for dyad in dyads:
        group = grouped.get(dyad)
        if group is None:
            continue
        dense = np.zeros((len(columns), calendar.length))
        dense[:, group["i"].to_numpy()] = group[columns].to_numpy(dtype=float).T
        named = dict(zip(sums, dense, strict=False))
        top = len(sums) + ladder.top
        out[dyad] = DyadDays(**named, rungs=dense[len(sums):top], forces=dense[top:],
                             articles=np.zeros(calendar.length))
    return out


def load_attention(cur: duckdb.DuckDBPyConnection, days: dict[Dyad, DyadDays],
                   calendar: Calendar) -> None:
    """Fill in each dyad's articles a day: those that mention both sides (from the coverage
    table). Read only for the dyads a conflict detector fired on: attention never opens an
    alert on its own."""
    if not days:
        return
    for dyad, rows in _by_dyad(cur, _ATTENTION_SQL, list(days), calendar).items():
        days[dyad].articles[rows["i"].to_numpy()] = rows["articles"].to_numpy(dtype=float)


def load_reports(cur: duckdb.DuckDBPyConnection, dyads: list[Dyad], calendar: Calendar,
                 settings: AlertSettings) -> dict[Dyad, pd.DataFrame]:
    """(day index, article, outlet, incidents) of the articles reporting each dyad's conflict
    incidents: one row for each day and article, with the number of incidents it reports."""
    if not dyads:
        return {}
    s, t = pair_sql(settings.directed)
    return _by_dyad(cur, _REPORTS_SQL.format(s=s, t=t), dyads, calendar)


def load_conflict_incidents(cur: duckdb.DuckDBPyConnection, dyads: list[Dyad],
                            calendar: Calendar, settings: AlertSettings) -> dict[Dyad, pd.DataFrame]:
    """Each dyad's conflict incidents in the window: id, day, type, weight (|intensity| times
    the outlets that told it) and articles."""
    if not dyads:
        return {}
    s, t = pair_sql(settings.directed)
    return _by_dyad(cur, _INCIDENTS_SQL.format(s=s, t=t), dyads, calendar)


def load_evidence(cur: duckdb.DuckDBPyConnection, incident_ids: list[str]) -> pd.DataFrame:
    """The events of the given incidents with their sentence and article, for any number of
    alerts at once."""
    return cur.execute(
        """
        SELECT ie.incident_id, ie.event_id, e.sentence_text AS sentence,
               CAST(e.published AS VARCHAR) AS published, a.title, a.source AS outlet
        FROM incident_events ie JOIN events e ON e.id = ie.event_id
        LEFT JOIN articles a ON a.id = e.article_id
        WHERE ie.incident_id IN (SELECT unnest($ids))
        """, {"ids": incident_ids}).df()


def active_counts(days: np.ndarray, keys: np.ndarray, recent: int, length: int) -> np.ndarray:
    """For each day i, how many distinct keys occur on some day in [i - recent + 1, i].

    Each (key, day) covers the days [day, day + recent - 1]; a key's overlapping covers are
    merged, and the merged spans are added up with a difference array: linear in the rows.
    """
    if len(days) == 0:
        return np.zeros(length)
    order = np.lexsort((days, keys))
    k, d = keys[order], days[order]
    new = np.ones(len(d), dtype=bool)
    new[1:] = (k[1:] != k[:-1]) | (d[1:] > d[:-1] + recent - 1)
    firsts = np.flatnonzero(new)
    lasts = np.append(firsts[1:] - 1, len(d) - 1)
    diff = np.zeros(length + 1)
    np.add.at(diff, d[firsts], 1.0)
    np.add.at(diff, np.minimum(d[lasts] + recent, length), -1.0)
    return np.cumsum(diff)[:length]


def effective_articles(reports: pd.DataFrame, recent: int, length: int) -> np.ndarray:
    """For each day, how many articles the recent window's incident reports amount to: the
    inverse Simpson number (sum n)^2 / sum n^2 over the (article, day) counts n, so that one
    article telling most of the incidents counts as about one, however many others tell one
    each."""
    n = reports["incidents"].to_numpy(dtype=float)
    days = reports["i"].to_numpy()
    first, second = np.zeros(length), np.zeros(length)
    np.add.at(first, days, n)
    np.add.at(second, days, n**2)
    total, _ = window_sums(first, recent, 0)
    squares, _ = window_sums(second, recent, 0)
    return np.where(squares > 0, total**2 / np.maximum(squares, 1e-12), 0.0)


def outlet_count(cur: duckdb.DuckDBPyConnection) -> int:
    row = cur.execute(f"SELECT count(DISTINCT {OUTLET_SQL}) FROM articles a").fetchone()
    return int(row[0]) if row else 0
