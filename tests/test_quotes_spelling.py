"""A speaker's name keeps the article's spelling: the actor knowledge base writes names without
diacritics, the quote keeps them ('Nicolás Maduro', not 'Nicolas Maduro'). Inputs written for
these tests."""
from __future__ import annotations

from quotes_fixture import quote_with, run_quotes, speaker

from dateline.quotes.spelling import respell


def test_respell_takes_the_articles_diacritics_only():
    text = "José Núñez met Ms Müller in Zürich."
    assert respell("Jose Nunez", text) == "José Núñez"
    assert respell("Angela Muller", text) == "Angela Müller"
    assert respell("Ministry of Health", text) == "Ministry of Health"
    assert respell("", text) == ""


def test_known_leaders_keep_their_accents(nlp):
    text = ("President Nicolás Maduro said on Monday that the talks in Oslo had failed.\n\n"
            "\u201cWe are ready to help,\u201d said Sebastián Piñera, Chile's president.")
    assert speaker(quote_with(run_quotes(text), "talks in Oslo")) == "Nicolás Maduro"
    assert speaker(quote_with(run_quotes(text), "ready to help")) == "Sebastián Piñera"


def test_unknown_speakers_keep_their_accents(nlp):
    text = ("Ángela Ibáñez, a spokeswoman for the port authority, said the cranes would be "
            "repaired by March. Later, Søren Østergård told reporters the strike was over.")
    assert "Ibáñez" in speaker(quote_with(run_quotes(text), "cranes would be repaired"))
    assert "Østergård" in speaker(quote_with(run_quotes(text), "strike was over"))
