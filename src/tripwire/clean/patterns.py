"""The cleaning knowledge as data: one YAML file per language plus the block scorer's weights.

Every file is read by the shared data-file loader (`tripwire.datafile`) and validated on load; a
bad entry raises a `TripwireError` naming the file, the line and the key, so a user who adds
their own patterns learns exactly what to fix.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Annotated, Literal, get_args

import pydantic

from tripwire.datafile import DataFile, load_model
from tripwire.errors import TripwireError

PATTERN_DIR = Path(__file__).parent / "patterns"
USER_PATTERNS_ENV = "TRIPWIRE_CLEAN_PATTERNS"
SCORER_FILE = "scorer.yaml"

@dataclass
class LineRule:
    """A whole line matching `pattern` is removed as `kind`."""

    kind: str
    pattern: re.Pattern[str]
    where: str


@dataclass
class Patterns:
    """Everything the cleaner knows, merged over all language files."""

    line_rules: list[LineRule] = field(default_factory=list)
    credits: list[re.Pattern[str]] = field(default_factory=list)
    stopwords: frozenset[str] = frozenset()
    months: dict[str, int] = field(default_factory=dict)
    story_date: list[re.Pattern[str]] = field(default_factory=list)
    datelines: list[re.Pattern[str]] = field(default_factory=list)
    # page labels glued before a line's text ("Story highlights ..."): cut off, kept in `removed`
    labels: list[re.Pattern[str]] = field(default_factory=list)
    # marks that set notes off after the story's last sentence ("... us.” • This article was ...")
    footer_marks: list[re.Pattern[str]] = field(default_factory=list)
    hints: list[re.Pattern[str]] = field(default_factory=list)
    doubled_words_allowed: frozenset[str] = frozenset()
    glued_exceptions: frozenset[str] = frozenset()
    files: list[str] = field(default_factory=list)


def _regex(text: str) -> re.Pattern[str]:
    if not isinstance(text, str) or not text.strip():
        raise ValueError("expected a non-empty string")
    try:
        return re.compile(text, re.IGNORECASE)
    except re.error as error:
        raise ValueError(f"bad regular expression {text!r}: {error}") from None


def _word(text: str) -> str:
    if not isinstance(text, str) or not text.strip():
        raise ValueError("expected a non-empty string")
    return text.lower()


def _month(number: int) -> int:
    if not 1 <= number <= 12:
        raise ValueError("needs a number from 1 to 12")
    return number


Regex = Annotated[re.Pattern[str], pydantic.BeforeValidator(_regex)]
Word = Annotated[str, pydantic.BeforeValidator(_word)]
Month = Annotated[int, pydantic.AfterValidator(_month)]
LineKind = Literal[
    "advertisement", "byline", "comments", "cookie", "copyright", "cta", "disclaimer",
    "navigation", "newsletter", "player", "related", "share", "subscribe", "tags", "timestamp",
]
LINE_KINDS = frozenset(get_args(LineKind))


class _LanguageFile(pydantic.BaseModel):
    """One language file: every section optional, none unknown."""

    model_config = pydantic.ConfigDict(extra="forbid", arbitrary_types_allowed=True)

    lines: dict[LineKind, list[str]] = {}
    credits: list[Regex] = []
    stopwords: list[Word] = []
    months: dict[str, Month] = {}
    story_date: list[Regex] = []
    datelines: list[Regex] = []
    labels: list[Regex] = []
    footer_marks: list[Regex] = []
    hints: list[Regex] = []
    doubled_words_allowed: list[Word] = []
    glued_exceptions: list[Word] = []


class ScorerWeights(pydantic.BaseModel):
    """Weights of the plain-text block scorer (see `boilerplate.py` for each feature), as
    `patterns/scorer.yaml` gives them."""

    model_config = pydantic.ConfigDict(extra="forbid", frozen=True)

    weights: dict[str, float]
    bias: float
    threshold: float
    fallback_margin: float
    min_body_words: float
    gap_tolerance: float
    max_gap: float


def _line_rules(data: DataFile, lines: dict[LineKind, list[str]]) -> list[LineRule]:
    """A whole line matching a pattern is removed as its kind; each rule knows its line."""
    rules = []
    for kind, texts in lines.items():
        for n, text in enumerate(texts):
            loc = ("lines", kind, n)
            try:
                pattern = _regex(rf"^(?:{text})$")
            except ValueError as error:
                raise data.error(loc, str(error)) from None
            rules.append(LineRule(kind, pattern, f"{data.path}:{data.line_of(loc)}"))
    return rules


def load_language_file(path: Path, into: Patterns) -> None:
    """Validate one language file (the shared data-file loader) and merge it into `into`."""
    data = DataFile.read(path)
    if data.data is None:
        raise data.error((), "expected a mapping of sections at the top level")
    found = data.validate(_LanguageFile)
    into.line_rules.extend(_line_rules(data, found.lines))
    for name in ("credits", "story_date", "datelines", "labels", "footer_marks", "hints"):
        getattr(into, name).extend(getattr(found, name))
    for name in ("stopwords", "doubled_words_allowed", "glued_exceptions"):
        setattr(into, name, getattr(into, name) | set(getattr(found, name)))
    into.months.update({name.lower(): number for name, number in found.months.items()})
    into.files.append(path.name)


def load_patterns(paths: list[Path]) -> Patterns:
    """Load and merge the given language files, in order."""
    patterns = Patterns()
    for path in paths:
        load_language_file(path, patterns)
    return patterns


def load_scorer(path: Path | None = None) -> ScorerWeights:
    """The block scorer's weights (feature -> float), bias and line-selection settings."""
    path = path or PATTERN_DIR / SCORER_FILE
    return load_model(path, ScorerWeights)


def user_pattern_files() -> list[Path]:
    """Extra language files named in `TRIPWIRE_CLEAN_PATTERNS` (separated like PATH)."""
    named = [Path(p) for p in os.environ.get(USER_PATTERNS_ENV, "").split(os.pathsep) if p]
    for path in named:
        if not path.is_file():
            raise TripwireError(
                "E002", f"pattern file not found (from {USER_PATTERNS_ENV})", str(path)
            )
    return named


@cache
def default_patterns() -> Patterns:
    """The packaged patterns plus the user's own files, loaded once per process."""
    packaged = sorted(p for p in PATTERN_DIR.glob("*.yaml") if p.name != SCORER_FILE)
    return load_patterns(packaged + user_pattern_files())


@cache
def default_scorer() -> ScorerWeights:
    """The packaged scorer weights, loaded once per process."""
    return load_scorer()
