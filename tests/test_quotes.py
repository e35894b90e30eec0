"""Quote stage on sentences written for these tests (not from any benchmark)."""
from __future__ import annotations

import pytest

from dateline.evaluation.quotes import covers, make_doc, read_ann
from dateline.quotes import find_quotes
from dateline.quotes.marks import find_segments


@pytest.fixture()
def quotes(nlp):
    def run(text):
        doc = make_doc(text, "2025-05-01")
        find_quotes(doc)
        for q in doc.article.quotes:  # the contract: offsets point at the text
            assert text[q.start:q.end] == q.text
            if q.cue:
                assert text[q.cue.start:q.cue.end] == q.cue.text
        assert [q.id for q in doc.article.quotes] == [f"q{i + 1}" for i in range(len(doc.article.quotes))]
        assert [q.start for q in doc.article.quotes] == sorted(q.start for q in doc.article.quotes)
        return doc.article.quotes
    return run


def speaker(q):
    return q.speaker.name if q.speaker else None


def test_direct_curly_quote(quotes):
    text = "\u201cThe harbour will reopen next week,\u201d said Maria Olsen, the port director."
    qs = quotes(text)
    assert len(qs) == 1
    assert qs[0].kind == "direct"
    assert qs[0].text == "The harbour will reopen next week"  # the comma belongs to the attribution
    assert "Olsen" in speaker(qs[0])
    assert qs[0].cue.text == "said"


def test_interrupted_quote_shares_speaker(quotes):
    text = ("\u201cWe are ready,\u201d Tomas Berg said on Thursday. \u201cThe talks can begin tomorrow "
            "and nobody should be left out.\u201d")
    qs = quotes(text)
    assert [q.text for q in qs] == ["We are ready", "The talks can begin tomorrow and nobody should be left out."]
    assert all("Berg" in (speaker(q) or "") for q in qs)


def test_multi_paragraph_quote(quotes):
    text = ("Anna Kovacs, the mayor of the town, told residents:\n\n"
            "\u201cThe bridge is closed. Repairs will take a month.\n\n"
            "\u201cWe ask drivers to use the northern route.\u201d\n\nTraffic was light on Sunday.")
    qs = quotes(text)
    assert [q.text for q in qs] == ["The bridge is closed. Repairs will take a month.",
                                   "We ask drivers to use the northern route."]
    assert all(speaker(q) == "Anna Kovacs" for q in qs)
    assert all(q.kind == "direct" for q in qs)


def test_partial_quote_inside_accusation(quotes):
    text = ('Opposition leader Pedro Alvarez accused the government of "stealing the harvest from '
            'farmers" during the drought.')
    qs = quotes(text)
    assert len(qs) == 1
    assert qs[0].kind == "partial"
    assert qs[0].text == "stealing the harvest from farmers"
    assert speaker(qs[0]) == "Pedro Alvarez"


def test_indirect_said_that(quotes):
    qs = quotes("Finance Minister Lena Vogt said that the budget would be balanced by 2027.")
    assert len(qs) == 1
    assert qs[0].kind == "indirect"
    assert qs[0].text == "the budget would be balanced by 2027"
    assert speaker(qs[0]) == "Lena Vogt"


def test_according_to(quotes):
    qs = quotes("According to Rahul Mehta, the director of the institute, the vaccine trial will "
                "start in March.")
    assert len(qs) == 1
    assert qs[0].text == "the vaccine trial will start in March"
    assert speaker(qs[0]) == "Rahul Mehta"
    assert qs[0].cue.text == "According to"


def test_pronoun_speaker_is_last_named_person(quotes):
    qs = quotes("Kofi Mensah arrived in Accra on Monday. He told reporters that the strike was over.")
    assert len(qs) == 1
    assert qs[0].text == "the strike was over"
    assert speaker(qs[0]) == "Kofi Mensah"
    assert qs[0].speaker.text == "He"


def test_scare_quotes_are_not_speech(quotes):
    qs = quotes('Thousands joined the "march for bread" in the capital on Friday, and shops near '
                'the \u201cgreen zone\u201d stayed shut.')
    assert qs == []


def test_segments_straight_and_curly_nested():
    text = 'She said "the word \u201cfree\u201d is misused" yesterday.'
    segs = find_segments(text)
    assert [text[s.start:s.end] for s in segs] == ["the word \u201cfree\u201d is misused"]


def test_word_runs_cover_rule():
    assert covers("the budget would be balanced by 2027", "budget would be balanced")
    assert not covers("balanced budget", "the budget would be balanced by 2027")


def test_read_ann_discontinuous(tmp_path):
    ann = tmp_path / "x.ann"
    ann.write_text("T1\tSource 0 4\tAnna\nT2\tCue 5 9\tsaid\nT3\tContent 10 14;20 25\tabcd fghij\n"
                   "T4\tAttribution 5 9\tsaid\nE1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n")
    atts = read_ann(ann)
    assert atts == [{"source": [(0, 4)], "cue": [(5, 9)],
                     "content": [(10, 14), (20, 25)]}]


def test_two_apostrophes_as_quote_marks():
    text = "''We will appeal,'' the lawyer said."
    segs = find_segments(text)
    assert [text[s.start:s.end] for s in segs] == ["We will appeal,"]


def test_the_role_noun_speaker_is_the_named_holder_mentioned_earlier():
    import dateline

    text = ("Peru's parliament approved the budget of Prime Minister Gustavo Adrianzen's "
            "government on Friday. Farmers protested outside the building.\n\n"
            "\"This budget protects the poorest families,\" the prime minister said.")
    doc = dateline.extract(text)
    quotes = [q for q in doc["quotes"] if q["text"].startswith("This budget")]
    assert quotes and "Adrianzen" in (quotes[0]["speaker"]["name"] or "")
