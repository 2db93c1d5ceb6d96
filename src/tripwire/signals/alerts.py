"""Alerts: dyads that are getting worse, at a level an analyst can act on, with the evidence.

Each day of the articles' window, every dyad is read by the detectors (see
`tripwire.signals.detectors`). Each group of detectors (volume, kind, share) scores a point when
one of its detectors fires, two if one fires strongly; context (attention, cooperation collapse)
scores one at most. A day is at `watch` when at least one conflict detector fires, at `warning`
from `warning_points`, at `alarm` from `alarm_points`. A day only counts when the recent window holds
`min_incidents` conflict incidents reported by `min_articles` articles (counted so that one
article telling most of them counts as about one) from `min_sources` outlets, so one article,
however many incidents it codes, raises nothing. Firing days no more
than `cooldown_days` apart are one alert: its level is the highest reached, `first_at_level`
says when each level was first reached (judged on the incidents dated up to that day), and its
end extends while the detectors keep firing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import math
from dataclasses import dataclass, field
from typing import Any

import duckdb
import numpy as np
import pandas as pd

from tripwire.signals.daily import (
    Calendar,
    Dyad,
    active_counts,
    effective_articles,
    load_corpus,
    load_days,
    load_reports,
    outlet_count,
    top_dyads,
)
from tripwire.signals.detectors import (
    CONFLICT_DETECTORS,
    CONTEXT_GROUPS,
    DETECTORS,
    GROUPS,
    UNITS,
    Corpus,
    DyadDays,
    Reading,
    Windows,
    read_detectors,
)
from tripwire.signals.incidents import ensure_incidents
from tripwire.signals.ladder import Ladder, load_ladder
from tripwire.signals.series import WEIGHT
from tripwire.signals.settings import CONFLICT_QUADS, LEVELS, AlertSettings, WindowSettings
from tripwire.signals.window import signal_window
from tripwire.store import Store

_CONFLICT = ", ".join(f"'{q}'" for q in CONFLICT_QUADS)
MAX_SURPRISE = 300.0  # -log10 of a p-value that underflows to 0
EVIDENCE_SENTENCES = 5


@dataclass
class Finding:
    """One detector's strongest reading during an alert, with the numbers behind it."""

    detector: str
    day: dt.date
    observed: float
    expected: float
    p_value: float
    surprise: float  # -log10 of the p-value
    text: str


@dataclass
class Alert:
    """One escalation of one dyad: its level, the detectors that saw it and the evidence."""

    id: str
    source: str
    target: str
    start: dt.date  # the first day of the surge that first raised it
    end: dt.date  # the last conflict incident while it was firing
    level: str  # watch, warning or alarm: the highest reached
    detectors: list[str]  # the detectors that fired, strongest first
    summary: str
    incident_ids: list[str]
    event_ids: list[str]
    first_at_level: dict[str, dt.date]  # level -> the first day it was reached
    strength: float = 0.0  # -log10 p of the strongest detector
    findings: list[Finding] = field(default_factory=list)
    breakdown: str = ""  # the driving incidents by type, and the articles and outlets behind them
    evidence: list[dict[str, Any]] = field(default_factory=list)  # the driving sentences
    directed: bool = False

    @property
    def first_alerted(self) -> dt.date:
        """The day an analyst reading the signals daily would first have seen it."""
        return min(self.first_at_level.values())

    def to_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["start"], data["end"] = self.start.isoformat(), self.end.isoformat()
        data["first_at_level"] = {k: v.isoformat() for k, v in self.first_at_level.items()}
        for finding in data["findings"]:
            finding["day"] = finding["day"].isoformat()
        return data


@dataclass
class DyadReading:
    """Everything judged about one dyad, day by day."""

    dyad: Dyad
    days: DyadDays
    readings: dict[str, Reading]
    windows: Windows
    points: np.ndarray
    level: np.ndarray  # 0 none, 1 watch, 2 warning, 3 alarm (before the evidence gate)


