"""The store's query layer: event filters, cursor pages, filtered and grouped counts, actors.

Everything the CLI, the Python API and the HTTP API ask of stored events goes through
`EventFilter` -> `event_clauses`, so one filter means the same thing everywhere. Every filter
is answered by an index (see docs/results.md for the EXPLAIN QUERY PLAN of each):

    type, status            ix_events_type / ix_events_status (type|status, sort_day, article_id, seq)
    since, until            ix_events_order (sort_day, article_id, seq)
    country, source_country,
    target_country, sector  event_actors side table (ix_event_actors_country / _sector)
    actor                   actor_aliases (alias -> actor_key), then ix_event_actors_key
    site                    ix_articles_site; story: ix_story_articles_article
    q                       SQLite FTS5 table article_fts; PostgreSQL GIN index ix_articles_fts
    min_confidence          ix_events_confidence

Order is (sort_day, article_id, seq): dated events oldest first, undated events last.
"""
from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass, fields
from typing import Iterable, Optional, Union

import sqlalchemy as sa

from ..actors.kb import fold
from . import schema as S

e, a, ea = S.events, S.articles, S.event_actors
Strs = Union[str, Iterable[str], None]

TIME_KEYS = ("day", "week", "month")
COUNT_KEYS = TIME_KEYS + ("country", "source", "target", "type", "quad", "status", "site")


class QueryError(ValueError):
    """A filter, cursor or grouping key that cannot be used (message names it)."""


@dataclass
class EventFilter:
    """Filters of `Store.iter_events`, `events_page`, `count_events` and `count_by`.

    type, status: one value or several (any of them). country: a source or target actor's
    country (ISO alpha-3 or IGO short name, as stored); source_country, target_country: that
    side only. sector: a side actor's PLOVER sector. actor: a name, alias or mention text
    (folded; exact, else prefix), or a persistent actor key `act_...`. min_confidence: 0..1.
    since, until: inclusive YYYY-MM-DD bounds on the event's day (its date, else the article's
    publication date); undated events are left out unless include_undated. site: the outlet
    (host name, leading www. ignored). story: a story id. q: full-text words (all must occur in
    the article's title, text or event evidence). article: one article id.
    """
    type: Strs = None
    status: Strs = None
    actor: Optional[str] = None
    country: Optional[str] = None
    source_country: Optional[str] = None
    target_country: Optional[str] = None
    sector: Optional[str] = None
    min_confidence: Optional[float] = None
    since: Optional[str] = None
    until: Optional[str] = None
    include_undated: bool = False
    site: Optional[str] = None
    story: Optional[str] = None
    q: Optional[str] = None
    article: Optional[str] = None

    @classmethod
    def of(cls, filters: dict) -> "EventFilter":
        """From keyword arguments; unknown names raise QueryError."""
        names = {f.name for f in fields(cls)}
        unknown = sorted(set(filters) - names)
        if unknown:
            raise QueryError(f"unknown event filter(s): {', '.join(unknown)} "
                             f"(known: {', '.join(sorted(names))})")
        return cls(**filters)


def _many(value: Strs, upper: bool = True) -> list[str]:
    if value is None:
        return []
    items = [value] if isinstance(value, str) else list(value)
    return [v.upper() if upper else v.lower() for v in items if v]


def _sides(conn, where, role: Optional[str] = None):
    """(article_id, event_id) IN (side rows matching `where`): the event_actors index path."""
    cond = [where] if role is None else [where, ea.c.role == role]
    sub = sa.select(ea.c.article_id, ea.c.event_id).where(*cond)
    return sa.tuple_(e.c.article_id, e.c.event_id).in_(sub)


def actor_keys(conn, name: str) -> list[str]:
    """Persistent actor keys matching `name`: a key itself, else folded aliases equal to it,
    else aliases starting with it (at most 50)."""
    if name.startswith("act_"):
        return [name]
    f = fold(name)
    al = S.actor_aliases
    q = sa.select(al.c.actor_key).where(al.c.alias == f).distinct().limit(50)
    keys = [r[0] for r in conn.execute(q)]
    if not keys and f:
        q = (sa.select(al.c.actor_key).where(al.c.alias >= f, al.c.alias < f + "\U0010ffff")
             .distinct().limit(50))
        keys = [r[0] for r in conn.execute(q)]
    return keys


