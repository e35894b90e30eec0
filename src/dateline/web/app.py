"""The FastAPI application: HTTP API (/api), pages, static files, API description (/docs).

    from dateline.web.app import create_app
    app = create_app("news.sqlite")      # or an open Store; serve with uvicorn

The store is opened once and read per request, so articles ingested while the server runs
appear on the next request. Errors: a cursor this API did not hand out is a 422; a store that
cannot be read answers 503 with a one-line reason, never a traceback.
"""
from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from ..store import Store, StoreError, open_store
from ..store import notes as N
from . import api, pages
from .cursor import CursorError
from .security import SecurityHeaders

HERE = Path(__file__).parent

DESCRIPTION = """News in, sourced event data out. Stories (groups of reports of one development),
their PLOVER events, quotes, actors and analysts' notes. Lists are JSON by default, CSV with
`format=csv`; page with `after=` set to the previous page's `next`."""


def create_app(store) -> FastAPI:
    """An app over `store` (a Store, or a path/URL opened read-write for notes)."""
    if not isinstance(store, Store):
        store = open_store(str(store), create=False)
    N.ensure_table(store.engine)
    app = FastAPI(title="dateline", version="1", description=DESCRIPTION, docs_url=None,
                  redoc_url=None, openapi_url="/openapi.json")
    app.state.store = store
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    _handlers(app)
    return app


def from_env() -> FastAPI:
    """App factory for `dateline serve --workers N`: each worker process opens the store
    named by DATELINE_SERVE_DB itself."""
    import os

    return create_app(os.environ["DATELINE_SERVE_DB"])


def _handlers(app: FastAPI) -> None:
    @app.exception_handler(CursorError)
    async def bad_cursor(request: Request, exc: CursorError):
        return JSONResponse({"detail": str(exc)}, status_code=422)

    @app.exception_handler(StoreError)
    @app.exception_handler(sa.exc.OperationalError)
    async def store_down(request: Request, exc: Exception):
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()
        return JSONResponse({"detail": f"store unavailable: {reason[0] if reason else ''}"},
                            status_code=503)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        errors = [{"loc": e.get("loc"), "msg": e.get("msg"), "type": e.get("type")}
                  for e in exc.errors()]
        return JSONResponse({"detail": errors}, status_code=422)
