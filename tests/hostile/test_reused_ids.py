"""An article id re-used for a different text is stored under a derived id and reported, never
dropped, by the CLI, the store and the HTTP ingest; the same text again is a duplicate."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi.testclient import TestClient

from tripwire.analyze import analyze
from tripwire.document import Article, content_hash
from tripwire.server.app import create_app
from tripwire.store import Store

DAY1 = [("a1", "Valdoria and Marovia held talks in Corvo on Monday."),
        ("a2", "Marovian artillery shelled the border town of Tessel.")]
DAY2 = [("a1", "The Northern Compact condemned the shelling of Tessel."),
        ("a2", "Marovian artillery shelled the border town of Tessel.")]


def write_jsonl(path: Path, records: list[tuple[str, str]]) -> Path:
    path.write_text("".join(json.dumps({"id": i, "text": t, "published": "2026-09-02"}) + "\n"
                            for i, t in records), encoding="utf-8")
    return path


def derived(article_id: str, text: str) -> str:
    return f"{article_id}~{content_hash(text)[:8]}"


def test_cli_stores_a_clashing_id_under_a_derived_id_and_says_so(run_cli,
                                                                  tmp_path: Path) -> None:
    db = str(tmp_path / "t.duckdb")
    run_cli("ingest", str(write_jsonl(tmp_path / "day1.jsonl", DAY1)), "--db", db, "--quiet")
    result = run_cli("ingest", str(write_jsonl(tmp_path / "day2.jsonl", DAY2)), "--db", db)
    assert result.code == 0, result.err
    new_id = derived("a1", DAY2[0][1])
    assert f"id a1 already used by a different article; stored as {new_id}" in result.err
    assert "stored 1 new article, 1 already stored" in result.err
    exported = run_cli("export", "--format", "jsonl", "--db", db).out.splitlines()
    stored = {d["id"]: d for d in map(json.loads, exported)}
    assert sorted(stored) == ["a1", new_id, "a2"]
    assert stored[new_id]["text"] == DAY2[0][1]
    assert all(e["id"].startswith(f"{new_id}:") for e in stored[new_id]["events"])


def test_store_renames_in_place_and_keeps_duplicates_out(tmp_path: Path) -> None:
    first = analyze(Article(id="x", text=DAY1[0][1], published="2026-09-01"))
    other = analyze(Article(id="x", text=DAY2[0][1], published="2026-09-02"))
    again = analyze(Article(id="x", text=DAY2[0][1], published="2026-09-02"))
    with Store(tmp_path / "s.duckdb") as store:
        assert store.ingest([first]).renamed == []
        result = store.ingest([other])
        assert (result.added, result.duplicates) == (1, 0)
        assert result.renamed == [("x", derived("x", DAY2[0][1]))]
        assert other.id == derived("x", DAY2[0][1])
        assert (store.ingest([again]).added, store.ingest([again]).duplicates) == (0, 1)
        ids = store.cursor().execute("SELECT id FROM articles ORDER BY id").fetchall()
        events = store.cursor().execute(
            "SELECT DISTINCT article_id FROM events ORDER BY 1").fetchall()
    assert [i for (i,) in ids] == ["x", derived("x", DAY2[0][1])]
    assert [i for (i,) in events] == [i for (i,) in ids]


def test_two_texts_with_one_id_in_one_batch_are_both_stored(tmp_path: Path) -> None:
    docs = [analyze(Article(id="same", text=t, published="2026-09-02")) for _, t in DAY2]
    with Store(tmp_path / "s.duckdb") as store:
        result = store.ingest(docs)
    assert result.added == 2
    assert [d.id for d in docs] == ["same", derived("same", DAY2[1][1])]


def test_http_ingest_stores_a_clashing_id_and_reports_it(tmp_path: Path) -> None:
    auth = {"Authorization": "Bearer secret"}
    client = TestClient(create_app(tmp_path / "h.duckdb", token="secret"))
    for _, text in (DAY1[0], DAY2[0]):
        body = {"articles": [{"id": "a1", "text": text, "published": "2026-09-02"}]}
        response = client.post("/api/ingest", json=body, headers=auth)
        assert response.status_code == 200, response.text
    answer = response.json()
    new_id = derived("a1", DAY2[0][1])
    assert (answer["added"], answer["document_ids"]) == (1, [new_id])
    assert answer["renamed"] == {"a1": new_id}
