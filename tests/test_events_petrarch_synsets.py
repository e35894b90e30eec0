"""A PETRARCH pattern naming a synset the dictionary does not define (&FIGHT_GAMES) matches
nothing; it used to match any object ("opened fire" coded as military cooperation)."""
from __future__ import annotations

import pytest

from dateline.events.petrarch import _word_forms
from dateline.pipeline import extract


def test_undefined_synset_matches_no_word():
    assert _word_forms("&NO_SUCH_SYNSET_X") and "fire" not in _word_forms("&NO_SUCH_SYNSET_X")


@pytest.mark.parametrize("text", [
    "Zimbabwean soldiers opened fire on demonstrators in Harare on Monday.",
    "Kenyan police opened fire on opposition protesters in Nairobi.",
])
def test_opening_fire_is_assault_not_cooperation(text):
    types = [e["type"] for e in extract(text, published="2024-05-02")["events"]]
    assert "ASSAULT" in types and "COOPERATE" not in types, types
