"""Actor resolution: country and sector accuracy on ../shared/data/actors/actor_cases.jsonl.

Run: python benchmarks/actors_eval.py [--misses] [--today YYYY-MM-DD] [--half even|odd]

`--today` sets the date that cases asking about "today" refer to (default: the day it runs).
`--half even|odd` keeps the even (0th, 2nd, ...) or odd lines of the file: develop on one half,
only score the other (the convention of benchmarks/events_eval.py).
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from tripwire.eval.actors import load_cases, score_cases

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "actors" / "actor_cases.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None)
    parser.add_argument("--half", choices=("even", "odd"), default=None)
    parser.add_argument("--misses", action="store_true", help="print the cases resolved wrong")
    args = parser.parse_args()
    if not args.data.is_file():
        print(f"no data at {args.data}")
        return
    cases = load_cases(args.data)
    if args.half is not None:
        cases = cases[("even", "odd").index(args.half)::2]
    scores = score_cases(cases, today=args.today)
    print(f"country accuracy {scores.country_accuracy:.3f} ({scores.country_right}/{scores.country_total})")
    print(f"sector accuracy  {scores.sector_accuracy:.3f} ({scores.sector_right}/{scores.sector_total})")
    if args.misses:
        for miss in scores.misses:
            print(f"  {miss['field']:7} {miss['text']!r}: expected {miss['expected']!r}, got {miss['got']!r}")


if __name__ == "__main__":
    main()
