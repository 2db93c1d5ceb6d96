"""The JSON API under /api: thin handlers that validate parameters and call `queries`."""

from __future__ import annotations

import datetime as dt
import hmac
import json
import math
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Annotated, Any

import duckdb
from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import StreamingResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from limits import RateLimitItemPerMinute
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter

from tripwire.analyze import analyze_many
from tripwire.document import Article, Document
from tripwire.ontology import ontology
from tripwire.server import queries
from tripwire.server.models import (
    MAX_PAGE_SIZE,
    ActorSummary,
    Alerts,
    ArticleDetail,
    ArticleIn,
    EventDetail,
    EventPage,
    EventSort,
    ExportFormat,
    IngestIn,
    IngestOut,
    Modality,
    Network,
    OntologyOut,
    Period,
    PloverType,
    Problem,
    Quad,
    SectorOut,
    Signals,
    SpeakerQuotes,
)
from tripwire.server.settings import OpenAnalyze
from tripwire.server.signals_source import SignalsSource
from tripwire.signals.selection import parse_dyad
from tripwire.store import Store
from tripwire.store.export import events_csv
from tripwire.store.plover import plover_records

TOKEN_ENV = "TRIPWIRE_TOKEN"
ASSERTED = Modality("asserted")


@dataclass
class ServerState:
    """What every request shares: the store, the token, the signals source and the limits of
    the open analyze endpoint."""

    store: Store
    token: str | None
    signals: SignalsSource
    open_analyze: OpenAnalyze = field(default_factory=OpenAnalyze)
    analysis_lock: threading.Lock = field(default_factory=threading.Lock)
    limiter: MovingWindowRateLimiter = field(
        default_factory=lambda: MovingWindowRateLimiter(MemoryStorage()))


def state(request: Request) -> ServerState:
    return request.app.state.tripwire


def cursor(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    """A cursor for this request's thread, closed when the answer is sent."""
    cur = state(request).store.cursor()
    try:
        yield cur
    finally:
        cur.close()


State = Annotated[ServerState, Depends(state)]
Cursor = Annotated[duckdb.DuckDBPyConnection, Depends(cursor)]
bearer = HTTPBearer(auto_error=False, description=f"The token set in {TOKEN_ENV} on the server.")
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]

ActorQ = Annotated[str | None, Query(max_length=200, description="An actor id, e.g. XVA.")]
DyadQ = Annotated[str | None, Query(
    max_length=400, description="SOURCE-TARGET or SOURCE->TARGET, actor ids or names, e.g. "
    "XMR-XVA.")]
FromQ = Annotated[dt.date | None, Query(alias="from", description="First day (YYYY-MM-DD).")]
ToQ = Annotated[dt.date | None, Query(alias="to", description="Last day (YYYY-MM-DD).")]
TextQ = Annotated[str | None, Query(max_length=200, description="Words to find.")]

router = APIRouter(prefix="/api", responses={422: {"model": Problem}})


def _checked_range(date_from: dt.date | None, date_to: dt.date | None) -> None:
    if date_from and date_to and date_from > date_to:
        raise HTTPException(422, f"from {date_from} is after to {date_to}")


def dyad_param(cur: Cursor, dyad: DyadQ = None) -> tuple[str, str] | None:
    """The dyad as two stored actor ids, read as the CLI's --dyad is."""
    return parse_dyad(cur, dyad) if dyad else None


Dyad = Annotated[tuple[str, str] | None, Depends(dyad_param)]


def event_filter(
    dyad: Dyad,
    actor: ActorQ = None,
    directed: Annotated[bool, Query(description="False: the dyad both ways.")] = True,
    type: PloverType | None = None,  # noqa: A002 - the public parameter name
    quad: Quad | None = None,
    modality: Modality | None = None,
    date_from: FromQ = None,
    date_to: ToQ = None,
    q: TextQ = None,
    ids: Annotated[list[str] | None, Query(alias="id", max_length=MAX_PAGE_SIZE,
                                           description="Only these event ids.")] = None,
) -> queries.EventFilter:
    """The event filters of the query string, shared by the event list and its exports."""
    _checked_range(date_from, date_to)
    return queries.EventFilter(
        ids=ids or [], actor=actor, dyad=dyad, directed=directed,
        type=type.value if type else None, quad=quad.value if quad else None,
        modality=modality.value if modality else None, date_from=date_from, date_to=date_to,
        text=q)


Filters = Annotated[queries.EventFilter, Depends(event_filter)]


