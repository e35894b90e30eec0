"""Incremental story building: each article not yet seen by the stage is sketched, matched to
its near-duplicates and to the best story within the time window, and only the stories it
touches are rebuilt. Nothing is recomputed for articles already processed.

Assignment (one article at a time, in arrival order):
1. a near-duplicate (copies.find_copies) puts the article in its original's story;
2. otherwise candidate stories are those of stored articles sharing >= MIN_SHARED of its
   top terms, dated within WINDOW_DAYS of the story's date range (undated ones always qualify); the
   similarity to a story is W_TEXT * cosine(article, story centroid) + W_ACTORS * share of the
   article's actors the story names + W_TYPES * share of its event types the story has;
3. the best story at or above JOIN_THRESHOLD gets the article, else it starts a new story;
   other stories it also fits, with date ranges within the window of the best one, are merged
   into it (the article shows they report one development).
The text vector already holds actor names and PLOVER event types (see text.term_counts).
Weights, window and threshold were measured with `dateline eval stories` on the examples'
stories set mixed into BBC articles (docs/results.md, "stories"): the separate event-type
share (W_TYPES 0.1) only pulled look-alike distractors in, so it is 0; a 2-day window let a
3-days-later look-alike in.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Optional
from urllib.parse import urlsplit

import sqlalchemy as sa

from ..store import schema as S
from ..store.stories import (delete_story, story_df, story_sketches, story_terms, write_story)
from . import copies as C
from .events import dedup_events
from .summary import card
from .text import cosine, shingles, term_counts, weigh

WINDOW_DAYS = 1
MIN_SHARED = 2
INDEX_TERMS = 20          # top terms per article in the candidate index
MAX_CANDIDATES = 25       # candidate stories scored per article
W_TEXT, W_ACTORS, W_TYPES = 0.8, 0.2, 0.0
JOIN_THRESHOLD = 0.33
BATCH = 100


@dataclass
class UpdateStats:
    articles: int = 0
    copies: int = 0
    new_stories: int = 0
    merged: int = 0
    touched: set = field(default_factory=set)
    batch: set = field(default_factory=set)     # stories touched by the current batch
    n_docs: int = 0                             # articles placed so far (for IDF)
    seq: int = 0                                # last arrival number given

    def summary(self) -> str:
        return (f"stories: {self.articles} articles placed ({self.copies} near-duplicates), "
                f"{self.new_stories} new stories, {self.merged} merged, "
                f"{len(self.touched)} stories updated")


@dataclass
class Params:
    window_days: int = WINDOW_DAYS
    join_threshold: float = JOIN_THRESHOLD
    copy_containment: float = C.COPY_CONTAINMENT
    weights: tuple = (W_TEXT, W_ACTORS, W_TYPES)
    merge: bool = True
    type_terms: bool = True


def update_stories(store, params: Optional[Params] = None, batch: int = BATCH,
                   replaced: Optional[list] = None) -> UpdateStats:
    """Place every stored article the stage has not seen yet; rebuild the stories touched.

    Safe to call after any ingest: articles already placed are skipped, and each batch is one
    transaction, so an interrupted run resumes where it stopped. `replaced` (ids rewritten by
    `ingest --reprocess`) are taken out of their stories first and placed again.
    """
    params = params or Params()
    stats = UpdateStats()
    if replaced:
        forget(store, replaced)
    clashes = 0
    while True:
        try:
            if not _batch(store, params, stats, batch):
                return stats
        except sa.exc.IntegrityError:  # another process placed the same articles meanwhile
            clashes += 1
            if clashes > 3:
                raise


def _batch(store, params: Params, stats: UpdateStats, batch: int) -> int:
    """Place up to `batch` unplaced articles in one transaction; returns how many."""
    with store.engine.begin() as conn:
        todo = _unplaced(conn, batch)
        if not todo:
            return 0
        stats.batch = set()
        stats.n_docs = _n_docs(conn)
        stats.seq = conn.execute(sa.select(sa.func.max(story_sketches.c.seq))).scalar() or 0
        for art in todo:
            stats.batch.add(_place(conn, art, params, stats))
        for sid in stats.batch:
            rebuild(conn, sid)
        stats.touched |= stats.batch
        return len(todo)


def forget(store, article_ids: list) -> None:
    """Take articles out of the stage (sketch, LSH buckets, index terms) and rebuild the
    stories they were in; document frequencies keep their old counts."""
    sk = story_sketches
    with store.engine.begin() as conn:
        for i in range(0, len(article_ids), 500):
            ids = article_ids[i:i + 500]
            stories = {r[0] for r in conn.execute(sa.select(sk.c.story_id)
                                                  .where(sk.c.article_id.in_(ids)))}
            for t in (C.story_lsh, story_terms, sk):
                conn.execute(t.delete().where(t.c.article_id.in_(ids)))
            for sid in stories:
                rebuild(conn, sid)


def _unplaced(conn, limit: int) -> list[dict]:
    a, sk = S.articles, story_sketches
    q = (sa.select(a.c.json, a.c.site).outerjoin(sk, sk.c.article_id == a.c.id)
         .where(sk.c.article_id.is_(None)).order_by(a.c.ingested_at, a.c.id).limit(limit))
    return [{**json.loads(js), "site": site} for js, site in conn.execute(q)]


def site_of(art: dict) -> Optional[str]:
    """The outlet: the store's site, else the URL's host without 'www.'."""
    if art.get("site"):
        return art["site"]
    host = urlsplit(art.get("url") or "").hostname
    return host[4:] if host and host.startswith("www.") else host


def features(art: dict) -> dict:
    actors = sorted({(a.get("name") or "").strip() for a in art.get("actors") or []} - {""})
    types = sorted({e["type"] for e in art.get("events") or []})
    return {"actors": actors, "types": types}


def _place(conn, art: dict, params: Params, stats: UpdateStats) -> str:
    sk = C.sketch(shingles(art.get("text", "")))
    feats = features(art)
    counts = term_counts(art.get("title"), art.get("text", ""), feats["actors"],
                         [e["type"] for e in art.get("events") or []] if params.type_terms else ())
    terms = weigh(counts, _df(conn, counts), stats.n_docs)
    found = [c for c in C.find_copies(conn, sk, params.copy_containment) if c[0] != art["id"]]
    copy_of = sid = None
    if found:
        copy_of = found[0][0]
        sid = conn.execute(sa.select(story_sketches.c.story_id)
                           .where(story_sketches.c.article_id == copy_of)).scalar()
        stats.copies += 1
    day = art.get("published")
    if sid is None:
        fits = matching_stories(conn, terms, feats, day, params)
        if fits:
            sid, dates = fits[0]
            dates = dates + [day] if day else dates
            for other, other_dates in fits[1:] if params.merge else ():
                if _ranges_gap(dates, other_dates) <= params.window_days:
                    _merge(conn, other, sid, stats)
                    dates = dates + other_dates
    if sid is None:
        sid = "s" + art["id"]
        stats.new_stories += 1
    stats.seq += 1
    stats.n_docs += 1
    seq = stats.seq
    conn.execute(story_sketches.insert().values(
        article_id=art["id"], seq=seq, story_id=sid, copy_of=copy_of, date=day,
        site=site_of(art), n_shingles=sk.size, minhash=sk.to_bytes(),
        terms=json.dumps(terms, ensure_ascii=False), features=json.dumps(feats)))
    C.index(conn, art["id"], sk)
    top = list(terms)[:INDEX_TERMS]
    if top:
        conn.execute(story_terms.insert(), [{"term": t, "article_id": art["id"]} for t in top])
    _add_df(conn, counts)
    stats.articles += 1
    return sid


def _df(conn, counts: Counter) -> dict:
    terms = list(counts)
    out = {}
    for i in range(0, len(terms), 500):
        q = sa.select(story_df.c.term, story_df.c.df).where(story_df.c.term.in_(terms[i:i + 500]))
        out.update(dict(conn.execute(q).all()))
    return out


def _n_docs(conn) -> int:
    return conn.execute(sa.select(sa.func.count()).select_from(story_sketches)).scalar_one()


def _add_df(conn, counts: Counter) -> None:
    rows = [{"term": t[:96], "df": 1} for t in dict.fromkeys(t[:96] for t in counts)]
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    stmt = insert(story_df)
    conn.execute(stmt.on_conflict_do_update(index_elements=["term"],
                                            set_={"df": story_df.c.df + 1}), rows)


def _gap(day: Optional[str], dates: list[str]) -> int:
    """Days from `day` to the range of `dates` (0 inside it or when anything is unknown)."""
    if not day or not dates:
        return 0
    d = date.fromisoformat(day)
    lo, hi = date.fromisoformat(min(dates)), date.fromisoformat(max(dates))
    return max((lo - d).days, (d - hi).days, 0)


def matching_stories(conn, terms: dict, feats: dict, day: Optional[str],
                     params: Params) -> list[tuple[str, list]]:
    """[(story id, its members' dates)] of the stories at or above the join threshold, most
    similar first."""
    scored = [(similarity(terms, feats, day, members, params), sid,
               [m["date"] for m in members if m["date"]])
              for sid, members in _candidate_stories(conn, terms).items()]
    scored = [s for s in scored if s[0] is not None and s[0] >= params.join_threshold]
    return [(sid, dates) for _, sid, dates in sorted(scored, reverse=True)]


def _ranges_gap(a: list, b: list) -> int:
    """Days between two date ranges (0 when they overlap or either is undated)."""
    if not a or not b:
        return 0
    lo_a, hi_a = date.fromisoformat(min(a)), date.fromisoformat(max(a))
    lo_b, hi_b = date.fromisoformat(min(b)), date.fromisoformat(max(b))
    return max((lo_b - hi_a).days, (lo_a - hi_b).days, 0)


def _merge(conn, other: str, into: str, stats: UpdateStats) -> None:
    """Move every article of story `other` into story `into` (an article that fits both
    shows they report one development); `other` disappears when rebuilt."""
    conn.execute(story_sketches.update().where(story_sketches.c.story_id == other)
                 .values(story_id=into))
    stats.batch.add(other)
    stats.merged += 1


def similarity(terms: dict, feats: dict, day: Optional[str], members: list[dict],
               params: Params) -> Optional[float]:
    """Article-to-story similarity in [0, 1]; None when outside the time window."""
    if _gap(day, [m["date"] for m in members if m["date"]]) > params.window_days:
        return None
    centroid: Counter = Counter()
    for m in members:
        centroid.update(m["terms"])
    actors = set().union(*(m["features"]["actors"] for m in members))
    types = set().union(*(m["features"]["types"] for m in members))
    a_share = len(actors & set(feats["actors"])) / len(feats["actors"]) if feats["actors"] else 0
    t_share = len(types & set(feats["types"])) / len(feats["types"]) if feats["types"] else 0
    wt, wa, wy = params.weights
    return wt * cosine(terms, centroid) + wa * a_share + wy * t_share


def _candidate_stories(conn, terms: dict) -> dict[str, list[dict]]:
    top = list(terms)[:INDEX_TERMS]
    if not top:
        return {}
    st, sk = story_terms, story_sketches
    shared = sa.func.count().label("shared")
    q = (sa.select(sk.c.story_id, shared).join(sk, sk.c.article_id == st.c.article_id)
         .where(st.c.term.in_(top)).group_by(st.c.article_id, sk.c.story_id)
         .having(shared >= MIN_SHARED).order_by(shared.desc()))
    best: dict = {}
    for sid, n in conn.execute(q):
        if sid not in best:
            best[sid] = n
        if len(best) >= MAX_CANDIDATES:
            break
    return {sid: members(conn, sid) for sid in best}


def members(conn, story_id: str) -> list[dict]:
    """Sketch rows of a story's articles in arrival order (terms and features decoded)."""
    sk, a = story_sketches, S.articles
    q = (sa.select(sk.c.article_id, sk.c.seq, sk.c.date, sk.c.site, sk.c.copy_of, sk.c.terms,
                   sk.c.features, a.c.ingested_at).join(a, a.c.id == sk.c.article_id)
         .where(sk.c.story_id == story_id).order_by(sk.c.seq))
    return [{**dict(r._mapping), "terms": json.loads(r.terms), "features": json.loads(r.features)}
            for r in conn.execute(q)]


def rebuild(conn, story_id: str) -> None:
    """Recompute one story's card and deduplicated events from its articles."""
    rows = members(conn, story_id)
    delete_story(conn, story_id)
    if not rows:
        return
    ids = [m["article_id"] for m in rows]
    found = {aid: json.loads(js) for aid, js in conn.execute(
        sa.select(S.articles.c.id, S.articles.c.json).where(S.articles.c.id.in_(ids)))}
    articles = [found[i] for i in ids if i in found]
    events = dedup_events(articles, {m["article_id"]: m["copy_of"] for m in rows})
    write_story(conn, card(story_id, rows, articles, events), events)
