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
from typing import Annotated, Any, Literal, get_args

import pydantic

from tripwire.actors.text import fold
from tripwire.datafile import DataFile, read_user_file
from tripwire.errors import TripwireError
from tripwire.ontology import ontology

Kind = Literal["state", "igo", "person", "group", "org"]
KINDS: tuple[str, ...] = get_args(Kind)
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


def _bad(where: str, message: str) -> TripwireError:
    return TripwireError("E009", message, where)


def _as_date(value: Any, where: str, what: str) -> dt.date | None:
    try:
        return _date(value)
    except ValueError as error:
        raise _bad(where, f"{what} {error}") from None


def _date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValueError(f"{value!r} is not a date (YYYY-MM-DD)") from None


def _text(value: Any) -> str | None:
    """A scalar as text; empty is none."""
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ValueError(f"must be a string, not {type(value).__name__}")
    return str(value).strip()


def _required(value: Any) -> str:
    text = _text(value)
    if text is None:
        raise ValueError("is required")
    return text


def _texts(value: Any) -> list[str]:
    """One string or a list of non-empty strings."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError("must be a list of non-empty strings")
    return [v.strip() for v in value]


def _sector(value: str | None) -> str | None:
    if value is not None and value not in SECTORS:
        raise ValueError(f"{value!r} is not a sector ({', '.join(sorted(SECTORS))})")
    return value


Text = Annotated[str | None, pydantic.BeforeValidator(_text)]
Required = Annotated[str, pydantic.BeforeValidator(_required)]
Texts = Annotated[list[str], pydantic.BeforeValidator(_texts)]
Sector = Annotated[str | None, pydantic.BeforeValidator(_text), pydantic.AfterValidator(_sector)]
Day = Annotated[dt.date | None, pydantic.BeforeValidator(_date)]


class _OfficeRecord(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid")

    title: Required
    of: Text = None
    start: Day = None
    end: Day = None


class _ActorRecord(pydantic.BaseModel):
    """One `actors:` item as a user writes it (see data/README.md)."""

    model_config = pydantic.ConfigDict(extra="forbid")

    id: Required
    name: Required
    kind: Kind
    country: Text = None
    sector: Sector = None
    affiliation: Text = None
    parent: Text = None
    metonym_sector: Sector = None
    names: Texts = []
    adjectives: Texts = []
    metonyms: Texts = []
    context_names: Texts = []
    places: Texts = []
    offices: list[_OfficeRecord] = []


class _ActorFile(pydantic.BaseModel):
    actors: list[_ActorRecord]


def read_yaml_file(text: str, source: str) -> list[ActorEntry]:
    """Read an `actors:` YAML document with the shared data-file loader; `source` names the
    file in errors, which give its line and key."""
    data = DataFile.parse(text, Path(source))
    if not isinstance(data.data, dict):
        raise data.error((), "an actor file must be a mapping with an 'actors:' list")
    entries = []
    lines = data.lines_under(["actors"])
    for n, record in enumerate(data.validate(_ActorFile).actors):
        entry = ActorEntry(
            **record.model_dump(exclude={"offices"}),
            offices=[Office(**office.model_dump()) for office in record.offices],
            where=f"{source}:{lines[n]}",
        )
        if entry.name not in entry.names:
            entry.names.insert(0, entry.name)
        entries.append(entry)
    return entries


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
