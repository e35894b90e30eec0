"""Story tables and story queries: what `dateline stories`, `events --dedup`, the HTTP API and
the web page read, and what the stories stage (dateline.stories) writes.

Tables (on the store's one MetaData, created by `open_store`):
- `story_sketches`: one row per article the stories stage has seen: its MinHash signature and
  shingle count (near-duplicates), its weighted terms, actors and event types (story similarity),
  its date, site, story and the article it copies (`copy_of`). Articles without a row are the
  ones the stage still has to process, so an interrupted run resumes where it stopped.
- `story_lsh`: LSH band buckets of each signature (band, bucket) -> article, so a later process
  finds near-duplicate candidates with one indexed query instead of rebuilding an index.
- `story_terms`: an article's top terms -> article (candidate stories for a new article).
- `story_df`: document frequency of every term (incremental IDF).
- `story_info`: a story's filterable figures (dates, counts, score), next to `stories`.
- `story_events` / `story_event_mentions`: events deduplicated across a story's articles, each
  with one mention per reporting article (article id, event id, evidence).

Read functions (all take an open `Store` first):
    list_stories(store, limit=20, after=None, since=None, until=None, q=None) -> dict
    count_stories(store, since=None, until=None, q=None) -> int
    get_story(store, story_id) -> dict | None
    story_events(store, story_id=None, type=None, since=None, until=None, limit=None) -> list[dict]
    story_of_article(store, article_id) -> str | None
Dates are ISO `YYYY-MM-DD` strings; a bad cursor raises `ValueError`.
"""
from __future__ import annotations

import base64
import json
from typing import Iterable, Iterator, Optional

import sqlalchemy as sa

from . import schema as S

md = S.metadata


def _article_fk() -> sa.ForeignKey:
    return sa.ForeignKey("articles.id", ondelete="CASCADE")


def _story_fk() -> sa.ForeignKey:
    return sa.ForeignKey("stories.id", ondelete="CASCADE")


story_sketches = sa.Table(
    "story_sketches", md,
    sa.Column("article_id", sa.String(64), _article_fk(), primary_key=True),
    sa.Column("seq", sa.Integer, nullable=False),           # arrival order
    sa.Column("story_id", sa.String(64)),
    sa.Column("copy_of", sa.String(64)),                    # article this one near-duplicates
    sa.Column("date", sa.String(10)),                       # published, else null
    sa.Column("site", sa.Text),
    sa.Column("n_shingles", sa.Integer, nullable=False),
    sa.Column("minhash", sa.LargeBinary, nullable=False),   # uint64 hash values
    sa.Column("terms", sa.Text, nullable=False),            # JSON {term: tf-idf weight}
    sa.Column("features", sa.Text, nullable=False),         # JSON {"actors": [...], "types": [...]}
    sa.Index("ix_story_sketches_story", "story_id"),
    sa.Index("ix_story_sketches_date", "date"),
)

story_lsh = sa.Table(
    "story_lsh", md,
    sa.Column("band", sa.Integer, primary_key=True),
    sa.Column("bucket", sa.String(32), primary_key=True),
    sa.Column("article_id", sa.String(64), _article_fk(), primary_key=True),
    sa.Index("ix_story_lsh_bucket", "bucket"),
)

story_terms = sa.Table(
    "story_terms", md,
    sa.Column("term", sa.String(96), primary_key=True),
    sa.Column("article_id", sa.String(64), _article_fk(), primary_key=True),
)

story_df = sa.Table(
    "story_df", md,
    sa.Column("term", sa.String(96), primary_key=True),
    sa.Column("df", sa.Integer, nullable=False),
)

story_info = sa.Table(
    "story_info", md,
    sa.Column("story_id", sa.String(64), _story_fk(), primary_key=True),
    sa.Column("first_date", sa.String(10)),
    sa.Column("last_date", sa.String(10)),
    sa.Column("n_articles", sa.Integer, nullable=False),
    sa.Column("n_sources", sa.Integer, nullable=False),
    sa.Column("n_events", sa.Integer, nullable=False),
    sa.Column("score", sa.Float, nullable=False),
    sa.Index("ix_story_info_rank", "score", "story_id"),
    sa.Index("ix_story_info_last", "last_date"),
)

