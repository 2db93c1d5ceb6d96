"""Sector words and office titles (data/sectors.yaml): what "troops", "police" or "foreign minister" say
about an actor even when no name is given.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import yaml

from tripwire.actors.entries import SECTORS, LineLoader
from tripwire.actors.text import name_key
from tripwire.errors import TripwireError

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


def _bad(line: Any, message: str) -> TripwireError:
    return TripwireError("E009", message, f"{SOURCE}:{line}")


def _sector(value: Any, line: Any) -> str | None:
    if value is not None and value not in SECTORS:
        raise _bad(line, f"{value!r} is not a sector")
    return value


def _words(item: dict[str, Any], line: Any) -> list[str]:
    words = item.get("words")
    if not isinstance(words, list) or not words or not all(isinstance(w, str) for w in words):
        raise _bad(line, "'words' must be a non-empty list of strings")
    return [w.strip() for w in words]


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


def parse_lexicon(data: Any) -> Lexicon:
    if not isinstance(data, dict):
        raise _bad(1, "expected a mapping with sectors, offices, modifiers, pronouns")
    lexicon = Lexicon()
    for item in data.get("sectors") or []:
        line = item.get("__line__", "?")
        spec = SectorSpec(_sector(item.get("sector"), line) or "", _sector(item.get("secondary"), line))
        if not spec.sector:
            raise _bad(line, "sector is required")
        for word in _words(item, line):
            lexicon.sector_words.setdefault(word, spec)
            if not item.get("uncountable"):
                lexicon.sector_words.setdefault(plural(word), spec)
                lexicon.group_words.add(plural(word))
    for item in data.get("offices") or []:
        line = item.get("__line__", "?")
        title = item.get("office")
        if not isinstance(title, str) or not title:
            raise _bad(line, "office is required")
        sector = _sector(item.get("sector", "GOV"), line) or "GOV"
        lexicon.offices[title] = OfficeSpec(title, sector, _sector(item.get("secondary"), line),
                                            bool(item.get("leader", False)))
        for word in _words(item, line):
            lexicon.office_words.setdefault(word, title)
            lexicon.plural_office_words.setdefault(plural(word), title)
    modifiers = data.get("modifiers") or {}
    for word, sector in modifiers.items():
        if word == "__line__":
            continue
        lexicon.modifiers[word] = _sector(sector, modifiers.get("__line__")) or ""
    for name in ("pronouns", "leader_words"):
        words = data.get(name) or []
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise _bad("?", f"{name} must be a list of words")
        setattr(lexicon, name, tuple(words))
    return lexicon


@functools.cache
def load_lexicon() -> Lexicon:
    text = (resources.files("tripwire.actors") / "data" / "sectors.yaml").read_text(encoding="utf-8")
    try:
        data = yaml.load(text, Loader=LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        raise _bad("?", f"not valid YAML: {exc}") from None
    return parse_lexicon(data)
