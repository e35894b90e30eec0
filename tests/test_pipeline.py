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


def test_batched_stream_equals_one_by_one_and_keeps_order():
    from dateline.ingest.record import InputError, Record
    from dateline.pipeline import extract_stream, process_record

    texts = [TEXT, "Peru recalled its ambassador from Bolivia on Monday, the foreign ministry said.",
             "   ", "Kenyan police arrested 40 protesters in Nairobi on Tuesday."]
    records = [Record(input=f"r{i}", content=t) for i, t in enumerate(texts)]
    records.insert(1, InputError("missing.txt", "no such file or directory"))
    results = list(extract_stream(records, workers=1))
    assert [getattr(r, "input", getattr(r, "input_name", None)) for r in results] == \
        ["r0", "missing.txt", "r1", "r2", "r3"]
    assert isinstance(results[3], InputError)  # blank text: its own error, nothing else lost
    for rec, res in zip(records, results):
        if isinstance(rec, Record) and not isinstance(res, InputError):
            assert res.to_dict() == process_record(rec).to_dict()
