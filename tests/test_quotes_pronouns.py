"""'she said' goes to the nearest compatible person named before it (gender from the article),
not to the previous quote's speaker; role nouns go to their own antecedent.
Inputs written for these tests."""
from __future__ import annotations

from quotes_fixture import quote_with, run_quotes, speaker

from dateline.quotes.gender import genders, pronoun_gender


def test_she_skips_the_previous_male_speaker(nlp):
    text = ("\u201cThe budget is balanced,\u201d said Finance Minister Tomas Rebane. He spoke after "
            "a cabinet meeting.\n\nOpposition leader Kadri Saar, whose party has 30 seats, was "
            "unconvinced. \u201cThese figures hide a deficit,\u201d she said.")
    qs = run_quotes(text)
    assert "Saar" in speaker(quote_with(qs, "hide a deficit"))
    assert "Rebane" in speaker(quote_with(qs, "budget is balanced"))


def test_he_skips_a_woman_named_in_between(nlp):
    text = ("Mr Osei, the transport minister, opened the new rail line on Friday. Ms Boateng, his "
            "deputy, cut the ribbon.\n\n\u201cThis line will carry ten thousand people a day,\u201d he said.")
    q = quote_with(run_quotes(text), "ten thousand people")
    assert "Osei" in speaker(q)


def test_gender_from_titles_and_pronouns(nlp):
    doc = nlp("Ms Anna Pirelli opened the session. Rafael Ortiz said his team was ready.")
    g = genders(doc, list(doc.ents))
    assert g.get("pirelli") == "f"
    assert g.get("ortiz") == "m"
    assert pronoun_gender("She") == "f" and pronoun_gender("it") is None


def test_role_noun_goes_to_its_own_antecedent(nlp):
    text = ("Tarkan Yilmaz, the mine's operator, ordered an inspection on Monday. Labour inspector "
            "Helena Vogt visited the site.\n\n\u201cThe shaft is safe,\u201d the operator said.")
    q = quote_with(run_quotes(text), "shaft is safe")
    assert speaker(q) == "Tarkan Yilmaz"
