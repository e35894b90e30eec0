"""`dateline watch` against a real HTTP server on 127.0.0.1: conditional GET (304 costs
nothing), seen items never fetched again, a down / failing / malformed feed is logged and the
others still polled, and stories update as new items arrive."""
from __future__ import annotations

import html
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from dateline.cli import main
from dateline.clean import article_id
from dateline.store import open_store
from dateline.store.stories import story_of_article
from dateline.stories.watch import parse_every

import stories_samples as S

PAGES = {"/a1": S.BUDGET_A, "/a2": S.UNRELATED, "/a3": S.BUDGET_B}


def _page(d: dict) -> bytes:
    paras = "".join(f"<p>{html.escape(p)}</p>" for p in d["text"].split("\n\n"))
    return (f"<html><head><title>{html.escape(d['title'])}</title></head><body><article>"
            f"<h1>{html.escape(d['title'])}</h1>{paras}</article></body></html>").encode()


def _feed(base: str, paths: list) -> bytes:
    items = "".join(
        f"<item><title>{html.escape(PAGES[p]['title'])}</title><link>{base}{p}</link>"
        f"<pubDate>{_rfc(PAGES[p]['published'])}</pubDate><description>Teaser.</description>"
        f"</item>" for p in paths)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
            f"<link>{base}/</link><description>d</description>{items}</channel></rss>").encode()


def _rfc(day: str) -> str:
    from datetime import date
    from email.utils import format_datetime
    from datetime import datetime, timezone

    d = date.fromisoformat(day)
    return format_datetime(datetime(d.year, d.month, d.day, 9, tzinfo=timezone.utc))


FEEDS = {"/dead": ["/gone1", "/gone2"], "/half": ["/gone3", "/a2"]}


def _links_feed(base: str, paths: list) -> bytes:
    items = "".join(f"<item><title>Item {p}</title><link>{base}{p}</link>"
                    f"<description>Teaser.</description></item>" for p in paths)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}'
            f"</channel></rss>").encode()


class Handler(BaseHTTPRequestHandler):
    hits: Counter = Counter()
    feed_paths = ["/a1", "/a2"]
    conditional: list = []

    def log_message(self, *args):
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
        Handler.hits[self.path] += 1
        base = f"http://127.0.0.1:{self.server.server_port}"
        if self.path == "/feed":
            etag = '"v%d"' % len(Handler.feed_paths)
            Handler.conditional.append(self.headers.get("If-None-Match"))
            if self.headers.get("If-None-Match") == etag:
                return self._send(304)
            return self._send(200, _feed(base, Handler.feed_paths), "application/rss+xml",
                              [("ETag", etag), ("Last-Modified", "Tue, 04 Mar 2025 09:00:00 GMT")])
        if self.path == "/broken":
            return self._send(500, b"oops")
        if self.path == "/notfeed":
            return self._send(200, b"<html><body>no feed here</body></html>")
        if self.path in PAGES:
            return self._send(200, _page(PAGES[self.path]))
        if self.path in FEEDS:  # feeds whose items' pages may be missing (404)
            return self._send(200, _links_feed(base, FEEDS[self.path]), "application/rss+xml")
        self._send(404, b"not here")


@pytest.fixture(scope="module")
def server():
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{srv.server_port}"
    srv.shutdown()


def _closed_port() -> str:
    import socket

    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return f"http://127.0.0.1:{port}/feed"


def test_every_accepts_durations_only():
    assert parse_every("15m") == 900 and parse_every("30s") == 30 and parse_every("2h") == 7200
    for bad in ("soon", "0m", "-5s", ""):
        with pytest.raises(ValueError):
            parse_every(bad)


def test_watch_polls_incrementally_and_survives_bad_feeds(server, tmp_path, capsys, nlp):
    db = str(tmp_path / "w.sqlite")
    bad = [server + "/broken", server + "/notfeed", _closed_port(), str(tmp_path / "nofile.xml")]
    assert main(["watch", server + "/feed", *bad, "--db", db, "--once"]) == 0
    err = capsys.readouterr().err
    assert "HTTP 500" in err and "not a readable RSS/Atom feed" in err
    assert err.count("dateline: watch") == 4          # one line per bad feed, no traceback
    assert "Traceback" not in err
    assert Handler.hits["/a1"] == Handler.hits["/a2"] == 1
    with open_store(db, create=False) as store:
        assert store.counts()["articles"] == 2

    # nothing changed: conditional GET answers 304, twice, and no page is fetched again
    assert main(["watch", server + "/feed", "--db", db, "--every", "0.05s",
                 "--max-polls", "2"]) == 0
    assert "not modified" in capsys.readouterr().err
    assert Handler.conditional[-2:] == ['"v2"', '"v2"']
    assert Handler.hits["/a1"] == Handler.hits["/a2"] == 1

    # a new item: only its page is fetched, and it joins the story it belongs to
    Handler.feed_paths = ["/a3", "/a1", "/a2"]
    assert main(["watch", server + "/feed", "--db", db, "--once"]) == 0
    assert "1 new items of 3" in capsys.readouterr().err
    assert Handler.hits["/a3"] == 1 and Handler.hits["/a1"] == Handler.hits["/a2"] == 1
    with open_store(db, create=False) as store:
        a1 = story_of_article(store, article_id(server + "/a1", ""))
        assert a1 is not None
        assert story_of_article(store, article_id(server + "/a3", "")) == a1
        assert story_of_article(store, article_id(server + "/a2", "")) != a1


def test_watch_fails_when_nothing_could_be_read(server, tmp_path, capsys, nlp):
    db = str(tmp_path / "dead.sqlite")
    # every item page is missing: each is named, and the run exits 2 with a summary line
    assert main(["watch", server + "/dead", "--db", db, "--once"]) == 2
    err = capsys.readouterr().err
    assert err.count("HTTP 404") == 2 and "/dead:1" in err and "/dead:2" in err
    assert "watch read nothing" in err and "2 of 2 new items failed" in err
    assert "Traceback" not in err
    # every feed is missing or unreadable: exit 2 too
    assert main(["watch", str(tmp_path / "no.xml"), server + "/broken", "--db", db,
                 "--once"]) == 2
    assert "0 of 0 new items" in capsys.readouterr().err
    # one page missing among readable ones: the run goes on, exits 0, and the missing page is
    # not remembered, so the next poll asks for it again
    Handler.hits["/gone3"] = 0
    assert main(["watch", server + "/half", "--db", db, "--once"]) == 0
    assert "1 failed" in capsys.readouterr().err
    assert main(["watch", server + "/half", "--db", db, "--once"]) == 2  # only /gone3 was new
    assert Handler.hits["/gone3"] == 2
    with open_store(db, create=False) as store:
        assert store.counts()["articles"] == 1


@pytest.mark.parametrize("args", [["--every", "soon"], ["--every", "0s"], ["--max-polls", "0"],
                                  ["--workers", "0"]])
def test_watch_bad_options_are_usage_errors(args, tmp_path, capsys):
    db = tmp_path / "never.sqlite"
    assert main(["watch", "feed.xml", "--db", str(db), *args]) == 64
    assert "Traceback" not in capsys.readouterr().err and not db.exists()
