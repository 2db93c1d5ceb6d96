"""Where an event happened: place names in its clause, looked up in an offline gazetteer."""

from __future__ import annotations

import functools
import unicodedata

from spacy.tokens import Span, Token

from tripwire.actors import resolve_phrase
from tripwire.actors.lasting import geonames, loaded_once
from tripwire.document import Location
from tripwire.events.matching import entities_in

PLACE_LABELS = {"GPE", "LOC", "FAC"}
LOCATIVE_PREPS = {"in", "at", "near", "outside", "inside", "into", "across", "around", "along",
                  "throughout"}


@loaded_once
def _gazetteer() -> dict[str, Location]:
    """Place name (lower case) -> location: countries, then the most populous city of a name."""
    cache = geonames()
    countries = cache.get_countries()
    iso3 = {code: row["iso3"] for code, row in countries.items()}
    places: dict[str, tuple[int, Location]] = {}
    for row in cache.get_cities().values():
        for name in {row["name"].lower(), _plain(row["name"])}:
            if name not in places or places[name][0] < row["population"]:
                places[name] = (row["population"], Location(
                    name=row["name"], country=iso3.get(row["countrycode"]),
                    lat=row["latitude"], lon=row["longitude"]))
    for row in countries.values():
        places[row["name"].lower()] = (row["population"], Location(name=row["name"],
                                                                   country=row["iso3"]))
    return {name: location for name, (_, location) in places.items()}


def _plain(name: str) -> str:
    """A place name as news writes it in English: no accents or glottal marks, no "al-":
    "Sāmarrā’" is Samarra, "Al Fallūjah" is Fallujah."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c) and c not in "’'ʼ`")
    return folded.lower().removeprefix("al ").removeprefix("al-").strip()


def lookup_place(name: str) -> Location | None:
    """The gazetteer entry for a place name, without "the"."""
    key = name.lower().removeprefix("the ").strip()
    found = _gazetteer().get(key) or _gazetteer().get(_plain(key))
    return Location(found.name, found.country, found.lat, found.lon) if found else None


def _is_locative(ent: Span) -> bool:
    """A place under a locative preposition: "in Gaza", "near the Hebron area"."""
    head: Token = ent.root
    while head.dep_ in ("compound", "amod", "nmod", "appos", "conj") and head.head.i != head.i:
        head = head.head
    # "near the town of Samarra", "in a residential sector of eastern Beirut"
    while head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.dep_ == "pobj":
        head = head.head.head
    return head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPS


def locate(sentence: Span, clause: Token) -> Location:
    """The place of an event: a locative place name, in the event's clause first.

    Place names that are not under a locative preposition are actors ("Russia said"), not places.
    """
    places = [e for e in entities_in(sentence) if e.label_ in PLACE_LABELS and _is_locative(e)]
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
