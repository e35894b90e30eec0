"""`dateline spark` on a real local[2] Spark gives the same records as `dateline extract`."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pyspark")
if not shutil.which("java"):
    pytest.skip("Spark needs Java (apt-get install openjdk-17-jre-headless)", allow_module_level=True)

N = int(os.environ.get("DATELINE_SPARK_N", "300"))  # the check: 300 BBC articles


def _dateline(*args, **kw):
    exe = Path(sys.executable).with_name("dateline")
    env = dict(os.environ, SPARK_LOCAL_IP="127.0.0.1", PYSPARK_PYTHON=sys.executable)
    return subprocess.run([str(exe), *args], capture_output=True, text=True, env=env, **kw)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, shared):
    """N BBC articles across topics, plus one JSON Lines file of three records and one bad file."""
    folder = tmp_path_factory.mktemp("spark_in")
    files = sorted((shared / "data" / "news" / "bbc").rglob("*.txt"))[::7][:N]
    for i, f in enumerate(files):
        shutil.copy(f, folder / f"{i:04d}-{f.parent.name}-{f.name}")
    lines = [json.dumps({"text": f.read_text(encoding="latin-1"), "url": f"https://example.org/{i}"})
             for i, f in enumerate(files[:3])]
    (folder / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return folder


def test_spark_records_equal_extract(corpus, tmp_path):
    out = tmp_path / "out"
    spark = _dateline("spark", str(corpus), "--output", str(out), "--master", "local[2]", timeout=1200)
    assert spark.returncode == 2, spark.stderr  # the empty file fails, the rest is written
    assert "empty.txt: empty input" in spark.stderr
    got = {}
    for part in sorted(out.glob("part-*")):
        for line in part.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            got[rec["input"]] = rec
    local = _dateline("extract", str(corpus), "--format", "jsonl", "--workers", "2", timeout=1200)
    assert local.returncode == 2
    want = {}
    for line in local.stdout.splitlines():
        rec = json.loads(line)
        want[rec["input"]] = rec
    assert len(want) == N + 3
    assert set(got) == set(want)
    for key in want:
        assert got[key] == want[key], key


def test_spark_refuses_a_non_empty_output(corpus, tmp_path):
    (tmp_path / "x").write_text("keep me")
    r = _dateline("spark", str(corpus), "--output", str(tmp_path), timeout=120)
    assert r.returncode == 64
    assert "not empty" in r.stderr and (tmp_path / "x").read_text() == "keep me"
