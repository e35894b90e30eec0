"""The article store: one SQLite file by default, or PostgreSQL by URL.

Every article is written in one transaction together with its actors, events and quotes, so
a killed writer never leaves half an article, and the article id (a hash of the URL or the
text) makes writing the same article twice leave exactly one copy.
"""
from __future__ import annotations

import json
import os
from typing import Iterable, Iterator, Optional, Union

import sqlalchemy as sa

from ..model import Article
from . import rows as R
from . import schema as S
from . import stories as _story_tables  # noqa: F401  (registers the story tables)
from . import watch as _watch_tables  # noqa: F401  (registers the watch tables)


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
        if not create and not os.path.isfile(path):
            raise StoreError(f"{path}: no such database file")
        parent = os.path.dirname(os.path.abspath(path))
        if create and not os.path.isdir(parent):
            raise StoreError(f"{path}: directory {parent} does not exist")
    engine = sa.create_engine(url)
    sa.event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def open_store(db: str, create: bool = True) -> "Store":
    """Open (and with `create`, initialise) the store named by a path or URL."""
    url = normalise_url(db)
    engine = _make_engine(url, create)
    try:
        with engine.begin() as conn:
            if create:
                S.metadata.create_all(conn)
                _stamp_version(conn)
            elif not sa.inspect(conn).has_table("articles"):
                raise StoreError(f"{display_url(url)}: not a dateline store (no articles table)")
    except sa.exc.SQLAlchemyError as exc:
        engine.dispose()
        raise StoreError(f"{display_url(url)}: cannot open store: {_short(exc)}") from None
    except StoreError:
        engine.dispose()
        raise
    return Store(engine, url)


def _stamp_version(conn) -> None:
    found = conn.execute(sa.select(S.meta.c.value).where(S.meta.c.key == "schema_version"))
    if found.first() is None:
        conn.execute(S.meta.insert().values(key="schema_version", value=S.SCHEMA_VERSION))


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
                      limit: Optional[int] = None) -> Iterator[dict]:
        """Contract dicts, oldest published first, streamed."""
        a = S.articles
        q = sa.select(a.c.json)
        q = _date_range(q, a.c.published, since, until)
        q = q.order_by(sa.func.coalesce(a.c.published, ""), a.c.id).limit(limit)
        for (js,) in self._stream(q):
            yield json.loads(js)

    def articles(self, **filters) -> list[dict]:
        return list(self.iter_articles(**filters))

    def iter_events(self, type: Union[str, Iterable[str], None] = None,
                    country: Optional[str] = None, since: Optional[str] = None,
                    until: Optional[str] = None, limit: Optional[int] = None) -> Iterator[dict]:
        """Event dicts (contract shape) plus article_id, published, url and title.

        `country` matches a source or target country; `since`/`until` (inclusive) match the
        event's date, or the article's published date when the event has no date.
        """
        e, a = S.events, S.articles
        when = sa.func.coalesce(e.c.date, a.c.published)
        q = sa.select(e.c.json, a.c.id, a.c.published, a.c.url, a.c.title).join(
            a, a.c.id == e.c.article_id)
        if type:
            types = [type] if isinstance(type, str) else list(type)
            q = q.where(e.c.type.in_([t.upper() for t in types]))
        if country:
            q = q.where(sa.or_(_has_code(e.c.source_countries, country),
                               _has_code(e.c.target_countries, country)))
        q = _date_range(q, when, since, until)
        q = q.order_by(sa.func.coalesce(when, ""), a.c.id, e.c.seq).limit(limit)
        for js, aid, published, url, title in self._stream(q):
            yield {**json.loads(js), "article_id": aid, "published": published, "url": url,
                   "title": title}

    def events(self, **filters) -> list[dict]:
        return list(self.iter_events(**filters))

    def iter_quotes(self, speaker: Optional[str] = None, country: Optional[str] = None,
                    since: Optional[str] = None, until: Optional[str] = None,
                    limit: Optional[int] = None) -> Iterator[dict]:
        """Quote dicts plus article fields; `speaker` is a case-insensitive substring."""
        qt, a = S.quotes, S.articles
        q = sa.select(qt.c.json, a.c.id, a.c.published, a.c.url, a.c.title).join(
            a, a.c.id == qt.c.article_id)
        if speaker:
            q = q.where(sa.func.lower(qt.c.speaker).contains(speaker.lower(), autoescape=True))
        if country:
            q = q.where(qt.c.speaker_country == country.upper())
        q = _date_range(q, a.c.published, since, until)
        q = q.order_by(sa.func.coalesce(a.c.published, ""), a.c.id, qt.c.seq).limit(limit)
        for js, aid, published, url, title in self._stream(q):
            yield {**json.loads(js), "article_id": aid, "published": published, "url": url,
                   "title": title}

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


def _write(conn, d: dict, extra: dict, present: bool) -> None:
    row = R.article_row(d, extra)
    if present:
        for t in (S.actors, S.events, S.quotes):
            conn.execute(t.delete().where(t.c.article_id == d["id"]))
        conn.execute(S.articles.update().where(S.articles.c.id == d["id"]).values(**row))
    else:
        conn.execute(S.articles.insert().values(**row))
    for table, rows in ((S.actors, R.actor_rows(d)), (S.events, R.event_rows(d)),
                        (S.quotes, R.quote_rows(d))):
        if rows:  # executemany: cached statement; psycopg pipelines it (multi-row VALUES is slower)
            conn.execute(table.insert(), rows)


def _has_code(column, code: str):
    """`column` (comma-joined codes) contains `code` as a whole item."""
    return (sa.literal(",") + column + sa.literal(",")).contains(
        "," + code.upper() + ",", autoescape=True)


def _date_range(query, column, since: Optional[str], until: Optional[str]):
    if since:
        query = query.where(column >= since)
    if until:
        query = query.where(column <= until)
    return query
