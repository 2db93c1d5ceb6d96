"""Articles per second of the Ray engine with 1 and 2 workers, beside the local 2-process path.

    python benchmarks/ray_throughput.py [--input FILE.jsonl] [--limit N] [--repeat R]

Targets: Ray x2 >= 1.7 x Ray x1, and Ray x2 >= 0.85 x local x2 (`analyze_stream(workers=2)`,
the path of `tripwire analyze --workers 2`). Each configuration runs in a fresh subprocess;
configurations are interleaved and repeated, and the median rate is reported, so the ratios
compare like with like on a shared, noisy machine.

What is timed: for Ray, `tripwire.scale.engine.run` on an already started local Ray instance
(like a standing cluster), i.e. reading the shard, starting the actors (each loads the model),
analysing, and writing the Parquet output; for the local path, starting the worker pool (each
worker loads the model) and analysing, as `benchmarks/throughput.py` times it.
"""

from __future__ import annotations

import argparse
import json
import logging
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_INPUT = Path(__file__).resolve().parents[1].parent / "shared/data/news/guardian_syria_2019.jsonl"
CONFIGS = (("ray", 1), ("ray", 2), ("local", 2))


def _shard(path: Path, limit: int | None, folder: Path) -> Path:
    """The input, cut to `limit` articles, as one JSONL shard."""
    lines = [line for line in path.open(encoding="utf-8") if line.strip()]
    shard = folder / "input.jsonl"
    shard.write_text("".join(lines[:limit] if limit else lines), encoding="utf-8")
    return shard


def measure(mode: str, workers: int, path: Path, limit: int | None, batch_size: int) -> dict:
    """Runs inside the subprocess: one configuration, timed."""
    with tempfile.TemporaryDirectory(prefix="tripwire-bench-") as folder:
        shard = _shard(path, limit, Path(folder))
        if mode == "ray":
            import ray

            from tripwire.scale.engine import Engine, RunSettings, run

            ray.init(address="local", num_cpus=workers, include_dashboard=False,
                     log_to_driver=False, logging_level=logging.WARNING)
            settings = RunSettings(inputs=[str(shard)], output=str(Path(folder) / "out"),
                                   engine=Engine.ray, workers=workers, batch_size=batch_size)
            start = time.perf_counter()
            count = run(settings).articles
            seconds = time.perf_counter() - start
            ray.shutdown()
        else:
            from tripwire.ingest import iter_articles
            from tripwire.nlp import load_nlp
            from tripwire.pipeline import analyze_stream

            load_nlp()
            items = list(iter_articles([str(shard)]))
            start = time.perf_counter()
            count = sum(1 for _ in analyze_stream(items, workers=workers))
            seconds = time.perf_counter() - start
    return {"mode": mode, "workers": workers, "articles": count, "seconds": seconds,
            "rate": count / seconds}


def run_config(mode: str, workers: int, args: argparse.Namespace) -> dict:
    command = [sys.executable, __file__, "--measure", mode, "--workers", str(workers),
               "--input", str(args.input), "--batch-size", str(args.batch_size)]
    command += ["--limit", str(args.limit)] if args.limit else []
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--measure", choices=["ray", "local"], help=argparse.SUPPRESS)
    parser.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.workers, args.input, args.limit,
                                 args.batch_size)))
        return
    if not args.input.is_file():
        sys.exit(f"input not found: {args.input}")
    print(f"input: {args.input} (limit {args.limit or 'none'}, batch size {args.batch_size}, "
          f"{args.repeat} repeats, median)")
    rates: dict[tuple[str, int], list[float]] = {config: [] for config in CONFIGS}
    for _ in range(args.repeat):
        for mode, workers in CONFIGS:
            rates[(mode, workers)].append(run_config(mode, workers, args)["rate"])
    median = {config: statistics.median(values) for config, values in rates.items()}
    print(f"{'config':<14}{'articles/s':>12}   runs")
    for (mode, workers), value in median.items():
        runs = " ".join(f"{r:.2f}" for r in rates[(mode, workers)])
        print(f"{mode + ' x' + str(workers):<14}{value:>12.2f}   {runs}")
    scaling = median[("ray", 2)] / median[("ray", 1)]
    versus_local = median[("ray", 2)] / median[("local", 2)]
    print(f"ray x2 / ray x1:   {scaling:.2f}  (target >= 1.70)")
    print(f"ray x2 / local x2: {versus_local:.2f}  (target >= 0.85)")


if __name__ == "__main__":
    main()
