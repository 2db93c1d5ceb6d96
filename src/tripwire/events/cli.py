"""Command-line commands of the events stage; `tripwire.cli` calls `register`."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from tripwire.errors import TripwireError


def check_date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise TripwireError("E006", f"--published {value!r} is not a date (YYYY-MM-DD)") from exc


def fail(error: TripwireError) -> typer.Exit:
    typer.echo(f"error: {error.render()}", err=True)
    return typer.Exit(code=2)


def register(app: typer.Typer) -> None:
    """Add this stage's commands to the main app."""

    @app.command("explain")
    def explain(
        sentence: Annotated[str, typer.Argument(help="the sentence (or short text) to code")],
        published: Annotated[str | None, typer.Option("--published",
                                                      help="publication date")] = None,
    ) -> None:
        """Show the parse, matched patterns, modality cues and why each event was coded."""
        from tripwire.explain import explain_sentence

        try:
            lines = explain_sentence(sentence, check_date(published))
        except TripwireError as error:
            raise fail(error) from error
        typer.echo("\n".join(lines))
