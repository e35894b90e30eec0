"""`dateline ingest`: process articles into a store; resumable, Ctrl-C keeps what is stored."""
from __future__ import annotations

import os
import sys

from .common import EX_FAILED, EX_INTERRUPTED, EX_OK, add_db, guarded
from .inputs import add_input_options, check_input_args, records_from_args, workers

# Files that hold exactly one article; any other input may hold many (feeds, WARC, JSON Lines).
_SINGLE = (".txt", ".html", ".htm", ".text")


def register(sub) -> None:
    p = sub.add_parser("ingest", help="process articles into a store (skips ones already stored)",
                       description="Process articles into a store. Articles already stored are "
                                   "skipped before any processing (and feed items already "
                                   "stored are not downloaded again); Ctrl-C stops cleanly and "
                                   "still prints the summary.")
    add_input_options(p)
    add_db(p)
    p.add_argument("--reprocess", action="store_true",
                   help="process articles already stored again and overwrite them")
    p.set_defaults(func=guarded(run), check=check_input_args)


def expected_total(paths) -> "int | None":
    """How many articles the inputs hold when that is known without reading them: only for
    files and directories of one-article files; None otherwise (a feed, WARC, URL, stdin)."""
    n = 0
    for path in paths:
        if os.path.isfile(path) and path.lower().endswith(_SINGLE):
            n += 1
        elif os.path.isdir(path):
            for root, _dirs, files in os.walk(path):
                for f in files:
                    if f.startswith("."):
                        continue
                    if not f.lower().endswith(_SINGLE):
                        return None
                    n += 1
        else:
            return None
    return n


def run(args) -> int:
    from ..clean import article_id
    from ..pipeline import extract_stream
    from ..store import open_store
    from ..store.ingest import ingest

    with open_store(args.db, create=True) as store:
        seen = None if args.reprocess else (lambda url: store.has(article_id(url, "")))
        stats = ingest(store, records_from_args(args, seen_url=seen), extract_stream,
                       workers=workers(args), replace=args.reprocess,
                       total=expected_total(args.paths))
        print(stats.summary(store.name), file=sys.stderr)
    if stats.interrupted:
        return EX_INTERRUPTED
    return EX_FAILED if stats.errors else EX_OK