story_event_table = sa.Table(
    "story_events", md,
    sa.Column("id", sa.String(80), primary_key=True),       # "<story id>:e<n>"
    sa.Column("story_id", sa.String(64), _story_fk(), nullable=False),
    sa.Column("seq", sa.Integer, nullable=False),
    sa.Column("type", sa.String(16), nullable=False),
    sa.Column("quad", sa.String(32)),
    sa.Column("status", sa.String(16)),
    sa.Column("date", sa.String(10)),
    sa.Column("source", sa.Text),
    sa.Column("target", sa.Text),
    sa.Column("mentions", sa.Integer, nullable=False),
    sa.Column("json", sa.Text, nullable=False),
    sa.Index("ix_story_events_story", "story_id", "seq"),
    sa.Index("ix_story_events_type", "type"),
)

story_event_mentions = sa.Table(
    "story_event_mentions", md,
    sa.Column("story_event_id", sa.String(80),
              sa.ForeignKey("story_events.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("article_id", sa.String(64), _article_fk(), primary_key=True),
    sa.Column("event_id", sa.String(32), primary_key=True),
    sa.Index("ix_story_event_mentions_article", "article_id"),
)

# ix_story_articles_article (story_articles by article) is declared in schema.py.


# -- cursor -------------------------------------------------------------------------------------

def encode_cursor(score: float, story_id: str) -> str:
    """Opaque `after=` cursor for the story after (score, id) in rank order."""
    raw = json.dumps([round(float(score), 9), story_id]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[float, str]:
    """(score, story id) of a cursor; ValueError when it is not one of ours."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        score, sid = json.loads(raw)
        return float(score), str(sid)
    except Exception:
        raise ValueError(f"bad cursor {cursor!r}") from None


# -- reading ------------------------------------------------------------------------------------

def _filtered(query, since: Optional[str], until: Optional[str], q: Optional[str]):
    i, st = story_info, S.stories
    if since:
        query = query.where(i.c.last_date >= since)
    if until:
        query = query.where(i.c.first_date <= until)
    if q:
        query = query.where(sa.func.lower(st.c.title).contains(q.lower(), autoescape=True))
    return query


def list_stories(store, limit: int = 20, after: Optional[str] = None, since: Optional[str] = None,
                 until: Optional[str] = None, q: Optional[str] = None,
                 min_articles: int = 1) -> dict:
    """Top Stories, best first: {"items": [card...], "next": cursor | None, "total": int}.

    A card is the story dict without articles/events/quotes: id, title, summary, first_date,
    last_date, n_articles, n_sources, n_events, sources [{site, articles}], actors
    [{name, country, sector, articles}], quad_counts {quad: n}, score. `after` is the `next`
    of the previous page; `since`/`until` keep stories whose date range reaches them; `q` is a
    case-insensitive substring of the title; `total` counts all stories matching the filters.
    """
    st, i = S.stories, story_info
    query = sa.select(st.c.json, i.c.score, st.c.id).join(i, i.c.story_id == st.c.id)
    query = _filtered(query, since, until, q).where(i.c.n_articles >= min_articles)
    if after:
        score, sid = decode_cursor(after)
        query = query.where(sa.or_(i.c.score < score,
                                   sa.and_(i.c.score == score, st.c.id > sid)))
    query = query.order_by(i.c.score.desc(), st.c.id).limit(limit + 1)
    with store.engine.connect() as conn:
        rows = conn.execute(query).all()
    items = [json.loads(js) for js, _, _ in rows[:limit]]
    nxt = encode_cursor(rows[limit - 1][1], rows[limit - 1][2]) if len(rows) > limit else None
    return {"items": items, "next": nxt,
            "total": count_stories(store, since, until, q, min_articles)}


def count_stories(store, since: Optional[str] = None, until: Optional[str] = None,
                  q: Optional[str] = None, min_articles: int = 1) -> int:
    """How many stories match the filters of `list_stories`."""
    st, i = S.stories, story_info
    query = sa.select(sa.func.count()).select_from(st.join(i, i.c.story_id == st.c.id))
    query = _filtered(query, since, until, q).where(i.c.n_articles >= min_articles)
    with store.engine.connect() as conn:
        return conn.execute(query).scalar_one()


def get_story(store, story_id: str) -> Optional[dict]:
    """The story card plus `articles` [{id, title, url, site, published, copy_of}],
    `events` (deduplicated, see `story_events`) and `quotes` [{article_id, id, speaker, text,
    kind, cue}]; None when there is no such story."""
    st = S.stories
    with store.engine.connect() as conn:
        row = conn.execute(sa.select(st.c.json).where(st.c.id == story_id)).first()
        if row is None:
            return None
        story = json.loads(row[0])
        story["articles"] = _articles(conn, story_id)
        story["quotes"] = _quotes(conn, [a["id"] for a in story["articles"]])
    story["events"] = story_events(store, story_id=story_id)
    return story


def _articles(conn, story_id: str) -> list[dict]:
    a, sa_, sk = S.articles, S.story_articles, story_sketches
    q = (sa.select(a.c.id, a.c.title, a.c.url, sa.func.coalesce(a.c.site, sk.c.site).label("site"),
                   a.c.published, sk.c.copy_of)
         .join(sa_, sa_.c.article_id == a.c.id)
         .outerjoin(sk, sk.c.article_id == a.c.id)
         .where(sa_.c.story_id == story_id)
         .order_by(sa.func.coalesce(a.c.published, ""), sk.c.seq, a.c.id))
    return [dict(r._mapping) for r in conn.execute(q)]


def _quotes(conn, article_ids: list) -> list[dict]:
    qt = S.quotes
    if not article_ids:
        return []
    q = (sa.select(qt.c.article_id, qt.c.json).where(qt.c.article_id.in_(article_ids))
         .order_by(qt.c.article_id, qt.c.seq))
    order = {aid: n for n, aid in enumerate(article_ids)}
    out = [{"article_id": aid, **json.loads(js)} for aid, js in conn.execute(q)]
    return sorted(out, key=lambda d: order.get(d["article_id"], 0))


def story_events(store, story_id: Optional[str] = None, type=None, since: Optional[str] = None,
                 until: Optional[str] = None, limit: Optional[int] = None) -> list[dict]:
    """Deduplicated story events, one per real event, in story then reading order.

    Each: {id, story_id, type, mode, quad, status, date, source [..], target [..], location,
    evidence (of the first mention), mentions: [{article_id, event_id, evidence}], n_mentions}.
    `type` is a PLOVER type or a list of them; `since`/`until` match the event date.
    """
    return list(iter_story_events(store, story_id, type, since, until, limit))


def iter_story_events(store, story_id=None, type=None, since=None, until=None,
                      limit=None) -> Iterator[dict]:
    """Streaming form of `story_events`."""
    e = story_event_table
    q = sa.select(e.c.json, e.c.id, e.c.story_id, e.c.mentions)
    if story_id:
        q = q.where(e.c.story_id == story_id)
    if type:
        types = [type] if isinstance(type, str) else list(type)
        q = q.where(e.c.type.in_([t.upper() for t in types]))
    if since:
        q = q.where(e.c.date >= since)
    if until:
        q = q.where(e.c.date <= until)
    q = q.order_by(e.c.story_id, e.c.seq).limit(limit)
    with store.engine.connect() as conn:
        for js, eid, sid, n in conn.execute(q):
            yield {"id": eid, "story_id": sid, **json.loads(js), "n_mentions": n}


def story_of_article(store, article_id: str) -> Optional[str]:
    """The id of the story an article belongs to, or None."""
    sa_ = S.story_articles
    with store.engine.connect() as conn:
        row = conn.execute(sa.select(sa_.c.story_id)
                           .where(sa_.c.article_id == article_id)).first()
    return row[0] if row else None


# -- writing (the stories stage) ----------------------------------------------------------------

def write_story(conn, story: dict, events: Iterable[dict]) -> None:
    """Replace one story: its row, card JSON, info, article links and deduplicated events.

    `story` is the card (see `list_stories`) plus `article_ids`; each event carries
    `mentions` [{article_id, event_id, evidence}].
    """
    sid = story["id"]
    st, i, links = S.stories, story_info, S.story_articles
    conn.execute(st.delete().where(st.c.id == sid))
    card = {k: v for k, v in story.items() if k != "article_ids"}
    conn.execute(st.insert().values(id=sid, title=story["title"], score=story["score"],
                                    json=json.dumps(card, ensure_ascii=False)))
    conn.execute(i.insert().values(
        story_id=sid, first_date=story.get("first_date"), last_date=story.get("last_date"),
        n_articles=story["n_articles"], n_sources=story["n_sources"],
        n_events=story["n_events"], score=story["score"]))
    ids = list(dict.fromkeys(story["article_ids"]))
    conn.execute(links.delete().where(links.c.article_id.in_(ids)))
    conn.execute(links.insert(), [{"story_id": sid, "article_id": a} for a in ids])
    rows, mentions = _event_rows(sid, events)
    if rows:
        conn.execute(story_event_table.insert(), rows)
    if mentions:
        conn.execute(story_event_mentions.insert(), mentions)


def delete_story(conn, story_id: str) -> None:
    """Remove a story (its events, mentions, info and links cascade or are deleted here)."""
    ids = [r[0] for r in conn.execute(sa.select(story_event_table.c.id)
                                      .where(story_event_table.c.story_id == story_id))]
    if ids:
        conn.execute(story_event_mentions.delete()
                     .where(story_event_mentions.c.story_event_id.in_(ids)))
    conn.execute(story_event_table.delete().where(story_event_table.c.story_id == story_id))
    conn.execute(story_info.delete().where(story_info.c.story_id == story_id))
    conn.execute(S.story_articles.delete().where(S.story_articles.c.story_id == story_id))
    conn.execute(S.stories.delete().where(S.stories.c.id == story_id))


def _event_rows(sid: str, events: Iterable[dict]) -> tuple[list, list]:
    rows, mentions = [], []
    for n, ev in enumerate(events, start=1):
        eid = f"{sid}:e{n}"
        body = {k: v for k, v in ev.items() if k not in ("id", "story_id", "n_mentions")}
        rows.append({"id": eid, "story_id": sid, "seq": n, "type": ev["type"],
                     "quad": ev.get("quad"), "status": ev.get("status"),
                     "date": (ev.get("date") or {}).get("value"),
                     "source": "; ".join(a.get("name") or a.get("text") or ""
                                         for a in ev.get("source") or []),
                     "target": "; ".join(a.get("name") or a.get("text") or ""
                                         for a in ev.get("target") or []),
                     "mentions": len(ev["mentions"]),
                     "json": json.dumps(body, ensure_ascii=False)})
        seen = set()
        for m in ev["mentions"]:
            for event_id in m.get("event_ids") or [m["event_id"]]:
                key = (m["article_id"], event_id)
                if event_id is not None and key not in seen:  # an aligned mention has none
                    seen.add(key)
                    mentions.append({"story_event_id": eid, "article_id": m["article_id"],
                                     "event_id": event_id})
    return rows, mentions


def clear_stories(store) -> None:
    """Forget every story and sketch, so the stories stage places all articles again."""
    with store.engine.begin() as conn:
        for t in (story_event_mentions, story_event_table, story_info, S.story_articles,
                  S.stories, story_terms, story_lsh, story_df, story_sketches):
            conn.execute(t.delete())


def copy_links(store) -> dict:
    """{article id: (story id, id of the article it near-duplicates or None)} for every placed
    article."""
    sk = story_sketches
    with store.engine.connect() as conn:
        return {aid: (sid, cp) for aid, sid, cp in
                conn.execute(sa.select(sk.c.article_id, sk.c.story_id, sk.c.copy_of))}
