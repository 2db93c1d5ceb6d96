"""A generated replay of a real crisis corpus, for the alert tests: four months of news from many
outlets in which one hostile pair ramps up for three months and then goes to war.

Shaped like the weekly series of a real interstate escalation that ended in a full-scale
invasion: the crisis pair's conflict incidents rise steadily from about 5 a week to about 40 in
the week before the invasion and about 100 in the invasion week, ever more of them material
(troops massed, sanctions, then force). Around it, what real news holds too:
- every day's coverage of a pair rises and falls with the news cycle (a day's rate is drawn from a
  gamma distribution, so counts are overdispersed like real ones), and an outlet telling a
  happening sometimes codes it as another type, dates it by its publication day or names no
  place, so one happening can become several incidents;
- many outlets of very different sizes, and the whole corpus grows as the crisis draws interest;
- background pairs that go on as they were, each with its own rate, hostility and burstiness;
- one-off stories: a single happening between two unrelated states told by a dozen outlets on
  one day;
- a summit: a pair whose coverage grows tenfold for five days, mostly cooperation;
- a crisis-related pair (an alliance and the aggressor) that quarrels more as the crisis grows,
  while the alliance supports the victim more, and misattributed conflict between the alliance
  and the victim at low volume (rejections aimed at the aggressor coded against the victim).
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
from signal_reports import Ev, day, report

from tripwire.document import Document

START = "2026-01-05"
DAYS = 120
INVASION = 98  # the first day of the invasion (a Monday, 14 weeks in)
AGGRESSOR, VICTIM, ALLIANCE, SUMMIT = "MAR", "VAL", "NAL", ("OST", "KES")
CRISIS = (AGGRESSOR, VICTIM)
# pairs that belong to the crisis: alerts on them are no false alarms
RELATED = {frozenset(CRISIS), frozenset((ALLIANCE, AGGRESSOR)), frozenset((ALLIANCE, VICTIM))}
BACKGROUND_STATES = ("BRN", "TAL", "ZEM", "QUR", "ARV", "BOL", "CAD", "DUN", "ELS", "FEN",
                     "GOR", "HAL", "IVR", "JOS", "KOV", "LUM", "MEN", "NYR", "PAV", "RUT",
                     "SEL", "TOR", "UDM", "VEX")
VERBAL = ("ACCUSE", "REJECT", "THREATEN", "REQUEST")
MATERIAL = ("MOBILIZE", "SANCTION", "COERCE", "ASSAULT")
COOPERATIVE = ("CONSULT", "AGREE", "SUPPORT", "COOPERATE", "AID")


@dataclass
class Happening:
    """One act on one day, told by `outlets` outlets."""

    day: int
    type: str
    source: str
    target: str
    outlets: int
    place: str


@dataclass
class Replay:
    """The generated corpus and what it holds."""

    documents: list[Document]
    background_pairs: list[frozenset[str]] = field(default_factory=list)
    one_off_pairs: list[frozenset[str]] = field(default_factory=list)


def crisis_rate(d: int) -> float:
    """Expected conflict incidents a day of the crisis pair: about 5 a week at first, rising
    geometrically to about 40 in the week before the invasion, 100 in the invasion week."""
    if d >= INVASION:
        return 100 / 7 if d < INVASION + 7 else 80 / 7
    return 5 / 7 * 8 ** (d / INVASION)


def material_share(d: int) -> float:
    return 0.65 if d >= INVASION else 0.3 + 0.15 * d / INVASION


class _Writer:
    """Happenings drawn with a day's news cycle, numbered places, a shared random source."""

    def __init__(self, rng: random.Random, nprng: np.random.Generator) -> None:
        self.rng, self.np = rng, nprng
        self.happenings: list[Happening] = []

    def day_count(self, rate: float, burstiness: float) -> int:
        """Poisson counts whose daily rate is gamma distributed (shape `burstiness`, mean
        `rate`): a negative binomial, as overdispersed as real daily counts."""
        return int(self.np.poisson(self.np.gamma(burstiness, rate / burstiness)))

    def add(self, d: int, kind: str, pair: tuple[str, str], outlets: int,
            shuffle: bool = True) -> None:
        source, target = self.rng.sample(pair, 2) if shuffle else pair
        self.happenings.append(Happening(d, kind, source, target, max(1, outlets),
                                         f"place{len(self.happenings)}"))


