"""The public `tripwire.Store`: the store with the signals read from it.

It sits above both the store and the signals stage, so that neither imports the other's way
round. The signals are imported when first read, since they bring heavier libraries that
`import tripwire` should not pay for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from tripwire.store import Store as _Store

if TYPE_CHECKING:
    from tripwire.signals import Alert, AlertSettings


class Store(_Store):
    """The DuckDB store, plus its signals and alerts (see `tripwire.signals`)."""

    def signals(self, dyad: tuple[str, str] | None = None, actor: str | None = None,
                **options: Any) -> pd.DataFrame:
        """Per-period counts for a dyad or an actor (see `tripwire.signals.series`)."""
        from tripwire.signals import series

        return series(self, dyad=dyad, actor=actor, **options)

    def alerts(self, settings: AlertSettings | None = None) -> list[Alert]:
        """Dyads getting worse against their own baseline, with levels and evidence
        (`tripwire.signals`)."""
        from tripwire.signals import find_alerts

        return find_alerts(self, settings)
