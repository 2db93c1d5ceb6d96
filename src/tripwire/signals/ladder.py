"""The escalation ladder (`data/ladder.yaml`): the rung of each conflict type, from words to force."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from tripwire.errors import TripwireError
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


@cache
def load_ladder(path: Path = LADDER_FILE) -> Ladder:
    """Read and check the ladder: rungs numbered 1, 2, ... each naming known types once."""
    where = str(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise TripwireError("E009", f"cannot read the escalation ladder: {exc}", where) from exc
    rungs = data.get("rungs") if isinstance(data, dict) else None
    if not isinstance(rungs, dict) or not rungs:
        raise TripwireError("E009", "the ladder needs a mapping `rungs`", where)
    if sorted(rungs) != list(range(1, len(rungs) + 1)):
        raise TripwireError("E009", f"rungs must be numbered 1..{len(rungs)}, got "
                            f"{sorted(rungs)}", where)
    names: list[str] = []
    rung_of: dict[str, int] = {}
    for rung in sorted(rungs):
        entry = rungs[rung]
        if not isinstance(entry, dict) or not entry.get("name") or not entry.get("types"):
            raise TripwireError("E009", f"rung {rung} needs a name and a list of types", where)
        for kind in entry["types"]:
            if kind not in PLOVER_TYPES:
                raise TripwireError("E009", f"rung {rung}: {kind!r} is not a PLOVER type", where)
            if kind in rung_of:
                raise TripwireError("E009", f"{kind} stands on rungs {rung_of[kind]} and {rung}",
                                    where)
            rung_of[kind] = rung
        names.append(str(entry["name"]))
    return Ladder(tuple(names), rung_of)
