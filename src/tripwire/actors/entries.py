"""Actor records and the data files they come from: validated on load, errors name file and line.

Data files are YAML (`actors:` list, the format users write for `--actors`) or, for the long
office-holder tables, CSV. Every record is validated on load and errors name the file and line.
Entries that share an id are merged, so a later file (a user's) can add names to or override a
packaged entry.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from tripwire.actors.text import fold
from tripwire.datafile import read_user_file
from tripwire.errors import TripwireError
from tripwire.ontology import ontology

KINDS = ("state", "igo", "person", "group", "org")
SECTORS = frozenset(ontology().sectors)
PACKAGED_FILES = ("states.yaml", "states_extra.yaml", "igos.yaml", "groups.yaml", "people.csv")
LIST_FIELDS = ("names", "adjectives", "metonyms", "context_names", "places")
SCALAR_FIELDS = ("name", "kind", "country", "sector", "affiliation", "metonym_sector", "parent")


@dataclass
class Office:
    """A term in an office: `title` of `of` (a state or organisation id) from `start` to `end`."""

    title: str
    of: str | None
    start: dt.date | None = None
    end: dt.date | None = None

    def holds_on(self, day: dt.date | None) -> bool:
        """Whether the term covers `day`; no term covers an unknown day."""
        if day is None:
            return False
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass
class ActorEntry:
    """One registry record. `country` is the state an actor belongs to (itself for a state)."""

    id: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    affiliation: str | None = None
    parent: str | None = None
    metonym_sector: str | None = None
    names: list[str] = field(default_factory=list)
    adjectives: list[str] = field(default_factory=list)
    metonyms: list[str] = field(default_factory=list)
    context_names: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    offices: list[Office] = field(default_factory=list)
    where: str = ""

    def offices_on(self, day: dt.date | None) -> list[Office]:
        return [office for office in self.offices if office.holds_on(day)]

    def merge(self, other: ActorEntry) -> None:
        """Take `other`'s scalars where given and add its names and offices (a later file wins)."""
        for name in SCALAR_FIELDS:
            value = getattr(other, name)
            if value is not None:
                setattr(self, name, value)
        for name in LIST_FIELDS:
            mine = getattr(self, name)
            mine.extend(v for v in getattr(other, name) if v not in mine)
        known = {(o.title, o.of, o.start) for o in self.offices}
        self.offices.extend(o for o in other.offices if (o.title, o.of, o.start) not in known)


class LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """A SafeLoader that records the line of every mapping, so errors can name it."""


