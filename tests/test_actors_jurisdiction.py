"""Issue 7, kind 1: a police force, court or regional government acts within its own state; an
unqualified recipient of its act is of its country, whatever country the story names most.

Inputs written for these tests; the real pipeline runs on them."""
from __future__ import annotations

from dateline.pipeline import extract


def _sides(ev):
    return ({r["country"] for r in ev["source"]}, {r["country"] for r in ev["target"]})


def test_foreign_police_arresting_protesters_in_a_two_country_story():
    text = ("Sudan and Chad traded charges again on Monday. In Kano, Nigerian police arrested "
            "protesters outside the governor's office. Sudan denied the claims and Chad said "
            "talks would resume.")
    out = extract(text, published="2024-03-04")
    ev = next(e for e in out["events"] if "arrested" in e["evidence"]["text"])
    assert _sides(ev) == ({"NGA"}, {"NGA"})


def test_a_court_sentencing_unnamed_men():
    text = ("France, France and France dominated the summit, French officials said. A Senegalese "
            "court sentenced four men to prison for smuggling migrants on Tuesday.")
    out = extract(text, published="2024-03-04")
    ev = next(e for e in out["events"] if "sentenced" in e["evidence"]["text"])
    src, tgt = _sides(ev)
    assert src == {"SEN"} and tgt <= {"SEN"}
