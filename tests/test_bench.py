"""`dateline bench` runs both sides on the same texts and reports every step (no timing asserted)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def test_bench_reports_ratio_rss_and_every_step(shared):
    exe = Path(sys.executable).with_name("dateline")
    r = subprocess.run([str(exe), "bench", "--n", "6", "--workers", "2", "--json"],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["articles"] == 6 and out["stored"] == 6 and out["workers"] == 2
    assert set(out["steps_s"]) == {"read", "clean", "parse", "actors", "quotes", "events", "dates",
                                   "places", "store"}
    assert out["steps_s"]["parse"] > 0 and out["bare_s"] > 0
    assert 0 < out["ratio"] < 10 and 0 < out["cpu_ratio"] < 10
    assert out["full_cpu_s"] > out["steps_s"]["parse"] / 2  # workers' CPU is counted
    assert out["peak_rss_mb"]["parent"] > 50 and out["peak_rss_mb"]["total_pss"] > 50


def test_bench_rejects_bad_counts():
    exe = Path(sys.executable).with_name("dateline")
    r = subprocess.run([str(exe), "bench", "--n", "0"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 64 and "--n must be at least 1" in r.stderr


def test_report_sets_the_parse_beside_everything_else():
    from dateline.benchmark import STEPS, report

    steps = {k: 1.0 for k in STEPS} | {"parse": 4.0}
    r = {"articles": 3, "words": 30, "workers": 2, "commit": "x", "date": "d", "full_s": 2.0,
         "bare_s": 1.0, "full_articles_per_s": 1.5, "full_words_per_s": 15,
         "bare_articles_per_s": 3.0, "bare_words_per_s": 30, "ratio": 0.5, "bare_cpu_s": 3.0,
         "full_cpu_s": 12.0, "cpu_ratio": 0.25, "steps_s": steps,
         "peak_rss_mb": {"parent": 1, "largest_worker": 1, "total_estimate": 3, "total_pss": 2}}
    text = report(r)
    assert "parse 4.00 CPU s" in text and "everything else 8.00 CPU s = 2.00 x the parse" in text
