"""dateline.memory: RSS, PSS and USS from /proc, and the sampler's peak total PSS over a process
tree (a forked child sharing its parent's pages must not be counted twice)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest

from dateline.memory import MemorySampler, descendants, usage

pytestmark = pytest.mark.skipif(not os.path.exists(f"/proc/{os.getpid()}/smaps_rollup"),
                                reason="needs Linux /proc/PID/smaps_rollup")


def test_usage_of_this_process_is_ordered_uss_pss_rss():
    use = usage(os.getpid())
    assert 0 < use.uss <= use.pss <= use.rss


def test_usage_of_a_missing_process_is_zero():
    assert usage(2 ** 22 + 12345).rss == 0.0


def _fork_child(seconds: float) -> int:
    pid = os.fork()
    if pid == 0:  # the child: touch nothing, hold the parent's pages shared, then leave
        time.sleep(seconds)
        os._exit(0)
    return pid


def test_a_forked_child_shares_its_parents_pages_and_pss_counts_them_once():
    ballast = bytearray(os.urandom(64 * 2 ** 20))  # 64 MB the child shares copy-on-write
    child = _fork_child(3.0)
    try:
        time.sleep(0.5)
        assert child in descendants(os.getpid())
        me, kid = usage(os.getpid()), usage(child)
        assert kid.rss > 64 and kid.uss < kid.rss / 2  # its RSS counts the shared ballast
        sampler = MemorySampler(every=0.1)
        sampler.phase = "forked"
        total = sampler.sample()
        rows = sampler.table("forked")
        assert [r["role"] for r in rows] == ["parent", "worker"]
        assert abs(sum(r["pss"] for r in rows) - total) <= 2  # the table adds up to the peak
        assert total < me.rss + kid.rss - 60  # the shared ballast is not counted twice
    finally:
        os.waitpid(child, 0)
        del ballast


# Run in a fresh interpreter: inside the test session, other tests' forked children come and go
# and free memory, so this process's PSS can move by tens of MB between the two phases.
_PHASES = """
import json, os, time
from dateline.memory import MemorySampler
sampler = MemorySampler(every=0.05)
sampler.phase = "small"
sampler.start()
time.sleep(0.3)
sampler.phase = "large"
ballast = bytearray(os.urandom(48 * 2 ** 20))
time.sleep(0.3)
peak = sampler.stop()
print(json.dumps({"peak": peak, "small": sampler.peak_pss["small"], "large": sampler.peak_pss["large"]}))
"""


def test_the_sampler_thread_keeps_the_peak_of_each_phase():
    out = subprocess.run([sys.executable, "-c", _PHASES], capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    peaks = json.loads(out.stdout)
    assert peaks["large"] >= peaks["small"] + 40
    assert peaks["peak"] == peaks["large"]
