#!/usr/bin/env python
"""Load test of the HTTP API: a bounded number of requests from concurrent clients against a
running `dateline serve` on loopback; reports requests/s and latency percentiles per endpoint.

    dateline serve --db big.sqlite --port 8800 &
    python bench/web_load.py http://127.0.0.1:8800 --requests 3000 --concurrency 8

The request mix is drawn (seeded) from what the store holds: Top Stories pages (first and
next via the cursor), story pages and their JSON, event lists with each filter (type, country,
actor, status, date range, text, story), CSV, articles, actors, quotes and notes. Only
loopback addresses are accepted. Exit status 1 if any request failed or got a 5xx.
"""
from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import time
from collections import defaultdict
from urllib.parse import quote, urlsplit

import httpx

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def percentile(values: list, p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, max(0, int(round(p / 100 * len(s) + 0.5)) - 1))]


async def discover(client: httpx.AsyncClient) -> dict:
    """Ids and names to build realistic requests from."""
    stories = (await client.get("/api/stories?limit=100")).json()
    nxt = stories.get("next")
    events = (await client.get("/api/events?limit=500")).json()["items"]
    return {
        "stories": [s["id"] for s in stories["items"]], "next": nxt,
        "articles": list({e["article_id"] for e in events}),
        "types": list({e["type"] for e in events}),
        "countries": list({a["country"] for e in events for a in e["source"] if a.get("country")}),
        "actors": list({a["name"] for e in events for a in e["source"] if a.get("name")}),
        "speakers": ["said", "minister", "president", "police", "Ruto", "IMF"],
        "words": ["killed", "talks", "agreement", "protest", "court", "aid", "election"],
        "dates": sorted({e["published"] for e in events if e.get("published")}),
        "after": (await client.get("/api/events?limit=50")).json()["next"],
    }


def make_requests(d: dict, n: int, seed: int) -> list:
    rnd = random.Random(seed)
    c = rnd.choice
    kinds = [
        ("stories", lambda: "/api/stories?limit=20"),
        ("stories next", lambda: f"/api/stories?limit=20&after={d['next']}" if d["next"]
         else "/api/stories?limit=20"),
        ("story json", lambda: f"/api/stories/{c(d['stories'])}"),
        ("story page", lambda: f"/stories/{c(d['stories'])}"),
        ("top page", lambda: "/"),
        ("events", lambda: "/api/events?limit=50"),
        ("events after", lambda: f"/api/events?limit=50&after={d['after']}"),
        ("events type", lambda: f"/api/events?type={c(d['types'])}&limit=50"),
        ("events country", lambda: f"/api/events?country={c(d['countries'])}&limit=50"),
        ("events actor", lambda: f"/api/events?actor={quote(c(d['actors']))}&limit=50"),
        ("events status", lambda: "/api/events?status=alleged&limit=50"),
        ("events dates", lambda: "/api/events?since={0}&until={0}&limit=50".format(c(d["dates"]))),
        ("events q", lambda: f"/api/events?q={c(d['words'])}&limit=50"),
        ("events story", lambda: f"/api/events?story={c(d['stories'])}&limit=50"),
        ("events csv", lambda: f"/api/events?type={c(d['types'])}&format=csv&limit=200"),
        ("article", lambda: f"/api/articles/{c(d['articles'])}"),
        ("actor", lambda: f"/api/actors/{quote(c(d['actors']))}?limit=20"),
        ("quotes", lambda: f"/api/quotes?speaker={c(d['speakers'])}&limit=50"),
        ("notes", lambda: "/api/notes?limit=50"),
    ]
    return [(k, f()) for k, f in (c(kinds) for _ in range(n))]


async def run(base: str, reqs: list, concurrency: int) -> tuple:
    lat = defaultdict(list)
    errors = []
    queue = list(reversed(reqs))
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        async def worker():
            while queue:
                kind, path = queue.pop()
                t = time.perf_counter()
                try:
                    r = await client.get(path)
                    ok = r.status_code < 400
                    await r.aread()
                except httpx.HTTPError as exc:
                    ok, r = False, exc
                lat[kind].append((time.perf_counter() - t) * 1000)
                if not ok:
                    errors.append((path, getattr(r, "status_code", str(r))))
        t0 = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        wall = time.perf_counter() - t0
    return lat, errors, wall


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("base", help="server URL on loopback, e.g. http://127.0.0.1:8800")
    ap.add_argument("--requests", type=int, default=3000)
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    if urlsplit(args.base).hostname not in LOOPBACK:
        print("web_load: only loopback servers may be load-tested", file=sys.stderr)
        return 2
    args.requests = min(args.requests, 100_000)

    async def go():
        async with httpx.AsyncClient(base_url=args.base, timeout=30) as c:
            d = await discover(c)
        return await run(args.base, make_requests(d, args.requests, args.seed), args.concurrency)

    lat, errors, wall = asyncio.run(go())
    every = [v for vs in lat.values() for v in vs]
    print(f"{len(every)} requests, concurrency {args.concurrency}, {wall:.1f} s, "
          f"{len(every) / wall:.0f} req/s, errors {len(errors)}")
    print(f"{'endpoint':<16} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    for kind in sorted(lat):
        v = lat[kind]
        print(f"{kind:<16} {len(v):>5} {statistics.median(v):>8.1f} {percentile(v, 95):>8.1f} "
              f"{percentile(v, 99):>8.1f} {max(v):>8.1f}")
    print(f"{'ALL':<16} {len(every):>5} {statistics.median(every):>8.1f} "
          f"{percentile(every, 95):>8.1f} {percentile(every, 99):>8.1f} {max(every):>8.1f}")
    for path, status in errors[:10]:
        print(f"error: {status} {path}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
