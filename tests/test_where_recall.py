"""Toponyms beyond spaCy's place labels, names the gazetteer knows only in part, and the
readings that decide what goes on the map: sentences written for these tests (no benchmark
text), two or more of each kind."""
from __future__ import annotations

import pytest

from dateline.evaluation.geo import haversine

from where_fixture import find_place, parse_places


def _near(p, lat, lon, km=100):
    assert p["lat"] is not None, p
    assert haversine(p["lat"], p["lon"], lat, lon) < km, p


# wire datelines in capitals: with or without the dash, after a caption, with a date
@pytest.mark.parametrize("text,name,lat,lon", [
    ("BOULDER, Colo. (AP) — A grass fire forced dozens of families from their homes.",
     "BOULDER", 40.01, -105.27),
    ("TAMPERE Finnish police detained two men after a brawl outside a bar.", "TAMPERE",
     61.50, 23.79),
    ("Picture by staff. ACCRA, Ghana – Fuel prices rose again this week.", "ACCRA", 5.56, -0.20),
    ("By LUSAKA, Zambia, Mar 3 – The central bank held its rate.", "LUSAKA", -15.41, 28.29),
    ("ST. PAUL – Lawmakers returned to the capitol on Tuesday.", "ST. PAUL", 44.95, -93.09),
])
def test_capital_datelines_are_literal_places(nlp, text, name, lat, lon):
    p = find_place(parse_places(nlp, text), name)
    assert p["literal"] is True and p["cue"] == "dateline"
    _near(p, lat, lon)


def test_the_dateline_qualifier_is_literal_too(nlp):
    p = find_place(parse_places(nlp, "HARARE, Zimbabwe – Zimbabwe's court ruled on Monday."), "Zimbabwe")
    assert p["literal"] is True


@pytest.mark.parametrize("text", [
    "Reading: the chapter that changed my mind about gardens.",
    "NATO: allies agree to meet again next spring.",
])
def test_a_word_opening_a_line_is_no_dateline(nlp, text):
    assert not [p for p in parse_places(nlp, text) if p["cue"] == "dateline"]


# town names spaCy labels otherwise, kept where the text marks them and the story agrees
@pytest.mark.parametrize("text,name,country", [
    ("After years in England the couple moved to Kettering, then bought a cottage near "
     "Corby.", "Kettering", "GBR"),
    ("Czech unions said shops in Prague, Olomouc and Zlin would close on Friday.", "Olomouc",
     "CZE"),
    ("Two fishermen were rescued off Portugal; one of them, a man of 40, of Peniche, was "
     "unhurt.", "Peniche", "PRT"),
])
def test_town_candidates_confirmed_by_the_story(nlp, text, name, country):
    p = find_place(parse_places(nlp, text), name)
    assert p["country"] == country


@pytest.mark.parametrize("text,name", [
    ("Reporters asked Stanley about the new contract.", "Stanley"),
    ("The coach said Marion had trained hard all week.", "Marion"),
])
def test_a_person_named_like_a_town_is_no_place(nlp, text, name):
    assert not [p for p in parse_places(nlp, text) if p["text"] == name and p["lat"] is not None]


# names the gazetteer knows only in part
@pytest.mark.parametrize("text,name,lat,lon", [
    ("Heavy rain flooded roads in Hunan province overnight.", "Hunan", 27.6, 111.7),
    ("Gunmen attacked a village in Kano State, police said.", "Kano", 11.7, 8.5),
    ("The City of Winnipeg will repave its main bridges.", "Winnipeg", 49.9, -97.1),
])
def test_designators_are_read_off(nlp, text, name, lat, lon):
    p = [q for q in parse_places(nlp, text) if name in q["text"]][0]
    _near(p, lat, lon, km=400)


@pytest.mark.parametrize("text,name,lat,lon", [
    ("Burglaries rose in north east Manchester last year.", "Manchester", 53.48, -2.24),
    ("Ferries link Lagos’s Apapa Wharf with the islands.", "Lagos", 6.45, 3.39),
    ("Fans travelled from Norway Sweden and Denmark for the final.", "Sweden", 62.0, 15.0),
])
def test_known_parts_of_unknown_names(nlp, text, name, lat, lon):
    p = find_place(parse_places(nlp, text), name)
    _near(p, lat, lon, km=600)


def test_a_direction_before_a_continent_is_not_the_continent(nlp):
    assert not [p for p in parse_places(nlp, "Drought spread across North Africa this summer.")
                if p["name"] == "Africa"]


