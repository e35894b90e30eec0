"""Quotes running over several paragraphs (opening mark on each paragraph, closing mark only at
the end) keep the first paragraph's speaker; direct quotes drop the comma before the attribution.
Inputs written for these tests."""
from __future__ import annotations

from quotes_fixture import quote_with, run_quotes, speaker


TEXT = ("Ferry services cut as fuel costs rise, operator says\n\n"
        "\u201cWe cannot run half-empty boats all winter,\u201d said Ines Duarte, who runs the island "
        "ferry company. \u201cThe numbers simply do not work any more.\n\n"
        "\u201cFuel has doubled since last spring.\n\n"
        "\u201cWe will bring the summer timetable back in May.\u201d\n\n"
        "Island councillors said they would ask the government for a subsidy.")


def test_every_paragraph_of_a_running_quote_keeps_the_first_speaker(nlp):
    qs = run_quotes(TEXT)
    for words in ("half-empty boats", "simply do not work", "Fuel has doubled", "summer timetable"):
        assert speaker(quote_with(qs, words)) == "Ines Duarte"


def test_running_quote_ends_at_its_closing_mark(nlp):
    qs = run_quotes(TEXT)
    assert not any("councillors" in q.text for q in qs if q.kind == "direct")
    assert quote_with(qs, "summer timetable").text.endswith("in May.")


def test_headline_cue_is_not_the_first_quotes_cue(nlp):
    q = quote_with(run_quotes(TEXT), "half-empty boats")
    assert q.cue is not None and q.cue.text == "said"
    assert q.kind == "direct"


def test_direct_quote_drops_trailing_comma(nlp):
    q = quote_with(run_quotes(TEXT), "half-empty boats")
    assert q.text == "We cannot run half-empty boats all winter"


def test_straight_marks_over_three_paragraphs(nlp):
    text = ('Coach Ben Adler told the club website:\n\n"The injury is not serious.\n\n'
            '"He will be back for the derby."\n\nThe club\'s doctor, Sara Noor, said she agreed.')
    qs = run_quotes(text)
    assert speaker(quote_with(qs, "not serious")) == "Ben Adler"
    assert speaker(quote_with(qs, "back for the derby")) == "Ben Adler"
