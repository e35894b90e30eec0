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


def test_head_of_a_transnational_body_in_a_country_is_of_that_branch():
    hit = lookup("the head of the Anglican Church in Kenya")
    assert hit["country"] == "KEN"


def test_a_town_inside_a_persons_name_gives_no_country():
    from dateline.pipeline import extract

    text = ("Mayor Jane Livingstone said on Monday the council would not apologise. "
            "Mr Johnson, a Tory MP, criticised Jane Livingstone over the remark.")
    out = extract(text, published="2005-02-14")
    countries = {a["country"] for a in out["actors"] if "Livingstone" in a["name"]}
    assert "ZMB" not in countries
