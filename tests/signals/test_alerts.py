"""Alerts on the shapes real crises take: a pair hostile for months that gets worse is alerted
well ahead of the peak; a summit, one loud article and a state acting at home are not; one
crisis is one alert whose level rises."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from crises import START, Happening, hostile_ramp, reports, steady_pairs, summit
from signal_reports import Ev, day, report

from tripwire.server.signals_source import StageSignals
from tripwire.signals.alerts import (
    Alert,
    alert_changes,
    detector_frame,
    find_alerts,
    judged_dyads,
)
from tripwire.signals.series import series
from tripwire.store import Store

INVASION = 115


def _of(alerts: list[Alert], a: str, b: str) -> list[Alert]:
    return [x for x in alerts if {x.source, x.target} == {a, b}]


@pytest.fixture(scope="module", params=[0, 1, 2])
def crisis(request: pytest.FixtureRequest,
           tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, list[Alert]]]:
    """Four months of news: the hostile pair MAR-VAL ramps up to an invasion on day 115; five
    unrelated pairs go on as before; OST-KES have a summit on days 80-84."""
    seed = request.param
    path = tmp_path_factory.mktemp("crisis") / f"crisis-{seed}.duckdb"
    happenings = hostile_ramp(seed, invasion=INVASION) + steady_pairs(seed) + summit(seed, 130)
    with Store(path) as store:
        store.ingest(reports(happenings, seed, days=130))
        yield store, find_alerts(store)


def _invasion() -> dt.date:
    return dt.date.fromisoformat(day(START, INVASION))


def test_a_hostile_pair_getting_worse_is_alerted_weeks_before_the_invasion(
        crisis: tuple[Store, list[Alert]]) -> None:
    store, alerts = crisis
    ours = _of(alerts, "MAR", "VAL")
    assert ours, [a.summary for a in alerts]
    first = min(a.first_alerted for a in ours)
    assert (_invasion() - first).days >= 28, "less than four weeks of warning"
    warned = [a.first_at_level["warning"] for a in ours if "warning" in a.first_at_level]
    assert warned and min(warned) < _invasion(), "no warning before the invasion"
    alarmed = [a.first_at_level["alarm"] for a in ours if "alarm" in a.first_at_level]
    assert alarmed and min(alarmed) <= _invasion() + dt.timedelta(days=3)
    # the share index alone cannot see it: the pair was hostile all along
    assert "conflict_share" not in {d for a in ours for d in a.detectors}
    assert {"conflict_surge", "intensity_surge"} & {d for a in ours for d in a.detectors}
    # hostile all along: conflict was most of what the pair did before the ramp
    before = series(store, dyad=("MAR", "VAL"), directed=False, start=day(START, 0),
                    end=day(START, 30))
    share = before["conflict_weight"].sum() / (before["conflict_weight"].sum()
                                               + before["cooperation_weight"].sum())
    assert share > 0.85


def test_unrelated_pairs_and_a_summit_raise_no_alert(crisis: tuple[Store, list[Alert]]) -> None:
    store, alerts = crisis
    assert [a.summary for a in alerts if {a.source, a.target} != {"MAR", "VAL"}] == []
    # the summit multiplied what was told of the pair, conflict included, and was read as news
    told = series(store, dyad=("OST", "KES"), directed=False)
    during = told[(told["period"] >= dt.date.fromisoformat(day(START, 80)))
                  & (told["period"] <= dt.date.fromisoformat(day(START, 84)))]
    before = told[told["period"] < dt.date.fromisoformat(day(START, 80))]
    assert during["incidents"].mean() > 4 * before["incidents"].mean()
    assert during["conflict_incidents"].mean() > 2 * before["conflict_incidents"].mean()
    frame = detector_frame(store, ("OST", "KES"))
    assert frame["level"].max() == 0


def test_an_alert_explains_itself(crisis: tuple[Store, list[Alert]]) -> None:
    store, alerts = crisis
    alert = max(_of(alerts, "MAR", "VAL"), key=lambda a: a.strength)
    assert alert.findings and alert.detectors == [f.detector for f in alert.findings]
    for finding in alert.findings:
        assert finding.observed > finding.expected and finding.p_value <= 2e-4
        assert str(finding.day) in finding.text and "expected" in finding.text
    assert alert.evidence and all(e["sentence"] and e["outlet"] for e in alert.evidence)
    assert len(alert.incident_ids) == 20 and len(alert.event_ids) >= 20
    incidents = store.cursor().execute(
        "SELECT count(*) FROM incidents WHERE list_contains($ids, id) AND date BETWEEN $a AND $b",
        {"ids": alert.incident_ids, "a": alert.start, "b": alert.end}).fetchone()
    assert incidents == (20,)


def _calm(days: int = 70) -> list[Happening]:
    """Two months of a quiet pair: talks most weeks, a complaint now and then."""
    return [Happening(d, "CONSULT" if d % 3 else "ACCUSE", "MAR", "VAL")
            for d in range(0, days, 2)]


def test_one_article_is_no_crisis(store: Store) -> None:
    calm = reports(_calm(), seed=1)
    loud = [Ev(kind, "MAR", "VAL", date=day(START, 72), location=f"town{n}")
            for n, kind in enumerate(["ASSAULT", "ASSAULT", "MOBILIZE", "THREATEN", "ASSAULT",
                                      "COERCE", "ASSAULT", "THREATEN"])]
    store.ingest([*calm, report("loud", day(START, 72), loud, source="Wire")])
    assert find_alerts(store) == []


def test_the_same_acts_told_by_several_outlets_are_an_alert(store: Store) -> None:
    calm = reports(_calm(), seed=1)
    kinds = ["ASSAULT", "ASSAULT", "MOBILIZE", "THREATEN", "ASSAULT", "COERCE", "ASSAULT",
             "THREATEN"]
    told = [report(f"told-{n}", day(START, 72 + n // 3), [
        Ev(kind, "MAR", "VAL", date=day(START, 72 + n // 3), location=f"town{n}")],
        source=("Wire", "Courier", "Herald")[n % 3]) for n, kind in enumerate(kinds)]
    store.ingest([*calm, *told])
    (alert,) = find_alerts(store)
    assert alert.start == dt.date.fromisoformat(day(START, 72))
    assert "ladder" in alert.detectors and alert.level in ("warning", "alarm")


def test_a_state_acting_at_home_is_no_interstate_alert(store: Store) -> None:
    calm = reports(_calm(), seed=2)
    home = [Happening(d, "ASSAULT", "VAL", "VAL") for d in range(72, 80) for _ in range(3)]
    store.ingest([*calm, *reports(home, seed=2)])
    assert find_alerts(store) == []
    # the crackdown is there, in the actor's own series
    assert series(store, actor="VAL")["ASSAULT"].sum() == len(home)


def test_one_crisis_is_one_alert_whose_level_rises(store: Store) -> None:
    """Words first (threats and accusations for a week), then force ten days later."""
    words = [Happening(d, kind, "MAR", "VAL") for d in range(70, 77)
             for kind in ("THREATEN", "ACCUSE")]
    force = [Happening(d, kind, "MAR", "VAL") for d in range(87, 95)
             for kind in ("ASSAULT", "MOBILIZE", "ASSAULT")]
    store.ingest(reports(_calm() + words + force, seed=3, days=100))
    (alert,) = find_alerts(store)
    assert alert.start == dt.date.fromisoformat(day(START, 70))
    assert alert.end == dt.date.fromisoformat(day(START, 94))
    levels = alert.first_at_level
    assert list(levels) == ["watch", "warning", "alarm"] and alert.level == "alarm"
    assert levels["watch"] <= dt.date.fromisoformat(day(START, 77)) < levels["alarm"]
    assert levels["alarm"] >= dt.date.fromisoformat(day(START, 87))


def test_the_dyads_judged_are_counted_for_each_store(crisis: tuple[Store, list[Alert]],
                                                    tmp_path: Path) -> None:
    """`p_fire` is shared among the dyads judged; a chart of several dyads counts them once and
    passes the number, and nothing counted for one store is used for another."""
    store, _ = crisis
    judged = judged_dyads(store)
    assert judged >= 2
    frame = detector_frame(store, ("MAR", "VAL"))
    assert frame.equals(detector_frame(store, ("MAR", "VAL"), judged=judged))
    stricter = detector_frame(store, ("MAR", "VAL"), judged=10 * judged)
    assert stricter["fires_at"].iloc[0] > frame["fires_at"].iloc[0]
    with Store(tmp_path / "one-pair.duckdb") as other:
        other.ingest(reports(hostile_ramp(0, invasion=INVASION), 0, days=130))
        assert judged_dyads(other) == 1
        assert detector_frame(other, ("MAR", "VAL"))["fires_at"].iloc[0] < frame["fires_at"].iloc[0]


def test_no_articles_no_alerts(tmp_path: Path) -> None:
    with Store(tmp_path / "empty.duckdb") as store:
        assert find_alerts(store) == []
        assert detector_frame(store, ("MAR", "VAL")).empty
        assert judged_dyads(store) == 0


def test_alerts_follow_new_articles_in_the_server_and_in_watch(store: Store) -> None:
    """The server's cache and `tripwire watch` recompute alerts when articles arrive, and say
    which alerts are new and which rose a level."""
    source = StageSignals()
    words = [Happening(d, kind, "MAR", "VAL") for d in range(70, 77)
             for kind in ("THREATEN", "ACCUSE")]
    force = [Happening(d, kind, "MAR", "VAL") for d in range(87, 95)
             for kind in ("ASSAULT", "MOBILIZE", "ASSAULT")]
    docs = reports(_calm() + words + force, seed=3, days=100)
    cut = day(START, 80)
    store.ingest([d for d in docs if d.published < cut])
    known = find_alerts(store)
    assert [a["level"] for a in source.alerts(store)] == ["warning"]
    assert [a.level for a in known] == ["warning"]
    store.ingest([d for d in docs if d.published >= cut])
    (served,) = source.alerts(store)
    assert served["level"] == "alarm" and served["first_at_level"]["watch"] == \
        known[0].first_at_level["watch"]
    found = find_alerts(store)
    assert [(a.level, before) for a, before in alert_changes(known, found)] == [
        ("alarm", "warning")]
    assert alert_changes(found, found) == []
    assert [before for _, before in alert_changes([], found)] == [None]
