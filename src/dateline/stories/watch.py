"""`dateline watch FEED... --db FILE --every 15m`: poll RSS/Atom feeds (URLs or files), ingest
only new items and update stories incrementally.

- Feeds by URL use conditional GET (If-None-Match / If-Modified-Since from the last response's
  ETag / Last-Modified); a 304 costs no parsing.
- An item's key (its link, else its guid) is checked against the store's memory of seen items
  BEFORE its page is fetched; items whose page was fetched are remembered.
- A feed that is down, answers an error, or is not a feed is logged as one line and the others
  are polled as usual; the next poll tries it again. So is an item page that cannot be fetched
  (it is not remembered as seen, so the next poll tries it again).
- Exit status 2 when the run read nothing at all: every feed failed, or every new item's page
  failed; a single failure among readable feeds and items still exits 0.
`--once` / `--max-polls N` stop after N polls (tests, cron).
"""
from __future__ import annotations

import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional, TextIO

from ..ingest.fetch import MAX_BYTES, TIMEOUT_S, USER_AGENT, fetch_page, is_url
from ..ingest.record import InputError, Record
from ..commands.common import EX_FAILED, EX_OK, db_location, positive_int
from ..store.cli import DB_HELP, _guarded

_EVERY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.IGNORECASE)
_UNIT = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_every(value: str) -> float:
    """'15m' -> 900.0 seconds ('30s', '2h', '1d', or plain seconds); ValueError otherwise."""
    m = _EVERY.match(value or "")
    if not m or float(m.group(1)) <= 0:
        raise ValueError(f"--every {value!r}: use a duration such as 30s, 15m or 1h")
    return float(m.group(1)) * _UNIT[m.group(2).lower()]


def _every(value: str) -> float:
    """`parse_every` for argparse: a bad duration is a usage error (exit 64)."""
    import argparse

    try:
        return parse_every(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc).split(": ", 1)[-1]) from None


def register(sub) -> None:
    p = sub.add_parser("watch", help="poll feeds, ingest new items, update stories")
    p.add_argument("feeds", nargs="+", metavar="FEED_URL_OR_FILE")
    p.add_argument("--db", required=True, type=db_location, help=DB_HELP)
    p.add_argument("--every", type=_every, default="15m",
                   help="time between polls: 30s, 15m, 2h, 1d (default 15m)")
    p.add_argument("--once", action="store_true", help="poll once and stop")
    p.add_argument("--max-polls", type=positive_int, help="stop after this many polls")
    p.add_argument("--workers", type=positive_int, default=1, help="pipeline processes (default 1)")
    p.set_defaults(func=_guarded(cmd_watch))


def cmd_watch(args) -> int:
    from ..store import open_store

    polls = 1 if args.once else args.max_polls
    with open_store(args.db, create=True) as store:
        tally = watch(store, args.feeds, args.every, polls, workers=args.workers)
    if tally.read_nothing:
        print(f"dateline: watch read nothing: {tally.summary()}", file=sys.stderr)
        return EX_FAILED
    return EX_OK


@dataclass
class Tally:
    """What a run of `watch` could read, over all its polls."""
    feeds_read: int = 0     # polls whose feed was read (or answered 304 Not Modified)
    feeds_failed: int = 0   # polls whose feed could not be fetched or parsed
    items_tried: int = 0    # new items taken up (their page fetched, or their feed content read)
    items_failed: int = 0   # new items that gave no article (page not fetched, no text, ...)
    added: int = 0          # articles added to the store

    @property
    def read_nothing(self) -> bool:
        """Every feed failed, or every new item failed: nothing this run could be read."""
        if not self.feeds_read:
            return True
        return self.items_tried > 0 and self.items_failed >= self.items_tried

    def summary(self) -> str:
        return (f"{self.feeds_failed} of {self.feeds_read + self.feeds_failed} feed polls failed, "
                f"{self.items_failed} of {self.items_tried} new items failed")


def watch(store, feeds: list, every: float, polls: Optional[int] = None, workers: int = 1,
          log: Optional[TextIO] = None, sleep=time.sleep) -> Tally:
    """Poll `feeds` every `every` seconds, `polls` times (None: forever); returns the Tally
    (articles added, feeds and items that failed). Progress and bad feeds go to `log`
    (default standard error)."""
    log = log or sys.stderr
    tally, n = Tally(), 0
    while polls is None or n < polls:
        if n:
            sleep(every)
        n += 1
        for feed in feeds:
            poll(store, feed, tally, workers, log)
    return tally


def poll(store, feed: str, tally: Tally, workers: int = 1, log: Optional[TextIO] = None) -> None:
    """Poll one feed once, counting the outcome in `tally`; never raises for a bad feed or a
    bad item (logs one line each instead)."""
    from ..store.watch import save_feed_state

    log = log or sys.stderr
    try:
        got = _fetch_feed(store, feed)
    except OSError as exc:
        got = InputError(feed, exc.strerror or str(exc))
    if isinstance(got, InputError):
        _feed_failed(store, feed, got.reason, tally, log)
        return
    if got is None:
        save_feed_state(store, feed, "not modified")
        print(f"watch {feed}: not modified", file=log)
        tally.feeds_read += 1
        return
    data, etag, modified = got
    _take(store, feed, data, etag, modified, workers, log, tally)


def _feed_failed(store, feed: str, why: str, tally: Tally, log) -> None:
    from ..store.watch import save_feed_state

    print(f"dateline: watch {InputError(feed, why)}", file=log)
    save_feed_state(store, feed, f"error: {why}")
    tally.feeds_failed += 1


def _take(store, feed, data, etag, modified, workers, log, tally: Tally) -> None:
    import feedparser

    from ..ingest.rss import unwrap_escaped_cdata
    from ..ingest.sniff import kind_of
    from ..pipeline import extract_stream
    from ..store.ingest import ingest
    from ..store.watch import mark_seen, save_feed_state, unseen

    kind = kind_of(data[:8192])
    parsed = feedparser.parse(unwrap_escaped_cdata(data)) if kind == "feed" else None
    if not parsed or not parsed.entries:
        why = ("feed has no items" if parsed is not None and not parsed.get("bozo")
               else "empty input" if kind == "empty" else "not a readable RSS/Atom feed")
        _feed_failed(store, feed, why, tally, log)
        return
    keyed = [(_key(e), e) for e in parsed.entries]
    fresh = unseen(store, [k for k, _ in keyed if k])
    todo = [(k, e) for k, e in keyed if k in fresh]
    taken: list = []
    stats = ingest(store, _records(feed, todo, taken), extract_stream, workers=workers, err=log)
    mark_seen(store, taken, feed)
    save_feed_state(store, feed, "ok", etag, modified)
    tally.feeds_read += 1
    tally.items_tried += len(todo)
    tally.items_failed += len(todo) - len(taken) + _failed_after_reading(stats, len(taken))
    tally.added += stats.new
    stories = stats.stories.summary() if stats.stories else "stories unchanged"
    failed = f", {len(stats.errors)} failed" if stats.errors else ""
    print(f"watch {feed}: {len(todo)} new items of {len(keyed)}, {stats.new} articles added"
          f"{failed}; {stories}", file=log)


def _failed_after_reading(stats, read: int) -> int:
    """Items whose page was read but gave no article (no text, not storable): errors beyond
    those of unread items, never more than the items read."""
    return max(0, min(read, read - stats.articles))


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
