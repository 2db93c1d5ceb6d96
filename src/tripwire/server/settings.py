"""Settings of the server that `tripwire serve` exposes as options (kept free of heavy imports)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class OpenAnalyze:
    """What POST /api/analyze allows each client of a server without a token. The parser is
    shared (one analysis at a time), so one client's stream of long texts would otherwise keep
    every other request waiting; with a token set, analyze needs it and has no such limits."""

    per_minute: int = 10
    max_chars: int = 20_000