@router.get("/events", response_model=EventPage, summary="Events, filtered, sorted and paged")
def list_events(
    cur: Cursor,
    filters: Filters,
    sort: Annotated[EventSort, Query(description="Column to sort by; a leading - for "
                                     "descending.")] = EventSort["date"],
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    page_size: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 50,
) -> EventPage:
    total, rows = queries.list_events(cur, filters, sort.value, page, page_size)
    return EventPage(total=total, page=page, page_size=page_size, events=rows)  # type: ignore[arg-type]


@router.get("/export/events", response_class=StreamingResponse,
            responses={200: {"content": {"text/csv": {}, "application/x-ndjson": {}}}},
            summary="The filtered events as CSV or as PLOVER JSON records (one a line)")
def export_events(
    app_state: State,
    filters: Filters,
    format: Annotated[ExportFormat, Query(description="csv or plover.")] = ExportFormat.csv,  # noqa: A002
) -> StreamingResponse:
    where, params = filters.where()
    if format is ExportFormat.csv:
        chunks = events_csv(app_state.store.cursor(), where, params)
        media, name = "text/csv", "tripwire-events.csv"
    else:
        chunks = (json.dumps(record, ensure_ascii=False) + "\n"
                  for record in plover_records(app_state.store, where, params))
        media, name = "application/x-ndjson", "tripwire-events.plover.jsonl"
    return StreamingResponse(chunks, media_type=media,
                             headers={"Content-Disposition": f'attachment; filename="{name}"'})


@router.get("/events/{event_id:path}", response_model=EventDetail, responses={404: {"model": Problem}},
            summary="One event with its sentence, article and incident")
def get_event(cur: Cursor, event_id: str) -> EventDetail:
    return EventDetail(**_found(queries.event_detail(cur, event_id), "event", event_id))


@router.get("/articles/{article_id:path}", response_model=ArticleDetail,
            responses={404: {"model": Problem}},
            summary="An article's text with actor, quote, time and event spans")
def get_article(cur: Cursor, article_id: str) -> ArticleDetail:
    return ArticleDetail(**_found(queries.article_detail(cur, article_id), "article", article_id))


def _found(record: dict[str, Any] | None, kind: str, key: str) -> dict[str, Any]:
    """The record asked for, or a 404 that names what was not found."""
    if record is None:
        raise HTTPException(404, f"no {kind} {key!r}")
    return record


