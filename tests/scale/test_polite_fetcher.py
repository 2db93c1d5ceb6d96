"""The polite fetcher: against a real local server, and with a swapped-in transport."""

from __future__ import annotations

import httpx
import pytest
from scale_helpers import LocalSite

from tripwire.scale.fetch import USER_AGENT, Fetcher, FetchSettings, FetchStatus


def test_page_is_fetched_with_a_real_user_agent(site: LocalSite, quick_settings) -> None:
    with Fetcher(quick_settings) as fetcher:
        result = fetcher.fetch(site.url("/news/harbour-talks"))
    assert result.status is FetchStatus.OK
    assert b"Delegations from two neighbouring states" in result.body
    assert result.content_type == "text/html; charset=utf-8"
    assert (result.etag, result.last_modified) == ('"talks-v1"', "Tue, 05 Mar 2019 10:00:00 GMT")
    assert [p for p, _ in site.requests] == ["/robots.txt", "/news/harbour-talks"]
    agent = site.requests[1][1]["User-Agent"]
    assert agent == USER_AGENT
    assert agent.startswith("tripwire/") and "(+http" in agent


def test_conditional_get_gives_not_modified(site: LocalSite, quick_settings) -> None:
    with Fetcher(quick_settings) as fetcher:
        result = fetcher.fetch(site.url("/news/harbour-talks"), etag='"talks-v1"',
                               last_modified="Tue, 05 Mar 2019 10:00:00 GMT")
    assert result.status is FetchStatus.NOT_MODIFIED
    assert result.body == b""
    headers = site.requests[-1][1]
    assert headers["If-None-Match"] == '"talks-v1"'
    assert headers["If-Modified-Since"] == "Tue, 05 Mar 2019 10:00:00 GMT"


def test_robots_txt_forbids_a_path_which_is_never_requested(site: LocalSite,
                                                            quick_settings) -> None:
    with Fetcher(quick_settings) as fetcher:
        forbidden = fetcher.fetch(site.url("/private/memo"))
        allowed = fetcher.fetch(site.url("/news/grain-deal"))
    assert forbidden.status is FetchStatus.FORBIDDEN
    assert forbidden.settled
    assert forbidden.bad_record().code == "E031"
    assert allowed.ok
    assert site.hits("/private/memo") == 0
    assert site.hits("/robots.txt") == 1  # cached per site


def test_server_error_is_retried_then_reported(site: LocalSite, quick_settings) -> None:
    with Fetcher(quick_settings) as fetcher:
        result = fetcher.fetch(site.url("/news/broken"))
    assert result.status is FetchStatus.HTTP_ERROR
    assert result.http_status == 500
    assert result.attempts == 2
    assert site.hits("/news/broken") == 2
    assert not result.settled  # worth another try in a later round
    assert result.bad_record().code == "E030"


def test_slow_page_times_out(site: LocalSite, quick_settings) -> None:
    with Fetcher(quick_settings) as fetcher:
        result = fetcher.fetch(site.url("/news/slow"))
    assert result.status is FetchStatus.FAILED
    assert result.error is not None and result.error.startswith("timed out")
    assert not result.settled


@pytest.mark.parametrize("path", ["/news/huge", "/news/huge-stream"])
def test_oversized_page_stops_at_the_cap(site: LocalSite, quick_settings, path: str) -> None:
    with Fetcher(quick_settings) as fetcher:
        result = fetcher.fetch(site.url(path))
    assert result.status is FetchStatus.TOO_LARGE
    assert result.body == b""
    assert result.bad_record().code == "E007"
    assert site.hits(path) == 1


