"""`dateline actors`: resolved actors across the store with mention, event and quote counts."""
from __future__ import annotations

import sys

from .common import EX_OK, add_db, add_format, country, guarded, positive_int

FIELDS = ("id", "name", "country", "sector", "kind", "articles", "mentions", "events", "quotes")


def register(sub) -> None:
    p = sub.add_parser("actors", help="list actors across the store with their counts",
                       description="One row per actor across all articles. The id (act_...) "
                                   "is persistent: the same name and country give the same id "
                                   "in every article and every store; use it with "
                                   "`events --actor` and `quotes --speaker`.")
    add_db(p)
    p.add_argument("--q", metavar="NAME", help="part of a name, alias or mention text")
    p.add_argument("--country", type=country, metavar="C", help="actor's country")
    p.add_argument("--limit", type=positive_int, default=50, help="at most this many actors")
    add_format(p, "table")
    p.set_defaults(func=guarded(run))


def run(args) -> int:
    from ..store import open_store
    from ..store.output import write_rows

    with open_store(args.db, create=False) as store:
        rows = store.actors(q=args.q, country=args.country, limit=args.limit)
    write_rows(rows, FIELDS, args.format, sys.stdout)
    return EX_OK
