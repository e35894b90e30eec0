"""kill -9 in the middle of `dateline ingest`, then a rerun: the store equals a clean ingest, with
no duplicate and no half-written article (SQLite in WAL mode)."""
from __future__ import annotations

import shutil
import signal
import sqlite3
import subprocess
import time

from .common import dateline_exe


def _count(db) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as con:
            return con.execute("select count(*) from articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def _snapshot(db) -> dict:
    """Everything an ingest writes, per article: the article row's id and title, and its events,
    quotes and actors as sorted tuples (row ids left out: they depend on insertion order)."""
    with sqlite3.connect(db) as con:
        tables = [r[0] for r in con.execute(
            "select name from sqlite_master where type='table' and name in "
            "('events','quotes','actors')")]
        snap = {}
        for (aid, title) in con.execute("select id, title from articles"):
            row = {"title": title}
            for t in tables:
                cols = [c[1] for c in con.execute(f"pragma table_info({t})")
                        if c[1] not in ("rowid", "pk", "seq")]
                rows = con.execute(f"select {', '.join(cols)} from {t} where article_id = ?", (aid,))
                row[t] = sorted(map(repr, rows))
            snap[aid] = row
        return snap


def test_kill_dash_nine_mid_ingest_then_rerun_equals_clean_ingest(shared, tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    for f in sorted((shared / "data" / "news" / "bbc" / "politics").glob("*.txt"))[:40]:
        shutil.copy(f, corpus / f.name)
    killed, clean = tmp_path / "killed.sqlite", tmp_path / "clean.sqlite"
    cmd = dateline_exe() + ["ingest", str(corpus), "--workers", "1", "--db"]
    proc = subprocess.Popen(cmd + [str(killed)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.time() + 240
    while _count(killed) < 5 and time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)
    assert proc.poll() is None, "ingest finished before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = _count(killed)
    assert 5 <= partial < 40
    with sqlite3.connect(killed) as con:
        assert con.execute("pragma journal_mode").fetchone()[0] == "wal"
    rerun = subprocess.run(cmd + [str(killed)], capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{partial} already stored" in rerun.stderr or "already" in rerun.stderr
    fresh = subprocess.run(cmd + [str(clean)], capture_output=True, text=True, timeout=600)
    assert fresh.returncode == 0, fresh.stderr
    a, b = _snapshot(killed), _snapshot(clean)
    assert len(a) == 40 and set(a) == set(b)
    assert a == b
