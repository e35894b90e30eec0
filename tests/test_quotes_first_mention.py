"""A definite noun phrase with a name or nationality inside ('The Egyptian health ministry',
'The Turkish-backed militia') is a first mention that names its speaker, not an anaphor for the
last organisation; a dateline ('CAIRO —') opening the sentence is no subject. Inputs written for
these tests."""
from __future__ import annotations

from quotes_fixture import quote_with, run_quotes, speaker


def test_dateline_and_nationality_before_the_subject(nlp):
    text = ("The World Health Organization said vaccines had arrived in the north.\n\n"
            "CAIRO \u2014 The Egyptian health ministry said on Sunday that 40 people had been hurt "
            "in the crash.")
    q = quote_with(run_quotes(text), "40 people had been hurt")
    assert "health ministry" in (speaker(q) or "")


def test_named_modifier_makes_a_first_mention(nlp):
    text = ("The United Nations said aid convoys were delayed at the border.\n\n"
            "The Turkish-backed militia said on Monday that it had taken the town after two days "
            "of fighting.")
    q = quote_with(run_quotes(text), "it had taken the town")
    assert "militia" in (speaker(q) or "")
