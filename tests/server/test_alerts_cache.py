"""The API's alerts are computed once per state of the store, not once per request."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tripwire.document import Document
from tripwire.server.signals_source import StageSignals
from tripwire.store import Store


@dataclass
class FakeAlert:
    dyad: str


class CountingStage:
    """Stands in for tripwire.signals: counts how often alerts are computed."""

    def __init__(self) -> None:
        self.calls = 0

    def find_alerts(self, store: Store) -> list[FakeAlert]:
        self.calls += 1
        return [FakeAlert(dyad=f"A-B #{self.calls}")]


def test_alerts_are_recomputed_only_after_the_store_changes(tmp_path: Path) -> None:
    source = StageSignals()
    stage = CountingStage()
    source._stage = stage
    with Store(tmp_path / "t.duckdb") as store:
        first = source.alerts(store)
        first[0]["dyad"] = "changed by a caller"
        assert source.alerts(store) == [{"dyad": "A-B #1"}]
        assert stage.calls == 1
        store.ingest([Document(id="d1", content_hash="h1", text="Nothing happened today.")])
        assert source.alerts(store) == [{"dyad": "A-B #2"}]
        assert stage.calls == 2
