"""Settings of the signals stage, declared once (name, default, help) for the library and the CLI."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from tripwire.errors import TripwireError
from tripwire.ontology import ontology

# The ontology's lists, named as the signals use them.
PLOVER_TYPES = ontology().type_names
QUADS = ontology().quad_names
CONFLICT_QUADS = ontology().conflict_quads
# Modalities of events that happened; historical ones only count when their own date is known.
HAPPENED_MODALITIES = ontology().happened_modalities
PERIODS = ("day", "week")


def _setting(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class IncidentSettings:
    """How events reporting the same happening are merged into one incident."""

    window_days: int = _setting(
        1, "events of one type and dyad whose dates lie within this many days of the incident's "
           "first date are one incident (unless their location or mode differ)")

    def __post_init__(self) -> None:
        if not 0 <= self.window_days <= 7:
            raise TripwireError("E008", f"window_days must be 0..7, got {self.window_days}")


@dataclass(frozen=True)
class AlertSettings:
    """Thresholds of the escalation index and its alerts."""

    by: str = _setting("day", "period of the index: day or week")
    directed: bool = _setting(False, "treat A->B and B->A as separate dyads")
    baseline_days: int = _setting(90, "length of the rolling baseline before each period, in days")
    prior_share: float = _setting(0.5, "conflict share assumed before a dyad has any history")
    prior_weight: float = _setting(2.0, "weight of that prior in the baseline (intensity units)")
    shrink_weight: float = _setting(
        10.0, "a period's share is pulled toward the baseline by this much weight, so that one "
             "event on a quiet day is not a crisis")
    min_std: float = _setting(0.05, "floor of the baseline's standard deviation")
    min_z: float = _setting(3.0, "alert when the shift is at least this many baseline sds")
    min_jump: float = _setting(0.2, "and the conflict share rises by at least this much")
    min_incidents: int = _setting(3, "and at least this many conflict incidents drive it")
    min_excess: float = _setting(
        15.0, "and their weight exceeds what the baseline share predicts by this much "
              "(an assault weighs 9, a mobilisation 5.5, an accusation 2)")
    min_history: int = _setting(5, "incidents the dyad needs before the change to have a baseline")
    penalty: float = _setting(3.0, "change-point penalty (times noise variance times log n)")
    min_segment: int = _setting(2, "shortest segment between change points, in periods")
    max_dyads: int = _setting(200, "dyads examined for alerts, most active first")
    max_events: int = _setting(20, "driving events kept with an alert")

    def __post_init__(self) -> None:
        if self.by not in PERIODS:
            raise TripwireError("E008", f"by must be one of {', '.join(PERIODS)}, got {self.by!r}")
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, int | float) and not isinstance(value, bool) and value < 0:
                raise TripwireError("E008", f"{f.name} must not be negative, got {value}")
        if self.min_segment < 1 or self.baseline_days < 1:
            raise TripwireError("E008", "min_segment and baseline_days must be at least 1")
        if self.prior_weight <= 0 or not 0 <= self.prior_share <= 1:
            raise TripwireError("E008", "prior_weight must be positive and prior_share in 0..1")

    @property
    def baseline_periods(self) -> int:
        return max(1, self.baseline_days // (7 if self.by == "week" else 1))


def setting_help(cls: type, name: str) -> str:
    """The help text of a setting, for CLI options and docs."""
    return next(f.metadata["help"] for f in fields(cls) if f.name == name)
