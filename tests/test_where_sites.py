"""Places the gazetteer lacks, located at the place that contains them (round 5): organisations,
events and buildings named as where something happens, streets written the local-news way,
localities under a qualifier, a building's owner town. Sentences written for these tests (no
benchmark text), two or more of each kind; each checks the containing place and that the
entry says it is a containment estimate (`resolution`, `within`)."""
from __future__ import annotations

import pytest
from where_fixture import find_place, parse_places


def _contained_in(p, town):
    assert p["kind"] == "site" and p["resolution"] == "containing", p
    assert p["within"] == town and p["literal"] is True, p


# an organisation or event after "at", "outside", "inside": where something happens
@pytest.mark.parametrize("text,name,town", [
    ("Two men were arrested after a fight at Tesco in Swindon on Saturday.", "Tesco", "Swindon"),
    ("The prize was handed over at the Harwell Foundation in Bristol on Friday.",
     "Harwell Foundation", "Bristol"),
])
def test_organisation_after_at_is_a_site_of_its_town(nlp, text, name, town):
    places = parse_places(nlp, text)
    site, there = find_place(places, name), find_place(places, town)
    _contained_in(site, town)
    assert (site["lat"], site["lon"]) == (there["lat"], there["lon"])
    assert there["resolution"] == "point" and there["within"] is None


@pytest.mark.parametrize("text,org", [
    ('"Rates will fall," said Jane Roe, an economist at Barclays, speaking in London.', "Barclays"),
    ("The senator took a swipe at Microsoft during a speech in Denver.", "Microsoft"),
])
def test_affiliation_and_target_are_not_sites(nlp, text, org):
    """"an economist at Barclays" names an employer, "a swipe at Microsoft" a target."""
    assert org not in [p["text"] for p in parse_places(nlp, text)]


# streets written without their street word: blocks, corners, "X and Y streets"
@pytest.mark.parametrize("text,streets,town", [
    ("Police found the car in the 400 block of Maplewood in Akron on Sunday.",
     ["Maplewood"], "Akron"),
    ("Officers were called to the 1200 block of Dunmore, Scranton, late on Friday.",
     ["Dunmore"], "Scranton"),
    ("The crash closed the intersection of Pine and Walnut in Lancaster, Pennsylvania.",
     ["Pine", "Walnut"], "Lancaster"),
    ("The parade moved down Elm and Chestnut streets in Dayton, Ohio.",
     ["Elm", "Chestnut"], "Dayton"),
    ("Crews repaired a water main on Jubilee road in Mombasa.", ["Jubilee road"], "Mombasa"),
])
def test_streets_of_local_news_are_sites_of_their_town(nlp, text, streets, town):
    places = parse_places(nlp, text)
    for s in streets:
        _contained_in(find_place(places, s), town)


def test_a_street_named_like_a_place_is_the_street(nlp):
    """"the corner of Washington and Main": a street, not the city or the state."""
    places = parse_places(nlp, "He collapsed at the corner of Washington and Main in Peoria, Illinois.")
    _contained_in(find_place(places, "Washington"), "Peoria")
    _contained_in(find_place(places, "Main"), "Peoria")


# a building's owner: "Bristol's Southmead Hospital"
@pytest.mark.parametrize("text,town,site", [
    ("A new ward opened at Leeds's Greystone Hospital on Monday.", "Leeds", "Greystone Hospital"),
    ("Nurses at Bristol's Southmead Hospital went on strike.", "Bristol", "Southmead Hospital"),
])
def test_owner_town_contains_the_building(nlp, text, town, site):
    places = parse_places(nlp, text)
    assert find_place(places, town)["kind"] == "city"
    _contained_in(find_place(places, site), town)


# a locality the gazetteer lacks, under a qualifier or after a preposition of motion
@pytest.mark.parametrize("text,name,within", [
    ("CAMP HOLLOWAY, Wash. (AP) - Soldiers trained in the rain on Tuesday.", "HOLLOWAY",
     "Washington"),
    ("The caravan camped in Pinecrest Hollow, Vermont, for the night.", "Pinecrest Hollow",
     "Vermont"),
    ("The ferry from Kettle Island was cancelled, stranding visitors in Portsmouth.",
     "Kettle Island", "Portsmouth"),
])
def test_locality_stands_in_what_contains_it(nlp, text, name, within):
    _contained_in(find_place(parse_places(nlp, text), name), within)


# a place opening an event's name is where the event is held
@pytest.mark.parametrize("text,name", [
    ("Thousands watched the Dubai Air Show.", "Dubai"),
    ("He won gold at the Tokyo Olympics.", "Tokyo"),
    ("Athletes trained for the Beijing Olympics all year.", "Beijing"),
])
def test_place_in_an_event_name_is_literal(nlp, text, name):
    p = find_place(parse_places(nlp, text), name)
    assert p["literal"] is True and p["resolution"] == "point"


def test_article_places_carry_resolution_and_within():
    from dateline.pipeline import extract

    d = extract("Police closed the 300 block of Larchmont in Dayton, Ohio, after a crash at "
                "Kroger on Tuesday.", published="2025-03-12")
    places = {p["text"]: p for p in d["places"]}
    assert {"resolution", "within"} <= set(places["Dayton"])
    assert places["Dayton"]["resolution"] == "point"
    assert places["Larchmont"]["resolution"] == "containing"
    assert places["Larchmont"]["within"] == "Dayton"


def test_containment_estimates_do_not_vote_for_the_dominant_place():
    """A site put at its town repeats (or guesses) that town: it must not dilute the article's
    dominant place, which dates and places events the article does not place itself."""
    from dateline.where.events import _dominant

    def place(name, kind, resolution="point"):
        return {"name": name, "country": "KEN", "kind": kind, "resolution": resolution,
                "start": 0}

    literal = [place("Kenya", "country"), place("Kenya", "country"), place("Mombasa", "city"),
               place("Moi Avenue", "site", "containing")]
    assert _dominant(literal)["name"] == "Kenya"
    assert _dominant(literal[2:]) is None


@pytest.mark.parametrize("text,town", [
    ("The Children's Hospital of Manitoba in Winnipeg took the baby.", "Winnipeg"),
    ("Police found the car in the 400 block of Maplewood in Akron on Sunday.", "Akron"),
])
def test_town_swallowed_into_another_name_is_found(nlp, text, town):
    """spaCy often makes one name of "X in Town": the town is a place of its own."""
    p = find_place(parse_places(nlp, text), town)
    assert p["kind"] == "city" and p["literal"] is True and p["resolution"] == "point"