def _construct_mapping(loader: LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


def _construct_timestamp(loader: LineLoader, node: yaml.ScalarNode) -> str:
    """Keep dates as text, so a bad one ("2020-31-01") gets our error with its line."""
    return str(loader.construct_scalar(node))


LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def _bad(where: str, message: str) -> TripwireError:
    return TripwireError("E009", message, where)


def _as_date(value: Any, where: str, what: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise _bad(where, f"{what} {value!r} is not a date (YYYY-MM-DD)") from None


def _as_text(value: Any, where: str, what: str, required: bool = False) -> str | None:
    if value is None or value == "":
        if required:
            raise _bad(where, f"{what} is required")
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise _bad(where, f"{what} must be a string, not {type(value).__name__}")
    return str(value).strip()


def _as_list(value: Any, where: str, what: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _bad(where, f"{what} must be a list of non-empty strings")
    return [v.strip() for v in value]


def _sector(value: Any, where: str, what: str) -> str | None:
    text = _as_text(value, where, what)
    if text is not None and text not in SECTORS:
        raise _bad(where, f"{what} {text!r} is not a sector ({', '.join(sorted(SECTORS))})")
    return text


KNOWN_KEYS = frozenset({"id", "offices", "__line__", *LIST_FIELDS, *SCALAR_FIELDS})
OFFICE_KEYS = frozenset({"title", "of", "start", "end", "__line__"})


def entry_from_mapping(record: Any, where: str) -> ActorEntry:
    """Validate one `actors:` item (a mapping read from YAML) into an ActorEntry."""
    if not isinstance(record, dict):
        raise _bad(where, "each actor must be a mapping with at least id, name and kind")
    unknown = sorted(set(record) - KNOWN_KEYS)
    if unknown:
        raise _bad(where, f"unknown field(s) {', '.join(unknown)}")
    kind = _as_text(record.get("kind"), where, "kind", required=True)
    if kind not in KINDS:
        raise _bad(where, f"kind {kind!r} is not one of {', '.join(KINDS)}")
    entry = ActorEntry(
        id=_as_text(record.get("id"), where, "id", required=True) or "",
        name=_as_text(record.get("name"), where, "name", required=True) or "",
        kind=kind,
        country=_as_text(record.get("country"), where, "country"),
        sector=_sector(record.get("sector"), where, "sector"),
        affiliation=_as_text(record.get("affiliation"), where, "affiliation"),
        parent=_as_text(record.get("parent"), where, "parent"),
        metonym_sector=_sector(record.get("metonym_sector"), where, "metonym_sector"),
        where=where,
    )
    for name in LIST_FIELDS:
        setattr(entry, name, _as_list(record.get(name), where, name))
    if entry.name not in entry.names:
        entry.names.insert(0, entry.name)
    offices = record.get("offices") or []
    if not isinstance(offices, list):
        raise _bad(where, "offices must be a list")
    for item in offices:
        line_where = f"{where.rsplit(':', 1)[0]}:{item['__line__']}" if isinstance(item, dict) else where
        if not isinstance(item, dict):
            raise _bad(where, "each office must be a mapping {title, of, start, end}")
        extra = sorted(set(item) - OFFICE_KEYS)
        if extra:
            raise _bad(line_where, f"unknown office field(s) {', '.join(extra)}")
        entry.offices.append(Office(
            title=_as_text(item.get("title"), line_where, "office title", required=True) or "",
            of=_as_text(item.get("of"), line_where, "office 'of'"),
            start=_as_date(item.get("start"), line_where, "office start"),
            end=_as_date(item.get("end"), line_where, "office end"),
        ))
    return entry


def read_yaml_file(text: str, source: str) -> list[ActorEntry]:
    """Read an `actors:` YAML document; `source` names the file in errors."""
    try:
        data = yaml.load(text, Loader=LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{source}:{mark.line + 1}" if mark is not None else source
        raise _bad(where, f"not valid YAML: {getattr(exc, 'problem', None) or exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("actors"), list):
        raise _bad(source, "an actor file must be a mapping with an 'actors:' list")
    return [entry_from_mapping(item, f"{source}:{item.get('__line__', '?') if isinstance(item, dict) else '?'}")
            for item in data["actors"]]


PEOPLE_COLUMNS = ("name", "country", "office", "of", "start", "end", "aliases")


def slug(text: str) -> str:
    """`person:<slug>` style slug: ascii, lower case, words joined by hyphens."""
    words = "".join(c if c.isalnum() else " " for c in fold(text).lower()).split()
    return "-".join(words)


def read_people_csv(text: str, source: str) -> list[ActorEntry]:
    """Office-holder table: one row per term; rows with the same name make one person."""
    lines = text.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip() and not line.startswith("#")), 0)
    rows = csv.reader(lines[first:])
    header = next(rows, None)
    if header is None or tuple(h.strip() for h in header) != PEOPLE_COLUMNS:
        raise _bad(f"{source}:{first + 1}", f"header must be {','.join(PEOPLE_COLUMNS)}")
    people: dict[str, ActorEntry] = {}
    for number, row in enumerate(rows, start=first + 2):
        if not row or row[0].startswith("#"):
            continue
        where = f"{source}:{number}"
        if len(row) != len(PEOPLE_COLUMNS):
            raise _bad(where, f"expected {len(PEOPLE_COLUMNS)} columns, found {len(row)}")
        name, country, title, of, start, end, aliases = (c.strip() for c in row)
        if not name:
            raise _bad(where, "name is required")
        person = people.get(name)
        if person is None:
            person = ActorEntry(id=f"person:{slug(name)}", name=name, kind="person",
                                country=country or None, names=[name], where=where)
            people[name] = person
        person.names.extend(a.strip() for a in aliases.split("|") if a.strip() and a.strip() not in person.names)
        if title:
            person.offices.append(Office(title=title, of=of or country or None,
                                         start=_as_date(start, where, "start"),
                                         end=_as_date(end, where, "end")))
    return list(people.values())


def read_actor_file(path: str | Path) -> list[ActorEntry]:
    """Read a user's actor file (YAML or people CSV), with clear errors for a missing or bad file."""
    path = Path(path)
    text = read_user_file(path, "actor file")
    if path.suffix.lower() == ".csv":
        return read_people_csv(text, str(path))
    return read_yaml_file(text, str(path))


def packaged_entries() -> Iterator[ActorEntry]:
    data = resources.files("tripwire.actors") / "data"
    for name in PACKAGED_FILES:
        text = (data / name).read_text(encoding="utf-8")
        reader = read_people_csv if name.endswith(".csv") else read_yaml_file
        yield from reader(text, f"tripwire/actors/data/{name}")


def merge_entries(entries: Iterable[ActorEntry]) -> dict[str, ActorEntry]:
    merged: dict[str, ActorEntry] = {}
    for entry in entries:
        if entry.id in merged:
            merged[entry.id].merge(entry)
        else:
            merged[entry.id] = entry
    return merged
