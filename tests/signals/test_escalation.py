"""Alerts on small invented stories: calm weeks then a spike raise one alert at its start; the
share index still charts the dyad."""

from __future__ import annotations

import datetime as dt
import json
import random

import pytest
from signal_reports import Ev, day, report

from tripwire.document import Document
from tripwire.errors import TripwireError
from tripwire.signals.alerts import find_alerts
from tripwire.signals.index import escalation_index
from tripwire.signals.settings import AlertSettings
from tripwire.store import Store

START = "2026-08-01"
CALM = ["CONSULT", "AGREE", "COOPERATE", "CONSULT", "ACCUSE", "AID"]
HOT = ["ASSAULT", "ASSAULT", "MOBILIZE", "THREATEN", "ACCUSE", "CONSULT"]
PAIRS = [("MAR", "VAL"), ("VAL", "MAR")]


def _scenario(seed: int, calm_days: int = 60, hot_days: int = 14, skip: float = 0.0,
              burst: tuple[int, int] | None = None) -> list[Document]:
    """Daily reports: a calm mix, then (from `calm_days`) a conflict mix; some days unreported.

    The first day of the spike is always reported. `burst` = (first day, last day) of ten times
    the coverage of the calm mix, to show that more news is not more escalation.
    """
    rng = random.Random(seed)
    docs = []
    for d in range(calm_days + hot_days):
        hot = d >= calm_days
        if d != calm_days and rng.random() < skip:
            continue
        copies = 10 if burst and burst[0] <= d <= burst[1] else 1
        for copy in range(copies):
            events = [Ev(rng.choice(HOT if hot else CALM), *rng.choice(PAIRS), date=day(START, d),
                         location=f"town{rng.randint(0, 3)}") for _ in range(rng.randint(1, 3))]
            docs.append(report(f"r{d}-{copy}", day(START, d), events))
    return docs


def _spike_day(calm_days: int = 60) -> dt.date:
    return dt.date.fromisoformat(day(START, calm_days))


def _first_force(docs: list[Document]) -> dt.date:
    return min(dt.date.fromisoformat(e.date) for d in docs for e in d.events
               if e.type in ("ASSAULT", "MOBILIZE"))


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("skip", [0.0, 0.5])
def test_spike_after_calm_raises_one_alert_at_its_start(store: Store, seed: int,
                                                        skip: float) -> None:
    docs = _scenario(seed, skip=skip)
    store.ingest(docs)
    alerts = find_alerts(store)
    spike = _spike_day()
    assert alerts, "the spike raised no alert"
    assert all(a.start >= spike - dt.timedelta(days=1) for a in alerts), "alert in the calm weeks"
    (first,) = alerts
    # it starts with the spike: on its first day, or on its first act of force when the first
    # days were unreported or brought only words
    assert spike - dt.timedelta(days=1) <= first.start <= max(spike + dt.timedelta(days=1),
                                                              _first_force(docs))
    assert first.first_alerted <= spike + dt.timedelta(days=14)
    assert (first.source, first.target) == ("MAR", "VAL") and not first.directed
    assert first.level in ("warning", "alarm") and "ladder" in first.detectors
    assert first.event_ids and first.incident_ids
    # the driving events are reports of the spike, not of the calm weeks
    calm_reports = {f"r{d}-0" for d in range(58)}
    assert not {e.split(":")[0] for e in first.event_ids} & calm_reports


@pytest.mark.parametrize("seed", range(6))
def test_calm_weeks_and_a_news_burst_raise_no_alert(store: Store, seed: int) -> None:
    store.ingest(_scenario(seed, calm_days=90, hot_days=0, burst=(60, 69)))
    assert find_alerts(store) == []


def test_calm_after_conflict_is_no_alert(store: Store) -> None:
    docs = _scenario(1, calm_days=0, hot_days=40)
    docs += [report(f"p{d}", day(START, d), [Ev("CONSULT", date=day(START, d)),
                                             Ev("AGREE", "VAL", "MAR", date=day(START, d))])
             for d in range(40, 80)]
    store.ingest(docs)
    assert find_alerts(store) == []


