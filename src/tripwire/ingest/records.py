"""Turn one input record (a JSON object or a CSV row) into an `Article`."""

from __future__ import annotations

from typing import Any

from tripwire.dates import parse_published
from tripwire.document import Article
from tripwire.errors import BadRecord

RECORD_FIELDS = ("id", "text", "html", "published", "url", "source", "title")


def article_from_record(record: Any, where: str) -> Article:
    """A record needs `text` or `html`; other fields are optional metadata."""
    if not isinstance(record, dict):
        raise BadRecord("E005", f"expected a JSON object, got {type(record).__name__}", where)
    text, html = record.get("text"), record.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        raise BadRecord("E005", "record has no 'text' or 'html' string", where)
    body = text if isinstance(text, str) else html
    if not str(body).strip():
        raise BadRecord("E004", "record has an empty body", where)
    meta: dict[str, str | None] = {}
    for key in ("id", "url", "source", "title"):
        value = record.get(key)
        meta[key] = None if value in (None, "") else str(value)
    published = record.get("published")
    return Article(
        text=text if isinstance(text, str) else None,
        html=html if not isinstance(text, str) else None,
        published=parse_published(str(published), where) if published not in (None, "") else None,
        origin=where,
        **meta,
    )
