from pathlib import Path

import duckdb

from tripwire import Store
from tripwire.document import ActorRef, Document, Event, Sentence, Trigger, content_hash
from tripwire.signals.incidents import build_incidents
from tripwire.store.gdelt import GDELT_COLUMNS


def report(doc_id: str, text: str, modality: str = "asserted") -> Document:
    return Document(
        id=doc_id, content_hash=content_hash(text), text=text, published="2026-09-02",
        url=f"http://wire.test/{doc_id}",
        events=[Event(
            id=f"{doc_id}:0", type="ASSAULT", cameo="195", quad="material_conflict",
            intensity=-9.0, date="2026-09-01", modality=modality,
            sentence=Sentence(0, len(text)), trigger=Trigger("shelled", 9, 16),
            source=[ActorRef("XMR", "Marovia", "XMR", "MIL")],
            target=[ActorRef("XVA", "Valdoria", "XVA", None)],
        )],
    )


def test_same_attack_in_two_articles_is_one_gdelt_row(run_cli, tmp_path: Path) -> None:
    db = tmp_path / "t.duckdb"
    with Store(db) as store:
        store.ingest([report("a", "Marovia shelled Tessel on Tuesday."),
                      report("b", "Marovia shelled the town of Tessel."),
                      report("c", "Marovia may have shelled it again.", modality="hypothetical")])
        build_incidents(store)
    out = tmp_path / "gdelt.csv"
    result = run_cli("export", "--format", "gdelt", "--db", str(db), "--out", str(out))
    assert result.code == 0, result.err
    types = ", ".join(f"'{k}': '{v}'" for k, v in GDELT_COLUMNS.items())
    rows = duckdb.sql(f"SELECT * FROM read_csv('{out}', header=true, columns={{{types}}})")
    assert rows.columns == list(GDELT_COLUMNS)
    (row,) = rows.fetchall()
    record = dict(zip(rows.columns, row, strict=True))
    assert record["SQLDATE"] == 20260901 and record["Year"] == 2026
    assert (record["Actor1Code"], record["Actor2Code"]) == ("XMR", "XVA")
    assert (record["EventCode"], record["EventBaseCode"], record["EventRootCode"]) == (
        "195", "195", "19")
    assert record["QuadClass"] == 4 and record["GoldsteinScale"] == -9.0
    assert (record["NumMentions"], record["NumArticles"]) == (2, 2)
    assert record["SOURCEURL"] in ("http://wire.test/a", "http://wire.test/b")


def test_store_api_gives_signals_and_alerts(tmp_path: Path) -> None:
    with Store(tmp_path / "t.duckdb") as store:
        store.ingest([report("a", "Marovia shelled Tessel on Tuesday."),
                      report("b", "Marovia shelled the town of Tessel.")])
        frame = store.signals(dyad=("XMR", "XVA"), by="day")
        (row,) = frame.to_dict("records")
        assert str(row["period"])[:10] == "2026-09-01"
        assert (row["incidents"], row["mentions"], row["ASSAULT"]) == (1, 2, 1)
        assert row["material_conflict"] == 1 and row["intensity"] == -9.0
        assert store.alerts() == []  # two reports on one day are no escalation against a baseline
