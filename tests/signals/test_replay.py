"""A generated replay of a real crisis corpus (replay.py): the pair that goes to war is alerted
weeks before the invasion, and the pairs that have nothing to do with it raise at most two
alerts between them; the gate counts outlets right when articles name none."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from replay import CRISIS, INVASION, RELATED, START, SUMMIT, generate
from signal_reports import Ev, day, report

from tripwire.document import Document
from tripwire.signals.alerts import Alert, find_alerts
from tripwire.store import Store

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module", params=[0, 1, 2])
def replayed(request: pytest.FixtureRequest,
             tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[Alert]]:
    path = tmp_path_factory.mktemp("replay") / f"replay-{request.param}.duckdb"
    with Store(path) as store:
        store.ingest(generate(request.param).documents)
        yield find_alerts(store)


def _pair(alert: Alert) -> frozenset[str]:
    return frozenset((alert.source, alert.target))


def test_the_pair_that_goes_to_war_is_alerted_weeks_ahead(replayed: list[Alert]) -> None:
    invasion = dt.date.fromisoformat(day(START, INVASION))
    ours = [a for a in replayed if _pair(a) == frozenset(CRISIS)]
    assert ours, [a.summary for a in replayed]
    first = min(a.first_alerted for a in ours)
    assert (invasion - first).days >= 14, f"first alerted {first}, invasion {invasion}"
    alarmed = [a.first_at_level["alarm"] for a in ours if "alarm" in a.first_at_level]
    assert alarmed and min(alarmed) <= invasion + dt.timedelta(days=3)


def test_unrelated_pairs_raise_at_most_two_alerts(replayed: list[Alert]) -> None:
    """Thirty background pairs with bursty, overdispersed news, four one-off stories told by a
    dozen outlets, a summit: at most two alerts among them, and no alarm for the summit."""
    unrelated = [a.summary for a in replayed if _pair(a) not in RELATED]
    assert len(unrelated) <= 2, unrelated
    assert [a.summary for a in replayed
            if _pair(a) == frozenset(SUMMIT) and a.level == "alarm"] == []


def _crisis_docs(source: str | None, url: str | None, copies: int = 1) -> list[Document]:
    """Thirty calm days of one accusation a week, then a week of troops and shelling, each day
    told by `copies` articles of the given outlet and URL (None: not named)."""
    docs = []
    for d in range(42):
        if d < 35 and d % 7:
            continue
        kinds = ["ACCUSE"] if d < 35 else ["MOBILIZE", "ASSAULT", "THREATEN"]
        for copy in range(copies):
            events = [Ev(k, "MAR", "VAL", date=day(START, d), location=f"town{d}") for k in kinds]
            doc = report(f"c{d}-{copy}", day(START, d), events, source=source)
            doc.url = url and f"{url}/{d}/{copy}"
            docs.append(doc)
    return docs


def _others(days: int = 42) -> list[Document]:
    """Articles of five other outlets about nothing coded, so the store holds several outlets."""
    return [report(f"n{d}-{k}", day(START, d), [], source=f"Other{k}")
            for d in range(days) for k in range(5)]


def test_articles_naming_no_outlet_still_raise_alerts(store: Store) -> None:
    store.ingest(_crisis_docs(source=None, url=None, copies=2) + _others())
    assert [(a.source, a.target) for a in find_alerts(store)] == [("MAR", "VAL")]


def test_copies_from_one_outlet_count_as_one_outlet(store: Store) -> None:
    """Fifty copies a day of one outlet's story: one outlet, so the gate holds, whether the
    outlet is named or only its site's address tells it."""
    store.ingest(_crisis_docs(source="Wire", url=None, copies=50) + _others())
    assert find_alerts(store) == []


def test_copies_from_one_site_count_as_one_outlet(store: Store) -> None:
    store.ingest(_crisis_docs(source=None, url="https://www.wire.example/news", copies=50)
                 + _others())
    assert find_alerts(store) == []
