"""`tripwire run --engine local` and `tripwire import`: shards in, partitioned Parquet out."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest
from scale_helpers import write_shards

from tripwire.document import ActorRef, Document, Event, Sentence, Trigger
from tripwire.errors import TripwireError
from tripwire.scale.engine import Engine, RunSettings, Tally, run
from tripwire.scale.imports import import_output
from tripwire.scale.output import EVENT_SCHEMA, PartitionedWriter
from tripwire.scale.shards import expand_inputs, read_shard
from tripwire.store import Store
from tripwire.store.rows import document_rows

pytestmark = pytest.mark.slow


def _errors(output: Path) -> list[tuple[str, str]]:
    """(code, file name and line or byte offset) of every errors.jsonl entry."""
    lines = (output / "errors.jsonl").read_text(encoding="utf-8").splitlines()
    return sorted((e["code"], Path(e["where"]).name) for e in map(json.loads, lines))


def _documents(output: Path) -> dict[str, str | None]:
    """Document id -> published partition, read the way pandas/polars/DuckDB read Hive folders."""
    table = ds.dataset(output / "documents", format="parquet", partitioning="hive").to_table()
    rows = table.select(["id", "published"]).to_pylist()
    return {r["id"]: str(r["published"]) for r in rows}


def test_local_run_writes_partitions_errors_and_manifest(tmp_path: Path) -> None:
    shards = write_shards(tmp_path / "in")
    output = tmp_path / "out"
    report = run(RunSettings(inputs=[str(tmp_path / "in")], output=str(output), batch_size=2))
    assert (report.shards, report.articles, report.skipped, report.lost) == (3, 6, 2, [])
    (cut, bad_line) = _errors(output)
    assert bad_line == ("E005", f"{shards['jsonl'].name}:3")
    assert cut[0] == "E004"
    name, offset = cut[1].split("@")
    assert name == shards["warc"].name and int(offset) > 0
    documents = _documents(output)
    assert {k: v for k, v in documents.items() if k in ("r1", "r2", "r3", "p1")} == {
        "r1": "2021-06-01", "r2": "2021-06-01", "r3": "2021-06-02", "p1": "2021-06-04"}
    assert len(documents) == 6
    manifest = json.loads((output / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["complete"] is True
    assert (manifest["articles"], manifest["skipped"], manifest["lost_shards"]) == (6, 2, [])
    assert sorted(Path(s).name for s in manifest["shards"]) == [
        "crawl.warc.gz", "extra.parquet", "reports.jsonl"]


def test_import_loads_a_run_once(tmp_path: Path) -> None:
    write_shards(tmp_path / "in")
    output = tmp_path / "out"
    run(RunSettings(inputs=[str(tmp_path / "in")], output=str(output)))
    with Store(tmp_path / "t.duckdb") as store:
        first = import_output(str(output), store, batch_size=4)
        second = import_output(str(output), store)
        stored = store.cursor().execute("SELECT id FROM articles ORDER BY id").fetchall()
    assert (first.added, first.duplicates) == (6, 0)
    assert (second.added, second.duplicates) == (0, 6)
    assert {"r1", "r2", "r3", "p1"} <= {row[0] for row in stored}
    assert len(stored) == 6


def test_run_and_import_commands(tmp_path: Path, run_cli) -> None:
    write_shards(tmp_path / "in")
    output = str(tmp_path / "out")
    db = str(tmp_path / "t.duckdb")
    pattern = str(tmp_path / "in" / "*.jsonl")
    done = run_cli("run", "--input", pattern, str(tmp_path / "in" / "extra.parquet"),
                   "--output", output, "--engine", "local", "--quiet")
    assert (done.code, done.err) == (0, "")
    again = run_cli("run", "--input", pattern, "--output", output)
    assert again.code == 1
    assert "output folder is not empty (use --overwrite to replace it) [E008]" in again.err
    imported = run_cli("import", output, "--db", db)
    assert imported.code == 0
    assert "imported: 3 files, 4 articles added, 0 already stored" in imported.err
    missing = run_cli("run", "--input", str(tmp_path / "nowhere" / "*.warc.gz"), "--output",
                      str(tmp_path / "out2"))
    assert missing.code == 1
    assert "no readable input files match [E002]" in missing.err


def _event_document() -> Document:
    event = Event(id="d1:0", type="CONSULT", sentence=Sentence(0, 20), trigger=Trigger("met", 7, 10),
                  quad="verbal_cooperation", context=["diplomatic"], date="2021-06-07",
                  source=[ActorRef("NOR", "Norland", "NOR")], modality="future")
    undated = Event(id="d1:1", type="PROTEST", sentence=Sentence(21, 40),
                    trigger=Trigger("protested", 25, 34), date=None)
    return Document(id="d1", content_hash="abc", text="x" * 40, published="2021-06-01",
                    events=[event, undated])


def test_writer_partitions_events_by_day_with_the_store_columns(tmp_path: Path) -> None:
    PartitionedWriter(str(tmp_path)).write([_event_document()])
    events = ds.dataset(tmp_path / "events", format="parquet", partitioning="hive").to_table()
    rows = sorted(events.to_pylist(), key=lambda r: r["id"])
    assert [(r["id"], str(r["day"]), str(r["date"]), r["source_actor"]) for r in rows] == [
        ("d1:0", "2021-06-07", "2021-06-07", "NOR"), ("d1:1", "2021-06-01", "None", None)]
    assert rows[0]["context"] == ["diplomatic"]
    store_columns = set(document_rows(_event_document())["events"][0])
    assert set(EVENT_SCHEMA.names) == store_columns


def test_writer_retry_of_a_batch_overwrites_its_own_part(tmp_path: Path) -> None:
    writer = PartitionedWriter(str(tmp_path))
    writer.write([_event_document()])
    writer.write([_event_document()])
    parts = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*.parquet"))
    assert len(parts) == 3  # documents/published=..., events/day=2021-06-07, events/day=2021-06-01
    assert pq.read_table(tmp_path / parts[0]).num_rows == 1


def test_a_shard_without_its_end_is_reported_lost(tmp_path: Path) -> None:
    errors = (tmp_path / "errors.jsonl").open("wb")
    tally = Tally(errors=errors)
    records = list(read_shard(str(write_shards(tmp_path / "in")["jsonl"])))
    assert records[-1] == {"kind": "end", "shard": records[0]["shard"], "records": 4}
    for record in records[:-1]:
        kind = "document" if record["kind"] == "article" else record["kind"]
        tally.add({**record, "kind": kind, "events": 0})
    assert tally.lost([records[0]["shard"]]) == [records[0]["shard"]]
    assert tally.add(records[-1]) is True
    assert tally.lost([records[0]["shard"]]) == []
    errors.close()
    entries = [json.loads(line) for line in (tmp_path / "errors.jsonl").open(encoding="utf-8")]
    assert [e["code"] for e in entries] == ["E005", "E032"]
    assert entries[1]["reason"] == "shard not fully processed: 4 of unknown records accounted for"


def test_inputs_expand_from_globs_folders_and_uris(tmp_path: Path) -> None:
    shards = write_shards(tmp_path / "in")
    (tmp_path / "in" / "notes.md").write_text("ignored in folders", encoding="utf-8")
    folder = expand_inputs([str(tmp_path / "in")])
    assert [Path(s).name for s in folder] == ["crawl.warc.gz", "extra.parquet", "reports.jsonl"]
    assert expand_inputs([str(tmp_path / "in" / "*.warc.gz"), str(shards["warc"])]) == [
        str(shards["warc"])]
    assert expand_inputs([str(tmp_path / "in" / "*")]) == folder  # notes.md is passed over
    uri = f"file://{tmp_path / 'in'}"
    assert expand_inputs([uri]) == [f"file://{p}" for p in folder]
    with pytest.raises(TripwireError) as caught:
        expand_inputs([str(tmp_path / "in" / "notes.md")])
    assert caught.value.code == "E004"
    with pytest.raises(TripwireError) as caught:
        expand_inputs([str(tmp_path / "absent.jsonl")])
    assert caught.value.code == "E002"


def test_uri_shards_read_like_local_ones(tmp_path: Path) -> None:
    shards = write_shards(tmp_path / "in")
    local = list(read_shard(str(shards["parquet"])))
    remote = list(read_shard(f"file://{shards['parquet']}"))
    assert [r["kind"] for r in remote] == ["article", "end"]
    assert remote[0]["article"]["text"] == local[0]["article"]["text"]


def test_run_engine_choice_is_validated(tmp_path: Path, run_cli) -> None:
    result = run_cli("run", "--input", str(tmp_path), "--output", str(tmp_path / "o"),
                     "--address", "ray://head:10001")
    assert result.code == 1
    assert "--address needs --engine ray [E008]" in result.err
    assert Engine("ray") is Engine.ray


def test_a_failed_run_leaves_a_manifest_saying_so(tmp_path: Path, monkeypatch) -> None:
    write_shards(tmp_path / "in")

    def full_disk(self, documents) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(PartitionedWriter, "write", full_disk)
    with pytest.raises(TripwireError) as caught:
        run(RunSettings(inputs=[str(tmp_path / "in")], output=str(tmp_path / "out"),
                        batch_size=1))
    assert caught.value.code == "E032"
    assert "No space left on device" in caught.value.message
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["complete"] is False
    assert manifest["failure"] == "OSError: [Errno 28] No space left on device"
    assert len(manifest["lost_shards"]) >= 1
