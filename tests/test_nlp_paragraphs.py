"""A paragraph break is a sentence break (nlp_pipes/paragraphs.py): no sentence of a cleaned
text runs across a blank line, so a subhead, a deck without a full stop, or a quotation ending
in a closing quote mark does not change how the next paragraph is parsed and coded. Inputs
written for this test, not from the dev set."""
from __future__ import annotations

import pytest

import dateline
from dateline import nlp

TEXTS = [
    "New trade routes\n\nShe stated Ghana firmly backs the free-trade area, and is committed to "
    "lowering tariffs with its neighbours.",
    "Border talks\n\nThe minister stated Chile and Bolivia would meet in La Paz next week.",
    "Ruto informed parliament: “We will send police to Haiti, and we will not turn back.”\n\n"
    "Nairobi has promised the mission for a year, but courts have blocked it twice.",
    "Move comes a week into a strike by dockers in Durban over pay\n\nSouth African soldiers "
    "have arrived at the port to unload ships, the army has stated.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_no_sentence_crosses_a_paragraph_break(text):
    doc = nlp.load()(text)
    assert all("\n" not in s.text.strip() for s in doc.sents)
    assert len(list(doc.sents)) >= 2


def test_hard_spaces_and_single_words_are_left_alone():
    doc = nlp.load()("Talks resumed in Doha on Monday. Both sides attended.")
    assert [s.text.strip() for s in doc.sents] == ["Talks resumed in Doha on Monday.",
                                                  "Both sides attended."]
    assert len(nlp.load()("\n\nPeace\n\n")) >= 1  # leading and trailing breaks: no error


def _coded(text):
    out = dateline.extract(text, published="2024-03-04")
    return sorted((e["type"], e["evidence"]["text"]) for e in out["events"])


@pytest.mark.parametrize("head, para", [
    ("Closer ties", "The president stated Senegal firmly upholds the one-China principle, and "
     "is committed to deepening the partnership with Beijing."),
    ("Aid pledge", "The minister stated Norway firmly supports the relief effort, and is "
     "committed to sending 200 tonnes of food to Sudan."),
])
def test_a_subhead_does_not_change_the_events_of_the_next_paragraph(head, para):
    assert _coded(head + "\n\n" + para) == _coded(para)
