"""A role noun with the speaker's name right after it ("Britain's largest union Unite said")
speaks as the name, not as the possessor. Inputs written for these tests."""
from __future__ import annotations

from quotes_fixture import quote_with, run_quotes, speaker


def test_union_named_after_its_description(nlp):
    q = quote_with(run_quotes("Britain's largest union Unite said its members would strike in March."),
                   "members would strike")
    assert speaker(q) == "Unite"


def test_company_named_after_its_description(nlp):
    q = quote_with(run_quotes("Kenya's state power company KenGen said the outage would last two days."),
                   "outage would last")
    assert speaker(q) == "KenGen"
