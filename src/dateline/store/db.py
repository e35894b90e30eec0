"""The article store: one SQLite file by default, or PostgreSQL by URL.

Every article is written in one transaction together with its actors, events and quotes (or
a batch of articles in one, `add_many`), so a killed writer never leaves half an article, and
the article id (a hash of the URL or the text) makes writing the same article twice leave
exactly one copy.
"""
from __future__ import annotations

import json
import os
from typing import Iterable, Iterator, Optional, Union

import sqlalchemy as sa

from ..model import Article
from . import query as Q
from . import rows as R
from . import schema as S
from . import stories as _story_tables  # noqa: F401  (registers the story tables)
from . import watch as _watch_tables  # noqa: F401  (registers the watch tables)
from .query import QueryError  # noqa: F401  (re-exported: callers catch store errors here)


class StoreError(ValueError):
    """The store cannot be opened or used: missing file, not a store, server unreachable."""


def normalise_url(db: str) -> str:
    """SQLAlchemy URL for `--db`: a file path, sqlite:///..., or postgresql://..."""
    if "://" not in db:
        return "sqlite:///" + os.path.abspath(os.path.expanduser(db))
    scheme, rest = db.split("://", 1)
    if scheme in ("postgresql", "postgres", "postgresql+psycopg"):
        return "postgresql+psycopg://" + rest
    if scheme == "sqlite" or scheme.startswith(("postgresql+", "sqlite+")):
        return db
    raise StoreError(f"{db}: unsupported database URL (use a file, sqlite:/// or postgresql://)")


def display_url(url: str) -> str:
    """How to name the store to a person: the file for SQLite, the URL without password else."""
    u = sa.engine.make_url(url)
    if u.get_backend_name() == "sqlite":
        return u.database or ":memory:"
    return u.set(drivername=u.get_backend_name()).render_as_string(hide_password=True)


def _short(exc: Exception) -> str:
    msg = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return msg[0] if msg else type(exc).__name__


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _make_engine(url: str, create: bool) -> sa.Engine:
    u = sa.engine.make_url(url)
    if u.get_backend_name() != "sqlite":
        return sa.create_engine(url, pool_pre_ping=True)
    path = u.database
    if path and path != ":memory:":
        if os.path.isdir(path):
            raise StoreError(f"{path}: is a directory, not a database file")
        if not create and not os.path.isfile(path):
            raise StoreError(f"{path}: no such database file")
        parent = os.path.dirname(os.path.abspath(path))
        if create and not os.path.isdir(parent):
            raise StoreError(f"{path}: directory {parent} does not exist")
    engine = sa.create_engine(url)
    sa.event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def open_store(db: str, create: bool = True) -> "Store":
    """Open (and with `create`, initialise) the store named by a path or URL.

    A store written by an older dateline is migrated in place (see `migrate`); one written by
    a newer dateline raises StoreError. Raises StoreError when the store is missing (and not
    `create`), is not a dateline store, or cannot be reached.
    """
    url = normalise_url(db)
    engine = _make_engine(url, create)
    try:
        with engine.begin() as conn:
            if not create and not sa.inspect(conn).has_table("articles"):
                raise StoreError(f"{display_url(url)}: not a dateline store (no articles table)")
            found = _version(conn)
            if found is not None and found > int(S.SCHEMA_VERSION):
                raise StoreError(f"{display_url(url)}: store version {found} was written by a "
                                 f"newer dateline (this one reads up to {S.SCHEMA_VERSION})")
            if found is not None and found < int(S.SCHEMA_VERSION):
                migrate(conn, found)
            S.metadata.create_all(conn)
            _stamp_version(conn)
    except sa.exc.SQLAlchemyError as exc:
        engine.dispose()
        raise StoreError(f"{display_url(url)}: cannot open store: {_short(exc)}") from None
    except StoreError:
        engine.dispose()
        raise
    return Store(engine, url)


