"""Actor resolution on sentences written for these tests (real spaCy, real KB)."""
from __future__ import annotations

import pytest

from dateline.actors import lookup, resolve_actors
from dateline.model import Article
from dateline.pipeline import Doc


def resolve(nlp, text: str, published: str | None = None):
    article = Article(id="t", input="t", text=text, published=published)
    doc = Doc(article=article, spacy=nlp(text))
    resolve_actors(doc)
    return article, doc.actor_index


def actor_named(article, name):
    found = [a for a in article.actors if a.name == name]
    assert found, f"{name!r} not among {[a.name for a in article.actors]}"
    return found[0]


def test_capital_as_speaker_is_government_but_not_as_place(nlp):
    text = ("Tehran rejected the proposal on Monday. Talks continued at a hotel in Ankara, "
            "where delegates met.")
    article, index = resolve(nlp, text, "2021-03-02")
    gov = actor_named(article, "Government of Iran")
    assert (gov.country, gov.sector) == ("IRN", "GOV")
    ankara = text.index("Ankara")
    assert index.is_place(ankara, ankara + len("Ankara"))
    assert index.at(ankara, ankara + 6) is None
    assert all(a.country != "TUR" for a in article.actors)


def test_seat_of_government_speaks_for_its_country(nlp):
    text = "Downing Street declined to comment, while the Elysee said it was studying the plan."
    article, index = resolve(nlp, text)
    countries = {(a.country, a.sector) for a in article.actors}
    assert ("GBR", "GOV") in countries and ("FRA", "GOV") in countries
    start = text.index("the Elysee")
    assert index.at(start, start + 10).country == "FRA"


def test_demonym_plus_role(nlp):
    text = "Kenyan police fired tear gas as Sudanese troops gathered near the border."
    article, _ = resolve(nlp, text)
    pairs = {(a.country, a.sector) for a in article.actors}
    assert ("KEN", "COP") in pairs
    assert ("SDN", "MIL") in pairs


def test_appositive_organisation_decides(nlp):
    text = ("Laura Brenner, a spokeswoman for the Pentagon, said the drills would go ahead. "
            "Omar Haddad, an economist at Harvard University, disagreed.")
    article, _ = resolve(nlp, text)
    brenner = actor_named(article, "Laura Brenner")
    assert brenner.country == "USA" and brenner.sector == "MIL"
    haddad = actor_named(article, "Omar Haddad")
    assert haddad.sector == "EDU" and haddad.country == "USA"


@pytest.mark.parametrize("date,expected", [("2019-03-01", "Theresa May"),
                                           ("2023-03-01", "Rishi Sunak"),
                                           ("2025-02-01", "Keir Starmer")])
def test_office_holder_by_article_date(nlp, date, expected):
    text = "The British prime minister flew to Brussels for the summit."
    article, _ = resolve(nlp, text, date)
    pm = actor_named(article, expected)
    assert (pm.country, pm.sector, pm.kind) == ("GBR", "GOV", "person")


def test_office_holder_lookup_without_date_uses_latest_term():
    got = lookup("the German chancellor")
    assert got["name"] == "Friedrich Merz"
    assert lookup("the German chancellor", "2010-05-05")["name"] == "Angela Merkel"


def test_pronoun_coreference_to_recent_subject(nlp):
    text = ("Sergey Lavrov arrived in Cairo on Sunday. He said his country wanted calm, "
            "and a local reporter asked him about Gaza.")
    article, index = resolve(nlp, text, "2023-11-05")
    lavrov = actor_named(article, "Sergey Lavrov")
    texts = [m.text for m in lavrov.mentions]
    assert texts.count("He") == 1 and "his" in texts and "him" in texts
    he = text.index("He said")
    assert index.at(he, he + 2) is lavrov


def test_last_name_and_title_mentions_join_the_full_name(nlp):
    text = ("Maria Okonkwo, a Nigerian senator, criticised the budget. "
            "Okonkwo said the plan ignored farmers. Ms Okonkwo later left the chamber.")
    article, _ = resolve(nlp, text)
    people = [a for a in article.actors if "Okonkwo" in a.name]
    assert len(people) == 1
    okonkwo = people[0]
    assert okonkwo.name == "Maria Okonkwo"
    assert (okonkwo.country, okonkwo.sector) == ("NGA", "LEG")
    assert len([m for m in okonkwo.mentions if "Okonkwo" in m.text]) == 3


def test_the_two_leaders_link_to_both(nlp):
    text = ("Emmanuel Macron met Narendra Modi in Paris. The two leaders signed a defence deal.")
    article, _ = resolve(nlp, text, "2023-07-14")
    macron = actor_named(article, "Emmanuel Macron")
    modi = actor_named(article, "Narendra Modi")
    assert any("leaders" in m.text for m in macron.mentions)
    assert any("leaders" in m.text for m in modi.mentions)


