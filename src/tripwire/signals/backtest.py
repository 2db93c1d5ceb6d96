"""Backtest: the alerts of a store against a timeline of what really happened.

For each milestone, the first alert on its (unordered) pair raised in reach of it: from
`lookback_days` before the milestone to `grace_days` after. An alert counts from the day it was
first raised (the first day it reached a level, judged on the incidents known by then), not from
the onset its detectors date in hindsight. Its lead is the milestone's date minus that day
(negative: late); the lead to each level is given too. A milestone outside the span of the stored
articles cannot be alerted and is left out of the summary. Alerts on pairs that no milestone
names are false alarms.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from tripwire.errors import TripwireError
from tripwire.signals.alerts import find_alerts
from tripwire.signals.selection import resolve_actor
from tripwire.signals.settings import LEVELS, AlertSettings
from tripwire.signals.timeline import Milestone
from tripwire.store import Store

EARLY, LATE, MISSED, OUTSIDE = "early", "late", "missed", "outside"


class AlertLike(Protocol):
    """What a backtest reads of an alert (`tripwire.signals.alerts.Alert`)."""

    @property
    def id(self) -> str: ...
    @property
    def source(self) -> str: ...
    @property
    def target(self) -> str: ...
    @property
    def level(self) -> str: ...
    @property
    def first_at_level(self) -> dict[str, dt.date]: ...


@dataclass(frozen=True)
class Reach:
    """How far from a milestone an alert on its pair still counts for it."""

    lookback_days: int = 60
    grace_days: int = 30

    def __post_init__(self) -> None:
        if self.lookback_days < 0 or self.grace_days < 0:
            raise TripwireError("E008", "lookback and grace days must not be negative")


@dataclass
class MilestoneResult:
    """A milestone and the first alert in reach of it."""

    milestone: Milestone
    status: str  # early, late, missed or outside (the articles do not cover its date)
    alert_id: str | None = None
    alerted: dt.date | None = None  # the day the alert was first raised
    level: str | None = None  # the alert's level on the milestone's day (when raised, if late)
    lead_days: int | None = None
    level_leads: dict[str, int] = field(default_factory=dict)  # level -> days it came before

    def to_dict(self) -> dict[str, Any]:
        m = self.milestone
        return {"date": m.date.isoformat(), "a": m.a, "b": m.b, "pair": list(m.pair),
                "what": m.what, "source": m.source, "url": m.url, "status": self.status,
                "alert_id": self.alert_id,
                "alerted": self.alerted.isoformat() if self.alerted else None,
                "level": self.level, "lead_days": self.lead_days, "level_leads": self.level_leads}


@dataclass
class PairAlerts:
    """The alerts of one pair, for the false alarms and the alerts far from any milestone."""

    pair: tuple[str, str]
    alert_ids: list[str]
    first_alerted: dt.date
    levels: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["pair"], data["first_alerted"] = list(self.pair), self.first_alerted.isoformat()
        return data


@dataclass
class BacktestResult:
    """Every milestone's outcome, the false alarms and the summary."""

    span: tuple[dt.date, dt.date] | None
    reach: Reach
    milestones: list[MilestoneResult]
    false_alarms: list[PairAlerts]
    unmatched: list[PairAlerts]  # alerts on timeline pairs, in reach of none of its milestones
    alerts: int

    @property
    def summary(self) -> dict[str, Any]:
        covered = [r for r in self.milestones if r.status != OUTSIDE]
        best: dict[tuple[str, str], str] = {}
        for r in covered:
            pair = r.milestone.pair
            best[pair] = min(best.get(pair, MISSED), r.status, key=(EARLY, LATE, MISSED).index)
        leads = [r.lead_days for r in covered if r.lead_days is not None]
        return {
            "milestones": len(covered),
            "milestones_outside": len(self.milestones) - len(covered),
            "milestones_early": sum(r.status == EARLY for r in covered),
            "milestones_late": sum(r.status == LATE for r in covered),
            "milestones_missed": sum(r.status == MISSED for r in covered),
            "pairs": len(best),
            "pairs_hit": sum(s == EARLY for s in best.values()),
            "pairs_late": sum(s == LATE for s in best.values()),
            "pairs_missed": sum(s == MISSED for s in best.values()),
            "median_lead_days": statistics.median(leads) if leads else None,
            "alerts": self.alerts,
            "false_alarm_pairs": len(self.false_alarms),
            "false_alarm_alerts": sum(len(p.alert_ids) for p in self.false_alarms),
            "alerts_far_from_milestones": sum(len(p.alert_ids) for p in self.unmatched),
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "span": [d.isoformat() for d in self.span] if self.span else None,
            "lookback_days": self.reach.lookback_days, "grace_days": self.reach.grace_days,
            "milestones": [r.to_dict() for r in self.milestones],
            "false_alarms": [p.to_dict() for p in self.false_alarms],
            "unmatched": [p.to_dict() for p in self.unmatched],
            "summary": self.summary,
        }


