"""Every signals setting is documented in docs/signals.md, with its default."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest

from tripwire.signals.settings import AlertSettings, IncidentSettings, WindowSettings

DOC = Path(__file__).resolve().parents[2] / "docs" / "signals.md"


@pytest.mark.parametrize("cls", [AlertSettings, WindowSettings, IncidentSettings])
def test_every_setting_is_documented_with_its_default(cls: type) -> None:
    rows = {line.split("|")[1].strip(" `"): line.split("|")[2].strip()
            for line in DOC.read_text(encoding="utf-8").splitlines()
            if line.startswith("| `")}
    for f in fields(cls):
        assert f.name in rows, f"{cls.__name__}.{f.name} is not in docs/signals.md"
        documented = rows[f.name]
        default = f.default
        assert (documented == str(default)
                or (isinstance(default, float) and float(documented) == default)), f.name
