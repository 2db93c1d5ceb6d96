"""What the watcher and fetcher have seen, kept in the store (migration 0003_feeds.sql).

A page is recorded only after its Document is stored, and a feed's validators (ETag,
Last-Modified) only after all its new entries are, so a crash or restart never loses an entry;
settled pages are never fetched again.
"""

from __future__ import annotations

from dataclasses import dataclass

from tripwire.scale.feeds import FeedEntry
from tripwire.scale.fetch import FetchResult, FetchStatus
from tripwire.store import Store

MAX_ATTEMPTS = 5  # rounds in which an unsettled page (5xx, timeout) is tried before giving up


@dataclass
class Validators:
    """Conditional-GET validators from the last successful fetch."""

    etag: str | None = None
    last_modified: str | None = None


class CrawlLog:
    """The `feeds` and `fetched_urls` tables of one store."""

    def __init__(self, store: Store) -> None:
        self.cur = store.cursor()

    def feed_validators(self, url: str) -> Validators:
        row = self.cur.execute("SELECT etag, last_modified FROM feeds WHERE url = ?",
                               [url]).fetchone()
        return Validators(*row) if row else Validators()

    def record_feed(self, url: str, result: FetchResult, title: str | None = None) -> None:
        """Save the feed's state; validators only advance on a successful fetch."""
        ok = result.status is FetchStatus.OK
        self.cur.execute(
            "INSERT INTO feeds (url, title, etag, last_modified, status, error, checked_at) "
            "VALUES (?, ?, ?, ?, ?, ?, current_timestamp) ON CONFLICT (url) DO UPDATE SET "
            "title = coalesce(excluded.title, feeds.title), "
            "etag = CASE WHEN ? THEN excluded.etag ELSE feeds.etag END, "
            "last_modified = CASE WHEN ? THEN excluded.last_modified ELSE feeds.last_modified END, "
            "status = excluded.status, error = excluded.error, checked_at = excluded.checked_at",
            [url, title, result.etag if ok else None, result.last_modified if ok else None,
             str(result.status), result.error, ok, ok],
        )

    def settled(self, url: str) -> bool:
        """True when `url` needs no more fetching: stored, forbidden, gone, or given up on."""
        row = self.cur.execute(
            "SELECT settled OR attempts >= ? FROM fetched_urls WHERE url = ?", [MAX_ATTEMPTS, url]
        ).fetchone()
        return bool(row and row[0])

    def page_validators(self, url: str) -> Validators:
        row = self.cur.execute(
            "SELECT etag, last_modified FROM fetched_urls WHERE url = ? AND status = 'ok'", [url]
        ).fetchone()
        return Validators(*row) if row else Validators()

    def unsettled(self, feed_url: str) -> list[FeedEntry]:
        """Entries of a feed that failed in an earlier round and are still worth a new try."""
        rows = self.cur.execute(
            "SELECT url, title, CAST(published AS VARCHAR) FROM fetched_urls "
            "WHERE feed_url = ? AND NOT settled AND attempts < ? ORDER BY fetched_at, url",
            [feed_url, MAX_ATTEMPTS],
        ).fetchall()
        return [FeedEntry(url, title, published) for url, title, published in rows]

    def stored_article(self, content_hash: str) -> str | None:
        """The id under which an article with this content is stored (it may predate the fetch)."""
        row = self.cur.execute("SELECT id FROM articles WHERE content_hash = ?",
                               [content_hash]).fetchone()
        return str(row[0]) if row else None

    def record_page(self, entry: FeedEntry, result: FetchResult, article_id: str | None,
                    feed_url: str | None = None) -> None:
        """Save one page's outcome; a 304 keeps the earlier validators and article."""
        if result.status is FetchStatus.NOT_MODIFIED:
            self.cur.execute("UPDATE fetched_urls SET fetched_at = current_timestamp WHERE url = ?",
                             [entry.url])
            return
        self.cur.execute(
            "INSERT INTO fetched_urls (url, feed_url, title, published, status, settled, "
            "http_status, etag, last_modified, attempts, error, article_id, fetched_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, current_timestamp) "
            "ON CONFLICT (url) DO UPDATE SET "
            "feed_url = coalesce(fetched_urls.feed_url, excluded.feed_url), "
            "title = coalesce(excluded.title, fetched_urls.title), "
            "published = coalesce(excluded.published, fetched_urls.published), "
            "status = excluded.status, settled = excluded.settled, "
            "http_status = excluded.http_status, etag = excluded.etag, "
            "last_modified = excluded.last_modified, attempts = fetched_urls.attempts + 1, "
            "error = excluded.error, article_id = excluded.article_id, "
            "fetched_at = excluded.fetched_at",
            [entry.url, feed_url, entry.title, entry.published, str(result.status),
             result.settled, result.http_status, result.etag, result.last_modified, result.error,
             article_id],
        )
