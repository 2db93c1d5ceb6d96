"""Where an event happened: place names in its clause, looked up in an offline gazetteer."""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Collection

from spacy.tokens import Span, Token

from tripwire.actors import resolve_phrase
from tripwire.actors.lasting import geonames, loaded_once
from tripwire.document import Location
from tripwire.lang import WordFile, Words, load_words, word_file
from tripwire.nlp.syntax import entities_in

PLACE_LABELS = {"GPE", "LOC", "FAC"}


class _PlaceWords(WordFile):
    locative_prepositions: Words


@functools.cache
def place_words() -> _PlaceWords:
    """The words of `lang/en/places.yaml`, loaded once per process."""
    return load_words(word_file("places"), _PlaceWords)


@loaded_once
def _gazetteer() -> dict[str, list[Location]]:
    """Place name (lower case) -> its places, the most populous first: countries, then cities
    ("tripoli" is Tripoli in Libya, then Tripoli in Lebanon)."""
    cache = geonames()
    countries = cache.get_countries()
    iso3 = {code: row["iso3"] for code, row in countries.items()}
    places: dict[str, list[tuple[int, Location]]] = {}
    for row in cache.get_cities().values():
        location = Location(name=row["name"], country=iso3.get(row["countrycode"]),
                            lat=row["latitude"], lon=row["longitude"])
        for name in {row["name"].lower(), _plain(row["name"])}:
            places.setdefault(name, []).append((row["population"], location))
    for row in countries.values():
        # a country's own name is the country, however populous a city of that name
        places.setdefault(row["name"].lower(), []).insert(
            0, (1 << 62, Location(name=row["name"], country=row["iso3"])))
    return {name: [loc for _, loc in sorted(found, key=lambda f: -f[0])]
            for name, found in places.items()}


def _plain(name: str) -> str:
    """A place name as news writes it in English: no accents or glottal marks, no "al-":
    "Sāmarrā’" is Samarra, "Al Fallūjah" is Fallujah."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c) and c not in "’'ʼ`")
    return folded.lower().removeprefix("al ").removeprefix("al-").strip()


def lookup_place(name: str, near: Collection[str] = ()) -> Location | None:
    """The gazetteer entry for a place name, without "the": the one in a country of `near`
    (the countries the text names: "Tripoli ... the north Lebanese port"), else the most
    populous."""
    key = name.lower().removeprefix("the ").strip()
    found = _gazetteer().get(key) or _gazetteer().get(_plain(key))
    if not found:
        return None
    best = next((f for f in found if f.country in near), found[0])
    return Location(best.name, best.country, best.lat, best.lon)


def names_town(name: str) -> bool:
    """Whether a name is first a town or a city of the gazetteer (one with coordinates), not
    a country: "the Kabul attack" says where an act was done, "the Russian attack" who did it."""
    found = lookup_place(name)
    return found is not None and found.lat is not None


def is_locative(ent: Span) -> bool:
    """A place under a locative preposition: "in Gaza", "near the Hebron area"."""
    head: Token = ent.root
    while head.dep_ in ("compound", "amod", "nmod", "appos", "conj") and head.head.i != head.i:
        head = head.head
    # "near the town of Samarra", "in a residential sector of eastern Beirut"
    while head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.dep_ == "pobj":
        head = head.head.head
    return head.dep_ == "pobj" and head.head.lower_ in place_words().locative_prepositions


def locate(sentence: Span, clause: Token) -> Location:
    """The place of an event: a locative place name, in the event's clause first.

    Place names that are not under a locative preposition are actors ("Russia said"), not places.
    """
    # the tagger sometimes calls a town a nationality ("near the town of Samarra"): a NORP under
    # a locative preposition counts when the gazetteer knows it
    places = [e for e in entities_in(sentence) if is_locative(e) and (
        e.label_ in PLACE_LABELS or (e.label_ == "NORP" and lookup_place(e.text) is not None))]
    if len(places) > 1:
        left, right = clause.left_edge.i, clause.right_edge.i
        places.sort(key=lambda e: (not left <= e.root.i <= right, e.label_ != "GPE"))
    for ent in places:
        found = lookup_place(ent.text) or _region(ent.text)
        if found is not None:
            return found
    return Location(name=places[0].text) if places else Location()


@functools.lru_cache(maxsize=4096)
def _region(name: str) -> Location | None:
    """A place the gazetteer lacks that the actor registry ties to a country: "the West Bank",
    "Darfur", "South Lebanon"."""
    reading = resolve_phrase(name)
    return None if reading.empty or not reading.country else Location(name, reading.country)
