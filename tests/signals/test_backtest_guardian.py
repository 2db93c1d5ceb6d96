"""The backtest on real news: the Guardian Syria corpus (../shared) against the project's timeline
of the public record (benchmarks/timelines/guardian_syria.csv). What is asserted is what the
backtest must compute right whatever the detectors find, not how good the detectors are."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tripwire.signals.alerts import find_alerts
from tripwire.signals.backtest import EARLY, LATE, MISSED, Reach, run_backtest
from tripwire.signals.timeline import read_timeline
from tripwire.store import Store

REPO = Path(__file__).resolve().parents[2]
TIMELINE = REPO / "benchmarks" / "timelines" / "guardian_syria.csv"
CORPUS = REPO.parent / "shared" / "data" / "news" / "guardian_syria_2019.jsonl"


def test_the_timeline_names_a_public_source_for_every_milestone() -> None:
    milestones = read_timeline(TIMELINE)
    assert len(milestones) >= 20
    assert all(m.source and (m.url is None or m.url.startswith("https://")) for m in milestones)
    assert [m.date for m in milestones] == sorted(m.date for m in milestones)
    assert {m.pair for m in milestones} >= {("TUR", "org:ypg"), ("SYR", "USA"), ("IRN", "ISR")}


@pytest.fixture(scope="module")
def guardian(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not CORPUS.is_file():
        pytest.skip("../shared/data/news is absent")
    path = tmp_path_factory.mktemp("guardian") / "guardian.duckdb"
    paths = [str(REPO / "src"), *filter(None, [os.environ.get("PYTHONPATH")])]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}
    subprocess.run([sys.executable, "-m", "tripwire", "ingest", str(CORPUS), "--db", str(path),
                    "--quiet"], check=True, env=env, cwd=REPO, timeout=1800)
    return path


@pytest.mark.slow  # ingests the whole corpus first
def test_backtest_on_the_guardian_corpus(guardian: Path) -> None:
    milestones = read_timeline(TIMELINE)
    reach = Reach()
    with Store(guardian, read_only=True) as store:
        result = run_backtest(store, milestones, reach=reach)
        alerts = find_alerts(store)
        cur = store.cursor()
        reported = {tuple(sorted(row)) for row in cur.execute(
            "SELECT DISTINCT source_actor, target_actor FROM incidents "
            "WHERE source_actor IS NOT NULL AND target_actor IS NOT NULL").fetchall()}
    assert result.span == (dt.date(2017, 8, 6), dt.date(2019, 4, 10))
    # every milestone is inside the corpus, and the corpus reports its pair
    assert [r.milestone.where for r in result.milestones] == [m.where for m in milestones]
    assert all(r.status in (EARLY, LATE, MISSED) for r in result.milestones)
    assert {m.pair for m in milestones} <= reported
    # each milestone's first alert in reach, as the alerts themselves say
    for r in result.milestones:
        m = r.milestone
        near = sorted((a for a in alerts if tuple(sorted((a.source, a.target))) == m.pair
                       and -reach.grace_days <= (m.date - a.first_alerted).days <= reach.lookback_days),
                      key=lambda a: (a.first_alerted, a.id))
        if not near:
            assert (r.status, r.alert_id, r.lead_days) == (MISSED, None, None), m.where
            continue
        lead = (m.date - near[0].first_alerted).days
        assert (r.alert_id, r.lead_days) == (near[0].id, lead), m.where
        assert r.status == (EARLY if lead >= 0 else LATE)
    # the false alarms are exactly the alerted pairs that no milestone names
    alerted = {tuple(sorted((a.source, a.target))) for a in alerts}
    assert {p.pair for p in result.false_alarms} == alerted - {m.pair for m in milestones}
    summary = result.summary
    assert summary["milestones"] == len(milestones) and summary["milestones_outside"] == 0
    assert summary["alerts"] == len(alerts)
    assert summary["pairs"] == len({m.pair for m in milestones})
    assert summary["pairs_hit"] + summary["pairs_late"] + summary["pairs_missed"] == summary["pairs"]
