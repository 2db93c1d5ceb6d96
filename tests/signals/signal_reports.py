"""Invented reports whose events are written by hand, for the signals tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

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

# PLOVER's quads and the coder's intensities (src/tripwire/events/data/types.yaml).
QUAD = {"CONSULT": "verbal_cooperation", "AGREE": "verbal_cooperation",
        "SUPPORT": "verbal_cooperation", "COOPERATE": "material_cooperation",
        "AID": "material_cooperation", "REQUEST": "verbal_conflict",
        "ACCUSE": "verbal_conflict", "REJECT": "verbal_conflict", "THREATEN": "verbal_conflict",
        "SANCTION": "material_conflict", "COERCE": "material_conflict",
        "MOBILIZE": "material_conflict", "ASSAULT": "material_conflict"}
INTENSITY = {"CONSULT": 2.5, "AGREE": 4.0, "SUPPORT": 3.5, "COOPERATE": 9.5, "AID": 10.0,
             "REQUEST": 0.0, "ACCUSE": -2.0, "REJECT": -4.0, "THREATEN": -3.5,
             "SANCTION": -4.5, "COERCE": -7.0, "MOBILIZE": -5.5, "ASSAULT": -9.0}
NAMES = {"VAL": "Valdoria", "MAR": "Marovia", "OST": "Ostland", "KES": "Kestria",
         "BRN": "Brennia", "TAL": "Taluria", "ZEM": "Zembla", "QUR": "Qurland",
         # more invented states, for the replay of a whole crisis corpus (replay.py)
         "ARV": "Arvenia", "BOL": "Bolmark", "CAD": "Cadrissa", "DUN": "Dunmere",
         "ELS": "Elsport", "FEN": "Fenwary", "GOR": "Gorvath", "HAL": "Halcyra",
         "IVR": "Ivrane", "JOS": "Joskary", "KOV": "Kovrin", "LUM": "Lumbria",
         "MEN": "Menthos", "NYR": "Nyrvald", "PAV": "Pavonia", "RUT": "Rutheny",
         "SEL": "Selvary", "TOR": "Torvik", "UDM": "Udmarsk", "VEX": "Vexland",
         "NAL": "Nordmark League"}


@dataclass
class Ev:
    """One hand-coded event of an invented report."""

    type: str
    source: str = "MAR"
    target: str = "VAL"
    date: str | None = None
    modality: str = "asserted"
    location: str | None = None
    mode: str | None = None
    trigger: str = "hit"
    mentions: int = 1
    precision: str = "day"


def report(doc_id: str, published: str, events: list[Ev], source: str = "Wire") -> Document:
    """A Document whose text has one sentence an event, with the actors mentioned in it."""
    text, sentences, coded, mentions = "", [], [], {}
    for n, ev in enumerate(events):
        start = len(text)
        sentence = f"{NAMES[ev.source]} {ev.trigger} {NAMES[ev.target]} ({doc_id} {n})."
        text += sentence + " "
        for actor in (ev.source, ev.target):
            offset = start + sentence.index(NAMES[actor])
            mentions.setdefault(actor, []).append(
                Mention(offset, offset + len(NAMES[actor]), NAMES[actor]))
        trig = start + len(NAMES[ev.source]) + 1
        trigger = Trigger(ev.trigger, trig, trig + len(ev.trigger))
        sentences.append(Sentence(start, start + len(sentence)))
        coded.append(Event(
            id=f"{doc_id}:{n}", type=ev.type, quad=QUAD[ev.type], intensity=INTENSITY[ev.type],
            mode=ev.mode, sentence=sentences[-1], trigger=trigger,
            source=[ActorRef(ev.source, NAMES[ev.source], ev.source)],
            target=[ActorRef(ev.target, NAMES[ev.target], ev.target)],
            date=ev.date, date_precision=ev.precision if ev.date else None,
            location=Location(name=ev.location), modality=ev.modality, confidence=0.8,
            mentions=[trigger] * ev.mentions))
    if not events:
        text = f"Nothing between states was reported ({doc_id})."
    actors = [Actor(a, NAMES[a], "state", a, mentions=m) for a, m in sorted(mentions.items())]
    return Document(id=doc_id, content_hash=content_hash(text + doc_id), text=text.strip(),
                    source=source, published=published, sentences=sentences, actors=actors,
                    events=coded)


def day(start: str, offset: int) -> str:
    return (dt.date.fromisoformat(start) + dt.timedelta(days=offset)).isoformat()
