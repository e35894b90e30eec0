"""Grow a real store to N articles by replicating its rows with distinct ids (bench only).

    python bench/replicate_store.py BASE.sqlite BIG.sqlite 30000

BASE is a store built by `dateline ingest` from real articles. Each copy k of an article gets
id `<id>-r<k>`, URL `<url>#r<k>` and its published date and event dates shifted by k*7 days
(so dates spread over years and month/week counts are realistic); everything else (actors,
events, quotes, evidence, text) is the real pipeline output. Rows go through Store's own writer
(_write), 500 articles per transaction. Finally ANALYZE, as a maintained store would have.
"""
from __future__ import annotations

import json
import sys
import time
from datetime import date, timedelta

from dateline.store import open_store
from dateline.store.db import _write


def _shift(day, days: int):
    if not day or len(day) < 10:
        return day
    try:
        return (date.fromisoformat(day[:10]) + timedelta(days=days)).isoformat() + day[10:]
    except ValueError:
        return day


def copy_of(d: dict, k: int) -> dict:
    c = json.loads(json.dumps(d))
    c["id"] = f"{d['id']}-r{k}"
    c["url"] = f"{d['url']}#r{k}" if d.get("url") else None
    c["published"] = _shift(d.get("published"), 7 * k)
    for e in c.get("events") or []:
        if e.get("date"):
            e["date"]["value"] = _shift(e["date"].get("value"), 7 * k)
            e["date"]["end"] = _shift(e["date"].get("end"), 7 * k)
    return c


def main() -> None:
    base, big, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with open_store(base, create=False) as src:
        arts = [(a, a.get("site"), a.get("author")) for a in src.iter_articles(with_meta=True)]
    sites = ["bbc.co.uk", "reuters.com", "apnews.com", "aljazeera.com", "theguardian.com"]
    t0 = time.perf_counter()
    with open_store(big) as dst:
        done, k = 0, 0
        while done < n:
            with dst.engine.begin() as conn:
                for d, site, author in arts:
                    if done >= n:
                        break
                    c = copy_of(d, k)
                    _write(conn, c, {"site": site or sites[k % len(sites)], "author": author},
                           False)
                    done += 1
            k += 1
        with dst.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
        counts = dst.counts()
    print(f"{big}: {counts} from {len(arts)} real articles in {time.perf_counter() - t0:.0f} s")


if __name__ == "__main__":
    main()
