"""Feeds escaped more than once (wild input 17's kind), on feeds written for these tests."""
from __future__ import annotations

from dateline.clean import to_article
from dateline.ingest.record import Record
from dateline.ingest.rss import plain_title, read_feed, unwrap_escaped_cdata

BODY = ("&lt;p&gt;GABORONE — Botswana and Namibia agreed on Thursday to share water from the "
        "Okavango basin during droughts, the two energy ministers said after talks.&lt;/p&gt;"
        "&lt;p&gt;The deal sets up a joint commission that will meet every quarter and publish "
        "the volumes each country draws from the river, officials said. Farmers' groups on both "
        "sides of the border welcomed the plan but asked for money to build storage dams before "
        "the next dry season.&lt;/p&gt;&lt;p&gt;Talks on a third phase of the pipeline will "
        "resume in Windhoek next month, and engineers from both countries will survey the route "
        "in the meantime, the ministers added.&lt;/p&gt;")
FEED = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Test wire</title>
<item><title>Botswana&amp;apos;s deal with Namibia&amp;#8217;s ministers on &amp;quot;water&amp;quot;</title>
<link>https://wire.example/a</link>
<description>&lt;![CDATA[{BODY}]]&gt;</description>
<pubDate>Thu, 11 Jan 2024 08:00:00 GMT</pubDate></item>
<item><title>Plain &amp;amp;amp; triple-escaped</title><link>https://wire.example/b</link>
<description><![CDATA[<p>{'Short teaser only.'}</p>]]></description></item>
</channel></rss>""".encode()


def test_escaped_cdata_description_is_the_article():
    items = list(read_feed("feed.xml", FEED))
    first = items[0]
    assert isinstance(first, Record)
    assert first.title == "Botswana's deal with Namibia’s ministers on \"water\""
    assert first.published == "2024-01-11"
    article = to_article(first)
    assert "CDATA" not in article.text and "&lt;" not in article.text
    assert "share water from the Okavango basin" in article.text
    assert article.dateline["place"] == "GABORONE"


def test_teaser_item_read_from_its_description_with_a_warning():
    items = list(read_feed("feed.xml", FEED))
    assert len(items) == 2 and isinstance(items[1], Record)
    assert to_article(items[1]).text == "Short teaser only."
    assert "description only" in items[1].warnings[0]


def test_unwrap_and_title_helpers():
    assert unwrap_escaped_cdata(b"<d>&lt;![CDATA[&lt;p&gt;x&lt;/p&gt;]]&gt;</d>") == \
        b"<d>&lt;p&gt;x&lt;/p&gt;</d>"
    assert plain_title("A &amp;amp; B") == "A & B"
    assert plain_title("Tom &amp; Jerry's") == "Tom & Jerry's"
    assert plain_title("  ") is None and plain_title(None) is None
