"""Signals: incidents (one happening counted once), dyad series, escalation detectors and alerts."""

from tripwire.signals.alerts import Alert, detector_frame, find_alerts
from tripwire.signals.incidents import build_incidents, incidents_current
from tripwire.signals.index import escalation_index
from tripwire.signals.series import series
from tripwire.signals.settings import AlertSettings, IncidentSettings, WindowSettings

__all__ = [
    "Alert",
    "AlertSettings",
    "IncidentSettings",
    "WindowSettings",
    "build_incidents",
    "detector_frame",
    "escalation_index",
    "find_alerts",
    "incidents_current",
    "series",
]
