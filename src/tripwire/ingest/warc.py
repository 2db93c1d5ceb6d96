"""Web archives (WARC, WARC.gz; the CC-NEWS layout) as an input format, read record by record.

Only HTTP `response` records with a 2xx status and an HTML body become articles; requests,
metadata, redirects and images are passed over. A truncated or corrupt archive yields a
`BadRecord` naming the file and the byte offset of the record, never a traceback.
"""

from __future__ import annotations

import codecs
import zlib
from collections.abc import Iterator
from email.message import Message
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import IO
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from tripwire.dates import is_plausible_published, parse_date
from tripwire.document import Article
from tripwire.errors import BadRecord
from tripwire.ingest.decode import decode_bytes
from tripwire.ingest.readers import ReadItem, register_reader

HTML_TYPES = ("text/html", "application/xhtml+xml")
_ARCHIVE_ERRORS = (ArchiveLoadFailed, zlib.error, EOFError, OSError, ValueError)


def content_type_parts(header: str | None) -> tuple[str, str | None]:
    """('text/html', 'utf-8') from 'text/html; charset=UTF-8'; ('', None) when absent."""
    if not header:
        return "", None
    message = Message()
    message["content-type"] = header
    charset = message.get_param("charset")
    return message.get_content_type(), str(charset).strip().lower() if charset else None


def decode_http_body(body: bytes, content_type: str | None, where: str) -> str:
    """Decode an HTTP body with its declared charset when Python knows it, else detect it."""
    _, charset = content_type_parts(content_type)
    if charset:
        try:
            codecs.lookup(charset)
        except LookupError:
            charset = None
    if charset:
        return body.decode(charset, errors="replace")
    return decode_bytes(body, where)


def http_date(value: str | None) -> str | None:
    """ISO date from an HTTP date header (RFC 7231) or a WARC-Date (ISO 8601); None if unusable
    (unparseable, or implausible as a publication date: a header is not worth refusing a page)."""
    if not value:
        return None
    try:
        found = parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError):
        try:
            found = parse_date(value)
        except BadRecord:
            return None
    return found if is_plausible_published(found) else None


def read_warc(path: Path, meta: dict[str, str | None]) -> Iterator[ReadItem]:
    """Every HTML response in a WARC file, streamed; sidecar metadata does not apply here."""
    size = path.stat().st_size
    with path.open("rb") as handle:
        yield from read_warc_stream(handle, str(path), size)


def read_warc_stream(handle: IO[bytes], name: str, size: int | None = None) -> Iterator[ReadItem]:
    """Articles from an open WARC stream; `size` lets a silently cut final record be reported."""
    records = ArchiveIterator(handle)
    offset = 0
    try:
        for record in records:
            item = _record_item(record, name)
            offset = records.get_record_offset()
            if item is not None:
                if isinstance(item, Article):
                    item.origin = f"{name}@{offset}"
                else:
                    item.where = f"{name}@{offset}"
                yield item
            offset = records.offset
    except _ARCHIVE_ERRORS as exc:
        yield BadRecord("E004", f"truncated or corrupt WARC record at offset {offset}: {exc}",
                        f"{name}@{offset}")
        return
    if size is not None and records.offset < size:
        yield BadRecord("E004", f"truncated WARC record at offset {records.offset}",
                        f"{name}@{records.offset}")


def _record_item(record: ArcWarcRecord, name: str) -> ReadItem | None:
    """An Article for an HTML 2xx response, a BadRecord for a cut one, None for anything else."""
    if record.rec_type != "response":
        return None
    if record.http_headers is None:
        return BadRecord("E004", "WARC response record has no HTTP headers (truncated?)", name)
    body = record.content_stream().read()
    record.raw_stream.read()  # drain, so that a short record shows as unread bytes below
    if getattr(record.raw_stream, "limit", 0) > 0:
        return BadRecord("E004", "truncated WARC record (fewer bytes than its Content-Length)", name)
    status = record.http_headers.get_statuscode() or ""
    content_type = record.http_headers.get_header("Content-Type")
    kind, _ = content_type_parts(content_type)
    if not status.startswith("2") or kind not in HTML_TYPES or not body.strip():
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    published = http_date(record.rec_headers.get_header("WARC-Date")) or http_date(
        record.http_headers.get_header("Date")
    )
    try:
        html = decode_http_body(body, content_type, name)
    except BadRecord as exc:
        return exc
    return Article(html=html, url=url, published=published, source=site_name(url), origin=name)


def site_name(url: str | None) -> str | None:
    """The site a page came from ('example.org'), as its source when nothing better is known."""
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


register_reader(".warc", read_warc)
register_reader(".warc.gz", read_warc)
