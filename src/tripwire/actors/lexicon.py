"""Sector words and office titles (data/sectors.yaml): what "troops", "police" or "foreign minister" say
about an actor even when no name is given.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Annotated

import pydantic

from tripwire.actors.entries import SECTORS
from tripwire.actors.text import name_key
from tripwire.datafile import DataFile

SOURCE = "tripwire/actors/data/sectors.yaml"


@dataclass(frozen=True)
class SectorSpec:
    sector: str
    secondary: str | None = None


@dataclass(frozen=True)
class OfficeSpec:
    """A canonical office ("Foreign Minister") with the sector its holder acts in."""

    title: str
    sector: str
    secondary: str | None = None
    leader: bool = False


@dataclass
class Lexicon:
    sector_words: dict[str, SectorSpec] = field(default_factory=dict)
    offices: dict[str, OfficeSpec] = field(default_factory=dict)
    office_words: dict[str, str] = field(default_factory=dict)
    plural_office_words: dict[str, str] = field(default_factory=dict)
    # plural sector words ("militias", "rebels"): a phrase headed by one names a group
    group_words: set[str] = field(default_factory=set)
    modifiers: dict[str, str] = field(default_factory=dict)
    pronouns: tuple[str, ...] = ()
    leader_words: tuple[str, ...] = ()
    subordinate_ranks: frozenset[str] = frozenset()
    default_office: OfficeSpec = field(default_factory=lambda: OfficeSpec("Official", "GOV"))

    @property
    def leader_offices(self) -> list[str]:
        return [o.title for o in self.offices.values() if o.leader]

    def canonical_office(self, title: str) -> str:
        """Map a free office title ("Minister of Foreign Affairs") onto its canonical name."""
        return self._office_keys().get(name_key(title), title)

    @functools.cache  # noqa: B019 - one Lexicon per process
    def _office_keys(self) -> dict[tuple[str, ...], str]:
        keys = {name_key(word): office for word, office in self.office_words.items()}
        keys.update({name_key(office): office for office in self.offices})
        return keys

    def __hash__(self) -> int:
        return id(self)


def plural(word: str) -> str:
    """Naive English plural of a phrase's last word, so the data lists singulars only."""
    head, _, last = word.rpartition(" ")
    prefix = f"{head} " if head else ""
    if last.endswith("man"):
        return prefix + last[:-3] + "men"
    if last.endswith("y") and last[-2:-1] not in tuple("aeiou"):
        return prefix + last[:-1] + "ies"
    if last.endswith(("s", "x", "ch", "sh")):
        return prefix + last + "es"
    return prefix + last + "s"


def _sector(value: str | None) -> str | None:
    if value is not None and value not in SECTORS:
        raise ValueError(f"{value!r} is not a sector")
    return value


Sector = Annotated[str | None, pydantic.AfterValidator(_sector)]
WordList = Annotated[list[Annotated[str, pydantic.StringConstraints(strip_whitespace=True)]],
                     pydantic.Field(min_length=1)]


class _Record(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid")


class _SectorWords(_Record):
    sector: Annotated[str, pydantic.AfterValidator(_sector)]
    secondary: Sector = None
    uncountable: bool = False
    words: WordList


class _Office(_Record):
    office: Annotated[str, pydantic.StringConstraints(min_length=1)]
    sector: Annotated[str, pydantic.AfterValidator(_sector)] = "GOV"
    secondary: Sector = None
    leader: bool = False
    words: WordList


class _SectorsFile(_Record):
    sectors: list[_SectorWords] = []
    offices: list[_Office] = []
    modifiers: dict[str, Annotated[str, pydantic.AfterValidator(_sector)]] = {}
    pronouns: list[str] = []
    leader_words: list[str] = []
    subordinate_ranks: list[str] = []


def parse_lexicon(found: _SectorsFile) -> Lexicon:
    lexicon = Lexicon()
    for item in found.sectors:
        spec = SectorSpec(item.sector, item.secondary)
        for word in item.words:
            lexicon.sector_words.setdefault(word, spec)
            if not item.uncountable:
                lexicon.sector_words.setdefault(plural(word), spec)
                lexicon.group_words.add(plural(word))
    for office in found.offices:
        lexicon.offices[office.office] = OfficeSpec(office.office, office.sector, office.secondary,
                                                    office.leader)
        for word in office.words:
            lexicon.office_words.setdefault(word, office.office)
            lexicon.plural_office_words.setdefault(plural(word), office.office)
    lexicon.modifiers.update(found.modifiers)
    lexicon.pronouns, lexicon.leader_words = tuple(found.pronouns), tuple(found.leader_words)
    lexicon.subordinate_ranks = frozenset(found.subordinate_ranks)
    return lexicon


@functools.cache
def load_lexicon() -> Lexicon:
    """The packaged sector words and offices, read by the shared data-file loader."""
    text = (resources.files("tripwire.actors") / "data" / "sectors.yaml").read_text(encoding="utf-8")
    return parse_lexicon(DataFile.parse(text, Path(SOURCE)).validate(_SectorsFile))