def _version(conn) -> Optional[int]:
    """The store's schema version; None for a new (empty) database."""
    if not sa.inspect(conn).has_table(S.meta.name):
        return 1 if sa.inspect(conn).has_table("articles") else None
    row = conn.execute(sa.select(S.meta.c.value).where(S.meta.c.key == "schema_version")).first()
    return int(row[0]) if row else None


def _stamp_version(conn) -> None:
    m = S.meta
    found = conn.execute(sa.select(m.c.value).where(m.c.key == "schema_version")).first()
    if found is None:
        conn.execute(m.insert().values(key="schema_version", value=S.SCHEMA_VERSION))
    elif found[0] != S.SCHEMA_VERSION:
        conn.execute(m.update().where(m.c.key == "schema_version")
                     .values(value=S.SCHEMA_VERSION))


def migrate(conn, found: int) -> None:
    """Bring an older store (version 1 or 2) to the current schema, in the caller's transaction.

    The per-article tables (actors, events, quotes) are derived from each article's contract
    JSON, so they are dropped, recreated with the new columns and indexes, and refilled from
    `articles.json`; articles and story links are untouched.
    """
    for table in (S.event_actors, S.actors, S.events, S.quotes):
        table.drop(conn, checkfirst=True)
    S.metadata.create_all(conn)
    S.create_search(conn)
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("DELETE FROM article_fts")  # refilled below with the rest
    q = sa.select(S.articles.c.json, S.articles.c.site, S.articles.c.author)
    for js, site, author in conn.execute(q).all():
        _write_children(conn, json.loads(js), {"site": site, "author": author})


