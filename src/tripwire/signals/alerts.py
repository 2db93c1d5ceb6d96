"""Alerts: a dyad whose conflict share jumped, when, how far, and the incidents that drove it.

Every change point of the escalation index opens a candidate segment. It becomes an alert when
its pooled conflict share stands `min_jump` above the baseline and `min_z` rolling standard
deviations above it, with `min_incidents` conflict incidents in the segment and `min_history`
incidents of history before it. The alert runs from the segment's first to its last conflict
incident.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any

import duckdb
import pandas as pd

from tripwire.render import counted
from tripwire.signals.incidents import ensure_incidents
from tripwire.signals.index import change_points, index_frame
from tripwire.signals.series import WEIGHT
from tripwire.signals.settings import CONFLICT_QUADS, AlertSettings
from tripwire.store import Store

_CONFLICT = ", ".join(f"'{q}'" for q in CONFLICT_QUADS)


@dataclass
class Alert:
    """One escalation of one dyad, with the evidence behind it."""

    id: str
    source: str
    target: str
    start: dt.date
    end: dt.date
    strength: float  # standard deviations of the baseline that the segment's share stands above it
    index: float  # the highest index of a period inside the alert
    event_ids: list[str]
    summary: str
    share: float = 0.0
    baseline: float = 0.0
    incident_ids: list[str] = field(default_factory=list)
    directed: bool = False

    def to_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["start"], data["end"] = self.start.isoformat(), self.end.isoformat()
        return data


_DYAD_SUMS_SQL = f"""
WITH pairs AS (
    SELECT {{s}} AS s, {{t}} AS t, CAST(date_trunc('{{by}}', date) AS DATE) AS period,
           quad IN ({_CONFLICT}) AS conflict, {WEIGHT} AS weight
    FROM incidents
    WHERE happened AND date IS NOT NULL AND source_actor IS NOT NULL AND target_actor IS NOT NULL
), top AS (
    SELECT s, t FROM pairs GROUP BY s, t
    HAVING count(*) FILTER (WHERE conflict) >= $min_incidents
    ORDER BY count(*) FILTER (WHERE conflict) DESC, s, t LIMIT $max_dyads
)
SELECT s, t, period, count(*) AS incidents,
       count(*) FILTER (WHERE conflict) AS conflict_incidents,
       coalesce(sum(weight) FILTER (WHERE conflict), 0) AS conflict_weight,
       coalesce(sum(weight) FILTER (WHERE NOT conflict), 0) AS cooperation_weight
FROM pairs SEMI JOIN top USING (s, t)
GROUP BY ALL ORDER BY s, t, period
"""


def find_alerts(store: Store, settings: AlertSettings | None = None) -> list[Alert]:
    """Alerts of the most active dyads, strongest first."""
    settings = settings or AlertSettings()
    ensure_incidents(store)
    cur = store.cursor()
    alerts: list[Alert] = []
    for dyad, frame in _dyad_frames(cur, settings).items():
        alerts.extend(dyad_alerts(cur, dyad, index_frame(frame, settings), settings))
    return sorted(alerts, key=lambda a: (-a.strength, a.start, a.source, a.target))


def dyad_alerts(cur: duckdb.DuckDBPyConnection, dyad: tuple[str, str], indexed: pd.DataFrame,
                settings: AlertSettings) -> list[Alert]:
    """The alerts of one dyad from its index (see `escalation_index` and `index_frame`).

    A segment whose share stands `min_jump` above the baseline where it begins opens a run;
    the following segments stay in the run while they stay that high, so an escalation that
    ruptures cuts into steps is one alert.
    """
    starts = change_points(indexed, settings)
    segments = list(zip(starts, [*starts[1:], len(indexed)][:len(starts)], strict=True))
    alerts, i = [], 0
    while i < len(segments):
        first, stop = segments[i]
        baseline = float(indexed["baseline"].iloc[first])
        i += 1
        if _pooled_share(indexed.iloc[first:stop], baseline, settings) - baseline < settings.min_jump:
            continue
        while i < len(segments) and _pooled_share(
                indexed.iloc[segments[i][0]:segments[i][1]], baseline, settings,
        ) - baseline >= settings.min_jump:
            stop = segments[i][1]
            i += 1
        alert = _judge(cur, dyad, indexed, first, stop, settings)
        if alert is not None:
            alerts.append(alert)
    return alerts


def _pooled_share(segment: pd.DataFrame, baseline: float, settings: AlertSettings) -> float:
    """The conflict share of a run of periods, pulled toward the baseline like a period's."""
    conflict = float(segment["conflict_weight"].sum())
    total = conflict + float(segment["cooperation_weight"].sum())
    return (conflict + settings.shrink_weight * baseline) / (total + settings.shrink_weight)


