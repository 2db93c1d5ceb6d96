"""The event lexicon: PLOVER type table, trigger patterns, modality cues and context keywords.

All of it is data (YAML in `tripwire/events/data/`; the modality cue words, being English, in
`tripwire/lang/en/modality.yaml`), read by `tripwire.datafile` and checked by the pydantic
models below: a mistake names its file, line and key. Users can add trigger files of their own
on top of the shipped one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

import pydantic
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    RootModel,
    StrictBool,
    field_validator,
    model_validator,
)

from tripwire.actors import resolve_phrase
from tripwire.actors.lasting import loaded_once
from tripwire.datafile import DataFile
from tripwire.errors import TripwireError
from tripwire.lang import WordFile, WordList, Words, load_words, word_file
from tripwire.ontology import TypeEntry, TypeSpec, load_ontology, ontology

DATA = Path(__file__).parent / "data"
MODALITIES = ontology().modality_names
CONTEXTS = ontology().contexts


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
    arguments: frozenset[str] = frozenset()
    except_objects: frozenset[str] = frozenset()
    except_subjects: frozenset[str] = frozenset()
    except_particles: frozenset[str] = frozenset()
    intransitive: bool = False
    infinitive: bool = False
    no_clause: bool = False
    actor_doer: bool = False
    agentive: bool = False
    existential: bool = False
    mode: str | None = None
    context: tuple[str, ...] = ()
    strength: float = 0.8
    complement: str | None = None
    cameo: str | None = None
    implied_doer: str | None = None

    @property
    def specificity(self) -> int:
        """How many constraints a pattern has: the more, the earlier it is tried. A name given
        to the object counts twice: "calls the president a dear friend" is a naming, whatever
        the object alone would make of the verb (a phone call to a president)."""
        return (bool(self.light) + bool(self.objects) + bool(self.subjects) + bool(self.particles)
                + 2 * bool(self.labels) + bool(self.predicative) + bool(self.under)
                + bool(self.arguments) + self.intransitive + self.infinitive + self.no_clause)

    def describe(self) -> str:
        parts = [f"{self.type}{'/' + self.mode if self.mode else ''}", self.kind]
        for name in ("light", "objects", "subjects", "particles", "labels", "under",
                     "predicative", "arguments"):
            values = getattr(self, name)
            if values:
                parts.append(f"{name}={'|'.join(sorted(values))}")
        if self.existential:
            parts.append("existential")
        if self.implied_doer:
            parts.append(f"implied_doer={self.implied_doer!r}")
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
    doubt_nouns: frozenset[str]
    permission_governors: frozenset[str]
    judging_verbs: frozenset[str]
    hypothetical_prepositions: frozenset[str]
    journey_verbs: frozenset[str]
    demanded_auxiliaries: frozenset[str]
    demanded_governors: frozenset[str]
    demanded_adjectives: frozenset[str]
    demand_prepositions: frozenset[str]
    perception_verbs: frozenset[str]
    implicative_governors: frozenset[str]
    necessity_governors: frozenset[str]
    historical_modifiers: frozenset[str]
    habitual_adverbs: frozenset[str]
    historical_markers: frozenset[str]
    simultaneous_markers: frozenset[str]
    attendant_prepositions: frozenset[str]
    statement_nouns: frozenset[str]
    historical_days: int
    lookback_words: frozenset[str]
    ultimatum_markers: frozenset[str]
    owner_modifiers: frozenset[str]
    reporting_verbs: frozenset[str]
    attribution_words: frozenset[str]
    comment_verbs: frozenset[str]
    comment_nouns: frozenset[str]


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
    lemmas: frozenset[str] = frozenset()  # every lemma of every index: most words are none

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
        self.lemmas = frozenset().union(*index.values())
        words: dict[str, list[str]] = {}
        for context, keywords in self.contexts.items():
            for keyword in keywords:
                if " " in keyword:
                    self.context_phrases.append((keyword, context))
                else:
                    words.setdefault(keyword, []).append(context)
        self.context_words = {k: tuple(v) for k, v in words.items()}


class _CoderType(TypeEntry):
    """A row of `types.yaml`: the ontology's keys and the coder's."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    targets: Words = frozenset()
    pledge: str | None = None
    refusal: str | None = None
    at_home: StrictBool = False
    reciprocal: StrictBool = False
    directed_modes: WordList = ()
    joint: str | None = None


class _TypeFile(RootModel[dict[str, _CoderType]]):
    pass


