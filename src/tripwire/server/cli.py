"""Command-line commands of the server stage; `tripwire.cli` calls `register`."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from tripwire.errors import TripwireError


def register(app: typer.Typer) -> None:
    """Add this stage's commands to the main app."""
    app.command()(serve)


def serve(
    db: Annotated[str | None, typer.Option("--db", help="DuckDB file \\[env TRIPWIRE_DB].")] = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port.")] = 8000,
) -> None:
    """Serve the JSON API and the dashboard; POST /api/ingest needs TRIPWIRE_TOKEN set."""
    import uvicorn

    from tripwire.server.app import create_app
    from tripwire.server.routes import TOKEN_ENV
    from tripwire.store import default_db_path

    path = db or default_db_path()
    token = os.environ.get(TOKEN_ENV)
    if not Path(path).exists() and not token:
        raise TripwireError("E010", "database does not exist; run `tripwire ingest` first "
                            f"(or set {TOKEN_ENV} to fill it through the API)", path)
    app = create_app(path, token=token)
    typer.echo(f"tripwire dashboard on http://{host}:{port}/ (database {path}; "
               f"ingest {'enabled' if token else 'disabled'})", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
