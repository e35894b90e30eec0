"""Issue 7, kind 2: a first-level division named before a role noun places the actor in that
division's country (GeoNames admin1), not in the country the article names most.

Inputs written for these tests; the real pipeline runs on them."""
from __future__ import annotations

from dateline.actors import lookup
from dateline.actors.region import divisions
from dateline.pipeline import extract


def test_regional_government_of_a_named_division():
    assert lookup("the Tigray regional government")["country"] == "ETH"


def test_division_forces_in_a_story_about_another_country():
    text = ("JUBA, South Sudan — South Sudan's army said on Monday that South Sudan would "
            "close the border. Darfur militias and Punjab police were not involved. Tigray "
            "forces shelled a border village, South Sudanese officials said.")
    out = extract(text, published="2021-07-05")
    a = next(a for a in out["actors"] if any("Tigray" in m["text"] for m in a["mentions"]))
    assert a["country"] == "ETH"


def test_ambiguous_and_generic_division_names_are_not_used():
    table = divisions()
    assert "punjab" not in table  # India and Pakistan both have one
    assert "central" not in table and "eastern" not in table
    assert "georgia" not in table  # the KB knows it (a country)


def test_regional_government_accusing_rebels_keeps_its_own_country():
    text = ("KHARTOUM, Sudan — Sudan reopened a crossing on Monday, Sudan's army said. "
            "Sudan expects more refugees. The Amhara regional government accused the rebels "
            "of burning a market near Gondar.")
    out = extract(text, published="2021-07-05")
    ev = next(e for e in out["events"] if e["type"] == "ACCUSE")
    assert {r["country"] for r in ev["source"]} == {"ETH"}
    assert {r["country"] for r in ev["target"]} == {"ETH"}
