"""WARC/WARC.gz as an input format: HTML responses only, dates, and truncated archives."""

from __future__ import annotations

from pathlib import Path

import pytest
from scale_helpers import Page, html_page, warc_bytes

from tripwire.document import Article
from tripwire.errors import BadRecord
from tripwire.ingest import iter_articles
from tripwire.ingest.warc import content_type_parts, http_date

STORY = html_page("Harbour talks", "Delegations met at the harbour on Tuesday.")


def _pages() -> list[Page]:
    return [
        Page("https://www.example.org/news/talks", STORY),
        Page("https://example.org/robots.txt", "User-agent: *", content_type="text/plain"),
        Page("https://example.org/old", "", status="301 Moved Permanently"),
        Page("https://example.org/missing", html_page("Not found", "Gone."), status="404 Not Found"),
        Page("https://example.org/news/talks", "", record_type="request"),
        Page("https://news.example.net/b", html_page("B", "Second story."),
             content_type="application/xhtml+xml", warc_date=None,
             http_date="Wed, 06 Mar 2019 08:30:00 GMT"),
    ]


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_yields_html_responses_only(make_warc, name: str) -> None:
    path = make_warc(name, _pages())
    items = list(iter_articles([str(path)]))
    assert all(isinstance(i, Article) for i in items)
    assert [(a.url, a.published, a.source) for a in items] == [
        ("https://www.example.org/news/talks", "2019-03-05", "example.org"),
        ("https://news.example.net/b", "2019-03-06", "news.example.net"),
    ]
    assert items[0].html == STORY
    assert items[0].origin.startswith(f"{path}@")


def test_warc_in_a_folder_is_read_like_any_other_file(make_warc, tmp_path: Path) -> None:
    make_warc("a.warc.gz", _pages()[:1])
    (tmp_path / "b.txt").write_text("A plain report about the harbour.", encoding="utf-8")
    items = list(iter_articles([str(tmp_path)]))
    assert [type(i).__name__ for i in items] == ["Article", "Article"]
    assert items[0].url == "https://www.example.org/news/talks"


def test_declared_charset_is_used_to_decode(make_warc) -> None:
    page = Page("https://example.org/c", "<html><body><p>Caf\u00e9 talks</p></body></html>",
                content_type="text/html; charset=ISO-8859-1", encoding="latin-1")
    path = make_warc("c.warc", [page])
    (item,) = iter_articles([str(path)])
    assert isinstance(item, Article)
    assert "Caf\u00e9 talks" in (item.html or "")


@pytest.mark.parametrize("gzip", [True, False])
def test_truncated_warc_gives_a_bad_record_naming_file_and_offset(tmp_path: Path,
                                                                  gzip: bool) -> None:
    whole = warc_bytes([Page(f"https://example.org/{n}", STORY) for n in range(3)], gzip=gzip)
    path = tmp_path / ("cut.warc.gz" if gzip else "cut.warc")
    path.write_bytes(whole[:-40])
    items = list(iter_articles([str(path)]))
    articles = [i for i in items if isinstance(i, Article)]
    errors = [i for i in items if isinstance(i, BadRecord)]
    assert [a.url for a in articles] == ["https://example.org/0", "https://example.org/1"]
    assert len(errors) == 1
    assert errors[0].code == "E004"
    assert errors[0].where is not None and errors[0].where.startswith(f"{path}@")
    offset = int(errors[0].where.rsplit("@", 1)[1])
    assert 0 < offset < len(whole)
    assert "truncated" in errors[0].message


def test_garbage_with_a_warc_suffix_is_a_bad_record(tmp_path: Path) -> None:
    path = tmp_path / "junk.warc.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00" + b"not really gzip" * 10)
    (error,) = iter_articles([str(path)])
    assert isinstance(error, BadRecord)
    assert error.code == "E004"
    assert error.where == f"{path}@0"


def test_header_helpers() -> None:
    assert content_type_parts("text/html; charset=ISO-8859-1") == ("text/html", "iso-8859-1")
    assert content_type_parts(None) == ("", None)
    assert http_date("Tue, 05 Mar 2019 10:00:00 GMT") == "2019-03-05"
    assert http_date("2019-03-05T23:59:59Z") == "2019-03-05"
    assert http_date("yesterday-ish") is None


def test_analyze_and_ingest_commands_accept_warc_files(make_warc, run_cli,
                                                       tmp_path: Path) -> None:
    story = html_page("Harbour talks", "Delegations from two neighbouring states met at the "
                      "harbour on Tuesday to discuss fishing rights, officials said.")
    path = make_warc("crawl.warc.gz", [Page("https://example.org/news/talks", story)])
    analysed = run_cli("analyze", str(path), "--quiet")
    assert analysed.code == 0
    (line,) = analysed.out.splitlines()
    assert '"url": "https://example.org/news/talks"' in line
    assert "Delegations from two neighbouring states" in line
    ingested = run_cli("ingest", str(path), "--db", str(tmp_path / "t.duckdb"))
    assert ingested.code == 0
    assert "1 article," in ingested.err
