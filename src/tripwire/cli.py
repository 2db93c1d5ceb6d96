"""The `tripwire` command: a thin layer that parses options and calls the library."""

from __future__ import annotations

import typer

from tripwire.actors import cli as actors_cli
from tripwire.clean import cli as clean_cli
from tripwire.events import cli as events_cli
from tripwire.quotes import cli as quotes_cli
from tripwire.scale import cli as scale_cli
from tripwire.server import cli as server_cli
from tripwire.signals import cli as signals_cli
from tripwire.timex import cli as timex_cli

app = typer.Typer(
    name="tripwire",
    help="Sourced political event data and escalation alerts from raw news reports.",
    no_args_is_help=True,
    add_completion=False,
)

for stage in (actors_cli, clean_cli, quotes_cli, timex_cli, events_cli, signals_cli,
              server_cli, scale_cli):
    stage.register(app)
