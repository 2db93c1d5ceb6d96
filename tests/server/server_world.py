"""What the server tests run against: a small hand-made database, fixed signals, a live server.

The hand-made database holds Documents written here (invented countries Ostland OST and
Westmark WMK), so the API tests know every expected value exactly whatever the analysis
stages do. The demo database is built once per session from demo/ with the real pipeline.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
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


def document(doc_id: str, text: str, published: str, title: str, url: str | None = None,
             **parts: Any) -> Document:
    sentences = [Sentence(0, text.index(". ") + 1), Sentence(text.index(". ") + 2, len(text))]
    return Document(id=doc_id, content_hash=content_hash(text), text=text, published=published,
                    title=title, source="Test Wire", url=url or f"https://wire.invalid/{doc_id}",
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


# Ids as outlets write them: paths, query strings, fragments, spaces, non-ASCII, a percent sign.
ODD_IDS = ("bbc/2026/10/01/story", "wire?id=7#top", "two words", "Zürich/Bericht ✓", "100%/..")
# An actor id with a hyphen, as the registry's EU-COMMISSION has.
ARMY = "WM-ARMY"


def odd_documents() -> list[Document]:
    """One shelling report per odd id, the Westmark army shelling Ostland; the last one's
    "original" URL is a script, which the dashboard must not link."""
    docs = []
    for day, doc_id in enumerate(ODD_IDS, start=1):
        text = (f"The Westmark Army shelled Kessel on March {day}. "
                f"Ostland counted {day} craters.")
        url = "javascript:alert(1)" if doc_id == ODD_IDS[-1] else None
        army = Actor(ARMY, "Westmark Army", "military", country="WMK", sector="MIL",
                     mentions=mentions(text, "Westmark Army"))
        docs.append(document(
            doc_id, text, f"2026-03-{day:02d}", f"Kessel shelled, day {day}", url=url,
            actors=[army, state("OST", "Ostland", text)],
            events=[event(doc_id, 0, text, f"The Westmark Army shelled Kessel on March {day}.",
                          "shelled", "ASSAULT", "material_conflict", ARMY, "OST",
                          f"2026-03-{day:02d}")]))
    return docs


def build_odd(path: Path) -> Path:
    with Store(path) as store:
        store.ingest(odd_documents())
    return path


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

    def __init__(self, alerts: list[dict[str, Any]] | None = None) -> None:
        self.refreshed = 0
        self._alerts = [ALERT] if alerts is None else alerts

    def current(self, store: Store) -> bool:
        return True

    def refresh(self, store: Store) -> None:
        self.refreshed += 1

    def alerts(self, store: Store) -> list[dict[str, Any]]:
        return [dict(alert) for alert in self._alerts]

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


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def cli_env(**extra: str | None) -> dict[str, str]:
    """This process's environment for a `python -m tripwire` child: this checkout's sources
    first, no token unless given, `extra` set (a None value removes the variable)."""
    paths = [str(REPO / "src"), *filter(None, [os.environ.get("PYTHONPATH")])]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}
    env.pop("TRIPWIRE_TOKEN", None)
    env.pop("TRIPWIRE_ACTORS", None)
    for name, value in extra.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


class ServeProcess:
    """`tripwire serve` in a child process: `url` once it answers, `err` (its stderr) once ended."""

    def __init__(self, db: Path, *args: str, env: dict[str, str] | None = None) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.err = ""
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tripwire", "serve", "--db", str(db), "--port",
             str(self.port), *args], env=env or cli_env(), stderr=subprocess.PIPE, text=True)

    def __enter__(self) -> ServeProcess:
        deadline = time.monotonic() + 120
        while True:
            try:
                httpx.get(self.url + "/api/events", timeout=5)
                return self
            except httpx.TransportError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.__exit__()
                    raise RuntimeError(f"tripwire serve did not start: {self.err}") from None
                time.sleep(0.1)

    def __exit__(self, *exc: object) -> None:
        self.process.terminate()
        _, self.err = self.process.communicate(timeout=30)


def open_dashboard(browser: Any, url: str, errors: list[str], width: int = 1400,
                   height: int = 1000) -> Any:  # a playwright Page
    """The dashboard, loaded; console errors, page errors, off-site requests and an error
    shown in the page go to `errors`."""
    page = browser.new_page(viewport={"width": width, "height": height})
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("request", lambda req: errors.append(f"off-site request {req.url}")
            if not req.url.startswith(url) else None)
    page.goto(url + "/")
    page.wait_for_selector("body[data-ready=true]", timeout=30_000)
    if page.locator("#error").is_visible():
        errors.append("shown: " + page.locator("#error-text").inner_text())
    return page
