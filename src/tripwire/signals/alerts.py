"""Alerts: dyads that are getting worse, at a level an analyst can act on, with the evidence.

Each day of the articles' window, every dyad is read by the detectors (see
`tripwire.signals.detectors`). A detector fires at `p_fire` divided by the number of dyads judged
(Bonferroni: a store of many pairs holds many chance surges, so the false alarms of a store stay
about the same however many pairs it holds). Each group of detectors (volume, kind, share)
scores a point when one of its detectors fires, two if one fires strongly; context (attention, cooperation collapse)
scores one at most. A day is at `watch` when at least one conflict detector fires, at `warning`
from `warning_points`, at `alarm` from `alarm_points`, or when it is at `warning`, the conflict
has worsened in kind (a `kind` detector fires) and the days since its alert was first raised
confirm it (the `sustained` detector fires: the escalation went on after it was raised, a fresh
test of it). A day only counts when the recent window holds
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

from tripwire.render import counted
from tripwire.signals.daily import (
    Calendar,
    Dyad,
    active_counts,
    effective_articles,
    load_attention,
    load_conflict_incidents,
    load_corpus,
    load_days,
    load_evidence,
    load_reports,
    outlet_count,
    top_dyads,
)
from tripwire.signals.detectors import (
    CONFIRMING,
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
    sustained_reading,
)
from tripwire.signals.incidents import ensure_incidents
from tripwire.signals.ladder import Ladder, load_ladder
from tripwire.signals.settings import LEVELS, AlertSettings, WindowSettings, for_dyads
from tripwire.signals.window import signal_window
from tripwire.store import Store

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
    end: dt.date  # its last conflict incident before it cooled down
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
    settings = for_dyads(settings, len(dyads))
    loaded = load_days(cur, dyads, calendar, ladder, settings)
    fired = [d for d, days in loaded.items() if judge(d, days, corpus, ladder, settings).level.any()]
    attended = {d: loaded[d] for d in fired}
    load_attention(cur, attended, calendar)
    candidates = [judge(d, days, corpus, ladder, settings) for d, days in attended.items()]
    reports = load_reports(cur, [j.dyad for j in candidates], calendar, settings)
    outlets = min(settings.min_sources, max(outlet_count(cur), 1))
    alerts = []
    for reading in candidates:
        told = reports.get(reading.dyad)
        if told is None:
            continue
        levels = confirmed(reading, gated_levels(reading, told, calendar, outlets, settings),
                           settings)
        for run in firing_runs(levels, settings.cooldown_days):
            alerts.append(make_alert(reading, levels, run, told, calendar, ladder, settings))
    add_evidence(cur, alerts, calendar, settings)
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


def gated_levels(reading: DyadReading, reports: pd.DataFrame, calendar: Calendar,
                 outlets: int, settings: AlertSettings) -> np.ndarray:
    """The levels of the days whose recent window has enough distinct articles and outlets."""
    articles = effective_articles(reports, settings.recent_days, calendar.length)
    sources = active_counts(reports["i"].to_numpy(), reports["outlet"].to_numpy(),
                            settings.recent_days, calendar.length)
    enough = (articles >= settings.min_articles) & (sources >= outlets)
    return np.where(enough, reading.level, 0)


def confirmed(reading: DyadReading, levels: np.ndarray, settings: AlertSettings) -> np.ndarray:
    """The levels with each warning lifted to an alarm where the conflict has worsened in kind
    (a detector of the `kind` group fires) and the days since its alert was first raised
    confirm it (the `sustained` detector fires at `p_fire`): more, worse and still going on.
    A week of threats stays a warning however long it lasts. The reading joins the dyad's."""
    raised = np.full(len(levels), -1)
    for run in firing_runs(levels, settings.cooldown_days):
        raised[run[0]:run[-1] + 1] = run[0]
    sustained = sustained_reading(reading.days, reading.windows, raised, settings)
    reading.readings[CONFIRMING] = sustained
    worse = np.any([reading.readings[name].p <= settings.p_fire for name in GROUPS["kind"]],
                   axis=0)
    alarm = LEVELS.index("alarm") + 1
    return np.where((levels >= alarm - 1) & worse & (sustained.p <= settings.p_fire), alarm,
                    levels)


def firing_runs(levels: np.ndarray, cooldown: int) -> list[np.ndarray]:
    """The firing days, cut wherever more than `cooldown` days pass without one."""
    days = np.flatnonzero(levels > 0)
    if len(days) == 0:
        return []
    cuts = np.flatnonzero(np.diff(days) > cooldown) + 1
    return np.split(days, cuts)


