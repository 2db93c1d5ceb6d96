"""The spine's command-line contract: JSONL in/out, storing, and clear errors for bad input."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

REPORTS = [
    "Valdoria and Marovia held talks in Corvo on Monday.",
    "Marovian artillery shelled the border town of Tessel.",
    "The Northern Compact condemned the attack.",
]


def write_jsonl(path: Path, texts: list[str], prefix: str = "r") -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for n, text in enumerate(texts):
            handle.write(json.dumps({"id": f"{prefix}{n}", "text": text,
                                     "published": "2026-09-01"}) + "\n")
    return path


def test_analyze_jsonl_gives_one_document_a_line_in_input_order(run_cli, tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", REPORTS)
    result = run_cli("analyze", str(source), "--quiet")
    assert result.code == 0
    docs = [json.loads(line) for line in result.out.splitlines()]
    assert [d["id"] for d in docs] == ["r0", "r1", "r2"]
    for doc, text in zip(docs, REPORTS, strict=True):
        assert doc["schema"] == "tripwire/1"
        assert doc["text"] == text
        assert doc["published"] == "2026-09-01"
        for key in ("kicker", "subheads", "captions", "removed", "sentences", "entities",
                    "actors", "quotes", "times", "events"):
            assert key in doc
        assert all(0 <= s["start"] < s["end"] <= len(doc["text"]) for s in doc["sentences"])


def test_bad_line_is_skipped_and_counted_unless_strict(run_cli, tmp_path: Path) -> None:
    source = tmp_path / "mixed.jsonl"
    source.write_text('{"id": "ok", "text": "The weather was mild."}\nnot json\n')
    result = run_cli("analyze", str(source))
    assert result.code == 0
    assert [json.loads(x)["id"] for x in result.out.splitlines()] == ["ok"]
    assert f"{source}:2: invalid JSON" in result.err
    assert "1 article, 0 events, 1 skipped" in result.err
    strict = run_cli("analyze", str(source), "--strict")
    assert strict.code == 1
    assert f"error: {source}:2: invalid JSON" in strict.err


def test_bad_inputs_give_one_clear_line_and_non_zero_exit(run_cli, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    cases = [
        (("analyze", str(tmp_path / "nope.txt")), "no such file or directory"),
        (("analyze", str(empty)), "empty file"),
        (("analyze", str(empty), "--published", "31/31/31"), "date does not parse"),
        (("stats", "--db", str(tmp_path / "none.duckdb")), "database does not exist"),
    ]
    for args, message in cases:
        result = run_cli(*args)
        assert result.code != 0, args
        assert message in result.err, (args, result.err)
        assert "Traceback" not in result.err


def test_unknown_format_is_a_usage_error(run_cli, tmp_path: Path) -> None:
    result = run_cli("analyze", "x.txt", "--format", "xml")
    assert result.code == 2
    assert "'xml' is not one of" in result.err


def test_ingest_twice_adds_nothing_the_second_time(run_cli, tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", REPORTS)
    db = tmp_path / "t.duckdb"
    first = run_cli("ingest", str(source), "--db", str(db))
    assert first.code == 0 and "stored 3 new articles, 0 already stored" in first.err
    second = run_cli("ingest", str(source), "--db", str(db))
    assert "stored 0 new articles, 3 already stored" in second.err
    stats = run_cli("stats", "--db", str(db), "--format", "json")
    assert json.loads(stats.out)["counts"]["articles"] == 3


def test_export_jsonl_returns_the_stored_documents(run_cli, tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", REPORTS)
    db = tmp_path / "t.duckdb"
    run_cli("ingest", str(source), "--db", str(db), "--quiet")
    result = run_cli("export", "--format", "jsonl", "--db", str(db))
    assert sorted(json.loads(x)["id"] for x in result.out.splitlines()) == ["r0", "r1", "r2"]


@pytest.mark.slow
def test_sigkill_mid_ingest_leaves_whole_batches_and_rerun_completes(tmp_path: Path) -> None:
    texts = [f"Report {n}: Valdoria and Marovia exchanged notes about crossing {n}."
             for n in range(400)]
    source = write_jsonl(tmp_path / "many.jsonl", texts)
    db = tmp_path / "kill.duckdb"
    command = [sys.executable, "-m", "tripwire", "ingest", str(source), "--db", str(db),
               "--batch-size", "7", "--quiet"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    wal = Path(f"{db}.wal")
    while time.monotonic() < deadline and process.poll() is None:
        if wal.exists() and wal.stat().st_size > 0:
            time.sleep(0.3)
            break
        time.sleep(0.05)
    killed = process.poll() is None
    if killed:
        os.kill(process.pid, signal.SIGKILL)
    process.wait()
    con = duckdb.connect(str(db))
    stored = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    con.close()
    assert killed, "ingest finished before it could be killed; make the input larger"
    assert stored % 7 == 0 and stored < 400
    subprocess.run(command, check=True, stderr=subprocess.PIPE)
    con = duckdb.connect(str(db))
    assert con.execute("SELECT count(*), count(DISTINCT content_hash) FROM articles").fetchone() \
        == (400, 400)


def test_pathological_article_is_refused_quickly_with_a_message(run_cli, tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    huge.write_text("Go. " * 100_000)  # 100,000 sentences in one paragraph
    small = tmp_path / "small.txt"
    small.write_text("Valdoria and Marovia held talks.")
    result = run_cli("analyze", str(huge), str(small), "--quiet")
    assert result.code == 0
    assert f"{huge}: article too long to analyse: 399,999 characters" in result.err
    assert len(result.out.splitlines()) == 1
