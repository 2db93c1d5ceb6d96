"""`create_app`: the FastAPI application that serves the JSON API and the dashboard."""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
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
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from tripwire.errors import TripwireError
from tripwire.server.routes import ServerState, router
from tripwire.server.signals_source import SignalsSource, StageSignals
from tripwire.store import Store

DEFAULT_MAX_BODY = 2 * 1024 * 1024
STATIC = resources.files("tripwire.server") / "static"


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


def _problem(status: int, message: str, detail: list[dict[str, Any]] | None = None,
             headers: Mapping[str, str] | None = None) -> JSONResponse:
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


def create_app(db_path: str | Path, token: str | None = None,
               max_body: int = DEFAULT_MAX_BODY, signals: SignalsSource | None = None) -> FastAPI:
    """The app over one database; `token` enables POST /api/ingest, `signals` replaces the stage."""
    store = Store(db_path)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(title="tripwire", version="1", lifespan=lifespan,
                  description="Sourced political event data, signals and alerts.")
    app.state.tripwire = ServerState(store=store, token=token or None,
                                     signals=signals or StageSignals())
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
    return app