def make_alert(reading: DyadReading, levels: np.ndarray, run: np.ndarray,
               reports: pd.DataFrame, calendar: Calendar, ladder: Ladder,
               settings: AlertSettings) -> Alert:
    """The alert of one run of firing days, with its findings (see `add_evidence` for the
    incidents, events and sentences behind it)."""
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
    told = reports[reports["i"].between(*calendar.index(pd.Series([start, end])))]
    reported = (f"{counted(told['article'].nunique(), 'article')} from "
                f"{counted(told['outlet'].nunique(), 'outlet')}")
    reached = ", ".join(f"{level} {day}" for level, day in first_at_level.items())
    summary = (f"{dyad[0]}{arrow}{dyad[1]}: {LEVELS[top - 1]} from {start} to {end} ({reached}). "
               + " ".join(f"{f.text}." for f in findings))
    digest = hashlib.sha256(f"{dyad[0]}|{dyad[1]}|{arrow}|{start}".encode()).hexdigest()[:12]
    return Alert(id=f"alert:{digest}", source=dyad[0], target=dyad[1], start=start, end=end,
                 level=LEVELS[top - 1], detectors=[f.detector for f in findings],
                 summary=summary, incident_ids=[], event_ids=[],
                 first_at_level=first_at_level,
                 strength=round(max((f.surprise for f in findings), default=0.0), 2),
                 findings=findings, breakdown=reported, directed=settings.directed)


def add_evidence(cur: duckdb.DuckDBPyConnection, alerts: list[Alert], calendar: Calendar,
                 settings: AlertSettings) -> None:
    """Fill in each alert's driving incidents (its conflict incidents, heaviest and most widely
    told first), their events, a breakdown by type and one sentence for the first few, in a
    few queries for all the alerts together."""
    dyads = sorted({(a.source, a.target) for a in alerts})
    incidents = load_conflict_incidents(cur, dyads, calendar, settings)
    for alert in alerts:
        rows = incidents[(alert.source, alert.target)]
        rows = rows[rows["day"].between(pd.Timestamp(alert.start), pd.Timestamp(alert.end))]
        types = rows["type"].value_counts()
        types = types.sort_index().sort_values(ascending=False, kind="stable")
        alert.breakdown = (f"{counted(len(rows), 'conflict incident')} "
                           f"({', '.join(f'{n} {t}' for t, n in types.items())}) in "
                           f"{alert.breakdown}")
        alert.summary += f" Driven by {alert.breakdown}."
        top = rows.sort_values(["weight", "num_articles", "day", "id"],
                               ascending=[False, False, True, True]).head(settings.max_events)
        alert.incident_ids = top["id"].tolist()
    told = load_evidence(cur, [i for a in alerts for i in a.incident_ids])
    for alert in alerts:
        mine = told[told["incident_id"].isin(alert.incident_ids)]
        alert.event_ids = sorted(mine["event_id"])
        alert.evidence = evidence_sentences(mine, alert, incidents[(alert.source, alert.target)])


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
    if r.name == CONFIRMING:
        raised = calendar.day(int(r.extra["raised"][i]))
        return (f"sustained: {r.observed[i]:.0f} conflict incidents in the "
                f"{int(r.extra['days_since'][i])} observed days after the alert was first raised "
                f"on {raised}, to {day}, against {r.expected[i]:.2g} expected from the "
                f"{int(r.extra['baseline_days'][i])} observed days before that day's window "
                f"({p}): it went on after it was raised")
    recent = f"in the {int(r.extra['recent_days'][i])} days to {day}"
    before = f"the {int(r.extra['baseline_days'][i])} observed days before"
    if r.name == "conflict_share":
        return (f"conflict_share: {r.observed[i]:.0%} of the pair's incidents {recent} were "
                f"conflict, against {r.expected[i]:.0%} in {before} ({p})")
    if r.name == "ladder":
        rung, base = int(r.extra["rung"][i]), int(r.extra["baseline_rung"][i])
        return (f"ladder: {r.observed[i]:.0f} incidents above rung {base} "
                f"({ladder.name(base)}, the highest of {before}) {recent}, up to rung {rung} "
                f"({ladder.name(rung)}: {', '.join(ladder.types(rung))}) ({p})")
    if r.name == "new_force":
        return (f"new_force: {r.observed[i]:.0f} of the days with conflict {recent} brought "
                f"{int(r.extra['kinds'][i])} kind(s) of force that {before} never saw, "
                f"against {r.expected[i]:.2g} expected ({p})")
    if r.name == "escalation":
        return (f"escalation: {r.observed[i]:.0f} conflict incidents {recent} against "
                f"{r.expected[i]:.2g} expected from {before}, on {r.extra['new'][i]:.0f} days "
                f"with a kind of force it never saw (together {p})")
    if r.name == "attention":
        return (f"attention: {r.observed[i]:.0f} articles on the pair {recent} "
                f"({r.extra['share'][i]:.1%} of all) against a share of "
                f"{r.extra['baseline_share'][i]:.1%} in {before} ({p})")
    comparison = "fewer than" if r.name == "cooperation_collapse" else "against"
    return (f"{r.name}: {r.observed[i]:.4g} {UNITS[r.name]} {recent} {comparison} "
            f"{r.expected[i]:.2g} expected from {before} ({p})")


