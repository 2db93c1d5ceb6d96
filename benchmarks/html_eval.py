"""Main-text F1 of the HTML path on ../shared/data/html (4-token shingles, the benchmark's measure).

python benchmarks/html_eval.py [--data DIR] [--worst N]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from tripwire.eval.clean import evaluate_html

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--worst", type=int, default=5, help="list the N pages with the lowest F1")
    args = parser.parse_args()
    started = time.perf_counter()
    scores = evaluate_html(args.data)
    elapsed = time.perf_counter() - started
    print(
        f"html main text: precision={scores.precision:.4f} recall={scores.recall:.4f} F1={scores.f1:.4f}"
    )
    print(f"{len(scores.pages)} pages in {elapsed:.1f}s")
    for page in sorted(scores.pages, key=lambda p: p.tp)[: args.worst]:
        print(f"  {page.id[:16]}  tp={page.tp:.2f} fp={page.fp:.2f} fn={page.fn:.2f}")


if __name__ == "__main__":
    main()
