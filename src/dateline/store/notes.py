"""Analysts' notes: flags, corrections and comments on stored events and stories.

A note is one row of its own table (`notes`, created on first use next to the article tables):

    {"id": 7, "created_at": "2026-11-29T21:04:05Z", "author": "Ana",
     "kind": "flag" | "correct" | "note",
     "story_id": "s-…" | None, "article_id": "…" | None, "event_id": "e3" | None,
     "correction": {"type": "ASSAULT", "status": "alleged", "source": ["RUS"], "target": ["UKR"]}
                   | None,                       # only for kind "correct"; any subset of the keys
     "text": "free text, may be empty"}

A note targets an event (article_id + event_id) or a story (story_id). Flags and corrections are
only for events. Sizes are bounded (NoteError on violation): author 1-80 characters, text at most
2,000, each side at most 10 entries of at most 80 characters. Notes are plain text; whoever shows
them must escape them (the web page does).

`export_corrections` turns notes into correction records (JSON Lines) that an evaluation or a
retraining script can read: each carries the event as the pipeline coded it, its evidence sentence
and the analyst's verdict.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Iterator, Optional

import sqlalchemy as sa

from ..model import PLOVER_TYPES, STATUSES

MAX_AUTHOR = 80
MAX_TEXT = 2000
MAX_SIDE = 10
MAX_SIDE_ITEM = 80
KINDS = ("flag", "correct", "note")
CORRECTION_KEYS = ("type", "status", "source", "target")

_meta = sa.MetaData()

notes = sa.Table(
    "notes", _meta,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("author", sa.String(MAX_AUTHOR), nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("story_id", sa.String(64)),
    sa.Column("article_id", sa.String(64)),
    sa.Column("event_id", sa.String(32)),
    sa.Column("correction", sa.Text),
    sa.Column("text", sa.Text, nullable=False),
    sa.Index("ix_notes_event", "article_id", "event_id"),
    sa.Index("ix_notes_story", "story_id"),
)


class NoteError(ValueError):
    """A note that breaks a rule (unknown kind, missing target, too long, bad correction)."""


def ensure_table(engine: sa.Engine) -> None:
    """Create the notes table if the store lacks it (idempotent)."""
    _meta.create_all(engine, checkfirst=True)


def _clean_text(value, limit: int, name: str, required: bool = False) -> str:
    s = "" if value is None else str(value)
    s = s.replace("\x00", "").strip()
    if required and not s:
        raise NoteError(f"{name} is required")
    if len(s) > limit:
        raise NoteError(f"{name} is longer than {limit} characters")
    return s


def _clean_side(value, name: str) -> list:
    if isinstance(value, str):
        value = [v for v in value.split(",")]
    if not isinstance(value, (list, tuple)) or len(value) > MAX_SIDE:
        raise NoteError(f"{name} must be a list of at most {MAX_SIDE} actors")
    return [_clean_text(v, MAX_SIDE_ITEM, name, required=True) for v in value]


def _clean_correction(corr: Optional[dict]) -> Optional[dict]:
    if not corr:
        return None
    unknown = set(corr) - set(CORRECTION_KEYS)
    if unknown:
        raise NoteError(f"unknown correction field(s): {', '.join(sorted(unknown))}")
    out = {}
    if corr.get("type") is not None:
        t = str(corr["type"]).upper()
        if t not in PLOVER_TYPES:
            raise NoteError(f"type {corr['type']!r} is not a PLOVER event type")
        out["type"] = t
    if corr.get("status") is not None:
        if corr["status"] not in STATUSES:
            raise NoteError(f"status {corr['status']!r} is not one of {', '.join(STATUSES)}")
        out["status"] = corr["status"]
    for side in ("source", "target"):
        if corr.get(side) is not None:
            out[side] = _clean_side(corr[side], side)
    return out or None


def validate(note: dict) -> dict:
    """The note with its fields checked and trimmed; NoteError on a rule broken."""
    kind = note.get("kind")
    if kind not in KINDS:
        raise NoteError(f"kind must be one of {', '.join(KINDS)}")
    row = {
        "author": _clean_text(note.get("author"), MAX_AUTHOR, "author", required=True),
        "kind": kind,
        "text": _clean_text(note.get("text"), MAX_TEXT, "text"),
        "story_id": _clean_text(note.get("story_id"), 64, "story_id") or None,
        "article_id": _clean_text(note.get("article_id"), 64, "article_id") or None,
        "event_id": _clean_text(note.get("event_id"), 32, "event_id") or None,
    }
    on_event = bool(row["article_id"] and row["event_id"])
    if not on_event and not row["story_id"]:
        raise NoteError("a note needs an event (article_id and event_id) or a story_id")
    if kind != "note" and not on_event:
        raise NoteError(f"a {kind} note needs an event (article_id and event_id)")
    corr = _clean_correction(note.get("correction")) if kind == "correct" else None
    if kind == "correct" and not corr:
        raise NoteError("a correction needs at least one of type, status, source, target")
    if kind == "note" and not row["text"]:
        raise NoteError("text is required for a note")
    row["correction"] = json.dumps(corr, ensure_ascii=False) if corr else None
    return row


def add_note(engine: sa.Engine, note: dict) -> dict:
    """Validate and store one note; returns it as stored (with id and created_at)."""
    row = validate(note)
    row["created_at"] = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    ensure_table(engine)
    with engine.begin() as conn:
        new_id = conn.execute(notes.insert().values(**row)).inserted_primary_key[0]
    return _as_dict({**row, "id": new_id})


def _as_dict(row) -> dict:
    d = dict(row)
    d["correction"] = json.loads(d["correction"]) if d.get("correction") else None
    return d


def list_notes(engine: sa.Engine, story_id: Optional[str] = None,
               article_id: Optional[str] = None, event_id: Optional[str] = None,
               kind: Optional[str] = None, after: Optional[int] = None,
               limit: Optional[int] = None) -> list[dict]:
    """Notes oldest first, filtered by target; `after` is the last id already seen."""
    ensure_table(engine)
    n = notes.c
    q = sa.select(notes).order_by(n.id)
    for col, val in ((n.story_id, story_id), (n.article_id, article_id), (n.event_id, event_id),
                     (n.kind, kind)):
        if val is not None:
            q = q.where(col == val)
    if after is not None:
        q = q.where(n.id > after)
    with engine.connect() as conn:
        return [_as_dict(r._mapping) for r in conn.execute(q.limit(limit))]


def iter_corrections(store) -> Iterator[dict]:
    """Correction records: every note joined to the event (as coded) it is about.

    Shape: {"note_id", "created_at", "author", "kind", "text", "story_id", "article_id",
    "event_id", "article_title", "published", "event": contract event or None,
    "evidence": sentence text or None, "correction": dict or None,
    "label": "wrong" (flag) | "corrected" | "comment"}.
    """
    labels = {"flag": "wrong", "correct": "corrected", "note": "comment"}
    cache: dict = {}
    for note in list_notes(store.engine):
        rec = {"note_id": note["id"], **{k: note[k] for k in (
            "created_at", "author", "kind", "text", "story_id", "article_id", "event_id",
            "correction")}, "label": labels[note["kind"]], "event": None, "evidence": None,
            "article_title": None, "published": None}
        aid = note["article_id"]
        if aid:
            if aid not in cache:
                cache[aid] = store.article(aid)
            art = cache[aid]
            if art:
                rec["article_title"], rec["published"] = art.get("title"), art.get("published")
                ev = next((e for e in art.get("events") or [] if e["id"] == note["event_id"]),
                          None)
                rec["event"] = ev
                rec["evidence"] = (ev or {}).get("evidence", {}).get("text") if ev else None
        yield rec


def export_corrections(store, out) -> int:
    """Write correction records as JSON Lines to the text stream `out`; returns how many."""
    n = 0
    for rec in iter_corrections(store):
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    return n
