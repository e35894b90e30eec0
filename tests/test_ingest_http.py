"""URL inputs against a real HTTP server on 127.0.0.1 (started here, in a thread)."""
from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from dateline.ingest import InputError, Record, read_inputs
from dateline.ingest.fetch import USER_AGENT, read_url

PAGE = b"""<!DOCTYPE html><html><head><title>Mali and Niger open joint border patrols</title>
</head><body><article><h1>Mali and Niger open joint border patrols</h1>
<p>Mali and Niger began joint patrols along their shared border on Wednesday, the two
defence ministries said in a statement issued in Niamey.</p></article></body></html>"""

FEED = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<link>http://x/</link><description>d</description>
<item><title>Mali and Niger open patrols</title><link>{base}/article</link>
<pubDate>Wed, 05 Mar 2025 10:00:00 GMT</pubDate><description>Teaser.</description></item>
<item><title>Gone</title><link>{base}/missing</link><description>Teaser.</description></item>
</channel></rss>"""


LATIN = ("<html><body><p>Le président a visité Genève et Zürich lundi, a indiqué "
         "l'Élysée dans un communiqué publié à Paris.</p></body></html>").encode("iso-8859-1")


class Handler(BaseHTTPRequestHandler):
    seen_agents: list = []
    seen_paths: list = []

    def log_message(self, *args):  # keep test output quiet
        pass

    def _send(self, status, body=b"", ctype="text/html; charset=utf-8", headers=()):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        Handler.seen_agents.append(self.headers.get("User-Agent"))
        Handler.seen_paths.append(self.path)
        base = f"http://127.0.0.1:{self.server.server_port}".encode()
        routes = {
            "/article": lambda: self._send(200, PAGE),
            "/feed": lambda: self._send(200, FEED.replace(b"{base}", base), "application/rss+xml"),
            "/moved": lambda: self._send(301, headers=[("Location", "/article")]),
            "/loop": lambda: self._send(302, headers=[("Location", "/loop")]),
            "/big": lambda: self._send(200, b"<p>" + b"x" * 5000 + b"</p>"),
            "/slow": self._slow,
            "/latin": lambda: self._send(200, LATIN, "text/html; charset=iso-8859-1"),
        }
        routes.get(self.path, lambda: self._send(404, b"not here"))()

    def _slow(self):
        time.sleep(1.5)
        self._send(200, PAGE)


@pytest.fixture(scope="module")
def base():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_article_page(base):
    [rec] = list(read_inputs([f"{base}/article"]))
    assert isinstance(rec, Record) and rec.is_html
    assert rec.url == f"{base}/article" and rec.input == f"{base}/article"
    assert "joint patrols" in rec.content
    assert Handler.seen_agents[-1] == USER_AGENT


def test_redirect_gives_final_url(base):
    [rec] = list(read_url(f"{base}/moved"))
    assert rec.url == f"{base}/article"


def test_feed_items_are_followed_to_their_pages(base):
    items = list(read_url(f"{base}/feed"))
    assert len(items) == 2
    page, gone = items
    assert isinstance(page, Record) and page.url == f"{base}/article"
    assert page.title == "Mali and Niger open patrols" and page.published == "2025-03-05"
    assert page.input == f"{base}/feed:1"
    assert isinstance(gone, InputError) and "404" in gone.reason


@pytest.mark.parametrize("path, kwargs, words", [
    ("/missing", {}, "HTTP 404"),
    ("/loop", {}, "redirects"),
    ("/big", {"max_bytes": 1000}, "larger than 1000 bytes"),
    ("/slow", {"timeout": 0.3}, "timed out"),
])
def test_failures_are_one_line_errors(base, path, kwargs, words):
    [err] = list(read_url(f"{base}{path}", **kwargs))
    assert isinstance(err, InputError) and words in err.reason
    assert err.input_name == f"{base}{path}" and "\n" not in str(err)


def test_unreachable_server_is_an_error():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    port = server.server_port
    server.server_close()  # nothing listens on this port any more
    [err] = list(read_inputs([f"http://127.0.0.1:{port}/article"]))
    assert isinstance(err, InputError) and "could not fetch" in err.reason


def test_server_declared_charset(base):
    [rec] = list(read_url(f"{base}/latin"))
    assert "président a visité Genève et Zürich" in rec.content


def test_cli_extracts_a_url(base, capsys, nlp):
    import json

    from dateline.cli import main

    assert main(["extract", f"{base}/article", "--workers", "1"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["url"] == f"{base}/article" and doc["input"] == f"{base}/article"
    assert doc["title"] == "Mali and Niger open joint border patrols"
    assert doc["text"].startswith("Mali and Niger began joint patrols")


def test_reingesting_a_feed_does_not_download_stored_pages(base, tmp_path, capsys, nlp):
    from dateline.cli import main

    db = str(tmp_path / "feed.sqlite")
    Handler.seen_paths.clear()
    assert main(["ingest", f"{base}/feed", "--db", db, "--workers", "1"]) == 2  # /missing is 404
    assert Handler.seen_paths.count("/article") == 1
    Handler.seen_paths.clear()
    assert main(["ingest", f"{base}/feed", "--db", db, "--workers", "1"]) == 2
    assert Handler.seen_paths.count("/feed") == 1 and "/article" not in Handler.seen_paths
    summary = [ln for ln in capsys.readouterr().err.splitlines() if ln.startswith("ingested")]
    assert "(0 new, 1 already stored)" in summary[-1]
