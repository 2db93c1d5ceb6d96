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
  AND {{only}}
GROUP BY ALL HAVING count(*) >= $min_incidents
ORDER BY count(*) DESC, s, t LIMIT $max_dyads
"""

_SUMS_SQL = f"""
SELECT {{s}} AS s, {{t}} AS t, i.date AS day,
       count(*) FILTER (WHERE i.quad IN ({_CONFLICT})) AS conflict,
       count(*) FILTER (WHERE i.quad = 'material_conflict') AS material,
       coalesce(sum({WEIGHT}) FILTER (WHERE i.quad IN ({_CONFLICT})), 0) AS weight,
       coalesce(sum({WEIGHT} * {WEIGHT}) FILTER (WHERE i.quad IN ({_CONFLICT})), 0) AS weight_sq,
       count(*) FILTER (WHERE i.quad IN ({_COOPERATION})) AS cooperation,
       coalesce(sum({WEIGHT}) FILTER (WHERE i.quad IN ({_COOPERATION})), 0) AS cooperation_weight,
       {{rungs}}
FROM incidents i SEMI JOIN signals_dyads d ON d.s = {{s}} AND d.t = {{t}}
WHERE i.happened AND i.date BETWEEN $start AND $end AND {_INTERSTATE}
GROUP BY ALL
"""

# Attention: the articles that report any event of the dyad, by the day they were published.
_ATTENTION_SQL = f"""
SELECT {{s}} AS s, {{t}} AS t, e.published AS day, count(DISTINCT e.article_id) AS articles
FROM incidents i SEMI JOIN signals_dyads d ON d.s = {{s}} AND d.t = {{t}}
JOIN incident_events ie ON ie.incident_id = i.id JOIN events e ON e.id = ie.event_id
WHERE e.published BETWEEN $start AND $end AND {_INTERSTATE}
GROUP BY ALL
"""

# Evidence: which articles and outlets report the dyad's conflict incidents, by incident day,
# with how many of the day's incidents each article reports.
_REPORTS_SQL = f"""
SELECT {{s}} AS s, {{t}} AS t, i.date AS day, hash(e.article_id) AS article,
       hash(any_value(coalesce(a.source, a.id, e.article_id))) AS outlet,
       count(DISTINCT i.id) AS incidents
FROM incidents i SEMI JOIN signals_dyads d ON d.s = {{s}} AND d.t = {{t}}
JOIN incident_events ie ON ie.incident_id = i.id JOIN events e ON e.id = ie.event_id
LEFT JOIN articles a ON a.id = e.article_id
WHERE i.happened AND i.quad IN ({_CONFLICT}) AND i.date BETWEEN $start AND $end AND {_INTERSTATE}
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


def top_dyads(cur: duckdb.DuckDBPyConnection, calendar: Calendar, settings: AlertSettings,
              only: Dyad | None = None) -> list[Dyad]:
    """The dyads with the most conflict incidents in the window (at least `min_incidents`)."""
    s, t = pair_sql(settings.directed)
    condition, params = "TRUE", {}
    if only is not None:
        condition, params = f"{s} = $a AND {t} = $b", {"a": only[0], "b": only[1]}
    rows = cur.execute(_TOP_SQL.format(s=s, t=t, only=condition),
                       {**calendar.params, **params, "min_incidents": settings.min_incidents,
                        "max_dyads": settings.max_dyads}).fetchall()
    return [(str(a), str(b)) for a, b in rows]


def load_days(cur: duckdb.DuckDBPyConnection, dyads: list[Dyad], calendar: Calendar,
              ladder: Ladder, settings: AlertSettings) -> dict[Dyad, DyadDays]:
    """Calendar-complete daily sums of each dyad (two grouped queries for all of them)."""
    if not dyads:
        return {}
    s, t = pair_sql(settings.directed)
    cur.register("signals_dyads", pd.DataFrame(dyads, columns=["s", "t"]))
    try:
        rung = ladder.sql_case("i.type")
        rungs = ", ".join(f"count(*) FILTER (WHERE {rung} = {k}) AS rung{k}"
                          for k in range(1, ladder.top + 1))
        sums = cur.execute(_SUMS_SQL.format(s=s, t=t, rungs=rungs), calendar.params).df()
        seen = cur.execute(_ATTENTION_SQL.format(s=s, t=t), calendar.params).df()
    finally:
        cur.unregister("signals_dyads")
    sums["i"], seen["i"] = calendar.index(sums["day"]), calendar.index(seen["day"])
    columns = ["conflict", "material", "weight", "weight_sq", "cooperation", "cooperation_weight"]
    rung_columns = [f"rung{k}" for k in range(1, ladder.top + 1)]
    grouped = dict(iter(sums.groupby(["s", "t"], sort=False)))
    attention = dict(iter(seen.groupby(["s", "t"], sort=False)))
    out = {}
    for dyad in dyads:
        group = grouped.get(dyad)
        if group is None:
            continue
        dense = np.zeros((len(columns) + len(rung_columns), calendar.length))
        dense[:, group["i"].to_numpy()] = group[columns + rung_columns].to_numpy(dtype=float).T
        articles = np.zeros(calendar.length)
        if dyad in attention:
            articles[attention[dyad]["i"].to_numpy()] = attention[dyad]["articles"].to_numpy()
        out[dyad] = DyadDays(*dense[:len(columns)], rungs=dense[len(columns):],
                             articles=articles)
    return out


def load_reports(cur: duckdb.DuckDBPyConnection, dyads: list[Dyad], calendar: Calendar,
                 settings: AlertSettings) -> dict[Dyad, pd.DataFrame]:
    """(day index, article, outlet, incidents) of the articles reporting each dyad's conflict
    incidents: one row for each day and article, with the number of incidents it reports."""
    if not dyads:
        return {}
    s, t = pair_sql(settings.directed)
    cur.register("signals_dyads", pd.DataFrame(dyads, columns=["s", "t"]))
    try:
        rows = cur.execute(_REPORTS_SQL.format(s=s, t=t), calendar.params).df()
    finally:
        cur.unregister("signals_dyads")
    rows["i"] = calendar.index(rows["day"])
    return {(str(a), str(b)): g for (a, b), g in rows.groupby(["s", "t"], sort=False)}


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
    row = cur.execute("SELECT count(DISTINCT coalesce(source, id)) FROM articles").fetchone()
    return int(row[0]) if row else 0
