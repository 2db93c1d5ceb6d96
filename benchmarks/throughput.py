"""Articles per second of bare spaCy `nlp.pipe` and of the whole tripwire pipeline, side by side.

    python benchmarks/throughput.py [--input FILE.jsonl] [--limit N] [--workers 1 2] [--rounds R]

Each configuration runs in a fresh subprocess (loading the model and, for tripwire, its
registry and lexicons is excluded from the timing; worker start is included) and the configurations are interleaved, so the ratios compare like with like on a
shared, noisy machine; with `--rounds R` every configuration runs R times, round-robin, and the
median rate counts. Peak RSS is the maximum over the process and its workers.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

DEFAULT_INPUT = (
    Path(__file__).resolve().parents[1].parent / "shared/data/news/guardian_syria_2019.jsonl"
)


def load_texts(path: Path, limit: int | None) -> list[dict]:
    records = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    return records[:limit] if limit else records


def measure(mode: str, workers: int, path: Path, limit: int | None) -> dict:
    """Runs inside the subprocess: one configuration, timed."""
    from tripwire.analyze import warm_up
    from tripwire.document import Article
    from tripwire.nlp import load_nlp
    from tripwire.pipeline import analyze_stream

    records = load_texts(path, limit)
    nlp = load_nlp()
    if mode == "tripwire":
        warm_up()  # registry, lexicons and gazetteer, like the model, load once per process
    start = time.perf_counter()
    if mode == "spacy":
        count = sum(
            1 for _ in nlp.pipe((r["text"] for r in records), batch_size=16, n_process=workers)
        )
    else:
        articles = [
            Article(text=r["text"], id=r.get("id"), published=r.get("published")) for r in records
        ]
        count = sum(1 for _ in analyze_stream(articles, workers=workers))
    seconds = time.perf_counter() - start
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "mode": mode,
        "workers": workers,
        "articles": count,
        "seconds": seconds,
        "rate": count / seconds,
        "peak_rss_mb": max(own, children) / 1024,
    }


def run_config(mode: str, workers: int, path: Path, limit: int | None) -> dict:
    command = [
        sys.executable,
        __file__,
        "--measure",
        mode,
        "--workers",
        str(workers),
        "--input",
        str(path),
    ] + (["--limit", str(limit)] if limit else [])
    # With several workers both sides get one-thread maths libraries, as tripwire's pool gives its
    # workers, so that neither pays for N processes x N threads on N cores.
    env = dict(os.environ)
    if workers > 1:
        env.update(dict.fromkeys(("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"), "1"))
    out = subprocess.run(command, check=True, capture_output=True, text=True, env=env).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--measure", choices=["spacy", "tripwire"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.workers[0], args.input, args.limit)))
        return
    if not args.input.is_file():
        sys.exit(f"input not found: {args.input}")
    print(f"input: {args.input} (limit {args.limit or 'none'})")
    print(f"{'config':<22}{'articles/s':>12}{'peak RSS MB':>14}")
    runs: dict[tuple[str, int], list[dict]] = {}
    for _ in range(args.rounds):
        for workers in args.workers:
            for mode in ("spacy", "tripwire"):
                result = run_config(mode, workers, args.input, args.limit)
                runs.setdefault((mode, workers), []).append(result)
                print(
                    f"{mode + ' x' + str(workers):<22}{result['rate']:>12.2f}"
                    f"{result['peak_rss_mb']:>14.0f}"
                )
    rates = {config: statistics.median(r["rate"] for r in results)
             for config, results in runs.items()}
    for workers in args.workers:
        ratio = rates[("tripwire", workers)] / rates[("spacy", workers)]
        print(f"ratio tripwire/spacy with {workers} worker(s): {ratio:.2f}")


if __name__ == "__main__":
    main()
