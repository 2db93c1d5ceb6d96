"""Command-line commands of the server stage; `tripwire.cli` calls `register`."""

from __future__ import annotations

import ipaddress
import os
from pathlib import Path
from typing import Annotated

import typer

from tripwire.errors import TripwireError
from tripwire.options import ActorsOption, use_actor_files
from tripwire.server.settings import OpenAnalyze

_OPEN = OpenAnalyze()


def register(app: typer.Typer) -> None:
    """Add this stage's commands to the main app."""
    app.command()(serve)


def exposed(host: str) -> bool:
    """Whether listening on `host` reaches beyond this machine (any name but localhost may)."""
    if host == "localhost":
        return False
    try:
        return not ipaddress.ip_address(host).is_loopback
    except ValueError:
        return True


def serve(
    db: Annotated[str | None, typer.Option("--db", help="DuckDB file \\[env TRIPWIRE_DB].")] = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port.")] = 8000,
    actors: ActorsOption = None,
    analyze_per_minute: Annotated[int, typer.Option(
        "--analyze-per-minute", min=1,
        help="Without a token: POST /api/analyze requests a client may make a minute.")]
    = _OPEN.per_minute,
    analyze_max_chars: Annotated[int, typer.Option(
        "--analyze-max-chars", min=1,
        help="Without a token: the longest text POST /api/analyze takes.")] = _OPEN.max_chars,
    ssl_certfile: Annotated[Path | None, typer.Option(
        "--ssl-certfile", help="TLS certificate (PEM), to serve HTTPS without a proxy.")] = None,
    ssl_keyfile: Annotated[Path | None, typer.Option(
        "--ssl-keyfile", help="TLS private key (PEM) of --ssl-certfile.")] = None,
) -> None:
    """Serve the JSON API and the dashboard; POST /api/ingest needs TRIPWIRE_TOKEN set.

    With TRIPWIRE_TOKEN set, POST /api/analyze needs the token too; without it, analyze is open
    but limited per client, and the database is opened read-only."""
    import uvicorn

    from tripwire.actors.registry import actor_files, registry
    from tripwire.server.app import create_app
    from tripwire.server.routes import TOKEN_ENV
    from tripwire.store import default_db_path

    if (ssl_certfile is None) != (ssl_keyfile is None):
        raise TripwireError("E008", "give --ssl-certfile and --ssl-keyfile together")
    tls = ssl_certfile is not None
    path = db or default_db_path()
    token = os.environ.get(TOKEN_ENV)
    if not Path(path).exists() and not token:
        raise TripwireError("E010", "database does not exist; run `tripwire ingest` first "
                            f"(or set {TOKEN_ENV} to fill it through the API)", path)
    use_actor_files(actors)
    registry()  # read the actor files now: a bad one stops the start, not every request
    app = create_app(path, token=token, open_analyze=OpenAnalyze(
        per_minute=analyze_per_minute, max_chars=analyze_max_chars))
    if exposed(host) and not tls:
        typer.echo(f"warning: listening on {host} without TLS: requests, answers and the token "
                   "cross the network in clear; put a reverse proxy with TLS in front and listen "
                   "on 127.0.0.1, or give --ssl-certfile/--ssl-keyfile (docs/deploy.md)", err=True)
    scheme = "https" if tls else "http"
    extra = f"; actor files {', '.join(actor_files())}" if actor_files() else ""
    typer.echo(f"tripwire dashboard on {scheme}://{host}:{port}/ (database {path}; "
               f"ingest {'enabled' if token else 'disabled'}{extra})", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning",
                ssl_certfile=str(ssl_certfile) if tls else None,
                ssl_keyfile=str(ssl_keyfile) if tls else None)
