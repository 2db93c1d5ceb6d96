"""The demo corpus, through the whole pipeline: its invented escalation raises the alert on time.

`demo/scenario.yaml` names the dyad, the calm weeks and the day the escalation starts. The alert
must start within a day of that, and no alert may start in the calm weeks before it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from tripwire.signals.alerts import Alert, find_alerts
from tripwire.store import Store

pytestmark = pytest.mark.slow

DEMO = Path(__file__).resolve().parents[2] / "demo"


@pytest.fixture(scope="module")
def scenario() -> dict:
    path = DEMO / "scenario.yaml"
    if not path.is_file():
        pytest.skip("demo/scenario.yaml is absent")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def demo_store(scenario: dict, demo_db: Path) -> Iterator[Store]:
    with Store(demo_db, read_only=True) as store:
        yield store


def _dyad_alerts(alerts: list[Alert], dyad: dict) -> list[Alert]:
    pair = {dyad["source"], dyad["target"]}
    return [a for a in alerts if {a.source, a.target} == pair]


def test_demo_escalation_alert_fires_on_time(scenario: dict, demo_store: Store) -> None:
    dyad = scenario["dyad"]
    row = demo_store.cursor().execute(
        "SELECT count(*) FROM events WHERE modality = 'asserted' AND quad = 'material_conflict' "
        "AND ((source_actor = $s AND target_actor = $t) OR (source_actor = $t AND target_actor = $s))",
        {"s": dyad["source"], "t": dyad["target"]}).fetchone()
    assert row and row[0] > 0, "no material-conflict events for the demo dyad"
    start = _date(scenario["escalation_start"])
    alerts = find_alerts(demo_store)
    ours = _dyad_alerts(alerts, dyad)
    assert ours, f"no alert for {dyad}; alerts: {[a.summary for a in alerts]}"
    first = min(ours, key=lambda a: a.start)
    assert abs((first.start - start).days) <= 1, first.summary
    early = [a.summary for a in alerts if a.start < start - dt.timedelta(days=1)]
    assert early == [], "alerts in the calm weeks"


def _date(value: object) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