def find_alerts(store: Store, settings: AlertSettings | None = None,
                window: WindowSettings | None = None) -> list[Alert]:
    """Alerts of the most active dyads in the articles' window, highest level first."""
    settings = settings or AlertSettings()
    ensure_incidents(store)
    cur = store.cursor()
    bounds = signal_window(cur, window)
    if bounds is None:
        return []
    calendar = Calendar(*bounds)
    ladder = load_ladder()
    corpus = load_corpus(cur, calendar, settings)
    dyads = top_dyads(cur, calendar, settings)
    judged = [judge(d, days, corpus, ladder, settings)
              for d, days in load_days(cur, dyads, calendar, ladder, settings).items()]
    candidates = [j for j in judged if j.level.any()]
    reports = load_reports(cur, [j.dyad for j in candidates], calendar, settings)
    outlets = min(settings.min_sources, max(outlet_count(cur), 1))
    alerts = []
    for reading in candidates:
        levels = gated_levels(reading, reports.get(reading.dyad), calendar, outlets, settings)
        for run in firing_runs(levels, settings.cooldown_days):
            alerts.append(make_alert(cur, reading, levels, run, calendar, ladder, settings))
    return sorted(alerts, key=lambda a: (-LEVELS.index(a.level), -a.strength, a.start,
                                         a.source, a.target))


def judge(dyad: Dyad, days: DyadDays, corpus: Corpus, ladder: Ladder,
          settings: AlertSettings) -> DyadReading:
    """Detector readings, points and the level of every day of one dyad."""
    readings, windows = read_detectors(days, corpus, ladder, settings)
    score = {name: (r.p <= settings.p_fire).astype(int) + (r.p <= settings.p_strong)
             for name, r in readings.items()}
    points = sum(np.minimum(np.max([score[n] for n in members], axis=0),
                            1 if group in CONTEXT_GROUPS else 2)
                 for group, members in GROUPS.items())
    conflict_fired = np.any([score[n] > 0 for n in CONFLICT_DETECTORS], axis=0)
    recent_conflict, _ = windows.sums(days.conflict)
    level = np.where(conflict_fired & (recent_conflict >= settings.min_incidents),
                     1 + (points >= settings.warning_points) + (points >= settings.alarm_points),
                     0)
    return DyadReading(dyad, days, readings, windows, points, level)


def gated_levels(reading: DyadReading, reports: pd.DataFrame | None, calendar: Calendar,
                 outlets: int, settings: AlertSettings) -> np.ndarray:
    """The levels of the days whose recent window has enough distinct articles and outlets."""
    if reports is None or reports.empty:
        return np.zeros_like(reading.level)
    articles = effective_articles(reports, settings.recent_days, calendar.length)
    sources = active_counts(reports["i"].to_numpy(), reports["outlet"].to_numpy(),
                            settings.recent_days, calendar.length)
    enough = (articles >= settings.min_articles) & (sources >= outlets)
    return np.where(enough, reading.level, 0)


def firing_runs(levels: np.ndarray, cooldown: int) -> list[np.ndarray]:
    """The firing days, cut wherever more than `cooldown` days pass without one."""
    days = np.flatnonzero(levels > 0)
    if len(days) == 0:
        return []
    cuts = np.flatnonzero(np.diff(days) > cooldown) + 1
    return np.split(days, cuts)


def make_alert(cur: duckdb.DuckDBPyConnection, reading: DyadReading, levels: np.ndarray,
               run: np.ndarray, calendar: Calendar, ladder: Ladder,
               settings: AlertSettings) -> Alert:
    first = int(run[0])
    start = calendar.day(onset(reading, first, settings))
    # the crisis lasts while it keeps firing and cools down for `cooldown_days` after
    until = min(int(run[-1]) + settings.cooldown_days, calendar.length - 1)
    last_conflict = np.flatnonzero(reading.days.conflict[:until + 1] > 0)
    end = calendar.day(int(last_conflict[-1]))
    top = int(levels[run].max())
    first_at_level = {LEVELS[k - 1]: calendar.day(int(run[np.argmax(levels[run] >= k)]))
                      for k in range(1, top + 1)}
    findings = strongest_findings(reading, run, calendar, ladder, settings)
    dyad, arrow = reading.dyad, "->" if settings.directed else "<->"
    incident_ids, event_ids, breakdown = drivers(cur, dyad, start, end, settings)
    evidence = evidence_sentences(cur, incident_ids[:EVIDENCE_SENTENCES])
    reached = ", ".join(f"{level} {day}" for level, day in first_at_level.items())
    summary = (f"{dyad[0]}{arrow}{dyad[1]}: {LEVELS[top - 1]} from {start} to {end} ({reached}). "
               + " ".join(f"{f.text}." for f in findings)
               + f" Driven by {breakdown}.")
    digest = hashlib.sha256(f"{dyad[0]}|{dyad[1]}|{arrow}|{start}".encode()).hexdigest()[:12]
    return Alert(id=f"alert:{digest}", source=dyad[0], target=dyad[1], start=start, end=end,
                 level=LEVELS[top - 1], detectors=[f.detector for f in findings],
                 summary=summary, incident_ids=incident_ids, event_ids=event_ids,
                 first_at_level=first_at_level,
                 strength=round(max((f.surprise for f in findings), default=0.0), 2),
                 findings=findings, breakdown=breakdown, evidence=evidence,
                 directed=settings.directed)


