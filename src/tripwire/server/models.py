"""Request and response bodies of the JSON API, declared once so OpenAPI describes them exactly."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, Field, create_model

from tripwire.ontology import ModalitySpec, QuadSpec, TypeSpec, ontology
from tripwire.signals.settings import Period

MAX_PAGE_SIZE = 200
MAX_INGEST_ARTICLES = 100
QUADS = ontology().quad_names

# The ontology's closed vocabularies as enums, so that OpenAPI lists their values.
PloverType = StrEnum("PloverType", {name: name for name in ontology().type_names})  # type: ignore[misc]
Quad = StrEnum("Quad", {name: name for name in QUADS})  # type: ignore[misc]
Modality = StrEnum(  # type: ignore[misc]
    "Modality", {name: name for name in ontology().modality_names})


# The event table's sortable columns and the SQL that orders by each (ties: newest, then id).
SORT_COLUMNS = {"date": "coalesce(e.date, e.published)", "type": "e.type",
                "source": "e.source_actor", "target": "e.target_actor",
                "modality": "e.modality", "sentence": "e.sentence_text"}
EventSort = StrEnum(  # type: ignore[misc]
    "EventSort", {f"{name}{suffix}": f"{sign}{name}" for name in SORT_COLUMNS
                  for suffix, sign in (("", ""), ("_desc", "-"))})


class ExportFormat(StrEnum):
    csv = "csv"
    plover = "plover"


class Problem(BaseModel):
    """The body of every 4xx answer: one line a person can act on."""

    message: str
    detail: list[dict[str, Any]] | None = None


class EventActor(BaseModel):
    role: str
    position: int
    actor: str | None
    text: str | None
    country: str | None
    sector: str | None


class EventRow(BaseModel):
    """One stored event, flattened as the events table holds it."""

    id: str
    article_id: str
    date: dt.date | None
    published: dt.date | None
    type: str
    mode: str | None
    context: list[str]
    quad: str | None
    intensity: float | None
    modality: str
    attributed_to: str | None
    source_actor: str | None
    source_country: str | None
    target_actor: str | None
    target_country: str | None
    sentence_start: int | None
    sentence_end: int | None
    sentence_text: str | None
    trigger_text: str | None
    trigger_start: int | None
    trigger_end: int | None
    confidence: float | None


class EventPage(BaseModel):
    total: int
    page: int
    page_size: int
    events: list[EventRow]


class ArticleRef(BaseModel):
    id: str
    title: str | None
    published: dt.date | None
    url: str | None
    source: str | None


class Incident(BaseModel):
    """The real-world happening an event reports, counted once across its reports."""

    id: str
    type: str
    quad: str | None
    source_actor: str | None
    target_actor: str | None
    modality: str
    date: dt.date | None
    num_events: int
    num_articles: int
    event_ids: list[str]


class EventDetail(EventRow):
    actors: list[EventActor]
    article: ArticleRef
    incident: Incident | None


class Span(BaseModel):
    """A highlighted stretch of an article's text: kind is actor, quote, time, sentence or trigger."""

    kind: str
    start: int
    end: int
    label: str | None = None
    ref: str | None = None


class ArticleDetail(ArticleRef):
    kicker: str | None
    text: str
    spans: list[Span]
    events: list[EventRow]


class ActorSummary(BaseModel):
    id: str
    name: str | None
    kind: str | None
    country: str | None
    mentions: int
    articles: int
    as_source: int
    as_target: int


class NetworkEdge(BaseModel):
    source: str
    target: str
    events: int
    conflict: int
    cooperation: int


class Network(BaseModel):
    actors: list[ActorSummary]
    edges: list[NetworkEdge]


class QuoteRow(BaseModel):
    article_id: str
    n: int
    text: str | None
    start: int | None
    end: int | None
    kind: str | None
    cue: str | None
    published: dt.date | None


class SpeakerQuotes(BaseModel):
    speaker: str
    actor: str | None
    count: int
    quotes: list[QuoteRow]


class Level(StrEnum):
    watch = "watch"
    warning = "warning"
    alarm = "alarm"


class FindingOut(BaseModel):
    """One detector's strongest reading during an alert."""

    detector: str
    day: dt.date
    observed: float
    expected: float
    p_value: float
    surprise: float = Field(description="-log10 of the p-value")
    text: str


class EvidenceOut(BaseModel):
    """A sentence that reports one of the incidents driving an alert."""

    incident_id: str
    date: dt.date | None
    type: str
    source: str | None
    target: str | None
    sentence: str | None
    title: str | None
    outlet: str | None
    published: dt.date | None


class AlertOut(BaseModel):
    id: str
    source: str
    target: str
    start: dt.date
    end: dt.date
    level: Level
    first_at_level: dict[Level, dt.date] = Field(
        description="the first day each level was reached")
    detectors: list[str]
    strength: float = Field(description="-log10 p of the strongest detector")
    event_ids: list[str]
    incident_ids: list[str] = []
    summary: str
    findings: list[FindingOut] = []
    breakdown: str = ""
    evidence: list[EvidenceOut] = []
    directed: bool = True


class Alerts(BaseModel):
    alerts: list[AlertOut]
    note: str | None = None


_SERIES_FIELDS: dict[str, Any] = {"period": (dt.date, ...), "incidents": (int, ...),
                                  **{quad: (int, ...) for quad in QUADS}}
SeriesPoint = create_model(
    "SeriesPoint", __doc__="Incidents of one period, split by PLOVER quad.", **_SERIES_FIELDS)


class IndexPoint(BaseModel):
    period: dt.date
    index: float | None
    share: float | None
    baseline: float | None
    change: bool


class Signals(BaseModel):
    source: str | None
    target: str | None
    actor: str | None
    by: Period
    series: list[SeriesPoint]  # type: ignore[valid-type]  # built from the ontology
    index: list[IndexPoint]
    alerts: list[AlertOut]
    note: str | None = None


class SectorOut(BaseModel):
    code: str
    name: str


class OntologyOut(BaseModel):
    """The PLOVER ontology the data is coded in; each quad with the colour every chart uses."""

    types: list[TypeSpec]
    quads: list[QuadSpec]
    modalities: list[ModalitySpec]
    contexts: list[str]
    sectors: list[SectorOut]


class ArticleIn(BaseModel):
    """A report to analyse: plain text, with what is known about it."""

    text: str = Field(min_length=1)
    id: str | None = Field(None, max_length=200)
    published: dt.date | None = None
    url: str | None = Field(None, max_length=2000)
    source: str | None = Field(None, max_length=200)
    title: str | None = Field(None, max_length=1000)


class IngestIn(BaseModel):
    articles: list[ArticleIn] = Field(min_length=1, max_length=MAX_INGEST_ARTICLES)


class IngestOut(BaseModel):
    added: int
    duplicates: int
    events: int
    document_ids: list[str]
    renamed: dict[str, str] = Field({}, description="ids taken by a different text: given -> stored as")
