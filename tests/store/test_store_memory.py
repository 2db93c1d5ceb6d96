"""The store's memory does not grow with the database: checkpoints leave full row groups alone."""

from pathlib import Path

import duckdb
import pytest

from tripwire.document import Document, content_hash
from tripwire.store import Store
from tripwire.store.database import ROW_GROUP_ROWS

pytestmark = pytest.mark.slow


def _docs(start: int, count: int) -> list[Document]:
    # Long enough that a row group's text fills whole blocks, as real articles do.
    texts = [f"Report {n}: " + " ".join(f"the council met on day {n * 7 + k} and agreed item {k}."
                                        for k in range(40)) for n in range(start, start + count)]
    return [Document(id=f"r{n}", content_hash=content_hash(t), text=t, published="2026-09-01")
            for n, t in enumerate(texts, start)]


def _first_row_group_blocks(store: Store) -> list[tuple[str, int]]:
    return store.cursor().execute(
        "SELECT column_name, block_id FROM pragma_storage_info('articles') "
        "WHERE row_group_id = 0 AND block_id >= 0 ORDER BY ALL").fetchall()


def _ingest_checkpointed(store: Store, start: int, count: int, batch: int = 512) -> None:
    for first in range(start, start + count, batch):
        store.ingest(_docs(first, batch))
        store.cursor().execute("CHECKPOINT")


def test_checkpoints_do_not_rewrite_full_row_groups(tmp_path: Path) -> None:
    # The first checkpoint after a row group fills rewrites it once; later ones must leave it.
    with Store(tmp_path / "t.duckdb") as store:
        _ingest_checkpointed(store, 0, ROW_GROUP_ROWS + 512)
        before = _first_row_group_blocks(store)
        _ingest_checkpointed(store, ROW_GROUP_ROWS + 512, 2 * ROW_GROUP_ROWS)
        after = _first_row_group_blocks(store)
        groups = store.cursor().execute(
            "SELECT row_group_id, max(count) FROM pragma_storage_info('articles') "
            "GROUP BY ALL ORDER BY 1").fetchall()
    assert before and after == before
    assert groups == [(0, ROW_GROUP_ROWS), (1, ROW_GROUP_ROWS), (2, ROW_GROUP_ROWS),
                      (3, 512)]


def test_stores_of_one_file_share_it(tmp_path: Path) -> None:
    db = tmp_path / "t.duckdb"
    with Store(db) as writer:
        writer.ingest(_docs(0, 2))
        with Store(db, read_only=True) as reader:
            assert reader.stats()["counts"]["articles"] == 2
        writer.ingest(_docs(2, 1))
        assert writer.stats()["counts"]["articles"] == 3
    with Store(db, read_only=True) as reader:
        assert reader.stats()["counts"]["articles"] == 3


def test_a_file_in_a_newer_storage_format_still_opens(tmp_path: Path) -> None:
    db = tmp_path / "t.duckdb"
    duckdb.connect(str(db)).close()  # DuckDB's own, newest format
    with Store(db) as store:
        store.ingest(_docs(0, 2))
        assert store.stats()["counts"]["articles"] == 2
