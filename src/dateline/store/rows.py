"""Contract dict -> table rows, and stored rows -> flat event records for CSV/Parquet.

Works from the contract dict (not the dataclasses) so anything that speaks the contract, such as
`dateline extract` output, can be stored the same way.
"""
from __future__ import annotations

import hashlib
import json
from datetime import datetime, timezone
from functools import lru_cache
from typing import Any, Optional, Union

from ..actors.kb import fold
from ..model import Article
from .schema import UNDATED

# Columns of one event as a flat record (CSV and Parquet export, `dateline events --format csv`).
# `day` is the date the event is filed under (its own date, else the article's publication
# date) and `date_source` says which (text | published | none); `date` stays the text's date.
EVENT_FIELDS = (
    "article_id", "event_id", "published", "day", "date_source", "date", "date_end", "type",
    "mode", "contexts", "quad", "cameo", "status", "source", "source_countries",
    "source_sectors", "source_actors", "target", "target_countries", "target_sectors",
    "target_actors", "location", "location_country", "lat", "lon", "confidence",
    "attributed_to", "evidence", "url", "title", "site", "input", "story_id",
)
QUOTE_FIELDS = ("article_id", "quote_id", "published", "speaker", "speaker_country",
                "speaker_sector", "speaker_actor", "kind", "cue", "text", "url", "title", "site",
                "input", "story_id")


@lru_cache(maxsize=20_000)  # names recur within an article (every mention) and across articles
def actor_key(name: Optional[str], country: Optional[str]) -> Optional[str]:
    """Persistent id of an actor across articles: the same folded name and country give the
    same key in every article and every store ("act_" + 12 hex digits of SHA-1)."""
    if not name:
        return None
    raw = f"{fold(name)}|{country or ''}"
    return "act_" + hashlib.sha1(raw.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def fts_rowid(article_id: str) -> int:
    """Stable integer key of an article in the SQLite full-text table (63-bit hash of its id)."""
    digest = hashlib.sha1(article_id.encode("utf-8", "surrogatepass")).digest()
    return int.from_bytes(digest[:8], "big") >> 1


def event_day(event: dict, published: Optional[str]) -> tuple[Optional[str], str]:
    """(day, date_source): the event's own date ("text"), else the article's publication date
    ("published"), else (None, "none")."""
    value = ((event.get("date") or {}).get("value") or "")[:10]
    if value:
        return value, "text"
    if published:
        return published[:10], "published"
    return None, "none"


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
    """`row` with every value but `json` made `_storable` (plain ASCII text, numbers and None,
    most of a row, are taken as they are without a call)."""
    return {k: v if k == "json" or v is None or v.__class__ is int
            or (v.__class__ is str and v.isascii() and "\x00" not in v) else _storable(v)
            for k, v in row.items()}


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
                   "country": a.get("country"), "sector": a.get("sector"), "kind": a.get("kind"),
                   "actor_key": actor_key(a.get("name"), a.get("country")),
                   "mentions": len(a.get("mentions") or [])})
            for a in d.get("actors") or []]


def alias_rows(d: dict) -> list[dict]:
    """(alias, actor_key) pairs: each actor's folded name and the folded texts of its mentions
    and of the words filling event sides and quote speakers."""
    out: dict = {}
    folded: dict = {}  # the same texts recur (an actor's name, its mentions, event sides)

    def add(text, name, country):
        key = actor_key(name, country)
        text = text or ""
        alias = folded.get(text)
        if alias is None:
            alias = folded[text] = fold(text)[:200]
        if key and alias:
            out[(alias, key)] = {"alias": alias, "actor_key": key, "name": name,
                                 "country": country}

    for a in d.get("actors") or []:
        add(a.get("name"), a.get("name"), a.get("country"))
        for m in a.get("mentions") or []:
            add(m.get("text"), a.get("name"), a.get("country"))
    for e in d.get("events") or []:
        for ref in (e.get("source") or []) + (e.get("target") or []):
            add(ref.get("name"), ref.get("name"), ref.get("country"))
            add(ref.get("text"), ref.get("name"), ref.get("country"))
    return [_safe(r) for r in out.values()]


