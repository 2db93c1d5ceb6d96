"""Peak memory of `tripwire ingest` does not grow with corpus size.

    python benchmarks/memory.py [--sizes 1000 10000] [--input FILE.jsonl]

Builds corpora of the given sizes from the dev news (short, distinct articles made by pairing
passages of the input, so none is deduplicated away), ingests each into a fresh database in a
fresh process, and prints that process's peak RSS and the ratio largest/smallest (target <= 1.10).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_INPUT = Path(__file__).resolve().parents[1].parent / "shared/data/news/guardian_syria_2019.jsonl"


def passages(path: Path, size: int = 600) -> list[str]:
    """Cut every article into passages of about `size` characters at sentence ends."""
    found: list[str] = []
    for line in path.open(encoding="utf-8"):
        text = json.loads(line)["text"]
        start = 0
        while start < len(text):
            end = text.find(". ", start + size)
            end = len(text) if end < 0 else end + 1
            found.append(text[start:end].strip())
            start = end + 1
    return [p for p in found if len(p) > 100]


def write_corpus(path: Path, parts: list[str], count: int) -> None:
    """`count` distinct articles, each two passages (i, and a stride away), dated over a year."""
    with path.open("w", encoding="utf-8") as handle:
        for n in range(count):
            first, second = parts[n % len(parts)], parts[(n * 7 + n // len(parts) + 3) % len(parts)]
            day = f"2019-{(n % 12) + 1:02d}-{(n % 28) + 1:02d}"
            handle.write(json.dumps({"id": f"m{n}", "text": f"{first}\n\n{second}",
                                     "published": day}) + "\n")


def ingest_peak_rss(corpus: Path, db: Path) -> tuple[float, float]:
    """Peak RSS (MB) of one `tripwire ingest` process, and its wall time."""
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "tripwire", "ingest", str(corpus),
                                "--db", str(db), "--quiet"])
    _, status, usage = os.wait4(process.pid, 0)
    if status != 0:
        sys.exit(f"ingest failed with status {status}")
    return usage.ru_maxrss / 1024, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    args = parser.parse_args()
    if not args.input.is_file():
        sys.exit(f"input not found: {args.input}")
    parts = passages(args.input)
    peaks = {}
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            corpus = Path(folder) / f"corpus-{size}.jsonl"
            write_corpus(corpus, parts, size)
            peak, seconds = ingest_peak_rss(corpus, Path(folder) / f"db-{size}.duckdb")
            peaks[size] = peak
            print(f"{size:>7} articles: peak RSS {peak:7.0f} MB  ({seconds:.0f} s)")
    smallest, largest = min(args.sizes), max(args.sizes)
    print(f"ratio peak RSS {largest}/{smallest}: {peaks[largest] / peaks[smallest]:.3f} "
          "(target <= 1.10)")


if __name__ == "__main__":
    main()
