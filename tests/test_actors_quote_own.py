"""Issue 7, kind 1: an unqualified office named only inside one speaker's direct quotation is the
speaker's own ("Mr. Interior Minister, ...", said the president of X), not the article's country
by default.

Inputs written for these tests; the real pipeline (quotes stage included) runs on them."""
from __future__ import annotations

from dateline.pipeline import extract


def _country(out, word):
    return next(a["country"] for a in out["actors"]
                if any(word in m["text"] for m in a["mentions"]))


def test_a_vocative_office_in_a_leaders_quote():
    text = ("Guatemala, Guatemala and Guatemala dominate the news this week.\n\n"
            "\"Mr. Interior Minister, send the police to the border now,\" Honduran President "
            "Xiomara Castro said on Sunday.")
    out = extract(text, published="2023-05-08")
    assert _country(out, "Interior Minister") == "HND"


def test_the_army_in_a_generals_quote():
    text = ("BOGOTA, Colombia — Colombia's government met on Monday. Colombia said little.\n\n"
            "\"The navy will patrol the gulf until the smugglers are gone,\" said Panama's "
            "security minister Frank Abrego.")
    out = extract(text, published="2023-05-08")
    assert _country(out, "navy") == "PAN"
