"""The wild inputs about attribution layout (../shared/examples/wild 09 dash sign-off and lead-in
line, 10 quote over several paragraphs) meet their expectations through the whole pipeline.
The inputs are read at run time from the shared folder, never copied here."""
from __future__ import annotations

import json

import pytest

import dateline

CASES = ("09-dash-attribution-quotes", "10-multi-paragraph-quote")


@pytest.mark.parametrize("name", CASES)
def test_wild_quote_expectations(shared, name):
    folder = shared / "examples" / "wild"
    text = (folder / f"{name}.txt").read_text(encoding="utf-8")
    spec = json.loads((folder / f"{name}.expect.json").read_text(encoding="utf-8"))
    out = dateline.extract(text, published=spec.get("published"))
    quotes = out["quotes"]
    for exp in spec["expect"]:
        if exp["what"] == "quote":
            hits = [q for q in quotes if exp["contains"] in q["text"]]
            assert hits, f"no quote contains {exp['contains']!r}"
            names = [(q.get("speaker") or {}).get("name") or "" for q in hits]
            assert any(exp["speaker"] in n for n in names), (exp, names)
        elif exp["what"] == "no_quote_text_contains":
            assert not any(exp["text"] in q["text"] for q in quotes), exp
