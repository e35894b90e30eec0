"""Three event-coding kinds a new user reported (round 5). Inputs written for these tests.

1. Signing a deal/accord/treaty: PLOVER SUPPORT mode "sign" (CAMEO 057 "Sign formal agreement",
   CAMEO2PLOVER-2021; PLOVER manual, SUPPORT: "ratify, sign, or finalize an agreement or treaty";
   the GSR examples code both signers as SRC/TAR). The venue ("in Lima") is the event's place,
   never a side.
2. A planned act (agreed to, will, set to, plans to) has not happened: status future; the AGREE
   that plans it stays asserted.
3. Implied sides: a side with empty `text` is PLOVER's default (documented in docs/CONTRACT.md),
   always with a country and with name and actor null.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from dateline.pipeline import extract

PUB = "2024-05-06"


def _events(text, kind):
    return [e for e in extract(text, published=PUB)["events"] if e["type"] == kind]


def _countries(refs):
    return {r["country"] for r in refs}


# -- 1. signing between coordinated parties ------------------------------------------------------

@pytest.mark.parametrize("text, parties, venue", [
    ("Chile and Peru signed a water deal in Lima on Monday.", {"CHL", "PER"}, "Lima"),
    ("Ghana and Togo signed a border treaty at a ceremony in Accra on Friday.", {"GHA", "TGO"},
     "Accra"),
    ("Norway and Iceland signed a fisheries accord in Oslo.", {"NOR", "ISL"}, "Oslo"),
])
def test_signing_parties_are_both_sides_not_the_venue(text, parties, venue):
    signs = _events(text, "SUPPORT")
    assert signs, extract(text, published=PUB)["events"]
    ev = signs[0]
    assert ev["cameo"] == "057" and ev["status"] == "asserted", ev
    assert _countries(ev["source"]) == parties, ev["source"]
    assert _countries(ev["target"]) == parties, ev["target"]
    assert all(r["text"] != venue for r in ev["source"] + ev["target"]), ev
    assert ev["location"] and ev["location"]["text"] == venue, ev["location"]


def test_talks_venue_is_the_location():
    ev = _events("Malawi and Tanzania held talks in Mzuzu on Monday.", "CONSULT")[0]
    assert ev["location"] and ev["location"]["text"] == "Mzuzu", ev


def test_signing_with_a_partner_keeps_the_partner_not_the_venue():
    text = "Kenya signed a trade agreement with Ethiopia in Nairobi on Tuesday."
    ev = _events(text, "SUPPORT")[0]
    sides = ev["source"] + ev["target"]
    assert {"KEN", "ETH"} <= _countries(sides), ev
    assert all(r["text"] != "Nairobi" for r in sides), ev


# -- 2. planned acts are future -----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Malawi and Tanzania agreed on Monday to hold talks.",
    "Kenya and Uganda agreed to hold talks on the border dispute.",
    "Vietnam and Laos pledged to hold talks on the dam.",
])
def test_talks_agreed_to_are_future_and_the_agreement_asserted(text):
    consults = _events(text, "CONSULT")
    assert consults and all(e["status"] == "future" for e in consults), consults
    agrees = _events(text, "AGREE")
    assert all(e["status"] == "asserted" for e in agrees), agrees


@pytest.mark.parametrize("text", [
    "French President Emmanuel Macron arrived in Accra on Monday for a visit to Ghana. The two "
    "leaders will have one-on-one conversations during the visit.",
    "Japan and India are set to hold talks in Tokyo.",
    "Egypt plans to hold talks with Sudan next week.",
    "Kenya is to hold talks with Somalia next week.",
])
def test_scheduled_talks_are_future(text):
    consults = [e for e in _events(text, "CONSULT") if "arrived" not in e["evidence"]["text"]]
    assert consults and all(e["status"] == "future" for e in consults), consults


def test_signing_still_to_come_is_agree_future():
    """PLOVER manual (AGREE): "Russia and the United States will sign an agreement" is AGREE."""
    text = "Ghana and Togo are to sign a border treaty in Accra."
    events = extract(text, published=PUB)["events"]
    assert [(e["type"], e["status"]) for e in events] == [("AGREE", "future")], events


def test_necessary_to_is_not_an_arrangement():
    text = "It is necessary to impose sanctions on Iran, Germany's envoy said on Monday."
    events = [e for e in extract(text, published=PUB)["events"] if e["type"] == "SANCTION"]
    assert events and all(e["status"] != "future" for e in events), events


def test_talks_held_stay_asserted():
    consults = _events("Malawi and Tanzania held talks in Lilongwe on Monday.", "CONSULT")
    assert consults and consults[0]["status"] == "asserted", consults


@pytest.mark.parametrize("text, kind", [
    ("Kenya's parliament discussed whether to send troops to Somalia.", "MOBILIZE"),
    ("Ministers in Oslo debated whether to impose sanctions on Iran.", "SANCTION"),
    ("The cabinet considered whether to allow Egypt to send troops to Libya.", "MOBILIZE"),
])
def test_acts_under_whether_are_open_questions(text, kind):
    events = [e for e in extract(text, published=PUB)["events"] if e["type"] == kind]
    assert events and all(e["status"] == "hypothetical" for e in events), events


# -- 3. implied sides ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Twenty protesters were arrested in Nairobi on Sunday.",   # passive state act: source
    "Kenya's parliament approved the budget on Tuesday.",      # domestic default: target
    "The Parliament of Ghana approved the budget on Tuesday.",
])
def test_implied_sides_carry_a_country_and_nothing_else(text):
    events = extract(text, published=PUB)["events"]
    implied = [r for e in events for r in e["source"] + e["target"] if r["text"] == ""]
    assert implied, events
    for ref in implied:
        assert ref["country"] and ref["name"] is None and ref["actor"] is None, ref
    for e in events:
        named = all(r["text"] for r in e["source"] + e["target"])
        if not named:
            assert e["confidence"] < 0.85, e


def test_contract_documents_every_implied_side():
    contract = (Path(__file__).resolve().parents[1] / "docs" / "CONTRACT.md").read_text()
    section = contract[contract.index("**Implied sides.**"):][:2500]
    for kind in ("passive state act", "domestic default", "country the article is about",
                 "nearest other country", "arrive"):
        assert kind in section, kind
