"""A polite HTTP fetcher for feeds and article pages.

It asks robots.txt first, waits between requests to one host, sends conditional GETs, retries
with backoff, stops reading at a size cap and names itself. The network sits behind httpx's
one-method transport interface (`httpx.BaseTransport.handle_request`), so tests swap in an
`httpx.MockTransport(handler)` or talk to a real local server.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from importlib import metadata
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from tripwire.errors import BadRecord

PROJECT_URL = "https://github.com/tripwire-events/tripwire"
RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
ROBOTS_MAX_BYTES = 512_000
UNREACHABLE_ROBOTS_TTL = 600.0


def _version() -> str:
    try:
        return metadata.version("tripwire")
    except metadata.PackageNotFoundError:
        return "0+unknown"


USER_AGENT = f"tripwire/{_version()} (+{PROJECT_URL})"


@dataclass
class FetchSettings:
    """How politely and how patiently to fetch; one object instead of a dozen arguments."""

    user_agent: str = USER_AGENT
    timeout: float = 10.0  # seconds for connect, and for each read
    total_timeout: float = 60.0  # seconds for one whole response body
    max_bytes: int = 5_000_000  # decoded body bytes
    retries: int = 3
    backoff: float = 1.0  # first retry delay in seconds, doubled each retry
    max_backoff: float = 60.0
    host_interval: float = 1.0  # seconds between requests to one host (robots Crawl-delay wins)
    max_redirects: int = 5
    robots_ttl: float = 24 * 3600.0


class FetchStatus(StrEnum):
    OK = "ok"
    NOT_MODIFIED = "not_modified"
    FORBIDDEN = "forbidden"  # by robots.txt
    TOO_LARGE = "too_large"
    HTTP_ERROR = "http_error"  # a final 4xx/5xx answer
    FAILED = "failed"  # network error or timeout after all retries


@dataclass
class FetchResult:
    """What one fetch gave: the body on success, the reason otherwise."""

    url: str
    status: FetchStatus
    final_url: str | None = None
    http_status: int | None = None
    body: bytes = b""
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None
    attempts: int = 1
    retry_after: float | None = None  # seconds, from a Retry-After header

    @property
    def ok(self) -> bool:
        return self.status is FetchStatus.OK

    @property
    def settled(self) -> bool:
        """True when fetching again later would not change the answer (no retry next round)."""
        if self.status is FetchStatus.FAILED:
            return False
        return not (self.status is FetchStatus.HTTP_ERROR and self.http_status in RETRY_STATUSES)

    def bad_record(self) -> BadRecord:
        """The failure as a skip-able record for reports and error files."""
        code = {FetchStatus.FORBIDDEN: "E031", FetchStatus.TOO_LARGE: "E007"}.get(self.status, "E030")
        return BadRecord(code, self.error or str(self.status), self.url)


class _RobotsParser(RobotFileParser):
    """The standard parser, with the switches it reads (undeclared in its type stubs)."""

    allow_all: bool
    disallow_all: bool


@dataclass
class _Robots:
    parser: RobotFileParser
    expires: float
    unreachable: str | None = None  # why robots.txt could not be read (then nothing is fetched)


@dataclass
class Fetcher:
    """Fetches URLs one at a time, politely; reuse one instance for a whole crawl."""

    settings: FetchSettings = field(default_factory=FetchSettings)
    transport: httpx.BaseTransport | None = None
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep

    def __post_init__(self) -> None:
        self._client = httpx.Client(
            transport=self.transport,
            timeout=httpx.Timeout(self.settings.timeout),
            headers={"User-Agent": self.settings.user_agent},
            follow_redirects=False,
        )
        self._robots: dict[str, _Robots] = {}
        self._next_request: dict[str, float] = {}
        self._crawl_delays: dict[str, float] = {}

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def fetch(self, url: str, etag: str | None = None,
              last_modified: str | None = None) -> FetchResult:
        """GET `url`, following redirects (each hop checked against robots.txt)."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = url
        for _ in range(self.settings.max_redirects + 1):
            parts = urlsplit(current)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                return FetchResult(url, FetchStatus.FAILED, error=f"not an http(s) URL: {current}")
            robots = self._robots_for(f"{parts.scheme}://{parts.netloc}")
            if robots.unreachable:
                return FetchResult(url, FetchStatus.FAILED, final_url=current,
                                   error=f"robots.txt unreachable ({robots.unreachable})")
            if not robots.parser.can_fetch(self.settings.user_agent, current):
                return FetchResult(url, FetchStatus.FORBIDDEN, final_url=current,
                                   error=f"robots.txt forbids {current}")
            result = self._get(current, headers, self.settings.max_bytes)
            result.url = url
            location = result.final_url
            if result.http_status in REDIRECT_STATUSES and location and location != current:
                current = location
                continue
            result.final_url = current
            return result
        return FetchResult(url, FetchStatus.HTTP_ERROR, final_url=current,
                           error=f"more than {self.settings.max_redirects} redirects")

    def _robots_for(self, origin: str) -> _Robots:
        """The site's robots.txt rules, fetched at most once per TTL."""
        robots = self._robots.get(origin)
        if robots is None or robots.expires <= self.clock():
            robots = self._load_robots(origin)
            self._robots[origin] = robots
        return robots

    def _load_robots(self, origin: str) -> _Robots:
        """RFC 9309: a 4xx robots.txt allows everything; an unreachable one forbids everything."""
        parser = _RobotsParser(f"{origin}/robots.txt")
        result = self._get(f"{origin}/robots.txt", {}, ROBOTS_MAX_BYTES)
        ttl = self.settings.robots_ttl
        unreachable = None
        if result.ok:
            parser.parse(result.body.decode("utf-8", errors="replace").splitlines())
        elif result.http_status is not None and 400 <= result.http_status < 500:
            parser.allow_all = True
        elif result.http_status in REDIRECT_STATUSES:
            parser.allow_all = True  # a redirected robots.txt is not followed here; treat as absent
        else:
            parser.disallow_all = True
            unreachable = result.error or f"HTTP {result.http_status}"
            ttl = min(ttl, UNREACHABLE_ROBOTS_TTL)
        delay = parser.crawl_delay(self.settings.user_agent)
        if delay:
            host = urlsplit(origin).netloc
            self._crawl_delays[host] = float(delay)
            self._done_with_host(host)  # the robots.txt request itself now counts with the delay
        return _Robots(parser, self.clock() + ttl, unreachable)

    def _wait_for_host(self, host: str) -> None:
        wait = self._next_request.get(host, 0.0) - self.clock()
        if wait > 0:
            self.sleep(wait)

    def _done_with_host(self, host: str) -> None:
        interval = max(self.settings.host_interval, self._crawl_delays.get(host, 0.0))
        self._next_request[host] = self.clock() + interval

    def _get(self, url: str, headers: dict[str, str], max_bytes: int) -> FetchResult:
        """One URL, no redirects followed, with rate limit and retries."""
        host = urlsplit(url).netloc
        attempts = self.settings.retries + 1
        result = FetchResult(url, FetchStatus.FAILED)
        for attempt in range(attempts):
            self._wait_for_host(host)
            try:
                result = self._get_once(url, headers, max_bytes)
            finally:
                self._done_with_host(host)
            result.attempts = attempt + 1
            retry = result.status is FetchStatus.FAILED or (
                result.status is FetchStatus.HTTP_ERROR and result.http_status in RETRY_STATUSES
            )
            if not retry or attempt == attempts - 1:
                return result
            self.sleep(self._backoff(attempt, result))
        return result

    def _backoff(self, attempt: int, result: FetchResult) -> float:
        delay = self.settings.backoff * 2**attempt
        if result.retry_after is not None:
            delay = result.retry_after
        return min(delay, self.settings.max_backoff)

    def _get_once(self, url: str, headers: dict[str, str], max_bytes: int) -> FetchResult:
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                return self._read(url, response, max_bytes)
        except httpx.TimeoutException as exc:
            return FetchResult(url, FetchStatus.FAILED, error=f"timed out ({type(exc).__name__})")
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            return FetchResult(url, FetchStatus.FAILED, error=f"{type(exc).__name__}: {exc}")

    def _read(self, url: str, response: httpx.Response, max_bytes: int) -> FetchResult:
        result = FetchResult(
            url, FetchStatus.OK, http_status=response.status_code,
            content_type=response.headers.get("Content-Type"), etag=response.headers.get("ETag"),
            last_modified=response.headers.get("Last-Modified"),
        )
        status = response.status_code
        if status == 304:
            result.status = FetchStatus.NOT_MODIFIED
            return result
        if status in REDIRECT_STATUSES:
            location = response.headers.get("Location")
            result.final_url = urljoin(url, location) if location else None
            result.status = FetchStatus.HTTP_ERROR
            result.error = f"HTTP {status} redirect" + ("" if location else " without Location")
            return result
        if status >= 400 or status < 200:
            result.status = FetchStatus.HTTP_ERROR
            retry_after = response.headers.get("Retry-After", "")
            result.retry_after = float(retry_after) if retry_after.isdigit() else None
            result.error = f"HTTP {status} {response.reason_phrase}".strip()
            return result
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            return self._too_large(result, max_bytes)
        started = self.clock()
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > max_bytes:
                return self._too_large(result, max_bytes)
            chunks.append(chunk)
            if self.clock() - started > self.settings.total_timeout:
                result.status = FetchStatus.FAILED
                result.error = f"timed out: body took over {self.settings.total_timeout:g} s"
                return result
        result.body = b"".join(chunks)
        return result

    @staticmethod
    def _too_large(result: FetchResult, max_bytes: int) -> FetchResult:
        result.status = FetchStatus.TOO_LARGE
        result.error = f"response is over the size cap of {max_bytes:,} bytes"
        return result
