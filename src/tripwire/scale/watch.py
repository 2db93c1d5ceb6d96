"""Follow feeds and fetch pages into Documents: `tripwire watch` and `tripwire fetch`.

Pages are fetched in small batches; each batch is analysed, stored in one transaction, and only
then recorded as seen, so stopping at any moment loses nothing and refetches at most one batch
(which the store's content-hash dedup absorbs).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from tripwire.document import Article, Document
from tripwire.errors import BadRecord, TripwireError
from tripwire.ingest.readers import MAX_ARTICLE_CHARS, ReadItem
from tripwire.ingest.warc import HTML_TYPES, content_type_parts, decode_http_body, site_name
from tripwire.pipeline import analyze_stream
from tripwire.render import counted
from tripwire.scale.crawl_log import CrawlLog
from tripwire.scale.feeds import FeedEntry, parse_feed
from tripwire.scale.fetch import Fetcher, FetchResult, FetchStatus
from tripwire.store import Store

BATCH_SIZE = 16
TEXT_TYPES = ("text/plain",)
_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNIT_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}

Analyze = Callable[[Iterable[ReadItem]], Iterator[Document | BadRecord]]


@dataclass
class CrawlReport:
    """What a watch round or a fetch did, for the summary line and the tests."""

    feeds: int = 0
    feeds_unchanged: int = 0
    pages: int = 0
    pages_unchanged: int = 0
    articles: int = 0
    duplicates: int = 0
    events: int = 0
    skipped: list[BadRecord] = field(default_factory=list)

    def summary(self) -> str:
        feeds = (f"{counted(self.feeds, 'feed')} ({self.feeds_unchanged} unchanged), "
                 if self.feeds else "")
        return (f"{feeds}{counted(self.pages, 'page')} ({self.pages_unchanged} unchanged), "
                f"{counted(self.articles, 'article')}, {counted(self.duplicates, 'duplicate')}, "
                f"{counted(self.events, 'event')}, {len(self.skipped)} skipped")


def parse_interval(value: str) -> float:
    """Seconds from '90', '30s', '15m', '2h' or '1d'."""
    match = _INTERVAL.match(value)
    if not match or float(match.group(1)) <= 0:
        raise TripwireError("E008", f"not an interval: {value!r} (use e.g. 90s, 15m, 1h)",
                            "--every")
    return float(match.group(1)) * _UNIT_SECONDS[match.group(2)]


def article_from_page(result: FetchResult, entry: FeedEntry) -> Article | BadRecord:
    """An HTML or plain-text page as an Article; anything else is skipped with the reason."""
    kind, _ = content_type_parts(result.content_type)
    where = result.final_url or result.url
    if kind not in HTML_TYPES + TEXT_TYPES:
        return BadRecord("E004", f"not an HTML or text page (content type {kind or 'missing'})",
                         where)
    try:
        body = decode_http_body(result.body, result.content_type, where)
    except BadRecord as exc:
        return exc
    if not body.strip():
        return BadRecord("E004", "empty page", where)
    if len(body) > MAX_ARTICLE_CHARS:
        return BadRecord("E007", f"page is over the cap of {MAX_ARTICLE_CHARS:,} characters",
                         where)
    article = Article(url=result.final_url or result.url, title=entry.title,
                      published=entry.published, source=site_name(where), origin=where)
    if kind in TEXT_TYPES:
        article.text = body
    else:
        article.html = body
    return article


def _batches(entries: Iterable[FeedEntry], size: int) -> Iterator[list[FeedEntry]]:
    iterator = iter(entries)
    while batch := list(islice(iterator, size)):
        yield batch


class Crawler:
    """Fetches pages and feeds with one polite `Fetcher`; stores into `store` when given."""

    def __init__(self, fetcher: Fetcher, store: Store | None = None,
                 analyze: Analyze = analyze_stream, batch_size: int = BATCH_SIZE) -> None:
        self.fetcher = fetcher
        self.store = store
        self.log = CrawlLog(store) if store else None
        self.analyze = analyze
        self.batch_size = batch_size

    def pages(self, entries: Iterable[FeedEntry], report: CrawlReport,
              feed_url: str | None = None) -> Iterator[Document]:
        """Fetch, analyse and (with a store) save pages; yields the new Documents."""
        for batch in _batches(entries, self.batch_size):
            yield from self._page_batch(batch, report, feed_url)

    def _page_batch(self, batch: list[FeedEntry], report: CrawlReport,
                    feed_url: str | None) -> list[Document]:
        fetched: list[tuple[FeedEntry, FetchResult, Article | BadRecord | None]] = []
        for entry in batch:
            validators = self.log.page_validators(entry.url) if self.log else None
            result = self.fetcher.fetch(entry.url, validators.etag if validators else None,
                                        validators.last_modified if validators else None)
            report.pages += 1
            if result.status is FetchStatus.NOT_MODIFIED:
                report.pages_unchanged += 1
                item = None
            else:
                item = article_from_page(result, entry) if result.ok else result.bad_record()
            if isinstance(item, BadRecord):
                report.skipped.append(item)
            fetched.append((entry, result, item))
        analysed = iter(self.analyze([i for _, _, i in fetched if isinstance(i, Article)]))
        outcomes: list[Document | None] = []
        for _, _, item in fetched:
            outcome = next(analysed) if isinstance(item, Article) else None
            if isinstance(outcome, BadRecord):
                report.skipped.append(outcome)
                outcome = None
            outcomes.append(outcome)
        documents = [d for d in outcomes if d is not None]
        report.events += sum(len(d.events) for d in documents)
        if self.store is None:
            report.articles += len(documents)
            return documents
        stored = self.store.ingest(documents)
        report.articles += stored.added
        report.duplicates += stored.duplicates
        self._record(fetched, outcomes, feed_url)
        return documents

    def _record(self, fetched: list[tuple[FeedEntry, FetchResult, Article | BadRecord | None]],
                outcomes: list[Document | None], feed_url: str | None) -> None:
        assert self.log is not None
        for (entry, result, _), document in zip(fetched, outcomes, strict=True):
            article_id = None
            if document is not None:
                article_id = self.log.stored_article(document.content_hash) or document.id
            self.log.record_page(entry, result, article_id, feed_url)

    def watch_round(self, feed_urls: Iterable[str]) -> CrawlReport:
        """Check every feed once and fetch its new entries (and earlier failures worth retrying)."""
        if self.log is None:
            raise TripwireError("E010", "watching feeds needs a database (--db)")
        report = CrawlReport()
        for feed_url in feed_urls:
            report.feeds += 1
            self._watch_feed(feed_url, report)
        return report

    def _watch_feed(self, feed_url: str, report: CrawlReport) -> None:
        assert self.log is not None
        validators = self.log.feed_validators(feed_url)
        result = self.fetcher.fetch(feed_url, validators.etag, validators.last_modified)
        retries = self.log.unsettled(feed_url)
        entries: list[FeedEntry] = []
        title = None
        if result.status is FetchStatus.NOT_MODIFIED:
            report.feeds_unchanged += 1
        elif not result.ok:
            report.skipped.append(result.bad_record())
        else:
            try:
                feed = parse_feed(result.body, feed_url)
                title = feed.title
                entries = [e for e in feed.entries if not self.log.settled(e.url)]
            except BadRecord as exc:
                report.skipped.append(exc)
                result.status, result.error = FetchStatus.FAILED, exc.message
        known = {e.url for e in entries}
        entries += [e for e in retries if e.url not in known]
        for _ in self.pages(entries, report, feed_url):
            pass
        # Only now may the feed's validators advance: every entry above is stored or recorded.
        self.log.record_feed(feed_url, result, title)
