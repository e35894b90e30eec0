"""`dateline events`: stored events, filtered (store.query.EventFilter), as a table or data."""
from __future__ import annotations

import sys

from .common import EX_OK, add_db, add_event_filters, add_format, event_filters, guarded, \
    positive_int


def register(sub) -> None:
    p = sub.add_parser("events", help="list stored events (who did what to whom), filtered",
                       description="List stored events, oldest first, undated last. Each "
                                   "event's `day` is its own date, else its article's "
                                   "publication date, and `date_source` says which "
                                   "(text | published | none).")
    add_db(p)
    add_event_filters(p)
    p.add_argument("--limit", type=positive_int, help="at most this many events")
    add_format(p, "jsonl")
    p.add_argument("--dedup", action="store_true",
                   help="story-level events: each real event once, with its mention count")
    p.set_defaults(func=guarded(run))


def run(args) -> int:
    from ..store import open_store
    from ..store.output import write_events

    if args.dedup:
        from ..stories.cli import cmd_events_dedup

        return cmd_events_dedup(args)
    filters = event_filters(args)
    with open_store(args.db, create=False) as store:
        if args.actor:
            _say_actor(store, args.actor)
        if args.story:
            _say_story(store, args.story)
        write_events(store.iter_events(limit=args.limit, **filters), args.format, sys.stdout)
    return EX_OK


def _say_actor(store, name: str) -> None:
    """Tell the analyst which actors --actor matched (or that none did)."""
    from ..store.query import actor_keys
    from .common import note

    import sqlalchemy as sa

    from ..store import schema as S

    al = S.actor_aliases
    with store.engine.connect() as conn:
        keys = actor_keys(conn, name)
        found = dict(conn.execute(sa.select(al.c.actor_key, al.c.name + " (" + sa.func.coalesce(
            al.c.country, "?") + ", " + al.c.actor_key + ")").where(al.c.actor_key.in_(keys[:5]))
        ).all())
    if not found:
        note(f"--actor {name!r} matches no stored actor")
    else:
        names = "; ".join(found.values())
        more = f" and {len(keys) - 5} more" if len(keys) > 5 else ""
        note(f"--actor {name!r} matched {names}{more}")


def _say_story(store, story_id: str) -> None:
    """Tell the analyst when --story names no stored story (an empty answer would look like a
    story without events)."""
    import sqlalchemy as sa

    from ..store import schema as S
    from .common import note

    with store.engine.connect() as conn:
        found = conn.execute(sa.select(S.stories.c.id).where(S.stories.c.id == story_id)).first()
    if found is None:
        note(f"--story {story_id!r} matches no stored story (see dateline stories)")
