"""Issue 7, kind 8: a person's country comes from the KB or the person's own description.

Inputs written for these tests; names are invented so the KB cannot know them."""
from __future__ import annotations

from dateline.pipeline import extract


def _person(text, name, published="2005-01-20"):
    out = extract(text, published=published)
    found = [a for a in out["actors"] if a["name"] == name]
    assert found, [a["name"] for a in out["actors"]]
    return found[0]


def test_country_named_next_to_a_person_is_not_theirs():
    text = ("Opposition leader Harriet Pembury called for a full exit plan from Iraq. "
            "Ms Pembury said Iraq had become more dangerous, and Iraq's elections would "
            "not change that. Iraq needed help, she said.")
    assert _person(text, "Harriet Pembury")["country"] != "IRQ"


def test_party_gives_the_country():
    text = ("Lib Dem spokesman Rupert Ashdale said the arrests in Zambia of two men were "
            "troubling. Zambia's police declined to comment on the arrests in Zambia.")
    assert _person(text, "Rupert Ashdale")["country"] == "GBR"


def test_nationality_in_an_appositive_anywhere():
    text = ("Police in Kenya questioned Anneli Virtanen on Monday. Virtanen, a Finnish aid "
            "worker, was released after two hours.")
    assert _person(text, "Anneli Virtanen")["country"] == "FIN"


def test_same_person_same_country_across_articles():
    a = _person("Michael Howard attacked the government's record on crime in Iraq.",
                "Michael Howard")
    b = _person("Michael Howard said Zambia deserved an apology.", "Michael Howard")
    assert a["country"] == b["country"] == "GBR"


def test_what_a_person_did_is_not_who_they_are():
    text = ("Moldova's U.N. Ambassador, Ion Ceban, who called for a meeting of the Security "
            "Council, drafted a statement on Friday.")
    assert _person(text, "Ion Ceban", "2022-03-04")["country"] == "MDA"


def test_a_describing_clause_gives_the_country():
    text = "Ivan Petrenko, who heads the Ukrainian border guard, said the crossing was closed."
    assert _person(text, "Ivan Petrenko", "2022-03-04")["country"] == "UKR"
