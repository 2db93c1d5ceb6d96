"""Articles per second of the Ray engine with 1 and 2 workers, beside the local 2-process path.

    python benchmarks/ray_throughput.py [--input FILE.jsonl] [--limit N] [--repeat R]

Targets: Ray x2 >= 1.7 x Ray x1, and Ray x2 >= 0.85 x local x2 (`analyze_stream(workers=2)`,
the path of `tripwire analyze --workers 2`). Each configuration runs in a fresh subprocess;
configurations are interleaved and repeated, and the median rate is reported, so the ratios
compare like with like on a shared, noisy machine.

What is timed, end to end: for Ray, `tripwire.scale.engine.run` on an already started local Ray
instance that has run one tiny Ray Data job (like a standing cluster: Ray Data's own service
actors, for stats and autoscaling, start with a cluster's first job and stay), i.e. reading the shard, starting the actors (each loads the model),
analysing, and writing the Parquet output; for the local path, starting the worker pool (each
worker loads the model) and analysing, as `benchmarks/throughput.py` times it. The steady-state
rate leaves out the start: it counts the Documents after the first batch of every worker, over
the time they took to come back.
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


def _steady_rate(stamps: list[float], warm: int) -> float:
    """Articles/s after the first `warm` Documents: the rate once every worker is running."""
    return (len(stamps) - warm) / (stamps[-1] - stamps[warm - 1])


def measure(mode: str, workers: int, path: Path, limit: int | None, batch_size: int) -> dict:
    """Runs inside the subprocess: one configuration, timed."""
    stamps: list[float] = []  # when each Document came back
    with tempfile.TemporaryDirectory(prefix="tripwire-bench-") as folder:
        shard = _shard(path, limit, Path(folder))
        if mode == "ray":
            import ray

            from tripwire.scale.engine import Engine, RunProgress, RunSettings, run

            class Stamps(RunProgress):
                def step(self, outcome: dict, shard_done: bool) -> None:
                    if outcome["kind"] == "document":
                        stamps.append(time.perf_counter())

            ray.init(address="local", num_cpus=workers, include_dashboard=False,
                     log_to_driver=False, logging_level=logging.WARNING)
            ray.data.range(2).map_batches(lambda batch: batch).materialize()
            settings = RunSettings(inputs=[str(shard)], output=str(Path(folder) / "out"),
                                   engine=Engine.ray, workers=workers, batch_size=batch_size)
            start = time.perf_counter()
            run(settings, Stamps())
            ray.shutdown()
        else:
            from tripwire.ingest import iter_articles
            from tripwire.nlp import load_nlp
            from tripwire.pipeline import analyze_stream

            load_nlp()
            items = list(iter_articles([str(shard)]))
            start = time.perf_counter()
            for _ in analyze_stream(items, workers=workers):
                stamps.append(time.perf_counter())
    seconds = stamps[-1] - start
    return {"mode": mode, "workers": workers, "articles": len(stamps), "seconds": seconds,
            "rate": len(stamps) / seconds, "steady": _steady_rate(stamps, batch_size * workers)}


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
    results = {config: [] for config in CONFIGS}
    for _ in range(args.repeat):
        for mode, workers in CONFIGS:
            results[(mode, workers)].append(run_config(mode, workers, args))
    for key, label in (("rate", "end to end, worker start included"),
                       ("steady", "steady state, after the first batch of each worker")):
        median = {c: statistics.median(r[key] for r in runs) for c, runs in results.items()}
        print(f"\narticles/s, {label}")
        for (mode, workers), value in median.items():
            runs = " ".join(f"{r[key]:.2f}" for r in results[(mode, workers)])
            print(f"  {mode + ' x' + str(workers):<12}{value:>8.2f}   ({runs})")
        print(f"  ray x2 / ray x1:   {median[('ray', 2)] / median[('ray', 1)]:.2f}"
              "  (target >= 1.70)")
        print(f"  ray x2 / local x2: {median[('ray', 2)] / median[('local', 2)]:.2f}"
              "  (target >= 0.85)")


if __name__ == "__main__":
    main()
