"""`dateline watch FEED... --db FILE --every 15m`: poll RSS/Atom feeds (URLs or files), ingest
only new items and update stories incrementally.

- Feeds by URL use conditional GET (If-None-Match / If-Modified-Since from the last response's
  ETag / Last-Modified); a 304 costs no parsing.
- An item's key (its link, else its guid) is checked against the store's memory of seen items
  BEFORE its page is fetched; items whose page was fetched are remembered.
- A feed that is down, answers an error, or is not a feed is logged as one line and the others
  are polled as usual; the next poll tries it again.
`--once` / `--max-polls N` stop after N polls (tests, cron).
"""
from __future__ import annotations

import re
import sys
import time
from pathlib import Path
from typing import Iterator, Optional, TextIO

from ..ingest.fetch import MAX_BYTES, TIMEOUT_S, USER_AGENT, fetch_page, is_url
from ..ingest.record import InputError, Record
from ..store.cli import DB_HELP, _guarded

_EVERY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.IGNORECASE)
_UNIT = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_every(value: str) -> float:
    """'15m' -> 900.0 seconds ('30s', '2h', '1d', or plain seconds); ValueError otherwise."""
    m = _EVERY.match(value or "")
    if not m or float(m.group(1)) <= 0:
        raise ValueError(f"--every {value!r}: use a duration such as 30s, 15m or 1h")
    return float(m.group(1)) * _UNIT[m.group(2).lower()]


def register(sub) -> None:
    p = sub.add_parser("watch", help="poll feeds, ingest new items, update stories")
    p.add_argument("feeds", nargs="+", metavar="FEED_URL_OR_FILE")
    p.add_argument("--db", required=True, help=DB_HELP)
    p.add_argument("--every", default="15m", help="time between polls (default 15m)")
    p.add_argument("--once", action="store_true", help="poll once and stop")
    p.add_argument("--max-polls", type=int, help="stop after this many polls")
    p.add_argument("--workers", type=int, default=1, help="pipeline processes (default 1)")
    p.set_defaults(func=_guarded(cmd_watch))


def cmd_watch(args) -> int:
    from ..store import open_store

    try:
        every = parse_every(args.every)
    except ValueError as exc:
        print(f"dateline: {exc}", file=sys.stderr)
        return 2
    polls = 1 if args.once else args.max_polls
    with open_store(args.db, create=True) as store:
        watch(store, args.feeds, every, polls, workers=args.workers)
    return 0


def watch(store, feeds: list, every: float, polls: Optional[int] = None, workers: int = 1,
          log: Optional[TextIO] = None, sleep=time.sleep) -> int:
    """Poll `feeds` every `every` seconds, `polls` times (None: forever); returns articles
    added. Progress and bad feeds go to `log` (default standard error)."""
    log = log or sys.stderr
    added, n = 0, 0
    while polls is None or n < polls:
        if n:
            sleep(every)
        n += 1
        for feed in feeds:
            added += poll(store, feed, workers, log)
    return added


def poll(store, feed: str, workers: int = 1, log: Optional[TextIO] = None) -> int:
    """Poll one feed once; never raises for a bad feed (logs one line instead)."""
    from ..store.watch import save_feed_state

    log = log or sys.stderr
    try:
        got = _fetch_feed(store, feed)
    except OSError as exc:
        got = InputError(feed, exc.strerror or str(exc))
    if isinstance(got, InputError):
        print(f"dateline: watch {got}", file=log)
        save_feed_state(store, feed, f"error: {got.reason}")
        return 0
    if got is None:
        save_feed_state(store, feed, "not modified")
        print(f"watch {feed}: not modified", file=log)
        return 0
    data, etag, modified = got
    return _take(store, feed, data, etag, modified, workers, log)


def _take(store, feed, data, etag, modified, workers, log) -> int:
    import feedparser

    from ..pipeline import extract_stream
    from ..store.ingest import ingest
    from ..store.watch import mark_seen, save_feed_state, unseen

    from ..ingest.sniff import kind_of

    parsed = feedparser.parse(data) if kind_of(data[:8192]) == "feed" else None
    if not parsed or not parsed.entries:
        why = ("feed has no items" if parsed is not None and not parsed.get("bozo")
               else "not a readable RSS/Atom feed")
        print(f"dateline: watch {feed}: {why}", file=log)
        save_feed_state(store, feed, f"error: {why}")
        return 0
    keyed = [(_key(e), e) for e in parsed.entries]
    fresh = unseen(store, [k for k, _ in keyed if k])
    todo = [(k, e) for k, e in keyed if k in fresh]
    taken: list = []
    stats = ingest(store, _records(feed, todo, taken), extract_stream, workers=workers, err=log)
    mark_seen(store, taken, feed)
    save_feed_state(store, feed, "ok", etag, modified)
    stories = stats.stories.summary() if stats.stories else "stories unchanged"
    print(f"watch {feed}: {len(todo)} new items of {len(keyed)}, {stats.new} articles added; "
          f"{stories}", file=log)
    return stats.new


def _key(entry) -> Optional[str]:
    return (entry.get("link") or entry.get("id") or "").strip() or None


def _records(feed: str, todo: list, taken: list) -> Iterator:
    """Records of new items; a page is fetched only here, after the seen check."""
    import httpx

    from ..ingest.rss import _entry

    with httpx.Client(timeout=TIMEOUT_S, follow_redirects=True,
                      headers={"User-Agent": USER_AGENT}) as client:
        follow = _follower(client)
        for n, (key, entry) in enumerate(todo, start=1):
            items = list(_entry(f"{feed}:{n}", entry, follow))
            if any(isinstance(i, Record) for i in items):
                taken.append(key)
            yield from items


def _follower(client):
    def follow(where: str, link: str) -> Iterator:
        yield fetch_page(client, where, link, MAX_BYTES)
    return follow


def _fetch_feed(store, feed: str):
    """(bytes, etag, last-modified), None when not modified, or an InputError."""
    if not is_url(feed):
        return Path(feed).read_bytes(), None, None
    import httpx

    from ..store.watch import feed_state

    state = feed_state(store, feed)
    headers = {"User-Agent": USER_AGENT}
    if state["etag"]:
        headers["If-None-Match"] = state["etag"]
    if state["last_modified"]:
        headers["If-Modified-Since"] = state["last_modified"]
    try:
        with httpx.Client(timeout=TIMEOUT_S, follow_redirects=True) as client:
            resp = client.get(feed, headers=headers)
    except httpx.HTTPError as exc:
        return InputError(feed, f"could not fetch ({type(exc).__name__}: {exc})")
    if resp.status_code == 304:
        return None
    if resp.status_code >= 400:
        return InputError(feed, f"HTTP {resp.status_code} {resp.reason_phrase}".strip())
    return resp.content, resp.headers.get("ETag"), resp.headers.get("Last-Modified")
