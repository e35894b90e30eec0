"""Stores and a live server for the web tests (importable helpers, not tests).

`real_store(dirpath)` builds, with the real pipeline and stories stage (`dateline ingest`), a
SQLite store from real articles read at run time from ../shared: the multi-site stories of
examples/stories/, the dev articles' `text`, and a slice of the BBC set. `sample_store(path)`
builds a small store from store_samples (no spaCy) for fast API tests. `LiveServer` runs
`dateline serve` in a child process on a free loopback port.
"""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

BBC_SLICE = [("politics", n) for n in range(1, 9)] + [("business", n) for n in range(1, 5)]


def real_inputs(shared: Path, out: Path) -> list[str]:
    """Write the chosen real articles as JSON Lines / text files under `out`; their paths."""
    out.mkdir(parents=True, exist_ok=True)
    jl = out / "articles.jsonl"
    with jl.open("w", encoding="utf-8") as f:
        for p in sorted((shared / "examples" / "stories").glob("s2-*.json")):
            d = json.loads(p.read_text(encoding="utf-8"))
            f.write(json.dumps({k: d.get(k) for k in ("text", "url", "published")}) + "\n")
        for p in sorted((shared / "examples" / "dev").glob("*.json")):
            d = json.loads(p.read_text(encoding="utf-8"))
            f.write(json.dumps({k: d.get(k) for k in ("text", "url", "title", "published")})
                    + "\n")
    bbc = out / "bbc"
    bbc.mkdir(exist_ok=True)
    for section, n in BBC_SLICE:
        src = shared / "data" / "news" / "bbc" / section / f"{n:03d}.txt"
        (bbc / f"{section}-{n:03d}.txt").write_bytes(src.read_bytes())
    return [str(jl), str(bbc)]


def real_store(shared: Path, workdir: Path) -> Path:
    """Ingest the real articles into workdir/real.sqlite with `dateline ingest` (stories
    included); returns the store path."""
    db = workdir / "real.sqlite"
    inputs = real_inputs(shared, workdir / "inputs")
    cmd = [sys.executable, "-m", "dateline.cli", "ingest", *inputs, "--db", str(db)]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600, env=_env())
    if done.returncode not in (0, 2) or not db.exists():
        raise RuntimeError(f"ingest failed: {done.stderr[-2000:]}")
    _ensure_stories(db)
    return db


def _ensure_stories(db: Path) -> None:
    """Place articles in stories if this version's ingest did not (older stories stage)."""
    from dateline.store import open_store

    with open_store(str(db), create=False) as store:
        if store.counts()["stories"]:
            return
        from dateline.stories import update_stories

        update_stories(store)


def sample_store(path: Path) -> Path:
    """A small store from store_samples: 6 articles, 3 stories (set directly)."""
    from store_samples import make_article

    from dateline.store import open_store

    arts = [
        make_article("k1", "2025-02-01", [("ASSAULT", "NOR", "KEN", "2025-01-31"),
                                          ("ACCUSE", "KEN", "NOR", None)],
                     [("Ana Diaz", "PER")], url="https://one.example/k1"),
        make_article("k2", "2025-02-02", [("ASSAULT", "NOR", "KEN", "2025-01-31")],
                     url="https://two.example/k2"),
        make_article("k3", "2025-02-03", [("AID", "USA", "PER", None)],
                     [("Bo Berg", "NOR")], url="https://three.example/k3"),
        make_article("k4", "2025-03-01", [("CONSULT", "ISL", "NOR", "2025-03-01"),
                                          ("AGREE", "ISL", "NOR", None)]),
        make_article("k5", None, [("PROTEST", "PER", "USA", None)]),
        make_article("k6", "2025-03-05", []),
    ]
    with open_store(str(path)) as store:
        for a in arts:
            store.add(a)
        store.set_stories([
            {"id": "st-a", "title": "Norway and Kenya", "score": 3.0,
             "article_ids": ["id-k1", "id-k2"]},
            {"id": "st-b", "title": "Aid to Peru", "score": 2.0, "article_ids": ["id-k3", "id-k5"]},
            {"id": "st-c", "title": "Iceland talks", "score": 1.0, "article_ids": ["id-k4"]},
        ])
    return path


def _env() -> dict:
    env = dict(os.environ)
    src = str(Path(__file__).resolve().parents[1] / "src")
    env["PYTHONPATH"] = src + os.pathsep + env.get("PYTHONPATH", "")
    return env


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """`dateline serve --db DB` on 127.0.0.1:<free port>, stopped on exit."""

    def __init__(self, db: Path, extra: tuple = ()):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.cmd = [sys.executable, "-m", "dateline.cli", "serve", "--db", str(db),
                    "--port", str(self.port), *extra]

    def __enter__(self) -> "LiveServer":
        self.proc = subprocess.Popen(self.cmd, env=_env(), stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited: {self.proc.stderr.read()[-2000:]}")
            try:
                with urllib.request.urlopen(self.url + "/api/stories?limit=1", timeout=2):
                    return self
            except OSError:
                time.sleep(0.2)
        self.__exit__()
        raise RuntimeError("server did not answer within 30 s")

    def get(self, path: str):
        with urllib.request.urlopen(self.url + path, timeout=10) as r:
            body = r.read()
            return r.status, dict(r.headers), body

    def json(self, path: str):
        return json.loads(self.get(path)[2])

    def __exit__(self, *exc) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
