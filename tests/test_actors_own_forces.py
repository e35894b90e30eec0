"""Issue 7, kind 1: the forces an actor moves are its own instrument, not the recipient of the
act; the recipient is the other country the destination names ("to the border with X").

Inputs written for these tests; the real pipeline runs on them."""
from __future__ import annotations

from dateline.pipeline import extract


def _targets(text, word, published="2023-02-06"):
    out = extract(text, published=published)
    evs = [e for e in out["events"] if word in e["evidence"]["text"]]
    assert evs, out["events"]
    return [{r["country"] for r in e["target"]} for e in evs]


def test_battalions_moved_to_a_border_with_another_country():
    text = ("ADDIS ABABA, Ethiopia — Ethiopia's army chief said on Monday he had moved three "
            "Ethiopian brigades to the border with Eritrea.")
    for tgt in _targets(text, "moved"):
        assert "ETH" not in tgt


def test_troops_deployed_into_a_neighbour():
    text = ("Rwanda's president deployed Rwandan troops into Congo last month, United Nations "
            "experts said on Thursday.")
    for tgt in _targets(text, "deployed"):
        assert "RWA" not in tgt
