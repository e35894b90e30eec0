"""Issue 7, kind 2: who heads or commands a body takes that body's country and sector, and a
place named after the body ("in <city>") is where the person is, not whose they are.

Inputs written for these tests; the real KB and spaCy pipeline run on them."""
from __future__ import annotations

from dateline.actors import lookup


def test_commander_of_a_countrys_force():
    hit = lookup("the commander of Ethiopia's air force")
    assert hit["country"] == "ETH" and hit["sector"] == "MIL"


def test_head_of_a_body_is_not_of_the_city_where_he_is():
    hit = lookup("the chief of Mali's army in Niamey")
    assert hit["country"] == "MLI" and hit["sector"] == "MIL"


def test_director_of_a_service_visiting_abroad():
    hit = lookup("the director of Kenya's police service in Kampala")
    assert hit["country"] == "KEN"


def test_a_minister_of_a_body_keeps_the_state_sector():
    hit = lookup("the minister of Ghana's armed forces")
    assert hit["country"] == "GHA" and hit["sector"] != "MIL" or hit["sector"] == "GOV"