def test_ids_follow_first_mention_and_offsets_point_into_text(nlp):
    text = "NATO warned Moscow, and the Kremlin answered within hours."
    article, index = resolve(nlp, text)
    assert [a.id for a in article.actors] == [f"a{i + 1}" for i in range(len(article.actors))]
    for actor in article.actors:
        for m in actor.mentions:
            assert text[m.start:m.end] == m.text
    kremlin = text.index("Kremlin")
    moscow = text.index("Moscow")
    assert index.at(kremlin, kremlin + 7) is index.at(moscow, moscow + 6)
    assert [a.country for a in index.in_span(0, len(text))] == ["NATO", "RUS"]


def test_unknown_person_without_clue_has_no_country(nlp):
    article, _ = resolve(nlp, "Tomasz Wielgosz said the meeting was useful.")
    person = actor_named(article, "Tomasz Wielgosz")
    assert person.country is None and person.kind == "person"


def test_lookup_strings():
    assert lookup("the Kremlin")["country"] == "RUS"
    zarif = lookup("Iranian Foreign Minister Mohammad Javad Zarif", "2016-01-01")
    assert (zarif["name"], zarif["country"], zarif["sector"]) == (
        "Mohammad Javad Zarif", "IRN", "GOV")
    assert lookup("a former Pentagon official")["sector"] == "ELI"
    assert lookup("Somali militants")["sector"] == "REB"
    assert lookup("") is None


def test_bad_input_never_raises(nlp):
    article, index = resolve(nlp, "")
    assert article.actors == [] and index.at(0, 1) is None
    article, _ = resolve(nlp, "... ;; ''' \n\n --", "not a date")
    assert article.actors == []


def test_unqualified_domestic_actors_take_the_article_country(nlp):
    text = ("Bolivia's capital was tense on Friday. Police in La Paz arrested dozens after "
            "protesters blocked roads across Bolivia, and the army was put on alert.")
    article, _ = resolve(nlp, text, "2024-06-28")
    pairs = {(a.sector, a.country) for a in article.actors}
    assert ("COP", "BOL") in pairs
    assert ("CVL", "BOL") in pairs
    assert ("MIL", "BOL") in pairs


def test_the_two_countries_and_it(nlp):
    text = ("Kenya and Tanzania signed a border deal on Monday. The two countries will open "
            "three crossings. Tanzania said it would finish the roads by June.")
    article, index = resolve(nlp, text, "2024-02-05")
    two = text.index("The two countries")
    linked = {a.country for a in index.in_span(two, two + len("The two countries"))}
    assert linked == {"KEN", "TZA"}
    it = text.index("it would")
    assert index.at(it, it + 2).country == "TZA"


def test_country_named_as_destination_is_place_and_actor(nlp):
    text = "The Indian prime minister will visit Senegal next week."
    article, index = resolve(nlp, text, "2024-06-01")
    sen = text.index("Senegal")
    assert index.is_place(sen, sen + 7)
    assert index.at(sen, sen + 7).country == "SEN"
    assert actor_named(article, "Narendra Modi").sector == "GOV"


def test_title_run_before_a_name_gives_country_and_sector(nlp):
    text = "Acting Brazilian Defence Minister Joana Ferraz-Lima rejected the report."
    article, _ = resolve(nlp, text)
    person = [a for a in article.actors if a.kind == "person"][0]
    assert (person.country, person.sector) == ("BRA", "GOV")


def test_two_leaders_with_one_named_brings_in_the_other_countrys_leader(nlp):
    text = "Narendra Modi will travel to Japan next month. The two leaders will discuss trade."
    article, index = resolve(nlp, text, "2019-05-01")
    start = text.index("The two leaders")
    names = {a.name for a in index.in_span(start, start + len("The two leaders"))}
    assert names == {"Narendra Modi", "Shinzo Abe"}


def test_embassy_in_a_capital_is_not_that_countrys_government(nlp):
    text = "The embassy in Nairobi said the ambassador would return on Friday."
    article, index = resolve(nlp, text, "2022-02-02")
    nairobi = text.index("Nairobi")
    assert index.is_place(nairobi, nairobi + len("Nairobi"))
    embassy = index.at(text.index("embassy"), text.index("embassy") + 7)
    assert embassy is not None and embassy.sector == "GOV" and embassy.country != "KEN"


def test_pronoun_gender_follows_titles(nlp):
    text = ("Ms Adeyemi met Mr Okafor in Lagos. She said the talks went well, "
            "and he agreed.")
    article, index = resolve(nlp, text, "2022-01-10")
    she = text.index("She")
    he = text.index("he agreed")
    assert "Adeyemi" in index.at(she, she + 3).name
    assert "Okafor" in index.at(he, he + 2).name
