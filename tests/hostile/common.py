"""Helpers for the hostile-input suite: run the real `dateline` command with a hang guard."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time

# Invented news, written for these tests (distinct days give distinct texts, hence distinct ids).
STORY = ("Officials in Ankara said on {day} that Turkish troops shelled Kurdish positions near "
         "the border. The Turkish defence ministry accused the militants of attacking a patrol. "
         "\"We will not negotiate with them,\" the minister told reporters. Kurdish leaders "
         "denied the claim and called for talks with the government.\n")


def story(day: str = "Monday") -> str:
    return STORY.format(day=day)


def dateline_exe() -> list[str]:
    exe = os.path.join(os.path.dirname(sys.executable), "dateline")
    return [exe] if os.path.exists(exe) else [sys.executable, "-m", "dateline.cli"]


def run(args: list[str], guard_s: float = 120, **kw) -> tuple[subprocess.CompletedProcess, float]:
    """Run `dateline ARGS`; fails the test (TimeoutExpired) if it is still running after `guard_s`.
    Returns the completed process and its wall time in seconds."""
    t = time.perf_counter()
    proc = subprocess.run(dateline_exe() + args, capture_output=True, text=True, timeout=guard_s,
                          stdin=subprocess.DEVNULL, **kw)
    return proc, time.perf_counter() - t


def articles(stdout: str) -> dict:
    """JSON Lines output -> {input: article}."""
    out = {}
    for line in stdout.splitlines():
        a = json.loads(line)
        out[a["input"]] = a
    return out


def assert_clean_stderr(stderr: str) -> list[str]:
    """No traceback, and every line is `dateline: ...`. Returns the lines."""
    assert "Traceback" not in stderr, stderr
    lines = [x for x in stderr.splitlines() if x.strip()]
    for line in lines:
        assert line.startswith("dateline: "), line
    return lines


def assert_offsets(article: dict) -> None:
    text = article["text"]
    for e in article["events"]:
        ev = e["evidence"]
        assert text[ev["start"]:ev["end"]] == ev["text"], ev
    for q in article["quotes"]:
        assert text[q["start"]:q["end"]] == q["text"], q
