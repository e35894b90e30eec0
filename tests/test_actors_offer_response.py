"""Issue 7, kind 1: declining or accepting "an offer" answers whoever made the offer (the source
of the nearest earlier act by another side), even when the offer is not named with "the".

Inputs written for these tests; the real pipeline runs on them."""
from __future__ import annotations

from dateline.pipeline import extract


def _sides(text, word, published="2019-08-12"):
    out = extract(text, published=published)
    ev = next(e for e in out["events"] if word in e["evidence"]["text"])
    return {r["country"] for r in ev["source"]}, {r["country"] for r in ev["target"]}


def test_declining_an_offer_of_mediation():
    text = ("NEW DELHI, India — India said on Sunday it would not talk about Kashmir. "
            "Norway promised to help both sides. However, New Delhi rejected an offer of "
            "mediation on Monday.")
    src, tgt = _sides(text, "rejected")
    assert src == {"IND"} and tgt == {"NOR"}


def test_turning_down_a_proposal_for_talks():
    text = ("KHARTOUM, Sudan — Sudan's army chief vowed on Friday to keep fighting. Kenya "
            "pledged to host new talks. Sudan's army refused a proposal for a truce.")
    src, tgt = _sides(text, "refused")
    assert "SDN" in src and tgt == {"KEN"}
