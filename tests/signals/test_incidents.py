"""Incidents: several reports of one happening are one incident, with its counts."""

from __future__ import annotations

import pytest
from signal_reports import Ev, report

from tripwire.errors import TripwireError
from tripwire.signals.incidents import build_incidents, ensure_incidents, incidents_current
from tripwire.signals.settings import IncidentSettings
from tripwire.store import Store


def _incidents(store: Store) -> list[tuple]:
    return store.cursor().execute(
        "SELECT type, source_actor, target_actor, date, first_date, last_date, num_events, "
        "num_mentions, num_sources, num_articles, happened, location_name "
        "FROM incidents ORDER BY date, type, location_name").fetchall()


def _members(store: Store) -> dict[str, list[str]]:
    rows = store.cursor().execute(
        "SELECT incident_id, list(event_id ORDER BY event_id) FROM incident_events "
        "GROUP BY incident_id").fetchall()
    return {incident: events for incident, events in rows}


def test_four_reports_of_one_attack_are_one_incident(store: Store) -> None:
    shelling = Ev("ASSAULT", date="2026-10-01", location="Tessel", trigger="shelled")
    store.ingest([
        report("wire-1", "2026-10-01", [shelling], source="Meridian Wire"),
        report("wire-2", "2026-10-02", [shelling], source="Meridian Wire"),
        report("radio-1", "2026-10-02", [Ev("ASSAULT", date="2026-10-02", trigger="bombarded",
                                            mentions=3)], source="Hollin Radio"),
        report("daily-1", "2026-10-01", [Ev("ASSAULT", date="2026-10-01", location="tessel ")],
               source="Corvo Daily"),
    ])
    assert build_incidents(store) == 1
    (row,) = _incidents(store)
    assert row[:3] == ("ASSAULT", "MAR", "VAL")
    assert str(row[3]) == "2026-10-01" and str(row[4]) == "2026-10-01" and str(row[5]) == "2026-10-02"
    assert row[6:10] == (4, 6, 3, 4)
    assert row[10] is True
    assert row[11] in ("Tessel", "tessel ")
    assert list(_members(store).values()) == [["daily-1:0", "radio-1:0", "wire-1:0", "wire-2:0"]]


def test_different_places_days_types_and_directions_stay_apart(store: Store) -> None:
    store.ingest([
        report("a", "2026-10-01", [Ev("ASSAULT", date="2026-10-01", location="Tessel"),
                                   Ev("ASSAULT", date="2026-10-01", location="Brenn")]),
        report("b", "2026-10-01", [Ev("ASSAULT", date="2026-10-01")]),
        report("c", "2026-10-05", [Ev("ASSAULT", date="2026-10-05", location="Tessel")]),
        report("d", "2026-10-01", [Ev("ACCUSE", date="2026-10-01"),
                                   Ev("ASSAULT", source="VAL", target="MAR", date="2026-10-01")]),
    ])
    assert build_incidents(store) == 5
    rows = _incidents(store)
    brenn = [r for r in rows if r[11] == "Brenn"]
    tessel = [r for r in rows if r[11] == "Tessel" and str(r[3]) == "2026-10-01"]
    # the report that names no place joins the more reported place (a tie goes to the first name)
    assert (brenn[0][6], tessel[0][6]) == (2, 1)


def test_daily_attacks_for_a_week_are_not_one_incident(store: Store) -> None:
    store.ingest([report(f"d{n}", f"2026-10-0{n}", [Ev("ASSAULT")]) for n in range(1, 8)])
    assert build_incidents(store) == 4  # windows of two days: 1-2, 3-4, 5-6, 7
    assert build_incidents(store, IncidentSettings(window_days=0)) == 7


def test_only_happened_events_are_marked_happened(store: Store) -> None:
    store.ingest([
        report("f", "2026-10-01", [Ev("ASSAULT", modality="future"),
                                   Ev("ASSAULT", modality="negated"),
                                   Ev("ASSAULT", modality="historical"),
                                   Ev("ASSAULT", modality="historical", date="2026-09-01")]),
    ])
    build_incidents(store)
    happened = store.cursor().execute(
        "SELECT modality, happened, date FROM incidents ORDER BY modality, date NULLS FIRST").fetchall()
    assert [(m, h, str(d)) for m, h, d in happened] == [
        ("future", False, "2026-10-01"), ("historical", False, "None"),
        ("historical", True, "2026-09-01"), ("negated", False, "2026-10-01")]


def test_rebuild_is_idempotent_and_incremental(store: Store) -> None:
    store.ingest([report("a", "2026-10-01", [Ev("ASSAULT"), Ev("CONSULT", "VAL", "OST")])])
    assert build_incidents(store) == 2
    first = _members(store)
    assert build_incidents(store) == 2 and _members(store) == first
    assert incidents_current(store)
    store.ingest([report("b", "2026-10-02", [Ev("ASSAULT")]),
                  report("c", "2026-10-09", [Ev("ASSAULT")])])
    assert not incidents_current(store)
    ensure_incidents(store)
    assert incidents_current(store)
    members = _members(store)
    consult = [ids for ids in first.values() if ids == ["a:1"]]
    assert consult and ["a:1"] in members.values()
    assert sorted(members.values()) == [["a:0", "b:0"], ["a:1"], ["c:0"]]
    assert build_incidents(store, rebuild=True) == 3 and _members(store) == members


def test_window_days_is_validated() -> None:
    with pytest.raises(TripwireError, match="window_days"):
        IncidentSettings(window_days=30)


def test_people_count_for_the_state_or_organisation_they_act_for(store: Store) -> None:
    store.ingest([report("p1", "2026-10-01", [Ev("ACCUSE", "VAL", "MAR"), Ev("CONSULT", "VAL", "OST")]),
                  report("p2", "2026-10-01", [Ev("ACCUSE", "VAL", "MAR")])])
    cur = store.cursor()
    cur.execute("INSERT INTO actors (id, name, kind, country, affiliation) VALUES "
                "('person:ana-lind', 'Ana Lind', 'person', 'VAL', NULL), "
                "('person:ole-berg', 'Ole Berg', 'person', 'OST', 'UN')")
    cur.execute("UPDATE events SET source_actor = 'person:ana-lind', source_country = NULL "
                "WHERE id = 'p2:0'")
    cur.execute("UPDATE events SET target_actor = 'person:ole-berg', target_country = 'OST' "
                "WHERE id = 'p1:1'")
    assert build_incidents(store) == 2
    assert sorted(cur.execute("SELECT type, source_actor, target_actor, num_articles "
                              "FROM incidents").fetchall()) == [
        ("ACCUSE", "VAL", "MAR", 2), ("CONSULT", "VAL", "UN", 1)]
