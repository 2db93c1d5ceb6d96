"""Series: incidents per period by type and quad, only what happened, normalised by coverage."""

from __future__ import annotations

import datetime as dt

import pytest
from signal_reports import Ev, report

from tripwire.errors import TripwireError
from tripwire.signals.selection import parse_dyad, resolve_actor
from tripwire.signals.series import series
from tripwire.store import Store


@pytest.fixture
def filled(store: Store) -> Store:
    store.ingest([
        # one shelling reported twice, a mobilisation, and a call going the other way
        report("a1", "2026-10-01", [Ev("ASSAULT", date="2026-10-01", mentions=2),
                                    Ev("MOBILIZE", date="2026-10-01"),
                                    Ev("CONSULT", "VAL", "MAR", date="2026-10-01")]),
        report("a2", "2026-10-02", [Ev("ASSAULT", date="2026-10-01")], source="Other"),
        # what did not happen, and an old attack counted on its own date
        report("a3", "2026-10-03", [Ev("THREATEN", modality="future"),
                                    Ev("ASSAULT", modality="negated"),
                                    Ev("ASSAULT", modality="historical", date="2026-09-20"),
                                    Ev("ASSAULT", modality="historical")]),
        # a report on another pair: counts for coverage of VAL only
        report("a4", "2026-10-03", [Ev("CONSULT", "VAL", "OST", date="2026-10-03")]),
    ])
    return store


def _row(frame, day: str) -> dict:
    rows = frame[frame["period"] == dt.date.fromisoformat(day)].to_dict("records")
    assert len(rows) == 1
    return rows[0]


def test_directed_dyad_counts_each_incident_once(filled: Store) -> None:
    frame = series(filled, dyad=("MAR", "VAL"), start="2026-09-30", end="2026-10-03")
    assert [str(p) for p in frame["period"]] == ["2026-09-30", "2026-10-01", "2026-10-02",
                                                 "2026-10-03"]
    oct1 = _row(frame, "2026-10-01")
    assert (oct1["incidents"], oct1["mentions"], oct1["ASSAULT"], oct1["MOBILIZE"]) == (2, 4, 1, 1)
    assert (oct1["material_conflict"], oct1["verbal_cooperation"], oct1["CONSULT"]) == (2, 0, 0)
    assert oct1["intensity"] == pytest.approx(-14.5)
    assert oct1["conflict_weight"] == pytest.approx(14.5)
    assert oct1["coverage"] == 1 and oct1["incidents_per_article"] == pytest.approx(2.0)
    assert oct1["conflict_share"] == pytest.approx(1.0)
    # the future threat, the negated attack and the undated historical one are not counted
    assert frame["incidents"].sum() == 2
    assert _row(frame, "2026-10-03")["coverage"] == 2


def test_undirected_dyad_adds_the_other_direction(filled: Store) -> None:
    oct1 = _row(series(filled, dyad=("MAR", "VAL"), start="2026-10-01", end="2026-10-01",
                       directed=False), "2026-10-01")
    assert (oct1["incidents"], oct1["CONSULT"], oct1["cooperation_weight"]) == (3, 1, 2.5)
    assert oct1["conflict_share"] == pytest.approx(14.5 / 17.0)


def test_historical_event_counts_on_its_own_date(filled: Store) -> None:
    frame = series(filled, dyad=("MAR", "VAL"))
    assert str(frame["period"].iloc[0]) == "2026-09-20"
    assert _row(frame, "2026-09-20")["ASSAULT"] == 1


def test_actor_and_global_series(filled: Store) -> None:
    ost = series(filled, actor="OST")
    assert [str(p) for p in ost["period"]] == ["2026-10-03"]
    assert (ost["incidents"].iloc[0], ost["coverage"].iloc[0]) == (1, 1)
    everything = series(filled, start="2026-10-01", end="2026-10-03")
    assert everything["incidents"].tolist() == [3, 0, 1]
    assert everything["coverage"].tolist() == [1, 1, 2]


def test_weekly_periods_start_on_monday(filled: Store) -> None:
    frame = series(filled, dyad=("MAR", "VAL"), by="week")
    assert [str(p) for p in frame["period"]] == ["2026-09-14", "2026-09-21", "2026-09-28"]
    assert frame["incidents"].tolist() == [1, 0, 2]


def test_empty_selection_is_an_empty_frame(filled: Store) -> None:
    frame = series(filled, dyad=("OST", "MAR"))
    assert frame.empty and "ASSAULT" in frame.columns


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"by": "month"}, "--by"),
    ({"dyad": ("MAR", "VAL"), "actor": "VAL"}, "not both"),
    ({"start": "2026-10-05", "end": "2026-10-01"}, "after"),
    ({"start": "the fifth"}, "does not parse"),
])
def test_bad_arguments_are_clear_errors(filled: Store, kwargs: dict, message: str) -> None:
    with pytest.raises(TripwireError, match=message):
        series(filled, **kwargs)


def test_dyads_and_actors_as_users_type_them(filled: Store) -> None:
    cur = filled.cursor()
    assert resolve_actor(cur, "valdoria") == "VAL"
    assert parse_dyad(cur, "mar-val") == ("MAR", "VAL")
    assert parse_dyad(cur, "Valdoria->Marovia") == ("VAL", "MAR")
    assert parse_dyad(cur, "OST, VAL") == ("OST", "VAL")
    cur.execute("INSERT INTO actors (id, name, kind) VALUES ('person:ana-lind', 'Ana Lind', 'person')")
    assert parse_dyad(cur, "person:ana-lind-VAL") == ("person:ana-lind", "VAL")
    for bad, message in (("MARVAL", "bad dyad"), ("MAR-XYZ", "no split"), ("->VAL", "empty")):
        with pytest.raises(TripwireError, match=message):
            parse_dyad(cur, bad)


def test_coverage_follows_later_ingests(filled: Store) -> None:
    assert _row(series(filled, dyad=("MAR", "VAL"), start="2026-10-01", end="2026-10-01"),
                "2026-10-01")["coverage"] == 1
    later = report("a5", "2026-10-01", [Ev("CONSULT", "VAL", "OST", date="2026-10-01")])
    filled.ingest([later])
    oct1 = _row(series(filled, dyad=("MAR", "VAL"), start="2026-10-01", end="2026-10-01"),
                "2026-10-01")
    assert (oct1["incidents"], oct1["coverage"]) == (2, 2)
    assert oct1["incidents_per_article"] == pytest.approx(1.0)
