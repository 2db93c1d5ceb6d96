"""The share index: a dyad's weighted conflict share against its own rolling baseline, as charted.

One view among several: a pair hostile all along has a share near 1 that cannot rise, so alerts
come from `tripwire.signals.detectors`, where this share is one detector (`conflict_share`).

Per period, conflict and cooperation incidents are weighted by the size of their PLOVER
intensity (an assault weighs more than an accusation). The baseline is the pooled conflict share
of the `baseline_days` before the period; the period's share is pulled toward that baseline by
`shrink_weight`, so quiet periods sit on the baseline and one report does not make a crisis.
The index is the distance from the baseline in rolling standard deviations. A share is
untouched by how much news there is, so a burst of coverage is not read as an escalation.
Change points come from ruptures (PELT on a linear kernel, i.e. least squares) on the share.
"""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pandas as pd
import ruptures as rpt

from tripwire.signals.selection import parse_range
from tripwire.signals.series import series
from tripwire.signals.settings import AlertSettings
from tripwire.store import Store

INDEX_COLUMNS = ["period", "incidents", "conflict_incidents", "conflict_weight",
                 "cooperation_weight", "share", "baseline", "spread", "index", "history"]


def escalation_index(store: Store, dyad: tuple[str, str], start: str | dt.date | None = None,
                     end: str | dt.date | None = None, settings: AlertSettings | None = None,
                     by: str = "day") -> pd.DataFrame:
    """Index per period for one dyad (undirected unless `settings.directed`), with change points.

    The baseline looks back before `start`, so a window starts with its history in place.
    """
    settings = settings or AlertSettings()
    first, last = parse_range(start, end)
    reach = dt.timedelta(days=settings.baseline_days)
    lookback = (first - reach if first - dt.date.min > reach else dt.date.min) if first else None
    frame = series(store, dyad=dyad, start=lookback, end=last, by=by, directed=settings.directed)
    periods = max(1, settings.baseline_days // (7 if by == "week" else 1))
    indexed = index_frame(frame, settings, periods)
    indexed["change"] = False
    indexed.loc[change_points(indexed, settings), "change"] = True
    if first is not None:
        indexed = indexed[indexed["period"] >= first].reset_index(drop=True)
    return indexed


def index_frame(frame: pd.DataFrame, settings: AlertSettings, window: int) -> pd.DataFrame:
    """The index of one dyad from its calendar-complete period sums (see `series`), against the
    `window` periods before each."""
    if frame.empty:
        return pd.DataFrame(columns=INDEX_COLUMNS)
    conflict = frame["conflict_weight"].astype(float)
    total = conflict + frame["cooperation_weight"].astype(float)
    past_conflict = conflict.rolling(window, min_periods=1).sum().shift(1, fill_value=0.0)
    past_total = total.rolling(window, min_periods=1).sum().shift(1, fill_value=0.0)
    prior = settings.prior_weight * settings.prior_share
    baseline = (past_conflict + prior) / (past_total + settings.prior_weight)
    baseline = baseline.fillna(settings.prior_share)
    shrink = settings.shrink_weight
    share = ((conflict + shrink * baseline) / (total + shrink)).fillna(baseline)
    # spread over reported periods only: quiet ones sit on the baseline and would narrow it
    reported = share.where(total > 0)
    spread = (reported.rolling(window, min_periods=2).std().shift(1).ffill()
              .fillna(settings.min_std).clip(lower=settings.min_std))
    out = frame[["period", "incidents", "conflict_incidents", "conflict_weight",
                 "cooperation_weight"]].copy()
    out["share"] = share
    out["baseline"] = baseline
    out["spread"] = spread
    out["index"] = (share - baseline) / spread
    out["history"] = (frame["incidents"].rolling(window, min_periods=1).sum()
                      .shift(1, fill_value=0).astype(int))
    return out.reset_index(drop=True)


def change_points(indexed: pd.DataFrame, settings: AlertSettings) -> list[int]:
    """Row positions where a new segment of the share begins (PELT, l2 cost, BIC-like penalty).

    Only periods with incidents enter the detector: a day without reports says nothing, and
    letting it sit on the baseline would cut a sparse escalation into fragments. The noise
    level comes from the median absolute step of the share, floored at `min_std`.
    """
    reported = np.flatnonzero(
        (indexed["conflict_weight"] + indexed["cooperation_weight"]).to_numpy(dtype=float) > 0)
    signal = indexed["share"].to_numpy(dtype=float)[reported]
    n = len(signal)
    if n < 2 * settings.min_segment:
        return []
    steps = np.abs(np.diff(signal))
    sigma = max(1.4826 * float(np.median(steps)) / math.sqrt(2), settings.min_std)
    penalty = settings.penalty * sigma**2 * math.log(n)
    # a linear kernel is the least-squares (l2) cost, solved exactly by PELT in ruptures' C code
    detector = rpt.KernelCPD(kernel="linear", min_size=settings.min_segment)
    ends = detector.fit(signal.reshape(-1, 1)).predict(pen=penalty)
    return [int(reported[b]) for b in ends if b < n]
