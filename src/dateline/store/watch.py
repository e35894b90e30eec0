"""What `dateline watch` remembers between polls and between runs: per feed its HTTP
validators (ETag, Last-Modified) for conditional GET, and every item URL already taken, so an
item's page is never fetched twice."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Iterable, Optional

import sqlalchemy as sa

from . import schema as S

watch_feeds = sa.Table(
    "watch_feeds", S.metadata,
    sa.Column("feed", sa.Text, primary_key=True),
    sa.Column("etag", sa.Text),
    sa.Column("last_modified", sa.Text),
    sa.Column("last_status", sa.Text),
    sa.Column("polled_at", sa.String(32)),
)

watch_seen = sa.Table(
    "watch_seen", S.metadata,
    sa.Column("url", sa.Text, primary_key=True),
    sa.Column("feed", sa.Text),
    sa.Column("seen_at", sa.String(32), nullable=False),
)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def feed_state(store, feed: str) -> dict:
    """{etag, last_modified} remembered for `feed` (values None when never polled)."""
    with store.engine.connect() as conn:
        row = conn.execute(sa.select(watch_feeds.c.etag, watch_feeds.c.last_modified)
                           .where(watch_feeds.c.feed == feed)).first()
    return {"etag": row[0], "last_modified": row[1]} if row else {"etag": None,
                                                                   "last_modified": None}


def save_feed_state(store, feed: str, status: str, etag: Optional[str] = None,
                    last_modified: Optional[str] = None) -> None:
    """Record a poll's outcome; validators are kept when the response gave none."""
    old = feed_state(store, feed)
    values = {"etag": etag or old["etag"], "last_modified": last_modified or old["last_modified"],
              "last_status": status[:200], "polled_at": _now()}
    with store.engine.begin() as conn:
        conn.execute(watch_feeds.delete().where(watch_feeds.c.feed == feed))
        conn.execute(watch_feeds.insert().values(feed=feed, **values))


def unseen(store, urls: Iterable[str]) -> set:
    """The members of `urls` not taken before."""
    urls = list(dict.fromkeys(urls))
    found: set = set()
    with store.engine.connect() as conn:
        for i in range(0, len(urls), 500):
            q = sa.select(watch_seen.c.url).where(watch_seen.c.url.in_(urls[i:i + 500]))
            found.update(r[0] for r in conn.execute(q))
    return set(urls) - found


def mark_seen(store, urls: Iterable[str], feed: str) -> None:
    todo = unseen(store, urls)
    if todo:
        with store.engine.begin() as conn:
            conn.execute(watch_seen.insert(), [{"url": u, "feed": feed, "seen_at": _now()}
                                               for u in sorted(todo)])
