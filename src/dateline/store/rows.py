"""Contract dict -> table rows, and stored rows -> flat event records for CSV/Parquet.

Works from the contract dict (not the dataclasses) so anything that speaks the contract, such as
`dateline extract` output, can be stored the same way.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any, Optional, Union

from ..model import Article

# Columns of one event as a flat record (CSV and Parquet export, `dateline events --format csv`).
EVENT_FIELDS = (
    "article_id", "event_id", "published", "date", "date_end", "type", "mode", "quad", "cameo",
    "status", "source", "source_countries", "target", "target_countries", "location",
    "location_country", "lat", "lon", "confidence", "attributed_to", "evidence", "url", "title",
)
QUOTE_FIELDS = ("article_id", "quote_id", "published", "speaker", "speaker_country", "kind",
                "cue", "text", "url", "title")


def to_contract(article: Union[Article, dict]) -> tuple[dict, dict]:
    """(contract dict, store-only metadata) of an Article or a contract dict."""
    if isinstance(article, Article):
        return article.to_dict(), {"site": article.site, "author": article.author}
    return dict(article), {"site": article.get("site"), "author": article.get("author")}


def _dumps(obj: Any) -> str:
    """Compact JSON; all-ASCII escapes only when the text holds lone surrogates (from bad
    JSON input), which neither database can encode. Lossless either way."""
    s = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        s = json.dumps(obj, ensure_ascii=True, separators=(",", ":"))
    return s


def _storable(value: Any) -> Any:
    """A string both databases accept: no NUL (PostgreSQL refuses it), no lone surrogates.
    Only the flat columns are altered; the `json` column keeps the exact contract."""
    if not isinstance(value, str):
        return value
    if "\x00" in value:
        value = value.replace("\x00", "\ufffd")
    if value.isascii():
        return value
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        value = value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return value


def _safe(row: dict) -> dict:
    return {k: v if k == "json" else _storable(v) for k, v in row.items()}


def _join(values, sep: str) -> Optional[str]:
    out = []
    for v in values:
        if v and v not in out:
            out.append(v)
    return sep.join(out) if out else None


def _side(refs: list) -> tuple[Optional[str], Optional[str]]:
    refs = refs or []
    names = _join((r.get("name") or r.get("text") for r in refs), "; ")
    return names, _join((r.get("country") for r in refs), ",")


def article_row(d: dict, extra: dict) -> dict:
    return _safe({
        "id": d["id"], "input": d.get("input"), "url": d.get("url"), "title": d.get("title"),
        "published": d.get("published"), "language": d.get("language"),
        "text": d.get("text") or "", "site": extra.get("site"), "author": extra.get("author"),
        "json": _dumps(d), "ingested_at": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    })


def actor_rows(d: dict) -> list[dict]:
    return [_safe({"article_id": d["id"], "actor_id": a["id"], "name": a.get("name"),
                   "country": a.get("country"), "sector": a.get("sector"), "kind": a.get("kind")})
            for a in d.get("actors") or []]


def event_rows(d: dict) -> list[dict]:
    rows = []
    for i, e in enumerate(d.get("events") or []):
        src, src_c = _side(e.get("source"))
        tgt, tgt_c = _side(e.get("target"))
        date = e.get("date") or {}
        loc = e.get("location") or {}
        rows.append(_safe({
            "article_id": d["id"], "event_id": e["id"], "seq": i, "type": e["type"],
            "mode": e.get("mode"), "quad": e.get("quad"), "cameo": e.get("cameo"),
            "status": e.get("status"), "date": date.get("value"), "date_end": date.get("end"),
            "location": loc.get("text"), "location_country": loc.get("country"),
            "lat": loc.get("lat"), "lon": loc.get("lon"),
            "source": src, "source_countries": src_c, "target": tgt, "target_countries": tgt_c,
            "evidence": (e.get("evidence") or {}).get("text"),
            "attributed_to": e.get("attributed_to"), "confidence": e.get("confidence"),
            "json": _dumps(e),
        }))
    return rows


def quote_rows(d: dict) -> list[dict]:
    rows = []
    for i, q in enumerate(d.get("quotes") or []):
        sp = q.get("speaker") or {}
        rows.append(_safe({
            "article_id": d["id"], "quote_id": q["id"], "seq": i,
            "speaker": sp.get("name") or sp.get("text"), "speaker_country": sp.get("country"),
            "cue": (q.get("cue") or {}).get("text"), "text": q.get("text"),
            "kind": q.get("kind"), "json": _dumps(q),
        }))
    return rows


def story_row(d: dict) -> dict:
    return _safe({"id": d["id"], "title": d.get("title"), "score": d.get("score"),
                  "json": _dumps(d)})


def flat_event(rec: dict) -> dict:
    """A stored event record (see Store.events) as one flat row of EVENT_FIELDS."""
    src, src_c = _side(rec.get("source"))
    tgt, tgt_c = _side(rec.get("target"))
    date = rec.get("date") or {}
    loc = rec.get("location") or {}
    return {
        "article_id": rec["article_id"], "event_id": rec["id"], "published": rec.get("published"),
        "date": date.get("value"), "date_end": date.get("end"), "type": rec.get("type"),
        "mode": rec.get("mode"), "quad": rec.get("quad"), "cameo": rec.get("cameo"),
        "status": rec.get("status"), "source": src, "source_countries": src_c,
        "target": tgt, "target_countries": tgt_c, "location": loc.get("text"),
        "location_country": loc.get("country"), "lat": loc.get("lat"), "lon": loc.get("lon"),
        "confidence": rec.get("confidence"), "attributed_to": rec.get("attributed_to"),
        "evidence": (rec.get("evidence") or {}).get("text"),
        "url": rec.get("url"), "title": rec.get("title"),
    }


def flat_quote(rec: dict) -> dict:
    sp = rec.get("speaker") or {}
    return {
        "article_id": rec["article_id"], "quote_id": rec["id"], "published": rec.get("published"),
        "speaker": sp.get("name") or sp.get("text"), "speaker_country": sp.get("country"),
        "kind": rec.get("kind"), "cue": (rec.get("cue") or {}).get("text"),
        "text": rec.get("text"), "url": rec.get("url"), "title": rec.get("title"),
    }