def fts_query(text: str) -> str:
    """User words -> an FTS5 query in which every word must occur (no FTS5 syntax errors)."""
    words = re.findall(r"\w+", text, flags=re.UNICODE)
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


def _text_match(conn, text: str):
    """article ids whose title, text or evidence contain every word of `text`."""
    if conn.dialect.name == "postgresql":
        vec = sa.literal_column(S.FTS_PG_EXPR)
        cond = vec.op("@@")(sa.func.plainto_tsquery(sa.literal_column("'english'"), text))
        return sa.select(a.c.id).where(cond)
    fts = sa.table("article_fts", sa.column("article_id"))
    match = sa.literal_column("article_fts").op("MATCH")(fts_query(text) or '""')
    return sa.select(fts.c.article_id).where(match)


def site_key(site: str) -> str:
    s = site.strip().lower()
    s = re.sub(r"^[a-z]+://", "", s).split("/")[0]
    return s[4:] if s.startswith("www.") else s


def event_clauses(conn, f: EventFilter, skip: str = "") -> list:
    """WHERE clauses on `events` (no joins needed) for filter `f`, except the one named `skip`
    (answered by the driving side-table rows, see `_driver`)."""
    out = []
    if _many(f.type):
        out.append(e.c.type.in_(_many(f.type)))
    if _many(f.status, upper=False):
        out.append(e.c.status.in_(_many(f.status, upper=False)))
    if f.min_confidence is not None:
        out.append(e.c.confidence >= float(f.min_confidence))
    out += _date_clauses(f)
    if f.country and skip != "country":
        out.append(_sides(conn, ea.c.country == f.country.upper()))
    if f.source_country and skip != "source_country":
        out.append(_sides(conn, ea.c.country == f.source_country.upper(), "source"))
    if f.target_country and skip != "target_country":
        out.append(_sides(conn, ea.c.country == f.target_country.upper(), "target"))
    if f.sector and skip != "sector":
        out.append(_sides(conn, ea.c.sector == f.sector.upper()))
    if f.actor and skip != "actor":
        out.append(_sides(conn, ea.c.actor_key.in_(actor_keys(conn, f.actor))))
    if f.site:
        key = site_key(f.site)
        sites = sa.select(a.c.id).where(a.c.site.in_([key, "www." + key]))
        out.append(e.c.article_id.in_(sites))
    if f.story:
        sa_ = S.story_articles
        out.append(e.c.article_id.in_(sa.select(sa_.c.article_id)
                                      .where(sa_.c.story_id == f.story)))
    if f.q:
        out.append(e.c.article_id.in_(_text_match(conn, f.q)))
    if f.article:
        out.append(e.c.article_id == f.article)
    return out


def _date_clauses(f: EventFilter, col=None) -> list:
    col, cond = (e.c.sort_day if col is None else col), []
    if f.since:
        cond.append(col >= f.since)
        cond.append(col < S.UNDATED)
    if f.until:
        cond.append(col <= f.until)
    if not cond:
        return []
    if f.include_undated:
        return [sa.or_(sa.and_(*cond), col == S.UNDATED)]
    return cond


# -- cursors ---------------------------------------------------------------------------------

