"""Readers on inputs written for these tests: text, HTML, JSON Lines, RSS/Atom, WARC,
directories (with gzip), standard input, and bad inputs. URL fetching: tests/test_ingest_http.py."""
from __future__ import annotations

import gzip
import io
import sys

from dateline.ingest import InputError, Record, read_inputs, read_path

ARTICLE = """Harbour workers in Valparaiso end week-long strike

Dock workers in the Chilean port of Valparaiso returned to work on Thursday after the port
authority agreed to review their contracts, the union said.
"""

HTML = """<!DOCTYPE html><html><head><title>Norway pledges flood aid to Malawi</title></head>
<body><nav>Home | World | Sport</nav><article><h1>Norway pledges flood aid to Malawi</h1>
<p>Norway will send emergency funds to Malawi after floods destroyed thousands of homes in
the south of the country, the foreign ministry in Oslo said on Monday.</p></article></body></html>
"""

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Example Wire</title><link>https://wire.example/</link><description>d</description>
<item><title>Peru and Bolivia agree to share lake patrols</title>
<link>https://wire.example/peru-bolivia</link><pubDate>Tue, 04 Mar 2025 09:30:00 GMT</pubDate>
<description>Short teaser.</description>
<content:encoded><![CDATA[<p>{body}</p><p>{body}</p>]]></content:encoded></item>
<item><title>Teaser only</title><link>https://wire.example/teaser</link>
<description>Only a teaser here.</description></item>
</channel></rss>
""".replace("{body}", "Peru and Bolivia signed an agreement on Tuesday to run joint patrols on "
            "Lake Titicaca against smuggling, officials of both governments said in La Paz. " * 3)

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom wire</title><id>urn:x</id>
<updated>2025-01-02T00:00:00Z</updated>
<entry><title>Ghana opens new border post</title><id>urn:1</id>
<link href="https://atom.example/ghana"/><published>2025-01-02T08:00:00Z</published>
<content type="html">&lt;p&gt;{body}&lt;/p&gt;</content></entry></feed>
""".replace("{body}", "Ghana opened a new border post with Togo on Thursday to ease the "
            "movement of traders, the interior ministry said in Accra. " * 5)


def _items(*paths):
    return list(read_inputs([str(p) for p in paths]))


def test_plain_text_file(tmp_path):
    p = tmp_path / "strike.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    [rec] = _items(p)
    assert isinstance(rec, Record) and not rec.is_html
    assert rec.input == str(p) and "Valparaiso" in rec.content


def test_html_is_sniffed_not_guessed_from_extension(tmp_path):
    p = tmp_path / "page.txt"  # HTML behind a .txt name
    p.write_text(HTML, encoding="utf-8")
    [rec] = _items(p)
    assert rec.is_html


def test_latin1_text_is_decoded(tmp_path):
    p = tmp_path / "old.txt"
    p.write_bytes("Le ministre a parlé à Genève hier soir.\n".encode("cp1252"))
    [rec] = _items(p)
    assert "Genève" in rec.content


def test_utf16_text_is_decoded(tmp_path):
    p = tmp_path / "windows.txt"
    p.write_bytes(ARTICLE.encode("utf-16"))
    [rec] = _items(p)
    assert isinstance(rec, Record) and "Valparaiso" in rec.content


def test_jsonl_good_and_bad_lines(tmp_path):
    p = tmp_path / "batch.jsonl"
    p.write_text(
        '{"text": "Kenya and Uganda signed a rail deal.", "url": "https://a.example/1", '
        '"published": "2024-02-03", "title": "Rail deal"}\n'
        '{"text": broken\n'
        "\n"
        '["not", "an", "object"]\n'
        '{"url": "https://a.example/no-text"}\n'
        '{"html": "<p>Chad closed its border with Sudan.</p>"}\n', encoding="utf-8")
    items = _items(p)
    assert [type(x).__name__ for x in items] == ["Record", "InputError", "InputError",
                                                 "InputError", "Record"]
    good = items[0]
    assert (good.input, good.url, good.published, good.title) == (
        f"{p}:1", "https://a.example/1", "2024-02-03", "Rail deal")
    assert items[1].input_name == f"{p}:2" and "not valid JSON" in items[1].reason
    assert items[2].input_name == f"{p}:4" and items[3].input_name == f"{p}:5"
    assert items[4].is_html and items[4].input == f"{p}:6"


