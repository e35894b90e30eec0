"""HTML pages: Top Stories, a story, the event table, an article, the API description.

Templates autoescape everything (Jinja2 with autoescape on for .html), so article text,
titles, names and notes are shown as text, never as markup. Pages carry no inline script:
the charts, the evidence panel and the notes forms are in static/*.js and read the JSON API.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Optional

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, Field, ValidationError

from ..model import PLOVER_TYPES, STATUSES
from ..store import notes as N
from . import queries as Q
from .api import EventType, Status, country_code, date_range

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=Path(__file__).parent / "templates")
QUAD_LABELS = {"verbal_cooperation": "verbal coop.", "material_cooperation": "material coop.",
               "verbal_conflict": "verbal conflict", "material_conflict": "material conflict"}
PathId = r"^[A-Za-z0-9_.:-]{1,64}$"


def _render(request: Request, name: str, **ctx) -> HTMLResponse:
    ctx.update(quad_labels=QUAD_LABELS, plover_types=PLOVER_TYPES, statuses=STATUSES)
    return templates.TemplateResponse(request, name, ctx)


class StoryFilters(BaseModel):
    since: Optional[date] = None
    after: Optional[str] = Field(None, max_length=400, pattern=r"^[A-Za-z0-9_-]+$")
    limit: int = Field(20, ge=1, le=100)


@router.get("/", response_class=HTMLResponse)
def top_stories(request: Request):
    f = _form(request, StoryFilters)
    store = request.app.state.store
    after, since, limit = f.after, f.since, f.limit
    page = Q.stories_page(store, limit=limit, after=after,
                          since=since.isoformat() if since else None)
    return _render(request, "index.html", page=page,
                   since=since.isoformat() if since else "")


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str):
    if not _ok_id(story_id):
        raise HTTPException(404, "no such story")
    store = request.app.state.store
    found = Q.story(store, story_id)
    if not found:
        raise HTTPException(404, "no such story")
    notes = N.list_notes(store.engine, story_id=story_id)
    return _render(request, "story.html", story=found, notes=notes)


class EventFilters(BaseModel):
    """The event table's form; empty fields mean "any" (a browser sends them as `x=`)."""
    type: Optional[list[EventType]] = Field(None, max_length=16)
    country: Optional[str] = Field(None, min_length=2, max_length=60,
                                   pattern=r"^[A-Za-z][A-Za-z .'-]*$")
    actor: Optional[str] = Field(None, max_length=200)
    status: Optional[Status] = None
    since: Optional[date] = None
    until: Optional[date] = None
    q: Optional[str] = Field(None, max_length=200)
    story: Optional[str] = Field(None, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$")
    after: Optional[str] = Field(None, max_length=400, pattern=r"^[A-Za-z0-9_-]+$")


def _form(request: Request, model):
    """Non-empty query parameters validated by `model`; 422 on a bad one."""
    raw: dict = {}
    for k, v in request.query_params.multi_items():
        if v.strip() == "" or k not in model.model_fields:
            continue
        if k == "type":
            raw.setdefault(k, []).append(v)
        else:
            raw[k] = v.strip()
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        raise HTTPException(422, "; ".join(
            f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())) from None


@router.get("/events", response_class=HTMLResponse)
def events_table(request: Request):
    f = _form(request, EventFilters)
    date_range(f.since, f.until)
    filters = dict(type=[t.value for t in f.type] if f.type else None,
                   country=country_code(f.country, "country"), actor=f.actor,
                   status=f.status.value if f.status else None,
                   since=f.since.isoformat() if f.since else None,
                   until=f.until.isoformat() if f.until else None, q_text=f.q, story=f.story)
    page = Q.events_page(request.app.state.store, limit=100, after=f.after, **filters)
    query = [(k, v) for k, v in request.query_params.multi_items()
             if k in EventFilters.model_fields and k != "after" and v.strip()]
    return _render(request, "events.html", page=page, filters=filters, query=query)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str):
    if not _ok_id(article_id):
        raise HTTPException(404, "no such article")
    found = Q.article(request.app.state.store, article_id)
    if not found:
        raise HTTPException(404, "no such article")
    return _render(request, "article.html", article=found)


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request):
    return _render(request, "docs.html")


def _ok_id(value: str) -> bool:
    import re

    return re.fullmatch(PathId, value) is not None
