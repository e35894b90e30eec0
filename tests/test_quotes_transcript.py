"""Transcript turns: a paragraph opening with a speaker label ('NAME: words') is that speaker's
quote, with or without quote marks; labels that name no one are not speakers.
Inputs written for these tests."""
from __future__ import annotations

from quotes_fixture import quote_with, run_quotes, speaker


def test_capital_labels_after_named_speakers(nlp):
    text = ("Radio host Dana Whitfield interviewed Mayor Tomas Ekberg on Sunday. A partial "
            "transcript follows.\n\n"
            "WHITFIELD: Will the bridge reopen before the winter?\n\n"
            "EKBERG: The engineers tell me the repairs end in November, and we will reopen it then.")
    qs = run_quotes(text)
    q = quote_with(qs, "repairs end in November")
    assert "Ekberg" in speaker(q)
    assert not q.text.startswith("EKBERG")
    assert "Whitfield" in speaker(quote_with(qs, "bridge reopen before the winter"))


def test_name_labels_inside_quote_marks(nlp):
    text = ("The panel on water prices was chaired by Anna Moreau and included Karl Henning.\n\n"
            "\u201cMoreau: Prices have doubled in three years for the poorest households.\n\n"
            "\u201cHenning: The utility needs those prices to repair its pipes.\u201d")
    qs = run_quotes(text)
    assert "Moreau" in speaker(quote_with(qs, "doubled in three years"))
    assert "Henning" in speaker(quote_with(qs, "repair its pipes"))


def test_labels_that_name_no_one_are_not_speakers(nlp):
    text = ("UPDATE: The road to the airport reopened at noon after the flood receded.\n\n"
            "WASHINGTON: Congress will vote on the spending bill on Thursday, aides expect.")
    for q in run_quotes(text):
        assert speaker(q) not in ("UPDATE", "WASHINGTON")
