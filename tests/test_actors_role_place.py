"""Round 5, kind 2: an unqualified role noun (police, troops, officials, prosecutors) takes the
country of the place its own clause locates it in ("In Paris, police arrested ..."), then the
article's focus or dateline, not the country of whatever was named before it.

Inputs written for these tests; the real spaCy pipeline and KB run on them."""
from __future__ import annotations

from dateline.pipeline import extract


def _actor(out, word):
    return next(a for a in out["actors"] if a["name"].lower().endswith(word))


def test_police_in_a_paris_sentence_after_a_tokyo_story():
    out = extract("Japan's prime minister visited a shipyard in Tokyo on Monday to inspect new "
                  "patrol boats.\n\nIn Paris, police arrested three men suspected of plotting "
                  "an attack on a synagogue.", published="2024-04-09")
    assert _actor(out, "police")["country"] == "FRA"


def test_police_located_by_the_clause_not_the_previous_sentence():
    out = extract("Officials in Tokyo said the typhoon had passed. In Nairobi on Tuesday, "
                  "police fired tear gas at protesters demanding lower taxes.",
                  published="2024-04-09")
    assert _actor(out, "police")["country"] == "KEN"
    ev = next(e for e in out["events"] if e["type"] == "ASSAULT")
    assert {r["country"] for r in ev["source"]} == {"KEN"}


def test_prosecutors_located_by_a_place_after_the_verb():
    out = extract("Germany's chancellor spoke about the budget on Monday. Prosecutors arrested "
                  "two officials in Lima on Wednesday.", published="2024-04-09")
    assert _actor(out, "prosecutors")["country"] == "PER"


def test_the_content_of_a_demand_does_not_locate_the_speaker():
    out = extract("NAIROBI — Kenya's foreign ministry issued a statement on Tuesday. The "
                  "spokesman called for the restoration of order in Bolivia after soldiers "
                  "seized the parliament there.", published="2024-04-09")
    assert _actor(out, "spokesman")["country"] == "KEN"


def test_a_place_inside_a_relative_clause_does_not_locate_the_subject():
    out = extract("ROME — Italian police arrested a man who had returned from Syria. Police "
                  "said the man had lived in Damascus for two years.", published="2024-04-09")
    assert all(a["country"] != "SYR" for a in out["actors"] if "police" in a["name"].lower())


def test_a_setting_phrase_locates_the_clause():
    out = extract("Canada's prime minister praised the new budget on Monday. At a rally in "
                  "Lyon, police detained twenty activists.", published="2024-04-09")
    assert _actor(out, "police")["country"] == "FRA"


def test_with_no_leading_country_the_dateline_places_the_role_noun():
    for text, home in (
            ("MANILA — Officials from Japan and South Korea joined the talks on Monday. Police "
             "closed roads around the venue.", "PHL"),
            ("JAKARTA — Thailand's foreign minister and Vietnam's trade minister arrived for the "
             "summit on Sunday. Police blocked roads around the venue.", "IDN")):
        out = extract(text, published="2024-04-09")
        assert _actor(out, "police")["country"] == home