def _judge(cur: duckdb.DuckDBPyConnection, dyad: tuple[str, str], indexed: pd.DataFrame,
           first: int, stop: int, settings: AlertSettings) -> Alert | None:
    """The alert of the run of rows [first, stop), or None when it falls short of a threshold."""
    segment, opening = indexed.iloc[first:stop], indexed.iloc[first]
    active = segment[segment["conflict_incidents"] > 0]
    if int(active["conflict_incidents"].sum()) < settings.min_incidents:
        return None
    if int(opening["history"]) < settings.min_history:
        return None
    baseline, spread = float(opening["baseline"]), float(opening["spread"])
    share = _pooled_share(segment, baseline, settings)
    conflict = float(segment["conflict_weight"].sum())
    excess = conflict - baseline * (conflict + float(segment["cooperation_weight"].sum()))
    if excess < settings.min_excess:
        return None
    strength = (share - baseline) / spread
    if share - baseline < settings.min_jump or strength < settings.min_z:
        return None
    start = _onset(indexed, indexed.index.get_loc(active.index[0]), baseline, settings)
    end = active["period"].iloc[-1] + dt.timedelta(days=6 if settings.by == "week" else 0)
    peak = float(segment.loc[active.index, "index"].max())
    return _evidence(cur, dyad, start, end, share, baseline, strength, peak, settings)


def _onset(indexed: pd.DataFrame, row: int, baseline: float, settings: AlertSettings) -> dt.date:
    """The first period of the escalation. A change point cannot leave a segment shorter than
    `min_segment` behind it, so it can come up to `min_segment - 1` periods late: an earlier
    period in that reach whose reports are conflict well above the baseline is the onset."""
    onset = row
    for earlier in range(row - 1, max(row - settings.min_segment, -1), -1):
        conflict = float(indexed["conflict_weight"].iloc[earlier])
        total = conflict + float(indexed["cooperation_weight"].iloc[earlier])
        if total > 0 and conflict / total >= baseline + settings.min_jump:
            onset = earlier
    return indexed["period"].iloc[onset]


def _evidence(cur: duckdb.DuckDBPyConnection, dyad: tuple[str, str], start: dt.date,
              end: dt.date, share: float, baseline: float, strength: float, peak: float,
              settings: AlertSettings) -> Alert:
    """The alert with its driving incidents: the heaviest, most widely reported first."""
    who = "source_actor = $a AND target_actor = $b"
    if not settings.directed:
        who = f"({who}) OR (source_actor = $b AND target_actor = $a)"
    params = {"a": dyad[0], "b": dyad[1], "start": start, "end": end}
    conflict = (f"happened AND quad IN ({_CONFLICT}) AND date BETWEEN $start AND $end "
                f"AND ({who})")
    types = cur.execute(
        f"SELECT type, count(*) FROM incidents WHERE {conflict} GROUP BY type "
        "ORDER BY 2 DESC, 1", params).fetchall()
    incident_ids = [row[0] for row in cur.execute(
        f"SELECT id FROM incidents WHERE {conflict} "
        f"ORDER BY {WEIGHT} * num_sources DESC, date, id LIMIT $limit",
        {**params, "limit": settings.max_events}).fetchall()]
    event_ids = [row[0] for row in cur.execute(
        "SELECT event_id FROM incident_events WHERE list_contains($ids, incident_id) "
        "ORDER BY event_id", {"ids": incident_ids}).fetchall()]
    arrow = "->" if settings.directed else "<->"
    count = sum(n for _, n in types)
    breakdown = ", ".join(f"{n} {t}" for t, n in types)
    period_days = settings.baseline_days
    summary = (f"{dyad[0]}{arrow}{dyad[1]}: conflict share {baseline:.0%} -> {share:.0%}, "
               f"{strength:.1f} sd above its {period_days}-day baseline from {start}; "
               f"driven by {counted(count, 'conflict incident')} ({breakdown})")
    digest = hashlib.sha256(f"{dyad[0]}|{dyad[1]}|{arrow}|{start}".encode()).hexdigest()[:12]
    return Alert(id=f"alert:{digest}", source=dyad[0], target=dyad[1], start=start, end=end,
                 strength=round(strength, 3), index=round(peak, 3), event_ids=event_ids,
                 summary=summary, share=round(share, 4), baseline=round(baseline, 4),
                 incident_ids=incident_ids, directed=settings.directed)


def _dyad_frames(cur: duckdb.DuckDBPyConnection,
                 settings: AlertSettings) -> dict[tuple[str, str], pd.DataFrame]:
    """Calendar-complete period sums of the most active dyads, in one query."""
    pair = (("source_actor", "target_actor") if settings.directed else
            ("least(source_actor, target_actor)", "greatest(source_actor, target_actor)"))
    sums = cur.execute(
        _DYAD_SUMS_SQL.format(s=pair[0], t=pair[1], by=settings.by),
        {"min_incidents": settings.min_incidents, "max_dyads": settings.max_dyads}).df()
    if sums.empty:
        return {}
    sums["period"] = pd.to_datetime(sums["period"])
    freq = "W-MON" if settings.by == "week" else "D"
    calendar = pd.date_range(sums["period"].min(), sums["period"].max(), freq=freq)
    frames = {}
    for (source, target), group in sums.groupby(["s", "t"], sort=True):
        frame = (group.drop(columns=["s", "t"]).set_index("period").reindex(calendar, fill_value=0)
                 .rename_axis("period").reset_index())
        frame["period"] = frame["period"].dt.date
        frames[(str(source), str(target))] = frame
    return frames
