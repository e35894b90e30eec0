"""Wire datelines split off the first paragraph (issue 7, kind 5), on sentences written here."""
from __future__ import annotations

import pytest

from dateline.clean import clean_text, to_article
from dateline.clean.dateline import split_dateline
from dateline.ingest import Record


@pytest.mark.parametrize("paragraph, text, place, day, rest", [
    ("MAIDUGURI, Nigeria — Soldiers freed 12 hostages on Friday.", "MAIDUGURI, Nigeria",
     "MAIDUGURI, Nigeria", None, "Soldiers freed"),
    ("ISLAMABAD (Reuters) – Pakistan's cabinet approved the budget.", "ISLAMABAD (Reuters)",
     "ISLAMABAD", None, "Pakistan's cabinet"),
    ("Mali, 4 March 2021: The junta named a new cabinet.", "Mali, 4 March 2021", "Mali",
     "2021-03-04", "The junta"),
    ("LIMA, Peru, Nov. 9, 2020 (AP) — Congress removed the president.",
     "LIMA, Peru, Nov. 9, 2020 (AP)", "LIMA, Peru", "2020-11-09", "Congress removed"),
    ("Kigali, June 3 (Xinhua) -- Rwanda opened a new airport.", "Kigali, June 3 (Xinhua)",
     "Kigali", "2023-06-03", "Rwanda opened"),
    ("DHAKA: Floods cut off three districts.", "DHAKA", "DHAKA", None, "Floods cut"),
])
def test_datelines_split(paragraph, text, place, day, rest):
    found, remainder = split_dateline(paragraph, reference="2023-07-01")
    assert (found.text, found.place, found.date) == (text, place, day)
    assert remainder.startswith(rest)


@pytest.mark.parametrize("paragraph", [
    "The army — and the police — said nothing.",
    "Mr Okafor (right) – who chairs the committee – said the vote was fair.",
    "BREAKING NEWS UPDATE: The vote was postponed.",
    "UN Secretary-General Antonio Guterres called for calm.",
    "Officials said: \"We will reopen the border.\"",
])
def test_sentences_are_not_datelines(paragraph):
    found, remainder = split_dateline(paragraph)
    assert found is None and remainder == paragraph


def test_year_less_dateline_needs_a_reference():
    found, _ = split_dateline("HARARE, May 17 (Reuters) - Zimbabwe's court ruled.")
    assert found.date is None
    found, _ = split_dateline("HARARE, May 17 (Reuters) - Zimbabwe's court ruled.", "2008-01-10")
    assert found.date == "2007-05-17"  # May 17 before January 10: the year before


def test_article_text_starts_after_the_dateline_and_records_it():
    text = ("Chad closes border crossing with Sudan\n\n"
            "ABECHE, Chad — Chad closed its main border crossing with Sudan on Tuesday, "
            "citing attacks on aid convoys near the frontier.\n\n"
            "The interior ministry said the crossing would stay shut for two weeks.\n")
    article = to_article(Record(input="t.txt", content=text, fallback_published="2024-05-02"))
    assert article.text.startswith("Chad closed its main border crossing")
    assert article.dateline == {"text": "ABECHE, Chad", "place": "ABECHE, Chad", "date": None}
    assert article.to_dict()["dateline"]["place"] == "ABECHE, Chad"
    start = article.text.index("interior ministry")
    assert article.text[start:start + 17] == "interior ministry"  # offsets are into the new text


def test_dated_dateline_gives_the_published_date_when_none_is_stated():
    text = ("Niger, 21 August 2023: The regional bloc said its troops were ready to deploy if "
            "talks with the junta failed, officials said after a two-day meeting.\n\n"
            "Diplomats said talks would continue in Niamey next week.\n")
    c = clean_text(text)
    assert c.dateline.date == "2023-08-21" and c.published == "2023-08-21"
    assert c.body.startswith("The regional bloc said")


def test_dateline_only_line_goes_whole():
    text = ("QUITO, Ecuador -- (Wire)\n\nEcuador's president declared a state of emergency in "
            "three provinces on Monday after a wave of prison riots, his office said.\n\n"
            "The army will patrol the streets for sixty days, the decree says.\n")
    c = clean_text(text)
    assert c.body.startswith("Ecuador's president declared")
    assert "QUITO" not in c.body
