"""What every batch command shares: read the inputs, skip and report bad records, count.

A bad record is reported on stderr as `skipped: WHERE: reason [code]` and the run goes on, or,
with `--strict`, stops there; a run that processed nothing at all fails with E003.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from tripwire.dates import parse_published
from tripwire.document import Article, Document
from tripwire.errors import BadRecord, TripwireError
from tripwire.ingest import iter_articles
from tripwire.ingest.readers import ReadItem
from tripwire.pipeline import analyze_stream

stderr = Console(stderr=True, soft_wrap=True)
T = TypeVar("T")


class RunReport:
    """Counts what a run did and reports skipped records on stderr."""

    def __init__(self, strict: bool = False, quiet: bool = False) -> None:
        self.strict, self.quiet = strict, quiet
        self.articles = self.events = self.skipped = 0

    def _read(self, paths: list[str], published: str | None) -> Iterator[ReadItem]:
        given = parse_published(published) if published else None
        items = iter_articles(paths, published=given)
        return (self._fail_fast(i) for i in items) if self.strict else items

    def articles_read(self, paths: list[str], published: str | None) -> Iterator[Article]:
        """The readable articles, without analysis (bad records are skipped and reported)."""
        return self._kept(self._read(paths, published))

    def documents(self, paths: list[str], published: str | None,
                  workers: int = 1) -> Iterator[Document]:
        """The analysed Documents, in input order, with a progress line on a terminal."""
        with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                      console=stderr, transient=True,
                      disable=self.quiet or not stderr.is_terminal) as progress:
            task = progress.add_task("analysing", total=None)
            for document in self._kept(analyze_stream(self._read(paths, published), workers)):
                self.events += len(document.events)
                progress.update(task, description=f"analysed {self.articles} articles")
                yield document

    def _kept(self, items: Iterable[T | BadRecord]) -> Iterator[T]:
        """The items that are not bad records, counted; bad ones are skipped and reported."""
        for item in items:
            if isinstance(item, BadRecord):
                self._skip(item)
                continue
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
        stderr.print(f"skipped: {error.render()}", highlight=False, markup=False)

    def finish(self, what: str) -> None:
        """Print the counts (unless quiet); fail with E003 if nothing was processed."""
        if not self.quiet:
            stderr.print(f"{what}: {self.articles} articles, {self.events} events, "
                         f"{self.skipped} skipped", highlight=False)
        if self.articles == 0:
            raise TripwireError("E003", "no article could be processed")
