"""Command-line commands of the scale stage; `tripwire.cli` calls `register`."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add this stage's commands to the main app."""
