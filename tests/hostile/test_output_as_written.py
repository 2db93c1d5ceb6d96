"""Data reaches the terminal exactly as written: brackets in quotes and actor ids are text, not
rich markup (a quote's "[not]" was dropped, a "[/]" crashed `quotes`, `stats` and `signals`)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tripwire.document import (
    Actor,
    ActorRef,
    Document,
    Event,
    Location,
    Mention,
    Sentence,
    Trigger,
    content_hash,
)
from tripwire.store import Store

SOURCE, TARGET = "[bold]Valdoria", "[/]"


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")


def hostile_report(n: int, published: str, kind: str) -> Document:
    """One report of one event between two actors whose ids are markup-like."""
    text = f"Valdoria and Marovia ({n}) met."
    event = Event(
        id=f"h{n}:1", type=kind,
        quad="material_conflict" if kind == "ASSAULT" else "verbal_cooperation",
        intensity=-9.0 if kind == "ASSAULT" else 2.5, sentence=Sentence(0, len(text)),
        trigger=Trigger("met", len(text) - 4, len(text) - 1), date=published,
        date_precision="day", source=[ActorRef(SOURCE, "Valdoria", "XVA")],
        target=[ActorRef(TARGET, "Marovia", "XMR")], confidence=0.8,
        location=Location(name=f"town {n}"))  # each day's attack is its own incident
    actors = [Actor(SOURCE, "Valdoria [the state]", "state", "XVA",
                    mentions=[Mention(0, 8, "Valdoria")]),
              Actor(TARGET, "Marovia", "state", "XMR", mentions=[Mention(13, 20, "Marovia")])]
    return Document(id=f"h{n}", content_hash=content_hash(text), text=text, published=published,
                    source="Wire", sentences=[event.sentence], actors=actors, events=[event])


@pytest.fixture
def hostile_db(tmp_path: Path) -> str:
    """Thirty calm days, then ten days of attacks, between actors named like markup."""
    start = dt.date(2026, 8, 1)
    docs = [hostile_report(n, (start + dt.timedelta(days=n)).isoformat(),
                           "CONSULT" if n < 30 else "ASSAULT") for n in range(40)]
    path = tmp_path / "hostile.duckdb"
    with Store(path) as store:
        store.ingest(docs)
    return str(path)


def test_quotes_prints_bracketed_words_and_closing_tags_as_written(run_cli,
                                                                     tmp_path: Path) -> None:
    source = tmp_path / "q.txt"
    source.write_text('"The [Russian] army is [not] ready [/]," the Marovian minister said.\n',
                      encoding="utf-8")
    result = run_cli("quotes", str(source), "--published", "2026-09-01")
    assert result.code == 0, result.err
    assert "The [Russian] army is [not] ready [/]" in result.out


def test_stats_shows_actor_ids_as_written(run_cli, hostile_db: str) -> None:
    result = run_cli("stats", "--db", hostile_db)
    assert result.code == 0, result.err
    assert SOURCE in result.out and f" {TARGET} " in result.out


def test_signals_shows_the_dyad_as_written(run_cli, hostile_db: str) -> None:
    result = run_cli("signals", "--db", hostile_db, "--dyad", f"{SOURCE}->{TARGET}")
    assert result.code == 0, result.err
    assert f"signals: {SOURCE} -> {TARGET}" in result.out


def test_alerts_shows_the_dyad_as_written(run_cli, hostile_db: str) -> None:
    found = json.loads(run_cli("alerts", "--db", hostile_db, "--format", "json").out)
    assert found, "the attacks after thirty calm days should raise an alert"
    result = run_cli("alerts", "--db", hostile_db)
    assert result.code == 0, result.err
    assert {found[0]["source"], found[0]["target"]} == {SOURCE, TARGET}
    arrow = "->" if found[0]["directed"] else "<->"
    assert f"{found[0]['source']}{arrow}{found[0]['target']}" in result.out
    assert result.out.splitlines()[0].strip() == "1 alert"
