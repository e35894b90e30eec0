"""A role noun with the speaker's name right after it ("Britain's largest union Unite said",
"Party vice-president Ana Lima said", which the parser splits into several subjects) speaks as
the name, not as the possessor or the organisation word. Inputs written for these tests."""
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


def test_hyphenated_title_before_the_name(nlp):
    q = quote_with(run_quotes("Senate vice-president Julio Ortiz warned that the budget would be blocked."),
                   "budget would be blocked")
    assert speaker(q) == "Julio Ortiz"


def test_hyphenated_title_with_a_party_word_before_it(nlp):
    q = quote_with(run_quotes("Party vice-president Ana Lima said the count would be repeated in May."),
                   "count would be repeated")
    assert speaker(q) == "Ana Lima"
