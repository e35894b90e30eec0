"""What the page and the API read from the store, in the shapes they show.

Every function takes an open `dateline.store.Store` and returns plain dicts; none holds SQL of
the views. Story, event and actor reads delegate to the store's query layer where the store has
it (`Store.iter_events` filters, store/stories.py), and fill in the page's summaries (sources,
key actors, counts by quad class, date range) with a few grouped queries per page of stories.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from typing import Optional
from urllib.parse import urlsplit

import sqlalchemy as sa

from ..store import schema as S
from . import cursor as C

QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
KEY_ACTORS = 6


def _site(site: Optional[str], url: Optional[str]) -> Optional[str]:
    if site:
        return site
    if url:
        host = urlsplit(url).hostname or ""
        return host[4:] if host.startswith("www.") else host or None
    return None


# -- stories ----------------------------------------------------------------------------------
# The stories stage's read functions (store/stories.py) when the store has them; otherwise the
# stories table alone (stories set with Store.set_stories) summarised here in the same shape.

def _stories_api():
    try:
        from ..store import stories as ST
    except ImportError:
        return None
    return ST if hasattr(ST, "list_stories") and hasattr(ST, "get_story") else None


def stories_page(store, limit: int = 20, after: Optional[str] = None,
                 since: Optional[str] = None) -> dict:
    """{"items": [story card], "next": cursor or None}; best score first.

    A card: id, title, summary, score, first_date, last_date, n_articles, n_sources, n_events,
    sources [{site, articles}], actors [{name, country, sector, articles}],
    quad_counts {quad class: events}.
    """
    ST = _stories_api()
    if _staged(store, ST):
        try:
            page = ST.list_stories(store, limit=limit, after=after, since=since)
        except ValueError:
            raise C.CursorError("after: not a cursor from this API") from None
        return {"items": [_card(c) for c in page["items"]], "next": page.get("next"),
                "total": page.get("total")}
    return _stories_page_plain(store, limit, after, since)


def _staged(store, ST) -> bool:
    """Whether the stories stage has written its story tables (else: plain `stories` rows)."""
    if ST is None:
        return False
    with store.engine.connect() as conn:
        return conn.execute(sa.select(ST.story_info.c.story_id).limit(1)).first() is not None


def _card(c: dict) -> dict:
    c = dict(c)
    c["quad_counts"] = {k: (c.get("quad_counts") or {}).get(k, 0) for k in QUADS}
    c.setdefault("sources", [])
    c.setdefault("actors", [])
    return c


def _stories_page_plain(store, limit, after, since) -> dict:
    st = S.stories
    key = C.decode(after, 2)
    score = sa.func.coalesce(st.c.score, 0.0)
    q = sa.select(st.c.id, st.c.json).order_by(score.desc(), st.c.id)
    if key:
        if not isinstance(key[0], (int, float)) or not isinstance(key[1], str):
            raise C.CursorError("after: not a cursor from this API")
        q = q.where(sa.or_(score < key[0], sa.and_(score == key[0], st.c.id > key[1])))
    if since:
        recent = (sa.select(S.story_articles.c.story_id)
                  .join(S.articles, S.articles.c.id == S.story_articles.c.article_id)
                  .where(S.articles.c.published >= since))
        q = q.where(st.c.id.in_(recent))
    with store.engine.connect() as conn:
        rows = conn.execute(q.limit(limit + 1)).all()
        items = summarise(conn, [json.loads(js) for _, js in rows[:limit]])
        total = conn.execute(sa.select(sa.func.count()).select_from(st)).scalar_one()
    nxt = None
    if len(rows) > limit and items:
        nxt = C.encode([float(items[-1]["score"] or 0.0), items[-1]["id"]])
    return {"items": items, "next": nxt, "total": total}


def summarise(conn, stories: list[dict]) -> list[dict]:
    """Story dicts (id, title, score, ...) -> story cards, with three grouped queries."""
    ids = [s["id"] for s in stories]
    if not ids:
        return []
    sa_, a = S.story_articles, S.articles
    members = defaultdict(list)
    for sid, aid, site, url, pub in conn.execute(
            sa.select(sa_.c.story_id, a.c.id, a.c.site, a.c.url, a.c.published)
            .join(a, a.c.id == sa_.c.article_id).where(sa_.c.story_id.in_(ids))):
        members[sid].append((aid, _site(site, url), pub))
    quads = defaultdict(Counter)
    for sid, quad, n in conn.execute(
            sa.select(sa_.c.story_id, S.events.c.quad, sa.func.count())
            .join(S.events, S.events.c.article_id == sa_.c.article_id)
            .where(sa_.c.story_id.in_(ids)).group_by(sa_.c.story_id, S.events.c.quad)):
        quads[sid][quad or "unknown"] += n
    actors = defaultdict(Counter)
    info = {}
    for sid, name, country, sector, n in conn.execute(
            sa.select(sa_.c.story_id, S.actors.c.name, S.actors.c.country, S.actors.c.sector,
                      sa.func.count(sa.distinct(S.actors.c.article_id)))
            .join(S.actors, S.actors.c.article_id == sa_.c.article_id)
            .where(sa_.c.story_id.in_(ids))
            .group_by(sa_.c.story_id, S.actors.c.name, S.actors.c.country, S.actors.c.sector)):
        if name:
            actors[sid][name] += n
            info.setdefault((sid, name), (country, sector))
    out = []
    for s in stories:
        sid = s["id"]
        arts = members.get(sid, [])
        dates = sorted(p for _, _, p in arts if p)
        sites = Counter(site for _, site, _ in arts if site)
        out.append({
            "id": sid, "title": s.get("title"), "summary": s.get("summary"),
            "score": s.get("score"), "n_articles": len(arts), "n_sources": len(sites),
            "n_events": sum(quads[sid].values()),
            "sources": [{"site": k, "articles": v} for k, v in sites.most_common()],
            "actors": [{"name": n, "country": info[(sid, n)][0], "sector": info[(sid, n)][1],
                        "articles": c} for n, c in actors[sid].most_common(KEY_ACTORS)],
            "quad_counts": {k: quads[sid].get(k, 0) for k in QUADS},
            "first_date": dates[0] if dates else None, "last_date": dates[-1] if dates else None,
        })
    return out


def story(store, story_id: str) -> Optional[dict]:
    """One story: its card plus `articles` [{id, title, site, url, published}], `events`
    (one per real event: contract event fields plus `mentions` [{article_id, event_id,
    evidence}], `n_mentions`, and `article_id`/`event_id` of its first mention coded in its
    own article) and `quotes` (contract quotes plus article_id). None when there is no such
    story."""
    ST = _stories_api()
    if _staged(store, ST):
        found = ST.get_story(store, story_id)
        if found is None:
            return None
        found = _card(found)
    else:
        found = _story_plain(store, story_id)
        if found is None:
            return None
    published = {}
    for a in found["articles"]:
        a["site"] = _site(a.get("site"), a.get("url"))
        published[a["id"]] = a.get("published")
    for e in found["events"]:
        first = _reporting_mention(e.get("mentions") or [])
        e.setdefault("published", min((published.get(m["article_id"]) or "9999"
                                       for m in e.get("mentions") or []), default=None))
        if e["published"] == "9999":
            e["published"] = None
        e.setdefault("article_id", first.get("article_id"))
        e.setdefault("event_id", first.get("event_id"))
        e.setdefault("n_mentions", len(e.get("mentions") or []))
    return found


def _reporting_mention(mentions: list[dict]) -> dict:
    """The first mention coded in its own article (an aligned mention from a near-duplicate
    has `event_id` None, stories.align); {} when there is none."""
    return next((m for m in mentions if m.get("event_id")), mentions[0] if mentions else {})


def _story_plain(store, story_id: str) -> Optional[dict]:
    """A story without the stories stage's tables: every article's events, one mention each."""
    with store.engine.connect() as conn:
        row = conn.execute(sa.select(S.stories.c.json)
                           .where(S.stories.c.id == story_id)).first()
        if not row:
            return None
        card = summarise(conn, [json.loads(row[0])])[0]
        a, sa_ = S.articles, S.story_articles
        arts = conn.execute(
            sa.select(a.c.id, a.c.title, a.c.site, a.c.url, a.c.published)
            .join(sa_, sa_.c.article_id == a.c.id).where(sa_.c.story_id == story_id)
            .order_by(sa.func.coalesce(a.c.published, ""), a.c.id)).all()
        articles = [dict(r._mapping) for r in arts]
        ids = [x["id"] for x in articles]
        events = _children(conn, S.events, ids)
        quotes = _children(conn, S.quotes, ids)
    for e in events:
        e["event_id"] = e["id"]
        e["mentions"] = [{"article_id": e["article_id"], "event_id": e["id"],
                          "evidence": e.get("evidence")}]
    return {**card, "articles": articles, "events": events, "quotes": quotes}


def _children(conn, table, article_ids: list) -> list[dict]:
    if not article_ids:
        return []
    a = S.articles
    rows = conn.execute(
        sa.select(table.c.json, a.c.id, a.c.published, a.c.title)
        .join(a, a.c.id == table.c.article_id).where(a.c.id.in_(article_ids))
        .order_by(sa.func.coalesce(a.c.published, ""), a.c.id, table.c.seq))
    return [{**json.loads(js), "article_id": aid, "published": pub, "title": title}
            for js, aid, pub, title in rows]


def story_ids_of(store, article_id: str) -> list[str]:
    sa_ = S.story_articles
    with store.engine.connect() as conn:
        return [r[0] for r in conn.execute(sa.select(sa_.c.story_id)
                                           .where(sa_.c.article_id == article_id))]


# -- events -----------------------------------------------------------------------------------

_PLAIN_FILTERS = ("type", "country", "actor", "status", "since", "until", "q_text", "story",
                  "site")


def events_page(store, limit: int = 50, after: Optional[str] = None, **filters) -> dict:
    """{"items": [event], "next": cursor or None}. Filters: type (list), country,
    source_country, target_country, sector, min_confidence, actor, status, since, until,
    include_undated, q_text, story, site. Uses the store's query layer (`Store.events_page`:
    indexed filters, FTS5 text search) when the store has it; without it (a bare engine)
    only the filters in _PLAIN_FILTERS apply."""
    if hasattr(store, "count_events"):
        return _events_page_layer(store, limit, after, **filters)
    return _events_page_plain(store, limit, after,
                              **{k: v for k, v in filters.items() if k in _PLAIN_FILTERS})


def _events_page_layer(store, limit, after, q_text=None, **filters) -> dict:
    from ..store.query import QueryError

    wanted = {k: v for k, v in filters.items() if v or (k == "min_confidence" and v == 0)}
    if q_text:
        wanted["q"] = q_text
    if not (wanted.get("since") or wanted.get("until")):
        wanted["include_undated"] = True
    try:
        items, nxt = store.events_page(after=after, limit=limit, **wanted)
    except QueryError as exc:
        raise C.CursorError(str(exc)) from None
    for it in items:
        it["site"] = _site(it.get("site"), it.get("url"))
    return {"items": items, "next": nxt}


def _events_page_plain(store, limit: int = 50, after: Optional[str] = None, **filters) -> dict:
    """The same without the query layer (stores written before it): LIKE filters, no FTS."""
    e, a = S.events, S.articles
    when = sa.func.coalesce(e.c.date, a.c.published, "")
    key = C.decode(after, 3)
    q = (sa.select(e.c.json, a.c.id, a.c.published, a.c.url, a.c.title, a.c.site, when, e.c.seq)
         .join(a, a.c.id == e.c.article_id))
    q = _event_filters(q, e, a, **filters)
    q = _keyset_page(q, key, (when, a.c.id, e.c.seq), limit)
    with store.engine.connect() as conn:
        rows = conn.execute(q).all()
    items = [{**json.loads(js), "article_id": aid, "published": pub, "url": url, "title": title,
              "site": _site(site, url)} for js, aid, pub, url, title, site, _, _ in rows[:limit]]
    nxt = None
    if len(rows) > limit:
        _, aid, _, _, _, _, w, seq = rows[limit - 1]
        nxt = C.encode([w, aid, seq])
    return {"items": items, "next": nxt}


def _like(col, text: str):
    return sa.func.lower(col).contains(text.lower(), autoescape=True)


def _has_code(column, code: str):
    return (sa.literal(",") + column + sa.literal(",")).contains("," + code + ",",
                                                                 autoescape=True)


def _event_filters(q, e, a, type=None, country=None, actor=None, status=None, since=None,
                   until=None, q_text=None, story=None, site=None):
    when = sa.func.coalesce(e.c.date, a.c.published)
    if type:
        q = q.where(e.c.type.in_(list(type)))
    if country:
        q = q.where(sa.or_(_has_code(e.c.source_countries, country),
                           _has_code(e.c.target_countries, country)))
    if actor:
        q = q.where(sa.or_(_like(e.c.source, actor), _like(e.c.target, actor)))
    if status:
        q = q.where(e.c.status == status)
    if since:
        q = q.where(when >= since)
    if until:
        q = q.where(when <= until)
    if q_text:
        q = q.where(sa.or_(_like(e.c.evidence, q_text), _like(a.c.title, q_text)))
    if story:
        members = sa.select(S.story_articles.c.article_id).where(
            S.story_articles.c.story_id == story)
        q = q.where(a.c.id.in_(members))
    if site:
        q = q.where(a.c.site == site)
    return q


# -- articles, actors, quotes -----------------------------------------------------------------

def article(store, article_id: str) -> Optional[dict]:
    d = store.article(article_id)
    if d is None:
        return None
    with store.engine.connect() as conn:
        site, url = conn.execute(sa.select(S.articles.c.site, S.articles.c.url)
                                 .where(S.articles.c.id == article_id)).one()
    d["site"] = _site(site, url)
    d["stories"] = story_ids_of(store, article_id)
    return d


def actor(store, name: str, limit: int = 50) -> Optional[dict]:
    """An actor by persistent key (`act_...`) or name: who it is, how often it is mentioned,
    and its events as source or target (first `limit`, with a cursor for more)."""
    if hasattr(store, "actor") and hasattr(store, "actors"):
        keys = [name] if name.startswith("act_") else _speaker_keys(store, name)
        found = next((f for f in (store.actor(k) for k in keys[:20]) if f), None)
        if found is None:
            return None
        page = events_page(store, limit=limit, actor=found["id"])
        return {**found, "countries": [found["country"]] if found.get("country") else [],
                "sectors": [found["sector"]] if found.get("sector") else [],
                "event_count": found.get("events"), "events": page["items"],
                "events_next": page["next"]}
    return _actor_plain(store, name, limit)


def _actor_plain(store, name: str, limit: int = 50) -> Optional[dict]:
    ac = S.actors
    with store.engine.connect() as conn:
        rows = conn.execute(
            sa.select(ac.c.name, ac.c.country, ac.c.sector, ac.c.kind,
                      sa.func.count(sa.distinct(ac.c.article_id)))
            .where(sa.func.lower(ac.c.name) == name.lower())
            .group_by(ac.c.name, ac.c.country, ac.c.sector, ac.c.kind)).all()
    if not rows:
        return None
    page = events_page(store, limit=limit, actor=rows[0][0])
    return {
        "id": rows[0][0], "name": rows[0][0],
        "countries": sorted({r[1] for r in rows if r[1]}),
        "sectors": sorted({r[2] for r in rows if r[2]}),
        "kinds": sorted({r[3] for r in rows if r[3]}),
        "articles": sum(r[4] for r in rows),
        "events": page["items"], "events_next": page["next"],
    }


def _speakers(store, part: str) -> list[str]:
    """Distinct speaker names containing `part` (case-insensitive), read from the speaker
    index alone; the quotes are then fetched by that index instead of scanning every quote."""
    qt = S.quotes
    with store.engine.connect() as conn:
        return [r[0] for r in conn.execute(
            sa.select(qt.c.speaker).where(_like(qt.c.speaker, part)).distinct().limit(2000))]


def _speaker_keys(store, name: str) -> list[str]:
    """Persistent actor keys whose alias is `name` or starts with it (the query layer's
    indexed alias table); empty when the store has no such layer or nothing matches."""
    if not hasattr(S.quotes.c, "speaker_key"):
        return []
    from ..store.query import actor_keys

    with store.engine.connect() as conn:
        return actor_keys(conn, name)


def quotes_page(store, limit: int = 50, after: Optional[str] = None,
                speaker: Optional[str] = None, story: Optional[str] = None) -> dict:
    qt, a = S.quotes, S.articles
    pub = sa.func.coalesce(a.c.published, "")
    key = C.decode(after, 3)
    q = (sa.select(qt.c.json, a.c.id, a.c.published, a.c.url, a.c.title, qt.c.seq)
         .join(a, a.c.id == qt.c.article_id))
    if speaker:
        keys = _speaker_keys(store, speaker)
        q = q.where(qt.c.speaker_key.in_(keys) if keys
                    else qt.c.speaker.in_(_speakers(store, speaker)))
    if story:
        q = q.where(a.c.id.in_(sa.select(S.story_articles.c.article_id)
                               .where(S.story_articles.c.story_id == story)))
    q = _keyset_page(q, key, (pub, a.c.id, qt.c.seq), limit)
    with store.engine.connect() as conn:
        rows = conn.execute(q).all()
    items = [{**json.loads(js), "article_id": aid, "published": p, "url": url, "title": title}
             for js, aid, p, url, title, _ in rows[:limit]]
    nxt = None
    if len(rows) > limit:
        _, aid, p, _, _, seq = rows[limit - 1]
        nxt = C.encode([p or "", aid, seq])
    return {"items": items, "next": nxt}


def _keyset_page(q, key, columns: tuple, limit: int):
    """Keyset pagination over (sort value, article id, seq): the rows after the decoded cursor
    `key` (if any) in that order, `limit + 1` of them (the extra row says a next page exists).
    Raises CursorError for a cursor whose third part is not a row number."""
    if key:
        if not isinstance(key[2], int):
            raise C.CursorError("after: not a cursor from this API")
        q = q.where(sa.tuple_(*columns) > sa.tuple_(
            sa.literal(str(key[0])), sa.literal(str(key[1])), sa.literal(key[2])))
    return q.order_by(*columns).limit(limit + 1)
