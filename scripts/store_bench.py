"""Store write/read rate on SQLite and on a throw-away PostgreSQL server (dev measurement).

    /work/venv/dl/bin/python scripts/store_bench.py [N]

N synthetic articles (20 events, 5 quotes each, built by tests/store_samples.py) are added
one transaction each, then looked up with stored_ids() and read back with events().
"""
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests"))

from store_samples import make_article  # noqa: E402

from dateline.store import open_store  # noqa: E402


def bench(url: str, n: int) -> str:
    arts = [make_article(f"b{i}", events=[("ASSAULT", "NOR", "KEN", "2025-01-02")] * 20,
                         quotes=[("Ada Lind", "NOR")] * 5) for i in range(n)]
    with open_store(url) as s:
        t = time.perf_counter()
        for a in arts:
            s.add(a)
        w = time.perf_counter() - t
        t = time.perf_counter()
        s.stored_ids(a.id for a in arts)
        h = time.perf_counter() - t
        t = time.perf_counter()
        rows = len(s.events(type="ASSAULT", country="KEN"))
        r = time.perf_counter() - t
    return (f"add {n / w:.0f} articles/s ({20 * n / w:.0f} events/s), stored_ids {n / h:.0f} ids/s,"
            f" events() {rows} rows in {r:.2f} s")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    print("sqlite:    ", bench(os.path.join(tempfile.mkdtemp(), "bench.sqlite"), n))
    import conftest_pg

    with conftest_pg.postgres_server(conftest_pg.pg_bindir()) as base:
        print("postgresql:", bench(base + "/postgres", n))


if __name__ == "__main__":
    main()
