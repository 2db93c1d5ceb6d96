"""The event lexicon: PLOVER type table, trigger patterns, modality cues and context keywords.

All of it is data (YAML in `tripwire/events/data/`; the modality cue words, being English, in
`tripwire/lang/en/modality.yaml`), validated on load: a mistake names its file and line. Users can add trigger files of their own on top of the shipped one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pydantic
import yaml

from tripwire.actors.lasting import loaded_once
from tripwire.errors import TripwireError
from tripwire.lang import WordFile, Words, load_words, word_file
from tripwire.ontology import TypeSpec, load_ontology, ontology

DATA = Path(__file__).parent / "data"
MODALITIES = ontology().modality_names
CONTEXTS = ontology().contexts
LINE = "__line__"


@dataclass(frozen=True)
class EventType(TypeSpec):
    """One row of the PLOVER type table: the ontology's type and what the coder adds."""

    targets: frozenset[str] = frozenset()
    pledge: str | None = None
    refusal: str | None = None
    at_home: bool = False
    reciprocal: bool = False
    directed_modes: tuple[str, ...] = ()
    joint: str | None = None


@dataclass(frozen=True)
class TriggerPattern:
    """One trigger entry of the lexicon (see the header of data/triggers.yaml)."""

    type: str
    kind: str  # verb | noun | adjective | modal
    lemmas: tuple[str, ...]
    where: str
    light: frozenset[str] = frozenset()
    objects: frozenset[str] = frozenset()
    subjects: frozenset[str] = frozenset()
    particles: frozenset[str] = frozenset()
    labels: frozenset[str] = frozenset()
    under: frozenset[str] = frozenset()
    predicative: frozenset[str] = frozenset()
    except_objects: frozenset[str] = frozenset()
    except_particles: frozenset[str] = frozenset()
    intransitive: bool = False
    infinitive: bool = False
    agentive: bool = False
    mode: str | None = None
    context: tuple[str, ...] = ()
    strength: float = 0.8
    complement: str | None = None
    cameo: str | None = None

    @property
    def specificity(self) -> int:
        """How many constraints a pattern has: the more, the earlier it is tried."""
        return (bool(self.light) + bool(self.objects) + bool(self.subjects) + bool(self.particles)
                + bool(self.labels) + bool(self.predicative)
                + self.intransitive + self.infinitive)

    def describe(self) -> str:
        parts = [f"{self.type}{'/' + self.mode if self.mode else ''}", self.kind]
        for name in ("light", "objects", "subjects", "particles", "labels", "under",
                     "predicative"):
            values = getattr(self, name)
            if values:
                parts.append(f"{name}={'|'.join(sorted(values))}")
        return f"{' '.join(parts)} ({self.where})"


@dataclass(frozen=True)
class ModalityCues:
    """Cue words per modality, from `lang/en/modality.yaml`."""

    negation_words: frozenset[str]
    negation_prepositions: frozenset[str]
    negation_governors: frozenset[str]
    future_auxiliaries: frozenset[str]
    reported_auxiliaries: frozenset[str]
    future_governors: frozenset[str]
    future_adjectives: frozenset[str]
    progressive_governors: frozenset[str]
    prediction_words: frozenset[str]
    hypothetical_auxiliaries: frozenset[str]
    hypothetical_markers: frozenset[str]
    hypothetical_governors: frozenset[str]
    hypothetical_adjectives: frozenset[str]
    hypothetical_nouns: frozenset[str]
    journey_verbs: frozenset[str]
    demanded_auxiliaries: frozenset[str]
    demanded_governors: frozenset[str]
    demand_prepositions: frozenset[str]
    implicative_governors: frozenset[str]
    historical_modifiers: frozenset[str]
    historical_markers: frozenset[str]
    simultaneous_markers: frozenset[str]
    statement_nouns: frozenset[str]
    historical_days: int
    ultimatum_markers: frozenset[str]
    owner_modifiers: frozenset[str]
    reporting_verbs: frozenset[str]
    attribution_words: frozenset[str]
    comment_verbs: frozenset[str]


