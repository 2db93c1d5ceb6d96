"""Signals cover the days the articles span: a war of 1917 recalled in 2026, a misread year
0001 or 9999, a date 'in 2026' or a date after the article was published never enter a series,
and a span of centuries is refused rather than answered with millions of empty days."""

from __future__ import annotations

import datetime as dt

import pytest
from signal_reports import Ev, report

from tripwire.errors import TripwireError
from tripwire.signals.alerts import find_alerts
from tripwire.signals.incidents import build_incidents
from tripwire.signals.index import escalation_index
from tripwire.signals.series import series
from tripwire.signals.settings import IncidentSettings, WindowSettings
from tripwire.signals.window import check_span, signal_window
from tripwire.store import Store


@pytest.fixture
def recalled(store: Store) -> Store:
    store.ingest([
        report("a1", "2026-03-02", [
            Ev("ASSAULT", date="2026-03-02"),
            Ev("ASSAULT", modality="historical", date="1917-05-01", location="Lorn"),
            Ev("ASSAULT", modality="historical", date="2011-08-14", location="Tessel"),
            Ev("ASSAULT", date="0001-01-01", location="Brenn"),
            Ev("ASSAULT", date="1850-06-01", location="Corvo"),
        ]),
        report("a2", "2026-03-05", [
            Ev("MOBILIZE", date="2026-03-04"),
            Ev("ASSAULT", date="9999-12-31", location="Estrel"),
            Ev("ASSAULT", date="2026-04-01", location="Hollin"),  # after publication: misread
            Ev("ASSAULT", date="2026-01-01", precision="year", location="Kastria"),  # "in 2026"
            Ev("COERCE", date="2026-03-01", precision="week", location="Varna"),
        ]),
    ])
    return store


def _happened(store: Store) -> list[tuple[str, dt.date | None]]:
    return store.cursor().execute(
        "SELECT type, date FROM incidents WHERE happened ORDER BY date, type").fetchall()


def test_implausible_dates_place_an_event_on_no_day(recalled: Store) -> None:
    series(recalled)  # builds the incidents
    assert _happened(recalled) == [
        ("ASSAULT", dt.date(1917, 5, 1)), ("ASSAULT", dt.date(2011, 8, 14)),
        ("COERCE", dt.date(2026, 3, 1)), ("ASSAULT", dt.date(2026, 3, 2)),
        ("MOBILIZE", dt.date(2026, 3, 4))]
    total = recalled.cursor().execute("SELECT count(*) FROM incidents").fetchone()
    assert total == (10,)  # the others are kept, on no day


def test_series_cover_the_days_the_articles_span(recalled: Store) -> None:
    frame = series(recalled, dyad=("MAR", "VAL"))
    assert (frame["period"].min(), frame["period"].max()) == (dt.date(2026, 3, 1),
                                                              dt.date(2026, 3, 4))
    assert frame["incidents"].sum() == 3
    weekly = series(recalled, actor="VAL", by="week")
    assert [str(p) for p in weekly["period"]] == ["2026-02-23", "2026-03-02"]
    assert signal_window(recalled.cursor()) == (dt.date(2026, 1, 31), dt.date(2026, 3, 5))
    assert signal_window(recalled.cursor(), WindowSettings(lead_days=0)) == (
        dt.date(2026, 3, 2), dt.date(2026, 3, 5))
    # asked for, the past is still there
    assert series(recalled, dyad=("MAR", "VAL"), start="1917-05-01",
                  end="1917-05-01")["ASSAULT"].tolist() == [1]


def test_settings_of_the_date_checks_rebuild_the_incidents(recalled: Store) -> None:
    series(recalled)
    build_incidents(recalled, IncidentSettings(coarsest_precision="year", future_days=30))
    assert ("ASSAULT", dt.date(2026, 1, 1)) in _happened(recalled)
    assert ("ASSAULT", dt.date(2026, 4, 1)) in _happened(recalled)
    with pytest.raises(TripwireError, match="coarsest_precision"):
        IncidentSettings(coarsest_precision="decade")


def test_a_span_of_centuries_is_refused(recalled: Store) -> None:
    for start, end in (("0001-01-01", "9999-12-31"), ("1900-01-01", None)):
        with pytest.raises(TripwireError, match="at most 3,660 days") as caught:
            series(recalled, actor="VAL", start=start, end=end)
        assert caught.value.code == "E008"
    with pytest.raises(TripwireError, match="at most"):
        escalation_index(recalled, ("MAR", "VAL"), start="0001-01-01")
    with pytest.raises(TripwireError, match="at most 10 days"):
        check_span(dt.date(2026, 1, 1), dt.date(2026, 1, 11), WindowSettings(max_span_days=10))
    check_span(dt.date(2026, 1, 1), dt.date(2026, 1, 10), WindowSettings(max_span_days=10))


def test_a_store_spanning_decades_is_read_over_its_last_years(store: Store) -> None:
    store.ingest([report("old", "1990-01-01", [Ev("ASSAULT", date="1990-01-01")]),
                  report("new", "2026-03-02", [Ev("ASSAULT", date="2026-03-02")])])
    first, last = signal_window(store.cursor())
    assert last == dt.date(2026, 3, 2) and (last - first).days == 3659
    assert series(store, actor="VAL")["incidents"].sum() == 1
    assert find_alerts(store) == []
