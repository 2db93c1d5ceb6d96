"""Load the quotes stage's knowledge (quote marks, cues, speaker words) from its YAML file.

The file is validated on load so that a typo in a user's edit fails with the file and line,
not with a wrong answer later.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from tripwire.errors import TripwireError

DEFAULT_PATH = Path(__file__).with_name("data") / "quotes.yaml"
FAMILIES = ("double", "single")
PHRASE_SPEAKERS = ("object", "subject")
WORD_LISTS = (
    "speech_verbs", "reporting_verbs", "person_pronouns", "person_titles", "abbreviations",
    "attribution_dashes", "speech_nouns", "title_words",
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


class _Reader:
    """Walks the YAML node tree so that every error can name the line it comes from."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, node: yaml.Node | None, message: str) -> TripwireError:
        line = f":{node.start_mark.line + 1}" if node is not None else ""
        return TripwireError("E009", message, where=f"{self.path}{line}")

    def mapping(self, node: yaml.Node, what: str) -> dict[str, yaml.Node]:
        if not isinstance(node, yaml.MappingNode):
            raise self.fail(node, f"{what} must be a mapping")
        return {self.string(k, "key"): v for k, v in node.value}

    def sequence(self, node: yaml.Node, what: str) -> list[yaml.Node]:
        if not isinstance(node, yaml.SequenceNode) or not node.value:
            raise self.fail(node, f"{what} must be a non-empty list")
        return list(node.value)

    def string(self, node: yaml.Node, what: str) -> str:
        if not isinstance(node, yaml.ScalarNode) or not str(node.value).strip():
            raise self.fail(node, f"{what} must be a non-empty string")
        return str(node.value)

    def words(self, node: yaml.Node, what: str) -> frozenset[str]:
        seen: set[str] = set()
        for item in self.sequence(node, what):
            word = self.string(item, f"an entry of {what}").lower()
            if word in seen:
                raise self.fail(item, f"{what} lists {word!r} twice")
            seen.add(word)
        return frozenset(seen)

    def mark(self, node: yaml.Node) -> QuoteMark:
        fields = self.mapping(node, "a quote mark")
        for key in ("open", "close", "family"):
            if key not in fields:
                raise self.fail(node, f"a quote mark needs {key!r}")
        opening = self.string(fields["open"], "open")
        closing = tuple(self.string(c, "close") for c in self.sequence(fields["close"], "close"))
        family = self.string(fields["family"], "family")
        if family not in FAMILIES:
            raise self.fail(fields["family"], f"family must be one of {FAMILIES}, not {family!r}")
        if any(len(c) > 2 for c in (opening, *closing)):
            raise self.fail(node, "a quote mark is one or two characters")
        return QuoteMark(opening, closing, family)

    def phrase(self, node: yaml.Node) -> CuePhrase:
        fields = self.mapping(node, "a cue phrase")
        if "text" not in fields or "speaker" not in fields:
            raise self.fail(node, "a cue phrase needs 'text' and 'speaker'")
        speaker = self.string(fields["speaker"], "speaker")
        if speaker not in PHRASE_SPEAKERS:
            raise self.fail(fields["speaker"], f"speaker must be one of {PHRASE_SPEAKERS}")
        text = " ".join(self.string(fields["text"], "text").lower().split())
        return CuePhrase(text, speaker)


def load_lexicon(path: Path = DEFAULT_PATH) -> QuoteLexicon:
    """Read and validate a quotes lexicon file."""
    reader = _Reader(path)
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise TripwireError("E009", f"cannot read quotes lexicon: {exc}", where=str(path)) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise TripwireError("E009", f"invalid YAML: {exc}", where=f"{path}{line}") from exc
    if root is None:
        raise reader.fail(None, "the quotes lexicon is empty")
    fields = reader.mapping(root, "the quotes lexicon")
    required = ("quote_marks", "cue_phrases", *WORD_LISTS)
    missing = [key for key in required if key not in fields]
    if missing:
        raise reader.fail(root, f"the quotes lexicon lacks {', '.join(missing)}")
    unknown = sorted(set(fields) - set(required))
    if unknown:
        raise reader.fail(root, f"unknown keys in the quotes lexicon: {', '.join(unknown)}")
    marks = tuple(reader.mark(n) for n in reader.sequence(fields["quote_marks"], "quote_marks"))
    openers = [m.open for m in marks]
    if len(set(openers)) != len(openers):
        raise reader.fail(fields["quote_marks"], "an opening mark is listed twice")
    words = {key: reader.words(fields[key], key) for key in WORD_LISTS}
    phrases = reader.sequence(fields["cue_phrases"], "cue_phrases")
    return QuoteLexicon(
        marks=marks,
        speech_verbs=words["speech_verbs"],
        reporting_verbs=words["reporting_verbs"],
        cue_phrases=tuple(reader.phrase(n) for n in phrases),
        person_pronouns=words["person_pronouns"],
        person_titles=words["person_titles"],
        abbreviations=words["abbreviations"],
        attribution_dashes=words["attribution_dashes"],
        speech_nouns=words["speech_nouns"],
        title_words=words["title_words"],
    )


@functools.cache
def default_lexicon() -> QuoteLexicon:
    """The packaged lexicon, loaded once per process."""
    return load_lexicon()
