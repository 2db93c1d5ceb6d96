"""The JSON API over real HTTP (uvicorn on 127.0.0.1) on the hand-made database."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import httpx
import pytest
from server_world import ALERT, SHELLING, TALKS, TOKEN, FixedSignals, at, serving

from tripwire.ontology import ontology
from tripwire.server.app import create_app
from tripwire.server.settings import OpenAnalyze
from tripwire.server.signals_source import NEEDED, UNAVAILABLE, StageSignals
from tripwire.signals.report import QUAD_COLOURS

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def get(url: str, path: str, **params: object) -> httpx.Response:
    return httpx.get(url + path, params=params, timeout=30)


def event_ids(response: httpx.Response) -> list[str]:
    assert response.status_code == 200, response.text
    return [e["id"] for e in response.json()["events"]]


def test_events_all_in_date_order(live: str) -> None:
    body = get(live, "/api/events").json()
    assert body["total"] == 5
    assert [e["id"] for e in body["events"]] == [
        "talks:0", "shelling:0", "shelling:1", "tanks:0", "tanks:1"]


def test_event_filters(live: str) -> None:
    assert event_ids(get(live, "/api/events", dyad="WMK-OST")) == [
        "shelling:0", "tanks:0", "tanks:1"]
    assert event_ids(get(live, "/api/events", dyad="OST->WMK")) == ["talks:0", "shelling:1"]
    assert event_ids(get(live, "/api/events", dyad="WMK-OST", directed="false")) == [
        "talks:0", "shelling:0", "shelling:1", "tanks:0", "tanks:1"]
    assert event_ids(get(live, "/api/events", dyad="WMK-OST", modality="asserted")) == [
        "shelling:0", "tanks:0"]
    assert event_ids(get(live, "/api/events", type="ACCUSE")) == ["shelling:1"]
    assert event_ids(get(live, "/api/events", quad="verbal_cooperation")) == ["talks:0"]
    assert event_ids(get(live, "/api/events", modality="negated")) == ["tanks:1"]
    assert event_ids(get(live, "/api/events", **{"from": "2026-03-10", "to": "2026-03-10"})) == [
        "shelling:0", "shelling:1"]
    assert event_ids(get(live, "/api/events", q="KESSEL")) == ["shelling:0"]
    assert event_ids(get(live, "/api/events", q="100%")) == []  # % is matched literally
    assert event_ids(get(live, "/api/events", actor="OST", type="CONSULT")) == ["talks:0"]
    assert event_ids(httpx.get(live + "/api/events?id=tanks:1&id=talks:0")) == [
        "talks:0", "tanks:1"]


def test_event_pages(live: str) -> None:
    body = get(live, "/api/events", page=3, page_size=2).json()
    assert (body["total"], body["page"], body["page_size"]) == (5, 3, 2)
    assert [e["id"] for e in body["events"]] == ["tanks:1"]
    assert get(live, "/api/events", page=4, page_size=2).json()["events"] == []


@pytest.mark.parametrize(("params", "message"), [
    ({"page_size": 201}, "page_size: Input should be less than or equal to 200"),
    ({"page": 0}, "page: Input should be greater than or equal to 1"),
    ({"type": "PARADE"}, "type: Input should be"),
    ({"modality": "maybe"}, "modality: Input should be"),
    ({"from": "2026-13-01"}, "from: Input should be a valid date"),
    ({"from": "2026-03-11", "to": "2026-03-01"}, "from 2026-03-11 is after to 2026-03-01"),
    ({"dyad": "WMK"}, "bad dyad 'WMK'"),
    ({"dyad": "WMK-nowhere"}, "bad dyad 'WMK-nowhere': no split names two stored actors"),
    ({"dyad": "WMK->nowhere"}, "unknown actor 'nowhere'"),
    ({"sort": "colour"}, "sort: Input should be"),
])
def test_bad_parameters_get_422_with_a_message(live: str, params: dict, message: str) -> None:
    response = get(live, "/api/events", **params)
    assert response.status_code == 422
    assert message in response.json()["message"]


def test_event_detail_has_sentence_article_and_actors(live: str) -> None:
    body = get(live, "/api/events/shelling:0").json()
    assert body["type"] == "ASSAULT"
    assert body["sentence_text"] == "Westmark troops shelled the Ostland town of Kessel on Tuesday."
    assert SHELLING[body["sentence_start"]:body["sentence_end"]] == body["sentence_text"]
    assert (body["trigger_text"], body["trigger_start"]) == ("shelled", SHELLING.index("shelled"))
    assert body["article"] == {"id": "shelling", "title": "Westmark shells Kessel",
                               "published": "2026-03-10", "url": "https://wire.invalid/shelling",
                               "source": "Test Wire"}
    assert [(a["role"], a["actor"]) for a in body["actors"]] == [("target", "OST"),
                                                                 ("source", "WMK")]
    assert body["incident"] is None  # FixedSignals builds no incidents


def test_unknown_ids_get_404(live: str) -> None:
    assert get(live, "/api/events/nowhere:0").status_code == 404
    response = get(live, "/api/articles/nowhere")
    assert (response.status_code, response.json()["message"]) == (404, "no article 'nowhere'")


def test_article_spans(live: str) -> None:
    body = get(live, "/api/articles/talks").json()
    assert body["text"] == TALKS
    spans = {(s["kind"], s["start"], s["end"], s["label"], s["ref"]) for s in body["spans"]}
    assert spans == {
        ("actor", *at(TALKS, "Ostland"), "Ostland", "OST"),
        ("actor", *at(TALKS, "Westmark"), "Westmark", "WMK"),
        ("actor", *at(TALKS, "Anna Berg"), "Anna Berg", "person:anna-berg"),
        ("quote", *at(TALKS, "We want calm borders."), "Anna Berg", "person:anna-berg"),
        ("time", *at(TALKS, "on Monday"), "2026-03-02", None),
        ("sentence", 0, TALKS.index(". ") + 1, "CONSULT", "talks:0"),
        ("trigger", *at(TALKS, "held talks"), "CONSULT", "talks:0"),
    }
    assert [s["start"] for s in body["spans"]] == sorted(s["start"] for s in body["spans"])
    assert [e["id"] for e in body["events"]] == ["talks:0"]


def test_actors_with_counts(live: str) -> None:
    rows = {a["id"]: a for a in get(live, "/api/actors").json()}
    assert set(rows) == {"OST", "WMK", "person:anna-berg"}
    assert {k: rows["WMK"][k] for k in ("mentions", "articles", "as_source", "as_target")} == {
        "mentions": 5, "articles": 3, "as_source": 3, "as_target": 2}
    assert [a["id"] for a in get(live, "/api/actors", q="berg").json()] == ["person:anna-berg"]


def test_network_counts_asserted_events_by_pair(live: str) -> None:
    body = get(live, "/api/network").json()
    assert body["edges"] == [
        {"source": "OST", "target": "WMK", "events": 2, "conflict": 1, "cooperation": 1},
        {"source": "WMK", "target": "OST", "events": 2, "conflict": 2, "cooperation": 0},
    ]
    assert [a["id"] for a in body["actors"]] == ["OST", "WMK"]
    every = get(live, "/api/network", modality="negated").json()["edges"]
    assert [(e["source"], e["events"]) for e in every] == [("WMK", 1)]


def test_quotes_by_speaker(live: str) -> None:
    body = get(live, "/api/quotes").json()
    assert [(s["speaker"], s["actor"], s["count"]) for s in body] == [
        ("Anna Berg", "person:anna-berg", 1), ("its army chief", None, 1)]
    assert body[0]["quotes"][0]["text"] == "We want calm borders."
    assert body[0]["quotes"][0]["article_id"] == "talks"
    only = get(live, "/api/quotes", actor="person:anna-berg").json()
    assert [s["speaker"] for s in only] == ["Anna Berg"]


def test_alerts_and_signals_come_from_the_signals_source(live: str) -> None:
    body = get(live, "/api/alerts").json()
    assert body["note"] is None
    assert body["alerts"] == [{**ALERT, "start": "2026-03-10", "end": "2026-03-11",
                               "first_at_level": {"watch": "2026-03-10", "warning": "2026-03-11"},
                               "directed": True}]
    assert get(live, "/api/alerts", dyad="OST-WMK").json()["alerts"] == []
    assert get(live, "/api/alerts", to="2026-03-09").json()["alerts"] == []
    signals = get(live, "/api/signals", dyad="WMK-OST").json()
    assert (signals["source"], signals["target"]) == ("WMK", "OST")
    assert [p["material_conflict"] for p in signals["series"]] == [0, 1, 1]
    assert [p["index"] for p in signals["index"]] == [0.0, 2.8]
    assert [a["id"] for a in signals["alerts"]] == [ALERT["id"]]
    both = get(live, "/api/signals", dyad="WMK-OST", actor="OST")
    assert (both.status_code, both.json()["message"]) == (422, "give a dyad or an actor, not both")


def test_analyze_returns_a_document_and_stores_nothing(live: str) -> None:
    text = "Northland and Southmark signed a trade agreement on Friday."
    response = httpx.post(live + "/api/analyze", json={"text": text, "published": "2026-04-03"},
                          headers=AUTH, timeout=120)
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["schema"], body["text"], body["published"]) == ("tripwire/1", text,
                                                                 "2026-04-03")
    assert body["sentences"] == [{"start": 0, "end": len(text)}]
    assert get(live, "/api/events").json()["total"] == 5
    assert get(live, f"/api/articles/{body['id']}").status_code == 404


def test_analyze_validates_its_body(live: str) -> None:
    empty = httpx.post(live + "/api/analyze", json={"text": ""}, headers=AUTH)
    assert empty.status_code == 422
    assert "text: String should have at least 1 character" in empty.json()["message"]
    broken = httpx.post(live + "/api/analyze", content=b"{not json",
                        headers={"content-type": "application/json", **AUTH})
    assert broken.status_code == 422
    assert broken.json()["message"] == "body: JSON decode error"


def test_analyze_needs_the_token_when_the_server_has_one(live: str) -> None:
    body = {"text": "Ostland protested."}
    missing = httpx.post(live + "/api/analyze", json=body)
    assert (missing.status_code, missing.json()["message"]) == (
        401, "a valid bearer token is required")
    wrong = httpx.post(live + "/api/analyze", json=body,
                       headers={"Authorization": "Bearer not-the-token"})
    assert wrong.status_code == 401
    # a token holder is not capped: a text over the open server's limit is analysed
    long = httpx.post(live + "/api/analyze", json={"text": "Ostland protested. " * 1200},
                      headers=AUTH, timeout=300)
    assert long.status_code == 200, long.text


def test_open_analyze_is_limited_per_client(hand_made_db: Path, tmp_path: Path) -> None:
    copy = shutil.copy(hand_made_db, tmp_path / "copy.duckdb")
    limits = OpenAnalyze(per_minute=2, max_chars=60)
    with serving(create_app(copy, signals=FixedSignals(), open_analyze=limits)) as url:
        long = httpx.post(url + "/api/analyze", json={"text": "Ostland protested. " * 4})
        short = httpx.post(url + "/api/analyze", json={"text": "Ostland protested."},
                           timeout=120)
        third = httpx.post(url + "/api/analyze", json={"text": "Ostland protested."})
        reads = httpx.get(url + "/api/events")
    assert (long.status_code, long.json()["message"]) == (
        413, "text of 76 characters is over the 60 this server analyses without a token")
    assert short.status_code == 200, short.text
    assert (third.status_code, third.json()["message"]) == (
        429, "over 2 analyses a minute from this client")
    assert 1 <= int(third.headers["retry-after"]) <= 60
    assert reads.status_code == 200  # reads are not limited


def test_ingest_needs_the_token(live: str) -> None:
    body = {"articles": [{"text": "Ostland recalled its ambassador."}]}
    missing = httpx.post(live + "/api/ingest", json=body)
    assert missing.status_code == 401
    assert missing.headers["www-authenticate"] == "Bearer"
    assert missing.json()["message"] == "a valid bearer token is required"
    wrong = httpx.post(live + "/api/ingest", json=body,
                       headers={"Authorization": "Bearer not-the-token"})
    assert wrong.status_code == 401
    # refused before the body is looked at
    bad_body = httpx.post(live + "/api/ingest", json={"nothing": 1})
    assert bad_body.status_code == 401


def test_ingest_is_disabled_without_a_token(hand_made_db: Path, tmp_path: Path) -> None:
    copy = shutil.copy(hand_made_db, tmp_path / "copy.duckdb")
    with serving(create_app(copy, token=None, signals=FixedSignals())) as url:
        response = httpx.post(url + "/api/ingest", json={"articles": [{"text": "x"}]},
                              headers={"Authorization": "Bearer anything"})
    assert response.status_code == 403
    assert response.json()["message"] == "ingest is disabled: start the server with TRIPWIRE_TOKEN set"


def test_ingest_stores_once(hand_made_db: Path, tmp_path: Path) -> None:
    copy = shutil.copy(hand_made_db, tmp_path / "copy.duckdb")
    signals = FixedSignals()
    text = "Ostland recalled its ambassador from Westmark on Sunday."
    body = {"articles": [{"id": "recall", "text": text, "published": "2026-03-15",
                          "title": "Ostland recalls envoy"}]}
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with serving(create_app(copy, token=TOKEN, signals=signals)) as url:
        first = httpx.post(url + "/api/ingest", json=body, headers=auth, timeout=120)
        again = httpx.post(url + "/api/ingest", json=body, headers=auth, timeout=120)
        stored = httpx.get(url + "/api/articles/recall").json()
    assert first.status_code == 200, first.text
    assert {k: first.json()[k] for k in ("added", "duplicates", "document_ids")} == {
        "added": 1, "duplicates": 0, "document_ids": ["recall"]}
    assert {k: again.json()[k] for k in ("added", "duplicates")} == {"added": 0, "duplicates": 1}
    assert (stored["text"], stored["title"], stored["published"]) == (
        text, "Ostland recalls envoy", "2026-03-15")
    assert signals.refreshed == 1  # only the request that added something


def test_bodies_over_the_limit_get_413(hand_made_db: Path, tmp_path: Path) -> None:
    copy = shutil.copy(hand_made_db, tmp_path / "copy.duckdb")
    with serving(create_app(copy, token=TOKEN, max_body=1000, signals=FixedSignals())) as url:
        declared = httpx.post(url + "/api/analyze", json={"text": "a" * 2000})
        streamed = httpx.post(url + "/api/analyze", content=iter([b'{"text": "', b"a" * 2000,
                                                                  b'"}']),
                              headers={"content-type": "application/json"})
        unauthorised = httpx.post(url + "/api/ingest", json={"articles": [{"text": "a" * 2000}]})
        small = httpx.post(url + "/api/analyze", json={"text": "Ostland protested."},
                           headers=AUTH, timeout=120)
    assert declared.status_code == 413
    assert declared.json()["message"] == "request body over 1000 bytes"
    assert "content-length" not in {k.lower() for k in streamed.request.headers}
    assert streamed.status_code == 413
    assert unauthorised.status_code == 413
    assert small.status_code == 200


def test_openapi_describes_every_route(live: str) -> None:
    spec = get(live, "/openapi.json").json()
    assert set(spec["paths"]) == {
        "/api/events", "/api/events/{event_id}", "/api/articles/{article_id}", "/api/actors",
        "/api/network", "/api/quotes", "/api/alerts", "/api/signals", "/api/analyze",
        "/api/ingest", "/api/export/events", "/api/ontology"}
    assert spec["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"
    assert "page_size" in {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}


def test_ontology_gives_each_quad_its_one_colour(live: str) -> None:
    body = get(live, "/api/ontology").json()
    assert [q["name"] for q in body["quads"]] == list(ontology().quad_names)
    assert {q["name"]: q["colour"] for q in body["quads"]} == QUAD_COLOURS
    assert {t["name"]: t["quad"] for t in body["types"]}["ASSAULT"] == "material_conflict"
    assert body["modalities"][0] == {"name": "asserted", "happened": True,
                                     "description": "reported as done"}


def test_dashboard_and_plotly_are_served_locally(live: str) -> None:
    page = get(live, "/")
    assert page.status_code == 200
    assert '<script src="/vendor/plotly.min.js"></script>' in page.text
    assert "http" not in page.text.split("<body>")[0]  # no CDN in the head
    plotly = get(live, "/vendor/plotly.min.js")
    assert plotly.status_code == 200
    assert plotly.headers["content-type"].startswith("text/javascript")
    assert b"plotly.js" in plotly.content[:2000]
    for asset in ("app.js", "style.css"):
        assert get(live, f"/static/{asset}").status_code == 200


def test_stage_signals_says_whether_the_stage_is_there() -> None:
    import tripwire.signals as stage

    present = hasattr(stage, "find_alerts")
    assert StageSignals().note == (None if present else UNAVAILABLE)
    # once the stage's modules are in, the package must export what the server calls
    if importlib.util.find_spec("tripwire.signals.alerts") is not None:
        assert [n for n in NEEDED if not hasattr(stage, n)] == []
