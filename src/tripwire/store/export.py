"""Export what the store holds: Documents as JSONL, events as CSV or date-partitioned Parquet."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import duckdb

from tripwire.errors import TripwireError
from tripwire.store.database import Store

EVENTS_SQL = "SELECT * FROM events e{where} ORDER BY e.date, e.id"


def events_csv(cur: duckdb.DuckDBPyConnection, where: str = "",
               params: Sequence[Any] = ()) -> Iterator[str]:
    """The events table (narrowed by a WHERE clause on `e`) as CSV text, a chunk at a time,
    the header first, so that a large export never sits whole in memory."""
    cur.execute(EVENTS_SQL.format(where=where), list(params))
    first = True
    while True:
        chunk = cur.fetch_df_chunk()
        if chunk.empty and not first:
            return
        yield chunk.to_csv(index=False, header=first)
        if chunk.empty:
            return
        first = False


def export_store(store: Store, fmt: str, out: str | None) -> str | None:
    """Write the export; returns where it went (None for stdout)."""
    cur = store.cursor()
    if fmt == "jsonl":
        rows = cur.execute("SELECT document FROM articles ORDER BY published, id")
        handle = open(out, "w", encoding="utf-8") if out else sys.stdout  # noqa: SIM115
        try:
            while batch := rows.fetchmany(1000):
                for (document,) in batch:
                    handle.write(document + "\n")
        finally:
            if out:
                handle.close()
        return out
    if fmt == "csv":
        if not out:
            sys.stdout.writelines(events_csv(cur))
            return None
        cur.execute(f"COPY ({EVENTS_SQL.format(where='')}) TO '{_quoted(out)}' "
                    "(FORMAT csv, HEADER true)")
        return out
    if fmt == "parquet":
        folder = Path(out or "tripwire-export")
        folder.mkdir(parents=True, exist_ok=True)
        cur.execute(
            "COPY (SELECT *, coalesce(date, published) AS day FROM events) "
            f"TO '{_quoted(str(folder / 'events'))}' "
            "(FORMAT parquet, PARTITION_BY (day), OVERWRITE_OR_IGNORE true)"
        )
        return str(folder)
    if fmt == "plover":
        from tripwire.store.plover import plover_records

        handle = open(out, "w", encoding="utf-8") if out else sys.stdout  # noqa: SIM115
        try:
            for record in plover_records(store):
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        finally:
            if out:
                handle.close()
        return out
    if fmt == "gdelt":
        from tripwire.store.gdelt import gdelt_relation

        query = gdelt_relation(store)
        if not out:
            cur.execute(query).df().to_csv(sys.stdout, index=False)
            return None
        cur.execute(f"COPY ({query}) TO '{_quoted(out)}' (FORMAT csv, HEADER true)")
        return out
    raise TripwireError("E008", f"unknown export format {fmt!r}")


def _quoted(path: str) -> str:
    """COPY takes no bound parameter for its target; escape the one quote character it knows."""
    return path.replace("'", "''")
