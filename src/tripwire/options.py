"""Command-line options shared by the main CLI and the stages' commands, declared once."""

from __future__ import annotations

from typing import Annotated

import typer

Paths = Annotated[list[str], typer.Argument(
    metavar="PATH", help="Files, folders (recursive) or - for stdin.")]
DbOption = Annotated[str | None, typer.Option(
    "--db", metavar="FILE", help="DuckDB file \\[env TRIPWIRE_DB].")]
PublishedOption = Annotated[
    str | None, typer.Option("--published", help="Publication date for inputs that lack one.")
]
