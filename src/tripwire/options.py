"""Command-line options shared by the main CLI and the stages' commands, declared once."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from tripwire.errors import TripwireError

ACTORS_ENV = "TRIPWIRE_ACTORS"

Paths = Annotated[list[str], typer.Argument(help="Files, folders (recursive) or - for stdin.")]
DbOption = Annotated[str | None, typer.Option("--db", help="DuckDB file [env TRIPWIRE_DB].")]
PublishedOption = Annotated[
    str | None, typer.Option("--published", help="Publication date for inputs that lack one.")
]
ActorsOption = Annotated[
    list[Path] | None,
    typer.Option("--actors", help="Extra actor YAML file (repeatable) [env TRIPWIRE_ACTORS]."),
]


def use_actor_files(paths: list[Path] | None) -> None:
    """Pass extra actor files to the registry (and to worker processes) through the environment."""
    if not paths:
        return
    for path in paths:
        if not path.is_file():
            raise TripwireError("E002", "actor file not found", str(path))
    existing = [p for p in os.environ.get(ACTORS_ENV, "").split(os.pathsep) if p]
    os.environ[ACTORS_ENV] = os.pathsep.join(existing + [str(p.resolve()) for p in paths])