def onset(reading: DyadReading, day: int, settings: AlertSettings) -> int:
    """The first day of the surge seen on `day`: the maximum-likelihood start of a raised rate
    of conflict weight inside the recent window (a Poisson scan in units of the intensity
    detector, against the baseline's rate), on a day with a conflict incident."""
    days, windows = reading.days, reading.windows
    first = max(0, day - settings.recent_days + 1)
    starts = first + np.flatnonzero(days.conflict[first:day + 1] > 0)
    if len(starts) == 0:
        return day
    recent, baseline = windows.sums(days.weight)
    recent_sq, baseline_sq = windows.sums(days.weight_sq)
    phi = max((recent_sq[day] + baseline_sq[day]) / max(recent[day] + baseline[day], 1e-9), 1.0)
    rate = (baseline[day] / phi + settings.prior_incidents) / (windows.baseline_days[day] + 1)
    tail = np.cumsum(days.weight[first:day + 1][::-1])[::-1] / phi  # weight from d to day
    exposure = np.cumsum(np.maximum(windows.observed[first:day + 1], 0)[::-1])[::-1]
    k, mu = tail[starts - first], np.maximum(exposure[starts - first], 1.0) * rate
    with np.errstate(divide="ignore", invalid="ignore"):
        llr = np.where(k > mu, k * np.log(k / mu) - (k - mu), 0.0)
    return int(starts[int(np.argmax(llr))])


def strongest_findings(reading: DyadReading, run: np.ndarray, calendar: Calendar,
                       ladder: Ladder, settings: AlertSettings) -> list[Finding]:
    """For each detector that fired during the run, its reading on its most surprising day."""
    findings = []
    for name, r in reading.readings.items():
        p = r.p[run]
        if p.min() > settings.p_fire:
            continue
        i = int(run[np.argmin(p)])
        value = float(r.p[i])
        surprise = MAX_SURPRISE if value <= 0 else min(-math.log10(value), MAX_SURPRISE)
        findings.append(Finding(name, calendar.day(i), round(float(r.observed[i]), 3),
                                round(float(r.expected[i]), 3), value, round(surprise, 2),
                                describe(r, i, calendar, ladder)))
    return sorted(findings, key=lambda f: (-f.surprise, f.detector))


def describe(r: Reading, i: int, calendar: Calendar, ladder: Ladder) -> str:
    """One sentence with the numbers: what was seen, what the baseline predicts, how unlikely."""
    day, p = calendar.day(i), f"p = {r.p[i]:.1e}"
    recent = f"in the {int(r.extra['recent_days'][i])} days to {day}"
    before = f"the {int(r.extra['baseline_days'][i])} observed days before"
    if r.name == "conflict_share":
        return (f"conflict_share: {r.observed[i]:.0%} of the weight {recent} against "
                f"{r.expected[i]:.0%} before, {r.extra['z'][i]:.1f} sd ({p})")
    if r.name == "ladder":
        rung, base = int(r.extra["rung"][i]), int(r.extra["baseline_rung"][i])
        return (f"ladder: {r.observed[i]:.0f} incidents above rung {base} "
                f"({ladder.name(base)}, the highest of {before}) {recent}, up to rung {rung} "
                f"({ladder.name(rung)}: {', '.join(ladder.types(rung))}) ({p})")
    if r.name == "attention":
        return (f"attention: {r.observed[i]:.0f} articles on the pair {recent} "
                f"({r.extra['share'][i]:.1%} of all) against a share of "
                f"{r.extra['baseline_share'][i]:.1%} in {before} ({p})")
    comparison = "fewer than" if r.name == "cooperation_collapse" else "against"
    return (f"{r.name}: {r.observed[i]:.4g} {UNITS[r.name]} {recent} {comparison} "
            f"{r.expected[i]:.2g} expected from {before} ({p})")


