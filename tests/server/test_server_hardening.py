"""Exposure hardening: security headers on every answer, gzip, HEAD, a warning without TLS."""

from __future__ import annotations

import gzip
import re
import shutil
from pathlib import Path

import httpx
import pytest
from server_world import TOKEN, FixedSignals, serving

from tripwire.server.app import STATIC, create_app

HEADERS = {"x-frame-options": "DENY", "x-content-type-options": "nosniff",
           "referrer-policy": "no-referrer"}


def policy(response: httpx.Response) -> dict[str, list[str]]:
    """The Content-Security-Policy as directive -> sources."""
    parts = [p.split() for p in response.headers["content-security-policy"].split(";")]
    return {p[0]: p[1:] for p in parts if p}


@pytest.mark.parametrize("path", ["/", "/static/app.js", "/api/events", "/api/articles/nowhere",
                                  "/openapi.json"])
def test_every_answer_has_the_security_headers(live: str, path: str) -> None:
    response = httpx.get(live + path)
    assert {k: response.headers.get(k) for k in HEADERS} == HEADERS
    csp = policy(response)
    assert csp["script-src"] == ["'self'"]  # no inline script, no CDN, no eval
    assert csp["default-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert not [s for sources in csp.values() for s in sources if "http" in s or s == "*"]


def test_refused_bodies_have_the_headers_too(hand_made_db: Path, tmp_path: Path) -> None:
    copy = shutil.copy(hand_made_db, tmp_path / "copy.duckdb")
    with serving(create_app(copy, token=TOKEN, max_body=100, signals=FixedSignals())) as url:
        response = httpx.post(url + "/api/ingest", json={"articles": [{"text": "a" * 200}]})
    assert response.status_code == 413
    assert response.headers["x-frame-options"] == "DENY"


def test_the_page_has_no_inline_script() -> None:
    page = (STATIC / "index.html").read_text(encoding="utf-8")
    scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", page, flags=re.S)
    assert scripts and all('src="/' in attrs and not body.strip() for attrs, body in scripts)
    assert re.findall(r"<[^>]*\son[a-z]+\s*=", page) == []  # no onclick= and the like


def test_large_answers_are_gzipped(live: str) -> None:
    plotly = httpx.get(live + "/vendor/plotly.min.js", headers={"accept-encoding": "gzip"})
    assert plotly.headers["content-encoding"] == "gzip"
    raw = httpx.Client().send(httpx.Request("GET", live + "/vendor/plotly.min.js",
                                            headers={"accept-encoding": "gzip"}), stream=True)
    compressed = b"".join(raw.iter_raw())
    assert len(compressed) < len(plotly.content) / 3
    assert gzip.decompress(compressed) == plotly.content
    plain = httpx.get(live + "/api/events", headers={"accept-encoding": "identity"})
    assert "content-encoding" not in plain.headers


@pytest.mark.parametrize(("path", "kind"), [("/", "text/html"),
                                            ("/vendor/plotly.min.js", "text/javascript"),
                                            ("/static/style.css", "text/css"),
                                            ("/api/events", "application/json")])
def test_head_is_answered_without_a_body(live: str, path: str, kind: str) -> None:
    head = httpx.head(live + path, headers={"accept-encoding": "identity"})
    get = httpx.get(live + path, headers={"accept-encoding": "identity"})
    assert head.status_code == 200
    assert head.headers["content-type"].startswith(kind)
    assert head.content == b""
    assert head.headers["content-length"] == str(len(get.content))
    assert head.headers["x-frame-options"] == "DENY"


@pytest.fixture
def uvicorn_calls(monkeypatch: pytest.MonkeyPatch) -> list[dict]:
    """`uvicorn.run` replaced: what `tripwire serve` would have served, without serving."""
    calls: list[dict] = []

    def run(app, **options: object) -> None:
        calls.append({**options, "state": app.state.tripwire})
        app.state.tripwire.store.close()

    monkeypatch.setattr("uvicorn.run", run)
    monkeypatch.delenv("TRIPWIRE_TOKEN", raising=False)
    return calls


@pytest.mark.parametrize(("host", "warned"), [
    ("0.0.0.0", True), ("192.0.2.7", True), ("::", True), ("example.invalid", True),
    ("127.0.0.1", False), ("::1", False), ("localhost", False)])
def test_serve_warns_when_listening_beyond_loopback_without_tls(
        run_cli, uvicorn_calls: list[dict], hand_made_db: Path, host: str, warned: bool) -> None:
    result = run_cli("serve", "--db", str(hand_made_db), "--host", host)
    assert result.code == 0, result.err
    assert uvicorn_calls[0]["host"] == host
    assert ("warning: listening on" in result.err) is warned
    if warned:
        assert "without TLS" in result.err and "docs/deploy.md" in result.err


def test_serve_with_tls_does_not_warn(run_cli, uvicorn_calls: list[dict], hand_made_db: Path,
                                      tmp_path: Path) -> None:
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    result = run_cli("serve", "--db", str(hand_made_db), "--host", "0.0.0.0",
                     "--ssl-certfile", str(cert), "--ssl-keyfile", str(key))
    assert result.code == 0, result.err
    assert "warning" not in result.err
    assert "https://0.0.0.0:8000/" in result.err
    assert (uvicorn_calls[0]["ssl_certfile"], uvicorn_calls[0]["ssl_keyfile"]) == (
        str(cert), str(key))
    half = run_cli("serve", "--db", str(hand_made_db), "--ssl-certfile", str(cert))
    assert half.code == 1
    assert "give --ssl-certfile and --ssl-keyfile together" in half.err


def test_serve_passes_the_open_analyze_limits(run_cli, uvicorn_calls: list[dict],
                                              hand_made_db: Path) -> None:
    result = run_cli("serve", "--db", str(hand_made_db), "--analyze-per-minute", "3",
                     "--analyze-max-chars", "500")
    assert result.code == 0, result.err
    limits = uvicorn_calls[0]["state"].open_analyze
    assert (limits.per_minute, limits.max_chars) == (3, 500)
