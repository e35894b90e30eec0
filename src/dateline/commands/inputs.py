"""Input options shared by `extract` and `ingest`, and the records they name.

All option values are checked when the command line is parsed (common.py), so a bad value
stops the run before any worker process starts; the records themselves are read lazily.
"""
from __future__ import annotations

import itertools
from typing import Callable, Iterable, Iterator, Optional

from ..ingest.record import InputError
from .common import iso_date, note, positive_int


def add_input_options(p) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="file, directory, URL, or - for standard input")
    p.add_argument("--published", type=iso_date, metavar="YYYY-MM-DD",
                   help="publication date for inputs that lack one")
    p.add_argument("--url", help="source URL of the article (only with a single input article)")
    p.add_argument("--workers", type=positive_int, default=None,
                   help="processes to use, at least 1 (default: all cores)")


def check_input_args(args) -> None:
    """Warn about options that will be ignored (before anything is read)."""
    if args.url and len(args.paths) > 1:
        note(f"--url ignored: it names one article and {len(args.paths)} inputs were given")


def workers(args) -> int:
    from ..pipeline import default_workers

    return args.workers or default_workers()


def records_from_args(args, seen_url: Optional[Callable[[str], bool]] = None) -> Iterator:
    """Readers' output with the command-line metadata applied (options fill gaps only).

    `seen_url(url)` (optional) tells the feed reader which item pages need not be fetched.
    --url is applied only when the inputs hold exactly one article (one URL for many articles
    would give them all the same id); otherwise it is ignored with a note.
    """
    from ..ingest import read_inputs

    items = read_inputs(args.paths, seen_url=seen_url)
    url = args.url if len(args.paths) == 1 else None
    if url:
        head = list(itertools.islice(items, 2))
        if len(head) > 1:
            note(f"--url ignored: {args.paths[0]} holds more than one article")
            url = None
        items = itertools.chain(head, items)
    for item in items:
        if not isinstance(item, InputError):
            item.published = item.published or args.published
            item.url = item.url or url
        yield item


def iter_results(args, process: Callable, records: Iterable) -> Iterator:
    """Pipeline results in input order (errors included as InputError values)."""
    yield from process(records, workers=workers(args))
