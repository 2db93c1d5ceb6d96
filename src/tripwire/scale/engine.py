"""`tripwire run`: analyse shards of articles on one machine or on a Ray cluster.

Both engines read shards with `shards.read_shard`, analyse with the same `analyze_stream`
(hence the same `analyze`), write with `PartitionedWriter`, and account for every record in a
`Tally`: a shard counts as done only when each of its records became a Document or an entry in
errors.jsonl, so a lost shard is reported, never silent.

The Ray engine: a dataset of shard paths (one block each), `flat_map` reading each shard into
records, and `map_batches` over a pool of stateful `AnalysisWorker` actors that load the spaCy
model once and write their own Parquet parts (one pass over the data; nothing is materialised).
Only small outcome records travel back to the driver.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import logging
import os
import warnings
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import IO, Any

import numpy as np

from tripwire.document import Document
from tripwire.errors import BadRecord, TripwireError
from tripwire.nlp import load_nlp
from tripwire.pipeline import analyze_stream
from tripwire.render import counted
from tripwire.scale.output import (
    ERRORS_FILE,
    MANIFEST_FILE,
    MANIFEST_SCHEMA,
    PartitionedWriter,
    filesystem,
    prepare_output,
    write_text,
)
from tripwire.scale.shards import Record, expand_inputs, read_shard, record_item

BATCH_SIZE = 64
READ_BLOCK_BYTES = 64 * 1024
ENV_PREFIX = "TRIPWIRE_"


class Engine(StrEnum):
    local = "local"
    ray = "ray"


@dataclass
class RunSettings:
    """One batch run, as `tripwire run` was asked for it."""

    inputs: list[str]
    output: str
    engine: Engine = Engine.local
    workers: int | None = None  # local: 1; Ray: the CPUs of the (local or given) cluster
    address: str | None = None
    batch_size: int = BATCH_SIZE
    published: str | None = None
    overwrite: bool = False


@dataclass
class Tally:
    """Counts outcome records per shard and streams errors to errors.jsonl."""

    errors: IO[bytes] | None = None
    articles: int = 0
    events: int = 0
    skipped: int = 0
    expected: dict[str, int] = field(default_factory=dict)
    seen: dict[str, int] = field(default_factory=dict)

    def add(self, outcome: Record) -> bool:
        """Count one outcome; True when it completes its shard."""
        shard = outcome["shard"]
        kind = outcome["kind"]
        if kind == "end":
            self.expected[shard] = outcome["records"]
        elif kind == "document":
            self.articles += 1
            self.events += outcome["events"]
            self.seen[shard] = self.seen.get(shard, 0) + 1
        else:
            self.skipped += 1
            self.seen[shard] = self.seen.get(shard, 0) + 1
            self._write_error({k: outcome[k] for k in ("shard", "where", "code", "reason")})
        return self.expected.get(shard) == self.seen.get(shard, 0)

    def _write_error(self, entry: dict[str, Any]) -> None:
        if self.errors is not None:
            self.errors.write((json.dumps(entry, ensure_ascii=False) + "\n").encode("utf-8"))

    def lost(self, shards: list[str]) -> list[str]:
        """Shards whose records were not all accounted for; each gets an errors.jsonl entry."""
        lost = [s for s in shards if self.expected.get(s) is None
                or self.expected[s] != self.seen.get(s, 0)]
        for shard in lost:
            self._write_error({
                "shard": shard, "where": shard, "code": "E032",
                "reason": f"shard not fully processed: {self.seen.get(shard, 0)} of "
                          f"{self.expected.get(shard, 'unknown')} records accounted for",
            })
        return lost


@dataclass
class RunReport:
    shards: int
    articles: int
    events: int
    skipped: int
    lost: list[str]

    def summary(self) -> str:
        lost = f", {counted(len(self.lost), 'shard')} LOST" if self.lost else ""
        return (f"{counted(self.shards, 'shard')}, {counted(self.articles, 'article')}, "
                f"{counted(self.events, 'event')}, {self.skipped} skipped{lost}")


def outcomes(records: list[Record], results: Iterable[Document | BadRecord],
             documents: list[Document]) -> Iterator[Record]:
    """Pair records with their analysis results (in order); Documents go to `documents`."""
    analysed = iter(results)
    for record in records:
        if record["kind"] == "end":
            yield record
            continue
        result = next(analysed)
        if isinstance(result, BadRecord):
            yield {"kind": "error", "shard": record["shard"], "where": result.where or "",
                   "code": result.code, "reason": result.message}
        else:
            documents.append(result)
            yield {"kind": "document", "shard": record["shard"], "events": len(result.events)}


class AnalysisWorker:
    """A Ray actor: loads the model once, then analyses and writes batch after batch."""

    def __init__(self, output: str) -> None:
        load_nlp()
        self.writer = PartitionedWriter(output)

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        records = [json.loads(r) for r in batch["record"]]
        items = [record_item(r) for r in records if r["kind"] != "end"]
        documents: list[Document] = []
        done = list(outcomes(records, analyze_stream(items), documents))
        self.writer.write(documents)
        return {"outcome": np.array([json.dumps(o) for o in done], dtype=object)}


def _shard_rows(row: dict[str, Any], published: str | None) -> Iterator[dict[str, str]]:
    for record in read_shard(str(row["shard"]), published):
        yield {"record": json.dumps(record, ensure_ascii=False)}


class RunProgress:
    """Hooks for showing progress; the CLI shows a bar, the library stays quiet."""

    def start(self, shards: int) -> None:
        """Called once, with the number of shards, before any record is read."""

    def step(self, outcome: Record, shard_done: bool) -> None:
        """Called for every outcome record (document, error, end of shard)."""


def run_local(settings: RunSettings, shards: list[str], tally: Tally, progress: RunProgress) -> None:
    """One process, or a pool of `workers` processes through `analyze_stream`."""
    writer = PartitionedWriter(settings.output)
    pending: deque[Record] = deque()

    def items() -> Iterator[Any]:
        for shard in shards:
            for record in read_shard(shard, settings.published):
                if record["kind"] == "end":
                    progress.step(record, tally.add(record))
                    continue
                pending.append(record)
                yield record_item(record)

    documents: list[Document] = []
    for result in analyze_stream(items(), workers=settings.workers or 1):
        for outcome in outcomes([pending.popleft()], [result], documents):
            progress.step(outcome, tally.add(outcome))
        if len(documents) >= settings.batch_size:
            writer.write(documents)
            documents = []
    writer.write(documents)


def _forwarded_env() -> dict[str, str]:
    """TRIPWIRE_* settings (extra actor files, model name) reach every Ray worker."""
    return {k: v for k, v in os.environ.items() if k.startswith(ENV_PREFIX)}


def run_ray(settings: RunSettings, shards: list[str], tally: Tally, progress: RunProgress) -> None:
    """Ray Data: shards -> records -> a pool of model-holding actors -> Parquet parts."""
    import ray
    from ray.data import DataContext, Dataset

    forwarded = _forwarded_env()
    # No runtime_env at all when there is nothing to forward (the plain, cheapest worker setup).
    runtime_env = {"env_vars": forwarded} if forwarded else None
    started = not ray.is_initialized()
    if started and settings.address:
        ray.init(address=settings.address, runtime_env=runtime_env, log_to_driver=False,
                 logging_level=logging.WARNING)
    elif started:
        # address="local": a new instance even when a `ray start` cluster runs on this machine.
        ray.init(address="local", num_cpus=settings.workers or os.cpu_count() or 1,
                 include_dashboard=False, log_to_driver=False, logging_level=logging.WARNING,
                 runtime_env=runtime_env)
    try:
        workers = settings.workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
        context = DataContext.get_current()
        context.enable_progress_bars = False
        context.print_on_execution_start = False
        # Small blocks, so that one big shard spreads over every actor; Ray bundles them back
        # up to `batch_size` rows for each actor call. (A streaming repartition would need a
        # CPU slot of its own, which the actors hold.)
        context.target_max_block_size = READ_BLOCK_BYTES
        logging.getLogger("ray.data").setLevel(logging.WARNING)
        dataset: Dataset = ray.data.from_items([{"shard": s} for s in shards],
                                      override_num_blocks=len(shards))
        # Reading is light next to parsing: it takes no CPU slot, so that `workers` actors
        # holding one CPU each fill a `num_cpus=workers` instance without starving the reads.
        dataset = dataset.flat_map(
            functools.partial(_shard_rows, published=settings.published), num_cpus=0,
            compute=ray.data.TaskPoolStrategy(size=max(1, min(len(shards), workers))),
        )
        dataset = dataset.map_batches(
            AnalysisWorker, fn_constructor_kwargs={"output": settings.output},
            batch_size=settings.batch_size, batch_format="numpy", num_cpus=1,
            # One batch at a time per actor: a free actor takes the next batch, instead of
            # batches queueing behind a busy one (which left one actor idle at the tail).
            compute=ray.data.ActorPoolStrategy(size=workers, max_tasks_in_flight_per_actor=1),
        )
        with warnings.catch_warnings():
            # Ray plans from the shard list (one block per shard) and warns that one shard
            # cannot feed several actors; the small read blocks make that untrue.
            warnings.filterwarnings("ignore", message="The minimum number of concurrent actors")
            for batch in dataset.iter_batches(batch_size=None, batch_format="numpy"):
                for encoded in batch["outcome"]:
                    outcome = json.loads(encoded)
                    progress.step(outcome, tally.add(outcome))
    except ray.exceptions.RayError as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise TripwireError("E032", f"the Ray job failed: {reason}") from exc
    finally:
        if started:
            ray.shutdown()


def run(settings: RunSettings, progress: RunProgress | None = None) -> RunReport:
    """Run the job; the output holds Parquet parts, errors.jsonl and manifest.json.

    If the engine fails part-way, the manifest still says which shards are incomplete before
    the error is raised.
    """
    if not settings.inputs:
        raise TripwireError("E003", "no input given (--input GLOB_OR_URI)")
    shards = expand_inputs(settings.inputs)
    progress = progress or RunProgress()
    progress.start(len(shards))
    prepare_output(settings.output, settings.overwrite)
    fs, root = filesystem(settings.output)
    started = dt.datetime.now(dt.UTC)
    failure: str | None = None
    with fs.open_output_stream(f"{root}/{ERRORS_FILE}") as errors:
        tally = Tally(errors=errors)
        engine = run_ray if settings.engine is Engine.ray else run_local
        try:
            engine(settings, shards, tally, progress)
        except OSError as exc:
            failure = f"{type(exc).__name__}: {exc}"
            raise TripwireError("E032", f"the run failed: {failure}", settings.output) from exc
        except (Exception, KeyboardInterrupt) as exc:
            failure = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise
        finally:
            lost = tally.lost(shards)
            _write_manifest(settings, shards, tally, lost, started, failure)
    return RunReport(len(shards), tally.articles, tally.events, tally.skipped, lost)


def _write_manifest(settings: RunSettings, shards: list[str], tally: Tally, lost: list[str],
                    started: dt.datetime, failure: str | None) -> None:
    manifest = {
        "schema": MANIFEST_SCHEMA, "engine": str(settings.engine), "inputs": settings.inputs,
        "shards": shards, "articles": tally.articles, "events": tally.events,
        "skipped": tally.skipped, "lost_shards": lost, "complete": not lost and not failure,
        "failure": failure, "started": started.isoformat(),
        "finished": dt.datetime.now(dt.UTC).isoformat(),
    }
    write_text(settings.output, MANIFEST_FILE, json.dumps(manifest, indent=2) + "\n")
