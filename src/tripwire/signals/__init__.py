"""Signals: incidents (one happening counted once), dyad series, escalation index and alerts."""

from tripwire.signals.alerts import Alert, find_alerts
from tripwire.signals.incidents import build_incidents, incidents_current
from tripwire.signals.index import escalation_index
from tripwire.signals.series import series
from tripwire.signals.settings import AlertSettings, IncidentSettings

__all__ = [
    "Alert",
    "AlertSettings",
    "IncidentSettings",
    "build_incidents",
    "escalation_index",
    "find_alerts",
    "incidents_current",
    "series",
]
