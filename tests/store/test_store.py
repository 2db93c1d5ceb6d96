from pathlib import Path

import duckdb

from tripwire.document import ActorRef, Document, Event, Sentence, Trigger, content_hash
from tripwire.store import Store
from tripwire.store.migrations import migration_scripts


def make_doc(text: str, doc_id: str | None = None, events: int = 1) -> Document:
    digest = content_hash(text)
    doc_id = doc_id or digest
    return Document(
        id=doc_id, content_hash=digest, text=text, published="2026-09-01",
        events=[
            Event(id=f"{doc_id}:{n}", type="ASSAULT", sentence=Sentence(0, len(text)),
                  trigger=Trigger("shelled", 8, 15), date="2026-08-31", modality="asserted",
                  source=[ActorRef("XMR", "Marovia", "XMR", None)],
                  target=[ActorRef("XVA", "Valdoria", "XVA", None), ActorRef("XQA", "Q", "XQA")])
            for n in range(events)
        ],
    )


def test_ingest_is_idempotent_on_content_hash(tmp_path: Path) -> None:
    db = tmp_path / "t.duckdb"
    with Store(db) as store:
        first = store.ingest([make_doc("Marovia shelled Tessel."), make_doc("Talks resumed.")])
        again = store.ingest([make_doc("Marovia  shelled\nTessel.", doc_id="other-id")])
        assert (first.added, first.duplicates, first.events) == (2, 0, 2)
        assert (again.added, again.duplicates) == (0, 1)
        stats = store.stats()
    assert stats["counts"]["articles"] == 2
    assert stats["counts"]["events"] == 2
    assert stats["counts"]["event_actors"] == 6
    assert stats["top_dyads"][0] == {"source": "XMR", "target": "XVA", "count": 2}


def test_duplicates_inside_one_batch_are_stored_once(tmp_path: Path) -> None:
    with Store(tmp_path / "t.duckdb") as store:
        result = store.ingest([make_doc("Same text."), make_doc("Same text.")])
        assert (result.added, result.duplicates) == (1, 1)


def test_failed_batch_leaves_database_as_it_was(tmp_path: Path) -> None:
    db = tmp_path / "t.duckdb"
    with Store(db) as store:
        store.ingest([make_doc("First article.")])
        broken = make_doc("Second article.")
        broken.events[0].id = "dup"
        twin = make_doc("Third article.")
        twin.events[0].id = "dup"  # primary-key clash inside the batch makes the write fail
        try:
            store.ingest([broken, twin])
        except duckdb.Error:
            pass
        else:
            raise AssertionError("the clashing batch should have failed")
        assert store.stats()["counts"]["articles"] == 1


def test_migrations_are_numbered_and_recorded(tmp_path: Path) -> None:
    versions = [v for v, _, _ in migration_scripts()]
    assert versions == sorted(set(versions)) and versions[0] == 1
    db = tmp_path / "t.duckdb"
    Store(db).close()
    Store(db).close()  # re-opening applies nothing twice
    con = duckdb.connect(str(db))
    assert con.execute("SELECT max(version), count(*) FROM schema_migrations").fetchone() == (
        versions[-1], len(versions))


def test_events_frame_filters_by_column(tmp_path: Path) -> None:
    with Store(tmp_path / "t.duckdb") as store:
        store.ingest([make_doc("Marovia shelled Tessel.", events=2)])
        frame = store.events(source_actor="XMR")
        assert list(frame["target_actor"]) == ["XVA", "XVA"]
        assert store.events(source_actor="XVA").empty