class Store:
    """Read/write access to one store. Cheap to keep open; close() releases connections."""

    def __init__(self, engine: sa.Engine, url: str):
        self.engine = engine
        self.url = url
        self.name = display_url(url)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------------

    def has(self, article_id: str) -> bool:
        with self.engine.connect() as conn:
            return _exists(conn, article_id)

    def stored_ids(self, ids: Iterable[str]) -> set:
        """Which of `ids` are stored: one query for a batch (resume checks many records)."""
        ids = list(dict.fromkeys(ids))
        found = set()
        with self.engine.connect() as conn:
            for i in range(0, len(ids), 500):
                q = sa.select(S.articles.c.id).where(S.articles.c.id.in_(ids[i:i + 500]))
                found.update(r[0] for r in conn.execute(q))
        return found

    def add(self, article: Union[Article, dict], replace: bool = False) -> bool:
        """Store one article with its actors, events and quotes, atomically.

        Returns False (and writes nothing) when the id is already stored and `replace` is off;
        with `replace`, the stored copy is overwritten (story links are kept).
        """
        d, extra = R.to_contract(article)
        try:
            with self.engine.begin() as conn:
                present = _exists(conn, d["id"])
                if present and not replace:
                    return False
                _write(conn, d, extra, present)
            return True
        except sa.exc.IntegrityError:
            if not replace and self.has(d["id"]):  # another writer stored it meanwhile
                return False
            raise

    def add_many(self, articles: Iterable[Union[Article, dict]], replace: bool = False
                 ) -> list[bool]:
        """Store several articles in one transaction (one commit instead of one per article).

        Returns, per article in order, what `add` would have returned had they been added one
        by one (a repeated id within the batch counts as already stored). Raises as `add`; on
        an error nothing of the batch is written, and the caller may retry article by article.
        """
        items = [R.to_contract(a) for a in articles]
        out: list[bool] = []
        with self.engine.begin() as conn:
            stored = _existing(conn, [d["id"] for d, _ in items])  # one query for the batch
            for d, extra in items:
                present = d["id"] in stored
                stored.add(d["id"])  # a repeated id within the batch is then already stored
                if present and not replace:
                    out.append(False)
                    continue
                _write(conn, d, extra, present)
                out.append(True)
        return out

    def set_stories(self, stories: Iterable) -> int:
        """Replace all stories (model.Story or dicts with id, title, score, article_ids) at once;
        readers see either the old grouping or the new one, never a mix."""
        dicts = [s.to_dict() if hasattr(s, "to_dict") else dict(s) for s in stories]
        with self.engine.begin() as conn:
            conn.execute(S.story_articles.delete())
            conn.execute(S.stories.delete())
            if dicts:
                conn.execute(S.stories.insert(), [R.story_row(d) for d in dicts])
            links = [{"story_id": d["id"], "article_id": a} for d in dicts
                     for a in dict.fromkeys(d.get("article_ids") or [])]
            if links:
                conn.execute(S.story_articles.insert(), links)
        return len(dicts)

    # -- reading -------------------------------------------------------------------------------

    def stories(self, limit: Optional[int] = None) -> list[dict]:
        """Story dicts, highest score first; article_ids keep the stage's order, minus articles
        no longer stored."""
        st, sa_ = S.stories, S.story_articles
        q = sa.select(st.c.id, st.c.json).order_by(st.c.score.desc(), st.c.id).limit(limit)
        with self.engine.connect() as conn:
            found = [(sid, json.loads(js)) for sid, js in conn.execute(q)]
            links = set(map(tuple, conn.execute(sa.select(sa_.c.story_id, sa_.c.article_id))))
        return [{**d, "article_ids": [a for a in d.get("article_ids") or [] if (sid, a) in links]}
                for sid, d in found]

    def counts(self) -> dict:
        tables = {"articles": S.articles, "events": S.events, "quotes": S.quotes,
                  "actors": S.actors, "stories": S.stories}
        with self.engine.connect() as conn:
            return {k: conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
                    for k, t in tables.items()}

    def article(self, article_id: str) -> Optional[dict]:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(S.articles.c.json)
                               .where(S.articles.c.id == article_id)).first()
        return json.loads(row[0]) if row else None

    def iter_articles(self, since: Optional[str] = None, until: Optional[str] = None,
                      limit: Optional[int] = None, with_meta: bool = False) -> Iterator[dict]:
        """Contract dicts, oldest published first (undated last), streamed; `with_meta` adds
        site, author and story_id."""
        a = S.articles
        q = sa.select(a.c.json, a.c.site, a.c.author, Q._story_of())
        q = _date_range(q, a.c.published, since, until)
        q = q.order_by(sa.func.coalesce(a.c.published, S.UNDATED), a.c.id).limit(limit)
        for js, site, author, story in self._stream(q):
            d = json.loads(js)
            if with_meta:
                d.update(site=site, author=author, story_id=story)
            yield d

    def articles(self, **filters) -> list[dict]:
        return list(self.iter_articles(**filters))

    def iter_events(self, after: Optional[str] = None, limit: Optional[int] = None,
                    **filters) -> Iterator[dict]:
        """Event dicts (contract shape) plus article_id, published, url, title, site, input,
        story_id, day and date_source, in (day, article, position) order, undated last.

        `filters` are those of query.EventFilter (type, status, actor, country, source_country,
        target_country, sector, min_confidence, since, until, include_undated, site, story, q,
        article); `after` is a cursor from `events_page`. Raises QueryError on unknown filters.
        """
        f = Q.EventFilter.of(filters)
        with self.engine.connect() as conn:
            query = Q.events_select(conn, f, after=after, limit=limit)
        for row in self._stream(query):
            yield Q.event_record(row)[0]

    def events(self, **filters) -> list[dict]:
        return list(self.iter_events(**filters))

    def events_page(self, after: Optional[str] = None, limit: int = 100,
                    **filters) -> tuple[list[dict], Optional[str]]:
        """(up to `limit` events after cursor `after`, cursor of the next page or None).

        Same filters and order as `iter_events`; pass the returned cursor as `after` to get
        the next page (stable while events are added elsewhere in the order).
        """
        f = Q.EventFilter.of(filters)
        with self.engine.connect() as conn:
            rows = conn.execute(Q.events_select(conn, f, after=after, limit=limit + 1)).all()
        recs = [Q.event_record(r) for r in rows[:limit]]
        nxt = recs[-1][1] if len(rows) > limit and recs else None
        return [r for r, _ in recs], nxt

    def count_events(self, **filters) -> int:
        """Number of events matching the filters of `iter_events`."""
        f = Q.EventFilter.of(filters)
        with self.engine.connect() as conn:
            return conn.execute(Q.count_select(conn, f)).scalar_one()

    def count_by(self, by: Union[str, list], **filters) -> list[dict]:
        """Event counts per combination of `by` keys (list or comma-joined string of day|week|
        month, country, source, target, type, quad, status, site): dicts of the keys plus `n`,
        ordered by the keys. Same filters as `iter_events`. Raises QueryError on a bad key."""
        keys = [k.strip() for k in by.split(",")] if isinstance(by, str) else list(by)
        f = Q.EventFilter.of(filters)
        with self.engine.connect() as conn:
            rows = conn.execute(Q.count_by_select(conn, keys, f)).all()
        return [Q.clean_count_row(r, keys) for r in rows]

    def actors(self, q: Optional[str] = None, country: Optional[str] = None,
               limit: Optional[int] = None) -> list[dict]:
        """Persistent actors across the store, most mentioned first: dicts of id (the persistent
        key `act_...`), name, country, sector, kind, articles, mentions, events, quotes."""
        with self.engine.connect() as conn:
            rows = conn.execute(Q.actor_select(conn, q=q, country=country, limit=limit)).all()
            activity = Q.actor_activity(conn, [r[0] for r in rows])
        names = ("id", "name", "country", "sector", "kind", "articles", "mentions")
        return [{**dict(zip(names, r)), "events": activity[r[0]][0],
                 "quotes": activity[r[0]][1]} for r in rows]

    def actor(self, key: str) -> Optional[dict]:
        """One persistent actor (as in `actors`) with its aliases, or None."""
        with self.engine.connect() as conn:
            rows = conn.execute(Q.actor_select(conn, keys=[key])).all()
            if not rows:
                return None
            activity = Q.actor_activity(conn, [key])
            al = S.actor_aliases
            aliases = [r[0] for r in conn.execute(
                sa.select(al.c.alias).where(al.c.actor_key == key).order_by(al.c.alias))]
        names = ("id", "name", "country", "sector", "kind", "articles", "mentions")
        return {**dict(zip(names, rows[0])), "events": activity[key][0],
                "quotes": activity[key][1], "aliases": aliases}

    def article_record(self, article_id: str) -> Optional[dict]:
        """The contract dict of one article plus site, author and story_id, or None."""
        a = S.articles
        q = sa.select(a.c.json, a.c.site, a.c.author, Q._story_of()).where(a.c.id == article_id)
        with self.engine.connect() as conn:
            row = conn.execute(q).first()
        if not row:
            return None
        return {**json.loads(row[0]), "site": row[1], "author": row[2], "story_id": row[3]}

    def iter_quotes(self, speaker: Optional[str] = None, country: Optional[str] = None,
                    since: Optional[str] = None, until: Optional[str] = None,
                    limit: Optional[int] = None, site: Optional[str] = None,
                    story: Optional[str] = None, article: Optional[str] = None,
                    q: Optional[str] = None) -> Iterator[dict]:
        """Quote dicts plus article_id, published, url, title, site, input, story_id.

        speaker: a case-insensitive part of the speaker's name, or a persistent actor key;
        country: the speaker's; since/until: the article's publication date; site, story,
        article, q as for events.
        """
        qt, a = S.quotes, S.articles
        query = sa.select(qt.c.json, a.c.id, a.c.published, a.c.url, a.c.title, a.c.site,
                          a.c.input, Q._story_of()).join(a, a.c.id == qt.c.article_id)
        if speaker and speaker.startswith("act_"):
            query = query.where(qt.c.speaker_key == speaker)
        elif speaker:
            query = query.where(sa.func.lower(qt.c.speaker).contains(speaker.lower(),
                                                                    autoescape=True))
        if country:
            query = query.where(qt.c.speaker_country == country.upper())
        if site:
            query = query.where(a.c.site.in_([Q.site_key(site), "www." + Q.site_key(site)]))
        if story:
            sa_ = S.story_articles
            query = query.where(a.c.id.in_(sa.select(sa_.c.article_id)
                                           .where(sa_.c.story_id == story)))
        if article:
            query = query.where(a.c.id == article)
        with self.engine.connect() as conn:
            if q:
                query = query.where(a.c.id.in_(Q._text_match(conn, q)))
        query = _date_range(query, a.c.published, since, until)
        query = query.order_by(sa.func.coalesce(a.c.published, "9999"), a.c.id,
                               qt.c.seq).limit(limit)
        for js, aid, published, url, title, site_, inp, story_id in self._stream(query):
            yield {**json.loads(js), "article_id": aid, "published": published, "url": url,
                   "title": title, "site": site_, "input": inp, "story_id": story_id}

    def quotes(self, **filters) -> list[dict]:
        return list(self.iter_quotes(**filters))

    def _stream(self, query) -> Iterator[tuple]:
        with self.engine.connect() as conn:
            result = conn.execution_options(yield_per=500).execute(query)
            for row in result:
                yield tuple(row)


