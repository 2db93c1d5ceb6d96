"""Series: incidents per day or week for a dyad, an actor or everything, normalised by coverage.

Counts are of incidents, so an attack reported by ten outlets counts once (`mentions` keeps the
echo). Only incidents that happened count: asserted ones, and historical ones on their own date.
`coverage` is the number of articles published that period that mention either side; the
`*_per_article` columns divide by it. Periods run over the days the articles span (see
`tripwire.signals.window`), never over every date an article recalls.
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from tripwire.errors import TripwireError
from tripwire.signals.incidents import ensure_incidents
from tripwire.signals.selection import parse_range
from tripwire.signals.settings import (
    CONFLICT_QUADS,
    PERIODS,
    PLOVER_TYPES,
    QUADS,
    WindowSettings,
)
from tripwire.signals.window import check_span, signal_window
from tripwire.store import Store

WEIGHT = "coalesce(abs(intensity), 1.0)"

COUNT_COLUMNS = (
    ["incidents", "mentions", *QUADS, *PLOVER_TYPES, "intensity", "conflict_weight",
     "cooperation_weight", "conflict_incidents"])

# Grouped by (period, type, quad) in SQL, pivoted in pandas: a few hundred rows a dyad, where
# two dozen FILTER aggregates over every incident were the slow part.
_COUNTS_SQL = f"""
SELECT CAST(date_trunc('{{by}}', date) AS DATE) AS period, type, quad, count(*) AS n,
       CAST(sum(num_mentions) AS BIGINT) AS mentions, sum(coalesce(intensity, 0)) AS intensity,
       sum({WEIGHT}) AS weight
FROM incidents
WHERE happened AND date BETWEEN $start AND $end AND ({{who}})
GROUP BY ALL
"""

_COVERAGE_SQL = """
SELECT CAST(date_trunc('{by}', published) AS DATE) AS period,
       count(DISTINCT {article}) AS coverage
FROM {covering}
WHERE published BETWEEN $start AND $end AND ({covered})
GROUP BY period
"""


def series(store: Store, dyad: tuple[str, str] | None = None, actor: str | None = None,
           start: str | dt.date | None = None, end: str | dt.date | None = None,
           by: str = "day", directed: bool = True,
           window: WindowSettings | None = None) -> pd.DataFrame:
    """Counts per period by PLOVER quad and type, intensity sums and coverage-normalised rates.

    With a dyad, `directed=False` adds the incidents from target to source. With an actor, the
    incidents where it is source or target. With neither, every incident. Periods without
    incidents are rows of zeros, from `start` to `end`; by default from the first to the last
    incident inside the articles' window (`signal_window`). A span over `max_span_days` is
    refused.
    """
    if by not in PERIODS:
        raise TripwireError("E008", f"--by must be one of {', '.join(PERIODS)}, got {by!r}")
    if dyad is not None and actor is not None:
        raise TripwireError("E008", "give a dyad or an actor, not both")
    first, last = parse_range(start, end)
    if first is not None and last is not None:
        check_span(first, last, window)
    ensure_incidents(store)
    cur = store.cursor()
    who, covered, params = _selection(dyad, actor, directed)
    if first is None or last is None:
        first, last = _default_range(cur, who, params, first, last, window)
    if first is None or last is None or first > last:
        return pd.DataFrame(columns=["period", *COUNT_COLUMNS, "coverage", *_RATE_COLUMNS])
    check_span(first, last, window)
    bounds = {**params, "start": first, "end": last}
    counts = cur.execute(_COUNTS_SQL.format(by=by, who=who), bounds).df()
    covering, article = (("articles", "id") if covered == "TRUE"
                         else ("actor_articles", "article_key"))
    coverage = cur.execute(_COVERAGE_SQL.format(by=by, covered=covered, covering=covering,
                                                article=article), bounds).df()
    calendar = pd.date_range(pd.Timestamp(first).to_period("W" if by == "week" else "D")
                             .start_time, pd.Timestamp(last), freq="W-MON" if by == "week" else "D")
    return _add_rates(_pivot(counts, coverage, calendar))


def _default_range(cur: duckdb.DuckDBPyConnection, who: str, params: dict[str, str],
                   first: dt.date | None, last: dt.date | None,
                   window: WindowSettings | None) -> tuple[dt.date | None, dt.date | None]:
    """The missing bound(s): the first or last incident of the selection inside the window."""
    bounds = signal_window(cur, window)
    if bounds is None:
        return first, last
    low, high = max(first or bounds[0], bounds[0]), min(last or bounds[1], bounds[1])
    row = cur.execute(
        f"SELECT min(date), max(date) FROM incidents WHERE happened AND ({who}) "
        "AND date BETWEEN $low AND $high", {**params, "low": low, "high": high}).fetchone()
    if not row or row[0] is None:
        return first, last
    return first or row[0], last or row[1]


def _pivot(counts: pd.DataFrame, coverage: pd.DataFrame,
           calendar: pd.DatetimeIndex) -> pd.DataFrame:
    """One row a period of the calendar, one column a count; zeros where nothing happened."""
    counts["period"] = pd.to_datetime(counts["period"])
    conflict = counts["quad"].isin(CONFLICT_QUADS)
    cooperation = counts["quad"].isin([q for q in QUADS if q not in CONFLICT_QUADS])
    by_period = counts.assign(
        conflict_weight=counts["weight"].where(conflict, 0.0),
        cooperation_weight=counts["weight"].where(cooperation, 0.0),
        conflict_incidents=counts["n"].where(conflict, 0),
    ).groupby("period")
    frame = pd.DataFrame(index=calendar)
    frame["incidents"] = by_period["n"].sum()
    frame["mentions"] = by_period["mentions"].sum()
    for column, names in (("quad", QUADS), ("type", PLOVER_TYPES)):
        table = counts.pivot_table(index="period", columns=column, values="n", aggfunc="sum")
        frame = frame.join(table.reindex(columns=list(names)))
    for column in ("intensity", "conflict_weight", "cooperation_weight", "conflict_incidents"):
        frame[column] = by_period[column].sum()
    frame = frame.fillna(0)
    integers = [c for c in COUNT_COLUMNS if c not in ("intensity", "conflict_weight",
                                                      "cooperation_weight")]
    frame[integers] = frame[integers].astype("int64")
    frame[["intensity", "conflict_weight", "cooperation_weight"]] = frame[
        ["intensity", "conflict_weight", "cooperation_weight"]].astype(float)
    coverage["period"] = pd.to_datetime(coverage["period"])
    frame["coverage"] = coverage.set_index("period")["coverage"].reindex(calendar).fillna(0)
    frame["coverage"] = frame["coverage"].astype("int64")
    return frame.rename_axis("period").reset_index()


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
    """SQL conditions on incidents and on actor_articles (coverage), with their parameters."""
    if dyad is not None:
        source, target = dyad
        who = "source_actor = $a AND target_actor = $b"
        if not directed:
            who = f"({who}) OR (source_actor = $b AND target_actor = $a)"
        return who, "actor_id IN ($a, $b)", {"a": source, "b": target}
    if actor is not None:
        return "source_actor = $a OR target_actor = $a", "actor_id = $a", {"a": actor}
    return "TRUE", "TRUE", {}
