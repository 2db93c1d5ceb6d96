"""Settings of the signals stage, declared once (name, default, help) for the library and the CLI."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import Any

from tripwire.errors import TripwireError
from tripwire.ontology import ontology

# The ontology's lists, named as the signals use them.
PLOVER_TYPES = ontology().type_names
QUADS = ontology().quad_names
CONFLICT_QUADS = ontology().conflict_quads
COOPERATION_QUADS = tuple(q for q in QUADS if q not in CONFLICT_QUADS)
# Modalities of events that happened; historical ones only count when their own date is known.
HAPPENED_MODALITIES = ontology().happened_modalities
PERIODS = ("day", "week")
# How precisely an event's own date is known, finest first (the coder's `date_precision`).
class Period(StrEnum):
    """The period a series counts by (the CLI's `--by`, the API's `by`)."""

    day = "day"
    week = "week"


PRECISIONS = ("day", "week", "month", "season", "year")
LEVELS = ("watch", "warning", "alarm")


def _setting(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


def _check_non_negative(settings: object) -> None:
    for f in fields(settings):  # type: ignore[arg-type]
        value = getattr(settings, f.name)
        if isinstance(value, int | float) and not isinstance(value, bool) and value < 0:
            raise TripwireError("E008", f"{f.name} must not be negative, got {value}")


@dataclass(frozen=True)
class IncidentSettings:
    """How events reporting the same happening are merged into one incident, and which event
    dates are believable enough to place it on a day."""

    window_days: int = _setting(
        1, "events of one type and dyad whose dates lie within this many days of the incident's "
           "first date are one incident (unless their location or mode differ)")
    earliest_year: int = _setting(
        1900, "an event dated before 1 January of this year is not placed on any day")
    future_days: int = _setting(
        2, "an event that happened but is dated more than this many days after its article was "
           "published is not placed on any day (a misread date)")
    coarsest_precision: str = _setting(
        "week", "an event whose own date is known only more coarsely than this (month, season, "
                "year: 'in 2018' reads as 1 January) is not placed on any day")

    def __post_init__(self) -> None:
        _check_non_negative(self)
        if not 0 <= self.window_days <= 7:
            raise TripwireError("E008", f"window_days must be 0..7, got {self.window_days}")
        if not 1 <= self.earliest_year <= 9999:
            raise TripwireError("E008", f"earliest_year must be 1..9999, got {self.earliest_year}")
        if self.coarsest_precision not in PRECISIONS:
            raise TripwireError("E008", f"coarsest_precision must be one of "
                                f"{', '.join(PRECISIONS)}, got {self.coarsest_precision!r}")

    @property
    def precise_enough(self) -> tuple[str, ...]:
        return PRECISIONS[:PRECISIONS.index(self.coarsest_precision) + 1]


@dataclass(frozen=True)
class WindowSettings:
    """The span of days that series, alerts, the report and the dashboard cover."""

    lead_days: int = _setting(
        30, "days before the first stored article whose incidents still count (the history "
            "the first reports tell); older ones, such as a war of 1917, stretch no chart")
    max_span_days: int = _setting(
        3660, "the longest span a series may cover; a request for more is refused, and a store "
              "whose articles span more is read over its last this many days")

    def __post_init__(self) -> None:
        _check_non_negative(self)
        if self.max_span_days < 1:
            raise TripwireError("E008", "max_span_days must be at least 1")


@dataclass(frozen=True)
class AlertSettings:
    """Detectors, evidence and levels of the alerts (see docs/signals.md)."""

    directed: bool = _setting(False, "treat A->B and B->A as separate dyads")
    recent_days: int = _setting(
        14, "the recent window, in days, ending on the day judged: the detectors read it, and "
            "the evidence an alert needs must lie in it")
    short_days: int = _setting(
        7, "a shorter recent window the detectors read as well, for sudden surges (0: none)")
    long_days: int = _setting(
        28, "a longer recent window the detectors read as well, for slow ramps (0: none); each "
            "day keeps the most surprising window, its p-value times the number of windows")
    baseline_days: int = _setting(
        90, "the dyad's own baseline: this many days that end where the recent window begins")
    min_baseline_days: int = _setting(
        28, "days of the baseline that must lie inside the stored articles' span before a dyad "
            "is judged (no alert on the first weeks of a corpus)")
    report_lag_days: int = _setting(
        2, "a day counts as observed when an article was published on it or this many days "
           "after (reports tell of the day before); unobserved days are not read as calm")
    prior_incidents: float = _setting(
        0.5, "pseudo-incidents added to every baseline, so that an empty baseline does not make "
             "one incident infinitely surprising")
    p_fire: float = _setting(
        2e-3, "a detector fires when the chance of what it saw, under the baseline, is at most "
              "this divided by the number of dyads judged (Bonferroni: a store of many pairs "
              "holds many chance surges, and the false alarms of a day are shared among them)")
    p_strong: float = _setting(
        1e-5, "a detector fires strongly (counts twice) at or below this, divided likewise")
    warning_points: int = _setting(
        2, "points for a warning: each group of detectors (volume, kind, share) scores one when "
           "one of its detectors fires, two if strongly; context scores one at most")
    alarm_points: int = _setting(4, "points for an alarm")
    min_incidents: int = _setting(
        5, "conflict incidents of the dyad that the recent window needs before any alert")
    min_articles: int = _setting(
        3, "articles that must report those incidents, counted as the inverse Simpson number of "
           "incidents per article (one article telling most of them counts as about one)")
    min_sources: int = _setting(
        2, "distinct outlets that must report them (or every outlet the store holds, if fewer)")
    cooldown_days: int = _setting(
        21, "days without a firing detector after which a dyad's alert ends; firings closer "
            "together are one alert whose level can rise and whose end extends")
    ladder_rung: int = _setting(
        4, "lowest rung of the escalation ladder (see signals/data/ladder.yaml) whose first "
           "appearance after the baseline fires the ladder detector (4: MOBILIZE, COERCE); "
           "its types and those above are the kinds of force new_force looks for")
    burst_ratio: float = _setting(
        1.0, "when cooperation surges too, a conflict surge whose excess over the baseline is "
             "less than this many times cooperation's is a burst of coverage (a summit), and "
             "the volume detectors stay silent")
    burst_p: float = _setting(
        0.01, "cooperation surges (for the burst rule) when the chance of what it saw, under the "
              "baseline, is at most this; not divided among the dyads: it silences, it raises "
              "nothing")
    min_cooperation: float = _setting(
        3.0, "cooperation collapse is judged only when the baseline predicts at least this "
             "many cooperative incidents in the recent window")
    min_jump: float = _setting(
        0.2, "the conflict_share detector fires only when the share rises by at least this much")
    prior_share: float = _setting(
        0.5, "charted share index: conflict share assumed before any history")
    prior_weight: float = _setting(
        2.0, "charted share index: weight of that prior (intensity units)")
    shrink_weight: float = _setting(
        10.0, "charted share index: a day's share is pulled toward the baseline by this much "
              "weight")
    min_std: float = _setting(0.05, "charted share index: floor of the baseline's sd")
    penalty: float = _setting(3.0, "change-point penalty of the charted index (ruptures)")
    min_segment: int = _setting(2, "shortest segment between change points, in periods")
    max_dyads: int = _setting(200, "dyads examined for alerts, most conflict incidents first")
    max_events: int = _setting(20, "driving incidents kept with an alert")

    def __post_init__(self) -> None:
        _check_non_negative(self)
        if self.short_days > self.recent_days or 0 < self.long_days < self.recent_days:
            raise TripwireError("E008", "windows must satisfy short_days <= recent_days <= "
                                "long_days (0 turns the short or long one off)")
        if min(self.recent_days, self.baseline_days, self.min_segment) < 1:
            raise TripwireError("E008", "recent_days, baseline_days and min_segment must be at "
                                "least 1")
        if self.min_baseline_days > self.baseline_days:
            raise TripwireError("E008", "min_baseline_days must not exceed baseline_days")
        if not 0 < self.p_strong <= self.p_fire < 1 or not 0 < self.burst_p < 1:
            raise TripwireError("E008", "p-values must satisfy 0 < p_strong <= p_fire < 1 and "
                                "0 < burst_p < 1")
        if not 1 <= self.warning_points <= self.alarm_points:
            raise TripwireError("E008", "points must satisfy 1 <= warning_points <= alarm_points")
        if self.prior_incidents <= 0 or self.prior_weight <= 0 or not 0 <= self.prior_share <= 1:
            raise TripwireError("E008", "prior_incidents and prior_weight must be positive and "
                                "prior_share in 0..1")


def for_dyads(settings: AlertSettings, dyads: int) -> AlertSettings:
    """The settings with `p_fire` and `p_strong` shared among `dyads` judged dyads."""
    n = max(dyads, 1)
    return dataclasses.replace(settings, p_fire=settings.p_fire / n,
                               p_strong=settings.p_strong / n)


def recent_windows(settings: AlertSettings) -> list[int]:
    """The recent windows the detectors read, longest first."""
    return sorted({settings.short_days, settings.recent_days, settings.long_days} - {0},
                  reverse=True)


def setting_help(cls: type, name: str) -> str:
    """The help text of a setting, for CLI options and docs."""
    return next(f.metadata["help"] for f in fields(cls) if f.name == name)
