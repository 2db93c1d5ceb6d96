"""The words of lang/<language>/reference.yaml: how a mention that names no one refers
(pronouns, relative pronouns, definite and counting nouns, places, heads that cannot act); and
of lang/<language>/phrases.yaml: how one noun phrase names an actor."""

from __future__ import annotations

import functools

from pydantic import model_validator
from spacy.tokens import Span

from tripwire.lang import WordFile, Words, load_words, word_file


class _Pronouns(WordFile):
    person: Words
    masculine: Words
    feminine: Words
    singular: Words
    plural: Words
    first: Words
    first_singular: Words

    @model_validator(mode="after")
    def _subsets(self) -> _Pronouns:
        if not self.masculine | self.feminine <= self.person:
            raise ValueError("pronouns: masculine and feminine must be person pronouns")
        if not self.first_singular <= self.first:
            raise ValueError("pronouns: first_singular must be first-person pronouns")
        return self


class ReferenceWords(WordFile):
    """lang/<language>/reference.yaml: how a mention that names no one refers."""

    pronouns: _Pronouns
    person_nouns: Words
    relative: Words
    situations: Words
    definite: Words
    organisation_nouns: Words
    country_nouns: Words
    place_nouns: Words
    place_prepositions: Words
    quantities: Words
    member_nouns: Words
    kin_nouns: Words
    relational_nouns: Words
    gathering_nouns: Words
    gathering_hosts: Words
    gathering_attendance: Words
    pair_determiners: Words
    pair_numbers: Words
    not_agents: dict[str, Words]  # class (thing, source, abstraction) -> its words
    abstract_endings: Words

    @model_validator(mode="after")
    def _one_class_each(self) -> ReferenceWords:
        seen: dict[str, str] = {}
        for name, words in self.not_agents.items():
            for word in words:
                if word in seen:
                    raise ValueError(f"{word!r} is in not_agents {seen[word]} and {name}")
                seen[word] = name
        both = self.member_nouns & self.relational_nouns
        if both:
            raise ValueError(f"{sorted(both)} are both member_nouns and relational_nouns")
        return self

    @property
    def personal(self) -> frozenset[str]:
        """The third-person pronouns."""
        return self.pronouns.person | self.pronouns.singular | self.pronouns.plural



class PhraseWords(WordFile):
    """lang/<language>/phrases.yaml: the words that shape how one noun phrase names an actor."""

    function_words: Words
    place_prepositions: Words
    stance_prefixes: Words
    conjunctions: Words
    person_pronouns: Words
    name_particles: Words


@functools.cache
def phrase_words() -> PhraseWords:
    return load_words(word_file("phrases"), PhraseWords)


@functools.cache
def reference_words() -> ReferenceWords:
    return load_words(word_file("reference"), ReferenceWords)


@functools.cache
def agentless_words() -> dict[str, str]:
    """Word -> its not_agents class (thing, source, abstraction)."""
    words = reference_words()
    return {word: name for name, found in words.not_agents.items() for word in found}


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