class FakeClock:
    """Time that moves only when the fetcher sleeps, so waits can be asserted exactly."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def time(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 6))
        self.now += seconds


def _fetcher(handler, settings: FetchSettings | None = None) -> tuple[Fetcher, FakeClock]:
    clock = FakeClock()
    fetcher = Fetcher(settings or FetchSettings(), transport=httpx.MockTransport(handler),
                      clock=clock.time, sleep=clock.sleep)
    return fetcher, clock


def _robots_then(body: str = "", robots: str = "User-agent: *\nAllow: /\n"):
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        if request.url.path == "/robots.txt":
            return httpx.Response(200, text=robots)
        return httpx.Response(200, text=body, headers={"Content-Type": "text/html"})

    return handler, seen


def test_requests_to_one_host_are_spaced_by_the_interval() -> None:
    handler, seen = _robots_then("<p>x</p>")
    fetcher, clock = _fetcher(handler, FetchSettings(host_interval=2.0))
    for url in ("https://a.example/1", "https://a.example/2", "https://b.example/1"):
        assert fetcher.fetch(url).ok
    assert seen == ["https://a.example/robots.txt", "https://a.example/1", "https://a.example/2",
                    "https://b.example/robots.txt", "https://b.example/1"]
    # a: robots at 0, page 1 waits 2 s, page 2 waits 2 s; b: its own schedule.
    assert clock.sleeps == [2.0, 2.0, 2.0]


def test_robots_crawl_delay_overrides_a_shorter_interval() -> None:
    handler, _ = _robots_then("<p>x</p>", "User-agent: *\nCrawl-delay: 5\n")
    fetcher, clock = _fetcher(handler, FetchSettings(host_interval=1.0))
    fetcher.fetch("https://a.example/1")
    assert clock.sleeps == [5.0]


def test_retries_back_off_exponentially_and_honour_retry_after() -> None:
    answers = iter([httpx.Response(503), httpx.Response(503),
                    httpx.Response(429, headers={"Retry-After": "7"}),
                    httpx.Response(200, text="ok", headers={"Content-Type": "text/plain"})])

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        return next(answers)

    fetcher, clock = _fetcher(handler, FetchSettings(host_interval=0.0, backoff=1.0, retries=3))
    result = fetcher.fetch("https://a.example/story")
    assert result.ok and result.body == b"ok"
    assert result.attempts == 4
    assert clock.sleeps == [1.0, 2.0, 7.0]


def test_network_errors_are_retried_then_reported() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        raise httpx.ConnectError("connection refused", request=request)

    fetcher, clock = _fetcher(handler, FetchSettings(host_interval=0.0, backoff=0.5, retries=2))
    result = fetcher.fetch("https://a.example/story")
    assert result.status is FetchStatus.FAILED
    assert result.error == "ConnectError: connection refused"
    assert result.attempts == 3
    assert clock.sleeps == [0.5, 1.0]


@pytest.mark.parametrize("robots_status", [404, 403])
def test_missing_robots_allows_everything(robots_status: int) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(robots_status)
        return httpx.Response(200, text="x", headers={"Content-Type": "text/plain"})

    fetcher, _ = _fetcher(handler, FetchSettings(host_interval=0.0, backoff=0.0, retries=0))
    assert fetcher.fetch("https://a.example/story").ok


def test_unreachable_robots_means_nothing_is_fetched_for_now() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.path)
        return httpx.Response(503 if request.url.path == "/robots.txt" else 200)

    fetcher, _ = _fetcher(handler, FetchSettings(host_interval=0.0, backoff=0.0, retries=0))
    result = fetcher.fetch("https://a.example/story")
    assert result.status is FetchStatus.FAILED
    assert result.error == "robots.txt unreachable (HTTP 503 Service Unavailable)"
    assert not result.settled  # tried again in a later round
    assert seen == ["/robots.txt"]


def test_redirects_are_followed_and_each_hop_checked_against_robots() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path == "/robots.txt":
            return httpx.Response(200, text="User-agent: *\nDisallow: /private/\n")
        if path == "/old":
            return httpx.Response(301, headers={"Location": "/new"})
        if path == "/sneaky":
            return httpx.Response(302, headers={"Location": "https://a.example/private/x"})
        return httpx.Response(200, text="moved here", headers={"Content-Type": "text/plain"})

    fetcher, _ = _fetcher(handler, FetchSettings(host_interval=0.0))
    moved = fetcher.fetch("https://a.example/old")
    assert (moved.status, moved.url, moved.final_url) == (
        FetchStatus.OK, "https://a.example/old", "https://a.example/new")
    sneaky = fetcher.fetch("https://a.example/sneaky")
    assert sneaky.status is FetchStatus.FORBIDDEN
    assert sneaky.final_url == "https://a.example/private/x"


def test_declared_length_over_the_cap_is_not_downloaded() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        return httpx.Response(200, content=b"y" * 101, headers={"Content-Type": "text/plain"})

    fetcher, _ = _fetcher(handler, FetchSettings(host_interval=0.0, max_bytes=100))
    result = fetcher.fetch("https://a.example/big")
    assert result.status is FetchStatus.TOO_LARGE
    assert result.error == "response is over the size cap of 100 bytes"


@pytest.mark.parametrize("url", ["file:///etc/passwd", "http:///no-host"])
def test_non_http_urls_are_refused(url: str) -> None:
    fetcher, _ = _fetcher(lambda request: httpx.Response(200))
    result = fetcher.fetch(url)
    assert result.status is FetchStatus.FAILED
    assert result.error == f"not an http(s) URL: {url}"
