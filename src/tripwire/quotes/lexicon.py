"""The quotes stage's knowledge (quote marks, cues, speaker words), from `lang/en/quotes.yaml`.

The file is validated on load so that a typo in a user's edit fails with the file, line and
key, not with a wrong answer later.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, field_validator

from tripwire.lang import WordFile, Words, load_words, word_file

DEFAULT_PATH = word_file("quotes")
WORD_LISTS = (
    "speech_verbs", "reporting_verbs", "person_pronouns", "person_titles", "abbreviations",
    "attribution_dashes", "speech_nouns", "title_words", "group_pronouns", "relative_pronouns",
    "author_prepositions", "name_quantifiers",
)


@dataclass(frozen=True)
class QuoteMark:
    """An opening mark, the marks that may close it, and its family (double or single)."""

    open: str
    close: tuple[str, ...]
    family: str


@dataclass(frozen=True)
class CuePhrase:
    """A multi-word cue; `speaker` says where its speaker stands (object or subject)."""

    text: str
    speaker: str


@dataclass(frozen=True)
class QuoteLexicon:
    marks: tuple[QuoteMark, ...]
    speech_verbs: frozenset[str]
    reporting_verbs: frozenset[str]
    cue_phrases: tuple[CuePhrase, ...]
    person_pronouns: frozenset[str]
    person_titles: frozenset[str]
    abbreviations: frozenset[str]
    attribution_dashes: frozenset[str]
    speech_nouns: frozenset[str]
    title_words: frozenset[str]
    group_pronouns: frozenset[str]
    relative_pronouns: frozenset[str]
    author_prepositions: frozenset[str]
    name_quantifiers: frozenset[str]

    @functools.cached_property
    def opening(self) -> dict[str, QuoteMark]:
        return {m.open: m for m in self.marks}

    def _pattern(self, family: str) -> re.Pattern[str]:
        glyphs = {g for m in self.marks if m.family == family for g in (m.open, *m.close)}
        # longest first, so that a two-character mark ('') wins over its first character
        return re.compile("|".join(re.escape(g) for g in sorted(glyphs, key=len, reverse=True)))

    @functools.cached_property
    def double_pattern(self) -> re.Pattern[str]:
        return self._pattern("double")

    @functools.cached_property
    def single_pattern(self) -> re.Pattern[str]:
        return self._pattern("single")


def _mark_glyph(value: str) -> str:
    if not 1 <= len(value) <= 2:
        raise ValueError("a quote mark is one or two characters")
    return value


Glyph = Annotated[str, AfterValidator(_mark_glyph)]


class _Mark(WordFile):
    open: Glyph
    close: list[Glyph] = Field(min_length=1)
    family: Literal["double", "single"]


class _Phrase(WordFile):
    text: str = Field(min_length=1)
    speaker: Literal["object", "subject"]


class _QuotesFile(WordFile):
    quote_marks: list[_Mark] = Field(min_length=1)
    cue_phrases: list[_Phrase] = Field(min_length=1)
    speech_verbs: Words
    reporting_verbs: Words
    person_pronouns: Words
    person_titles: Words
    abbreviations: Words
    attribution_dashes: Words
    speech_nouns: Words
    title_words: Words
    group_pronouns: Words
    relative_pronouns: Words
    author_prepositions: Words
    name_quantifiers: Words

    @field_validator("quote_marks")
    @classmethod
    def _one_entry_per_opener(cls, marks: list[_Mark]) -> list[_Mark]:
        openers = [m.open for m in marks]
        if len(set(openers)) != len(openers):
            raise ValueError("an opening mark is listed twice")
        return marks


def load_lexicon(path: Path = DEFAULT_PATH) -> QuoteLexicon:
    """Read and validate a quotes lexicon file."""
    data = load_words(path, _QuotesFile)
    return QuoteLexicon(
        marks=tuple(QuoteMark(m.open, tuple(m.close), m.family) for m in data.quote_marks),
        cue_phrases=tuple(CuePhrase(" ".join(p.text.lower().split()), p.speaker)
                          for p in data.cue_phrases),
        **{name: getattr(data, name) for name in WORD_LISTS},
    )


@functools.cache
def default_lexicon() -> QuoteLexicon:
    """The packaged lexicon, loaded once per process."""
    return load_lexicon()
