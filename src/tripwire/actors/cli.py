"""Command-line commands of the actors stage; `tripwire.cli` calls `register`.

`tripwire actors resolve "TEXT" [--date D] [--format json]` and `tripwire actors list [--kind K]`.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated

import typer

from tripwire.actors.entries import KINDS
from tripwire.actors.registry import registry, use_actor_files
from tripwire.errors import TripwireError

app = typer.Typer(name="actors", help="Resolve actor mentions; list the actor registry.",
                  no_args_is_help=True)

ActorFiles = Annotated[
    list[Path] | None,
    typer.Option("--actors", metavar="FILE", help="Extra actor file (YAML or people CSV); "
                 "repeatable. "
                 "Also read from TRIPWIRE_ACTORS (os.pathsep-separated)."),
]


def _fail(error: TripwireError) -> None:
    typer.echo(f"error: {error.render()}", err=True)
    raise typer.Exit(code=2)


def _parse_date(date: str | None) -> dt.date | None:
    if date is None:
        return None
    try:
        return dt.date.fromisoformat(date)
    except ValueError:
        _fail(TripwireError("E006", f"date {date!r} does not parse (use YYYY-MM-DD)"))
        return None


@app.command("resolve")
def resolve_command(
    text: Annotated[str, typer.Argument(help="The phrase that names an actor.")],
    date: Annotated[str | None, typer.Option("--date", help="Reference date YYYY-MM-DD (default today).")] = None,
    output: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
    actors: ActorFiles = None,
) -> None:
    """Resolve one phrase to an actor id, kind, country and sector."""
    from tripwire.actors import resolve_phrase

    if output not in ("text", "json"):
        _fail(TripwireError("E008", f"unknown --format {output!r} (use text or json)"))
    try:
        if actors:
            use_actor_files(actors)
        reading = resolve_phrase(text, _parse_date(date) or dt.date.today())
    except TripwireError as error:
        _fail(error)
        return
    result = {"text": reading.text, "actor": reading.actor, "kind": reading.kind,
              "country": reading.country, "sector": reading.sector}
    extra = {k: v for k, v in (("name", reading.name), ("secondary", reading.secondary),
                               ("office", reading.office), ("affiliation", reading.affiliation)) if v}
    if output == "json":
        typer.echo(json.dumps({**result, **extra}, ensure_ascii=False))
    else:
        for key, value in {**result, **extra}.items():
            typer.echo(f"{key}: {value if value is not None else '-'}")


@app.command("list")
def list_command(
    kind: Annotated[str | None, typer.Option("--kind", help=f"Only this kind: {', '.join(KINDS)}.")] = None,
    output: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
    actors: ActorFiles = None,
) -> None:
    """List the registry's actors (id, kind, name, country, sector)."""
    if kind is not None and kind not in KINDS:
        _fail(TripwireError("E008", f"unknown --kind {kind!r} (use one of {', '.join(KINDS)})"))
    if output not in ("text", "json"):
        _fail(TripwireError("E008", f"unknown --format {output!r} (use text or json)"))
    try:
        if actors:
            use_actor_files(actors)
        entries = registry().entries.values()
    except TripwireError as error:
        _fail(error)
        return
    for entry in sorted(entries, key=lambda e: (e.kind, e.id)):
        if kind is not None and entry.kind != kind:
            continue
        row = {"id": entry.id, "kind": entry.kind, "name": entry.name, "country": entry.country,
               "sector": entry.sector}
        if output == "json":
            typer.echo(json.dumps(row, ensure_ascii=False))
        else:
            typer.echo("\t".join(str(v) if v is not None else "-" for v in row.values()))


def register(main: typer.Typer) -> None:
    """Add this stage's commands to the main app."""
    main.add_typer(app, name="actors")
