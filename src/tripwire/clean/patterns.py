"""The cleaning knowledge as data: one YAML file per language plus the block scorer's weights.

Every file is validated on load; a bad entry raises a `TripwireError` naming the file and line,
so a user who adds their own patterns learns exactly what to fix.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from tripwire.errors import TripwireError

PATTERN_DIR = Path(__file__).parent / "patterns"
USER_PATTERNS_ENV = "TRIPWIRE_CLEAN_PATTERNS"
SCORER_FILE = "scorer.yaml"

# Kinds of removed lines a pattern file may name (what `Removed.kind` will say).
LINE_KINDS = frozenset(
    {
        "advertisement",
        "byline",
        "comments",
        "cookie",
        "copyright",
        "cta",
        "disclaimer",
        "navigation",
        "newsletter",
        "player",
        "related",
        "share",
        "subscribe",
        "tags",
        "timestamp",
    }
)


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


@dataclass
class ScorerWeights:
    """Weights of the plain-text block scorer (see `boilerplate.py` for each feature)."""

    weights: dict[str, float]
    bias: float
    threshold: float
    fallback_margin: float
    min_body_words: float
    gap_tolerance: float
    max_gap: float
    where: str


def _fail(where: str, message: str) -> TripwireError:
    return TripwireError("E009", message, where)


def _node_where(path: Path, node: yaml.Node) -> str:
    return f"{path.name}:{node.start_mark.line + 1}"


def _compose(path: Path) -> yaml.MappingNode:
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise _fail(f"{path.name}{line}", f"invalid YAML: {error}") from None
    if not isinstance(node, yaml.MappingNode):
        raise _fail(f"{path.name}:1", "expected a mapping of sections at the top level")
    return node


def _sections(path: Path, root: yaml.MappingNode, allowed: set[str]) -> dict[str, yaml.Node]:
    sections: dict[str, yaml.Node] = {}
    for key, value in root.value:
        if key.value not in allowed:
            raise _fail(
                _node_where(path, key),
                f"unknown section {key.value!r}; expected one of {sorted(allowed)}",
            )
        sections[key.value] = value
    return sections


def _strings(path: Path, node: yaml.Node, section: str) -> list[tuple[str, str]]:
    """A sequence of scalars -> [(value, where)]."""
    if not isinstance(node, yaml.SequenceNode):
        raise _fail(_node_where(path, node), f"section {section!r} must be a list")
    out: list[tuple[str, str]] = []
    for item in node.value:
        if not isinstance(item, yaml.ScalarNode) or not str(item.value).strip():
            raise _fail(
                _node_where(path, item), f"section {section!r}: expected a non-empty string"
            )
        out.append((str(item.value), _node_where(path, item)))
    return out


def _regex(text: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(text, re.IGNORECASE)
    except re.error as error:
        raise _fail(where, f"bad regular expression {text!r}: {error}") from None


def _line_rules(path: Path, node: yaml.Node) -> list[LineRule]:
    if not isinstance(node, yaml.MappingNode):
        raise _fail(
            _node_where(path, node), "section 'lines' must map a kind to a list of patterns"
        )
    rules: list[LineRule] = []
    for key, value in node.value:
        if key.value not in LINE_KINDS:
            raise _fail(
                _node_where(path, key),
                f"unknown line kind {key.value!r}; expected one of {sorted(LINE_KINDS)}",
            )
        for text, where in _strings(path, value, f"lines.{key.value}"):
            rules.append(LineRule(key.value, _regex(rf"^(?:{text})$", where), where))
    return rules


def _months(path: Path, node: yaml.Node) -> dict[str, int]:
    if not isinstance(node, yaml.MappingNode):
        raise _fail(_node_where(path, node), "section 'months' must map a month name to its number")
    months: dict[str, int] = {}
    for key, value in node.value:
        if not (
            isinstance(value, yaml.ScalarNode)
            and value.value.isdigit()
            and 1 <= int(value.value) <= 12
        ):
            raise _fail(
                _node_where(path, value), f"month {key.value!r} needs a number from 1 to 12"
            )
        months[str(key.value).lower()] = int(value.value)
    return months


LANGUAGE_SECTIONS = {
    "lines",
    "credits",
    "stopwords",
    "months",
    "story_date",
    "datelines",
    "labels",
    "footer_marks",
    "hints",
    "doubled_words_allowed",
    "glued_exceptions",
}


def load_language_file(path: Path, into: Patterns) -> None:
    """Validate one language file and merge it into `into`."""
    sections = _sections(path, _compose(path), LANGUAGE_SECTIONS)
    if "lines" in sections:
        into.line_rules.extend(_line_rules(path, sections["lines"]))
    for name in ("credits", "story_date", "datelines", "labels", "footer_marks", "hints"):
        if name in sections:
            getattr(into, name).extend(
                _regex(t, w) for t, w in _strings(path, sections[name], name)
            )
    for name in ("stopwords", "doubled_words_allowed", "glued_exceptions"):
        if name in sections:
            words = {t.lower() for t, _ in _strings(path, sections[name], name)}
            setattr(into, name, getattr(into, name) | words)
    if "months" in sections:
        into.months.update(_months(path, sections["months"]))
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
    numbers = ("bias", "threshold", "fallback_margin", "min_body_words", "gap_tolerance", "max_gap")
    sections = _sections(path, _compose(path), {"weights", *numbers})
    missing = {"weights", *numbers} - set(sections)
    if missing:
        raise _fail(f"{path.name}:1", f"missing section(s) {sorted(missing)}")
    weights_node = sections["weights"]
    if not isinstance(weights_node, yaml.MappingNode):
        raise _fail(
            _node_where(path, weights_node), "'weights' must map a feature name to a number"
        )
    weights = {str(k.value): _number(path, v) for k, v in weights_node.value}
    return ScorerWeights(
        weights=weights, where=path.name, **{n: _number(path, sections[n]) for n in numbers}
    )


def _number(path: Path, node: yaml.Node) -> float:
    value: Any = node.value if isinstance(node, yaml.ScalarNode) else None
    try:
        return float(value)
    except (TypeError, ValueError):
        raise _fail(_node_where(path, node), f"expected a number, got {value!r}") from None


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