def test_rss_items_with_full_content_become_articles(tmp_path):
    p = tmp_path / "wire.xml"
    p.write_text(RSS, encoding="utf-8")
    first, second = _items(p)
    assert isinstance(first, Record) and first.is_html
    assert first.url == "https://wire.example/peru-bolivia"
    assert first.title == "Peru and Bolivia agree to share lake patrols"
    assert first.published == "2025-03-04" and first.input == f"{p}:1"
    # a teaser item in a local file cannot be followed: its description is read, with a warning
    assert isinstance(second, Record) and second.input == f"{p}:2"
    assert second.content == "Only a teaser here." and not second.is_html
    assert "https://wire.example/teaser" in second.warnings[0]


def test_atom_entry(tmp_path):
    p = tmp_path / "feed"  # no extension at all
    p.write_text(ATOM, encoding="utf-8")
    [rec] = _items(p)
    assert rec.url == "https://atom.example/ghana" and rec.published == "2025-01-02"
    assert "border post with Togo" in rec.content


def _write_warc(path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for uri, ctype, body in [
            ("https://news.example/a", "text/html; charset=utf-8", HTML.encode()),
            ("https://news.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n\x00\x00"),
        ]:
            http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                            http_headers=http,
                                            warc_headers_dict={"WARC-Date": "2025-02-10T12:00:00Z"})
            writer.write_record(rec)


def test_warc_html_responses_become_articles(tmp_path):
    p = tmp_path / "crawl.warc.gz"
    _write_warc(p)
    items = _items(p)
    assert len(items) == 1
    rec = items[0]
    assert rec.is_html and rec.url == "https://news.example/a"
    assert rec.fallback_published == "2025-02-10" and rec.published is None
    assert rec.input.startswith(f"{p}:")


def test_truncated_warc_is_one_error(tmp_path):
    good = tmp_path / "crawl.warc.gz"
    _write_warc(good)
    bad = tmp_path / "cut.warc"
    bad.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 999\r\n\r\nshort")
    items = _items(bad)
    assert all(isinstance(x, InputError) for x in items) and len(items) <= 1


def test_directory_recursive_with_gzip_and_sniffing(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "b").mkdir()
    (tmp_path / "a" / "one.txt").write_text(ARTICLE, encoding="utf-8")
    with gzip.open(tmp_path / "a" / "b" / "two.dat.gz", "wt", encoding="utf-8") as fh:
        fh.write(HTML)
    (tmp_path / "a" / ".hidden.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a" / "picture.bin").write_bytes(bytes(range(256)) * 4)
    items = _items(tmp_path)
    records = [x for x in items if isinstance(x, Record)]
    errors = [x for x in items if isinstance(x, InputError)]
    assert [r.is_html for r in records] == [False, True]  # a folder's files, then its subfolders
    assert records[1].input.endswith("two.dat.gz") and "Norway" in records[1].content
    assert len(errors) == 1 and errors[0].input_name.endswith("picture.bin")


def test_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode("utf-8"))))
    [rec] = list(read_path("-"))
    assert rec.input == "-" and "Valparaiso" in rec.content


def test_bad_inputs_each_give_one_error(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    corrupt = tmp_path / "broken.gz"
    corrupt.write_bytes(b"\x1f\x8b\x08\x00garbage-not-deflate")
    items = _items(tmp_path / "missing.txt", empty, corrupt, "ftp://files.example/a.txt")
    assert [type(x) for x in items] == [InputError] * 4
    assert "no such file" in items[0].reason and "empty" in items[1].reason
    assert "gzip" in items[2].reason and "scheme" in items[3].reason
    assert all("\n" not in str(x) for x in items)


def test_short_content_encoded_is_still_the_article(tmp_path):
    """content:encoded is the body by definition; only descriptions need to be long."""
    feed = RSS.split("<item><title>Teaser")[0].replace(
        "<p>{}</p><p>{}</p>", "") + "</channel></rss>"
    short = feed.replace(feed[feed.index("<![CDATA[") + 9: feed.index("]]>")],
                         "<p>Chile recalled its ambassador from Lima on Friday.</p>")
    path = tmp_path / "short.xml"
    path.write_text(short, encoding="utf-8")
    items = list(read_inputs([str(path)]))
    assert [type(i).__name__ for i in items] == ["Record"]
    assert "recalled its ambassador" in items[0].content
