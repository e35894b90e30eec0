"""Issue 7, kind 5: the dateline split off by the cleaning stage is a fallback for an event's
place and (when it states a day) the lead's date; it is never an actor.

Inputs written for these tests; the real pipeline runs on them."""
from __future__ import annotations

from dateline.pipeline import extract


def test_incident_report_dateline_gives_date_and_place():
    text = ("Niger, 4 March 2021: In Tamou village, a health centre was attacked by gunmen "
            "on motorcycles, a local nurse said. Nobody was hurt.")
    out = extract(text, published="2021-03-05")
    ev = next(e for e in out["events"] if "attacked" in e["evidence"]["text"])
    assert ev["date"]["value"] == "2021-03-04"
    assert ev["location"]["country"] == "NER"
    assert not any("Niger, 4 March" in (r["text"] or "") for r in ev["source"] + ev["target"])


def test_hyphenated_country_dateline_gives_the_place():
    text = ("Guinea-Bissau, 2 June 2022: In a village near the coast, a school was burned "
            "down by armed men, a teacher said.")
    out = extract(text, published="2022-06-03")
    ev = next(e for e in out["events"] if "burned" in e["evidence"]["text"])
    assert ev["location"]["country"] == "GNB"
    assert ev["date"]["value"] == "2022-06-02"


def test_a_later_paragraph_is_not_dated_by_the_dateline():
    text = ("Mali, 9 May 2022: In Mopti region, a bridge was blown up by gunmen, residents "
            "said.\n\nLast year soldiers attacked a market in the same region.")
    out = extract(text, published="2022-05-10")
    later = [e for e in out["events"] if "market" in e["evidence"]["text"]]
    assert all((e["date"] or {}).get("value") != "2022-05-09" for e in later)
