"""Masthead lines whose parts are separated by spaced dashes ('- Outlet - weekday, date') are
date lines (clean.parse_date_words): a feature of the line model and the page's stated date.
Two inputs written for this test, plus sentences with dashes that must not read as one."""
from __future__ import annotations

import pytest

from dateline.clean import clean_text, parse_date_words


@pytest.mark.parametrize("line,value", [
    ("- The Harbour Courier - Tuesday, March 4, 2014", "2014-03-04"),
    ("Valley Gazette – Opinion – 12 June 2021", "2021-06-12"),
])
def test_dash_separated_masthead_is_a_date_line(line, value):
    assert parse_date_words(line) == value


@pytest.mark.parametrize("line", [
    "The vote - held on Tuesday, March 4, 2014 - was later annulled by the court",
    "Prices rose - by about a tenth - after the June 12, 2021 decision to lift the tariffs",
])
def test_a_sentence_with_dashes_is_not(line):
    assert parse_date_words(line) is None


def test_masthead_gives_the_date_and_leaves_the_body():
    c = clean_text("- The Harbour Courier - Tuesday, March 4, 2014\n\n"
                   "PORTLAND — The city council voted on Monday to buy two electric ferries for "
                   "the harbour crossing, replacing boats that have run since the 1980s.\n\n"
                   "The ferries will enter service in two years, the council said.\n")
    assert c.published == "2014-03-04"
    assert "Harbour Courier" not in c.body
