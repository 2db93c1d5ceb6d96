"""`tripwire watch` and `tripwire fetch`: feeds, the crawl log, restarts, and the commands."""

from __future__ import annotations

from pathlib import Path

import pytest
from scale_helpers import LocalSite, Reply, rss

from tripwire.errors import BadRecord, TripwireError
from tripwire.pipeline import analyze_stream
from tripwire.scale.crawl_log import MAX_ATTEMPTS
from tripwire.scale.feeds import parse_feed, read_feed_list
from tripwire.scale.fetch import Fetcher, FetchSettings
from tripwire.scale.watch import Crawler, parse_interval
from tripwire.store import Store


def _pages(store: Store) -> dict[str, tuple[str, bool, int, bool]]:
    """url path -> (status, settled, attempts, has an article)."""
    rows = store.cursor().execute(
        "SELECT url, status, settled, attempts, article_id IS NOT NULL FROM fetched_urls"
    ).fetchall()
    return {url.split(":", 2)[2].split("/", 1)[1]: tuple(rest) for url, *rest in rows}


def _articles(store: Store) -> list[tuple[str, str, str]]:
    return store.cursor().execute(
        "SELECT url, title, CAST(published AS VARCHAR) FROM articles ORDER BY url").fetchall()


def test_watch_round_stores_new_pages_and_records_every_outcome(
        site: LocalSite, quick_settings: FetchSettings, tmp_path: Path) -> None:
    with Store(tmp_path / "t.duckdb") as store, Fetcher(quick_settings) as fetcher:
        report = Crawler(fetcher, store).watch_round([site.url("/feed.xml")])
        assert (report.feeds, report.pages, report.articles) == (1, 4, 2)
        assert sorted(e.code for e in report.skipped) == ["E030", "E031"]
        assert _articles(store) == [
            (site.url("/news/grain-deal"), "Grain deal", "2019-03-06"),
            (site.url("/news/harbour-talks"), "Harbour talks", "2019-03-05"),
        ]
        assert _pages(store) == {
            "news/harbour-talks": ("ok", True, 1, True),
            "news/grain-deal": ("ok", True, 1, True),
            "private/memo": ("forbidden", True, 1, False),
            "news/broken": ("http_error", False, 1, False),
        }
    assert site.hits("/private/memo") == 0


def test_restart_refetches_nothing_settled_and_retries_failures(
        site: LocalSite, quick_settings: FetchSettings, tmp_path: Path) -> None:
    db = tmp_path / "t.duckdb"
    feed = site.url("/feed.xml")
    with Store(db) as store, Fetcher(quick_settings) as fetcher:
        Crawler(fetcher, store).watch_round([feed])
    for _ in range(MAX_ATTEMPTS):  # each a fresh process, as after a restart
        with Store(db) as store, Fetcher(quick_settings) as fetcher:
            report = Crawler(fetcher, store).watch_round([feed])
            assert report.feeds_unchanged == 1
            assert report.articles == 0
    assert site.hits("/news/harbour-talks") == 1
    assert site.hits("/news/grain-deal") == 1
    # 2 requests a round (one retry) until MAX_ATTEMPTS rounds have failed; then it is given up.
    assert site.hits("/news/broken") == 2 * MAX_ATTEMPTS
    feed_requests = [h for p, h in site.requests if p == "/feed.xml"]
    assert "If-None-Match" not in feed_requests[0]
    assert all(h["If-None-Match"] == '"feed-v1"' for h in feed_requests[1:])


def test_new_feed_entries_are_fetched_on_the_next_round(
        site: LocalSite, quick_settings: FetchSettings, tmp_path: Path) -> None:
    feed = site.url("/feed.xml")
    with Store(tmp_path / "t.duckdb") as store, Fetcher(quick_settings) as fetcher:
        crawler = Crawler(fetcher, store)
        crawler.watch_round([feed])
        site.routes["/news/port-closed"] = Reply(
            b"The port authority closed the northern harbour to cargo ships on Friday.",
            content_type="text/plain; charset=utf-8")
        site.routes["/feed.xml"] = Reply(
            rss([("/news/port-closed", "Port closed", "Fri, 08 Mar 2019 09:00:00 GMT"),
                 ("/news/harbour-talks", "Harbour talks", "Tue, 05 Mar 2019 09:00:00 GMT")]),
            content_type="application/rss+xml", headers={"ETag": '"feed-v2"'})
        report = crawler.watch_round([feed])
        assert report.articles == 1
        assert [p for p, _ in site.requests[-4:]] == ["/feed.xml", "/news/port-closed",
                                                       "/news/broken", "/news/broken"]
        assert (site.url("/news/port-closed"), "Port closed", "2019-03-08") in _articles(store)


