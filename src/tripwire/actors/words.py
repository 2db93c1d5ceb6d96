"""The word lists of data/reference.yaml: how a mention that names no one refers (pronouns,
relative pronouns, definite and counting nouns, places, heads that cannot act)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml
from spacy.tokens import Span

from tripwire.actors.entries import LineLoader
from tripwire.errors import TripwireError

SOURCE = "tripwire/actors/data/reference.yaml"


@dataclass(frozen=True)
class ReferenceWords:
    person: frozenset[str]
    singular: frozenset[str]
    plural: frozenset[str]
    first: frozenset[str]
    relative: frozenset[str]
    definite: frozenset[str]
    organisation_nouns: frozenset[str]
    quantities: frozenset[str]
    place_nouns: frozenset[str]
    place_prepositions: frozenset[str]
    not_agents: dict[str, str]  # word -> its class (thing, source, abstraction)
    abstract_endings: tuple[str, ...]

    @property
    def pronouns(self) -> frozenset[str]:
        return self.person | self.singular | self.plural


def _bad(line: Any, message: str) -> TripwireError:
    return TripwireError("E009", message, f"{SOURCE}:{line}")


def _word_list(value: Any, name: str, line: Any) -> list[str]:
    if not isinstance(value, list) or not value or not all(
            isinstance(w, str) and w == w.strip().lower() and w for w in value):
        raise _bad(line, f"{name} must be a non-empty list of lower-case words")
    if len(set(value)) != len(value):
        twice = sorted({w for w in value if value.count(w) > 1})
        raise _bad(line, f"{name} lists {', '.join(twice)} twice")
    return value


def parse_reference_words(data: Any) -> ReferenceWords:
    """Validate the parsed reference.yaml."""
    if not isinstance(data, dict):
        raise _bad(1, "expected a mapping with pronouns, relative, definite, organisation_nouns, "
                      "quantities, place_nouns, place_prepositions, not_agents, "
                      "abstract_endings")
    line = data.get("__line__", "?")
    pronouns = data.get("pronouns")
    if not isinstance(pronouns, dict):
        raise _bad(line, "pronouns must map person, singular and plural to words")
    classes = {}
    for name in ("person", "singular", "plural", "first"):
        classes[name] = frozenset(_word_list(pronouns.get(name), f"pronouns.{name}",
                                             pronouns.get("__line__", line)))
    not_agents: dict[str, str] = {}
    groups = data.get("not_agents")
    if not isinstance(groups, dict):
        raise _bad(line, "not_agents must map classes to words")
    for name, words in groups.items():
        if name == "__line__":
            continue
        for word in _word_list(words, f"not_agents.{name}", groups.get("__line__", line)):
            if word in not_agents:
                raise _bad(groups.get("__line__", line), f"{word!r} is in two not_agents classes")
            not_agents[word] = name
    return ReferenceWords(
        **classes,
        relative=frozenset(_word_list(data.get("relative"), "relative", line)),
        definite=frozenset(_word_list(data.get("definite"), "definite", line)),
        organisation_nouns=frozenset(_word_list(data.get("organisation_nouns"),
                                                "organisation_nouns", line)),
        quantities=frozenset(_word_list(data.get("quantities"), "quantities", line)),
        place_nouns=frozenset(_word_list(data.get("place_nouns"), "place_nouns", line)),
        place_prepositions=frozenset(_word_list(data.get("place_prepositions"),
                                                "place_prepositions", line)),
        not_agents=not_agents,
        abstract_endings=tuple(_word_list(data.get("abstract_endings"), "abstract_endings",
                                          line)),
    )


@functools.cache
def reference_words() -> ReferenceWords:
    text = (resources.files("tripwire.actors") / "data" / "reference.yaml").read_text(
        encoding="utf-8")
    try:
        data = yaml.load(text, Loader=LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        raise _bad("?", f"not valid YAML: {exc}") from None
    return parse_reference_words(data)


def is_place_name(span: Span) -> bool:
    """A name in a place's position ("between Tal Afar and Sinjar", "the town of Tal Afar"):
    a place, whatever the tagger called it."""
    words = reference_words()
    root = span.root
    while root.dep_ in ("conj", "appos") and root.head.i != root.i:
        root = root.head
    if root.dep_ != "pobj":
        return False
    prep = root.head
    if prep.lower_ in words.place_prepositions:
        return True
    return prep.lower_ == "of" and prep.head.lemma_.lower() in words.place_nouns
