"""`dateline bench --n N`: the whole pipeline against bare spaCy on the same BBC texts.

In one run, on the first N articles of `../shared/data/news/bbc` (every folder, sorted, then
interleaved so topics mix), with the same worker count:
- full: read -> clean -> parse -> every stage -> store (a throw-away SQLite file);
- bare: `nlp.pipe` of the same model over the same cleaned texts, batched and forked the same way,
  as stock spaCy: its own components and thinc's blis matrix products (the full pipeline swaps in
  cached equivalents and numpy's BLAS, dateline/nlp_pipes, with the same annotations).
It prints articles/s, words/s, the ratio full/bare, peak RSS (parent and largest worker), peak
total PSS (MemorySampler) and the
CPU seconds per step (read, clean, parse, actors, quotes, events, dates, places, store), then one
Markdown row (with the commit) to paste into docs/results.md so runs compare across commits.
Per-step seconds are CPU time summed over workers, so with 2 workers they can exceed wall time.
Beside the wall-clock ratio it prints the CPU ratio (bare CPU seconds / full CPU seconds, all
processes), which holds when other work shares the machine.
"""
from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from multiprocessing import get_context
from pathlib import Path

STEPS = ("read", "clean", "parse", "actors", "quotes", "events", "dates", "places", "store")


def add_arguments(p) -> None:
    p.add_argument("--n", type=int, default=300, help="articles to process (default: 300)")
    p.add_argument("--workers", type=int, default=None, help="processes (default: all cores)")
    p.add_argument("--json", action="store_true", help="print the figures as one JSON object")


def bbc_files(n: int) -> list[Path]:
    """The first `n` BBC articles, topics interleaved (business, entertainment, ...)."""
    from .paths import shared_data

    root = Path(shared_data("news", "bbc"))
    folders = [sorted(d.glob("*.txt")) for d in sorted(root.iterdir()) if d.is_dir()]
    mixed = [f for group in zip(*folders) for f in group]
    return mixed[:n]


def _bare_batch(texts: list[str]) -> int:
    from . import nlp as nlp_mod

    return sum(len(doc) for doc in nlp_mod.load().pipe(texts))


