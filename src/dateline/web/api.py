"""The HTTP API under /api: JSON by default, CSV with `format=csv` on the list endpoints.

Every parameter is typed and bounded (FastAPI answers 422 on a bad one); lists page with an
opaque `after=` cursor taken from the previous page's `next`. All SQL is parameterised
(SQLAlchemy Core in web/queries.py and store/notes.py).
"""
from __future__ import annotations

import json
from datetime import date
from enum import Enum
from typing import Annotated, Literal, Optional

from fastapi import APIRouter, Body, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from ..model import PLOVER_TYPES, STATUSES
from ..store import notes as N
from . import csvout
from . import queries as Q

router = APIRouter(prefix="/api")

EventType = Enum("EventType", {t: t for t in PLOVER_TYPES}, type=str)
Status = Enum("Status", {s: s for s in STATUSES}, type=str)

Limit = Annotated[int, Query(ge=1, le=500, description="rows per page")]
After = Annotated[Optional[str], Query(max_length=400, pattern=r"^[A-Za-z0-9_-]+$",
                                       description="cursor: `next` of the previous page")]
Fmt = Annotated[Literal["json", "csv"], Query(description="json (default) or csv")]
Id = Annotated[str, Query(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$")]
Text = Annotated[Optional[str], Query(min_length=1, max_length=200)]
Country = Annotated[Optional[str], Query(
    min_length=2, max_length=60, pattern=r"^[A-Za-z][A-Za-z .'-]*$",
    description="ISO alpha-3 or alpha-2 code, a country name, or an organisation (UN, EU); "
                "read as the CLI's --country is")]
Sector = Annotated[Optional[str], Query(min_length=2, max_length=4, pattern=r"^[A-Za-z]+$",
                                        description="a side actor's PLOVER sector (GOV, MIL...)")]
Confidence = Annotated[Optional[float], Query(ge=0, le=1, description="events with confidence "
                                                                       ">= this (0..1)")]
PathId = r"^[A-Za-z0-9_.:-]{1,64}$"


def _store(request: Request):
    return request.app.state.store


def _iso(d: Optional[date]) -> Optional[str]:
    return d.isoformat() if d else None


def _json(obj, status: int = 200) -> Response:
    """JSON body straight from json.dumps: the stored records are already plain JSON values,
    so FastAPI's per-field encoder (several times slower on event lists) is skipped."""
    return Response(json.dumps(obj, ensure_ascii=False, separators=(",", ":")),
                    status_code=status, media_type="application/json")


def _page(page: dict, fmt: str, kind: str, filename: str):
    if fmt == "csv":
        return csvout.response(page["items"], kind, filename, page.get("next"))
    return _json(page)


@router.get("/stories", summary="Top Stories, best first")
def list_stories(request: Request, limit: Limit = 20, after: After = None,
                 since: Optional[date] = None, format: Fmt = "json"):
    page = Q.stories_page(_store(request), limit=limit, after=after, since=_iso(since))
    return _page(page, format, "stories", "stories.csv")


@router.get("/stories/{story_id}", summary="One story: articles, events, quotes, notes")
def get_story(request: Request, story_id: Annotated[str, Path(pattern=PathId)]):
    store = _store(request)
    return _with_notes(store, Q.story(store, story_id), "story", story_id=story_id)


@router.get("/articles/{article_id}", summary="One article (contract JSON) with its stories")
def get_article(request: Request, article_id: Annotated[str, Path(pattern=PathId)]):
    store = _store(request)
    return _with_notes(store, Q.article(store, article_id), "article", article_id=article_id)


def _with_notes(store, found: Optional[dict], what: str, **key):
    """`found` (a story or article) as JSON with its analysts' notes; 404 naming it if None."""
    if not found:
        raise HTTPException(404, f"no {what} {next(iter(key.values()))}")
    found["notes"] = N.list_notes(store.engine, **key)
    return _json(found)


@router.get("/events", summary="Events, filtered; ordered by date")
def list_events(request: Request,
                type: Annotated[Optional[list[EventType]], Query(max_length=16)] = None,
                country: Country = None, source_country: Country = None,
                target_country: Country = None, sector: Sector = None,
                min_confidence: Confidence = None, actor: Text = None,
                status: Optional[Status] = None,
                since: Optional[date] = None, until: Optional[date] = None,
                include_undated: bool = False,
                q: Text = None,
                story: Annotated[Optional[str], Query(max_length=64,
                                                      pattern=r"^[A-Za-z0-9_.:-]+$")] = None,
                site: Text = None, limit: Limit = 50, after: After = None,
                format: Fmt = "json"):
    """The event filters of the CLI (`dateline events`), with the same meaning."""
    date_range(since, until)
    page = Q.events_page(_store(request), limit=limit, after=after,
                         type=[t.value for t in type] if type else None,
                         country=country_code(country, "country"),
                         source_country=country_code(source_country, "source_country"),
                         target_country=country_code(target_country, "target_country"),
                         sector=sector.upper() if sector else None,
                         min_confidence=min_confidence, include_undated=include_undated,
                         actor=actor, status=status.value if status else None,
                         since=_iso(since), until=_iso(until), q_text=q, story=story, site=site)
    return _page(page, format, "events", "events.csv")


def date_range(since: Optional[date], until: Optional[date]) -> None:
    """422 naming both dates when `since` is after `until` (the CLI refuses it too)."""
    if since and until and since > until:
        raise HTTPException(422, f"since={_iso(since)!r} is after until={_iso(until)!r}")


def country_code(value: Optional[str], name: str) -> Optional[str]:
    """The stored code for a country parameter (as the CLI reads it); 422 naming it if none."""
    if not value:
        return None
    from ..commands.common import resolve_country

    code = resolve_country(value)
    if code is None:
        raise HTTPException(422, f"{name}={value!r} is not a country: use an ISO 3166 code "
                                 "(GBR or GB) or a name (United Kingdom)")
    return code


@router.get("/actors/{actor_id}", summary="An actor by name: countries, sectors, events")
def get_actor(request: Request,
              actor_id: Annotated[str, Path(min_length=1, max_length=200)],
              limit: Limit = 50):
    found = Q.actor(_store(request), actor_id, limit=limit)
    if not found:
        raise HTTPException(404, f"no actor {actor_id}")
    return _json(found)


@router.get("/quotes", summary="Quotes with their speakers")
def list_quotes(request: Request, speaker: Text = None,
                story: Annotated[Optional[str], Query(max_length=64,
                                                      pattern=r"^[A-Za-z0-9_.:-]+$")] = None,
                limit: Limit = 50, after: After = None, format: Fmt = "json"):
    page = Q.quotes_page(_store(request), limit=limit, after=after, speaker=speaker,
                         story=story)
    return _page(page, format, "quotes", "quotes.csv")


class Correction(BaseModel):
    type: Optional[EventType] = None
    status: Optional[Status] = None
    source: Optional[list[Annotated[str, Field(min_length=1, max_length=N.MAX_SIDE_ITEM)]]] = \
        Field(None, max_length=N.MAX_SIDE)
    target: Optional[list[Annotated[str, Field(min_length=1, max_length=N.MAX_SIDE_ITEM)]]] = \
        Field(None, max_length=N.MAX_SIDE)


class NoteIn(BaseModel):
    author: str = Field(min_length=1, max_length=N.MAX_AUTHOR)
    kind: Literal["flag", "correct", "note"]
    text: str = Field("", max_length=N.MAX_TEXT)
    story_id: Optional[str] = Field(None, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$")
    article_id: Optional[str] = Field(None, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$")
    event_id: Optional[str] = Field(None, max_length=32, pattern=r"^[A-Za-z0-9_.:-]+$")
    correction: Optional[Correction] = None


@router.get("/notes", summary="Analysts' notes, oldest first")
def list_notes(request: Request,
               story: Annotated[Optional[str], Query(max_length=64,
                                                     pattern=r"^[A-Za-z0-9_.:-]+$")] = None,
               article: Annotated[Optional[str], Query(max_length=64,
                                                       pattern=r"^[A-Za-z0-9_.:-]+$")] = None,
               event: Annotated[Optional[str], Query(max_length=32,
                                                     pattern=r"^[A-Za-z0-9_.:-]+$")] = None,
               kind: Optional[Literal["flag", "correct", "note"]] = None,
               limit: Limit = 100,
               after: Annotated[Optional[int], Query(ge=0, le=2**62)] = None,
               format: Fmt = "json"):
    items = N.list_notes(_store(request).engine, story_id=story, article_id=article,
                         event_id=event, kind=kind, after=after, limit=limit + 1)
    nxt = str(items[limit - 1]["id"]) if len(items) > limit else None
    page = {"items": items[:limit], "next": nxt}
    return _page(page, format, "notes", "notes.csv")


@router.post("/notes", status_code=201, summary="Add a flag, correction or note")
def add_note(request: Request, note: Annotated[NoteIn, Body()]):
    store = _store(request)
    d = note.model_dump(mode="json")
    if d.get("correction"):
        d["correction"] = {k: v for k, v in d["correction"].items() if v is not None}
    if d.get("article_id") and not store.has(d["article_id"]):
        return JSONResponse({"detail": f"no article {d['article_id']}"}, status_code=422)
    try:
        return N.add_note(store.engine, d)
    except N.NoteError as exc:
        return JSONResponse({"detail": str(exc)}, status_code=422)

