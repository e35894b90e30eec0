"""Reported speech whose attribution sits inside the clause ('X, the envoy said, Y'): both sides
of the cue are the attribution's content (PolNeAR train: 133 of 140 such cues), carried as
`quotes[].content`; the text is the part holding the clause's verb, or the whole stretch when the
cue splits the clause's subject from its verb. A cue heading its sentence ('X, he said, adding
...') keeps the words before it only. Inputs written for these tests."""
from __future__ import annotations

from quotes_fixture import quote_with, run_quotes, speaker


def test_words_after_the_cue_belong_to_the_content(nlp):
    text = ("Ticket prices would rise next spring, Ingrid Solberg said, once the new timetable "
            "comes into force.")
    q = quote_with(run_quotes(text), "Ticket prices would rise")
    assert "once the new timetable" not in q.text and "Solberg" in speaker(q)
    assert q.content is not None
    assert q.content.text.startswith("Ticket prices") and q.content.text.endswith("comes into force")


def test_fronted_phrase_before_the_cue_belongs_to_the_content(nlp):
    text = "In the mountain villages, Dr. Amara Osei said, most clinics had run out of insulin."
    q = quote_with(run_quotes(text), "most clinics had run out of insulin")
    assert q.content is not None and q.content.text.startswith("In the mountain villages")
    assert "Osei" in speaker(q)


def test_cue_between_subject_and_verb_keeps_the_clause_whole(nlp):
    text = "The new ferry terminal, Pavel Novak said, will open in May."
    q = quote_with(run_quotes(text), "will open in May")
    assert q.text.startswith("The new ferry terminal") and "Novak" in speaker(q)


def test_cue_heading_its_sentence_does_not_take_what_follows(nlp):
    text = ("The night buses will keep running, the transport board said on Friday, adding that "
            "fares were under review.")
    q = quote_with(run_quotes(text), "The night buses will keep running")
    assert q.content is None and "adding" not in q.text