def _cpu() -> float:
    """CPU seconds (user + system) of this process and its reaped children so far."""
    me, kids = (resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def bare_spacy(texts: list[str], workers: int) -> float:
    """Seconds for `nlp.pipe` over `texts` in `workers` forked processes, batches as the pipeline's."""
    from .pipeline import BATCH_SIZE, _batches

    from . import nlp as nlp_mod
    from .nlp_pipes import stock

    t = time.perf_counter()
    with stock(nlp_mod.load()):
        if workers <= 1:
            for batch in _batches(texts):
                _bare_batch(batch)
        else:
            with get_context("fork").Pool(workers) as pool:
                list(pool.imap(_bare_batch, _batches(texts, max(1, BATCH_SIZE // 2))))
    return time.perf_counter() - t


def full_pipeline(files: list[Path], workers: int, db: str) -> tuple[float, Counter, int]:
    """Seconds for read -> pipeline -> store; the per-step seconds; articles stored."""
    from .ingest import read_inputs
    from .pipeline import extract_stream
    from .store import open_store
    from .store.ingest import STORE_BATCH

    steps: Counter = Counter()
    stored = 0
    t0 = time.perf_counter()

    def timed_read():
        it = read_inputs(str(f) for f in files)
        while True:
            t = time.process_time()
            item = next(it, None)
            steps["read"] += time.process_time() - t
            if item is None:
                return
            yield item

    def write(batch: list) -> int:  # as `dateline ingest` does: STORE_BATCH per transaction
        t = time.process_time()
        n = sum(store.add_many(batch)) if batch else 0
        steps["store"] += time.process_time() - t
        batch.clear()
        return n

    with open_store(db) as store:
        batch: list = []
        for result in extract_stream(timed_read(), workers=workers, timings=steps):
            if hasattr(result, "to_dict"):
                batch.append(result)
            if len(batch) >= STORE_BATCH:
                stored += write(batch)
        stored += write(batch)
    return time.perf_counter() - t0, steps, stored


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


def _descendants(root: int) -> list[int]:
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


class MemorySampler(threading.Thread):
    """Peak total PSS (proportional set size, MB) of this process and its workers, sampled
    every `every` seconds. PSS splits a page shared by n processes n ways, so the sum is the
    memory the run really holds; the sum of RSS counts the model and knowledge that forked
    workers share with the parent once per process. Stays 0 where /proc has no smaps_rollup."""

    def __init__(self, every: float = 1.0):
        super().__init__(daemon=True)
        self.every, self.peak, self._halt = every, 0.0, threading.Event()
        self.cpu = 0.0  # CPU seconds this thread has used (the kernel's smaps walk included)

    def run(self) -> None:
        while not self._halt.is_set():
            pss = sum(proc_mb(p, "smaps_rollup", "Pss") for p in _descendants(os.getpid()))
            self.peak = max(self.peak, pss)
            self.cpu = time.thread_time()
            self._halt.wait(self.every)

    def stop(self) -> float:
        self._halt.set()
        self.join()
        return self.peak


def _commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, cwd=Path(__file__).parent, timeout=5).stdout.strip()
    except Exception:
        return "?"


def run(n: int, workers: int) -> dict:
    from .clean import to_article
    from .ingest import read_inputs
    from .pipeline import warm

    files = bbc_files(n)
    if not files:
        raise ValueError("no BBC articles found under the shared data folder (news/bbc)")
    warm()  # model and knowledge loaded once, before either side forks
    texts = [to_article(r).text for r in read_inputs(str(f) for f in files) if hasattr(r, "content")]
    words = sum(len(t.split()) for t in texts)
    sampler = MemorySampler()
    sampler.start()
    c0, m0 = _cpu(), sampler.cpu  # the sampler's own CPU is taken off each side
    bare_s = bare_spacy(texts, workers)
    c1, m1 = _cpu(), sampler.cpu
    with tempfile.TemporaryDirectory() as tmp:
        full_s, steps, stored = full_pipeline(files, workers, os.path.join(tmp, "bench.sqlite"))
    c2, m2 = _cpu(), sampler.cpu
    pss = sampler.stop()
    c1, c2 = c1 - (m1 - m0), c2 - (m2 - m0)
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "commit": _commit(), "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "articles": len(texts), "stored": stored, "words": words, "workers": workers,
        "full_s": round(full_s, 2), "bare_s": round(bare_s, 2),
        "full_articles_per_s": round(len(texts) / full_s, 2),
        "full_words_per_s": round(words / full_s),
        "bare_articles_per_s": round(len(texts) / bare_s, 2),
        "bare_words_per_s": round(words / bare_s),
        "ratio": round(bare_s / full_s, 3),
        "bare_cpu_s": round(c1 - c0, 2), "full_cpu_s": round(c2 - c1, 2),
        "cpu_ratio": round((c1 - c0) / max(c2 - c1, 1e-9), 3),
        "peak_rss_mb": {"parent": round(me), "largest_worker": round(kids),
                        "total_estimate": round(me + (workers if workers > 1 else 0) * kids),
                        "total_pss": round(pss)},
        "steps_s": {k: round(steps.get(k, 0.0), 2) for k in STEPS},
    }


def _rest(r: dict) -> float:
    return sum(v for k, v in r["steps_s"].items() if k != "parse")


def report(r: dict) -> str:
    lines = [
        f"dateline bench: {r['articles']} BBC articles, {r['words']} words, {r['workers']} workers,"
        f" commit {r['commit']}, {r['date']}",
        f"  full pipeline  {r['full_s']:8.2f} s  {r['full_articles_per_s']:7.2f} articles/s"
        f"  {r['full_words_per_s']:7d} words/s",
        f"  bare spaCy     {r['bare_s']:8.2f} s  {r['bare_articles_per_s']:7.2f} articles/s"
        f"  {r['bare_words_per_s']:7d} words/s",
        f"  ratio full/bare (throughput) {r['ratio']:.3f}",
        f"  CPU seconds, all processes: bare {r['bare_cpu_s']:.2f}, full {r['full_cpu_s']:.2f};"
        f" CPU ratio bare/full {r['cpu_ratio']:.3f}",
        f"  of the full run's steps: parse {r['steps_s']['parse']:.2f} CPU s (stock spaCy's"
        f" annotations, cheaper parts: nlp_pipes), everything else {_rest(r):.2f} CPU s"
        f" = {_rest(r) / max(r['steps_s']['parse'], 1e-9):.2f} x the parse",
        f"  peak RSS: parent {r['peak_rss_mb']['parent']} MB, largest worker "
        f"{r['peak_rss_mb']['largest_worker']} MB, total about {r['peak_rss_mb']['total_estimate']} MB"
        f" (parent + workers x largest: shared pages counted per process)",
        f"  peak total PSS (shared pages split among their processes, sampled every 1 s): "
        f"{r['peak_rss_mb']['total_pss']} MB",
        "  CPU seconds per step (summed over workers):",
    ]
    total = sum(r["steps_s"].values()) or 1.0
    for k, v in r["steps_s"].items():
        lines.append(f"    {k:<8} {v:8.2f} s {100 * v / total:5.1f} %")
    steps = " | ".join(f"{r['steps_s'][k]:.1f}" for k in STEPS)
    lines.append("  row: | " + " | ".join([r["date"], r["commit"], str(r["articles"]),
                                          str(r["workers"]), f"{r['full_articles_per_s']}",
                                          f"{r['bare_articles_per_s']}", f"{r['ratio']:.3f}",
                                          str(r["peak_rss_mb"]["total_estimate"])]) + f" | {steps} |")
    return "\n".join(lines)


def cmd_bench(args) -> int:
    from .pipeline import default_workers

    if args.n < 1:
        print("dateline: --n must be at least 1", file=sys.stderr)
        return 64
    if args.workers is not None and args.workers < 1:
        print("dateline: --workers must be at least 1", file=sys.stderr)
        return 64
    result = run(args.n, args.workers or default_workers())
    print(json.dumps(result, indent=1) if args.json else report(result))
    return 0
