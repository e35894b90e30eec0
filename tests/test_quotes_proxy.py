"""An unnamed spokesperson speaks for the organisation named with the role ('a spokeswoman for the
Red Cross'), also when the role comes back later ('the spokeswoman said'); a named one speaks as
the person. Inputs written for these tests."""
from __future__ import annotations

from quotes_fixture import quote_with, run_quotes, speaker


def test_unnamed_spokeswoman_speaks_for_her_organisation(nlp):
    text = ("A spokeswoman for the Red Cross told reporters the convoy was delayed. \u201cWe need "
            "safe access to the city,\u201d the spokeswoman said.")
    qs = run_quotes(text)
    assert "Red Cross" in (speaker(quote_with(qs, "convoy was delayed")) or "")
    assert "Red Cross" in (speaker(quote_with(qs, "safe access")) or "")


def test_unnamed_official_at_a_ministry(nlp):
    text = ("An official at the Kenyan interior ministry said the border crossing would reopen "
            "on Friday.")
    q = quote_with(run_quotes(text), "border crossing would reopen")
    assert "ministry" in (speaker(q) or "").lower()


def test_named_spokesman_stays_the_speaker(nlp):
    text = "Red Cross spokesman Tomasz Wiecek said the convoy had arrived in the city."
    q = quote_with(run_quotes(text), "convoy had arrived")
    assert speaker(q) == "Tomasz Wiecek"
