"""Command-line commands of the timex stage; `tripwire.cli` calls `register`.

`tripwire times "TEXT" [--published YYYY-MM-DD] [--date-order DMY|MDY|YMD] [--format json]`.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Annotated

import typer

from tripwire.errors import TripwireError
from tripwire.timex.absolute import DATE_ORDERS, DEFAULT_DATE_ORDER


def _fail(error: TripwireError) -> None:
    typer.echo(f"error: {error.render()}", err=True)
    raise typer.Exit(code=2)


def times_command(
    text: Annotated[str, typer.Argument(help="The text to search for time expressions.")],
    published: Annotated[
        str | None, typer.Option("--published", help="Publication date YYYY-MM-DD (the anchor).")
    ] = None,
    date_order: Annotated[
        str, typer.Option("--date-order", help=f"Numeric dates: {', '.join(DATE_ORDERS)}.")
    ] = DEFAULT_DATE_ORDER,
    output: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
) -> None:
    """Find time expressions and their TIMEX3 values (relative ones need --published)."""
    from tripwire.nlp import parse
    from tripwire.timex import find_times

    if output not in ("text", "json"):
        _fail(TripwireError("E008", f"unknown --format {output!r} (use text or json)"))
    try:
        found = find_times(parse(text), published, date_order=date_order)
    except TripwireError as error:
        _fail(error)
        return
    for t in found:
        if output == "json":
            typer.echo(json.dumps(dataclasses.asdict(t), ensure_ascii=False))
        else:
            span = f"{t.earliest}..{t.latest}" if t.earliest else "-"
            typer.echo(f"{t.text}\t{t.type}\t{t.value or '-'}\t{span}")


def register(app: typer.Typer) -> None:
    """Add this stage's commands to the main app."""
    app.command("times")(times_command)
