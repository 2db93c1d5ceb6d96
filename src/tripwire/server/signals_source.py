"""Where the API gets series, escalation index and alerts: the signals stage, behind one interface.

The interface lets a build without the signals stage answer with empty lists and a note rather
than fail, and lets tests put fixed alerts in front of the dashboard.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
import math
import threading
from typing import Any, Protocol

import pandas as pd

from tripwire.server.models import QUADS
from tripwire.store import Store

UNAVAILABLE = ("the signals stage is not part of this build: no series, escalation index or "
               "alerts")
NEEDED = ("build_incidents", "incidents_current", "series", "escalation_index", "find_alerts")


class SignalsSource(Protocol):
    """What the API asks of the signals stage; every method returns plain JSON-ready records."""

    note: str | None

    def current(self, store: Store) -> bool:
        """Whether what the stage derives from the store (incidents) is up to date."""

    def refresh(self, store: Store) -> None:
        """Bring incidents up to date after new articles were stored."""

    def alerts(self, store: Store) -> list[dict[str, Any]]: ...

    def series(self, store: Store, dyad: tuple[str, str] | None, actor: str | None,
               start: dt.date | None, end: dt.date | None, by: str,
               directed: bool) -> list[dict[str, Any]]: ...

    def index(self, store: Store, dyad: tuple[str, str], start: dt.date | None,
              end: dt.date | None) -> list[dict[str, Any]]: ...


class StageSignals:
    """The signals stage of this installation; calls are serialised since they may write."""

    def __init__(self) -> None:
        module = importlib.import_module("tripwire.signals")
        self._stage = module if all(hasattr(module, n) for n in NEEDED) else None
        self.note = None if self._stage else UNAVAILABLE
        self._lock = threading.Lock()
        self._alerts: tuple[tuple[Any, ...], list[dict[str, Any]]] | None = None

    def current(self, store: Store) -> bool:
        return not self._stage or self._stage.incidents_current(store)

    def refresh(self, store: Store) -> None:
        if self._stage:
            with self._lock:
                self._stage.build_incidents(store)

    def alerts(self, store: Store) -> list[dict[str, Any]]:
        """Alerts, recomputed only when the store has changed since the last request."""
        if not self._stage:
            return []
        with self._lock:
            version = store.version()
            if self._alerts is None or self._alerts[0] != version:
                found = self._stage.find_alerts(store)
                self._alerts = (version, [dataclasses.asdict(alert) for alert in found])
            return [dict(alert) for alert in self._alerts[1]]

    def series(self, store: Store, dyad: tuple[str, str] | None, actor: str | None,
               start: dt.date | None, end: dt.date | None, by: str,
               directed: bool) -> list[dict[str, Any]]:
        if not self._stage:
            return []
        with self._lock:
            frame = self._stage.series(store, dyad=dyad, actor=actor, start=start, end=end, by=by,
                                       directed=directed)
        return frame_records(frame, ["period", "incidents", *QUADS])

    def index(self, store: Store, dyad: tuple[str, str], start: dt.date | None,
              end: dt.date | None) -> list[dict[str, Any]]:
        if not self._stage:
            return []
        with self._lock:
            frame = self._stage.escalation_index(store, dyad, start=start, end=end)
        return frame_records(frame, ["period", "index", "share", "baseline", "change"])


def frame_records(frame: pd.DataFrame, columns: list[str]) -> list[dict[str, Any]]:
    """The named columns of a frame as records, with NaN as None (JSON has no NaN)."""
    if frame.empty:
        return []
    records = frame[columns].to_dict("records")
    for record in records:
        for key, value in record.items():
            if isinstance(value, pd.Timestamp):
                value = value.date()
            elif hasattr(value, "item"):  # a numpy scalar
                value = value.item()
            if isinstance(value, float) and not math.isfinite(value):
                value = None
            record[key] = value
    return records
