"""Re-running an ingest leaves stored articles out before parsing them: found by the hash of the
cleaned text, counted as already stored, never analysed again."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

import tripwire.pipeline
from tripwire.document import Document

TEXTS = ["Valdoria and Marovia held talks in Corvo on Monday.",
         "Marovian artillery shelled the border town of Tessel.",
         "The Northern Compact condemned the attack."]


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts that reach the parser, in order."""
    seen: list[str] = []
    finish = tripwire.pipeline.finish_many

    def counting(documents: Iterable[Document]) -> Iterator[Document]:
        def noted() -> Iterator[Document]:
            for document in documents:
                seen.append(document.text)
                yield document
        return finish(noted())

    monkeypatch.setattr(tripwire.pipeline, "finish_many", counting)
    return seen


def write_jsonl(path: Path, texts: list[str]) -> Path:
    path.write_text("".join(json.dumps({"id": f"r{n}", "text": t, "published": "2026-09-01"})
                            + "\n" for n, t in enumerate(texts)), encoding="utf-8")
    return path


def test_a_rerun_parses_nothing_and_says_what_was_stored(run_cli, parsed: list[str],
                                                         tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", TEXTS)
    db = str(tmp_path / "t.duckdb")
    assert run_cli("ingest", str(source), "--db", db).code == 0
    assert parsed == TEXTS
    parsed.clear()
    again = run_cli("ingest", str(source), "--db", db)
    assert again.code == 0, again.err
    assert parsed == []
    assert "ingested: 0 articles, 0 events, 0 skipped, 3 already stored" in again.err
    assert "stored 0 new articles, 3 already stored" in again.err


def test_a_rerun_with_one_new_text_parses_only_that_one(run_cli, parsed: list[str],
                                                        tmp_path: Path) -> None:
    db = str(tmp_path / "t.duckdb")
    run_cli("ingest", str(write_jsonl(tmp_path / "a.jsonl", TEXTS[:2])), "--db", db, "--quiet")
    parsed.clear()
    result = run_cli("ingest", str(write_jsonl(tmp_path / "b.jsonl", TEXTS)), "--db", db)
    assert parsed == [TEXTS[2]]
    assert "stored 1 new article, 2 already stored" in result.err
