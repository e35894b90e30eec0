"""Attributions by layout: a dash sign-off after the quote, a colon lead-in line before it.
Inputs written for these tests."""
from __future__ import annotations

from quotes_fixture import quote_with, run_quotes, speaker


def test_dash_signoff_on_the_same_line(nlp):
    text = ("The port authority opened a second container terminal on Monday.\n\n"
            "\u201cWe can now unload twice as many ships in a week.\u201d \u2014 Harbour Master "
            "Jonas Eklund\n\nShipping lines welcomed the change.")
    q = quote_with(run_quotes(text), "twice as many ships")
    assert speaker(q) == "Jonas Eklund"
    assert q.kind == "direct"


def test_dash_signoff_on_the_next_line_with_a_plain_dash(nlp):
    text = ("Volunteers planted 4,000 trees along the river.\n\n"
            "\"Every tree here was paid for by a school class.\"\n"
            "-- Priya Raman, organiser of the campaign\n")
    q = quote_with(run_quotes(text), "paid for by a school class")
    assert speaker(q) == "Priya Raman"


def test_hyphenated_word_after_a_quote_is_not_a_signoff(nlp):
    text = 'The mayor called the plan "ambitious"-sounding but vague, said Karl Weber.'
    for q in run_quotes(text):
        assert speaker(q) != "vague"


def test_lead_in_line_names_the_speaker(nlp):
    text = ("The council voted to close the old bridge to lorries.\n\n"
            "And from the head of the hauliers' association, Dora Lindqvist:\n\n"
            "\u201cOur drivers will lose an hour on every trip to the coast.\u201d")
    q = quote_with(run_quotes(text), "lose an hour")
    assert speaker(q) == "Dora Lindqvist"


def test_lead_in_line_with_a_role_noun_only(nlp):
    text = ("Ministers met the union leader Ahmed Salem on Tuesday.\n\n"
            "From the union:\n\n"
            "\"No agreement is possible while wages stay frozen.\"")
    q = quote_with(run_quotes(text), "wages stay frozen")
    assert q.speaker is not None and "union" in (q.speaker.text or "").lower() + (speaker(q) or "").lower()


def test_long_colon_line_is_not_a_lead_in(nlp):
    text = ("The report, which was published after three years of field work in eleven provinces "
            "and more than four hundred interviews with farmers, listed the following:\n\n"
            "\u201cWater rights, seed prices and road access.\u201d")
    for q in run_quotes(text):
        assert q.speaker is None or "report" in (q.speaker.text or "").lower()
