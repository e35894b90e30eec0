"""Round 5, kind 1: a venue ("in Geneva", "at the UN in New York") is where a meeting happens,
not a side of it; a coordinated subject ("Indian and Pakistani diplomats", "France and Germany")
of a symmetric act (PLOVER CONSULT / AGREE / COOPERATE: "meeting at a neutral location") gives
its sides from its conjuncts.

Inputs written for these tests; the real spaCy pipeline, KB and coder run on them."""
from __future__ import annotations

from dateline.pipeline import extract


def _sides(ev):
    return {r["country"] for r in ev["source"] + ev["target"]}


def _events(text, kind):
    out = extract(text, published="2024-04-09")
    return [e for e in out["events"] if e["type"] == kind]


def test_coordinated_nationalities_meet_at_a_neutral_venue():
    evs = _events("GENEVA — Indian and Pakistani diplomats met in Geneva on Tuesday to "
                  "discuss the release of fishermen held by both sides.", "CONSULT")
    assert evs and {"IND", "PAK"} <= _sides(evs[0]) and "CHE" not in _sides(evs[0])


def test_talks_at_an_organisation_in_a_city_are_between_the_conjuncts():
    evs = _events("Kenyan and Ugandan officials held talks at the United Nations in New York "
                  "on the disputed island.", "CONSULT")
    assert evs and _sides(evs[0]) == {"KEN", "UGA"}


def test_three_nationalities_negotiate_in_a_fourth_country():
    evs = _events("Egyptian, Qatari and American mediators met in Paris on Sunday to press "
                  "for a ceasefire.", "CONSULT")
    assert evs and {"EGY", "QAT", "USA"} <= _sides(evs[0]) and "FRA" not in _sides(evs[0])


def test_one_side_meeting_abroad_has_no_host_recipient():
    evs = _events("Sudanese army negotiators met in Jeddah on Saturday.", "CONSULT")
    assert all("SAU" not in _sides(e) for e in evs)  # before round 5: SDN -> SAU


def test_signing_countries_in_a_third_capital():
    evs = [e for k in ("COOPERATE", "AGREE")
           for e in _events("France and Germany signed a defence agreement in Brussels on "
                            "Monday.", k)]
    assert evs and all(_sides(e) == {"FRA", "DEU"} for e in evs)


def test_a_visit_still_takes_the_place_visited():
    evs = _events("Brazil's foreign minister visited Angola on Monday.", "CONSULT")
    assert evs and {r["country"] for r in evs[0]["target"]} == {"AGO"}


def test_arriving_somewhere_is_a_visit_to_its_host():
    evs = _events("Kenya's president arrived in Ghana on Sunday for talks on trade.", "CONSULT")
    assert evs and {r["country"] for r in evs[0]["target"]} == {"GHA"}


def test_an_agreement_during_a_stop_is_towards_the_host():
    evs = [e for k in ("AGREE", "AID") for e in _events(
        "In the second stop of her tour, in Malawi, Japan's foreign minister promised $20 "
        "million for new clinics.", k)]
    assert evs and any({r["country"] for r in e["target"]} == {"MWI"} for e in evs)


def test_the_owners_of_a_plural_head_are_the_sides():
    out = extract("Diplomats from Chile and Peru met in Panama City on Thursday.",
                  published="2024-04-09")
    evs = [e for e in out["events"] if e["type"] in ("CONSULT", "AGREE")]
    assert evs and all(_sides(e) == {"CHL", "PER"} for e in evs)


def test_ministers_of_two_countries_at_an_organisation_in_a_city():
    out = extract("The foreign ministers of Vietnam and the Philippines met at the United "
                  "Nations in New York on Friday.", published="2024-04-09")
    evs = [e for e in out["events"] if e["type"] in ("CONSULT", "AGREE")]
    assert evs and all(_sides(e) == {"VNM", "PHL"} for e in evs)


def test_an_of_phrase_naming_no_actors_leaves_the_head_as_the_side():
    out = extract("KAMPALA — Uganda's finance minister, accused by critics of corruption and "
                  "nepotism, resigned on Friday.", published="2024-04-09")
    evs = [e for e in out["events"] if e["type"] == "ACCUSE"]
    assert evs and any(r["text"] == "critics" for r in evs[0]["source"])
