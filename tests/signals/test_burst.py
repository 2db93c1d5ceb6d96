"""The burst rule: when a pair's cooperation rises too, by more incidents than its conflict does,
the pair is in the news (a summit), and the volume detectors stay silent. Whether cooperation
rose is a test that silences, so it is judged at `burst_p`, not at the alerts' threshold shared
among the dyads: in a store of many pairs a summit's cooperation is rarely that surprising."""

from __future__ import annotations

import dataclasses

import numpy as np

from tripwire.signals.detectors import Corpus, DyadDays, read_detectors
from tripwire.signals.ladder import load_ladder
from tripwire.signals.settings import AlertSettings, for_dyads

DAYS = 140
VISIT = range(130, 135)


def _summit(conflict: int, cooperation: int) -> DyadDays:
    """A pair with one quarrel a week and two cooperative acts every other day, then five days
    of a state visit with `conflict` quarrels and `cooperation` cooperative acts a day."""
    zeros = np.zeros(DAYS)
    days = DyadDays(conflict=zeros.copy(), material=zeros.copy(), weight=zeros.copy(),
                    weight_sq=zeros.copy(), cooperation=zeros.copy(),
                    rungs=np.zeros((load_ladder().top, DAYS)), forces=np.zeros((0, DAYS)),
                    articles=zeros.copy())
    days.conflict[:VISIT[0]:7] = 1
    days.cooperation[1:VISIT[0]:2] = 2
    for d in VISIT:
        days.conflict[d], days.cooperation[d] = conflict, cooperation
    days.weight[:] = 2.0 * days.conflict
    days.weight_sq[:] = 4.0 * days.conflict
    days.rungs[0] = days.conflict  # verbal conflict
    return days


def _conflict_surge(days: DyadDays, settings: AlertSettings) -> float:
    corpus = Corpus(articles=np.full(DAYS, 10.0), observed=np.ones(DAYS))
    readings, _ = read_detectors(days, corpus, load_ladder(), settings)
    return float(readings["conflict_surge"].p[VISIT[-1]])


def test_a_summit_silences_the_volume_detectors_in_a_store_of_many_pairs() -> None:
    settings = for_dyads(AlertSettings(), 30)
    visit = _summit(conflict=2, cooperation=3)
    assert _conflict_surge(visit, settings) == 1.0
    # judged at the shared threshold, the same cooperation would not have counted as a surge
    strict = dataclasses.replace(settings, burst_p=settings.p_fire)
    assert _conflict_surge(visit, strict) < settings.p_fire


def test_conflict_rising_more_than_cooperation_is_no_summit() -> None:
    settings = for_dyads(AlertSettings(), 30)
    assert _conflict_surge(_summit(conflict=2, cooperation=2), settings) < settings.p_fire