def run_backtest(store: Store, milestones: Sequence[Milestone], settings: AlertSettings | None = None,
                 reach: Reach | None = None) -> BacktestResult:
    """The store's alerts (`find_alerts`) against the milestones, whose actors may be ids or names."""
    cur = store.cursor()
    resolved = [_resolved(cur, m) for m in milestones]
    row = cur.execute("SELECT min(published), max(published) FROM articles").fetchone()
    span = (row[0], row[1]) if row and row[0] is not None else None
    return match_alerts(resolved, find_alerts(store, settings), span, reach or Reach())


def match_alerts(milestones: Sequence[Milestone], alerts: Sequence[AlertLike],
                 span: tuple[dt.date, dt.date] | None, reach: Reach) -> BacktestResult:
    """Each milestone's first alert in reach, the false alarms and the alerts far from milestones."""
    by_pair: dict[tuple[str, str], list[AlertLike]] = {}
    for alert in sorted(alerts, key=lambda a: (_alerted(a), a.id)):
        by_pair.setdefault(_pair(alert), []).append(alert)
    results: list[MilestoneResult] = []
    used: set[str] = set()
    for m in milestones:
        if span is None or not span[0] <= m.date <= span[1]:
            results.append(MilestoneResult(m, OUTSIDE))
            continue
        first = next((a for a in by_pair.get(m.pair, []) if _in_reach(a, m.date, reach)), None)
        if first is None:
            results.append(MilestoneResult(m, MISSED))
            continue
        used.update(a.id for a in by_pair[m.pair] if _in_reach(a, m.date, reach))
        lead = (m.date - _alerted(first)).days
        reached = _reached(first)
        leads = {level: (m.date - day).days for level, day in reached.items()}
        seen = max(m.date, _alerted(first))
        level = next((lv for lv, day in reversed(reached.items()) if day <= seen), None)
        results.append(MilestoneResult(m, EARLY if lead >= 0 else LATE, first.id, _alerted(first),
                                       level, lead, leads))
    pairs = {m.pair for m in milestones}
    false_alarms = [_pair_alerts(pair, found) for pair, found in sorted(by_pair.items())
                    if pair not in pairs]
    unmatched = [_pair_alerts(pair, rest) for pair, found in sorted(by_pair.items())
                 if pair in pairs and (rest := [a for a in found if a.id not in used])]
    return BacktestResult(span, reach, results, false_alarms, unmatched, len(alerts))


def _in_reach(alert: AlertLike, day: dt.date, reach: Reach) -> bool:
    return -reach.grace_days <= (day - _alerted(alert)).days <= reach.lookback_days


def _alerted(alert: AlertLike) -> dt.date:
    """The day the alert was first raised."""
    return min(alert.first_at_level.values())


def _reached(alert: AlertLike) -> dict[str, dt.date]:
    """Level -> the first day the alert reached it, lowest level first."""
    return {level: alert.first_at_level[level] for level in LEVELS
            if level in alert.first_at_level}


def _pair(alert: AlertLike) -> tuple[str, str]:
    first, second = sorted((alert.source, alert.target))
    return first, second


def _pair_alerts(pair: tuple[str, str], alerts: list[AlertLike]) -> PairAlerts:
    return PairAlerts(pair, [a.id for a in alerts], min(_alerted(a) for a in alerts),
                      [a.level for a in alerts])


def _resolved(cur: Any, milestone: Milestone) -> Milestone:
    """The milestone with stored actor ids, or an error naming its line when an actor is unknown."""
    try:
        a, b = resolve_actor(cur, milestone.a), resolve_actor(cur, milestone.b)
    except TripwireError as exc:
        raise TripwireError("E009", exc.message, milestone.where) from None
    if a == b:
        raise TripwireError("E009", f"a and b name the same actor {a!r}", milestone.where)
    return dataclasses.replace(milestone, a=a, b=b)
