import os

import pytest

from tripwire import pipeline
from tripwire.document import Article
from tripwire.errors import BadRecord
from tripwire.pipeline import THREAD_VARIABLES, _one_thread_each, analyze_stream

pytestmark = pytest.mark.slow


def test_worker_thread_limits_apply_only_while_the_pool_starts(monkeypatch) -> None:
    monkeypatch.setenv("OMP_NUM_THREADS", "8")
    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    with _one_thread_each():
        assert all(os.environ[name] == "1" for name in THREAD_VARIABLES)
    assert os.environ["OMP_NUM_THREADS"] == "8"
    assert "OPENBLAS_NUM_THREADS" not in os.environ


def test_two_workers_keep_input_order_and_pass_bad_records_through() -> None:
    items = [Article(text=f"Report {n}: Valdoria and Marovia held talks.", id=f"r{n}")
             for n in range(20)]
    items.insert(5, BadRecord("E005", "invalid JSON", "in.jsonl:6"))
    results = list(analyze_stream(items, workers=2))
    assert [getattr(r, "id", None) for r in results] == [getattr(i, "id", None) for i in items]
    assert isinstance(results[5], BadRecord) and results[5].where == "in.jsonl:6"


def test_spawned_workers_warm_up_and_give_the_same_documents(monkeypatch) -> None:
    """Platforms without fork spawn fresh workers; their results equal the forked pool's."""
    items = [Article(text=f"On Monday {n} soldiers shelled Marovia, officials said.", id=f"s{n}",
                     published="2024-03-06") for n in range(6)]
    forked = [d.to_dict() for d in analyze_stream(items, workers=2)]
    monkeypatch.setattr(pipeline.mp, "get_all_start_methods", lambda: ["spawn"])
    spawned = [d.to_dict() for d in analyze_stream(items, workers=2)]
    assert spawned == forked
    assert all(d["events"] for d in spawned)
