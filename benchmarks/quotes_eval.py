"""Score the quotes stage on PolNeAR: `python benchmarks/quotes_eval.py [--split dev|train]`.

`--half even|odd` keeps the even (0th, 2nd, ...) or odd articles of the split: develop on one
half, only score the other (the convention of benchmarks/events_eval.py).

Prints content-span overlap precision, recall and F1 with speaker accuracy for direct quotes
(overall and per publisher) and for reported speech. The scoring lives in
`tripwire.eval.quotes` so that the evaluation-gate test reuses it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tripwire.eval.quotes import evaluate, format_report, read_records

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "quotes"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "train"), default="dev")
    parser.add_argument("--limit", type=int, default=None, help="score every n-th article only")
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--strict-flag", action="store_true",
                        help="score against the stored `direct` flag only ('' quotes not direct)")
    parser.add_argument("--half", choices=("even", "odd"), default=None)
    args = parser.parse_args()
    path = args.data / f"polnear_{args.split}.jsonl"
    if not path.is_file():
        print(f"{path} is absent: nothing to score", file=sys.stderr)
        return 1
    records = read_records(path, args.limit)
    if args.half is not None:
        records = records[("even", "odd").index(args.half)::2]
    print(f"PolNeAR {args.split}: {len(records)} articles")
    print(format_report(evaluate(records, args.strict_flag)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
