"""`dateline count`: event counts by time, country, type, quad class, side or outlet."""
from __future__ import annotations

import argparse
import sys

from ..store.query import COUNT_KEYS, TIME_KEYS
from .common import EX_OK, add_db, add_event_filters, add_format, event_filters, guarded


def by_keys(value: str) -> list:
    keys = [k.strip().lower() for k in value.split(",") if k.strip()]
    bad = [k for k in keys if k not in COUNT_KEYS]
    if not keys or bad or len(set(keys)) != len(keys):
        raise argparse.ArgumentTypeError(
            f"{value!r}: give distinct keys, comma-separated, from {', '.join(COUNT_KEYS)}")
    if sum(k in TIME_KEYS for k in keys) > 1:
        raise argparse.ArgumentTypeError(f"{value!r}: use one of day, week, month")
    return keys


def register(sub) -> None:
    p = sub.add_parser("count", help="count events by day/week/month, country, type, quad, ...",
                       description="Count events per combination of keys, like GDELT's event "
                                   "counts. Time keys use each event's day (its date, else its "
                                   "article's); week is the Monday starting the ISO week. "
                                   "country counts an event once per country on either side.")
    add_db(p)
    p.add_argument("--by", type=by_keys, required=True, metavar="KEYS",
                   help="comma-separated keys: " + ", ".join(COUNT_KEYS))
    add_event_filters(p)
    add_format(p, "table")
    p.set_defaults(func=guarded(run))


def run(args) -> int:
    from ..store import open_store
    from ..store.output import write_rows

    filters = event_filters(args)
    with open_store(args.db, create=False) as store:
        rows = store.count_by(args.by, **filters)
    if args.format in ("table", "csv", "tsv"):
        rows = [{**r, **{k: r[k] if r[k] is not None else "" for k in args.by}} for r in rows]
    write_rows(rows, tuple(args.by) + ("n",), args.format, sys.stdout)
    return EX_OK
