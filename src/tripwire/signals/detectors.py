"""Escalation detectors: each compares a dyad's recent window with its own longer baseline.

Every day `i` is judged on the recent windows (the `short_days`, `recent_days` and `long_days`
ending on `i`) against the baseline (the `baseline_days` that end where each recent window
begins), so a steady rise keeps firing as it steepens, and a dyad that was hostile all along is judged on how much more, how
much worse and how much higher up the ladder it goes, not on its share of conflict.

Counts are judged by a gamma-Poisson model (scipy): the baseline rate is uncertain (a gamma
posterior from the baseline's incidents plus `prior_incidents`), and days burstier than Poisson
widen the tail further (a negative binomial whose dispersion comes from the baseline's daily
counts), so one busy day in the baseline, or an empty baseline, does not make a handful of
incidents a crisis. Only days on which articles could have reported something are counted as
observed, so a sparse corpus is not read as a calm one.

Detectors and what they see:
- conflict_surge: conflict incidents (verbal and material) in the recent window.
- material_surge: material conflict incidents (protests, sanctions, troops, coercion, force).
- intensity_surge: the conflict weight (sum of |PLOVER intensity|), as a scaled (quasi-)Poisson
  count in units of E[w^2]/E[w], so a shift from accusations to assaults counts.
- ladder: the first incidents on a rung of the escalation ladder the baseline never reached.
- new_force (context): days with the first incidents of a kind of force (a type on rung
  `ladder_rung` or higher: troops massed, coercion, assault) the baseline never saw, on whatever
  rung the baseline reached: troops massed on a border after months of arrests and the odd
  skirmish. Alone it is a hint (coders misread a word as troops); it supports an alert, and it
  feeds the escalation detector.
- escalation: conflict_surge and new_force together, by Fisher's method (scipy
  `combine_pvalues`): more conflict *and* a new instrument of force, each only moderately
  surprising alone, is a build-up. new_force is judged given the days with conflict, so the two
  are close to independent under the baseline, as Fisher's method needs.
- conflict_share: the share of the dyad's incidents that are conflict, against its baseline
  share (the count model, with the dyad's incidents as the exposure).
- cooperation_collapse (context): fewer cooperative incidents than the baseline predicts.
- attention (context): the share of all stored articles that mention both sides (all articles
  are its exposure).
- sustained (confirmation): the conflict incidents dated after an alert was first raised,
  against the baseline that raised it. It scores no points: it reads only days the alert did
  not yet know when it was raised, so it is a fresh test of the same escalation, and a warning
  worse in kind that it confirms is an alarm (see `tripwire.signals.alerts`).

A burst of coverage raises every count, so on days when cooperation surges too (at `burst_p`), by
more incidents than conflict does (`burst_ratio`), the volume detectors stay silent (a summit
is news, not escalation), and they stay silent while such a day is inside the recent window;
a burst seen in any window (the shortest sees it sharpest) is a burst for every window. The
kind of conflict (material, up the ladder, a new kind of force) still counts.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import numpy as np
from scipy import stats

from tripwire.errors import TripwireError
from tripwire.signals.ladder import Ladder
from tripwire.signals.settings import AlertSettings, recent_windows

# Detectors in groups that see the same thing (the volume of conflict is its count and its
# weight alike): a group scores once, by its strongest member, so correlated detectors do not
# add up. Context groups support an alert but never open one.
GROUPS = {"volume": ("conflict_surge", "intensity_surge", "escalation"),
          "kind": ("material_surge", "ladder"),
          "share": ("conflict_share",),
          "context": ("attention", "cooperation_collapse", "new_force")}
CONTEXT_GROUPS = ("context",)
CONFLICT_DETECTORS = tuple(d for g, ds in GROUPS.items() if g not in CONTEXT_GROUPS for d in ds)
# Read after the levels, on the days since an alert was raised: it confirms, it scores nothing.
CONFIRMING = "sustained"
DETECTORS = (*(d for ds in GROUPS.values() for d in ds), CONFIRMING)

# What each detector counts, for the explanations.
UNITS = {"conflict_surge": "conflict incidents", "material_surge": "material conflict incidents",
         "intensity_surge": "conflict intensity", "ladder": "incidents on a new rung",
         "new_force": "days of a new kind of force",
         "escalation": "conflict incidents with a new kind of force",
         "conflict_share": "conflict share", "cooperation_collapse": "cooperative incidents",
         "attention": "articles on the pair"}


@dataclass
class DyadDays:
    """One dyad's daily sums over the calendar of the window (all arrays of one length)."""

    conflict: np.ndarray
    material: np.ndarray
    weight: np.ndarray  # sum of |intensity| of conflict incidents
    weight_sq: np.ndarray  # sum of squared |intensity| of conflict incidents
    cooperation: np.ndarray
    rungs: np.ndarray  # shape (ladder top, days): incidents on rung k at row k - 1
    forces: np.ndarray  # shape (force types, days): incidents of each type of force (rung >= k)
    articles: np.ndarray  # distinct articles with an event of the dyad, by publication day


