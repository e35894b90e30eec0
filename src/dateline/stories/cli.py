"""`dateline stories` (Top Stories) and `dateline events --dedup` (story-level events), and the
registration of `dateline watch`. Store problems give one line on stderr and exit status 2."""
from __future__ import annotations

import csv
import json
import sys
from typing import Iterable, TextIO

from ..commands.common import db_location, iso_date, positive_int
from ..store.cli import DB_HELP, _date, _guarded


def register(sub) -> None:
    """Add `stories` and `watch` to the main parser."""
    p = sub.add_parser("stories", help="Top Stories: stories ranked by sources, recency, growth")
    p.add_argument("--db", required=True, type=db_location, help=DB_HELP)
    p.add_argument("--top", type=positive_int, default=20, help="how many stories (default 20)")
    p.add_argument("--since", type=iso_date,
                   help="stories reaching this date or later (YYYY-MM-DD)")
    p.add_argument("--min-articles", type=positive_int, default=1,
                   help="only stories with at least this many articles")
    p.add_argument("--format", choices=["jsonl", "table"], default="table")
    p.add_argument("--rebuild", action="store_true",
                   help="forget all stories and place every stored article again")
    p.set_defaults(func=_guarded(cmd_stories))
    from .watch import register as register_watch

    register_watch(sub)


def cmd_stories(args) -> int:
    from ..store import open_store
    from ..store.stories import clear_stories, list_stories
    from .update import update_stories

    since = _date(args.since, "--since")
    with open_store(args.db, create=False) as store:
        if args.rebuild:
            clear_stories(store)
        stats = update_stories(store)  # places articles stored before stories existed
        if stats.articles:
            print(stats.summary(), file=sys.stderr)
        page = list_stories(store, limit=args.top, since=since, min_articles=args.min_articles)
    write_stories(page["items"], args.format, sys.stdout)
    return 0


def _fail(msg: str) -> int:
    print(f"dateline: {msg}", file=sys.stderr)
    return 2


def write_stories(cards: Iterable[dict], fmt: str, out: TextIO) -> int:
    n = 0
    for n, c in enumerate(cards, start=1):
        if fmt == "jsonl":
            out.write(json.dumps(c, ensure_ascii=False) + "\n")
            continue
        dates = "–".join(dict.fromkeys(d for d in (c["first_date"], c["last_date"]) if d))
        sources = ", ".join(s["site"] for s in c["sources"][:4])
        actors = ", ".join(a["name"] for a in c["actors"][:4])
        out.write(f"{n:>3}. {c['title'][:90]}\n     {c['n_sources']} sources, "
                  f"{c['n_articles']} articles, {c['n_events']} events  {dates or 'no date'}"
                  f"\n     sources: {sources}\n     actors: {actors or '-'}\n")
    return n


DEDUP_FIELDS = ("story_id", "id", "type", "quad", "status", "date", "source", "target",
                "n_mentions", "article_ids", "evidence")


def _flat(ev: dict) -> dict:
    side = lambda s: "; ".join(a.get("name") or a.get("text") or "" for a in s or [])  # noqa: E731
    return {"story_id": ev["story_id"], "id": ev["id"], "type": ev["type"], "quad": ev.get("quad"),
            "status": ev.get("status"), "date": (ev.get("date") or {}).get("value"),
            "source": side(ev.get("source")), "target": side(ev.get("target")),
            "n_mentions": ev["n_mentions"],
            "article_ids": ",".join(m["article_id"] for m in ev["mentions"]),
            "evidence": (ev.get("evidence") or {}).get("text", "")}


def cmd_events_dedup(args) -> int:
    """`dateline events --dedup`: one row per story event with its mention count."""
    from ..store import open_store
    from ..store.stories import iter_story_events
    from .update import update_stories

    since, until = _date(args.since, "--since"), _date(args.until, "--until")
    with open_store(args.db, create=False) as store:
        update_stories(store)
        events = iter_story_events(store, type=args.type, since=since, until=until,
                                   limit=args.limit)
        write_dedup(events, args.format, sys.stdout)
    return 0


def write_dedup(events: Iterable[dict], fmt: str, out: TextIO) -> int:
    n = 0
    writer = None
    for n, ev in enumerate(events, start=1):
        if fmt == "jsonl":
            out.write(json.dumps(ev, ensure_ascii=False) + "\n")
        elif fmt == "csv":
            if writer is None:
                writer = csv.DictWriter(out, fieldnames=DEDUP_FIELDS)
                writer.writeheader()
            writer.writerow(_flat(ev))
        else:
            f = _flat(ev)
            out.write(f"{f['n_mentions']:>3}x {f['type']:<10} {f['status'] or '':<12} "
                      f"{f['source'][:24]:>24} -> {f['target'][:24]:<24} {f['date'] or '':<10} "
                      f"{f['evidence'][:60]}\n")
    if writer is None and fmt == "csv":
        csv.DictWriter(out, fieldnames=DEDUP_FIELDS).writeheader()
    return n
