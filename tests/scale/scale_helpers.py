"""Helpers for the scale tests: WARC files built with warcio, HTML pages, a local HTTP site."""

from __future__ import annotations

import contextlib
import io
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

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


@dataclass
class Reply:
    """What the test site answers on one path."""

    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering
    chunked: bool = False  # no Content-Length: the body ends when the connection closes


class LocalSite:
    """A threaded HTTP server on 127.0.0.1 with fixed replies, counting every request."""

    def __init__(self) -> None:
        self.routes: dict[str, Reply] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - the http.server naming
                site.requests.append((self.path, dict(self.headers)))
                reply = site.routes.get(self.path, Reply(b"not found", 404, "text/plain"))
                if reply.delay:
                    time.sleep(reply.delay)
                etag = reply.headers.get("ETag")
                if etag and self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                self.send_response(reply.status)
                self.send_header("Content-Type", reply.content_type)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                if reply.chunked:
                    self.send_header("Connection", "close")
                    self.close_connection = True
                else:
                    self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                # The client may stop reading early (size cap, timeout).
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(reply.body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)

    @property
    def base(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str) -> int:
        return sum(1 for p, _ in self.requests if p == path)

    def start(self) -> LocalSite:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


ROBOTS = "User-agent: *\nDisallow: /private/\n"


def rss(items: list[tuple[str, str, str]]) -> bytes:
    """An RSS 2.0 feed of (link, title, RFC 822 date) items."""
    entries = "".join(
        f"<item><title>{title}</title><link>{link}</link><pubDate>{date}</pubDate></item>"
        for link, title, date in items
    )
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Gazette</title>'
            f"<link>/</link>{entries}</channel></rss>").encode()


def news_site(max_bytes: int) -> LocalSite:
    """A small news site: feed, two articles, a forbidden page, a slow one, a 500, a huge one."""
    site = LocalSite()
    story = html_page(
        "Harbour talks",
        "Delegations from two neighbouring states met at the harbour on Tuesday to discuss "
        "fishing rights, officials said.",
        "The talks will resume next week in the capital, according to a joint statement.",
    )
    deal = html_page(
        "Grain deal",
        "The agriculture ministers signed a grain export agreement on Wednesday after months "
        "of negotiations.",
        "Shipments are expected to start within a month, the ministry said in a statement.",
    )
    site.routes = {
        "/robots.txt": Reply(ROBOTS.encode(), content_type="text/plain"),
        "/news/harbour-talks": Reply(story.encode(), headers={
            "ETag": '"talks-v1"', "Last-Modified": "Tue, 05 Mar 2019 10:00:00 GMT"}),
        "/news/grain-deal": Reply(deal.encode(), headers={"ETag": '"deal-v1"'}),
        "/private/memo": Reply(html_page("Memo", "Not for robots.").encode()),
        "/news/slow": Reply(html_page("Slow", "Late.").encode(), delay=3.0),
        "/news/broken": Reply(b"server error", 500, "text/plain"),
        "/news/huge": Reply(b"<html><body>" + b"<p>word</p>" * max_bytes + b"</body></html>"),
        "/news/huge-stream": Reply(b"x" * (max_bytes * 2), content_type="text/plain",
                                   chunked=True),
    }
    items = [("/news/harbour-talks", "Harbour talks", "Tue, 05 Mar 2019 09:00:00 GMT"),
             ("/news/grain-deal", "Grain deal", "Wed, 06 Mar 2019 09:00:00 GMT"),
             ("/private/memo", "Memo", "Wed, 06 Mar 2019 10:00:00 GMT"),
             ("/news/broken", "Broken", "Wed, 06 Mar 2019 11:00:00 GMT")]
    site.routes["/feed.xml"] = Reply(rss(items), content_type="application/rss+xml",
                                     headers={"ETag": '"feed-v1"'})
    return site


REPORTS = [
    {"id": "r1", "published": "2021-06-01", "source": "Gazette",
     "text": "Officials from Norland and Sudria met in the border town on Monday to discuss "
             "water rights.\n\nBoth delegations said the talks had been constructive."},
    {"id": "r2", "published": "2021-06-01", "source": "Gazette",
     "text": "The Norland parliament approved a new budget for rural schools on Monday "
             "after a long debate."},
    {"id": "r3", "published": "2021-06-02", "source": "Courier",
     "text": "Farmers in the eastern valley protested outside the ministry on Tuesday, "
             "demanding lower fuel prices."},
]
WARC_PAGES = [
    ("https://courier.example/a", "Bridge reopens",
     "The old river bridge reopened to traffic on Wednesday after two years of repairs."),
    ("https://courier.example/b", "Port strike ends",
     "Dock workers ended their strike at the southern port on Thursday after a pay deal."),
]


def write_shards(folder: Path) -> dict[str, Path]:
    """A JSONL shard with one bad line, a WARC.gz cut short, and a Parquet shard."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder.mkdir(parents=True, exist_ok=True)
    jsonl = folder / "reports.jsonl"
    lines = [json.dumps(r) for r in REPORTS]
    lines.insert(2, '{"id": "broken", "text": ')
    jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    pages = [Page(url, html_page(title, text), warc_date="2021-06-03T08:00:00Z")
             for url, title, text in WARC_PAGES]
    whole = warc_bytes(pages + [Page("https://courier.example/c", html_page("C", "Cut."))],
                       gzip=True)
    warc = folder / "crawl.warc.gz"
    warc.write_bytes(whole[:-30])
    parquet = folder / "extra.parquet"
    pq.write_table(pa.Table.from_pylist([
        {"id": "p1", "published": "2021-06-04", "url": None, "source": "Herald", "title": None,
         "text": "Heavy rain flooded the coastal road on Friday, and the army sent trucks to "
                 "help residents."}]), parquet)
    return {"jsonl": jsonl, "warc": warc, "parquet": parquet}
