"""CSV bodies for the API's list endpoints (one flat row per item, UTF-8, header first).

Events use the store's flat event columns (store/rows.py EVENT_FIELDS), quotes its quote
columns; stories and notes have their own. The next page's cursor, if any, goes in the
`X-Next-Cursor` response header.
"""
from __future__ import annotations

import csv
import io
import json

from fastapi.responses import Response

from ..store.rows import EVENT_FIELDS, QUOTE_FIELDS, flat_event, flat_quote

STORY_FIELDS = ("id", "title", "score", "n_articles", "n_sources", "n_events", "first_date",
                "last_date", "sources", "actors", "verbal_cooperation", "material_cooperation",
                "verbal_conflict", "material_conflict")
NOTE_FIELDS = ("id", "created_at", "author", "kind", "story_id", "article_id", "event_id",
               "correction", "text")


def _story(s: dict) -> dict:
    quads = s.get("quad_counts") or {}
    return {**{k: s.get(k) for k in STORY_FIELDS[:8]},
            "sources": "; ".join(x["site"] for x in s.get("sources") or []),
            "actors": "; ".join(a["name"] for a in s.get("actors") or []),
            **{k: quads.get(k, 0) for k in STORY_FIELDS[10:]}}


def _note(n: dict) -> dict:
    corr = json.dumps(n["correction"], ensure_ascii=False) if n.get("correction") else None
    return {**{k: n.get(k) for k in NOTE_FIELDS}, "correction": corr}


def _spreadsheet_safe(value):
    """Lists become "; "-joined text; cells starting with = + - @ are read as formulas by
    spreadsheets: prefix a quote."""
    if isinstance(value, (list, tuple)):
        value = "; ".join("" if v is None else str(v) for v in value)
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


KINDS = {
    "events": (EVENT_FIELDS, flat_event),
    "quotes": (QUOTE_FIELDS, flat_quote),
    "stories": (STORY_FIELDS, _story),
    "notes": (NOTE_FIELDS, _note),
}


def render(items: list, kind: str) -> str:
    fields, flat = KINDS[kind]
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(fields), lineterminator="\n")
    writer.writeheader()
    for item in items:
        writer.writerow({k: _spreadsheet_safe(v) for k, v in flat(item).items()})
    return buf.getvalue()


def response(items: list, kind: str, filename: str, next_cursor=None) -> Response:
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
    if next_cursor:
        headers["X-Next-Cursor"] = next_cursor
    return Response(render(items, kind), media_type="text/csv; charset=utf-8", headers=headers)
