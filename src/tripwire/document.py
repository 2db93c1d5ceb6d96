"""The types that flow between stages: an `Article` comes in, a `Document` (schema tripwire/1) goes out.

Every span carries character offsets into `Document.text` (Python string indices, end exclusive),
so every output can be traced back to the exact characters it came from.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import types
import typing
from dataclasses import dataclass, field
from typing import Any

SCHEMA = "tripwire/1"


@dataclass
class Article:
    """One raw report as read from a source, before cleaning.

    Exactly one of `text` (plain text) or `html` is the body. `origin` names where the record came
    from (``file.jsonl:12``) so that errors and skip reports can point at it.
    """

    text: str | None = None
    html: str | None = None
    id: str | None = None
    published: str | None = None
    url: str | None = None
    source: str | None = None
    title: str | None = None
    origin: str = "<input>"


@dataclass
class Subhead:
    text: str
    start: int


@dataclass
class Caption:
    text: str
    credit: str | None = None


@dataclass
class Removed:
    """A line or block taken out of the body, with why (kind: cta, share, byline, boilerplate ...)."""

    kind: str
    text: str


@dataclass
class Repair:
    """A change made to the characters of the body (mojibake, duplicated word, hyphenation ...)."""

    kind: str
    before: str
    after: str


@dataclass
class Sentence:
    start: int
    end: int


@dataclass
class Entity:
    text: str
    label: str
    start: int
    end: int
    actor: str | None = None


@dataclass
class Mention:
    start: int
    end: int
    text: str


@dataclass
class Actor:
    id: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    affiliation: str | None = None
    office: str | None = None
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Speaker:
    actor: str | None
    text: str
    start: int
    end: int


@dataclass
class Quote:
    text: str
    start: int
    end: int
    kind: str  # direct | partial | indirect
    speaker: Speaker | None = None
    cue: str | None = None


@dataclass
class TimeExpr:
    text: str
    start: int
    end: int
    type: str  # DATE | TIME | DURATION | SET
    value: str | None = None
    earliest: str | None = None
    latest: str | None = None


@dataclass
class ActorRef:
    """Who fills an event role: an actor id and/or its country and sector; when neither is
    known, `unresolved` says why (a pronoun without antecedent, a generic agent no context
    places, a mention that cannot act). Optional in `tripwire/1`: older documents lack it."""

    actor: str | None
    text: str
    country: str | None = None
    sector: str | None = None
    unresolved: str | None = None


@dataclass
class Location:
    name: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass
class Trigger:
    text: str
    start: int
    end: int


@dataclass
class Evidence:
    """Why the coder coded an event: the lexicon pattern and its light verb, the modality cue,
    the words it read as source and target, and the event a pledge or refusal derives from.
    Recorded only on request (`tripwire explain`); absent from Documents otherwise."""

    pattern: str
    modality: str
    light: str | None = None
    derived_from: str | None = None
    source_heads: list[str] = field(default_factory=list)
    target_heads: list[str] = field(default_factory=list)
    resolutions: list[str] = field(default_factory=list)  # how a head resolved ("'it' ...")


@dataclass
class Event:
    id: str
    type: str
    sentence: Sentence
    trigger: Trigger
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    quad: str | None = None
    cameo: str | None = None
    intensity: float | None = None
    source: list[ActorRef] = field(default_factory=list)
    target: list[ActorRef] = field(default_factory=list)
    date: str | None = None
    date_precision: str | None = None
    location: Location = field(default_factory=Location)
    modality: str = "asserted"
    attributed_to: str | None = None
    confidence: float = 0.5
    mentions: list[Trigger] = field(default_factory=list)
    evidence: Evidence | None = None


@dataclass
class Document:
    """The analysis of one article: schema `tripwire/1` (see DESIGN.md)."""

    id: str
    content_hash: str
    text: str
    url: str | None = None
    source: str | None = None
    published: str | None = None
    language: str = "en"
    title: str | None = None
    kicker: str | None = None
    subheads: list[Subhead] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    schema: str = SCHEMA

    def rename(self, new_id: str) -> None:
        """Give the Document another id; its events' ids (`ID:N`) follow."""
        for event in self.events:
            event.id = new_id + event.id.removeprefix(self.id)
        self.id = new_id

    def to_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        for event in data["events"]:
            if event["evidence"] is None:
                del event["evidence"]
        return {"schema": data.pop("schema"), **data}

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        """Rebuild a Document from `to_dict()` output (e.g. a JSONL line or a Parquet row)."""
        return _build(cls, data)


def _build(cls: Any, data: Any) -> Any:
    """Construct a dataclass (recursively) from plain dicts and lists, using its type hints."""
    hints = typing.get_type_hints(cls)
    values = {}
    for f in dataclasses.fields(cls):
        if f.name in data:
            values[f.name] = _convert(hints[f.name], data[f.name])
    return cls(**values)


def _convert(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin is list:
        (item,) = typing.get_args(hint)
        return [_convert(item, v) for v in value]
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        return _convert(options[0], value) if len(options) == 1 else value
    if dataclasses.is_dataclass(hint) and isinstance(value, dict):
        return _build(hint, value)
    return value


def content_hash(text: str) -> str:
    """sha256 of the whitespace-normalised body, 16 hex: the same text always gets the same hash."""
    normalised = " ".join(text.split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:16]
