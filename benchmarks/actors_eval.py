"""Actor resolution: country and sector accuracy on ../shared/data/actors/actor_cases.jsonl.

Run: python benchmarks/actors_eval.py [--misses] [--today YYYY-MM-DD]

`--today` sets the date that cases asking about "today" refer to (default: the day it runs).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from tripwire.eval.actors import load_cases, score_cases

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "actors" / "actor_cases.jsonl"


def main() -> None:
    if not DATA.is_file():
        print(f"no data at {DATA}")
        return
    today = None
    if "--today" in sys.argv:
        today = dt.date.fromisoformat(sys.argv[sys.argv.index("--today") + 1])
    scores = score_cases(load_cases(DATA), today=today)
    print(f"country accuracy {scores.country_accuracy:.3f} ({scores.country_right}/{scores.country_total})")
    print(f"sector accuracy  {scores.sector_accuracy:.3f} ({scores.sector_right}/{scores.sector_total})")
    if "--misses" in sys.argv:
        for miss in scores.misses:
            print(f"  {miss['field']:7} {miss['text']!r}: expected {miss['expected']!r}, got {miss['got']!r}")


if __name__ == "__main__":
    main()