def encode_cursor(sort_day: str, article_id: str, seq: int) -> str:
    """Opaque, URL-safe token for the position after one event."""
    raw = json.dumps([sort_day, article_id, seq], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(token: str) -> tuple[str, str, int]:
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        day, aid, seq = json.loads(raw)
        return str(day), str(aid), int(seq)
    except Exception:
        raise QueryError(f"after={token!r} is not a cursor from this store") from None


ORDER = (e.c.sort_day, e.c.article_id, e.c.seq)


def after_clause(token: Optional[str]):
    if not token:
        return None
    return sa.tuple_(*ORDER) > sa.tuple_(*(sa.literal(v) for v in decode_cursor(token)))


# -- selects ---------------------------------------------------------------------------------

def _story_of():
    sa_ = S.story_articles
    return (sa.select(sa.func.min(sa_.c.story_id)).where(sa_.c.article_id == a.c.id)
            .scalar_subquery())


def _driver(conn, f: EventFilter):
    """(alias of event_actors, its WHERE clauses, name of the filter they answer) for the side
    filter that drives the query, or None. Its first_* flag keeps one row per event, and its
    index is ordered by (sort_day, article_id, seq), so a page is read in order and stops at
    the limit; the planner may still start from a more selective events index instead."""
    d = ea.alias("d")
    if f.actor:
        keys = actor_keys(conn, f.actor)
        if len(keys) == 1:
            return d, [d.c.actor_key == keys[0], d.c.first_actor == 1], "actor"
    for name, role in (("source_country", "source"), ("target_country", "target")):
        code = getattr(f, name)
        if code:
            return d, [d.c.country == code.upper(), d.c.role == role, d.c.first_role == 1], name
    if f.country:
        return d, [d.c.country == f.country.upper(), d.c.first_any == 1], "country"
    if f.sector:
        return d, [d.c.sector == f.sector.upper(), d.c.first_sector == 1], "sector"
    return None


def _driven(conn, f: EventFilter, cols: list):
    """(select of `cols`, order columns) over events joined to articles, driven by the side
    table when a side filter is given."""
    drv = _driver(conn, f)
    if drv is None:
        frm = e.join(a, a.c.id == e.c.article_id)
        return sa.select(*cols).select_from(frm).where(*event_clauses(conn, f)), ORDER
    d, conds, name = drv
    frm = d.join(e, sa.and_(e.c.article_id == d.c.article_id, e.c.event_id == d.c.event_id)) \
        .join(a, a.c.id == e.c.article_id)
    day = _date_clauses(f, d.c.sort_day)
    q = sa.select(*cols).select_from(frm).where(*conds, *day, *event_clauses(conn, f, name))
    return q, (d.c.sort_day, d.c.article_id, d.c.seq)


def events_select(conn, f: EventFilter, after: Optional[str] = None,
                  limit: Optional[int] = None):
    """SELECT of event rows (see `event_record`) matching `f`, in order, after the cursor."""
    cols = [e.c.json, e.c.day, e.c.date_source, e.c.sort_day, e.c.seq, a.c.id, a.c.published,
            a.c.url, a.c.title, a.c.site, a.c.input, _story_of().label("story_id"),
            a.c.ingested_at]
    q, order = _driven(conn, f, cols)
    if after:
        q = q.where(sa.tuple_(*order) > sa.tuple_(*(sa.literal(v)
                                                    for v in decode_cursor(after))))
    return q.order_by(*order).limit(limit)


def event_record(row) -> tuple[dict, str]:
    """(event dict, cursor after it) of one row of `events_select`: the contract event plus
    article_id, published, url, title, site, input, story_id, day, date_source and
    ingested_at."""
    js, day, source, sort_day, seq, aid, published, url, title, site, inp, story, added = row
    rec = {**json.loads(js), "article_id": aid, "published": published, "url": url,
           "title": title, "site": site, "input": inp, "story_id": story, "day": day,
           "date_source": source, "ingested_at": added}
    return rec, encode_cursor(sort_day, aid, seq)


def count_select(conn, f: EventFilter):
    """SELECT count(*) of events matching `f` (from the side table's index alone when the only
    filters are one side filter and dates)."""
    drv = _driver(conn, f)
    if drv is None:
        return sa.select(sa.func.count()).select_from(e).where(*event_clauses(conn, f))
    d, conds, name = drv
    rest = event_clauses(conn, f, name)
    day = _date_clauses(f, d.c.sort_day)
    only_dates = not any(getattr(f, k) for k in ("type", "status", "min_confidence", "site",
                                                  "story", "q", "article")) and \
        sum(bool(getattr(f, k)) for k in ("actor", "country", "source_country",
                                          "target_country", "sector")) == 1
    if only_dates:
        return sa.select(sa.func.count()).select_from(d).where(*conds, *day)
    frm = d.join(e, sa.and_(e.c.article_id == d.c.article_id, e.c.event_id == d.c.event_id))
    return sa.select(sa.func.count()).select_from(frm).where(*conds, *day, *rest)


def _time_key(conn, col, unit: str):
    if unit == "day":
        return col
    if unit == "month":
        return sa.func.substr(col, 1, 7)
    if conn.dialect.name == "postgresql":
        return sa.func.to_char(sa.func.date_trunc("week", sa.cast(col, sa.Date)), "YYYY-MM-DD")
    return sa.func.date(col, "-6 days", "weekday 1")  # the Monday of the event's ISO week


def count_by_select(conn, by: list[str], f: EventFilter):
    """SELECT key columns..., n: events matching `f` counted per combination of `by` keys.

    Keys: day|week|month (the event's day; undated events under null), country (any side
    actor's country; an event counts once per country), source, target (that side's
    countries), type, quad, status, site. Raises QueryError on an unknown or repeated key.
    The side table's first_* flags give each (event, country) once, so no DISTINCT is needed.
    """
    bad = [k for k in by if k not in COUNT_KEYS]
    if bad or not by or len(set(by)) != len(by):
        raise QueryError(f"--by {','.join(by)}: use distinct keys from {', '.join(COUNT_KEYS)}")
    if sum(k in TIME_KEYS for k in by) > 1:
        raise QueryError("--by takes one of day, week, month")
    side_keys = [k for k in by if k in ("country", "source", "target")]
    clauses = event_clauses(conn, f)
    only_side = (len(side_keys) == 1 and not clauses
                 and not any(k in ("type", "quad", "status", "site") for k in by))
    frm, where, keys, day_col = (None if only_side else e), [], [], e.c.sort_day
    sides = {}
    for k in side_keys:
        side = sides[k] = ea.alias(f"ea_{k}")
        if only_side:
            frm, day_col = side, side.c.sort_day
        else:
            frm = frm.join(side, sa.and_(side.c.article_id == e.c.article_id,
                                         side.c.event_id == e.c.event_id))
        where += ([side.c.first_any == 1] if k == "country"
                  else [side.c.role == k, side.c.first_role == 1])
    for k in by:
        if k in TIME_KEYS:
            keys.append(_time_key(conn, day_col, k).label(k))
        elif k in side_keys:
            keys.append(sides[k].c.country.label(k))
        elif k == "site":
            frm = frm.join(a, a.c.id == e.c.article_id)
            keys.append(a.c.site.label(k))
        else:
            keys.append(e.c[k].label(k))
    return (sa.select(*keys, sa.func.count().label("n")).select_from(frm)
            .where(*where, *clauses).group_by(*keys).order_by(*keys))


def clean_count_row(row, by: list[str]) -> dict:
    d = dict(zip(by + ["n"], row))
    for k in TIME_KEYS:
        if k in d and d[k] is not None and str(d[k]).startswith("9999"):
            d[k] = None
    return d


# -- actors ----------------------------------------------------------------------------------

def actor_select(conn, q: Optional[str] = None, country: Optional[str] = None,
                 keys: Optional[list] = None, limit: Optional[int] = None):
    """SELECT actor_key, name, country, sector, kind, articles, mentions: one row per
    persistent actor, most mentioned first. q: part of a name or alias (case- and
    accent-insensitive); country: the actor's country code."""
    ac = S.actors
    where = [ac.c.actor_key.isnot(None)]
    if q:
        al = S.actor_aliases
        where.append(ac.c.actor_key.in_(
            sa.select(al.c.actor_key).where(al.c.alias.contains(fold(q), autoescape=True))))
    if country:
        where.append(ac.c.country == country.upper())
    if keys is not None:
        where.append(ac.c.actor_key.in_(keys))
    mentions = sa.func.sum(ac.c.mentions).label("mentions")
    return (sa.select(ac.c.actor_key, sa.func.max(ac.c.name).label("name"),
                      sa.func.max(ac.c.country).label("country"),
                      sa.func.max(ac.c.sector).label("sector"),
                      sa.func.max(ac.c.kind).label("kind"),
                      sa.func.count(sa.distinct(ac.c.article_id)).label("articles"), mentions)
            .where(*where).group_by(ac.c.actor_key)
            .order_by(mentions.desc(), ac.c.actor_key).limit(limit))


def actor_activity(conn, keys: list[str]) -> dict:
    """{actor_key: (events, quotes)}: events the actor is a side of, quotes it is the speaker of."""
    out = {k: [0, 0] for k in keys}
    for i in range(0, len(keys), 500):
        part = keys[i:i + 500]
        q = (sa.select(ea.c.actor_key, sa.func.count(sa.distinct(
                 ea.c.article_id + sa.literal("/") + ea.c.event_id)))
             .where(ea.c.actor_key.in_(part)).group_by(ea.c.actor_key))
        for k, n in conn.execute(q):
            out[k][0] = n
        qt = S.quotes
        q = (sa.select(qt.c.speaker_key, sa.func.count()).where(qt.c.speaker_key.in_(part))
             .group_by(qt.c.speaker_key))
        for k, n in conn.execute(q):
            out[k][1] = n
    return {k: tuple(v) for k, v in out.items()}
