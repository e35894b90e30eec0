"""Reported allegations: "X said Y lied" is ACCUSE X->Y (events/allegation.py). Inputs written
for these tests."""
from __future__ import annotations

import pytest

from dateline.events.allegation import negative_words
from dateline.pipeline import extract


def _accusations(text: str) -> list[tuple]:
    return [({r.get("country") for r in e["source"]}, {r.get("country") for r in e["target"]})
            for e in extract(text, published="2024-05-02")["events"] if e["type"] == "ACCUSE"]


def test_lexicon_is_built_from_vader():
    words = negative_words()
    assert {"lied", "rigged"} <= words and "agreement" not in words


@pytest.mark.parametrize("text, pair", [
    ("Venezuelan Foreign Minister Yvan Gil said Guyanese President Irfaan Ali had lied about "
     "the oil blocks.", ({"VEN"}, {"GUY"})),
    ("Kenyan opposition leader Raila Odinga said President William Ruto rigged the 2022 election.",
     ({"KEN"}, {"KEN"})),
])
def test_speaker_accuses_the_doer_of_a_bad_deed(text, pair):
    assert pair in _accusations(text), _accusations(text)


@pytest.mark.parametrize("text", [
    "Chilean President Gabriel Boric said Argentine President Javier Milei will stop gas exports.",
    "The Kenyan army said it killed 20 militants near the Somali border.",
    "Japanese Prime Minister Fumio Kishida said South Korea is a close partner in the war on crime.",
])
def test_plans_own_acts_and_topic_nouns_are_not_accusations(text):
    assert not _accusations(text), _accusations(text)


@pytest.mark.parametrize("text, pair", [
    ("Kenya's foreign minister described Uganda's decision as reckless.", ({"KEN"}, {"UGA"})),
    ("Tanzania's president called Kenya's election illegitimate.", ({"TZA"}, {"KEN"})),
])
def test_negative_characterisation_is_an_accusation(text, pair):
    assert pair in _accusations(text), _accusations(text)


def test_praise_is_not_an_accusation():
    text = "Kenya's foreign minister described Uganda's decision as wise and generous."
    assert not _accusations(text), _accusations(text)