def test_demo_shaped_story_alerts_on_the_first_mobilisation(store: Store) -> None:
    """Sparse reporting like the demo corpus: a few cooperative weeks, one accusation, then
    troops massed on day 29 and shelling, drones and a crossing in the weeks after."""
    story = [(0, "CONSULT", "VAL"), (0, "AGREE", "VAL"), (2, "AGREE", "VAL"), (5, "AID", "VAL"),
             (9, "ACCUSE", "MAR"), (15, "CONSULT", "VAL"), (18, "COOPERATE", "VAL"),
             (22, "CONSULT", "VAL"), (26, "AGREE", "MAR"),
             (29, "MOBILIZE", "MAR"), (30, "MOBILIZE", "VAL"), (31, "ASSAULT", "MAR"),
             (32, "ASSAULT", "MAR"), (32, "THREATEN", "VAL"), (33, "ACCUSE", "MAR"),
             (35, "ASSAULT", "MAR"), (38, "ASSAULT", "MAR"), (42, "ASSAULT", "MAR"),
             (44, "CONSULT", "VAL"), (45, "ASSAULT", "MAR"), (45, "ACCUSE", "VAL")]
    docs = []
    for n, (d, kind, source) in enumerate(story):
        target = "VAL" if source == "MAR" else "MAR"
        # every happening is reported twice, the second time a day later
        for copy in range(2):
            docs.append(report(f"s{n}-{copy}", day("2026-08-31", d + copy),
                               [Ev(kind, source, target, date=day("2026-08-31", d))]))
    store.ingest(docs)
    (alert,) = find_alerts(store)
    assert alert.start == dt.date(2026, 9, 29)
    assert len(alert.event_ids) == 2 * 11


def test_thresholds_are_settings(store: Store) -> None:
    store.ingest(_scenario(2))
    (alert,) = find_alerts(store)
    assert alert.level == "alarm"
    assert find_alerts(store, AlertSettings(p_fire=1e-30, p_strong=1e-30)) == []
    assert find_alerts(store, AlertSettings(min_incidents=1000)) == []
    assert find_alerts(store, AlertSettings(min_articles=1000)) == []
    (lower,) = find_alerts(store, AlertSettings(warning_points=9, alarm_points=9))
    assert lower.level == "watch" and lower.start == alert.start
    directed = find_alerts(store, AlertSettings(directed=True))
    assert directed and all(a.directed for a in directed)
    with pytest.raises(TripwireError, match="p_strong <= p_fire"):
        AlertSettings(p_fire=1e-6, p_strong=1e-3)
    with pytest.raises(TripwireError, match="negative"):
        AlertSettings(min_incidents=-1)
    with pytest.raises(TripwireError, match="min_baseline_days"):
        AlertSettings(baseline_days=20, min_baseline_days=28)


def test_index_looks_back_before_its_window(store: Store) -> None:
    store.ingest(_scenario(3))
    spike = _spike_day()
    whole = escalation_index(store, ("MAR", "VAL"))
    assert list(whole.columns) == ["period", "incidents", "conflict_incidents", "conflict_weight",
                                   "cooperation_weight", "share", "baseline", "spread", "index",
                                   "history", "change"]
    changes = whole[whole["change"]]["period"].tolist()
    assert any(abs((c - spike).days) <= 1 for c in changes)
    assert whole[whole["period"] >= spike]["index"].max() > 3
    assert whole[whole["period"] < spike - dt.timedelta(days=7)]["index"].max() < 3
    window = escalation_index(store, ("VAL", "MAR"), start=spike - dt.timedelta(days=3))
    assert window["period"].iloc[0] == spike - dt.timedelta(days=3)
    assert window["history"].iloc[0] > 50
    same = whole.set_index("period").loc[window["period"], "index"].to_numpy()
    assert window["index"].to_numpy() == pytest.approx(same)


def test_alert_serialises_to_plain_json_types(store: Store) -> None:
    store.ingest(_scenario(4))
    data = find_alerts(store)[0].to_dict()
    assert {"id", "source", "target", "start", "end", "level", "detectors", "first_at_level",
            "strength", "incident_ids", "event_ids", "summary", "findings",
            "evidence"} <= set(data)
    assert isinstance(data["start"], str) and data["id"].startswith("alert:")
    assert all(isinstance(day, str) for day in data["first_at_level"].values())
    assert json.loads(json.dumps(data)) == data
    assert "MAR<->VAL" in data["summary"] and "ASSAULT" in data["summary"]
    # every finding names its detector and the numbers behind it
    for finding in data["findings"]:
        assert finding["detector"] in data["detectors"] and finding["p_value"] <= AlertSettings().p_fire
        assert f"p = {finding['p_value']:.1e}" in finding["text"] in data["summary"]
