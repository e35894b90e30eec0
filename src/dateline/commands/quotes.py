"""`dateline quotes`: stored quotations with their speakers."""
from __future__ import annotations

import sys

from .common import EX_OK, add_db, add_format, country, guarded, iso_date, positive_int


def register(sub) -> None:
    p = sub.add_parser("quotes", help="list stored quotes with their speakers")
    add_db(p)
    p.add_argument("--speaker", help="part of the speaker's name (case-insensitive), or act_...")
    p.add_argument("--country", type=country, metavar="C", help="speaker's country (GBR, GB, "
                   "United Kingdom)")
    p.add_argument("--since", type=iso_date, metavar="YYYY-MM-DD",
                   help="articles published on or after this day")
    p.add_argument("--until", type=iso_date, metavar="YYYY-MM-DD",
                   help="articles published up to this day")
    p.add_argument("--site", help="outlet host name")
    p.add_argument("--story", help="story id")
    p.add_argument("--q", metavar="TEXT", help="full-text words in the article")
    p.add_argument("--limit", type=positive_int, help="at most this many quotes")
    add_format(p, "jsonl")
    p.set_defaults(func=guarded(run))


def run(args) -> int:
    from ..store import open_store
    from ..store.output import write_quotes

    with open_store(args.db, create=False) as store:
        recs = store.iter_quotes(speaker=args.speaker, country=args.country, since=args.since,
                                 until=args.until, limit=args.limit, site=args.site,
                                 story=args.story, q=args.q)
        write_quotes(recs, args.format, sys.stdout)
    return EX_OK
