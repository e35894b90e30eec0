"""`dateline serve` as a real process on loopback, and `dateline export --notes`."""
from __future__ import annotations

import json
import socket
import subprocess
import sys
import urllib.error
import urllib.request

import pytest

pytest.importorskip("uvicorn")

from store_samples import make_article  # noqa: E402
from web_store import LiveServer, _env, sample_store  # noqa: E402

from dateline.cli import build_parser, main  # noqa: E402
from dateline.store import open_store  # noqa: E402


def test_serve_binds_loopback_by_default():
    args = build_parser().parse_args(["serve", "--db", "x.sqlite"])
    assert args.host == "127.0.0.1" and args.port == 8000


def test_live_server_shows_new_articles_without_restart(tmp_path):
    db = sample_store(tmp_path / "s.sqlite")
    with LiveServer(db) as srv:
        before = srv.json("/api/events?limit=500")["items"]
        status, headers, body = srv.get("/")
        assert status == 200 and "script-src 'self'" in headers["content-security-policy"]
        with open_store(str(db)) as store:   # another writer, while the server runs
            store.add(make_article("late", "2025-04-01", [("SANCTION", "USA", "ISL", None)]))
        after = srv.json("/api/events?limit=500")["items"]
        assert len(after) == len(before) + 1
        assert srv.json("/api/articles/id-late")["events"][0]["type"] == "SANCTION"
        # the socket listens on loopback only
        with pytest.raises(urllib.error.HTTPError) as bad:
            srv.get("/api/events?limit=0")
        assert bad.value.code == 422
        assert _listening_addresses(srv.port) == {"127.0.0.1"}


def _listening_addresses(port: int) -> set:
    """IPv4/IPv6 addresses with a listening TCP socket on `port` (Linux /proc/net)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = open(table).read().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            local, state = line.split()[1], line.split()[3]
            addr, p = local.split(":")
            if state == "0A" and int(p, 16) == port:
                raw = bytes.fromhex(addr)
                if len(raw) == 4:
                    found.add(socket.inet_ntop(socket.AF_INET, raw[::-1]))
                else:
                    found.add("v6:" + addr)
    if not found:
        pytest.skip("/proc/net/tcp not readable")
    return found


def test_serve_reports_missing_store_and_busy_port(tmp_path, capsys):
    assert main(["serve", "--db", str(tmp_path / "none.sqlite")]) == 2
    assert "no such database file" in capsys.readouterr().err
    db = sample_store(tmp_path / "s.sqlite")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        done = subprocess.run([sys.executable, "-m", "dateline.cli", "serve", "--db", str(db),
                               "--port", str(port)], env=_env(), capture_output=True, text=True,
                              timeout=60)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert f"127.0.0.1:{port}" in done.stderr


def test_export_notes_as_corrections(tmp_path, capsys):
    from dateline.store.notes import add_note

    db = sample_store(tmp_path / "s.sqlite")
    with open_store(str(db)) as store:
        add_note(store.engine, {"author": "Ana", "kind": "flag", "article_id": "id-k1",
                                "event_id": "e2", "text": "No accusation in this sentence."})
        add_note(store.engine, {"author": "Bo", "kind": "correct", "article_id": "id-k1",
                                "event_id": "e1", "correction": {"status": "alleged"}})
        add_note(store.engine, {"author": "Cy", "kind": "note", "story_id": "st-a",
                                "text": "Same clash as last week."})
    out = tmp_path / "corrections.jsonl"
    assert main(["export", "--db", str(db), "--notes", "-o", str(out)]) == 0
    recs = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["label"] for r in recs] == ["wrong", "corrected", "comment"]
    assert recs[0]["event"]["type"] == "ACCUSE"
    assert recs[0]["evidence"] == recs[0]["event"]["evidence"]["text"]
    assert recs[1]["correction"] == {"status": "alleged"} and recs[1]["event"]["status"]
    assert recs[2]["story_id"] == "st-a" and recs[2]["event"] is None
    # plain export still exports articles
    assert main(["export", "--db", str(db)]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 6


def test_serve_with_two_worker_processes(tmp_path):
    db = sample_store(tmp_path / "s.sqlite")
    with LiveServer(db, extra=("--workers", "2")) as srv:
        for _ in range(6):
            assert len(srv.json("/api/events?limit=500")["items"]) == 7
        assert _listening_addresses(srv.port) == {"127.0.0.1"}
    # a wrong command line is refused before anything starts (README: exit 64)
    assert main(["serve", "--db", str(db), "--workers", "0"]) == 64
