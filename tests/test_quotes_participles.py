"""A participle cue takes the subject of the clause it is an adjunct of: '..., saying X' after a
clause the parser splits into conjuncts, 'Y quoted officials as saying X', 'X was quoted as
saying'. Inputs written for these tests."""
from __future__ import annotations

from quotes_fixture import quote_with, run_quotes, speaker


def test_saying_after_conjoined_clauses_goes_to_the_main_subject(nlp):
    text = ("Governor Amara Diallo ordered buses and hundreds of volunteers sent to the flooded "
            "district on Tuesday, blaming the weather office for a late warning and saying the "
            "dam would be inspected within a week.")
    q = quote_with(run_quotes(text), "dam would be inspected")
    assert "Diallo" in speaker(q)


def test_saying_after_an_object_and_a_place(nlp):
    text = ("Coach Petra Lindqvist dropped two strikers and sent the reserves to the training camp "
            "in Malmo, criticising the league for its schedule and saying the squad was exhausted.")
    q = quote_with(run_quotes(text), "squad was exhausted")
    assert "Lindqvist" in speaker(q)


def test_quoted_officials_as_saying_goes_to_the_relaying_agency(nlp):
    text = ("Kenya's Nation newspaper quoted unnamed police officers as saying the suspects had "
            "crossed the border before dawn.")
    q = quote_with(run_quotes(text), "suspects had crossed the border")
    assert "Nation" in speaker(q)


def test_was_quoted_as_saying_goes_to_the_passive_subject(nlp):
    text = ("\u201cWe will rebuild every school by spring,\u201d Education Minister Joaquim Tavares "
            "was quoted as saying by the state broadcaster.")
    q = quote_with(run_quotes(text), "rebuild every school")
    assert "Tavares" in speaker(q)