@router.get("/actors", summary="Actors, most mentioned first")
def list_actors(
    cur: Cursor, q: TextQ = None, limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> list[ActorSummary]:
    return [ActorSummary(**row) for row in queries.list_actors(cur, q, limit)]


@router.get("/network", response_model=Network, summary="Who acts on whom")
def get_network(
    cur: Cursor,
    modality: Modality | None = ASSERTED,
    date_from: FromQ = None,
    date_to: ToQ = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> Network:
    _checked_range(date_from, date_to)
    found = queries.network(cur, modality.value if modality else None, date_from, date_to, limit)
    return Network(**found)  # type: ignore[arg-type]


@router.get("/quotes", response_model=list[SpeakerQuotes], summary="Quotes by speaker")
def list_quotes(
    cur: Cursor,
    actor: ActorQ = None,
    article: Annotated[str | None, Query(max_length=200)] = None,
    q: TextQ = None,
    speakers: Annotated[int, Query(ge=1, le=200)] = 20,
    per_speaker: Annotated[int, Query(ge=1, le=100)] = 5,
) -> list[SpeakerQuotes]:
    rows = queries.quotes_by_speaker(cur, actor, article, q, speakers, per_speaker)
    return [SpeakerQuotes(**row) for row in rows]


def _alerts_of(found: list[dict], dyad: tuple[str, str] | None, actor: str | None,
               date_from: dt.date | None, date_to: dt.date | None) -> list[dict]:
    def keep(alert: dict) -> bool:
        pair = (alert["source"], alert["target"])
        return ((dyad is None or pair == dyad or (not alert.get("directed", True)
                                                  and pair == dyad[::-1]))
                and (actor is None or actor in pair)
                and (date_from is None or alert["end"] >= date_from)
                and (date_to is None or alert["start"] <= date_to))

    return [a for a in found if keep(a)]


@router.get("/alerts", response_model=Alerts, summary="Escalation alerts, strongest first")
def list_alerts(
    app_state: State, dyad: Dyad, actor: ActorQ = None, date_from: FromQ = None,
    date_to: ToQ = None,
) -> Alerts:
    _checked_range(date_from, date_to)
    found = app_state.signals.alerts(app_state.store)
    selected = _alerts_of(found, dyad, actor, date_from, date_to)
    return Alerts(alerts=selected, note=app_state.signals.note)  # type: ignore[arg-type]


@router.get("/signals", response_model=Signals,
            summary="Incidents per period by quad, the escalation index and alerts")
def get_signals(
    app_state: State,
    dyad: Dyad,
    actor: ActorQ = None,
    date_from: FromQ = None,
    date_to: ToQ = None,
    by: Period = Period.day,
    directed: bool = True,
) -> Signals:
    _checked_range(date_from, date_to)
    pair = dyad
    if pair and actor:
        raise HTTPException(422, "give a dyad or an actor, not both")
    source = app_state.signals
    series = source.series(app_state.store, pair, actor, date_from, date_to, by.value, directed)
    index = source.index(app_state.store, pair, date_from, date_to) if pair else []
    alerts = _alerts_of(source.alerts(app_state.store), pair, actor, date_from, date_to)
    return Signals(source=pair[0] if pair else None, target=pair[1] if pair else None,
                   actor=actor, by=by, series=series, index=index, alerts=alerts,  # type: ignore[arg-type]
                   note=source.note)


@router.get("/ontology", response_model=OntologyOut,
            summary="Event types, quads (with their chart colours), modalities, contexts, sectors")
def get_ontology() -> OntologyOut:
    known = ontology()
    return OntologyOut(types=list(known.types.values()), quads=list(known.quads.values()),
                       modalities=list(known.modalities.values()), contexts=list(known.contexts),
                       sectors=[SectorOut(code=c, name=n) for c, n in known.sectors.items()])


def _article(body: ArticleIn) -> Article:
    return Article(text=body.text, id=body.id, url=body.url, source=body.source, title=body.title,
                   published=body.published.isoformat() if body.published else None,
                   origin="request")


def _analysed(app_state: ServerState, bodies: list[ArticleIn]) -> list[Document]:
    """Analyse one request's articles; one analysis at a time, as the parser is shared."""
    with app_state.analysis_lock:
        return list(analyze_many(_article(b) for b in bodies))


def _check_token(token: str, credentials: HTTPAuthorizationCredentials | None) -> None:
    given = credentials.credentials if credentials else ""
    if not hmac.compare_digest(given.encode(), token.encode()):
        raise HTTPException(401, "a valid bearer token is required",
                            headers={"WWW-Authenticate": "Bearer"})


def require_token(app_state: State, credentials: Credentials) -> None:
    """Writes need the server's token; checked before the body is read or validated."""
    if not app_state.token:
        raise HTTPException(403, f"ingest is disabled: start the server with {TOKEN_ENV} set")
    _check_token(app_state.token, credentials)


def analyze_allowed(request: Request, app_state: State, credentials: Credentials) -> None:
    """The server's token when it has one; otherwise each client's share of the parser."""
    if app_state.token:
        _check_token(app_state.token, credentials)
        return
    per_minute = app_state.open_analyze.per_minute
    limit, client = RateLimitItemPerMinute(per_minute), (
        request.client.host if request.client else "unknown")
    if not app_state.limiter.hit(limit, "analyze", client):
        reset = app_state.limiter.get_window_stats(limit, "analyze", client).reset_time
        raise HTTPException(429, f"over {per_minute} analyses a minute from this client",
                            headers={"Retry-After": str(max(1, math.ceil(reset - time.time())))})


@router.post("/analyze", response_model=Document,
             responses={401: {"model": Problem}, 413: {"model": Problem},
                        429: {"model": Problem}},
             dependencies=[Depends(analyze_allowed)],
             summary="Analyse a text; nothing is stored (bearer token when the server has one)")
def post_analyze(app_state: State, body: ArticleIn) -> Document:
    cap = app_state.open_analyze.max_chars
    if not app_state.token and len(body.text) > cap:
        raise HTTPException(413, f"text of {len(body.text)} characters is over the {cap} this "
                            "server analyses without a token")
    return _analysed(app_state, [body])[0]


@router.post("/ingest", response_model=IngestOut,
             responses={401: {"model": Problem}, 403: {"model": Problem}},
             dependencies=[Depends(require_token)],
             summary="Analyse and store articles (bearer token)")
def post_ingest(app_state: State, body: IngestIn) -> IngestOut:
    documents = _analysed(app_state, body.articles)
    result = app_state.store.ingest(documents)
    if result.added:
        app_state.signals.refresh(app_state.store)
    return IngestOut(added=result.added, duplicates=result.duplicates, events=result.events,
                     document_ids=[d.id for d in documents], renamed=dict(result.renamed))