def generate(seed: int) -> Replay:
    rng, nprng = random.Random(seed), np.random.default_rng(seed)
    w = _Writer(rng, nprng)
    for d in range(DAYS):
        salience = 1.0 + 3.0 * min(d / INVASION, 1.0)  # outlets telling a crisis act
        for _ in range(w.day_count(crisis_rate(d), 1.5)):
            material = rng.random() < material_share(d)
            if material:
                kind = ("ASSAULT" if d >= INVASION and rng.random() < 0.6
                        else rng.choice(("MOBILIZE", "MOBILIZE", "SANCTION", "COERCE")))
            else:
                kind = rng.choice(VERBAL)
            # the aggressor acts most, the victim answers
            pair = CRISIS if rng.random() < 0.7 else (VICTIM, AGGRESSOR)
            w.add(d, kind, pair, 1 + int(nprng.poisson(salience)), shuffle=False)
        for _ in range(w.day_count(0.15 + 0.15 * min(d / INVASION, 1.0), 1.0)):
            w.add(d, rng.choice(("CONSULT", "CONSULT", "AGREE")), CRISIS, 1 + int(nprng.poisson(2)))
        # the alliance warns and sanctions the aggressor more as the crisis grows
        for _ in range(w.day_count(crisis_rate(d) * 0.2, 1.5)):
            kind = rng.choice(("THREATEN", "ACCUSE", "SANCTION", "REQUEST"))
            w.add(d, kind, (ALLIANCE, AGGRESSOR), 1 + int(nprng.poisson(2)), shuffle=False)
        # and supports the victim more too
        for _ in range(w.day_count(0.3 + crisis_rate(d) * 0.15, 1.0)):
            w.add(d, rng.choice(("SUPPORT", "AID", "CONSULT")), (ALLIANCE, VICTIM),
                  1 + int(nprng.poisson(1)))
        # rejections of the aggressor's demands, coded against the victim
        for _ in range(w.day_count(crisis_rate(d) * 0.04, 1.0)):
            w.add(d, rng.choice(("REJECT", "ACCUSE")), (ALLIANCE, VICTIM),
                  1 + int(nprng.poisson(1)), shuffle=False)
    background = _background(w)
    one_offs = _one_off_stories(w, background)
    _summit(w)
    return Replay(_told(w, seed), background, one_offs)


def _background(w: _Writer) -> list[frozenset[str]]:
    """Pairs of unrelated states that go on as they were, each with its own rate (0.05 to 1.2
    incidents a day), hostility and burstiness."""
    states = list(BACKGROUND_STATES)
    pairs: set[frozenset[str]] = set()
    while len(pairs) < 30:
        pairs.add(frozenset(w.rng.sample(states, 2)))
    ordered = sorted(tuple(sorted(p)) for p in pairs)
    for a, b in ordered:
        rate = w.rng.choice((0.05, 0.1, 0.2, 0.4, 0.7, 1.2))
        hostility = w.rng.uniform(0.1, 0.9)
        burstiness = w.rng.choice((0.5, 1.0, 2.0))
        for d in range(DAYS):
            for _ in range(w.day_count(rate, burstiness)):
                if w.rng.random() < hostility:
                    kind = w.rng.choice(MATERIAL[:3] if w.rng.random() < 0.3 else VERBAL)
                else:
                    kind = w.rng.choice(COOPERATIVE)
                w.add(d, kind, (a, b), 1 + int(w.np.poisson(1)))
    return [frozenset(p) for p in ordered]


def _one_off_stories(w: _Writer, background: list[frozenset[str]]) -> list[frozenset[str]]:
    """Four unrelated pairs each get one big story: one happening told by a dozen outlets or
    more on one day (an incident at sea, a diplomatic row)."""
    chosen = w.rng.sample(background, 4)
    for pair in chosen:
        d = w.rng.randrange(35, DAYS - 5)
        w.add(d, w.rng.choice(("ACCUSE", "COERCE", "THREATEN")), tuple(sorted(pair)),
              w.rng.randint(12, 20))
    return chosen


def _summit(w: _Writer) -> None:
    """Five days of a state visit: coverage of the pair grows tenfold, mostly cooperation, with
    the verbal quarrels the visit brings up."""
    for d in range(DAYS):
        rate = 6.0 if 70 <= d <= 74 else 0.6
        for _ in range(w.day_count(rate, 2.0)):
            kind = w.rng.choice(VERBAL) if w.rng.random() < 0.2 else w.rng.choice(COOPERATIVE)
            w.add(d, kind, SUMMIT, 1 + int(w.np.poisson(1.5 if rate > 1 else 0.5)))


def _told(w: _Writer, seed: int) -> list[Document]:
    """Articles: each outlet's reports of a day about one pair are one article. Outlets are of
    very different sizes (a few wires tell most). An outlet sometimes codes the act as another
    type of the same kind (a separate incident), gives no date of its own (the publication day
    counts) or names no place. Filler articles about nothing coded grow with the crisis."""
    rng = random.Random(seed + 1)
    outlets = [f"Outlet{k:02d}" for k in range(30)]
    weights = [1.0 / (k + 1) for k in range(30)]
    told: dict[tuple[int, str, frozenset[str]], list[Ev]] = defaultdict(list)
    for h in w.happenings:
        tellers = set()
        while len(tellers) < min(h.outlets, len(outlets)):
            tellers.add(rng.choices(outlets, weights)[0])
        for outlet in sorted(tellers):
            published = h.day + rng.choice((0, 0, 0, 1))
            kind = h.type
            if rng.random() < 0.15:
                kind = rng.choice(VERBAL if h.type in VERBAL else
                                  MATERIAL if h.type in MATERIAL else COOPERATIVE)
            own_date = day(START, h.day) if rng.random() < 0.85 else None
            place = h.place if rng.random() < 0.8 else None
            told[(published, outlet, frozenset((h.source, h.target)))].append(
                Ev(kind, h.source, h.target, date=own_date, location=place))
    docs = [report(f"{outlet.lower()}-{d}-{'-'.join(sorted(pair))}", day(START, d), events,
                   source=outlet)
            for (d, outlet, pair), events in sorted(told.items(), key=lambda kv: (
                kv[0][0], kv[0][1], sorted(kv[0][2]))) if d < DAYS]
    for d in range(DAYS):
        for k in range(20 + int(20 * min(d / INVASION, 1.0))):
            docs.append(report(f"news-{d}-{k}", day(START, d), [],
                               source=rng.choices(outlets, weights)[0]))
    return docs