# sites stand at the town their own phrase names
@pytest.mark.parametrize("text,site,lat,lon", [
    ("Paris police said the victims were taken to Mercy Lake Hospital in Sacramento.",
     "Mercy Lake Hospital", 38.58, -121.49),
    ("Reporters from London waited on Ocean Parade Drive in Miami Beach.",
     "Ocean Parade Drive", 25.79, -80.13),
])
def test_a_site_stands_at_its_own_town(nlp, text, site, lat, lon):
    p = find_place(parse_places(nlp, text), site)
    _near(p, lat, lon)


# a division named without its designator is the town first, context permitting
@pytest.mark.parametrize("text,name,lat,lon", [
    ("An English nurse from Salisbury said the hospital in London was full.", "Salisbury",
     51.07, -1.79),
    ("Police in Bedford, England, arrested two men.", "Bedford", 52.14, -0.46),
])
def test_bare_division_names_are_towns(nlp, text, name, lat, lon):
    p = find_place(parse_places(nlp, text), name)
    _near(p, lat, lon, km=40)


# readings: where talks happen, where an ambassador is posted, where goods go
@pytest.mark.parametrize("text,name", [
    ("Talks in Geneva ended without a deal.", "Geneva"),
    ("The war in Yemen has displaced millions.", "Yemen"),
    ("Her ambassador to Chile returned home on Friday.", "Chile"),
    ("Canada sold wheat to Egypt last year.", "Egypt"),
])
def test_literal_readings(nlp, text, name):
    assert find_place(parse_places(nlp, text), name)["literal"] is True


def test_talks_with_a_country_stay_metonymic(nlp):
    assert find_place(parse_places(nlp, "Talks with Iran stalled again."), "Iran")["literal"] is False


# abbreviations
@pytest.mark.parametrize("text,name,country", [
    ("A bear wandered into a school yard in Kamloops, B.C., on Monday.", "Kamloops", "CAN"),
    ("Flooding closed the highway near Brandon, Man., overnight.", "Brandon", "CAN"),
])
def test_canadian_province_abbreviations_qualify_towns(nlp, text, name, country):
    assert find_place(parse_places(nlp, text), name)["country"] == country


@pytest.mark.parametrize("text", [
    "EU ministers met in Brussels on Monday.",
    "Farmers protested against new EU rules.",
])
def test_eu_is_europe_not_a_norman_town(nlp, text):
    p = find_place(parse_places(nlp, text), "EU")
    assert p["name"] == "Europe" and p["country"] is None


# a small namesake needs its state named, not just its country
@pytest.mark.parametrize("text,name,country", [
    ("Flights from London were delayed as New York and Boston braced for a blizzard.",
     "London", "GBR"),
    ("Trade with Toronto rose, exporters in Chicago and Detroit said.", "Toronto", "CAN"),
])
def test_a_world_city_beats_a_small_namesake_of_the_story_country(nlp, text, name, country):
    assert find_place(parse_places(nlp, text), name)["country"] == country


def test_a_small_namesake_with_its_state_named(nlp):
    p = find_place(parse_places(nlp, "Tornado sirens sounded in London and Corbin, Kentucky, on Monday."),
              "London")
    assert (p["country"], p["admin1"]) == ("USA", "KY")


# a site in a story that names no town stands at the county it names
def test_a_site_without_a_town_stands_at_its_county(nlp):
    text = "Volunteers repainted the Ashgrove Community Hall, Cuyahoga County officials said."
    p = find_place(parse_places(nlp, text), "Ashgrove Community Hall")
    _near(p, 41.5, -81.7, km=60)


# a name the gazetteer lacks, after "in"/"at": a locality of the story's area
@pytest.mark.parametrize("text,name,lat,lon", [
    ("Police in Galway said a tractor was stolen in Ballinvarna overnight.", "Ballinvarna",
     53.27, -9.05),
    ("Fire crews from Des Moines were called to a barn in Kettlewick on Sunday.", "Kettlewick",
     41.59, -93.62),
])
def test_an_unknown_locality_stands_at_the_story_town(nlp, text, name, lat, lon):
    _near(find_place(parse_places(nlp, text), name), lat, lon)


@pytest.mark.parametrize("text,name", [
    ("Traders in Tokyo expect slower growth in Northern Asia.", "Northern Asia"),
    ("Officials in Chengdu said rain hit Xinlong province hard.", "Xinlong province"),
])
def test_parts_of_big_areas_and_divisions_are_no_localities(nlp, text, name):
    assert not [p for p in parse_places(nlp, text) if p["text"] == name and p["lat"] is not None]


def test_a_candidate_town_needs_the_story_state(nlp):
    places = parse_places(nlp, "Fans in Boise and Twin Falls cheered after Smith passed to Marion in "
                         "the final minute.")
    assert not [p for p in places if p["text"] == "Marion"]
    p = find_place(parse_places(nlp, "Families from Columbus and Dayton drove to Marion for the county "
                          "fair."), "Marion")
    assert (p["country"], p["admin1"]) == ("USA", "OH")
