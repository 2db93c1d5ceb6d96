"""Series: incidents per day or week for a dyad, an actor or everything, normalised by coverage.

Counts are of incidents, so an attack reported by ten outlets counts once (`mentions` keeps the
echo). Only incidents that happened count: asserted ones, and historical ones on their own date.
`coverage` is the number of articles published that period that mention either side; the
`*_per_article` columns divide by it so that a burst of news is not read as a burst of events.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from tripwire.errors import TripwireError
from tripwire.signals.incidents import ensure_incidents
from tripwire.signals.selection import parse_range
from tripwire.signals.settings import CONFLICT_QUADS, PERIODS, PLOVER_TYPES, QUADS
from tripwire.store import Store

_CONFLICT = ", ".join(f"'{q}'" for q in CONFLICT_QUADS)
_COOPERATION = ", ".join(f"'{q}'" for q in QUADS if q not in CONFLICT_QUADS)
WEIGHT = "coalesce(abs(intensity), 1.0)"

COUNT_COLUMNS = (
    ["incidents", "mentions", *QUADS, *PLOVER_TYPES, "intensity", "conflict_weight",
     "cooperation_weight", "conflict_incidents"])

_SERIES_SQL = f"""
WITH sel AS (
    SELECT CAST(date_trunc('{{by}}', date) AS DATE) AS period, type, quad, intensity, num_mentions
    FROM incidents
    WHERE happened AND date BETWEEN $start AND $end AND ({{who}})
), counts AS (
    SELECT period, count(*) AS incidents, CAST(sum(num_mentions) AS BIGINT) AS mentions,
           {{quads}}, {{types}},
           sum(intensity) AS intensity,
           sum({WEIGHT}) FILTER (WHERE quad IN ({_CONFLICT})) AS conflict_weight,
           sum({WEIGHT}) FILTER (WHERE quad IN ({_COOPERATION})) AS cooperation_weight,
           count(*) FILTER (WHERE quad IN ({_CONFLICT})) AS conflict_incidents
    FROM sel GROUP BY period
), coverage AS (
    SELECT CAST(date_trunc('{{by}}', published) AS DATE) AS period, count(*) AS coverage
    FROM articles
    WHERE published BETWEEN $start AND $end AND ({{covered}})
    GROUP BY period
), calendar AS (
    SELECT CAST(unnest(generate_series(CAST(date_trunc('{{by}}', $start) AS DATE), $end,
                                       INTERVAL 1 {{by}})) AS DATE) AS period
)
SELECT calendar.period, {{filled}}, coalesce(coverage.coverage, 0) AS coverage
FROM calendar LEFT JOIN counts USING (period) LEFT JOIN coverage USING (period)
ORDER BY calendar.period
"""


def series(store: Store, dyad: tuple[str, str] | None = None, actor: str | None = None,
           start: str | dt.date | None = None, end: str | dt.date | None = None,
           by: str = "day", directed: bool = True) -> pd.DataFrame:
    """Counts per period by PLOVER quad and type, intensity sums and coverage-normalised rates.

    With a dyad, `directed=False` adds the incidents from target to source. With an actor, the
    incidents where it is source or target. With neither, every incident. Periods without
    incidents are rows of zeros, from `start` (default: the first incident) to `end`.
    """
    if by not in PERIODS:
        raise TripwireError("E008", f"--by must be one of {', '.join(PERIODS)}, got {by!r}")
    if dyad is not None and actor is not None:
        raise TripwireError("E008", "give a dyad or an actor, not both")
    first, last = parse_range(start, end)
    ensure_incidents(store)
    cur = store.cursor()
    who, covered, params = _selection(dyad, actor, directed)
    if first is None or last is None:
        row = cur.execute(
            f"SELECT min(date), max(date) FROM incidents WHERE happened AND ({who})",
            params).fetchone()
        first = first or (row[0] if row else None)
        last = last or (row[1] if row else None)
    if first is None or last is None or first > last:
        return pd.DataFrame(columns=["period", *COUNT_COLUMNS, "coverage", *_RATE_COLUMNS])
    sql = _SERIES_SQL.format(
        by=by, who=who, covered=covered,
        quads=", ".join(f"count(*) FILTER (WHERE quad = '{q}') AS {q}" for q in QUADS),
        types=", ".join(f"count(*) FILTER (WHERE type = '{t}') AS {t}" for t in PLOVER_TYPES),
        filled=", ".join(f"coalesce(counts.{c}, 0) AS {c}" for c in COUNT_COLUMNS))
    frame = cur.execute(sql, {**params, "start": first, "end": last}).df()
    return _add_rates(frame)


_RATE_COLUMNS = ["incidents_per_article", "conflict_per_article", "conflict_share"]


def _add_rates(frame: pd.DataFrame) -> pd.DataFrame:
    coverage = frame["coverage"].where(frame["coverage"] > 0)
    frame["incidents_per_article"] = frame["incidents"] / coverage
    frame["conflict_per_article"] = frame["conflict_incidents"] / coverage
    total = frame["conflict_weight"] + frame["cooperation_weight"]
    frame["conflict_share"] = frame["conflict_weight"] / total.where(total > 0)
    frame["period"] = pd.to_datetime(frame["period"]).dt.date
    return frame


def _selection(dyad: tuple[str, str] | None, actor: str | None,
               directed: bool) -> tuple[str, str, dict[str, str]]:
    """SQL conditions on incidents and on articles (coverage), with their parameters."""
    mentioned = "id IN (SELECT article_id FROM mentions WHERE actor_id IN ({}))"
    if dyad is not None:
        source, target = dyad
        who = "source_actor = $a AND target_actor = $b"
        if not directed:
            who = f"({who}) OR (source_actor = $b AND target_actor = $a)"
        return who, mentioned.format("$a, $b"), {"a": source, "b": target}
    if actor is not None:
        return "source_actor = $a OR target_actor = $a", mentioned.format("$a"), {"a": actor}
    return "TRUE", "TRUE", {}
