"""The recipient is never the actor's own country by default (issue 7, kind 1): an actor's own
envoy or citizens are not the recipient, the place they are posted in is; in a story about
several countries an unnamed recipient is the nearest other country named. Inputs written for
these tests."""
from __future__ import annotations

import pytest

from dateline.pipeline import extract


def _events(text: str) -> list[dict]:
    return extract(text, published="2024-05-02")["events"]


def _pairs(text: str, type_: str) -> list[tuple]:
    return [({r.get("country") for r in e["source"]}, {r.get("country") for r in e["target"]})
            for e in _events(text) if e["type"] == type_]


@pytest.mark.parametrize("text, pair", [
    ("Algeria recalled its ambassador to Morocco on Wednesday.", ({"DZA"}, {"MAR"})),
    ("Peru withdrew its ambassador from La Paz after the remarks.", ({"PER"}, {"BOL"})),
])
def test_own_envoy_is_not_the_recipient(text, pair):
    assert pair in _pairs(text, "SANCTION"), _events(text)


def test_release_of_own_citizens_is_asked_of_the_holder():
    text = "Poland demanded the immediate release of its citizens detained in Minsk."
    assert ({"POL"}, {"BLR"}) in _pairs(text, "REQUEST"), _events(text)


def test_unnamed_recipient_in_a_two_country_story_is_the_other_country():
    text = ("Kenya turns down Ethiopian helicopters as flood toll rises\n\n"
            "Floods swept across northern Kenya this week, killing dozens. Ethiopia's government "
            "said Ethiopian rescue teams were ready.\n\n"
            "Ethiopia offered rescue teams and food to Kenya on Monday. Nairobi declined an "
            "offer of army helicopters, officials said.")
    rejects = _pairs(text, "REJECT")
    assert rejects and all(src != tgt for src, tgt in rejects), _events(text)
    assert ({"KEN"}, {"ETH"}) in rejects, _events(text)


def test_domestic_story_keeps_the_domestic_recipient():
    text = ("Students block Belgrade bridges for a third day\n\n"
            "Thousands of Serbian students blocked bridges in Belgrade on Saturday, demanding "
            "early elections. President Aleksandar Vucic rejected the demand on Sunday.")
    rejects = _pairs(text, "REJECT")
    assert rejects and all(tgt <= {"SRB"} for _src, tgt in rejects), _events(text)