@dataclass
class EventLexicon:
    """Everything the coder knows, indexed for cheap look-ups by lemma."""

    types: dict[str, EventType]
    patterns: list[TriggerPattern]
    cues: ModalityCues
    contexts: dict[str, tuple[str, ...]]
    verbs: dict[str, list[TriggerPattern]] = field(default_factory=dict)
    nouns: dict[str, list[TriggerPattern]] = field(default_factory=dict)
    adjectives: dict[str, list[TriggerPattern]] = field(default_factory=dict)
    modals: dict[str, list[TriggerPattern]] = field(default_factory=dict)
    complements: dict[str, str] = field(default_factory=dict)
    context_words: dict[str, tuple[str, ...]] = field(default_factory=dict)
    context_phrases: list[tuple[str, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        index = {"verb": self.verbs, "noun": self.nouns, "adjective": self.adjectives,
                 "modal": self.modals}
        for pattern in self.patterns:
            for lemma in pattern.lemmas:
                index[pattern.kind].setdefault(lemma, []).append(pattern)
            if pattern.complement and pattern.kind in ("verb", "adjective", "noun"):
                for lemma in pattern.lemmas:
                    self.complements.setdefault(lemma, pattern.complement)
        for table in index.values():
            for lemma, patterns in table.items():
                table[lemma] = sorted(patterns, key=lambda p: -p.specificity)
        words: dict[str, list[str]] = {}
        for context, keywords in self.contexts.items():
            for keyword in keywords:
                if " " in keyword:
                    self.context_phrases.append((keyword, context))
                else:
                    words.setdefault(keyword, []).append(context)
        self.context_words = {k: tuple(v) for k, v in words.items()}


_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_SafeLoader):  # type: ignore[misc, valid-type]
    """A YAML loader (libyaml's when installed) that records the line of every mapping under
    the key `__line__`."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping[LINE] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _read_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except OSError as exc:
        raise TripwireError("E009", f"cannot read lexicon file: {exc}", str(path)) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise TripwireError("E009", f"invalid YAML: {exc}", where) from exc


def _fail(path: Path, line: int | None, message: str) -> TripwireError:
    return TripwireError("E009", message, f"{path}:{line}" if line else str(path))


def _words(value: Any, path: Path, line: int | None, key: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _fail(path, line, f"{key!r} must be a list of words (quote yes/no/on/off)")
    return tuple(v.strip().lower() for v in value)


def _mapping(data: Any, path: Path) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise _fail(path, 1, "expected a mapping at the top level")
    return {k: v for k, v in data.items() if k != LINE}


def _flag(row: dict[str, Any], key: str, path: Path, line: int | None) -> bool:
    value = row.get(key, False)
    if not isinstance(value, bool):
        raise _fail(path, line, f"{key} must be true or false")
    return value


def load_types(path: Path = DATA / "types.yaml") -> dict[str, EventType]:
    """Read and check the PLOVER type table: the ontology checks and gives each type's quad,
    CAMEO code, intensity and modes; the coder's keys are checked here."""
    plover = load_ontology(types=path).types
    types: dict[str, EventType] = {}
    for name, row in _mapping(_read_yaml(path), path).items():
        line = row.get(LINE)
        unknown = set(row) - {LINE, "quad", "cameo", "intensity", "modes", "cameo_modes",
                              "targets", "pledge", "refusal", "at_home", "reciprocal",
                              "directed_modes", "joint"}
        if unknown:
            raise _fail(path, line, f"type {name}: unknown keys {sorted(unknown)}")
        base = plover[name]
        types[name] = EventType(
            name=name, quad=base.quad, cameo=base.cameo, intensity=base.intensity,
            modes=base.modes, cameo_modes=base.cameo_modes,
            targets=frozenset(_words(row.get("targets", []), path, line, "targets")),
            pledge=row.get("pledge"), refusal=row.get("refusal"),
            at_home=_flag(row, "at_home", path, line),
            reciprocal=_flag(row, "reciprocal", path, line),
            directed_modes=_words(row.get("directed_modes", []), path, line, "directed_modes"),
            joint=row.get("joint"),
        )
        if types[name].joint is not None and types[name].joint not in base.modes:
            raise _fail(path, line, f"type {name}: joint mode {types[name].joint!r} is not one "
                                    f"of its modes {base.modes}")
    for event_type in types.values():
        for derived in (event_type.pledge, event_type.refusal):
            if derived is not None and derived not in types:
                raise _fail(path, None, f"type {event_type.name}: unknown type {derived}")
    return types


_PATTERN_KEYS = {"verbs", "nouns", "adjectives", "modals", "light", "objects", "subjects", "particles",
                 "labels", "predicative",
                 "under", "except_objects", "except_particles", "intransitive", "infinitive", "agentive", "mode", "context", "strength", "cameo",
                 "complement", LINE}
_KINDS = {"verbs": "verb", "nouns": "noun", "adjectives": "adjective", "modals": "modal"}


def _pattern(type_: EventType, entry: Any, path: Path) -> TriggerPattern:
    line = entry.get(LINE) if isinstance(entry, dict) else None
    if not isinstance(entry, dict):
        raise _fail(path, line, f"{type_.name}: each entry must be a mapping")
    unknown = set(entry) - _PATTERN_KEYS
    if unknown:
        raise _fail(path, line, f"{type_.name}: unknown keys {sorted(unknown)}")
    kinds = [key for key in _KINDS if key in entry]
    if len(kinds) != 1:
        raise _fail(path, line, f"{type_.name}: give exactly one of verbs, nouns, adjectives, modals")
    mode = entry.get("mode")
    if mode is not None and mode not in type_.modes:
        raise _fail(path, line, f"{type_.name}: mode {mode!r} is not one of {type_.modes}")
    context = _words(entry.get("context", []), path, line, "context")
    bad = [c for c in context if c not in CONTEXTS]
    if bad:
        raise _fail(path, line, f"{type_.name}: unknown contexts {bad}")
    strength = entry.get("strength", 0.8)
    if not isinstance(strength, int | float) or not 0 < strength <= 1:
        raise _fail(path, line, f"{type_.name}: strength must be in (0, 1]")
    complement = entry.get("complement")
    if complement is not None and complement not in MODALITIES[1:]:
        raise _fail(path, line, f"{type_.name}: complement must be one of {MODALITIES[1:]}")
    cameo = entry.get("cameo")
    if cameo is not None and not (isinstance(cameo, str) and len(cameo) == 3 and cameo.isdigit()):
        raise _fail(path, line, f"{type_.name}: cameo must be a quoted three-digit CAMEO code")
    kind = _KINDS[kinds[0]]
    for key in ("light", "predicative"):
        if key in entry and kind != "noun":
            raise _fail(path, line, f"{type_.name}: `{key}` is for noun entries")
    if "labels" in entry and kind != "verb":
        raise _fail(path, line, f"{type_.name}: `labels` is for verb entries")
    if kind == "modal" and "under" not in entry:
        raise _fail(path, line, f"{type_.name}: a modal entry needs `under`")
    for flag in ("intransitive", "infinitive", "agentive"):
        if not isinstance(entry.get(flag, False), bool):
            raise _fail(path, line, f"{type_.name}: {flag} must be true or false")

    def words(key: str) -> frozenset[str]:
        return frozenset(_words(entry[key], path, line, key)) if key in entry else frozenset()

    return TriggerPattern(
        type=type_.name, kind=kind, lemmas=_words(entry[kinds[0]], path, line, kinds[0]),
        where=f"{path.name}:{line}", light=words("light"), objects=words("objects"),
        subjects=words("subjects"),
        particles=words("particles"), labels=words("labels"), under=words("under"),
        predicative=words("predicative"),
        except_objects=words("except_objects"), except_particles=words("except_particles"),
        intransitive=entry.get("intransitive", False), infinitive=entry.get("infinitive", False),
        agentive=entry.get("agentive", False),
        mode=mode, context=context, strength=float(strength), complement=complement,
        cameo=cameo,
    )


def load_triggers(path: Path, types: dict[str, EventType]) -> list[TriggerPattern]:
    """Read and check one trigger file."""
    patterns: list[TriggerPattern] = []
    for name, entries in _mapping(_read_yaml(path), path).items():
        if name not in types:
            raise _fail(path, None, f"unknown PLOVER type {name!r}")
        if not isinstance(entries, list) or not entries:
            raise _fail(path, None, f"{name}: expected a list of entries")
        patterns.extend(_pattern(types[name], entry, path) for entry in entries)
    return patterns


class _Negated(WordFile):
    words: Words
    prepositions: Words
    governors: Words


class _Future(WordFile):
    auxiliaries: Words
    reported_auxiliaries: Words
    governors: Words
    adjectives: Words
    progressive: Words
    predictions: Words


class _Hypothetical(WordFile):
    auxiliaries: Words
    markers: Words
    governors: Words
    adjectives: Words
    nouns: Words


class _Purpose(WordFile):
    journeys: Words


class _Demanded(WordFile):
    auxiliaries: Words
    implicative: Words
    governors: Words
    prepositions: Words


class _Historical(WordFile):
    modifiers: Words
    markers: Words
    simultaneous: Words
    statements: Words
    days_before: pydantic.PositiveInt


class _Markers(WordFile):
    markers: Words


class _Owners(WordFile):
    words: Words


class _Reporting(WordFile):
    verbs: Words
    attributions: Words
    comment: Words


class _ModalityWords(WordFile):
    """The shape of `lang/<language>/modality.yaml`."""

    negated: _Negated
    future: _Future
    hypothetical: _Hypothetical
    purpose: _Purpose
    demanded: _Demanded
    historical: _Historical
    ultimatum: _Markers
    owners: _Owners
    reporting: _Reporting


def load_cues(path: Path | None = None) -> ModalityCues:
    """Read and check the modality cue words (`lang/en/modality.yaml` unless `path`)."""
    words = load_words(path or word_file("modality"), _ModalityWords)
    return ModalityCues(
        negation_words=words.negated.words,
        negation_prepositions=words.negated.prepositions,
        negation_governors=words.negated.governors,
        future_auxiliaries=words.future.auxiliaries,
        reported_auxiliaries=words.future.reported_auxiliaries,
        future_governors=words.future.governors,
        future_adjectives=words.future.adjectives,
        progressive_governors=words.future.progressive,
        prediction_words=words.future.predictions,
        hypothetical_auxiliaries=words.hypothetical.auxiliaries,
        hypothetical_markers=words.hypothetical.markers,
        hypothetical_governors=words.hypothetical.governors,
        hypothetical_adjectives=words.hypothetical.adjectives,
        hypothetical_nouns=words.hypothetical.nouns,
        journey_verbs=words.purpose.journeys,
        demanded_auxiliaries=words.demanded.auxiliaries,
        demanded_governors=words.demanded.governors,
        demand_prepositions=words.demanded.prepositions,
        implicative_governors=words.demanded.implicative,
        historical_modifiers=words.historical.modifiers,
        historical_markers=words.historical.markers,
        simultaneous_markers=words.historical.simultaneous,
        statement_nouns=words.historical.statements,
        historical_days=words.historical.days_before,
        ultimatum_markers=words.ultimatum.markers,
        owner_modifiers=words.owners.words,
        reporting_verbs=words.reporting.verbs,
        attribution_words=words.reporting.attributions,
        comment_verbs=words.reporting.comment,
    )


def load_contexts(path: Path = DATA / "contexts.yaml") -> dict[str, tuple[str, ...]]:
    """Read and check the context keywords."""
    contexts: dict[str, tuple[str, ...]] = {}
    for name, words in _mapping(_read_yaml(path), path).items():
        if name not in CONTEXTS:
            raise _fail(path, None, f"unknown context {name!r}")
        contexts[name] = _words(words, path, None, name)
    return contexts


def load_lexicon(extra_triggers: Iterable[Path] = ()) -> EventLexicon:
    """Load the shipped lexicon plus any user trigger files."""
    types = load_types()
    patterns = load_triggers(DATA / "triggers.yaml", types)
    for path in extra_triggers:
        patterns.extend(load_triggers(Path(path), types))
    missing = set(types) - {p.type for p in patterns}
    if missing:
        raise _fail(DATA / "triggers.yaml", None, f"no triggers for {sorted(missing)}")
    return EventLexicon(types=types, patterns=patterns, cues=load_cues(), contexts=load_contexts())


@loaded_once
def default_lexicon(extra_triggers: Sequence[str] = ()) -> EventLexicon:
    """The lexicon, loaded once per process."""
    return load_lexicon(Path(p) for p in extra_triggers)
