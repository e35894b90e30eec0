"""Issue 7, kind 1: the recipient is not the source's own country by default.

Inputs written for these tests; the real pipeline (spaCy, KB, event coder) runs on them."""
from __future__ import annotations

from dateline.events.response import default_country
from dateline.pipeline import extract


def _events(text, published="2022-03-10"):
    return extract(text, published=published)["events"]


def _sides(ev):
    return ({r["country"] for r in ev["source"]}, {r["country"] for r in ev["target"]})


def test_named_recipient_described_later_keeps_its_own_country():
    text = ("Sergey Lavrov on Friday congratulated Takeshi Moriyama on his new post. "
            "Moriyama, Japan's new ambassador to Russia, arrived last week.")
    ev = next(e for e in _events(text) if "congratulated" in e["evidence"]["text"])
    src, tgt = _sides(ev)
    assert "RUS" in src and "JPN" in tgt and "RUS" not in tgt


def test_named_recipient_with_nationality_premodifier():
    text = ("Vietnamese Trade Minister Nguyen Van Binh praised Kenji Watanabe, Japan's top "
            "trade negotiator, for his patience.")
    ev = next(e for e in _events(text) if "praised" in e["evidence"]["text"])
    assert _sides(ev) == ({"VNM"}, {"JPN"})


def test_foreign_body_acting_without_named_recipient_acts_on_the_story_country():
    text = ("BAMAKO, Mali — Soldiers detained Mali's president on Tuesday. Mali's army said "
            "the president had resigned. In Addis Ababa, the African Union condemned the "
            "arrests and demanded a return to civilian rule in Mali.")
    evs = [e for e in _events(text, "2020-08-19") if {r["country"] for r in e["source"]} == {"AU"}]
    assert evs, "no event by the African Union"
    assert all("AU" not in _sides(e)[1] for e in evs)
    assert any("MLI" in _sides(e)[1] for e in evs)


def test_default_country_rule():
    # a foreign actor (an IGO) with no recipient: the article's country
    assert default_country("ACCUSE", {"UN"}, "MLI", ["MLI"]) == "MLI"
    # one side of a two-country story: the other side
    assert default_country("ACCUSE", {"IND"}, "IND", ["IND", "PAK"]) == "PAK"
    # a domestic story keeps the domestic default
    assert default_country("ACCUSE", {"IND"}, "IND", ["IND"]) == "IND"
    # protests are domestic whatever the story
    assert default_country("PROTEST", {"IND"}, "IND", ["IND", "PAK"]) == "IND"
    # no country for the source: none for the recipient
    assert default_country("REQUEST", set(), "IND", ["IND"]) is None


def test_domestic_protest_keeps_domestic_recipient():
    text = ("NAIROBI, Kenya — Thousands of Kenyan teachers took to the streets of Nairobi on "
            "Monday. The teachers protested against a pay freeze.")
    evs = [e for e in _events(text, "2023-05-02") if e["type"] == "PROTEST"]
    assert evs and all(_sides(e) == ({"KEN"}, {"KEN"}) for e in evs)
