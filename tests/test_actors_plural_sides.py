"""Issue 7, kind 1: "the two leaders" stands for both leaders named before, on an event side.

Inputs written for these tests; the real pipeline runs on them."""
from __future__ import annotations

from dateline.pipeline import extract


def _countries(refs):
    return {r["country"] for r in refs}


def test_the_two_leaders_agreed():
    text = ("NIAMEY — Niger's president met the head of Chad's army in Niamey on Monday. "
            "The two leaders agreed to set up joint patrols along the border.")
    out = extract(text, published="2024-04-09")
    evs = [e for e in out["events"] if "two leaders" in e["evidence"]["text"]]
    assert evs and any({"NER", "TCD"} <= _countries(e["source"]) | _countries(e["target"])
                       for e in evs)


def test_the_head_of_a_foreign_army_met_in_the_capital():
    text = ("BAMAKO — Mali's president met the chief of Senegal's army in Bamako on Friday.")
    out = extract(text, published="2024-04-09")
    ev = next(e for e in out["events"] if e["type"] == "CONSULT")
    assert _countries(ev["source"]) == {"MLI"} and _countries(ev["target"]) == {"SEN"}
