"""The PLOVER ontology, defined once: event types (quad, CAMEO root, intensity, modes), quads
with their colours, modalities, contexts and actor sectors.

It is read from two data files: `ontology.yaml` (the shared vocabulary) and the coder's type
table `events/data/types.yaml`, whose other keys (targets, pledges ...) are the coder's business.
The JSON Schema, the API, the dashboard, the report, the signals, the exporters and the
evaluators all derive their lists from here, so adding an event type touches one data file.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, RootModel

from tripwire.datafile import DataFile

ONTOLOGY_FILE = Path(__file__).with_name("ontology.yaml")
TYPES_FILE = Path(__file__).parent / "events" / "data" / "types.yaml"


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _QuadEntry(_Entry):
    code: int = Field(ge=0)
    label: str = Field(min_length=1)
    short: str = Field(min_length=1)
    colour: str = Field(pattern=r"^#[0-9a-fA-F]{6}$")
    conflict: bool


class _ModalityEntry(_Entry):
    happened: bool
    description: str = Field(min_length=1)


class _VocabularyFile(_Entry):
    quads: dict[str, _QuadEntry] = Field(min_length=1)
    modalities: dict[str, _ModalityEntry] = Field(min_length=1)
    contexts: list[str] = Field(min_length=1)
    sectors: dict[str, str] = Field(min_length=1)


class TypeEntry(BaseModel):
    """The ontology's part of a row of the type table; the coder's model of the row extends it
    with its own keys."""

    model_config = ConfigDict(extra="ignore", frozen=True)
    quad: str
    cameo: str = Field(pattern=r"^[0-9]{3}$")
    intensity: float = Field(ge=-10, le=10)
    modes: list[Annotated[str, Field(pattern=r"^[a-z][a-z-]*$")]] = []
    cameo_modes: dict[str, str] = {}


@dataclass(frozen=True)
class QuadSpec:
    """A quad class, with its code in PLOVER and GDELT records and the colour of its charts."""

    name: str
    code: int
    label: str
    short: str
    colour: str
    conflict: bool


@dataclass(frozen=True)
class ModalitySpec:
    """What a sentence says of an event, and whether the signals count it as having happened."""

    name: str
    happened: bool
    description: str


@dataclass(frozen=True)
class TypeSpec:
    """An event type: its quad, CAMEO root code (refined per mode), intensity and modes."""

    name: str
    quad: str
    cameo: str
    intensity: float
    modes: tuple[str, ...]
    cameo_modes: dict[str, str] = field(default_factory=dict)

    def cameo_for(self, mode: str | None) -> str:
        return self.cameo_modes.get(mode or "", self.cameo)


@dataclass(frozen=True)
class Ontology:
    """The whole ontology, with the name lists the rest of tripwire uses."""

    types: dict[str, TypeSpec]
    quads: dict[str, QuadSpec]
    modalities: dict[str, ModalitySpec]
    contexts: tuple[str, ...]
    sectors: dict[str, str]
    type_names: tuple[str, ...] = field(init=False)
    quad_names: tuple[str, ...] = field(init=False)
    conflict_quads: tuple[str, ...] = field(init=False)
    modality_names: tuple[str, ...] = field(init=False)
    happened_modalities: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        derived = {
            "type_names": tuple(self.types),
            "quad_names": tuple(self.quads),
            "conflict_quads": tuple(q.name for q in self.quads.values() if q.conflict),
            "modality_names": tuple(self.modalities),
            "happened_modalities": tuple(m.name for m in self.modalities.values() if m.happened),
        }
        for name, value in derived.items():
            object.__setattr__(self, name, value)  # a frozen dataclass sets its own fields so

    def quad_code(self, type_name: str) -> int:
        return self.quads[self.types[type_name].quad].code


class _TypeTable(RootModel[dict[str, TypeEntry]]):
    pass


def _types(file: DataFile, quads: dict[str, QuadSpec]) -> dict[str, TypeSpec]:
    table = file.validate(_TypeTable).root
    if not table:
        raise file.error([], "expected a mapping of event types")
    types: dict[str, TypeSpec] = {}
    for name, row in table.items():
        if not name.isidentifier() or not name.isupper():
            raise file.error([name], "a type name is an upper-case word (ASSAULT, CONSULT)")
        if row.quad not in quads:
            raise file.error([name, "quad"], f"must be one of {', '.join(quads)}")
        unknown = sorted(set(row.cameo_modes) - set(row.modes))
        if unknown:
            raise file.error([name, "cameo_modes"], f"names modes the type lacks: {unknown}")
        types[name] = TypeSpec(name, row.quad, row.cameo, row.intensity, tuple(row.modes),
                                 dict(row.cameo_modes))
    return types


def load_ontology(vocabulary: Path = ONTOLOGY_FILE, types: Path | None = None) -> Ontology:
    """Read and check the two ontology files."""
    file = DataFile.read(vocabulary)
    data = file.validate(_VocabularyFile)
    codes = [q.code for q in data.quads.values()]
    if len(set(codes)) != len(codes):
        raise file.error(["quads"], "two quads share a code")
    quads = {name: QuadSpec(name, **q.model_dump()) for name, q in data.quads.items()}
    return Ontology(
        types=_types(DataFile.read(types or TYPES_FILE), quads),
        quads=quads,
        modalities={name: ModalitySpec(name, **m.model_dump()) for name, m in data.modalities.items()},
        contexts=tuple(data.contexts),
        sectors=dict(data.sectors),
    )


@functools.cache
def ontology() -> Ontology:
    """The packaged ontology, loaded once per process."""
    return load_ontology()