def test_a_crash_mid_feed_loses_no_entry(site: LocalSite, quick_settings: FetchSettings,
                                         tmp_path: Path) -> None:
    db = tmp_path / "t.duckdb"
    feed = site.url("/feed.xml")
    calls = 0

    def crashing(items):
        nonlocal calls
        calls += 1
        if calls == 2:
            raise KeyboardInterrupt  # stopped while analysing the second batch
        return analyze_stream(items)

    with Store(db) as store, Fetcher(quick_settings) as fetcher, \
            pytest.raises(KeyboardInterrupt):
        Crawler(fetcher, store, analyze=crashing, batch_size=1).watch_round([feed])
    with Store(db) as store, Fetcher(quick_settings) as fetcher:
        assert len(_articles(store)) == 1
        report = Crawler(fetcher, store).watch_round([feed])
        assert report.feeds_unchanged == 0  # validators were not saved before the crash
        assert report.articles == 1
        assert len(_articles(store)) == 2
    assert site.hits("/news/harbour-talks") == 1
    assert site.hits("/news/grain-deal") == 2  # fetched, crash before storing, fetched again


def test_fetch_prints_documents_without_a_database(site: LocalSite, run_cli) -> None:
    result = run_cli("fetch", site.url("/news/harbour-talks"), site.url("/private/memo"),
                     "--format", "jsonl", "--delay", "0", "--retries", "0")
    assert result.code == 0
    lines = result.out.splitlines()
    assert len(lines) == 1
    assert '"url": "' + site.url("/news/harbour-talks") + '"' in lines[0]
    assert "Delegations from two neighbouring states" in lines[0]
    assert f"skipped: {site.url('/private/memo')}: robots.txt forbids" in result.err
    assert "1 article," in result.err


def test_fetch_stores_and_a_second_fetch_is_not_modified(site: LocalSite, run_cli,
                                                         tmp_path: Path) -> None:
    db = str(tmp_path / "t.duckdb")
    url = site.url("/news/grain-deal")
    first = run_cli("fetch", url, "--db", db, "--delay", "0")
    second = run_cli("fetch", url, "--db", db, "--delay", "0")
    assert (first.code, second.code) == (0, 0)
    assert first.out == second.out == ""
    assert "1 article," in first.err
    assert "1 page (1 unchanged), 0 articles" in second.err
    assert [p for p, _ in site.requests] == ["/robots.txt", "/news/grain-deal",
                                             "/robots.txt", "/news/grain-deal"]
    assert site.requests[-1][1]["If-None-Match"] == '"deal-v1"'


def test_fetch_with_nothing_fetched_fails_with_one_line(site: LocalSite, run_cli) -> None:
    result = run_cli("fetch", site.url("/private/memo"), "--delay", "0")
    assert result.code == 1
    assert result.err.strip().endswith("error: no page could be fetched and analysed [E030]")


def test_watch_once_command(site: LocalSite, run_cli, tmp_path: Path) -> None:
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"# local test feed\n\n{site.url('/feed.xml')}\n", encoding="utf-8")
    db = str(tmp_path / "t.duckdb")
    result = run_cli("watch", str(feeds), "--once", "--db", db, "--delay", "0", "--retries", "0",
                     "--timeout", "0.5")
    assert result.code == 0
    assert "1 feed (0 unchanged), 4 pages (0 unchanged), 2 articles" in result.err
    again = run_cli("watch", str(feeds), "--once", "--db", db, "--delay", "0", "--retries", "0")
    assert "1 feed (1 unchanged), 1 page (0 unchanged), 0 articles" in again.err


def test_feed_list_and_interval_errors(tmp_path: Path) -> None:
    listing = tmp_path / "feeds.txt"
    listing.write_text("https://a.example/rss  # main\nhttps://a.example/rss\nftp://x/feed\n",
                       encoding="utf-8")
    with pytest.raises(TripwireError) as caught:
        read_feed_list(listing)
    assert caught.value.render() == f"{listing}:3: not an http(s) feed URL: 'ftp://x/feed' [E005]"
    listing.write_text("https://a.example/rss  # main\nhttps://a.example/rss\n", encoding="utf-8")
    assert read_feed_list(listing) == ["https://a.example/rss"]
    assert [parse_interval(v) for v in ("90", "30s", "15m", "2h", "1d")] == [
        90, 30, 900, 7200, 86400]
    with pytest.raises(TripwireError):
        parse_interval("soon")


def test_parse_feed_resolves_links_and_dates_and_rejects_junk() -> None:
    atom = (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>'
            b'<entry><title>One</title><link href="/a/1"/><updated>2020-02-03T04:05:06Z</updated>'
            b'</entry><entry><title>No link</title></entry></feed>')
    feed = parse_feed(atom, "https://a.example/feed")
    assert feed.title == "A"
    assert [(e.url, e.title, e.published) for e in feed.entries] == [
        ("https://a.example/a/1", "One", "2020-02-03")]
    with pytest.raises(BadRecord) as caught:
        parse_feed(b"\x00\x01 not a feed", "https://a.example/feed")
    assert caught.value.code == "E005"
