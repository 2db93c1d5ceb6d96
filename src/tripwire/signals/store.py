"""Opening the store for signals: read-only when the incidents are current, so that reading
signals does not lock out a running server, and writable once to bring them up to date."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tripwire.errors import TripwireError
from tripwire.signals.incidents import incidents_current
from tripwire.store import Store


@contextmanager
def open_signals_store(path: str, writable: bool = False) -> Iterator[Store]:
    """An existing database (never a new empty one), with its incidents up to date."""
    if not Path(path).is_file():
        raise TripwireError("E010", "database does not exist; run `tripwire ingest` first", path)
    store = Store(path, read_only=not writable)
    try:
        if not writable and not incidents_current(store):
            store.close()
            store = Store(path)
        yield store
    finally:
        store.close()