def event_actor_rows(d: dict) -> list[dict]:
    """One row per actor filling a side of an event (role source|target, pos within side),
    with the first_* flags of schema.event_actors."""
    rows = []
    for seq, e in enumerate(d.get("events") or []):
        day, _ = event_day(e, d.get("published"))
        seen: set = set()
        for role in ("source", "target"):
            for pos, ref in enumerate(e.get(role) or []):
                name = ref.get("name") or ref.get("text")
                key = actor_key(ref.get("name"), ref.get("country"))
                cc, sector = ref.get("country"), ref.get("sector")
                flags = {}
                for flag, mark in (("first_any", ("any", cc)), ("first_role", (role, cc)),
                                   ("first_actor", ("actor", key)),
                                   ("first_sector", ("sector", sector))):
                    flags[flag] = int(mark[1] is not None and mark not in seen)
                    seen.add(mark)
                rows.append(_safe({
                    "article_id": d["id"], "event_id": e["id"], "role": role, "pos": pos,
                    "actor_key": key, "name": name, "text": ref.get("text"), "country": cc,
                    "sector": sector, "sort_day": day or UNDATED, "seq": seq, **flags}))
    return rows


def fts_row(d: dict) -> dict:
    """The article's row of the SQLite full-text table (title, text, all event evidence)."""
    evidence = " \n".join((e.get("evidence") or {}).get("text") or ""
                          for e in d.get("events") or [])
    return _safe({"rowid": fts_rowid(d["id"]), "article_id": d["id"], "title": d.get("title") or "",
                  "text": d.get("text") or "", "evidence": evidence})


def event_rows(d: dict) -> list[dict]:
    rows = []
    for i, e in enumerate(d.get("events") or []):
        src, src_c = _side(e.get("source"))
        tgt, tgt_c = _side(e.get("target"))
        date = e.get("date") or {}
        loc = e.get("location") or {}
        day, date_source = event_day(e, d.get("published"))
        rows.append(_safe({
            "day": day, "date_source": date_source, "sort_day": day or UNDATED,
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
            "speaker_key": actor_key(sp.get("name"), sp.get("country")),
        }))
    return rows


def story_row(d: dict) -> dict:
    return _safe({"id": d["id"], "title": d.get("title"), "score": d.get("score"),
                  "json": _dumps(d)})


# Side fields of a flat event are aligned lists (one item per actor filling the side, in order);
# the CSV/TSV writers join them with "; " keeping empty items, Parquet keeps them as lists.
LIST_FIELDS = {"contexts", "source", "source_countries", "source_sectors", "source_actors",
               "target", "target_countries", "target_sectors", "target_actors"}


def _aligned(refs: list) -> dict:
    refs = refs or []
    return {"": [r.get("name") or r.get("text") for r in refs],
            "_countries": [r.get("country") for r in refs],
            "_sectors": [r.get("sector") for r in refs],
            "_actors": [actor_key(r.get("name"), r.get("country")) for r in refs]}


def flat_event(rec: dict) -> dict:
    """A stored event record (see Store.events) as one flat row of EVENT_FIELDS; the side
    fields are aligned lists (LIST_FIELDS)."""
    date = rec.get("date") or {}
    loc = rec.get("location") or {}
    day, date_source = rec.get("day"), rec.get("date_source")
    if date_source is None:
        day, date_source = event_day(rec, rec.get("published"))
    row = {
        "article_id": rec["article_id"], "event_id": rec["id"], "published": rec.get("published"),
        "day": day, "date_source": date_source,
        "date": date.get("value"), "date_end": date.get("end"), "type": rec.get("type"),
        "mode": rec.get("mode"), "contexts": list(rec.get("contexts") or []),
        "quad": rec.get("quad"), "cameo": rec.get("cameo"), "status": rec.get("status"),
        "location": loc.get("text"),
        "location_country": loc.get("country"), "lat": loc.get("lat"), "lon": loc.get("lon"),
        "confidence": rec.get("confidence"), "attributed_to": rec.get("attributed_to"),
        "evidence": (rec.get("evidence") or {}).get("text"),
        "url": rec.get("url"), "title": rec.get("title"), "site": rec.get("site"),
        "input": rec.get("input"), "story_id": rec.get("story_id"),
    }
    for role in ("source", "target"):
        for suffix, values in _aligned(rec.get(role)).items():
            row[role + suffix] = values
    return row


def flat_quote(rec: dict) -> dict:
    sp = rec.get("speaker") or {}
    return {
        "article_id": rec["article_id"], "quote_id": rec["id"], "published": rec.get("published"),
        "speaker": sp.get("name") or sp.get("text"), "speaker_country": sp.get("country"),
        "speaker_sector": sp.get("sector"),
        "speaker_actor": actor_key(sp.get("name"), sp.get("country")),
        "kind": rec.get("kind"), "cue": (rec.get("cue") or {}).get("text"),
        "text": rec.get("text"), "url": rec.get("url"), "title": rec.get("title"),
        "site": rec.get("site"), "input": rec.get("input"), "story_id": rec.get("story_id"),
    }
