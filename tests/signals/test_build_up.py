"""The build-up detectors on day-by-day sums: troops massed after months of arrests are a new
kind of force, and with more conflict an escalation; a pair that turns to a new instrument every
few weeks is surprised by nothing; the threshold is shared among the dyads a store judges."""

from __future__ import annotations

import numpy as np

from tripwire.signals.detectors import Corpus, DyadDays, read_detectors
from tripwire.signals.ladder import load_ladder
from tripwire.signals.settings import AlertSettings, for_dyads

DAYS = 160


def _days(acts: dict[int, list[str]]) -> DyadDays:
    """Daily sums of a dyad whose conflict incidents are `acts` (day -> PLOVER types)."""
    ladder = load_ladder()
    forces = ladder.types_from(AlertSettings().ladder_rung)
    zeros = np.zeros(DAYS)
    days = DyadDays(conflict=zeros.copy(), material=zeros.copy(), weight=zeros.copy(),
                    weight_sq=zeros.copy(), cooperation=zeros.copy(),
                    rungs=np.zeros((ladder.top, DAYS)), forces=np.zeros((len(forces), DAYS)),
                    articles=zeros.copy())
    for day, kinds in acts.items():
        for kind in kinds:
            days.conflict[day] += 1
            days.weight[day] += 5.0
            days.weight_sq[day] += 25.0
            days.rungs[ladder.rung_of[kind] - 1, day] += 1
            days.material[day] += ladder.rung_of[kind] >= 3  # protests, sanctions and up
            if kind in forces:
                days.forces[forces.index(kind), day] += 1
    return days


def _read(days: DyadDays, day: int) -> dict[str, float]:
    corpus = Corpus(articles=np.full(DAYS, 10.0), observed=np.ones(DAYS))
    readings, _ = read_detectors(days, corpus, load_ladder(), AlertSettings())
    return {name: float(r.p[day]) for name, r in readings.items()}


def test_troops_massed_after_months_of_arrests_are_an_escalation() -> None:
    calm = {d: ["COERCE" if d % 21 == 0 else "ACCUSE"] for d in range(0, 140, 7)}
    build_up = {140: ["MOBILIZE", "ACCUSE"], 141: ["MOBILIZE", "THREATEN"], 143: ["COERCE"],
                144: ["MOBILIZE", "REJECT"]}
    p = _read(_days(calm | build_up), 145)
    assert p["new_force"] < 0.05
    assert p["escalation"] < p["conflict_surge"] and p["escalation"] < 1e-3
    # without the troops, the same volume is no escalation
    words = {d: ["ACCUSE"] * len(kinds) for d, kinds in build_up.items()}
    assert _read(_days(calm | words), 145)["escalation"] == 1.0


def test_a_pair_that_turns_to_new_instruments_often_is_not_surprised() -> None:
    """Each kind of force the baseline saw was seen once: by Good and Turing, a new one is
    likely, so one more is no news."""
    varied = {d: ["ACCUSE"] for d in range(0, 140, 7)}
    varied |= {30: ["COERCE"], 90: ["ASSAULT"]}
    p = _read(_days(varied | {141: ["MOBILIZE"], 143: ["ACCUSE"]}), 145)
    assert p["new_force"] > 0.05


def test_the_threshold_is_shared_among_the_dyads_judged() -> None:
    settings = AlertSettings()
    shared = for_dyads(settings, 20)
    assert shared.p_fire == settings.p_fire / 20 and shared.p_strong == settings.p_strong / 20
    assert for_dyads(settings, 0).p_fire == settings.p_fire
