"""What the server tests run against: a small hand-made database, fixed signals, a live server.

The hand-made database holds Documents written here (invented countries Ostland OST and
Westmark WMK), so the API tests know every expected value exactly whatever the analysis
stages do. The demo database is built once per session from demo/ with the real pipeline.
"""

from __future__ import annotations

import datetime as dt
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import uvicorn
from fastapi import FastAPI

from tripwire.document import (
    Actor,
    ActorRef,
    Document,
    Event,
    Mention,
    Quote,
    Sentence,
    Speaker,
    TimeExpr,
    Trigger,
    content_hash,
)
from tripwire.store import Store

REPO = Path(__file__).resolve().parents[2]
TOKEN = "test-token-4f1c"

TALKS = ('Ostland and Westmark held talks in Lindau on Monday. '
         'Foreign minister Anna Berg said: "We want calm borders."')
SHELLING = ("Westmark troops shelled the Ostland town of Kessel on Tuesday. "
            "Ostland accused Westmark of aggression.")
TANKS = ("Westmark massed tanks along the border on Wednesday. "
         "Westmark will not attack anyone, its army chief said.")


def at(text: str, phrase: str, nth: int = 0) -> tuple[int, int]:
    """Offsets of the nth occurrence of a phrase."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


def sentence_of(text: str, phrase: str) -> Sentence:
    start, end = at(text, phrase)
    return Sentence(start, end)


def mentions(text: str, phrase: str) -> list[Mention]:
    found, start = [], text.find(phrase)
    while start >= 0:
        found.append(Mention(start, start + len(phrase), phrase))
        start = text.find(phrase, start + 1)
    return found


def state(code: str, name: str, text: str) -> Actor:
    return Actor(id=code, name=name, kind="state", country=code, mentions=mentions(text, name))


def event(doc_id: str, n: int, text: str, sentence: str, trigger: str, kind: str, quad: str,
          source: str, target: str, date: str, modality: str = "asserted") -> Event:
    start, end = at(text, trigger)
    return Event(id=f"{doc_id}:{n}", type=kind, quad=quad, sentence=sentence_of(text, sentence),
                 trigger=Trigger(trigger, start, end), source=[ActorRef(source, source, source)],
                 target=[ActorRef(target, target, target)], date=date, date_precision="day",
                 modality=modality, confidence=0.9)


def document(doc_id: str, text: str, published: str, title: str, **parts: Any) -> Document:
    sentences = [Sentence(0, text.index(". ") + 1), Sentence(text.index(". ") + 2, len(text))]
    return Document(id=doc_id, content_hash=content_hash(text), text=text, published=published,
                    title=title, source="Test Wire", url=f"https://wire.invalid/{doc_id}",
                    sentences=sentences, **parts)


def hand_made_documents() -> list[Document]:
    monday = at(TALKS, "on Monday")
    talks = document(
        "talks", TALKS, "2026-03-02", "Ostland and Westmark meet in Lindau",
        actors=[state("OST", "Ostland", TALKS), state("WMK", "Westmark", TALKS),
                Actor("person:anna-berg", "Anna Berg", "person", country="OST", sector="GOV",
                      mentions=mentions(TALKS, "Anna Berg"))],
        quotes=[Quote("We want calm borders.", *at(TALKS, "We want calm borders."), "direct",
                      Speaker("person:anna-berg", "Anna Berg", *at(TALKS, "Anna Berg")), "said")],
        times=[TimeExpr("on Monday", *monday, "DATE", "2026-03-02", "2026-03-02", "2026-03-02")],
        events=[event("talks", 0, TALKS, "Ostland and Westmark held talks in Lindau on Monday.",
                      "held talks", "CONSULT", "verbal_cooperation", "OST", "WMK", "2026-03-02")])
    shelling = document(
        "shelling", SHELLING, "2026-03-10", "Westmark shells Kessel",
        actors=[state("WMK", "Westmark", SHELLING), state("OST", "Ostland", SHELLING)],
        events=[event("shelling", 0, SHELLING, "Westmark troops shelled the Ostland town of "
                      "Kessel on Tuesday.", "shelled", "ASSAULT", "material_conflict", "WMK",
                      "OST", "2026-03-10"),
                event("shelling", 1, SHELLING, "Ostland accused Westmark of aggression.",
                      "accused", "ACCUSE", "verbal_conflict", "OST", "WMK", "2026-03-10")])
    tanks = document(
        "tanks", TANKS, "2026-03-11", "Westmark masses tanks",
        actors=[state("WMK", "Westmark", TANKS)],
        quotes=[Quote("Westmark will not attack anyone", *at(TANKS, "Westmark will not attack "
                                                                   "anyone"), "indirect",
                      Speaker(None, "its army chief", *at(TANKS, "its army chief")), "said")],
        events=[event("tanks", 0, TANKS, "Westmark massed tanks along the border on Wednesday.",
                      "massed", "MOBILIZE", "material_conflict", "WMK", "OST", "2026-03-11"),
                event("tanks", 1, TANKS, "Westmark will not attack anyone, its army chief said.",
                      "attack", "ASSAULT", "material_conflict", "WMK", "OST", "2026-03-11",
                      modality="negated")])
    return [talks, shelling, tanks]


ALERT = {
    "id": "alert:wmk-ost", "source": "WMK", "target": "OST", "start": dt.date(2026, 3, 10),
    "end": dt.date(2026, 3, 11), "level": "warning",
    "first_at_level": {"watch": dt.date(2026, 3, 10), "warning": dt.date(2026, 3, 11)},
    "detectors": ["ladder"], "strength": 3.2, "event_ids": ["shelling:0", "tanks:0"],
    "incident_ids": ["inc:shelling", "inc:tanks"],
    "summary": "WMK->OST: warning from 2026-03-10, driven by 2 conflict incidents",
    "findings": [], "breakdown": "2 conflict incidents (1 ASSAULT, 1 MOBILIZE)", "evidence": [],
}


class FixedSignals:
    """A signals source with one known alert, series and index, so that the dashboard's path
    from an alert to a sentence is tested whatever the signals stage computes."""

    note = None

    def __init__(self) -> None:
        self.refreshed = 0

    def refresh(self, store: Store) -> None:
        self.refreshed += 1

    def alerts(self, store: Store) -> list[dict[str, Any]]:
        return [dict(ALERT)]

    def series(self, store: Store, dyad: tuple[str, str] | None, actor: str | None,
               start: dt.date | None, end: dt.date | None, by: str,
               directed: bool) -> list[dict[str, Any]]:
        days = [dt.date(2026, 3, 9), dt.date(2026, 3, 10), dt.date(2026, 3, 11)]
        conflict = [0, 1, 1]
        return [{"period": d, "incidents": c, "verbal_cooperation": 0,
                 "material_cooperation": 0, "verbal_conflict": 0, "material_conflict": c}
                for d, c in zip(days, conflict, strict=True)]

    def index(self, store: Store, dyad: tuple[str, str], start: dt.date | None,
              end: dt.date | None) -> list[dict[str, Any]]:
        return [{"period": dt.date(2026, 3, 9), "index": 0.0, "share": 0.1, "baseline": 0.1,
                 "change": False},
                {"period": dt.date(2026, 3, 10), "index": 2.8, "share": 0.9, "baseline": 0.1,
                 "change": True}]


def build_hand_made(path: Path) -> Path:
    with Store(path) as store:
        store.ingest(hand_made_documents())
    return path


@contextmanager
def serving(app: FastAPI) -> Iterator[str]:
    """Run the app with uvicorn on 127.0.0.1 in a thread; yields its base URL."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
