"""`tripwire serve`: refuses a missing database, and serves the API when started for real."""

from __future__ import annotations

import shutil
from pathlib import Path

import httpx
import pytest
from server_world import REPO, ServeProcess, cli_env


def test_serve_refuses_a_missing_database(run_cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("TRIPWIRE_TOKEN", raising=False)
    result = run_cli("serve", "--db", str(tmp_path / "none.duckdb"))
    assert result.code == 1
    assert "database does not exist; run `tripwire ingest` first" in result.err
    assert "[E010]" in result.err
    assert not (tmp_path / "none.duckdb").exists()


def test_serve_starts_uvicorn(hand_made_db: Path, tmp_path: Path) -> None:
    copy = shutil.copy(hand_made_db, tmp_path / "copy.duckdb")
    with ServeProcess(copy) as server:
        body = httpx.get(f"{server.url}/api/events").json()
    assert body["total"] == 5
    assert f"tripwire dashboard on http://127.0.0.1:{server.port}/" in server.err
    assert "ingest disabled" in server.err


DEMO_TEXT = "Marovian troops shelled Valdoria on Monday."


@pytest.mark.parametrize("how", ["option", "environment"])
def test_serve_analyses_with_the_actor_file(hand_made_db: Path, tmp_path: Path, how: str) -> None:
    copy = shutil.copy(hand_made_db, tmp_path / "copy.duckdb")
    actors = str(REPO / "demo" / "actors.yaml")
    args = ["--actors", actors] if how == "option" else []
    env = cli_env(TRIPWIRE_ACTORS=actors if how == "environment" else None)
    with ServeProcess(copy, *args, env=env) as server:
        response = httpx.post(f"{server.url}/api/analyze",
                              json={"text": DEMO_TEXT, "published": "2026-10-05"}, timeout=120)
    assert response.status_code == 200, response.text
    assert {a["id"] for a in response.json()["actors"]} >= {"XMR", "XVA"}
    assert f"actor files {Path(actors).resolve() if how == 'option' else actors}" in server.err


def test_serve_refuses_a_missing_actor_file(run_cli, hand_made_db: Path, tmp_path: Path) -> None:
    result = run_cli("serve", "--db", str(hand_made_db), "--actors", str(tmp_path / "no.yaml"))
    assert result.code == 1
    assert "actor file not found" in result.err


def test_the_deploy_page_documents_every_serve_option() -> None:
    import typer.main

    from tripwire.cli import app

    serve = typer.main.get_command(app).commands["serve"]  # type: ignore[attr-defined]
    options = {o for p in serve.params for o in p.opts if o.startswith("--")} - {"--help"}
    page = (REPO / "docs" / "deploy.md").read_text(encoding="utf-8")
    undocumented = {o for o in options - {"--db", "--host", "--port"} if f"`{o}" not in page}
    assert undocumented == set()
    for words in ("TRIPWIRE_TOKEN", "read-only", "reverse proxy", "POST /api/analyze", "2 MB"):
        assert words in page
    assert "deploy.md" in (REPO / "mkdocs.yml").read_text(encoding="utf-8")