def _exists(conn, article_id: str) -> bool:
    q = sa.select(S.articles.c.id).where(S.articles.c.id == article_id)
    return conn.execute(q).first() is not None


def _existing(conn, article_ids: list[str]) -> set[str]:
    """The ids among `article_ids` already stored (one query per 500 ids)."""
    found: set[str] = set()
    unique = list(dict.fromkeys(article_ids))
    for i in range(0, len(unique), 500):
        q = sa.select(S.articles.c.id).where(S.articles.c.id.in_(unique[i:i + 500]))
        found.update(conn.execute(q).scalars())
    return found


def _write(conn, d: dict, extra: dict, present: bool) -> None:
    row = R.article_row(d, extra)
    if present:
        for t in (S.event_actors, S.actors, S.events, S.quotes):
            conn.execute(t.delete().where(t.c.article_id == d["id"]))
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("DELETE FROM article_fts WHERE rowid = ?",
                                 (R.fts_rowid(d["id"]),))
        conn.execute(S.articles.update().where(S.articles.c.id == d["id"]).values(**row))
    else:
        conn.execute(S.articles.insert(), row)  # parameters, not .values(): one cached statement
    _write_children(conn, d, extra)


def _write_children(conn, d: dict, extra: dict) -> None:
    """Insert the rows derived from contract dict `d` (everything but the article row)."""
    for table, rows in ((S.actors, R.actor_rows(d)), (S.events, R.event_rows(d)),
                        (S.quotes, R.quote_rows(d)), (S.event_actors, R.event_actor_rows(d))):
        if rows:  # executemany: cached statement; psycopg pipelines it (multi-row VALUES is slower)
            conn.execute(table.insert(), rows)
    aliases = R.alias_rows(d)
    if aliases:
        conn.execute(_insert_ignore(conn, S.actor_aliases), aliases)
    if conn.dialect.name == "sqlite":
        f = R.fts_row(d)
        conn.exec_driver_sql("INSERT INTO article_fts(rowid, article_id, title, text, evidence) "
                             "VALUES (?, ?, ?, ?, ?)", (f["rowid"], f["article_id"], f["title"],
                                                        f["text"], f["evidence"]))


def _insert_ignore(conn, table):
    """INSERT that skips rows whose primary key is already present (both databases)."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert(table).on_conflict_do_nothing()


def _date_range(query, column, since: Optional[str], until: Optional[str]):
    if since:
        query = query.where(column >= since)
    if until:
        query = query.where(column <= until)
    return query
