"""The sustained detector: an alert is confirmed by the days after it was first raised, which it
did not know when it was raised. An escalation that goes on passes; a surge followed by the
pair's usual news does not; a confirmed warning worse in kind is an alarm, one in words only or
unconfirmed stays a warning."""

from __future__ import annotations

import numpy as np

from tripwire.signals.alerts import DyadReading, confirmed
from tripwire.signals.detectors import (
    Corpus,
    DyadDays,
    Reading,
    make_windows,
    sustained_reading,
)
from tripwire.signals.settings import AlertSettings

DAYS = 150
RAISED = 130  # the day the alert was first raised


def _days(conflict: dict[int, int]) -> DyadDays:
    """A dyad with `conflict[d]` conflict incidents on day d and nothing else."""
    zeros = np.zeros(DAYS)
    counts = zeros.copy()
    for d, n in conflict.items():
        counts[d] = n
    return DyadDays(conflict=counts, material=zeros.copy(), weight=5.0 * counts,
                    weight_sq=25.0 * counts, cooperation=zeros.copy(),
                    rungs=np.zeros((5, DAYS)), forces=np.zeros((0, DAYS)), articles=zeros.copy())


def _weekly(until: int) -> dict[int, int]:
    """About one conflict incident a week, the pair's usual news."""
    return {d: 1 for d in range(0, until, 7)}


def _raised(first: int = RAISED, last: int = DAYS - 1) -> np.ndarray:
    raised = np.full(DAYS, -1)
    raised[first:last + 1] = first
    return raised


def _read(conflict: dict[int, int], raised: np.ndarray) -> np.ndarray:
    settings = AlertSettings()
    windows = make_windows(Corpus(np.full(DAYS, 10.0), np.ones(DAYS)), settings)
    return sustained_reading(_days(conflict), windows, raised, settings).p


def test_an_escalation_that_goes_on_after_it_was_raised_is_confirmed() -> None:
    surge = {d: 2 for d in range(RAISED - 6, RAISED + 1)}
    went_on = {d: 2 for d in range(RAISED + 1, RAISED + 8)}
    p = _read(_weekly(RAISED - 6) | surge | went_on, _raised())
    assert p[RAISED + 7] < 1e-6
    # it reads only days after the raising: the surge that raised the alert counts for nothing
    assert p[RAISED] == 1.0
    assert _read(_weekly(RAISED - 6) | surge, _raised())[RAISED + 7] > 0.05


def test_a_surge_followed_by_the_usual_news_is_not_confirmed() -> None:
    surge = {d: 3 for d in range(RAISED - 3, RAISED + 1)}
    usual = {d: 1 for d in range(RAISED + 4, DAYS, 7)}
    p = _read(_weekly(RAISED - 3) | surge | usual, _raised())
    assert p.min() > 0.05


def test_days_outside_an_alert_are_not_read() -> None:
    busy = {d: 3 for d in range(100, DAYS)}
    p = _read(_weekly(100) | busy, np.full(DAYS, -1))
    assert (p == 1.0).all()


def _kind(material_p: float) -> dict[str, Reading]:
    """Readings of the kind group: material conflict at `material_p` every day, no new rung."""
    ones = np.ones(DAYS)
    return {"material_surge": Reading("material_surge", material_p * ones, ones, ones),
            "ladder": Reading("ladder", ones, ones, ones)}


def test_a_confirmed_warning_worse_in_kind_is_an_alarm() -> None:
    settings = AlertSettings()
    days = _days(_weekly(RAISED - 6) | {d: 2 for d in range(RAISED - 6, DAYS)})
    windows = make_windows(Corpus(np.full(DAYS, 10.0), np.ones(DAYS)), settings)
    levels = np.zeros(DAYS, dtype=int)
    levels[RAISED:RAISED + 10] = 1  # a watch
    levels[RAISED + 10:] = 2  # then a warning
    reading = DyadReading(("A", "B"), days, _kind(1e-9), windows, np.zeros(DAYS), levels)
    lifted = confirmed(reading, levels, settings)
    assert (lifted[:RAISED + 10] == levels[:RAISED + 10]).all()  # a watch stays a watch
    assert (lifted[RAISED + 10:] == 3).all()
    assert "sustained" in reading.readings
    # the same, in words only: a warning however long it goes on
    words = DyadReading(("A", "B"), days, _kind(1.0), windows, np.zeros(DAYS), levels)
    assert (confirmed(words, levels, settings) == levels).all()
    # a gap longer than the cool-down starts a new alert, raised afresh
    levels[:] = 0
    levels[100] = 1
    levels[100 + settings.cooldown_days + 2:] = 1
    confirmed(reading, levels, settings)
    raised = reading.readings["sustained"].extra["raised"]
    assert raised[100] == 100 and raised[-1] == 100 + settings.cooldown_days + 2
