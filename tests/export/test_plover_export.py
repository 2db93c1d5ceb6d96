from pathlib import Path

import pytest

from tripwire.document import ActorRef, Document, Event, Location, Sentence, Trigger, content_hash
from tripwire.store import Store
from tripwire.store.plover import plover_errors, plover_records


def stored(tmp_path: Path) -> Store:
    text = "Marovian artillery shelled Tessel on Tuesday."
    doc = Document(
        id="wire-1", content_hash=content_hash(text), text=text, published="2026-09-02",
        url="http://wire.test/1", source="Tessel Wire",
        events=[Event(
            id="wire-1:0", type="ASSAULT", mode="heavy-weapons", context=["military"],
            quad="material_conflict", cameo="19", intensity=-9.0, date="2026-09-01",
            sentence=Sentence(0, len(text)), trigger=Trigger("shelled", 19, 26),
            source=[ActorRef("XMR", "Marovian artillery", "XMR", "MIL")],
            target=[ActorRef(None, "Tessel", "XVA", None)],
            location=Location("Tessel", "XVA", 45.1, 19.2), confidence=0.8,
        )],
    )
    store = Store(tmp_path / "t.duckdb")
    store.ingest([doc])
    return store


def test_plover_record_maps_every_field(tmp_path: Path) -> None:
    with stored(tmp_path) as store:
        (record,) = list(plover_records(store))
    assert record["event"] == "ASSAULT" and record["mode"] == "heavy-weapons"
    assert record["date"] == "2026-09-01"
    assert record["actor"] == [{"code": "XMR", "sector": "MIL",
                                "entity_text": "Marovian artillery", "identifier": "XMR"}]
    assert record["recipient"][0]["code"] == "XVA"
    assert record["quad_code"] == 4
    assert record["event_text"] == "shelled"
    assert record["text"] == "Marovian artillery shelled Tessel on Tuesday."
    assert record["event_loc"] == {"name": "Tessel", "country": "XVA", "lat": 45.1, "lon": 19.2}
    assert record["cite_info"]["url"] == "http://wire.test/1"
    assert record["cite_info"]["trigger"] == {"start": 19, "end": 26}
    assert plover_errors(record) == []


def test_schema_rejects_a_record_without_plover_type(tmp_path: Path) -> None:
    with stored(tmp_path) as store:
        (record,) = list(plover_records(store))
    record["event"] = "SHELLING"
    del record["cite_info"]
    errors = plover_errors(record)
    assert any(e.startswith("event:") for e in errors)
    assert any("'cite_info' is a required property" in e for e in errors)


@pytest.mark.slow
def test_every_demo_event_exports_as_a_valid_plover_record(demo_db: Path) -> None:
    with Store(demo_db, read_only=True) as store:
        records = list(plover_records(store))
        stored = store.stats()["counts"]["events"]
    assert len(records) == stored > 50
    invalid = {r["id"]: plover_errors(r) for r in records if plover_errors(r)}
    assert invalid == {}
    assert {r["event"] for r in records} >= {"ASSAULT", "CONSULT", "MOBILIZE", "SANCTION"}
