"""Toponym resolution by the document's other places, and the `places`/`times` contract fields,
on sentences written for these tests (not taken from any benchmark)."""
from __future__ import annotations

import pytest

from dateline.where import geoparse


def _places(text):
    return [(p["text"], p["name"], p["country"], p["admin1"], p["kind"]) for p in geoparse(text)]


def _the(text, name):
    found = [p for p in geoparse(text) if p["text"] == name]
    assert found, f"{name!r} not found in {text!r}"
    return found


@pytest.mark.parametrize("text,name,country,admin1", [
    ("Storms damaged homes in Paris, Danville and Champaign on Sunday, and farmers near "
     "Mattoon lost barns.", "Paris", "USA", "IL"),
    ("Paris police said the Decatur and Springfield crews, all in Illinois, arrived first.",
     "Paris", "USA", "IL"),
    ("A shooting in Paris left two dead, French police said.", "Paris", "FRA", None),
])
def test_paris_among_its_neighbours(text, name, country, admin1):
    p = _the(text, name)[0]
    assert (p["country"], p["admin1"]) == (country, admin1)


@pytest.mark.parametrize("text,kind,country", [
    ("Rain flooded streets in Atlanta and Savannah as the storm crossed Georgia.", "state", "USA"),
    ("Voters in Augusta and Macon say Georgia will decide the race.", "state", "USA"),
    ("Tbilisi said Russian troops moved deeper into Georgia, near South Ossetia.", "country", "GEO"),
])
def test_georgia_by_its_company(text, kind, country):
    p = _the(text, "Georgia")[0]
    assert (p["kind"], p["country"]) == (kind, country)


def test_lebanon_with_a_pennsylvania_address_every_mention():
    text = ("The shop moved to 12 Chestnut Street, Lebanon, PA 17042, near Harrisburg. "
            "Lebanon police said nobody was hurt.")
    assert [(p["country"], p["admin1"]) for p in _the(text, "Lebanon")] == [("USA", "PA")] * 2
    text = "The bakery at 410 Cumberland Street in Lebanon, Pa., closed after the flood."
    assert _the(text, "Lebanon")[0]["admin1"] == "PA"
    text = "Israel struck targets in Lebanon and Syria, the army said."
    assert _the(text, "Lebanon")[0]["country"] == "LBN"


def test_counties_and_parishes_sit_among_their_towns():
    text = ("Deputies in Barren County said the fire near Glasgow spread quickly. "
            "Glasgow and Cave City schools closed.")
    county = _the(text, "Barren County")[0]
    town = _the(text, "Glasgow")[0]
    assert (county["kind"], county["admin1"]) == ("county", "KY")
    assert town["admin1"] == "KY"
    assert abs(county["lat"] - town["lat"]) < 1 and abs(county["lon"] - town["lon"]) < 1
    p = _the("Flooding closed roads across Jefferson Parish and in Metairie.", "Jefferson Parish")[0]
    assert (p["kind"], p["admin1"]) == ("county", "LA")


def test_adjectives_and_sites():
    text = "Shells landed along the Turkish border, and a fire broke out on Elm Street in Dayton, Ohio."
    turkish = _the(text, "Turkish")[0]
    assert (turkish["country"], turkish["literal"]) == ("TUR", True)
    street = _the(text, "Elm Street")[0]
    dayton = _the(text, "Dayton")[0]
    assert street["kind"] == "site" and (street["lat"], street["lon"]) == (dayton["lat"], dayton["lon"])


def test_article_carries_places_and_times():
    from dateline.pipeline import extract

    d = extract("Protesters marched in Lagos on Monday, and police in Abuja said the march "
                  "would resume in three days.", published="2025-03-12")
    places = {p["text"]: p for p in d["places"]}
    assert places["Lagos"]["role"] == "literal" and places["Lagos"]["country"] == "NGA"
    assert set(places["Lagos"]) >= {"start", "end", "geonameid", "name", "admin1", "lat", "lon"}
    lagos = places["Lagos"]
    assert d["text"][lagos["start"]:lagos["end"]] == "Lagos"
    times = {t["text"]: (t["type"], t["value"]) for t in d["times"]}
    assert times["on Monday"] == ("DATE", "2025-03-10")
    assert ("DURATION", "P3D") in times.values()
