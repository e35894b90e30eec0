"""`dateline ingest` as a real process: Ctrl-C keeps what is stored and prints the summary."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

TEXT = ("Officials from Kenya and Uganda met in Kampala on Monday to discuss a railway link, "
        "the ministry said in statement number {i}. Talks will continue next month.\n")


def _stored(db: str) -> int:
    try:
        with sqlite3.connect(db) as con:
            return con.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


N = 3000  # enough that the run is still going when Ctrl-C arrives, even on a fast machine


def test_ctrl_c_prints_the_summary_and_keeps_what_is_stored(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for i in range(N):
        (inputs / f"{i:03d}.txt").write_text(TEXT.format(i=i))
    db = str(tmp_path / "s.sqlite")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    proc = subprocess.Popen([sys.executable, "-c", "import signal, sys; from dateline.cli import main; "
                             # a shell's background job starts with SIGINT ignored; restore Ctrl-C
                             "signal.signal(signal.SIGINT, signal.default_int_handler); "
                             "sys.exit(main())", "ingest", str(inputs), "--db", db,
                             "--workers", "1"], stderr=subprocess.PIPE, text=True, env=env)
    deadline = time.time() + 240
    while _stored(db) < 3 and time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=240)  # generous: CI machines can be loaded
    assert proc.returncode == 130, err
    [summary] = [ln for ln in err.splitlines() if "ingested" in ln]
    assert summary.startswith("interrupted: ingested") and "Traceback" not in err
    stored = _stored(db)
    assert 3 <= stored < N and f"({stored} new" in summary
