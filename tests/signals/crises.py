"""Invented crises written as happenings, reported by several outlets, for the alert tests.

A happening is one real-world act on one day; `reports` turns happenings into articles: each is
told by one to three outlets on its day or the next, an outlet's reports of a day are one
article, and each happening has its own place so that it stays its own incident.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass

from signal_reports import Ev, day, report

from tripwire.document import Document

START = "2026-01-05"
OUTLETS = ("Wire", "Courier", "Herald", "Ledger", "Gazette")
VERBAL = ("ACCUSE", "REJECT", "THREATEN", "REQUEST")
MATERIAL = ("ASSAULT", "COERCE", "MOBILIZE", "SANCTION")
COOPERATIVE = ("CONSULT", "AGREE", "SUPPORT", "COOPERATE", "AID")


@dataclass(frozen=True)
class Happening:
    day: int
    type: str
    source: str
    target: str


def reports(happenings: list[Happening], seed: int, filler: int = 4,
            outlets: tuple[str, ...] = OUTLETS, days: int | None = None) -> list[Document]:
    """Articles telling the happenings, plus `filler` articles a day about nothing coded (the
    rest of the news), over `days` days (default: up to the last happening)."""
    rng = random.Random(seed)
    told: dict[tuple[int, str], list[Ev]] = defaultdict(list)
    for n, h in enumerate(happenings):
        for outlet in rng.sample(outlets, rng.randint(1, min(3, len(outlets)))):
            published = h.day + rng.choice((0, 0, 1))
            told[(published, outlet)].append(
                Ev(h.type, h.source, h.target, date=day(START, h.day), location=f"place{n}"))
    last = days if days is not None else max(h.day for h in happenings) + 1
    docs = [report(f"{outlet.lower()}-{d}", day(START, d), events, source=outlet)
            for (d, outlet), events in sorted(told.items()) if d < last]
    docs += [report(f"news-{d}-{k}", day(START, d), [], source=outlets[k % len(outlets)])
             for d in range(last) for k in range(filler)]
    return docs


def hostile_ramp(seed: int, invasion: int = 115, days: int = 130) -> list[Happening]:
    """A pair hostile all along (conflict share ~0.9, force from the first week) whose conflict
    rises steadily for months, then surges at `invasion`: about 10 conflict incidents a week at
    first, 40 the week before, 100 in the invasion week, ever more of them material."""
    rng = random.Random(seed)
    out = []
    for d in range(days):
        ramp = min(d / invasion, 1.0)
        rate = 14.0 if d >= invasion else 1.4 + 4.3 * ramp
        material = 0.65 if d >= invasion else 0.25 + 0.2 * ramp
        for _ in range(_poisson(rng, rate)):
            kind = rng.choice(MATERIAL) if rng.random() < material else rng.choice(VERBAL)
            source, target = rng.choice((("MAR", "VAL"), ("MAR", "VAL"), ("VAL", "MAR")))
            out.append(Happening(d, kind, source, target))
        if rng.random() < 0.08:
            out.append(Happening(d, rng.choice(COOPERATIVE), "VAL", "MAR"))
    return out


def steady_pairs(seed: int, days: int = 130) -> list[Happening]:
    """Unrelated pairs that go on as they were: a mix of cooperation and conflict at a steady
    rate, with the day-to-day noise of real reporting (some days several things at once)."""
    rng = random.Random(seed)
    pairs = [("OST", "KES", 0.6, 0.2), ("BRN", "TAL", 1.0, 0.5), ("ZEM", "QUR", 0.4, 0.7),
             ("KES", "BRN", 0.3, 0.3), ("TAL", "ZEM", 0.8, 0.1)]
    out = []
    for source, target, rate, hostility in pairs:
        for d in range(days):
            burst = 3 if rng.random() < 0.03 else 1
            for _ in range(_poisson(rng, rate * burst)):
                if rng.random() < hostility:
                    kind = rng.choice(MATERIAL if rng.random() < 0.3 else VERBAL)
                else:
                    kind = rng.choice(COOPERATIVE)
                out.append(Happening(d, kind, *rng.sample((source, target), 2)))
    return out


def summit(seed: int, days: int = 120, first: int = 80, last: int = 84) -> list[Happening]:
    """A pair on mixed terms whose coverage grows tenfold for a summit: every kind of act is
    told more, cooperation most."""
    rng = random.Random(seed)
    out = []
    for d in range(days):
        rate = 10.0 if first <= d <= last else 1.0
        for _ in range(_poisson(rng, rate)):
            kind = rng.choice(VERBAL) if rng.random() < 0.2 else rng.choice(COOPERATIVE)
            out.append(Happening(d, kind, *rng.sample(("OST", "KES"), 2)))
    return out


def _poisson(rng: random.Random, mean: float) -> int:
    """A Poisson draw by counting exponential gaps (the standard library has no Poisson)."""
    count, total = 0, rng.expovariate(1.0)
    while total < mean:
        count += 1
        total += rng.expovariate(1.0)
    return count