@dataclass
class Corpus:
    """What the whole store tells about each day of the window."""

    articles: np.ndarray  # articles published that day
    observed: np.ndarray  # 1 where an article published that day or shortly after could report it


@dataclass
class Reading:
    """One detector over every day: the p-value of what the recent window saw, the observed
    and the expected value, and anything else its explanation needs."""

    name: str
    p: np.ndarray
    observed: np.ndarray
    expected: np.ndarray
    extra: dict[str, np.ndarray] = field(default_factory=dict)


@dataclass
class Windows:
    """Sums over the recent window and the baseline ending where it begins, for every day."""

    recent: int
    baseline: int
    recent_days: np.ndarray  # observed days in each recent window (at least 1)
    baseline_days: np.ndarray  # observed days in each baseline
    observed: np.ndarray = field(repr=False)

    def sums(self, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(recent sum, baseline sum) of `x` for every day."""
        return window_sums(x, self.recent, self.baseline)

    def daily_variance(self, x: np.ndarray) -> np.ndarray:
        """The variance of `x` over the baseline's observed days."""
        _, total = self.sums(x * self.observed)
        _, squares = self.sums(x**2 * self.observed)
        days = np.maximum(self.baseline_days, 1.0)
        return np.where(self.baseline_days > 1, squares / days - (total / days) ** 2, 0.0)


def window_sums(x: np.ndarray, recent: int, baseline: int) -> tuple[np.ndarray, np.ndarray]:
    """For each day i: the sum over [i - recent + 1, i] and over the `baseline` days before it."""
    c = np.concatenate([[0.0], np.cumsum(x, dtype=float)])
    i = np.arange(1, len(x) + 1)
    cut = np.maximum(i - recent, 0)
    return c[i] - c[cut], c[cut] - c[np.maximum(cut - baseline, 0)]


def make_windows(corpus: Corpus, settings: AlertSettings) -> Windows:
    observed = corpus.observed.astype(float)
    recent, baseline = window_sums(observed, settings.recent_days, settings.baseline_days)
    return Windows(settings.recent_days, settings.baseline_days, np.maximum(recent, 1.0),
                   baseline, observed)


def predictive(baseline: np.ndarray, daily_var: np.ndarray, windows: Windows, prior: float,
               exposure: tuple[np.ndarray, np.ndarray] | None = None,
               ) -> tuple[np.ndarray, np.ndarray]:
    """(size, mean) of the negative binomial that predicts the recent window's count.

    The rate has a gamma posterior (shape: baseline count + prior, rate: the baseline's
    exposure + 1), which alone gives a negative binomial of that shape; when the baseline's
    observed days vary more than a Poisson's (`daily_var`), their per-day dispersion, summed
    over the recent window, bounds the size too. Exposure is observed days unless given as (recent, baseline)
    (articles, for attention).
    """
    days = windows.baseline_days
    recent_exposure, baseline_exposure = exposure or (windows.recent_days, days)
    shape = baseline + prior
    mean = recent_exposure * shape / (baseline_exposure + 1.0)
    daily_mean = baseline / np.maximum(days, 1.0)
    excess = np.where(days > 1, daily_var - daily_mean, 0.0)
    overdispersed = excess > 1e-12
    theta = np.where(overdispersed, daily_mean**2 / np.where(overdispersed, excess, 1.0), np.inf)
    size = np.maximum(np.minimum(shape, theta * windows.recent_days), 1e-6)
    return size, mean


def count_surprise(recent: np.ndarray, baseline: np.ndarray, daily_var: np.ndarray,
                   windows: Windows, prior: float) -> tuple[np.ndarray, np.ndarray]:
    """(p of at least `recent`, expected) under the baseline's predictive (see `predictive`);
    a fractional count is rounded up."""
    size, mean = predictive(baseline, daily_var, windows, prior)
    p = stats.nbinom.sf(np.ceil(recent) - 1, size, size / (size + mean))
    return np.where(recent > 0, p, 1.0), mean


def _count_reading(name: str, x: np.ndarray, windows: Windows,
                   settings: AlertSettings) -> Reading:
    recent, baseline = windows.sums(x)
    p, expected = count_surprise(recent, baseline, windows.daily_variance(x), windows,
                                 settings.prior_incidents)
    return Reading(name, p, recent, expected, {"baseline": baseline})


def intensity_reading(days: DyadDays, windows: Windows, settings: AlertSettings) -> Reading:
    """The weight of conflict as a count in units of phi = E[w^2] / E[w], pooled over both
    windows (the quasi-Poisson scale of a compound Poisson sum)."""
    recent, baseline = windows.sums(days.weight)
    recent_sq, baseline_sq = windows.sums(days.weight_sq)
    with np.errstate(divide="ignore", invalid="ignore"):
        phi = np.maximum(np.where(recent + baseline > 0,
                                  (recent_sq + baseline_sq) / (recent + baseline), 1.0), 1.0)
    p, expected = count_surprise(recent / phi, baseline / phi,
                                 windows.daily_variance(days.weight) / phi**2, windows,
                                 settings.prior_incidents)
    return Reading("intensity_surge", p, recent, expected * phi, {"baseline": baseline})


def ladder_reading(days: DyadDays, windows: Windows, ladder: Ladder,
                   settings: AlertSettings) -> Reading:
    """Incidents on rungs above the highest the baseline reached, once the recent window reaches
    at least `ladder_rung`; judged against an empty baseline on those rungs."""
    if not 1 <= settings.ladder_rung <= ladder.top:
        raise TripwireError("E008", f"ladder_rung must be 1..{ladder.top}, got "
                            f"{settings.ladder_rung}")
    at_or_above = np.cumsum(days.rungs[::-1], axis=0)[::-1]  # row k-1: incidents on rung >= k
    pairs = [windows.sums(row) for row in at_or_above]
    recent = np.stack([r for r, _ in pairs])
    baseline = np.stack([b for _, b in pairs])
    rungs = np.arange(1, ladder.top + 1)[:, None]
    base_top = np.max(np.where(baseline > 0, rungs, 0), axis=0)
    recent_top = np.max(np.where(recent > 0, rungs, 0), axis=0)
    climbed = (recent_top > base_top) & (recent_top >= settings.ladder_rung)
    above = np.where(base_top < ladder.top,
                     np.take_along_axis(recent, np.minimum(base_top, ladder.top - 1)[None], 0)[0],
                     0.0)
    zeros = np.zeros_like(above)
    p, expected = count_surprise(above, zeros, zeros, windows, settings.prior_incidents)
    return Reading("ladder", np.where(climbed, p, 1.0), above, expected,
                   {"rung": recent_top.astype(float), "baseline_rung": base_top.astype(float)})


def new_force_reading(days: DyadDays, windows: Windows, settings: AlertSettings) -> Reading:
    """Days of the recent window with an incident of a type of force (the ladder's types from
    `ladder_rung` up, one row each in `days.forces`) that the baseline never saw.

    Counted in days, not incidents, because one story told by several outlets can code several
    incidents on its day. Judged given the recent window's days with conflict (so it is
    independent of the conflict surge): each is a day of a new kind of force with Good and
    Turing's chance of the unseen, (kinds of force the baseline saw on one day only + prior) /
    (the baseline's days with conflict + prior), a binomial. A pair with little history, or one
    that turns to a new instrument every few weeks, is surprised by nothing."""
    length = len(days.conflict)
    told = np.concatenate([np.zeros((len(days.forces), windows.recent - 1)),
                           days.forces > 0], axis=1)
    once = np.zeros(length)
    if len(days.forces):
        seen = np.stack([windows.sums((row > 0).astype(float))[1] for row in days.forces])
        unseen, once = seen == 0, np.sum(seen == 1, axis=0)
        # for each day, the recent window of each type's days, kept where the type is new
        window = np.lib.stride_tricks.sliding_window_view(told, windows.recent, axis=1)
        new = np.sum(np.any(window.astype(bool) & unseen[:, :, None], axis=0), axis=1)
        kinds = np.sum(unseen & (window.sum(axis=2) > 0), axis=0).astype(float)
    else:
        new, kinds = np.zeros(length), np.zeros(length)
    conflict_days, before = windows.sums((days.conflict > 0).astype(float))
    chance = np.minimum((once + settings.prior_incidents) / (before + settings.prior_incidents),
                        1.0)
    p = stats.binom.sf(new - 1, np.maximum(conflict_days, new), chance)
    return Reading("new_force", np.where(new > 0, p, 1.0), new.astype(float),
                   np.maximum(conflict_days, new) * chance, {"kinds": kinds})


def escalation_reading(conflict: Reading, new_force: Reading) -> Reading:
    """Fisher's combination of the conflict surge and the new kind of force: both must point
    the same way (a day with no new force adds a p of 1, which weakens the surge alone)."""
    both = (conflict.p < 1.0) & (new_force.p < 1.0)
    p = stats.combine_pvalues(np.stack([conflict.p, new_force.p]), method="fisher").pvalue
    return Reading("escalation", np.where(both, p, 1.0), conflict.observed, conflict.expected,
                   {"new": new_force.observed, **{k: v for k, v in conflict.extra.items()}})


def share_reading(days: DyadDays, windows: Windows, settings: AlertSettings) -> Reading:
    """The conflict share of the dyad's incidents: conflict incidents in the recent window
    against the baseline's conflict per incident, with the dyad's incidents as the exposure;
    it fires only when the share also rose by `min_jump`."""
    total = days.conflict + days.cooperation
    recent, baseline = windows.sums(days.conflict)
    total_recent, total_base = windows.sums(total)
    size, mean = predictive(baseline, windows.daily_variance(days.conflict), windows, settings.prior_incidents,
                            exposure=(total_recent, total_base))
    p = stats.nbinom.sf(recent - 1, size, size / (size + mean))
    share = recent / np.maximum(total_recent, 1.0)
    before = (baseline + settings.prior_incidents) / (total_base + 1.0)
    rose = (share - before >= settings.min_jump) & (total_base >= settings.min_incidents)
    return Reading("conflict_share", np.where(rose & (recent > 0), p, 1.0), share, before,
                   {"expected_count": mean})


def cooperation_reading(days: DyadDays, windows: Windows, settings: AlertSettings) -> Reading:
    """Fewer cooperative incidents than the baseline predicts (the lower tail), judged only where
    the baseline predicts at least `min_cooperation` of them."""
    recent, baseline = windows.sums(days.cooperation)
    size, mean = predictive(baseline, windows.daily_variance(days.cooperation), windows,
                            settings.prior_incidents)
    p = stats.nbinom.cdf(recent, size, size / (size + mean))
    return Reading("cooperation_collapse", np.where(mean >= settings.min_cooperation, p, 1.0),
                   recent, mean, {"baseline": baseline})


def attention_reading(days: DyadDays, corpus: Corpus, windows: Windows,
                      settings: AlertSettings) -> Reading:
    """The dyad's share of all articles: the articles that mention both sides in the recent
    window against the baseline's rate per article of the whole store (the count model, with
    all articles as the exposure), so a busier news day is no more attention."""
    recent, baseline = windows.sums(days.articles)
    total_recent, total_base = windows.sums(corpus.articles)
    size, mean = predictive(baseline, windows.daily_variance(days.articles), windows, settings.prior_incidents,
                            exposure=(total_recent, total_base))
    p = stats.nbinom.sf(recent - 1, size, size / (size + mean))
    share = (baseline + settings.prior_incidents) / (total_base + 1.0)
    return Reading("attention", np.where(recent > 0, p, 1.0), recent, mean,
                   {"share": recent / np.maximum(total_recent, 1.0), "baseline_share": share})


def sustained_reading(days: DyadDays, windows: Windows, raised: np.ndarray,
                      settings: AlertSettings) -> Reading:
    """The conflict incidents dated after day `raised[i]` (the day the alert that day `i` belongs
    to was first raised; -1: none) up to `i`, against the baseline of the raising day (the count
    model, the observed days since as the exposure).

    Whatever made the detectors fire on the raising day lies on or before it, so the days after
    it are a fresh sample: under the baseline, they exceed it by chance with probability p
    however the raising day was chosen. An escalation that keeps escalating passes; a one-off
    story or a chance surge, followed by the pair's usual news, does not."""
    length = len(days.conflict)
    since = np.maximum(raised, 0)
    counted = np.concatenate([[0.0], np.cumsum(days.conflict)])
    observed = np.concatenate([[0.0], np.cumsum(windows.observed)])
    after = np.arange(1, length + 1)
    count = counted[after] - counted[since + 1]
    exposure = observed[after] - observed[since + 1]
    _, baseline = windows.sums(days.conflict)
    at_raising = dataclasses.replace(windows, recent_days=np.maximum(exposure, 1.0),
                                     baseline_days=windows.baseline_days[since])
    p, expected = count_surprise(count, baseline[since],
                                 windows.daily_variance(days.conflict)[since], at_raising,
                                 settings.prior_incidents)
    fresh = (raised >= 0) & (np.arange(length) > raised) & (exposure > 0)
    return Reading(CONFIRMING, np.where(fresh, p, 1.0), count, expected,
                   {"raised": raised.astype(float), "days_since": exposure,
                    "baseline_days": windows.baseline_days[since]})


def read_detectors(days: DyadDays, corpus: Corpus, ladder: Ladder,
                   settings: AlertSettings) -> tuple[dict[str, Reading], Windows]:
    """Every detector over every day, on each recent window (short, recent, long); each day
    keeps the most surprising, its p-value multiplied by the number of windows (Bonferroni).
    Days whose baseline is too short have p = 1. Returns the readings and the `recent_days`
    window, which the evidence gate and the onset read."""
    lengths = recent_windows(settings)
    windowed = [dataclasses.replace(settings, recent_days=n) for n in lengths]
    read = [_read_window(days, corpus, ladder, s) for s in windowed]
    # a burst of coverage seen in any window is one in all of them
    burst_days = np.any([coverage_burst(days, readings["conflict_surge"], windows, s)
                         for (readings, windows), s in zip(read, windowed, strict=True)], axis=0)
    for (readings, windows), s in zip(read, windowed, strict=True):
        _silence(readings, windows, burst_days, s)
    windows = read[lengths.index(settings.recent_days)][1]
    merged = {name: _more_surprising([readings[name] for readings, _ in read])
              for name in read[0][0]}
    return merged, windows


def _more_surprising(candidates: list[Reading]) -> Reading:
    """Day by day, the reading with the smallest p-value, times the number of candidates."""
    best = np.argmin(np.stack([r.p for r in candidates]), axis=0)

    def pick(arrays: list[np.ndarray]) -> np.ndarray:
        return np.choose(best, arrays)

    return Reading(candidates[0].name,
                   np.minimum(pick([r.p for r in candidates]) * len(candidates), 1.0),
                   pick([r.observed for r in candidates]), pick([r.expected for r in candidates]),
                   {key: pick([r.extra[key] for r in candidates]) for key in candidates[0].extra})


def _read_window(days: DyadDays, corpus: Corpus, ladder: Ladder,
                 settings: AlertSettings) -> tuple[dict[str, Reading], Windows]:
    windows = make_windows(corpus, settings)
    conflict = _count_reading("conflict_surge", days.conflict, windows, settings)
    new_force = new_force_reading(days, windows, settings)
    readings = [
        conflict,
        _count_reading("material_surge", days.material, windows, settings),
        intensity_reading(days, windows, settings),
        escalation_reading(conflict, new_force),
        ladder_reading(days, windows, ladder, settings),
        new_force,
        share_reading(days, windows, settings),
        cooperation_reading(days, windows, settings),
        attention_reading(days, corpus, windows, settings),
    ]
    return {r.name: r for r in readings}, windows


def _silence(readings: dict[str, Reading], windows: Windows, burst_days: np.ndarray,
             settings: AlertSettings) -> None:
    """No reading on days whose baseline is too short; no volume reading while a day of a
    burst of coverage is inside the recent window."""
    judged = windows.baseline_days >= settings.min_baseline_days
    burst = window_sums(burst_days.astype(float), windows.recent, 0)[0] > 0
    for reading in readings.values():
        silenced = ~judged | (burst if reading.name in GROUPS["volume"] else False)
        reading.p = np.where(silenced, 1.0, reading.p)
        reading.extra["burst"] = burst.astype(float)
        reading.extra["recent_days"] = np.full(len(reading.p), float(windows.recent))
        reading.extra["baseline_days"] = windows.baseline_days


def coverage_burst(days: DyadDays, conflict: Reading, windows: Windows,
                   settings: AlertSettings) -> np.ndarray:
    """Days on which cooperation surges as well (at `burst_p`: a test that silences, so it is
    not shared among the dyads as the thresholds that raise alerts are), and conflict rises by
    fewer incidents over the baseline than `burst_ratio` times cooperation does: the pair is in
    the news (a summit), not escalating. Excesses, not ratios, so that two cooperative incidents where the baseline
    had none do not outweigh a dozen conflict incidents."""
    cooperation = _count_reading("cooperation_surge", days.cooperation, windows, settings)
    conflict_excess = conflict.observed - conflict.expected
    cooperation_excess = cooperation.observed - cooperation.expected
    return ((cooperation.p <= settings.burst_p)
            & (conflict_excess < settings.burst_ratio * cooperation_excess))
