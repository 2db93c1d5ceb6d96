"""The output of a batch run: Documents and events as Parquet partitioned by date.

    OUT/documents/published=YYYY-MM-DD/part-<digest>.parquet   one row a Document (JSON inside)
    OUT/events/day=YYYY-MM-DD/part-<digest>.parquet            one row an event, store columns
    OUT/errors.jsonl                                           every skipped record, with reason
    OUT/manifest.json                                          counts, shards, and completeness

Events are partitioned by `day` = event date, else publication date, as `tripwire export
--format parquet` does, so both read the same way (pandas, polars, DuckDB, Spark: Hive layout).
Part names are digests of the Document ids they hold, so a batch retried after a worker crash
overwrites its own files instead of duplicating them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.fs as pafs
import pyarrow.parquet as pq

from tripwire.document import Document
from tripwire.errors import TripwireError
from tripwire.store.rows import document_rows

UNKNOWN = "unknown"
DOCUMENTS = "documents"
EVENTS = "events"
ERRORS_FILE = "errors.jsonl"
MANIFEST_FILE = "manifest.json"
MANIFEST_SCHEMA = "tripwire-run/1"

_S, _I, _F, _D = pa.string(), pa.int32(), pa.float64(), pa.date32()
DOCUMENT_SCHEMA = pa.schema([
    ("id", _S), ("content_hash", _S), ("url", _S), ("source", _S), ("title", _S),
    ("language", _S), ("events", _I), ("document", _S),
])
# The store's `events` table (store/migrations/0001_init.sql), column for column.
EVENT_SCHEMA = pa.schema([
    ("id", _S), ("article_id", _S), ("published", _D), ("type", _S), ("mode", _S),
    ("context", pa.list_(_S)), ("quad", _S), ("cameo", _S), ("intensity", _F), ("date", _D),
    ("date_precision", _S), ("modality", _S), ("attributed_to", _S), ("source_actor", _S),
    ("source_country", _S), ("source_sector", _S), ("target_actor", _S),
    ("target_country", _S), ("target_sector", _S), ("location_name", _S),
    ("location_country", _S), ("lat", _F), ("lon", _F), ("sentence_start", _I),
    ("sentence_end", _I), ("sentence_text", _S), ("trigger_text", _S), ("trigger_start", _I),
    ("trigger_end", _I), ("confidence", _F), ("mention_count", _I),
])
_DATE_COLUMNS = [f.name for f in EVENT_SCHEMA if f.type == _D]


def filesystem(location: str) -> tuple[pafs.FileSystem, str]:
    """A pyarrow filesystem and path for a local folder or a URI (file://, s3://, gs://...)."""
    try:
        if "://" in location:
            return pafs.FileSystem.from_uri(location)
        return pafs.LocalFileSystem(), str(Path(location).resolve())
    except (OSError, ValueError) as exc:
        raise TripwireError("E002", f"cannot open output location: {exc}", location) from exc


def _iso_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def document_row(doc: Document) -> dict[str, Any]:
    return {"id": doc.id, "content_hash": doc.content_hash, "url": doc.url, "source": doc.source,
            "title": doc.title, "language": doc.language, "events": len(doc.events),
            "document": doc.to_json()}


def event_rows(doc: Document) -> list[dict[str, Any]]:
    rows = document_rows(doc)["events"]
    for row in rows:
        for column in _DATE_COLUMNS:
            row[column] = _iso_date(row[column])
    return rows


class PartitionedWriter:
    """Writes batches of Documents under one output location; safe to use from many workers."""

    def __init__(self, output: str) -> None:
        self.fs, self.root = filesystem(output)

    def write(self, documents: list[Document]) -> None:
        """One Parquet file per date partition and table for this batch."""
        by_published: dict[str, list[dict[str, Any]]] = defaultdict(list)
        by_day: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for doc in documents:
            by_published[_partition(doc.published)].append(document_row(doc))
            for row in event_rows(doc):
                day = row["date"] or row["published"]
                by_day[day.isoformat() if day else UNKNOWN].append(row)
        for value, rows in by_published.items():
            self._write(f"{DOCUMENTS}/published={value}", rows, DOCUMENT_SCHEMA)
        for value, rows in by_day.items():
            self._write(f"{EVENTS}/day={value}", rows, EVENT_SCHEMA)

    def _write(self, folder: str, rows: list[dict[str, Any]], schema: pa.Schema) -> None:
        digest = hashlib.sha256("\n".join(sorted(r["id"] for r in rows)).encode()).hexdigest()
        directory = f"{self.root}/{folder}"
        final = f"{directory}/part-{digest[:20]}.parquet"
        partial = f"{directory}/.part-{uuid.uuid4().hex}.tmp"
        self.fs.create_dir(directory, recursive=True)
        pq.write_table(pa.Table.from_pylist(rows, schema=schema), partial, filesystem=self.fs)
        self.fs.move(partial, final)  # readers never see a half-written part


def _partition(published: str | None) -> str:
    day = _iso_date(published)
    return day.isoformat() if day else UNKNOWN


def document_files(output: str) -> Iterator[tuple[pafs.FileSystem, str]]:
    """The Documents Parquet files of a run output, in a stable order."""
    fs, root = filesystem(output)
    selector = pafs.FileSelector(f"{root}/{DOCUMENTS}", recursive=True, allow_not_found=True)
    paths = sorted(i.path for i in fs.get_file_info(selector)
                   if i.type == pafs.FileType.File and i.path.endswith(".parquet"))
    for path in paths:
        yield fs, path


def read_manifest(output: str) -> dict[str, Any]:
    fs, root = filesystem(output)
    path = f"{root}/{MANIFEST_FILE}"
    if fs.get_file_info(path).type != pafs.FileType.File:
        raise TripwireError("E002", f"not the output of `tripwire run` (no {MANIFEST_FILE})",
                            output)
    with fs.open_input_stream(path) as handle:
        return dict(json.loads(handle.read().decode("utf-8")))


def write_text(output: str, name: str, text: str) -> None:
    fs, root = filesystem(output)
    with fs.open_output_stream(f"{root}/{name}") as handle:
        handle.write(text.encode("utf-8"))


def prepare_output(output: str, overwrite: bool) -> None:
    """Create the output folder; refuse one holding an earlier run unless told to replace it."""
    fs, root = filesystem(output)
    info = fs.get_file_info(root)
    if info.type == pafs.FileType.File:
        raise TripwireError("E002", "output must be a folder, not a file", output)
    if info.type == pafs.FileType.Directory:
        existing = fs.get_file_info(pafs.FileSelector(root))
        if existing and not overwrite:
            raise TripwireError("E008", "output folder is not empty (use --overwrite to replace "
                                "it)", output)
        if existing:
            fs.delete_dir_contents(root)
    fs.create_dir(root, recursive=True)
