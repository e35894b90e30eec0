"""`dateline export`: events, quotes, actors or articles as JSON Lines, CSV, TSV, Parquet, or
events in GDELT 2.0's layout (docs/gdelt.md)."""
from __future__ import annotations

import sys

from .common import EX_OK, UsageError, add_db, add_event_filters, event_filters, guarded, \
    note, open_output

WHAT = ("events", "quotes", "actors", "articles")
EXPORT_FORMATS = ("jsonl", "csv", "tsv", "parquet", "gdelt")


def register(sub) -> None:
    p = sub.add_parser("export", help="dump events, quotes, actors or articles to a file",
                       description="Export a store. events: one row per event, sides as "
                                   "aligned lists ('; '-joined in CSV/TSV, list columns in "
                                   "Parquet); gdelt: GDELT 2.0 event table, one row per source "
                                   "x target actor pair (docs/gdelt.md). Event filters apply "
                                   "to events and gdelt.")
    add_db(p)
    p.add_argument("--what", choices=WHAT, default=None,
                   help="what to export (default: articles for jsonl, events otherwise)")
    p.add_argument("--format", choices=EXPORT_FORMATS, default="jsonl",
                   help="jsonl, csv, tsv, parquet (typed columns), gdelt (events only)")
    p.add_argument("--output", "-o", help="file to write (default: standard output)")
    add_event_filters(p)
    p.set_defaults(func=guarded(run))


def run(args) -> int:
    from ..store import open_store

    what = args.what or ("articles" if args.format == "jsonl" else "events")
    if args.format == "gdelt" and what != "events":
        raise UsageError("--format gdelt exports events only")
    filters = event_filters(args)
    if filters and what != "events":
        raise UsageError(f"event filters apply to --what events, not {what}")
    binary = args.format == "parquet"
    if binary and not args.output and sys.stdout.isatty():
        raise UsageError("parquet is binary: give --output FILE or redirect standard output")
    with open_store(args.db, create=False) as store:
        out, close = open_output(args.output, binary)
        try:
            n = _export(store, what, args.format, filters, out)
        finally:
            if close:
                out.close()
    if close:  # on standard output the rows speak for themselves
        rows = "rows" if args.format == "gdelt" else what
        note(f"{n} {rows} exported from {store.name} to {args.output}")
    return EX_OK


def _export(store, what: str, fmt: str, filters: dict, out) -> int:
    from . import export_writers as W

    if what == "events":
        return W.events(store.iter_events(**filters), fmt, out)
    if what == "quotes":
        return W.quotes(store.iter_quotes(), fmt, out)
    if what == "actors":
        return W.actors(store.actors(), fmt, out)
    return W.articles(store, fmt, out)
