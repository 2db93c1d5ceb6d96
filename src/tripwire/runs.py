"""What every batch command shares: read the inputs, skip and report bad records, count.

A bad record is reported on stderr as `skipped: WHERE: reason [code]` and the run goes on, or,
with `--strict`, stops there; a run that processed nothing at all fails with E003. Progress is a
spinner on a terminal and, when stderr is a log or a pipe, a line every `PROGRESS_ARTICLES`
articles or `PROGRESS_SECONDS` seconds.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator, Set
from typing import TypeVar

from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from tripwire.dates import parse_published
from tripwire.document import Article, Document
from tripwire.errors import BadRecord, TripwireError
from tripwire.ingest import iter_articles
from tripwire.ingest.readers import ReadItem
from tripwire.pipeline import AlreadyStored, analyze_stream
from tripwire.render import counted, literal_console

stderr = literal_console(stderr=True, soft_wrap=True)
PROGRESS_ARTICLES = 100
PROGRESS_SECONDS = 10.0
T = TypeVar("T")


class _NotesOnStderr(logging.Handler):
    """Notes the library logs about the input (an encoding guessed ...) as `note: ...` lines."""

    def emit(self, record: logging.LogRecord) -> None:
        stderr.print(f"note: {record.getMessage()}")


def show_notes() -> None:
    """Print the library's notes on stderr (once, however often the CLI is entered)."""
    logger = logging.getLogger("tripwire")
    logger.setLevel(logging.INFO)
    if not any(isinstance(h, _NotesOnStderr) for h in logger.handlers):
        logger.addHandler(_NotesOnStderr())


class _LogProgress:
    """A progress line now and then, for stderr that is not a terminal (a log, CI, a pipe)."""

    def __init__(self, report: RunReport) -> None:
        self.report = report
        self.started = self.shown = time.monotonic()
        self.articles = 0

    def step(self) -> None:
        seen = self.report.articles + self.report.already_stored + self.report.skipped
        now = time.monotonic()
        if seen - self.articles >= PROGRESS_ARTICLES or now - self.shown >= PROGRESS_SECONDS:
            self.articles, self.shown = seen, now
            stderr.print(f"progress: {self.report.counts()} after {now - self.started:.0f} s")


class RunReport:
    """Counts what a run did and reports skipped records on stderr."""

    def __init__(self, strict: bool = False, quiet: bool = False) -> None:
        self.strict, self.quiet = strict, quiet
        self.articles = self.events = self.skipped = self.already_stored = 0

    def _read(self, paths: list[str], published: str | None) -> Iterator[ReadItem]:
        given = parse_published(published) if published else None
        items = iter_articles(paths, published=given)
        return (self._fail_fast(i) for i in items) if self.strict else items

    def articles_read(self, paths: list[str], published: str | None) -> Iterator[Article]:
        """The readable articles, without analysis (bad records are skipped and reported)."""
        return self._kept(self._read(paths, published))

    def documents(self, paths: list[str], published: str | None, workers: int = 1,
                  stored: Set[str] = frozenset()) -> Iterator[Document]:
        """The analysed Documents, in input order, with progress on stderr; articles whose
        content hash is in `stored` are counted as already stored and not parsed."""
        results = analyze_stream(self._read(paths, published), workers, stored)
        for document in self._kept(self._shown(results)):
            self.events += len(document.events)
            yield document

    def _shown(self, items: Iterator[T]) -> Iterator[T]:
        """`items`, with the counts so far shown after each: a spinner on a terminal, a line
        now and then elsewhere, nothing when quiet."""
        logged = None if self.quiet or stderr.is_terminal else _LogProgress(self)
        with Progress(SpinnerColumn(), TextColumn("{task.description}", markup=False),
                      TimeElapsedColumn(), console=stderr, transient=True,
                      disable=self.quiet or not stderr.is_terminal) as progress:
            task = progress.add_task("analysing", total=None)
            for item in items:
                yield item
                progress.update(task, description=self.counts())
                if logged:
                    logged.step()

    def _kept(self, items: Iterable[T | BadRecord | AlreadyStored]) -> Iterator[T]:
        """The items that are neither bad records (skipped and reported) nor already stored."""
        for item in items:
            if isinstance(item, BadRecord):
                self._skip(item)
            elif isinstance(item, AlreadyStored):
                self.already_stored += 1
            else:
                self.articles += 1
                yield item

    def _fail_fast(self, item: ReadItem) -> ReadItem:
        if isinstance(item, BadRecord):
            raise item
        return item

    def _skip(self, error: BadRecord) -> None:
        if self.strict:
            raise error
        self.skipped += 1
        stderr.print(f"skipped: {error.render()}")

    def counts(self) -> str:
        """'12 articles, 40 events, 1 skipped' (and how many were already stored, if any)."""
        stored = f", {self.already_stored} already stored" if self.already_stored else ""
        return (f"{counted(self.articles, 'article')}, {counted(self.events, 'event')}, "
                f"{self.skipped} skipped{stored}")

    def finish(self, what: str) -> None:
        """Print the counts (unless quiet); fail with E003 if nothing was processed."""
        if not self.quiet:
            stderr.print(f"{what}: {self.counts()}")
        if self.articles + self.already_stored == 0:
            raise TripwireError("E003", "no article could be processed")
