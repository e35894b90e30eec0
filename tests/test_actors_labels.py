"""Issue 7, kind 6: country, capital and demonym look-up does not depend on the entity label.

The small spaCy model tags "Burkina-Faso" ORG and a country opening a sentence PERSON; the
inputs below (written for these tests) check the KB match wins either way."""
from __future__ import annotations

from dateline.pipeline import extract


def _source_countries(text, verb):
    out = extract(text, published="2020-02-14")
    ev = next(e for e in out["events"] if verb in e["evidence"]["text"])
    return {r["country"] for r in ev["source"]}


def test_hyphenated_country_name_opening_a_sentence():
    assert _source_countries("Burkina-Faso condemned the raid on Sunday.", "condemned") == {"BFA"}


def test_country_written_without_its_hyphen():
    assert _source_countries("Guinea Bissau accused Senegal of arming rebels.", "accused") \
        == {"GNB"}


def test_hyphenated_two_word_country_as_subject():
    assert _source_countries("Sierra-Leone accused Liberia of arming the rebels.", "accused") \
        == {"SLE"}


def test_country_tagged_as_person_still_speaks_for_its_government():
    out = extract("Chad said on Monday it had closed its border with Sudan.",
                  published="2020-02-14")
    assert any(a["name"] == "Chad" and a["country"] == "TCD" for a in out["actors"])


def test_hyphenated_dateline_country_reaches_unqualified_actors():
    out = extract("Burkina-Faso, 3 March 2020: A clinic was looted by armed men, a local "
                  "health official said.", published="2020-03-04")
    official = next(a for a in out["actors"] if "official" in a["name"])
    assert official["country"] == "BFA"
