"""First-level divisions are read whole (actors.kb._add_regions): a division whose name holds a
shorter country or city name ("New South Wales", "New Jersey", "New York") gives its own
country, and a division named only by directions ("North East") gives none. Inputs written for
these tests (real spaCy pipeline and KB)."""
from __future__ import annotations

import pytest

from dateline.actors import kb as kb_mod
from dateline.pipeline import extract


def _countries(text):
    return {a["name"]: a["country"] for a in extract(text, published="2025-03-04")["actors"]}


@pytest.mark.parametrize("text, name, country", [
    ("Police in New York said on Sunday that two officers were hurt when a crowd threw bottles. "
     "Officers in New York arrested eleven people.", "police", "USA"),
    ("The governor of New Jersey vetoed the transit bill on Friday, and New Jersey police "
     "cleared a protest outside the statehouse.", "New Jersey police", "USA"),
    ("Officials in West Bengal said the river had burst its banks. West Bengal police moved "
     "families to schools on higher ground.", "West Bengal police", "IND"),
    ("Teachers in Western Cape walked out over pay on Monday, and the Western Cape education "
     "department said schools would stay open.", "Teachers", "ZAF"),
])
def test_a_division_gives_its_own_country(text, name, country):
    got = _countries(text)
    found = next((c for n, c in got.items() if n.lower() == name.lower()), "missing")
    assert found == country, got


def test_the_shorter_name_inside_a_division_is_not_read():
    got = _countries("Volunteers in New South Wales said on Tuesday that the floods had cut "
                     "three towns off. Residents of New South Wales were told to stay home.")
    assert "GBR" not in got.values() and "United Kingdom" not in got, got
    got = _countries("Voters in New Jersey queued for hours, and the New Jersey election board "
                     "said more machines would be sent.")
    assert "GBR" not in got.values() and "JEY" not in got.values(), got


def test_a_division_named_by_directions_only_is_no_country_clue():
    kb = kb_mod.load()
    assert kb.names.get("north east") is None and kb.names.get("central province") is None
    got = _countries("Officials in the North East said ballot papers for 1,000 voters had gone "
                     "missing. The council said it would print new ones.")
    assert "BWA" not in got.values(), got


def test_a_name_the_kb_holds_keeps_its_reading():
    kb = kb_mod.load()
    assert ("country", "GEO") in kb.names["georgia"]          # the US state never replaces it
    assert kb.names["northern ireland"][0] == ("country", "GBR")
    assert kb.names["new york"] == [("city", "USA")]