def load_types(path: Path = DATA / "types.yaml") -> dict[str, EventType]:
    """Read and check the PLOVER type table: the ontology checks and gives each type's quad,
    CAMEO code, intensity and modes; the coder's keys are checked here."""
    plover = load_ontology(types=path).types
    file = DataFile.read(path)
    types: dict[str, EventType] = {}
    for name, row in file.validate(_TypeFile).root.items():
        base = plover[name]
        if row.joint is not None and row.joint not in base.modes:
            raise file.error([name, "joint"], f"joint mode {row.joint!r} is not one of its "
                                              f"modes {base.modes}")
        types[name] = EventType(
            name=name, quad=base.quad, cameo=base.cameo, intensity=base.intensity,
            modes=base.modes, cameo_modes=base.cameo_modes, targets=row.targets,
            pledge=row.pledge, refusal=row.refusal, at_home=row.at_home,
            reciprocal=row.reciprocal, directed_modes=row.directed_modes, joint=row.joint)
    for event_type in types.values():
        for key in ("pledge", "refusal"):
            derived = getattr(event_type, key)
            if derived is not None and derived not in types:
                raise file.error([event_type.name, key], f"unknown type {derived}")
    return types


_KINDS = {"verbs": "verb", "nouns": "noun", "adjectives": "adjective", "modals": "modal"}


