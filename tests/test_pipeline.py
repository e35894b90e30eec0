"""The pipeline end to end on a text written for this test."""
from __future__ import annotations

import dateline

TEXT = """World News

Finland and Chile sign a fisheries accord

The foreign ministers of Finland and Chile signed a fisheries accord in Helsinki on Friday.
"This is a good day for our fishermen," the Chilean minister told reporters.
"""


def test_extract_returns_contract_shape():
    doc = dateline.extract(TEXT, published="2025-03-14")
    assert set(doc) >= {"id", "input", "url", "title", "published", "language", "text",
                        "actors", "events", "quotes"}
    assert doc["published"] == "2025-03-14"
    assert "fisheries accord in Helsinki" in doc["text"]
    for e in doc["events"]:
        ev = e["evidence"]
        assert doc["text"][ev["start"]:ev["end"]] == ev["text"]


def test_extract_is_stable_id():
    assert dateline.extract(TEXT)["id"] == dateline.extract(TEXT)["id"]
