"""Helpers for the scale tests: WARC files built with warcio, HTML pages, a local HTTP site."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


@dataclass
class Page:
    """One archived HTTP exchange: what the server answered for `url`."""

    url: str
    body: str
    status: str = "200 OK"
    content_type: str = "text/html; charset=utf-8"
    warc_date: str | None = "2019-03-05T10:00:00Z"
    http_date: str | None = "Tue, 05 Mar 2019 10:00:00 GMT"
    record_type: str = "response"
    encoding: str = "utf-8"
    extra_headers: list[tuple[str, str]] = field(default_factory=list)


def warc_bytes(pages: list[Page], gzip: bool) -> bytes:
    """A WARC (one gzip member a record when `gzip`) holding a warcinfo record and `pages`."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "tests"}))
    for page in pages:
        headers = [("Content-Type", page.content_type), *page.extra_headers]
        if page.http_date:
            headers.append(("Date", page.http_date))
        http = StatusAndHeaders(page.status, headers, protocol="HTTP/1.1")
        warc_headers = {"WARC-Date": page.warc_date} if page.warc_date else {}
        if page.record_type == "request":
            http = StatusAndHeaders(f"GET {page.url} HTTP/1.1", [("Host", "example.org")],
                                    is_http_request=True)
        record = writer.create_warc_record(
            page.url, page.record_type, payload=io.BytesIO(page.body.encode(page.encoding)),
            http_headers=http, warc_headers_dict=warc_headers,
        )
        if not page.warc_date:
            record.rec_headers.remove_header("WARC-Date")  # warcio adds one; test the fallback
        writer.write_record(record)
    return buffer.getvalue()


def html_page(title: str, *paragraphs: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<html><head><title>{title}</title></head><body><article>{body}</article></body></html>"
