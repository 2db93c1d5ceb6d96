"""Time expressions on TempEval-3 TimeBank+AQUAINT: extraction F1 (relaxed) and value accuracy.

python benchmarks/time_eval.py [path/to/tbaq.jsonl] [--errors N]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from tripwire.eval.timex import evaluate, read_gold

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "time" / "tbaq.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--every", type=int, default=1, help="score every n-th document")
    parser.add_argument("--errors", type=int, default=0, help="print up to n wrong values")
    args = parser.parse_args()
    scores, pairs = evaluate(read_gold(args.path, args.every))
    for name, value in scores.report().items():
        print(f"{name:28s} {value:.3f}")
    shown = 0
    for record, gold, found in pairs:
        if shown >= args.errors:
            break
        if found is None or found.value != gold["value"]:
            shown += 1
            text = record["text"]
            context = text[max(0, gold["start"] - 60) : gold["end"] + 40].replace("\n", " ")
            print(
                f"{record['dct'][:10]} {gold['type']:8s} {gold['text']!r:30s} gold={gold['value']:14s}"
                f" got={(found.text, found.value) if found else None} | {context}"
            )


if __name__ == "__main__":
    main()
