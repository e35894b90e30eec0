"""Sides that hang off a phrase: "appealed for help to X" (X is addressed), "following talks
with X, Y withdrew" (Y held the talks). Inputs written for these tests."""
from __future__ import annotations

import pytest

from dateline.pipeline import extract


def _pairs(text: str, type_: str) -> list[tuple]:
    return [({r.get("country") for r in e["source"]}, {r.get("country") for r in e["target"]})
            for e in extract(text, published="2024-05-02")["events"] if e["type"] == type_]


@pytest.mark.parametrize("text, pair", [
    ("Mozambique's president appealed for help to Rwanda as insurgents advanced.",
     ({"MOZ"}, {"RWA"})),
    ("The Haitian prime minister asked for assistance from Kenya on Friday.", ({"HTI"}, {"KEN"})),
])
def test_addressee_of_an_appeal_for_help(text, pair):
    assert pair in _pairs(text, "REQUEST"), _pairs(text, "REQUEST")


def test_talks_in_a_following_phrase_belong_to_the_clause_subject():
    text = "Following talks with Chinese officials, Vietnam withdrew its ships from the reef."
    consults = _pairs(text, "CONSULT")
    assert any("VNM" in src and "CHN" in tgt for src, tgt in consults), consults
