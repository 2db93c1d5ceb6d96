"""Input shards for batch runs: globs, folders and URIs expanded to files, read into records.

A shard is one input file (JSONL, WARC, WARC.gz, Parquet or any format `tripwire.ingest` reads).
Reading a shard yields plain-dict records: one per article or bad record, then an `end` record
with the count, so the run can prove at the end that every record of every shard was accounted
for ("never a lost shard").
"""

from __future__ import annotations

import dataclasses
import glob
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pyarrow.fs as pafs
import pyarrow.parquet as pq

from tripwire.document import Article
from tripwire.errors import BadRecord, TripwireError
from tripwire.ingest import iter_articles
from tripwire.ingest.readers import ReadItem, reader_for
from tripwire.ingest.records import article_from_record

PARQUET_SUFFIX = ".parquet"
PARQUET_BATCH_ROWS = 256
Record = dict[str, Any]


def is_uri(value: str) -> bool:
    return "://" in value


def _readable(name: str) -> bool:
    return name.lower().endswith(PARQUET_SUFFIX) or reader_for(Path(name)) is not None


def expand_inputs(inputs: list[str]) -> list[str]:
    """Every shard named by the inputs, in a stable order, each once; unknown names are errors."""
    shards: list[str] = []
    for given in inputs:
        found = _expand_uri(given) if is_uri(given) else _expand_local(given)
        if not found:
            raise TripwireError("E002", "no readable input files match", given)
        shards += [s for s in found if s not in shards]
    return shards


def _expand_local(given: str) -> list[str]:
    matches = sorted(glob.glob(given, recursive=True)) if glob.has_magic(given) else [given]
    found: list[str] = []
    for match in matches:
        path = Path(match)
        if path.is_dir():
            found += [str(p) for p in sorted(path.rglob("*")) if p.is_file() and _readable(p.name)]
        elif path.is_file() and _readable(path.name):
            found.append(str(path))
        elif path.is_file() and not glob.has_magic(given):
            raise TripwireError("E004", f"unknown file type {path.suffix!r}", str(path))
        elif not glob.has_magic(given):
            raise TripwireError("E002", "no such file or directory", given)
    return found


def _expand_uri(given: str) -> list[str]:
    """Files under a URI (file://, s3://, gs://, hdfs://) through pyarrow's filesystems."""
    try:
        filesystem, root = pafs.FileSystem.from_uri(given)
        info = filesystem.get_file_info(root)
        if info.type == pafs.FileType.NotFound:
            raise TripwireError("E002", "no such file or directory", given)
        if info.type == pafs.FileType.File:
            return [given]
        selector = pafs.FileSelector(root, recursive=True)
        entries = filesystem.get_file_info(selector)
    except (OSError, ValueError) as exc:
        raise TripwireError("E002", f"cannot list input: {exc}", given) from exc
    scheme = given.split("://", 1)[0]
    names = sorted(e.path for e in entries if e.type == pafs.FileType.File and _readable(e.path))
    return [f"{scheme}://{name}" for name in names]  # s3://bucket/key, file:///abs/path


@contextmanager
def _local_copy(shard: str) -> Iterator[Path]:
    """A local path for the shard: itself, or a temporary copy of a remote file."""
    if not is_uri(shard):
        yield Path(shard)
        return
    filesystem, path = pafs.FileSystem.from_uri(shard)
    if isinstance(filesystem, pafs.LocalFileSystem):
        yield Path(path)
        return
    with tempfile.TemporaryDirectory(prefix="tripwire-shard-") as folder:
        local = Path(folder) / Path(path).name
        with filesystem.open_input_stream(path) as source, local.open("wb") as target:
            shutil.copyfileobj(source, target)
        yield local


def _parquet_items(path: Path, name: str) -> Iterator[ReadItem]:
    """Article records (id, text or html, published, url, source, title) from a Parquet file."""
    parquet = pq.ParquetFile(path)
    row = 0
    for batch in parquet.iter_batches(batch_size=PARQUET_BATCH_ROWS):
        for record in batch.to_pylist():
            row += 1
            try:
                yield article_from_record(record, f"{name}[{row - 1}]")
            except BadRecord as exc:
                yield exc


def _items(path: Path, shard: str, published: str | None) -> Iterator[ReadItem]:
    if path.name.lower().endswith(PARQUET_SUFFIX):
        for item in _parquet_items(path, shard):
            if isinstance(item, Article) and published and not item.published:
                item.published = published
            yield item
    else:
        yield from iter_articles([str(path)], published=published)


def read_shard(shard: str, published: str | None = None) -> Iterator[Record]:
    """Records of one shard, ending with {'kind': 'end', 'records': n}; never raises."""
    count = 0
    try:
        with _local_copy(shard) as path:
            local = str(path)
            for item in _items(path, shard, published):
                count += 1
                record = item_record(item, shard)
                if local != shard:
                    _rename_origin(record, local, shard)
                yield record
    except Exception as exc:  # noqa: BLE001 - any failure becomes an error record, not a lost shard
        count += 1
        yield {"kind": "error", "shard": shard, "where": shard, "code": "E004",
               "reason": f"cannot read shard: {type(exc).__name__}: {exc}"}
    yield {"kind": "end", "shard": shard, "records": count}


def item_record(item: ReadItem, shard: str) -> Record:
    if isinstance(item, BadRecord):
        return {"kind": "error", "shard": shard, "where": item.where or shard, "code": item.code,
                "reason": item.message}
    return {"kind": "article", "shard": shard, "article": dataclasses.asdict(item)}


def _rename_origin(record: Record, local: str, shard: str) -> None:
    """Errors and origins name the shard as given, not a temporary local copy."""
    if record["kind"] == "article":
        record["article"]["origin"] = record["article"]["origin"].replace(local, shard)
    elif record["kind"] == "error":
        record["where"] = record["where"].replace(local, shard)


def record_item(record: Record) -> ReadItem:
    """The Article or BadRecord a record stands for (records cross process boundaries as dicts)."""
    if record["kind"] == "article":
        return Article(**record["article"])
    return BadRecord(record["code"], record["reason"], record["where"])
