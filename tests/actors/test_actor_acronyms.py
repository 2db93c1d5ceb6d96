"""An acronym the registry lacks takes what the article defines it as (a parenthesis or an
apposition), at every use; an undefined one stays unknown."""

from __future__ import annotations

from tripwire.actors import resolve_actors
from tripwire.nlp import parse


def at(text: str, word: str, nth: int = 0) -> tuple[str | None, str | None, str | None] | None:
    doc = parse(text)
    actors = resolve_actors(doc, "2020-05-01")
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    ref = actors.actor_at(start, start + len(word))
    return None if ref is None else (ref.actor, ref.country, ref.sector)


def test_an_acronym_defined_in_a_parenthesis_after_it() -> None:
    text = ("Clashes pitted the rebels against the FANT (armed forces of Chad) near the lake. "
            "On Friday the FANT shelled the rebel camp.")
    assert at(text, "FANT", 1) == ("TCD", "TCD", "MIL")


def test_an_acronym_in_a_parenthesis_after_its_definition() -> None:
    text = ("The armed forces of Chad (FANT) moved north. Witnesses said FANT units "
            "reached the border on Sunday.")
    assert at(text, "FANT", 1) == ("TCD", "TCD", "MIL")


def test_an_acronym_nobody_defines_stays_unknown() -> None:
    text = "The FANT moved north on Sunday. Witnesses said the FANT reached the border."
    assert at(text, "FANT", 1) is None