class _TriggerEntry(BaseModel):
    """One entry of a trigger file (see the header of data/triggers.yaml)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    verbs: WordList = ()
    nouns: WordList = ()
    adjectives: WordList = ()
    modals: WordList = ()
    light: Words = frozenset()
    objects: Words = frozenset()
    subjects: Words = frozenset()
    particles: Words = frozenset()
    labels: Words = frozenset()
    under: Words = frozenset()
    predicative: Words = frozenset()
    arguments: Words = frozenset()
    except_objects: Words = frozenset()
    except_subjects: Words = frozenset()
    except_particles: Words = frozenset()
    intransitive: StrictBool = False
    infinitive: StrictBool = False
    no_clause: StrictBool = False
    actor_doer: StrictBool = False
    agentive: StrictBool = False
    existential: StrictBool = False
    mode: str | None = None
    context: WordList = ()
    strength: float = Field(0.8, gt=0, le=1, strict=True)
    complement: str | None = None
    cameo: str | None = Field(None, pattern=r"^[0-9]{3}$", strict=True)
    implied_doer: str | None = None

    @field_validator("context")
    @classmethod
    def _known_contexts(cls, context: tuple[str, ...]) -> tuple[str, ...]:
        bad = [c for c in context if c not in CONTEXTS]
        if bad:
            raise ValueError(f"unknown contexts {bad}")
        return context

    @field_validator("complement")
    @classmethod
    def _a_modality(cls, complement: str | None) -> str | None:
        if complement is not None and complement not in MODALITIES[1:]:
            raise ValueError(f"must be one of {MODALITIES[1:]}")
        return complement

    @field_validator("implied_doer")
    @classmethod
    def _a_generic_agent(cls, phrase: str | None) -> str | None:
        if phrase is not None and resolve_phrase(phrase).sector is None:
            raise ValueError(f"{phrase!r} is no generic agent of the actors' sector words")
        return phrase

    @model_validator(mode="after")
    def _one_kind(self) -> _TriggerEntry:
        kinds = [key for key in _KINDS if getattr(self, key)]
        if len(kinds) != 1:
            raise ValueError("give exactly one of verbs, nouns, adjectives, modals")
        if self.light and not self.nouns:
            raise ValueError("`light` is for noun entries")
        if self.existential and not self.light:
            raise ValueError("`existential` is for noun entries with `light`")
        if self.predicative and not self.nouns:
            raise ValueError("`predicative` is for noun entries")
        if self.arguments and not self.nouns:
            raise ValueError("`arguments` is for noun entries")
        if self.arguments and (self.light or self.predicative):
            raise ValueError("`arguments` codes a noun on its own: not with `light` or "
                             "`predicative`")
        if self.labels and not self.verbs:
            raise ValueError("`labels` is for verb entries")
        if self.no_clause and not self.verbs:
            raise ValueError("`no_clause` is for verb entries")
        if self.modals and not self.under:
            raise ValueError("a modal entry needs `under`")
        if self.under and not (self.modals or self.verbs):
            raise ValueError("`under` is for modal and verb entries")
        return self

    @property
    def kind(self) -> str:
        return next(kind for key, kind in _KINDS.items() if getattr(self, key))

    @property
    def lemmas(self) -> tuple[str, ...]:
        return self.verbs or self.nouns or self.adjectives or self.modals


class _TriggerFile(RootModel[dict[str, Annotated[list[_TriggerEntry], Field(min_length=1)]]]):
    pass


def load_triggers(path: Path, types: dict[str, EventType]) -> list[TriggerPattern]:
    """Read and check one trigger file."""
    file = DataFile.read(Path(path))
    table = file.validate(_TriggerFile).root
    patterns: list[TriggerPattern] = []
    for name, entries in table.items():
        if name not in types:
            raise file.error([name], f"unknown PLOVER type {name!r}")
        lines = file.lines_under([name])
        for index, entry in enumerate(entries):
            if entry.mode is not None and entry.mode not in types[name].modes:
                raise file.error([name, index, "mode"],
                                 f"{entry.mode!r} is not one of {types[name].modes}")
            patterns.append(TriggerPattern(
                type=name, kind=entry.kind, lemmas=entry.lemmas,
                where=f"{file.path.name}:{lines[index]}", light=entry.light,
                objects=entry.objects, subjects=entry.subjects, particles=entry.particles,
                labels=entry.labels, under=entry.under, predicative=entry.predicative,
                arguments=entry.arguments,
                except_objects=entry.except_objects, except_subjects=entry.except_subjects,
                except_particles=entry.except_particles, intransitive=entry.intransitive,
                infinitive=entry.infinitive, no_clause=entry.no_clause,
                actor_doer=entry.actor_doer, agentive=entry.agentive,
                existential=entry.existential, mode=entry.mode,
                context=entry.context, strength=entry.strength, complement=entry.complement,
                cameo=entry.cameo, implied_doer=entry.implied_doer))
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
    doubts: Words
    permissions: Words
    judging: Words
    prepositions: Words


class _Purpose(WordFile):
    journeys: Words


class _Demanded(WordFile):
    auxiliaries: Words
    implicative: Words
    governors: Words
    adjectives: Words
    prepositions: Words
    perception: Words
    necessity: Words


class _Historical(WordFile):
    modifiers: Words
    habitual: Words
    markers: Words
    simultaneous: Words
    attendant: Words
    statements: Words
    days_before: pydantic.PositiveInt
    lookback: Words


class _Markers(WordFile):
    markers: Words


class _Owners(WordFile):
    words: Words


class _Reporting(WordFile):
    verbs: Words
    attributions: Words
    comment: Words
    comment_nouns: Words


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
        doubt_nouns=words.hypothetical.doubts,
        permission_governors=words.hypothetical.permissions,
        judging_verbs=words.hypothetical.judging,
        hypothetical_prepositions=words.hypothetical.prepositions,
        journey_verbs=words.purpose.journeys,
        demanded_auxiliaries=words.demanded.auxiliaries,
        demanded_governors=words.demanded.governors,
        demanded_adjectives=words.demanded.adjectives,
        demand_prepositions=words.demanded.prepositions,
        perception_verbs=words.demanded.perception,
        implicative_governors=words.demanded.implicative,
        necessity_governors=words.demanded.necessity,
        historical_modifiers=words.historical.modifiers,
        habitual_adverbs=words.historical.habitual,
        historical_markers=words.historical.markers,
        simultaneous_markers=words.historical.simultaneous,
        attendant_prepositions=words.historical.attendant,
        statement_nouns=words.historical.statements,
        historical_days=words.historical.days_before,
        lookback_words=words.historical.lookback,
        ultimatum_markers=words.ultimatum.markers,
        owner_modifiers=words.owners.words,
        reporting_verbs=words.reporting.verbs,
        attribution_words=words.reporting.attributions,
        comment_verbs=words.reporting.comment,
        comment_nouns=words.reporting.comment_nouns,
    )


class _ContextFile(RootModel[dict[str, WordList]]):
    pass


def load_contexts(path: Path = DATA / "contexts.yaml") -> dict[str, tuple[str, ...]]:
    """Read and check the context keywords."""
    file = DataFile.read(path)
    contexts = file.validate(_ContextFile).root
    for name in contexts:
        if name not in CONTEXTS:
            raise file.error([name], f"unknown context {name!r}")
    return dict(contexts)


def load_lexicon(extra_triggers: Iterable[Path] = ()) -> EventLexicon:
    """Load the shipped lexicon plus any user trigger files."""
    types = load_types()
    patterns = load_triggers(DATA / "triggers.yaml", types)
    for path in extra_triggers:
        patterns.extend(load_triggers(Path(path), types))
    missing = set(types) - {p.type for p in patterns}
    if missing:
        raise TripwireError("E009", f"no triggers for {sorted(missing)}",
                            str(DATA / "triggers.yaml"))
    return EventLexicon(types=types, patterns=patterns, cues=load_cues(), contexts=load_contexts())


@loaded_once
def default_lexicon(extra_triggers: Sequence[str] = ()) -> EventLexicon:
    """The lexicon, loaded once per process."""
    return load_lexicon(Path(p) for p in extra_triggers)