def evidence_sentences(told: pd.DataFrame, alert: Alert,
                       incidents: pd.DataFrame) -> list[dict[str, Any]]:
    """The first reporting sentence of each of the alert's first few incidents, in order."""
    known = incidents.set_index("id")
    first = told.sort_values(["published", "event_id"]).drop_duplicates("incident_id")
    by_incident = first.set_index("incident_id")
    out = []
    for incident in alert.incident_ids[:EVIDENCE_SENTENCES]:
        if incident not in by_incident.index:
            continue
        row, about = by_incident.loc[incident], known.loc[incident]
        out.append({"incident_id": incident, "date": str(about["day"].date()),
                    "type": about["type"], "source": about["source_actor"],
                    "target": about["target_actor"],
                    "sentence": _text(row["sentence"]), "title": _text(row["title"]),
                    "outlet": _text(row["outlet"]), "published": _text(row["published"])})
    return out


def _text(value: object) -> str | None:
    """A cell as one line of text (sentences keep the line breaks of their article)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return " ".join(str(value).split())


def judged_dyads(store: Store, settings: AlertSettings | None = None,
                 window: WindowSettings | None = None) -> int:
    """How many dyads the alerts judge in the store's window (`top_dyads`), among whom `p_fire`
    is shared: whoever charts several dyads counts them once and passes the number to
    `detector_frame`."""
    settings = settings or AlertSettings()
    ensure_incidents(store)
    cur = store.cursor()
    bounds = signal_window(cur, window)
    return 0 if bounds is None else len(top_dyads(cur, Calendar(*bounds), settings))


def detector_frame(store: Store, dyad: Dyad, settings: AlertSettings | None = None,
                   window: WindowSettings | None = None,
                   judged: int | None = None) -> pd.DataFrame:
    """One dyad day by day: each detector's surprise (-log10 p), the surprise at which a detector
    fires (`fires_at`, `p_fire` shared among the `judged` dyads, counted here unless given: see
    `judged_dyads`), the points and the level (0 to 3, before the evidence gate), for charts."""
    settings = settings or AlertSettings()
    ensure_incidents(store)
    cur = store.cursor()
    bounds = signal_window(cur, window)
    columns = ["period", *DETECTORS, "fires_at", "points", "level"]
    if bounds is None:
        return pd.DataFrame(columns=columns)
    calendar = Calendar(*bounds)
    pair = dyad if settings.directed else (min(dyad), max(dyad))
    ladder = load_ladder()
    loaded = load_days(cur, [pair], calendar, ladder, settings)
    if pair not in loaded:
        return pd.DataFrame(columns=columns)
    load_attention(cur, loaded, calendar)
    if judged is None:
        judged = len(top_dyads(cur, calendar, settings))
    settings = for_dyads(settings, judged)
    reading = judge(pair, loaded[pair], load_corpus(cur, calendar, settings), ladder, settings)
    level = confirmed(reading, reading.level, settings)
    frame = pd.DataFrame({"period": [calendar.day(i) for i in range(calendar.length)]})
    for name, r in reading.readings.items():
        frame[name] = np.minimum(-np.log10(np.maximum(r.p, 1e-300)), MAX_SURPRISE)
    frame["fires_at"] = -math.log10(settings.p_fire)
    frame["points"], frame["level"] = reading.points, level
    return frame


def alert_changes(known: list[Alert], found: list[Alert]) -> list[tuple[Alert, str | None]]:
    """What changed since `known` was computed: each alert of `found` that is new (paired with
    None) or whose level rose (paired with its former level). An alert is the one known before
    when it is of the same dyad and their days overlap: new reports move its start or end."""
    changes: list[tuple[Alert, str | None]] = []
    for alert in found:
        before = [LEVELS.index(k.level) for k in known
                  if (k.source, k.target, k.directed) == (alert.source, alert.target,
                                                          alert.directed)
                  and k.start <= alert.end and alert.start <= k.end]
        if not before:
            changes.append((alert, None))
        elif LEVELS.index(alert.level) > max(before):
            changes.append((alert, LEVELS[max(before)]))
    return changes
