"""RSS/Atom feeds (feedparser) and the feed list file `tripwire watch` follows."""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser

from tripwire.dates import is_plausible_published
from tripwire.errors import BadRecord, TripwireError


@dataclass
class FeedEntry:
    """One item of a feed: the article page to fetch, with what the feed says about it."""

    url: str
    title: str | None = None
    published: str | None = None


@dataclass
class Feed:
    url: str
    title: str | None = None
    entries: list[FeedEntry] = field(default_factory=list)


def parse_feed(body: bytes, url: str) -> Feed:
    """Entries with a link, in feed order; relative links resolved against the feed URL."""
    parsed = feedparser.parse(body)
    if parsed.bozo and not parsed.entries:
        reason = getattr(parsed, "bozo_exception", "unknown error")
        raise BadRecord("E005", f"not a readable RSS/Atom feed: {reason}", url)
    feed = Feed(url=url, title=parsed.feed.get("title") or None)
    seen: set[str] = set()
    for entry in parsed.entries:
        link = entry.get("link")
        if not link:
            continue
        absolute = urljoin(url, link)
        if absolute in seen:
            continue
        seen.add(absolute)
        feed.entries.append(FeedEntry(absolute, entry.get("title") or None, _entry_date(entry)))
    return feed


def _entry_date(entry: feedparser.FeedParserDict) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value: time.struct_time | None = entry.get(key)
        if value:
            found = dt.date(value.tm_year, value.tm_mon, value.tm_mday).isoformat()
            return found if is_plausible_published(found) else None
    return None


def read_feed_list(path: Path) -> list[str]:
    """Feed URLs from a text file, one a line; blank lines and `#` comments are ignored."""
    if not path.is_file():
        raise TripwireError("E002", "feed list not found", str(path))
    urls: list[str] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        url = line.split(" #", 1)[0].strip()
        if not url or url.startswith("#"):
            continue
        if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).netloc:
            raise TripwireError("E005", f"not an http(s) feed URL: {url!r}", f"{path}:{number}")
        if url not in urls:
            urls.append(url)
    if not urls:
        raise TripwireError("E003", "the feed list holds no URLs", str(path))
    return urls
