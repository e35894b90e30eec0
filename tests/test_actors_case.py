"""A knowledge-base name of several capitalised words matches only where the text capitalises
one of them: "people's daily lives" is not the newspaper People's Daily. Inputs written for these
tests; the real pipeline runs on them."""
from __future__ import annotations

import pytest

from dateline.pipeline import extract


def _names(text: str) -> set:
    return {a.get("name") for a in extract(text, published="2024-03-04")["actors"]}


@pytest.mark.parametrize("text", [
    "Air travellers will get more compensation under the rules, which touch people's daily "
    "lives, the airlines said.",
    "Rising rents weigh on people's daily budgets, a housing charity in Leeds said on Monday.",
])
def test_a_lowercase_phrase_is_not_a_multiword_name(text):
    assert "People's Daily" not in _names(text)


def test_the_capitalised_name_still_matches():
    text = "The People's Daily, the Communist Party newspaper, said the talks in Beijing had failed."
    assert "People's Daily" in _names(text)
