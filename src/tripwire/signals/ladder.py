"""The escalation ladder (`data/ladder.yaml`): the rung of each conflict type, from words to force."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pydantic

from tripwire.datafile import load_model
from tripwire.signals.settings import PLOVER_TYPES

LADDER_FILE = Path(__file__).parent / "data" / "ladder.yaml"


@dataclass(frozen=True)
class Ladder:
    """Rungs 1..n, each with a name and its PLOVER types; types not on it stand on rung 0."""

    names: tuple[str, ...]  # names[k - 1] is rung k's
    rung_of: dict[str, int]

    @property
    def top(self) -> int:
        return len(self.names)

    def name(self, rung: int) -> str:
        return self.names[rung - 1] if 1 <= rung <= self.top else "none"

    def types(self, rung: int) -> list[str]:
        return sorted(t for t, r in self.rung_of.items() if r == rung)

    def types_from(self, rung: int) -> list[str]:
        """The types on `rung` or higher, lowest rung first."""
        return [t for r in range(rung, self.top + 1) for t in self.types(r)]

    def sql_case(self, column: str = "type") -> str:
        """A SQL expression giving the rung of `column` (0 off the ladder)."""
        whens = " ".join(f"WHEN '{t}' THEN {r}" for t, r in sorted(self.rung_of.items()))
        return f"CASE {column} {whens} ELSE 0 END"


class _Rung(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid")

    name: str = pydantic.Field(min_length=1)
    types: list[str] = pydantic.Field(min_length=1)

    @pydantic.field_validator("types")
    @classmethod
    def _plover(cls, types: list[str]) -> list[str]:
        unknown = [t for t in types if t not in PLOVER_TYPES]
        if unknown:
            raise ValueError(f"not PLOVER types: {unknown}")
        return types


class _LadderFile(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid")

    rungs: dict[int, _Rung] = pydantic.Field(min_length=1)

    @pydantic.model_validator(mode="after")
    def _numbered_once(self) -> _LadderFile:
        if sorted(self.rungs) != list(range(1, len(self.rungs) + 1)):
            raise ValueError(f"rungs must be numbered 1..{len(self.rungs)}, got "
                             f"{sorted(self.rungs)}")
        seen: dict[str, int] = {}
        for rung in sorted(self.rungs):
            for kind in self.rungs[rung].types:
                if kind in seen:
                    raise ValueError(f"{kind} stands on rungs {seen[kind]} and {rung}")
                seen[kind] = rung
        return self


@cache
def load_ladder(path: Path = LADDER_FILE) -> Ladder:
    """Read and check the ladder (the one data-file loader): rungs numbered 1, 2, ... each
    naming known types once."""
    rungs = load_model(path, _LadderFile).rungs
    return Ladder(tuple(rungs[r].name for r in sorted(rungs)),
                  {kind: r for r in sorted(rungs) for kind in rungs[r].types})
