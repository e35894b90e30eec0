"""kill -9 in the middle of `dateline watch`, then a rerun: the store, stories included, equals a
clean run's, with no duplicate and no half-written article."""
from __future__ import annotations

import html
import signal
import sqlite3
import subprocess
import time

from .common import dateline_exe
from .test_crash import _count, _snapshot


def _feed(shared, n: int) -> str:
    items = []
    for i, f in enumerate(sorted((shared / "data" / "news" / "bbc" / "business").glob("*.txt"))[:n]):
        title, _, body = f.read_text(encoding="latin-1").partition("\n")
        items.append(f"<item><title>{html.escape(title)}</title><link>https://news.example/{i}</link>"
                     f"<pubDate>Tue, 0{1 + i % 9} Mar 2005 10:00:00 GMT</pubDate>"
                     f"<description>{html.escape(body)}</description></item>")
    return ('<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
            + "".join(items) + "</channel></rss>")


def _stories(db) -> set:
    """Story membership as a set of frozensets of article ids (story ids may be numbered apart)."""
    with sqlite3.connect(db) as con:
        groups: dict = {}
        for story, article in con.execute("select story_id, article_id from story_articles"):
            groups.setdefault(story, set()).add(article)
    return {frozenset(g) for g in groups.values()}


def test_kill_dash_nine_mid_watch_then_rerun_equals_clean_run(shared, tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_text(_feed(shared, 30), encoding="utf-8")
    killed, clean = tmp_path / "killed.sqlite", tmp_path / "clean.sqlite"
    cmd = dateline_exe() + ["watch", str(feed), "--once", "--db"]
    proc = subprocess.Popen(cmd + [str(killed)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 240
    while _count(killed) < 5 and time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)
    assert proc.poll() is None, "watch finished before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert 5 <= _count(killed) < 30
    rerun = subprocess.run(cmd + [str(killed)], capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    fresh = subprocess.run(cmd + [str(clean)], capture_output=True, text=True, timeout=600)
    assert fresh.returncode == 0, fresh.stderr
    a, b = _snapshot(killed), _snapshot(clean)
    assert len(a) == 30 and a == b
    assert _stories(killed) == _stories(clean)
