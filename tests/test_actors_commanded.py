"""Issue 7, kind 1: forces that an actor orders, sends or deploys are that actor's own, not the
article's country by default.

Inputs written for these tests; the real pipeline runs on them."""
from __future__ import annotations

from dateline.pipeline import extract


def _country(out, word):
    return next(a["country"] for a in out["actors"]
                if any(word in m["text"] for m in a["mentions"]))


def test_troops_sent_on_a_presidents_order():
    text = ("LIMA, Peru — Bolivia's president ordered hundreds of soldiers sent to the Peruvian "
            "frontier on Tuesday. Peru said it was watching. Peru and Peru's army are calm.")
    out = extract(text, published="2023-01-10")
    assert _country(out, "soldiers") == "BOL"


def test_police_deployed_by_a_foreign_minister():
    text = ("NAIROBI, Kenya — The Ugandan interior minister deployed riot police along the "
            "Kenyan border on Friday, Kenyan officials said. Kenya protested.")
    out = extract(text, published="2023-01-10")
    assert _country(out, "riot police") == "UGA"


def test_troops_acting_on_their_own_stay_with_the_story():
    text = ("KINSHASA, Congo — Troops fired on a crowd in Goma on Sunday, Congo's government "
            "said. Congo's president called for calm.")
    out = extract(text, published="2023-01-10")
    assert _country(out, "Troops") == "COD"
