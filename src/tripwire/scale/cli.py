"""Command-line commands of the scale stage; `tripwire.cli` calls `register`."""

from __future__ import annotations

import sys
import time
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from tripwire.errors import TripwireError
from tripwire.render import document_text
from tripwire.scale.feeds import FeedEntry, read_feed_list
from tripwire.scale.fetch import Fetcher, FetchSettings
from tripwire.scale.watch import Crawler, CrawlReport, parse_interval
from tripwire.store import Store, default_db_path

stderr = Console(stderr=True)


class PageFormat(StrEnum):
    jsonl = "jsonl"
    json = "json"
    text = "text"


DbOption = Annotated[str | None, typer.Option("--db", help="DuckDB file [env TRIPWIRE_DB].")]
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
        stderr.print(f"skipped: {error.render()}", highlight=False, markup=False, soft_wrap=True)
    if not quiet:
        stderr.print(f"{what}: {report.summary()}", highlight=False, markup=False, soft_wrap=True)


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
    """Follow feeds: fetch new article pages politely, analyse them and store them."""
    urls = read_feed_list(feeds)
    interval = parse_interval(every)
    with Store(db or default_db_path()) as store, _fetcher(timeout, retries, delay) as fetcher:
        crawler = Crawler(fetcher, store)
        while True:
            started = time.monotonic()
            _report(crawler.watch_round(urls), time.strftime("%H:%M:%S round"), quiet)
            if once:
                return
            time.sleep(max(0.0, interval - (time.monotonic() - started)))


def fetch(
    urls: Annotated[list[str], typer.Argument(help="Article page URLs.")],
    db: Annotated[
        str | None, typer.Option("--db", help="Store the Documents here instead of printing them.")
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


def register(app: typer.Typer) -> None:
    """Add this stage's commands to the main app."""
    app.command()(watch)
    app.command()(fetch)
