"""`Store`: the one owner of the DuckDB database for the CLI, the API and imports alike."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa

from tripwire.document import Document
from tripwire.errors import TripwireError
from tripwire.store.migrations import migrate
from tripwire.store.rows import Rows, document_rows

DB_ENV = "TRIPWIRE_DB"
MEMORY_ENV = "TRIPWIRE_DB_MEMORY"
DEFAULT_MEMORY = "512MB"  # DuckDB's own default is 80% of RAM, kept as cache for the whole run
DEFAULT_DB = "tripwire.duckdb"
# A checkpoint rewrites every row group that changed since the last one, so the memory it needs
# grows with the row group: DuckDB's default (122,880 rows) holds a whole corpus of articles and
# made an ingest's peak memory grow with the database. The smallest size DuckDB allows bounds it.
ROW_GROUP_ROWS = 2048
# DuckDB 2's own storage format rewrites every row group of a table each time one fills up, which
# again makes checkpoints grow with the table; the 1.2 format (given to new files) does not.
STORAGE_VERSION = "v1.2.0"
ALIAS = "tripwire"
TABLES = ("articles", "actors", "mentions", "quotes", "times", "events", "event_actors")


# DuckDB lets one process open a file to write, or any number to read, never both at once.
IN_USE = ("the database is in use by another process: DuckDB lets one process write or several "
          "read. Read commands work beside `tripwire serve` without TRIPWIRE_TOKEN (it opens the "
          "file read-only); to write, stop the process that holds it, or send articles to a "
          "server started with the token (POST /api/ingest); to read beside a writing server, "
          "use its API")


def _open_problem(exc: duckdb.Error) -> str:
    if isinstance(exc, duckdb.IOException) and "lock" in str(exc).lower():
        return f"{IN_USE} ({exc})"
    return f"cannot open database: {exc}"


def default_db_path() -> str:
    return os.environ.get(DB_ENV) or DEFAULT_DB


def interrupted(exc: BaseException) -> bool:
    """A Ctrl-C: Python's KeyboardInterrupt, or one that landed while DuckDB ran a query, which
    DuckDB takes itself and raises as an error ("Query interrupted" for the signal, an
    InterruptException for `interrupt()`), so that the caller never sees a KeyboardInterrupt."""
    return isinstance(exc, KeyboardInterrupt | duckdb.InterruptException) or (
        isinstance(exc, RuntimeError) and str(exc).startswith("Query interrupted"))


@dataclass
class IngestResult:
    added: int = 0
    duplicates: int = 0
    events: int = 0
    renamed: list[tuple[str, str]] = field(default_factory=list)  # (id given, id stored)


def derived_ids(article_id: str, digest: str) -> tuple[str, str]:
    """Ids for an article whose id is taken by a different text: `ID~` and 8 characters of its
    content hash, or the whole hash in the unlikely case that is taken too."""
    return f"{article_id}~{digest[:8]}", f"{article_id}~{digest}"


class Store:
    """A DuckDB file with tripwire's tables; writes go through `ingest`, one transaction a batch."""

    def __init__(self, path: str | Path | None = None, read_only: bool = False) -> None:
        self.path = str(path or default_db_path())
        self._lock = threading.Lock()
        self._closed = False
        try:
            if read_only and not Path(self.path).exists():
                raise TripwireError("E010", "database does not exist; run `tripwire ingest` first",
                                    self.path)
            self.con = _open(self.path, read_only)
            if not read_only:
                migrate(self.con)
        except duckdb.Error as exc:
            raise TripwireError("E010", _open_problem(exc), self.path) from exc

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self.con.close()
            _release(self.path)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A cursor for one thread's reads (DuckDB connections are not shared across threads)."""
        cur = self.con.cursor()
        cur.execute(f"USE {ALIAS}")
        return cur

    def ingest(self, documents: Iterable[Document]) -> IngestResult:
        """Store a batch atomically. An article whose content hash is stored is a duplicate and
        skipped; one whose id is taken by a different text is stored under a derived id (the
        Document is renamed in place, so callers see the id it is stored under)."""
        result = IngestResult()
        batch: Rows = {table: [] for table in TABLES}
        documents = list(documents)
        with self._lock:
            cur = self.cursor()
            seen_ids, seen_hashes = self._stored(cur, documents)
            for doc in documents:
                if doc.content_hash in seen_hashes:
                    result.duplicates += 1
                    continue
                if doc.id in seen_ids:
                    given = doc.id
                    free = [i for i in derived_ids(given, doc.content_hash) if i not in seen_ids]
                    if not free:
                        raise TripwireError("E010", "the id and both ids derived from it are "
                                            "taken by other articles", given)
                    doc.rename(free[0])
                    result.renamed.append((given, doc.id))
                seen_hashes.add(doc.content_hash)
                seen_ids.add(doc.id)
                for table, rows in document_rows(doc).items():
                    batch[table].extend(rows)
                result.added += 1
                result.events += len(doc.events)
            if result.added:
                self._write(cur, batch)
        return result

    @staticmethod
    def _stored(cur: duckdb.DuckDBPyConnection,
                documents: list[Document]) -> tuple[set[str], set[str]]:
        """Ids (given or derived) and content hashes of the batch already stored: one scan a
        batch, not one an article (each is a scan of the whole table)."""
        ids = [i for d in documents for i in (d.id, *derived_ids(d.id, d.content_hash))]
        rows = cur.execute(
            "SELECT id, content_hash FROM articles WHERE list_contains($ids, id) "
            "OR list_contains($hashes, content_hash)",
            {"ids": ids, "hashes": [d.content_hash for d in documents]},
        ).fetchall()
        return {row[0] for row in rows}, {row[1] for row in rows}

    def content_hashes(self) -> frozenset[str]:
        """Every stored article's content hash: lets a run skip stored articles before parsing
        (about 100 MB for a million articles)."""
        rows = self.cursor().execute("SELECT content_hash FROM articles").fetchall()
        return frozenset(row[0] for row in rows)

    @staticmethod
    def _write(cur: duckdb.DuckDBPyConnection, batch: Rows) -> None:
        cur.execute("BEGIN TRANSACTION")
        try:
            for table in TABLES:
                rows = batch[table]
                if not rows:
                    continue
                frame = pa.Table.from_pylist(rows)  # noqa: F841 - read by DuckDB below
                if table == "actors":
                    cur.execute(
                        "INSERT INTO actors BY NAME SELECT DISTINCT ON (id) * FROM frame "
                        "WHERE id NOT IN (SELECT id FROM actors)"
                    )
                else:
                    cur.execute(f"INSERT INTO {table} BY NAME SELECT * FROM frame")
            cur.execute("COMMIT")
        except BaseException:  # Ctrl-C included: the batch is stored whole or not at all
            cur.execute("ROLLBACK")
            raise

    def version(self) -> tuple[Any, ...]:
        """Changes whenever articles are stored or incidents rebuilt: a key for derived caches."""
        row = self.cursor().execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT max(ingested_at) FROM articles), "
            "(SELECT count(*) FROM incidents), (SELECT sum(num_events) FROM incidents)"
        ).fetchone()
        return tuple(row or ())

    def stats(self) -> dict[str, Any]:
        """Counts that say what the database holds."""
        cur = self.cursor()
        counts = {t: int(cur.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in TABLES}  # type: ignore[index]
        span = cur.execute("SELECT min(published), max(published) FROM articles").fetchone()
        by_type = cur.execute(
            "SELECT type, modality, count(*) FROM events GROUP BY ALL ORDER BY 3 DESC"
        ).fetchall()
        dyads = cur.execute(
            "SELECT source_actor, target_actor, count(*) FROM events "
            "WHERE modality = 'asserted' AND source_actor IS NOT NULL AND target_actor IS NOT NULL "
            "GROUP BY ALL ORDER BY 3 DESC LIMIT 10"
        ).fetchall()
        return {
            "counts": counts,
            "published": [str(d) if d else None for d in (span or (None, None))],
            "events_by_type": [{"type": t, "modality": m, "count": c} for t, m, c in by_type],
            "top_dyads": [{"source": s, "target": t, "count": c} for s, t, c in dyads],
        }

    def events(self, **filters: Any) -> pd.DataFrame:
        """Events as a pandas frame; filters are column=value equality tests."""
        cur = self.cursor()
        clauses, params = [], []
        for column, value in filters.items():
            if value is None:
                continue
            if column not in _EVENT_COLUMNS:
                raise TripwireError("E008", f"unknown event filter {column!r}")
            clauses.append(f'"{column}" = ?')
            params.append(value)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        return cur.execute(f"SELECT * FROM events {where} ORDER BY date, id", params).df()



@dataclass
class _Instance:
    root: duckdb.DuckDBPyConnection
    read_only: bool
    users: int = 0


# One DuckDB instance per file in a process, shared by its Stores (DuckDB refuses to attach a
# file twice), closed with the last of them; `duckdb.connect(path)` did the same.
_INSTANCES: dict[str, _Instance] = {}
_INSTANCES_LOCK = threading.Lock()


def _open(path: str, read_only: bool) -> duckdb.DuckDBPyConnection:
    """A connection of this process's instance of the file (a writable one serves readers too)."""
    key = os.path.realpath(path)
    with _INSTANCES_LOCK:
        instance = _INSTANCES.get(key)
        if instance is None:
            instance = _INSTANCES[key] = _Instance(_attach(path, read_only), read_only)
        elif instance.read_only and not read_only:
            raise TripwireError("E010", "the database is open read-only in this process", path)
        instance.users += 1
        con = instance.root.cursor()
    con.execute(f"USE {ALIAS}")
    return con


def _release(path: str) -> None:
    key = os.path.realpath(path)
    with _INSTANCES_LOCK:
        instance = _INSTANCES.get(key)
        if instance is None:
            return
        instance.users -= 1
        if instance.users <= 0:
            del _INSTANCES[key]
            instance.root.close()


def _attach(path: str, read_only: bool) -> duckdb.DuckDBPyConnection:
    """The file attached as the default database: the only way to choose its row group size."""
    memory = os.environ.get(MEMORY_ENV) or DEFAULT_MEMORY
    con = duckdb.connect(config={"memory_limit": memory, "temp_directory": f"{path}.tmp"})
    options = f"ROW_GROUP_SIZE {ROW_GROUP_ROWS}"
    if not Path(path).exists():  # an existing file keeps its format (DuckDB cannot lower it)
        options += f", STORAGE_VERSION '{STORAGE_VERSION}'"
    if read_only:
        options += ", READ_ONLY"
    quoted = path.replace("'", "''")
    try:
        con.execute(f"ATTACH '{quoted}' AS {ALIAS} ({options})")
    except duckdb.Error:
        con.close()
        raise
    con.execute(f"USE {ALIAS}")
    return con


_EVENT_COLUMNS = {
    "article_id", "type", "mode", "quad", "cameo", "modality", "attributed_to", "source_actor",
    "source_country", "target_actor", "target_country", "date", "published",
}
