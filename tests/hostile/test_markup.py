"""Hostile markup: scripts and event handlers never reach the text, deep nesting is bounded, and
XML entities in feeds are never expanded or fetched."""
from __future__ import annotations

import http.server
import threading

from .common import articles, assert_clean_stderr, run, story


def test_scripts_and_event_handlers_are_dropped(tmp_path):
    page = ("<html><head><script>document.write('INJECTED-HEAD')</script>"
            "<style>body{background:url(javascript:alert('INJECTED-CSS'))}</style></head><body>"
            "<article><h1>Border clash</h1><p onclick=\"alert('INJECTED-ATTR')\">"
            + story("Monday") + "</p><img src=x onerror=\"alert('INJECTED-IMG')\">"
            "<p><a href=\"javascript:alert('INJECTED-LINK')\">more</a></p>"
            "<script>fetch('http://127.0.0.1:9/INJECTED-BODY')</script></article></body></html>")
    p = tmp_path / "scripted.html"
    p.write_text(page, encoding="utf-8")
    proc, _ = run(["extract", "--workers", "1", "--format", "jsonl", str(p)])
    assert proc.returncode == 0, proc.stderr
    (a,) = articles(proc.stdout).values()
    assert "INJECTED" not in proc.stdout
    assert "Turkish troops shelled" in a["text"]


def test_hundred_thousand_levels_of_nesting_are_bounded(tmp_path):
    depth = 100_000
    page = ("<html><body>" + "<div>" * depth + "<p>" + story("Tuesday") + "</p>"
            + "</div>" * depth + "</body></html>")
    p = tmp_path / "deep.html"
    p.write_text(page, encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(story("Wednesday"), encoding="utf-8")
    proc, _ = run(["extract", "--workers", "1", "--format", "jsonl", str(p), str(good)], guard_s=180)
    lines = assert_clean_stderr(proc.stderr)
    got = articles(proc.stdout)
    assert str(good) in got
    if str(p) in got:  # recovered, or else exactly one line naming it
        assert proc.returncode == 0
    else:
        assert proc.returncode == 2 and len(lines) == 1 and str(p) in lines[0]


class _Spy(http.server.BaseHTTPRequestHandler):
    hits: list = []

    def do_GET(self):  # noqa: N802
        _Spy.hits.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"REMOTE-ENTITY-CONTENT")

    def log_message(self, *args):
        pass


def test_feed_entities_are_not_expanded_or_fetched(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("LOCAL-FILE-CONTENT", encoding="utf-8")
    server = http.server.HTTPServer(("127.0.0.1", 0), _Spy)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    try:
        for kind, wrap in {
            "rss": ('<rss version="2.0"><channel><title>t</title><item><title>&file;</title>'
                    '<link>https://example.org/a</link><description>{body} &file; &remote;'
                    '</description></item></channel></rss>'),
            "atom": ('<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry>'
                     '<title>&file;</title><id>https://example.org/b</id>'
                     '<content type="text">{body} &remote; &file;</content></entry></feed>'),
        }.items():
            doc = ('<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY file SYSTEM "file://{secret}">'
                   '<!ENTITY remote SYSTEM "http://127.0.0.1:{port}/x">]>\n' + wrap).format(
                secret=secret, port=port, body=story("Friday").strip())
            p = tmp_path / f"feed.{kind}.xml"
            p.write_text(doc, encoding="utf-8")
            proc, _ = run(["extract", "--workers", "1", "--format", "jsonl", str(p)])
            assert_clean_stderr(proc.stderr)
            assert "LOCAL-FILE-CONTENT" not in proc.stdout + proc.stderr
            assert "REMOTE-ENTITY-CONTENT" not in proc.stdout + proc.stderr
        assert _Spy.hits == []
    finally:
        server.shutdown()