def drivers(cur: duckdb.DuckDBPyConnection, dyad: Dyad, start: dt.date, end: dt.date,
            settings: AlertSettings) -> tuple[list[str], list[str], str]:
    """The alert's conflict incidents (heaviest, most widely reported first), their events, and
    a one-line breakdown by type with the articles and outlets behind them."""
    where = _conflict_of(settings.directed)
    params = {"a": dyad[0], "b": dyad[1], "start": start, "end": end}
    types = cur.execute(f"SELECT type, count(*) FROM incidents WHERE {where} GROUP BY type "
                        "ORDER BY 2 DESC, 1", params).fetchall()
    incident_ids = [row[0] for row in cur.execute(
        f"SELECT id FROM incidents WHERE {where} "
        f"ORDER BY {WEIGHT} * num_sources DESC, num_articles DESC, date, id LIMIT $limit",
        {**params, "limit": settings.max_events}).fetchall()]
    reports = cur.execute(
        "SELECT count(DISTINCT e.article_id), count(DISTINCT coalesce(a.source, a.id)) "
        "FROM incidents i JOIN incident_events ie ON ie.incident_id = i.id "
        "JOIN events e ON e.id = ie.event_id LEFT JOIN articles a ON a.id = e.article_id "
        f"WHERE {_conflict_of(settings.directed, 'i.')}", params).fetchone() or (0, 0)
    event_ids = [row[0] for row in cur.execute(
        "SELECT event_id FROM incident_events WHERE list_contains($ids, incident_id) "
        "ORDER BY event_id", {"ids": incident_ids}).fetchall()]
    count = sum(n for _, n in types)
    breakdown = (f"{_plural(count, 'conflict incident')} "
                 f"({', '.join(f'{n} {t}' for t, n in types)}) in "
                 f"{_plural(reports[0], 'article')} from {_plural(reports[1], 'outlet')}")
    return incident_ids, event_ids, breakdown


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _conflict_of(directed: bool, prefix: str = "") -> str:
    """SQL: the dyad's ($a, $b) conflict incidents that happened between $start and $end."""
    who = f"{prefix}source_actor = $a AND {prefix}target_actor = $b"
    if not directed:
        who = f"(({who}) OR ({prefix}source_actor = $b AND {prefix}target_actor = $a))"
    return (f"{prefix}happened AND {prefix}quad IN ({_CONFLICT}) "
            f"AND {prefix}date BETWEEN $start AND $end AND {who}")


def evidence_sentences(cur: duckdb.DuckDBPyConnection,
                       incident_ids: list[str]) -> list[dict[str, Any]]:
    """One reporting sentence for each of the given incidents, in their order."""
    if not incident_ids:
        return []
    rows = cur.execute(
        """
        SELECT i.id, CAST(i.date AS VARCHAR), i.type, i.source_actor, i.target_actor,
               arg_min(e.sentence_text, e.published), arg_min(a.title, e.published),
               arg_min(a.source, e.published), CAST(min(e.published) AS VARCHAR)
        FROM incidents i JOIN incident_events ie ON ie.incident_id = i.id
        JOIN events e ON e.id = ie.event_id LEFT JOIN articles a ON a.id = e.article_id
        WHERE list_contains($ids, i.id) GROUP BY ALL
        """, {"ids": incident_ids}).fetchall()
    found = {row[0]: row for row in rows}
    keys = ("incident_id", "date", "type", "source", "target", "sentence", "title", "outlet",
            "published")
    return [dict(zip(keys, found[i], strict=True)) for i in incident_ids if i in found]


def detector_frame(store: Store, dyad: Dyad, settings: AlertSettings | None = None,
                   window: WindowSettings | None = None) -> pd.DataFrame:
    """One dyad day by day: each detector's surprise (-log10 p), the points and the level (0 to
    3, before the evidence gate), for charts."""
    settings = settings or AlertSettings()
    ensure_incidents(store)
    cur = store.cursor()
    bounds = signal_window(cur, window)
    columns = ["period", *DETECTORS, "points", "level"]
    if bounds is None:
        return pd.DataFrame(columns=columns)
    calendar = Calendar(*bounds)
    pair = dyad if settings.directed else (min(dyad), max(dyad))
    ladder = load_ladder()
    loaded = load_days(cur, [pair], calendar, ladder, settings)
    if pair not in loaded:
        return pd.DataFrame(columns=columns)
    reading = judge(pair, loaded[pair], load_corpus(cur, calendar, settings), ladder, settings)
    frame = pd.DataFrame({"period": [calendar.day(i) for i in range(calendar.length)]})
    for name, r in reading.readings.items():
        frame[name] = np.minimum(-np.log10(np.maximum(r.p, 1e-300)), MAX_SURPRISE)
    frame["points"], frame["level"] = reading.points, reading.level
    return frame
