"""Time the store's event filters and `count --by month,country` on a big store, with plans.

    python bench/query_times.py BIG.sqlite [--repeat 5] > times.md

For each filter: the first page (100 events, what `dateline events --limit 100` and the HTTP
API fetch) and the filtered count, best and median of `--repeat` runs in one process (warm
cache), plus SQLite's EXPLAIN QUERY PLAN of the page query. Markdown on stdout.
"""
from __future__ import annotations

import argparse
import statistics
import time

from dateline.store import open_store
from dateline.store import query as Q


def _filters(store) -> list:
    top = store.actors(limit=3)
    person = next((a for a in store.actors(limit=200) if a["kind"] == "person"), top[0])
    stories = store.stories(limit=1) if hasattr(store, "stories") else []
    out = [
        ("(none)", {}),
        ("type=ASSAULT", {"type": "ASSAULT"}),
        ("status=negated", {"status": "negated"}),
        ("country=GBR", {"country": "GBR"}),
        ("source_country=USA", {"source_country": "USA"}),
        ("target_country=IRQ", {"target_country": "IRQ"}),
        ("sector=MIL", {"sector": "MIL"}),
        (f"actor={person['name']!r}", {"actor": person["name"]}),
        ("since/until one month", {"since": "2006-03-01", "until": "2006-03-31"}),
        ("since/until + include_undated", {"since": "2006-03-01", "until": "2006-03-31",
                                           "include_undated": True}),
        ("min_confidence=0.8", {"min_confidence": 0.8}),
        ("site=reuters.com", {"site": "reuters.com"}),
        ("q='election'", {"q": "election"}),
        ("type+country+since", {"type": "ACCUSE", "country": "GBR", "since": "2006-01-01"}),
    ]
    if stories:
        out.append((f"story={stories[0]['id']}", {"story": stories[0]["id"]}))
    return out


def _time(fn, repeat: int) -> tuple[float, float]:
    ts = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        ts.append((time.perf_counter() - t) * 1000)
    return min(ts), statistics.median(ts)


def _plan(store, query) -> str:
    with store.engine.connect() as conn:
        sql = query.compile(conn, compile_kwargs={"literal_binds": True})
        return "\n".join(r[-1] for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    with open_store(args.db, create=False) as store:
        print(f"store: {store.counts()}\n")
        print("| filter | page of 100: best / median ms | count: best / median ms | matches |")
        print("|---|---|---|---|")
        plans = []
        for label, f in _filters(store):
            page = _time(lambda: store.events_page(limit=100, **f), args.repeat)
            count = _time(lambda: store.count_events(**f), args.repeat)
            n = store.count_events(**f)
            print(f"| {label} | {page[0]:.1f} / {page[1]:.1f} | {count[0]:.1f} / {count[1]:.1f} "
                  f"| {n} |")
            with store.engine.connect() as conn:
                q = Q.events_select(conn, Q.EventFilter.of(f), limit=101)
            plans.append((label, _plan(store, q)))
        by = _time(lambda: store.count_by("month,country"), args.repeat)
        rows = len(store.count_by("month,country"))
        print(f"| count --by month,country | | {by[0]:.1f} / {by[1]:.1f} | {rows} rows |")
        with store.engine.connect() as conn:
            q = Q.count_by_select(conn, ["month", "country"], Q.EventFilter())
        plans.append(("count --by month,country", _plan(store, q)))
        print()
        for label, plan in plans:
            print(f"{label}:\n```\n{plan}\n```")


if __name__ == "__main__":
    main()
