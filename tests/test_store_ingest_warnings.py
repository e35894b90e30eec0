"""`dateline ingest` says each article's warnings on stderr, one line naming the input, as
`dateline extract` does (before, a text cut at the size cap or a feed item coded from its teaser
was stored without a word; found by a new user, round 7). The articles are still stored."""
from __future__ import annotations

from dateline.cli import main
from dateline.store import open_store

FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Talks in Oslo</title><link>https://example.org/oslo-talks</link>
<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>
<description>Norwegian and Kenyan envoys met in Oslo on Tuesday to discuss fishing rights.</description>
</item></channel></rss>
"""


def test_ingest_prints_warnings_and_stores_the_articles(tmp_path, capsys):
    feed = tmp_path / "wire.rss"
    feed.write_text(FEED, encoding="utf-8")
    lines = tmp_path / "a.jsonl"
    lines.write_text('{"text": "Peru thanked Chile for its help.", "published": "later"}\n',
                     encoding="utf-8")
    db = tmp_path / "w.sqlite"
    assert main(["ingest", str(feed), str(lines), "--db", str(db)]) == 0
    err = capsys.readouterr().err
    assert f"{feed}:1: warning: no full article" in err
    assert f"{lines}:1: warning: published date 'later' not understood" in err
    with open_store(str(db), create=False) as store:
        assert store.counts()["articles"] == 2


def test_no_warning_no_line(tmp_path, capsys):
    path = tmp_path / "clean.txt"
    path.write_text("Peru thanked Chile for its help on Monday.\n", encoding="utf-8")
    assert main(["ingest", str(path), "--db", str(tmp_path / "c.sqlite")]) == 0
    assert ": warning:" not in capsys.readouterr().err
