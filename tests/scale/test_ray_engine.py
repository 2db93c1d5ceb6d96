"""The real Ray engine on a local one-machine cluster: same Documents as the local engine."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.dataset as ds
import pytest
from scale_helpers import write_shards

from tripwire.scale.engine import Engine, RunSettings, run
from tripwire.scale.imports import import_output
from tripwire.store import Store

pytestmark = pytest.mark.slow


def _documents(output: Path) -> dict[str, str]:
    table = ds.dataset(output / "documents", format="parquet", partitioning="hive").to_table()
    return {row["id"]: row["document"] for row in table.select(["id", "document"]).to_pylist()}


def _errors(output: Path) -> list[tuple[str, str]]:
    entries = map(json.loads, (output / "errors.jsonl").open(encoding="utf-8"))
    return sorted((e["code"], e["where"]) for e in entries)


def test_ray_engine_matches_the_local_engine(tmp_path: Path) -> None:
    """One test, as starting Ray is slow: two stateful workers, then import into the store."""
    write_shards(tmp_path / "in")
    local, distributed = tmp_path / "local", tmp_path / "ray"
    expected = run(RunSettings(inputs=[str(tmp_path / "in")], output=str(local)))
    report = run(RunSettings(inputs=[f"file://{tmp_path / 'in'}"], output=str(distributed),
                             engine=Engine.ray, workers=2, batch_size=2))
    assert (report.shards, report.articles, report.events, report.skipped, report.lost) == (
        expected.shards, expected.articles, expected.events, expected.skipped, [])
    assert report.articles == 6
    assert _documents(distributed) == _documents(local)
    ray_errors = [(code, where.removeprefix("file://")) for code, where in _errors(distributed)]
    assert ray_errors == _errors(local)
    manifest = json.loads((distributed / "manifest.json").read_text(encoding="utf-8"))
    assert (manifest["engine"], manifest["complete"]) == ("ray", True)
    with Store(tmp_path / "t.duckdb") as store:
        assert import_output(str(distributed), store).added == 6
