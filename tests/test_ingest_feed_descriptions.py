"""Feed items that carry only a description and no page to read (a local feed file, an item
without a link) are coded from the description, with the item's title and date and a warning;
feeds written for these tests, RSS and Atom."""
from __future__ import annotations

import json

from dateline.cli import main
from dateline.ingest import InputError, Record, read_inputs

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Harbour Wire</title><link>https://harbour.example/</link>
<description>news</description>
<item><title>Ecuador recalls its ambassador from Bogota</title>
<link>https://harbour.example/ecuador-envoy</link>
<pubDate>Wed, 05 Mar 2025 07:15:00 GMT</pubDate>
<description>&lt;p&gt;Ecuador recalled its ambassador from Colombia on Wednesday after a dispute
over border fees, the foreign ministry in Quito said.&lt;/p&gt;</description></item>
<item><title>Only a picture</title><link>https://harbour.example/pic</link>
<description>&lt;img src="x.jpg"/&gt;</description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Lake news</title><id>urn:lake</id>
<updated>2025-06-02T00:00:00Z</updated>
<entry><title>Malawi and Tanzania agree to talks on lake border</title><id>urn:lake:1</id>
<published>2025-06-02T10:00:00Z</published>
<summary>Malawi and Tanzania agreed on Monday to hold talks on their disputed border on Lake
Nyasa, the two foreign ministers said in Lilongwe.</summary></entry></feed>
"""


def test_rss_teaser_items_are_read_from_their_descriptions(tmp_path):
    path = tmp_path / "wire.xml"
    path.write_text(RSS, encoding="utf-8")
    first, second = read_inputs([str(path)])
    assert isinstance(first, Record) and first.input == f"{path}:1"
    assert first.title == "Ecuador recalls its ambassador from Bogota"
    assert first.published == "2025-03-05" and first.url == "https://harbour.example/ecuador-envoy"
    assert first.is_html and "recalled its ambassador" in first.content
    [warning] = first.warnings
    assert "description only" in warning and "https://harbour.example/ecuador-envoy" in warning
    # a description with no text at all is still one clear error naming the item
    assert isinstance(second, InputError) and second.input_name == f"{path}:2"
    assert "https://harbour.example/pic" in second.reason


def test_description_items_are_coded_with_title_date_and_a_warning(tmp_path, capsys, nlp):
    rss, atom = tmp_path / "wire.xml", tmp_path / "lake.atom"
    rss.write_text(RSS, encoding="utf-8")
    atom.write_text(ATOM, encoding="utf-8")
    status = main(["extract", str(rss), str(atom), "--format", "jsonl", "--workers", "1"])
    out, err = capsys.readouterr()
    assert status == 2  # the picture-only item is the one error
    docs = [json.loads(line) for line in out.splitlines()]
    assert [d["input"] for d in docs] == [f"{rss}:1", f"{atom}:1"]
    ecuador, lake = docs
    assert ecuador["title"] == "Ecuador recalls its ambassador from Bogota"
    assert ecuador["published"] == "2025-03-05"
    assert ecuador["text"].startswith("Ecuador recalled its ambassador from Colombia")
    assert {e["type"] for e in ecuador["events"]} & {"REDUCE", "RETREAT", "ACCUSE", "SANCTION"}
    assert lake["published"] == "2025-06-02" and lake["url"] is None
    assert any(e["type"] == "CONSULT" for e in lake["events"])
    assert all("description only" in d["warnings"][0] for d in docs)
    lines = err.strip().splitlines()
    assert sum("warning: no full article" in x for x in lines) == 2
    assert sum(f"{rss}:2" in x and "warning" not in x for x in lines) == 1
    assert "Traceback" not in err
