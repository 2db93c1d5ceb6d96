"""`create_app`: the FastAPI application that serves the JSON API and the dashboard."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import GZipMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from tripwire.errors import TripwireError
from tripwire.server.routes import ServerState, router
from tripwire.server.settings import OpenAnalyze
from tripwire.server.signals_source import SignalsSource, StageSignals
from tripwire.store import Store

DEFAULT_MAX_BODY = 2 * 1024 * 1024
STATIC = resources.files("tripwire.server") / "static"
GZIP_MIN_BYTES = 1024
# The page runs only its own scripts (no inline script, no CDN) and cannot be framed; plotly
# sets inline styles on the charts it draws, hence 'unsafe-inline' for styles alone.
CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:", "connect-src 'self'", "object-src 'none'", "base-uri 'none'",
    "form-action 'self'", "frame-ancestors 'none'",
])
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
]


def plotly_bundle() -> Path:
    """plotly.js as the installed `plotly` Python package ships it (no CDN, no copy of ours)."""
    bundle = resources.files("plotly") / "package_data" / "plotly.min.js"
    if not bundle.is_file():
        raise TripwireError("E009", "plotly.min.js is missing from the installed plotly package",
                            str(bundle))
    return Path(str(bundle))


class BodyLimit:
    """Answer 413 to a request whose body is over `max_body` bytes, before anything reads it."""

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app, self.max_body = app, max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_body):
            await self._refuse(scope, receive, send)
            return
        chunks, size, more = [], 0, True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                await self._refuse(scope, receive, send)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = JSONResponse({"message": f"request body over {self.max_body} bytes"},
                                status_code=413)
        await response(scope, receive, send)


class SecurityHeaders:
    """Add the security headers to every answer, errors included."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []),
                                      *(h for h in SECURITY_HEADERS if h[0] not in names)]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class HeadAsGet:
    """Answer HEAD on every GET route: the GET answer's status and headers, without its body."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_head(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, send_head)


def _problem(status: int, message: str, detail: list[dict[str, Any]] | None = None,
             headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(jsonable_encoder({"message": message, "detail": detail}),
                        status_code=status, headers=headers)


def _validation_message(errors: list[dict[str, Any]]) -> str:
    """One line that names each bad parameter and what is wrong with it."""
    parts = []
    for error in errors:
        loc = [str(p) for p in error.get("loc", ())]
        where = "body" if error.get("type") == "json_invalid" else ".".join(loc[1:] or loc)
        parts.append(f"{where or 'request'}: {error.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [{k: v for k, v in e.items() if k in ("loc", "msg", "type")}
                  for e in exc.errors()]
        return _problem(422, _validation_message(errors), errors)

    @app.exception_handler(TripwireError)
    async def refused(request: Request, exc: TripwireError) -> JSONResponse:
        return _problem(422, exc.render())

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _problem(exc.status_code, str(exc.detail), headers=exc.headers)


def served_store(path: str | Path, writable: bool, signals: SignalsSource) -> Store:
    """The store the server reads; read-only unless the API writes. Derived tables (incidents)
    that are out of date (`tripwire import` does not build them) are brought up to date first,
    in one short writable open."""
    if writable:
        return Store(path)
    store = Store(path, read_only=True)
    if signals.current(store):
        return store
    store.close()
    with Store(path) as updating:
        signals.refresh(updating)
    return Store(path, read_only=True)


def create_app(db_path: str | Path, token: str | None = None,
               max_body: int = DEFAULT_MAX_BODY, signals: SignalsSource | None = None,
               open_analyze: OpenAnalyze | None = None) -> FastAPI:
    """The app over one database; `token` enables POST /api/ingest (and is then needed by
    POST /api/analyze too, which is otherwise limited by `open_analyze`); `signals` replaces
    the stage.

    Without a token nothing is written, so the file is opened read-only and the CLI's read
    commands (and other read-only servers) can open it at the same time.
    """
    signals = signals or StageSignals()
    store = served_store(db_path, bool(token), signals)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(title="tripwire", version="1", lifespan=lifespan,
                  description="Sourced political event data, signals and alerts.")
    app.state.tripwire = ServerState(store=store, token=token or None, signals=signals,
                                     open_analyze=open_analyze or OpenAnalyze())
    _install_error_handlers(app)
    app.include_router(router)
    bundle = plotly_bundle()

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(str(STATIC / "index.html"), media_type="text/html")

    @app.get("/vendor/plotly.min.js", include_in_schema=False)
    def plotly_js() -> FileResponse:
        return FileResponse(bundle, media_type="text/javascript")

    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    app.add_middleware(BodyLimit, max_body=max_body)
    app.add_middleware(GZipMiddleware, minimum_size=GZIP_MIN_BYTES, compresslevel=6)
    app.add_middleware(HeadAsGet)
    app.add_middleware(SecurityHeaders)  # outermost: on every answer, 413s included
    return app
