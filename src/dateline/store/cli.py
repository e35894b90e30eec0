"""Store commands (ingest, events, quotes, export): registered into the main CLI.

Store problems (missing or corrupt file, unreachable server, bad date) give one line on stderr
and exit status 2, never a traceback.
"""
from __future__ import annotations

import functools
import sys
from datetime import date

import sqlalchemy as sa

from .db import StoreError, open_store

DB_HELP = "store: a SQLite file, sqlite:///FILE or postgresql://user@host/db"


def _err(msg: str) -> int:
    print(f"dateline: {msg}", file=sys.stderr)
    return 2


def _guarded(func):
    """Turn store failures into one line on stderr and exit status 2."""
    @functools.wraps(func)
    def run(args):
        try:
            return func(args)
        except StoreError as exc:
            return _err(str(exc))
        except sa.exc.SQLAlchemyError as exc:
            reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
            return _err(f"{args.db}: {reason}")
    return run


def _date(value, flag: str):
    """A strict YYYY-MM-DD bound (stored dates are ISO text, so bounds compare as text)."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise StoreError(f"{flag} {value!r} is not a date (use YYYY-MM-DD)") from None


def register(sub, add_input_options, records_from_args, workers) -> None:
    """Add `ingest`, `events`, `quotes` and `export` to the main parser."""
    p = sub.add_parser("ingest", help="process articles into a store (skips ones already stored)")
    add_input_options(p)
    p.add_argument("--db", required=True, help=DB_HELP)
    p.add_argument("--reprocess", action="store_true",
                   help="process articles already stored again and overwrite them")
    p.set_defaults(func=_guarded(functools.partial(cmd_ingest, records_from_args=records_from_args,
                                                   workers=workers)))

    p = sub.add_parser("events", help="list stored events")
    p.add_argument("--db", required=True, help=DB_HELP)
    p.add_argument("--type", action="append", help="PLOVER type (repeatable)")
    p.add_argument("--country", help="ISO alpha-3 code of a source or target actor")
    _range_options(p)
    p.add_argument("--format", choices=["jsonl", "csv", "table"], default="jsonl")
    p.add_argument("--dedup", action="store_true",
                   help="story-level events: each real event once, with its mention count")
    p.set_defaults(func=_guarded(cmd_events))

    p = sub.add_parser("quotes", help="list stored quotes")
    p.add_argument("--db", required=True, help=DB_HELP)
    p.add_argument("--speaker", help="part of the speaker's name (case-insensitive)")
    p.add_argument("--country", help="ISO alpha-3 code of the speaker")
    _range_options(p)
    p.add_argument("--format", choices=["jsonl", "csv", "table"], default="jsonl")
    p.set_defaults(func=_guarded(cmd_quotes))

    p = sub.add_parser("export",
                       help="dump a store: articles as JSON Lines, or events as CSV/Parquet")
    p.add_argument("--db", required=True, help=DB_HELP)
    p.add_argument("--format", choices=["jsonl", "csv", "parquet"], default="jsonl",
                   help="jsonl: one contract article per line; csv, parquet: one event per row")
    p.add_argument("--output", "-o", help="file to write (default: standard output)")
    p.set_defaults(func=_guarded(cmd_export))


def _range_options(p) -> None:
    p.add_argument("--since", help="from this date (YYYY-MM-DD, inclusive)")
    p.add_argument("--until", help="up to this date (YYYY-MM-DD, inclusive)")
    p.add_argument("--limit", type=int, help="at most this many rows")


def cmd_ingest(args, records_from_args, workers) -> int:
    from ..pipeline import extract_stream
    from .ingest import ingest

    with open_store(args.db, create=True) as store:
        stats = ingest(store, records_from_args(args), extract_stream, workers=workers(args),
                       replace=args.reprocess)
        print(stats.summary(store.name), file=sys.stderr)
    return 2 if stats.errors else 0


def cmd_events(args) -> int:
    from .output import write_events

    if args.dedup:
        from ..stories.cli import cmd_events_dedup

        return cmd_events_dedup(args)
    since, until = _date(args.since, "--since"), _date(args.until, "--until")
    with open_store(args.db, create=False) as store:
        recs = store.iter_events(type=args.type, country=args.country, since=since,
                                 until=until, limit=args.limit)
        write_events(recs, args.format, sys.stdout)
    return 0


def cmd_quotes(args) -> int:
    from .output import write_quotes

    since, until = _date(args.since, "--since"), _date(args.until, "--until")
    with open_store(args.db, create=False) as store:
        recs = store.iter_quotes(speaker=args.speaker, country=args.country, since=since,
                                 until=until, limit=args.limit)
        write_quotes(recs, args.format, sys.stdout)
    return 0


def cmd_export(args) -> int:
    binary = args.format == "parquet"
    if binary and not args.output and sys.stdout.isatty():
        return _err("parquet is binary: give --output FILE or redirect standard output")
    with open_store(args.db, create=False) as store:
        try:
            out = open(args.output, "wb" if binary else "w", encoding=None if binary else "utf-8",
                       newline=None if binary else "") if args.output else None
        except OSError as exc:
            return _err(f"{args.output}: {exc.strerror or exc}")
        try:
            _export(store, args.format, out or (sys.stdout.buffer if binary else sys.stdout))
        finally:
            if out:
                out.close()
    return 0


def _export(store, fmt: str, out) -> int:
    from .output import write_events, write_events_parquet, write_jsonl

    if fmt == "jsonl":
        return write_jsonl(store.iter_articles(), out)
    if fmt == "csv":
        return write_events(store.iter_events(), "csv", out)
    return write_events_parquet(store.iter_events(), out)
