"""Every stored id can be opened through the API: ids with slashes, ?, #, spaces, non-ASCII."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from server_world import ODD_IDS, FixedSignals, serving

from tripwire.server.app import create_app


@pytest.fixture(scope="module")
def odd_url(odd_db: Path):
    with serving(create_app(odd_db, signals=FixedSignals())) as url:
        yield url


@pytest.mark.parametrize("article_id", ODD_IDS)
def test_any_stored_article_id_opens(odd_url: str, article_id: str) -> None:
    # quoted as the dashboard's encodeURIComponent does: "/" too
    article = httpx.get(f"{odd_url}/api/articles/{quote(article_id, safe='')}")
    assert article.status_code == 200, article.text
    assert article.json()["id"] == article_id
    event_id = f"{article_id}:0"
    event = httpx.get(f"{odd_url}/api/events/{quote(event_id, safe='')}")
    assert event.status_code == 200, event.text
    assert (event.json()["id"], event.json()["article"]["id"]) == (event_id, article_id)


def test_a_slash_id_opens_unquoted_too(odd_url: str) -> None:
    response = httpx.get(f"{odd_url}/api/articles/bbc/2026/10/01/story")
    assert (response.status_code, response.json()["id"]) == (200, "bbc/2026/10/01/story")
    missing = httpx.get(f"{odd_url}/api/articles/bbc/2026/10/01")
    assert (missing.status_code, missing.json()["message"]) == (404, "no article 'bbc/2026/10/01'")
