"""Command-line commands of the scale stage; `tripwire.cli` calls `register`."""

from __future__ import annotations

import sys
import time
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from tripwire.dates import parse_published
from tripwire.errors import TripwireError
from tripwire.options import DbOption
from tripwire.render import counted, document_text, literal_console
from tripwire.scale.engine import Engine, RunProgress, RunSettings
from tripwire.scale.engine import run as run_engine
from tripwire.scale.feeds import FeedEntry, read_feed_list
from tripwire.scale.fetch import Fetcher, FetchSettings
from tripwire.scale.imports import IMPORT_BATCH, import_output
from tripwire.scale.shards import Record
from tripwire.scale.watch import Crawler, CrawlReport, parse_interval
from tripwire.signals.alerts import Alert, alert_changes, find_alerts
from tripwire.store import Store, default_db_path

stderr = literal_console(stderr=True, soft_wrap=True)


class PageFormat(StrEnum):
    jsonl = "jsonl"
    json = "json"
    text = "text"


TimeoutOption = Annotated[
    float, typer.Option("--timeout", min=0.1, help="Seconds to wait for a connection or a read.")
]
RetriesOption = Annotated[int, typer.Option("--retries", min=0, help="Retries after a failure.")]
DelayOption = Annotated[
    float, typer.Option("--delay", min=0.0, help="Seconds between requests to one host.")
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No summary on stderr.")]


def _fetcher(timeout: float, retries: int, delay: float) -> Fetcher:
    return Fetcher(FetchSettings(timeout=timeout, retries=retries, host_interval=delay))


def _report(report: CrawlReport, what: str, quiet: bool) -> None:
    for error in report.skipped:
        stderr.print(f"skipped: {error.render()}")
    if not quiet:
        stderr.print(f"{what}: {report.summary()}")


def watch(
    feeds: Annotated[Path, typer.Argument(help="Text file of RSS/Atom feed URLs, one a line.")],
    every: Annotated[str, typer.Option("--every", help="Time between rounds: 90s, 15m, 1h.")]
    = "15m",
    once: Annotated[bool, typer.Option("--once", help="Check the feeds once and exit.")] = False,
    db: DbOption = None,
    timeout: TimeoutOption = 10.0,
    retries: RetriesOption = 3,
    delay: DelayOption = 1.0,
    quiet: QuietOption = False,
) -> None:
    """Follow feeds: fetch new article pages politely, analyse and store them, and report the
    alerts that are new or rose a level after each round that stored articles."""
    urls = read_feed_list(feeds)
    interval = parse_interval(every)
    with Store(db or default_db_path()) as store, _fetcher(timeout, retries, delay) as fetcher:
        crawler = Crawler(fetcher, store)
        known = find_alerts(store)
        while True:
            started = time.monotonic()
            report = crawler.watch_round(urls)
            _report(report, time.strftime("%H:%M:%S round"), quiet)
            if report.articles:
                known = _report_alerts(store, known)
            if once:
                return
            time.sleep(max(0.0, interval - (time.monotonic() - started)))


def _report_alerts(store: Store, known: list[Alert]) -> list[Alert]:
    """Recompute the alerts after new articles; print the new ones and those whose level rose."""
    found = find_alerts(store)
    for alert, before in alert_changes(known, found):
        what = f"new {alert.level}" if before is None else f"{before} -> {alert.level}"
        stderr.print(f"alert, {what}: {alert.summary}", highlight=False, markup=False,
                     soft_wrap=True)
    return found


def fetch(
    urls: Annotated[list[str], typer.Argument(metavar="URL", help="Article page URLs.")],
    db: Annotated[
        str | None, typer.Option("--db", metavar="FILE", help="Store the Documents here instead of printing them.")
    ] = None,
    fmt: Annotated[PageFormat, typer.Option("--format", help="Output format without --db.")]
    = PageFormat.jsonl,
    timeout: TimeoutOption = 10.0,
    retries: RetriesOption = 3,
    delay: DelayOption = 1.0,
    quiet: QuietOption = False,
) -> None:
    """Fetch article pages once (robots.txt and rate limits apply) and analyse them."""
    entries = [FeedEntry(url) for url in urls]
    report = CrawlReport()
    with _fetcher(timeout, retries, delay) as fetcher:
        store = Store(db) if db else None
        try:
            for document in Crawler(fetcher, store).pages(entries, report):
                if store is not None:
                    continue
                if fmt is PageFormat.text:
                    sys.stdout.write(document_text(document) + "\n")
                else:
                    sys.stdout.write(document.to_json(2 if fmt is PageFormat.json else None) + "\n")
        finally:
            if store is not None:
                store.close()
    _report(report, "fetched", quiet)
    if report.articles + report.duplicates + report.pages_unchanged == 0:
        raise TripwireError("E030", "no page could be fetched and analysed")


class BarProgress(RunProgress):
    """A bar over shards with running counts, on stderr."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.task = progress.add_task("starting", total=None)
        self.articles = self.events = self.skipped = 0

    def start(self, shards: int) -> None:
        self.progress.update(self.task, total=shards)

    def step(self, outcome: Record, shard_done: bool) -> None:
        if outcome["kind"] == "document":
            self.articles += 1
            self.events += outcome["events"]
        elif outcome["kind"] == "error":
            self.skipped += 1
        self.progress.update(
            self.task, advance=1 if shard_done else 0,
            description=f"{counted(self.articles, 'article')}, {counted(self.events, 'event')}, "
                        f"{self.skipped} skipped",
        )


def run(
    paths: Annotated[list[str] | None, typer.Argument(
        metavar="PATH", help="More inputs, as for --input.")] = None,
    inputs: Annotated[
        list[str] | None,
        typer.Option("--input", metavar="PATH", help="File, folder, quoted glob ('crawl/*.warc.gz') or URI "
                     "(s3://..., file://...) of JSONL/WARC/Parquet shards; repeatable."),
    ] = None,
    output: Annotated[str, typer.Option("--output", help="Output folder or URI.")] = "tripwire-run",
    engine: Annotated[Engine, typer.Option("--engine", help="Where to run.")] = Engine.local,
    address: Annotated[
        str | None, typer.Option("--address", help="Ray cluster to join (default: start one).")
    ] = None,
    workers: Annotated[
        int | None, typer.Option("--workers", min=1, help="Analysis workers (default: local 1, "
                                 "Ray all CPUs).")
    ] = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Articles per batch.")]
    = 64,
    published: Annotated[
        str | None, typer.Option("--published", help="Publication date for inputs that lack one.")
    ] = None,
    overwrite: Annotated[
        bool, typer.Option("--overwrite", help="Replace an earlier run in --output.")
    ] = False,
    quiet: QuietOption = False,
) -> None:
    """Analyse shards of articles into date-partitioned Parquet, locally or with Ray."""
    if address and engine is not Engine.ray:
        raise TripwireError("E008", "--address needs --engine ray")
    settings = RunSettings(
        inputs=[*(inputs or []), *(paths or [])], output=output, engine=engine, workers=workers,
        address=address, batch_size=batch_size,
        published=parse_published(published) if published else None, overwrite=overwrite,
    )
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("shards"), TimeElapsedColumn(), console=stderr, transient=True,
                  disable=quiet) as bar:
        report = run_engine(settings, BarProgress(bar))
    if not quiet:
        stderr.print(f"run: {report.summary()}; output in {output}")
    if report.lost:
        raise TripwireError("E032", f"{counted(len(report.lost), 'shard')} not fully processed; see "
                            f"{output}/errors.jsonl")


def import_run(
    output: Annotated[str, typer.Argument(help="Output folder (or URI) of `tripwire run`.")],
    db: DbOption = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Documents per "
                                            "transaction.")] = IMPORT_BATCH,
    quiet: QuietOption = False,
) -> None:
    """Load the Documents of a `tripwire run` output into the database (idempotent)."""
    with Store(db or default_db_path()) as store:
        report = import_output(output, store, batch_size)
    if not report.complete:
        stderr.print("warning: the run reported lost shards; its output is incomplete")
    if not quiet:
        stderr.print(f"imported: {report.summary()}")


def register(app: typer.Typer) -> None:
    """Add this stage's commands to the main app."""
    app.command()(watch)
    app.command()(fetch)
    app.command()(run)
    app.command("import")(import_run)
