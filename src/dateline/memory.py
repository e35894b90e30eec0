"""The memory a run really holds, from Linux /proc: per process RSS, PSS and USS, and their totals.

- RSS (resident set size): every page a process has in memory, including the pages a forked
  worker shares with its parent (model, knowledge base, gazetteer). Summing RSS over processes
  counts each shared page once per process, so the sum overstates what the run holds.
- PSS (proportional set size): each page divided by the number of processes sharing it. The sum
  of PSS over processes is the memory the run holds.
- USS (unique set size, Private_Clean + Private_Dirty): pages only this process holds; what
  ending it would free.

Figures are MB (2**20 bytes) read from /proc/PID/smaps_rollup (Linux >= 4.14, see proc(5));
where it is missing they read 0.0. `MemorySampler` samples a process tree in a thread and keeps,
per phase ("bare", "full", ...), the peak total PSS, every process's figures at that moment, and
each process's own peak RSS.
"""
from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass


def child_pids(pid: int) -> list[int]:
    """Child processes of `pid`, forked by any of its threads (Linux /proc; the pool's handler
    thread starts replacement workers)."""
    out: list[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return out
    for tid in tasks:
        try:
            with open(f"/proc/{pid}/task/{tid}/children", encoding="ascii") as fh:
                out += [int(c) for c in fh.read().split()]
        except (OSError, ValueError):
            continue
    return out


def descendants(root: int) -> list[int]:
    """`root` and every process below it."""
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo += child_pids(pid)
    return out


def proc_mb(pid: int, file: str, key: str) -> float:
    """The kB figure on the `key:` line of /proc/PID/FILE, in MB (0.0 when unreadable), e.g.
    ("status", "VmRSS") for resident memory, ("smaps_rollup", "Pss") for proportional."""
    try:
        with open(f"/proc/{pid}/{file}", encoding="utf-8", errors="replace") as fh:
            for line in fh:
                if line.startswith(key + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


@dataclass
class Usage:
    """One process's memory in MB: rss, pss, uss (see the module docstring)."""
    rss: float = 0.0
    pss: float = 0.0
    uss: float = 0.0


def usage(pid: int) -> Usage:
    """RSS, PSS and USS of `pid` now, from one read of /proc/PID/smaps_rollup (zeros if gone)."""
    kb: dict[str, int] = {}
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="utf-8", errors="replace") as fh:
            for line in fh:
                key, _, rest = line.partition(":")
                parts = rest.split()
                if len(parts) == 2 and parts[1] == "kB":
                    kb[key] = int(parts[0])
    except (OSError, ValueError):
        return Usage()
    return Usage(kb.get("Rss", 0) / 1024, kb.get("Pss", 0) / 1024,
                 (kb.get("Private_Clean", 0) + kb.get("Private_Dirty", 0)) / 1024)


class MemorySampler(threading.Thread):
    """Samples this process and its descendants every `every` seconds.

    Set `phase` to label what runs (samples go to that phase). Per phase it keeps the peak of
    the total PSS over processes at one sampling moment (`peak_pss[phase]`, MB; the memory the
    run holds), each process's `Usage` at that moment (`at_peak[phase][pid]`: their PSS add up
    to the peak) and each process's own peak RSS (`peak_rss[phase][pid]`, MB).
    A peak between two samples can be missed: `every` bounds how long it can last unseen.
    `cpu` is the CPU seconds this thread has used (the kernel's page-table walks included), so
    a benchmark can take it off its own figures.
    """

    def __init__(self, every: float = 0.5):
        super().__init__(daemon=True)
        self.every, self._halt = every, threading.Event()
        self.phase = ""
        self.root = os.getpid()
        self.peak_pss: dict[str, float] = {}
        self.at_peak: dict[str, dict[int, Usage]] = {}
        self.peak_rss: dict[str, dict[int, float]] = {}
        self.cpu = 0.0

    def sample(self) -> float:
        """Take one sample now; returns the total PSS (MB)."""
        phase = self.phase
        now = {pid: usage(pid) for pid in descendants(self.root)}
        now = {pid: use for pid, use in now.items() if use.rss > 0.0}  # gone meanwhile
        rss = self.peak_rss.setdefault(phase, {})
        for pid, use in now.items():
            rss[pid] = max(rss.get(pid, 0.0), use.rss)
        total = sum(use.pss for use in now.values())
        if total > self.peak_pss.get(phase, -1.0):
            self.peak_pss[phase], self.at_peak[phase] = total, now
        return total

    def run(self) -> None:
        while not self._halt.is_set():
            self.sample()
            self.cpu = time.thread_time()
            self._halt.wait(self.every)

    def stop(self) -> float:
        """Stop sampling; returns the peak total PSS over every phase (MB)."""
        self._halt.set()
        self.join()
        return max(self.peak_pss.values(), default=0.0)

    def table(self, phase: str) -> list[dict]:
        """The phase's processes at its peak total PSS, the root first: {"role", "pid", "rss",
        "pss", "uss", "peak_rss"} in MB, rounded (peak_rss: the process's own peak in the phase)."""
        rows = []
        for pid, use in sorted(self.at_peak.get(phase, {}).items(),
                               key=lambda kv: (kv[0] != self.root, kv[0])):
            rows.append({"role": "parent" if pid == self.root else "worker", "pid": pid,
                         "rss": round(use.rss), "pss": round(use.pss), "uss": round(use.uss),
                         "peak_rss": round(self.peak_rss.get(phase, {}).get(pid, use.rss))})
        return rows
