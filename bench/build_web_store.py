#!/usr/bin/env python
"""Grow a processed store into a large one for the web load test, without re-running spaCy.

    python bench/build_web_store.py BASE.sqlite OUT.sqlite --articles 10000

BASE holds articles already processed by `dateline ingest` (real news through the real
pipeline). OUT gets every BASE article plus re-dated copies (new id and URL, published shifted
by whole weeks, the same text, actors, events and quotes) until it has --articles articles,
written with Store.add (one transaction each, as ingest does). Stories are then built by the
stories stage (`dateline.stories.update_stories`) when it is present, so the story tables are
the real ones. Prints counts and seconds per step.
"""
from __future__ import annotations

import argparse
import sys
import time
from datetime import date, timedelta

from dateline.store import open_store


def shifted(d: dict, copy: int) -> dict:
    out = dict(d)
    out["id"] = f"{d['id']}-c{copy}"
    out["url"] = f"{d['url'] or 'https://copy.example/' + d['id']}#c{copy}"
    out["input"] = f"{d.get('input')}#c{copy}"
    if d.get("published"):
        out["published"] = (date.fromisoformat(d["published"]) + timedelta(weeks=copy)).isoformat()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("base")
    ap.add_argument("out")
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--no-stories", action="store_true")
    args = ap.parse_args()
    t0 = time.perf_counter()
    with open_store(args.base, create=False) as base:
        originals = base.articles()
    if not originals:
        print(f"{args.base}: no articles", file=sys.stderr)
        return 2
    with open_store(args.out) as out:
        n, copy = out.counts()["articles"], 0
        while n < args.articles:
            for d in originals:
                if n >= args.articles:
                    break
                if out.add(shifted(d, copy) if copy else d):
                    n += 1
            copy += 1
        t1 = time.perf_counter()
        print(f"articles: {out.counts()} in {t1 - t0:.0f} s", file=sys.stderr)
        if not args.no_stories:
            try:
                from dateline.stories import update_stories
            except ImportError:
                print("stories stage not present: no stories built", file=sys.stderr)
            else:
                stats = update_stories(out)
                print(f"stories: {stats} in {time.perf_counter() - t1:.0f} s", file=sys.stderr)
        print(out.counts())
    return 0


if __name__ == "__main__":
    sys.exit(main())
