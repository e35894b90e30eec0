"""Places: the geoparser and event locations, on sentences written for these tests."""
from __future__ import annotations

import pytest

from dateline.evaluation.geo import haversine
from dateline.model import ActorRef, Article, Event, Span
from dateline.pipeline import Doc
from dateline.where import resolve_places
from where_fixture import find_place, parse_places




def test_literal_city_resolved_with_country_and_coordinates(nlp):
    p = find_place(parse_places(nlp, "Two ferries collided in the harbour of Gdansk early on Sunday."), "Gdansk")
    assert p["literal"] is True
    assert p["country"] == "POL"
    assert haversine(p["lat"], p["lon"], 54.35, 18.65) < 50


def test_qualified_name_picks_the_named_state(nlp):
    text = "The tornado flattened a church in Paris, Texas, on Saturday night."
    p = find_place(parse_places(nlp, text), "Paris")
    assert p["country"] == "USA"
    assert haversine(p["lat"], p["lon"], 33.66, -95.56) < 50


def test_bare_name_picks_the_prominent_place(nlp):
    text = "Thousands of cyclists rode through Paris to mark the end of the race."
    p = find_place(parse_places(nlp, text), "Paris")
    assert p["country"] == "FRA"
    assert haversine(p["lat"], p["lon"], 48.86, 2.35) < 50


def test_other_places_of_the_story_disambiguate(nlp):
    text = ("Flood water reached Dallas and Tyler overnight. In Paris, the county courthouse "
            "was closed as rain kept falling across Texas.")
    p = find_place(parse_places(nlp, text), "Paris")
    assert p["country"] == "USA"


@pytest.mark.parametrize("text,name", [
    ("Moscow said the new sanctions were illegal.", "Moscow"),
    ("Beijing accused the coast guard of provoking the clash.", "Beijing"),
    ("Washington urged both sides to return to the table.", "Washington"),
])
def test_capital_as_speaker_is_not_a_place(nlp, text, name):
    p = find_place(parse_places(nlp, text), name)
    assert p["literal"] is False


def test_country_as_place_gets_a_point_inside_it(nlp):
    p = find_place(parse_places(nlp, "Heavy snow closed mountain roads in Norway this week."), "Norway")
    assert p["literal"] is True and p["country"] == "NOR"
    assert 57 < p["lat"] < 72 and 4 < p["lon"] < 32


def _doc(nlp, text, evidence, **event_kw):
    start = text.index(evidence)
    event = Event(id="e1", type=event_kw.pop("type", "CONSULT"),
                  evidence=Span(evidence, start, start + len(evidence)), **event_kw)
    article = Article(id="x", input="test", text=text, events=[event])
    return Doc(article=article, spacy=nlp(text)), event


def test_event_location_from_its_sentence(nlp):
    text = ("The two premiers met in Tallinn on Monday to discuss energy links. "
            "They will meet again next year.")
    doc, event = _doc(nlp, text, "The two premiers met in Tallinn on Monday")
    resolve_places(doc)
    assert event.location is not None
    assert event.location.text == "Tallinn" and event.location.country == "EST"


def test_event_without_place_stays_null(nlp):
    text = "The finance minister criticised the central bank's decision on Wednesday."
    doc, event = _doc(nlp, text, text, type="ACCUSE")
    resolve_places(doc)
    assert event.location is None


def test_metonymic_speaker_does_not_become_the_location(nlp):
    text = "Pyongyang warned Seoul against holding the drills."
    doc, event = _doc(nlp, text, text, type="THREATEN")
    resolve_places(doc)
    assert event.location is None


def test_visit_is_located_at_its_destination(nlp):
    text = "The Indian prime minister will visit Kenya later this month."
    doc, event = _doc(nlp, text, text, mode="visit",
                      target=[ActorRef(text="Kenya", name="Kenya", country="KEN")])
    resolve_places(doc)
    assert event.location is not None and event.location.country == "KEN"


def test_bad_event_is_skipped_not_raised(nlp):
    text = "Rebels shelled Goma on Friday."
    doc, event = _doc(nlp, text, text, type="ASSAULT")
    event.evidence = None  # another stage left something odd
    resolve_places(doc)
    assert event.location is None


def test_place_of_something_else_in_the_sentence_is_not_the_event_location(nlp):
    text = "The envoy demanded an end to the violence in Darfur."
    doc, event = _doc(nlp, text, text, type="REQUEST")
    resolve_places(doc)
    assert event.location is None


def test_physical_event_takes_the_dateline_place(nlp):
    text = ("NAIROBI, Kenya (AP) - Police fired tear gas at hundreds of marchers on Monday.\n"
            "The marchers were demanding lower food prices.")
    doc, event = _doc(nlp, text, "Police fired tear gas at hundreds of marchers", type="COERCE")
    resolve_places(doc)
    assert event.location is not None and event.location.country == "KEN"


@pytest.mark.parametrize("text,country", [
    ("Hail damaged crops in Georgia and Tennessee overnight.", "USA"),
    ("Armoured columns crossed into Georgia from Russia.", "GEO"),
])
def test_state_or_country_of_the_same_name_by_context(nlp, text, country):
    assert find_place(parse_places(nlp, text), "Georgia")["country"] == country
