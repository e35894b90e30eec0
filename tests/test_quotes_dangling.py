"""Narrative is not a direct quote: a straight mark after a digit is inches, and a quote left
open with no next paragraph continuing it ends at an attribution inside it or at the end of its
sentence (`quotes.dangling`). Inputs written for these tests."""
from __future__ import annotations

from quotes_fixture import run_quotes, speaker


def test_inch_marks_open_no_quote(nlp):
    text = ('The frigate fired its 5" guns at the two skiffs, and the crews gave up within the hour '
            'after warning shots.\n\nA 12" pipe burst under the market road on Friday, flooding '
            'three shops.\n\nThe coastguard said two skiffs were seized.')
    qs = run_quotes(text)
    assert not any(q.kind == "direct" for q in qs), [(q.kind, q.text) for q in qs]


def test_missing_closing_mark_ends_at_the_attribution(nlp):
    text = ('Rebels took the hill town of Masisi on Sunday. "We hold the town now, the rebel '
            'spokesman Jean Baraka told reporters. Thousands of families fled south as shelling '
            'went on through the night.\n\nAid groups said the camps were full.')
    qs = run_quotes(text)
    assert not any("Thousands of families" in q.text for q in qs), [q.text for q in qs]
    q = next(q for q in qs if "hold the town" in q.text)
    assert "spokesman" not in q.text and "Baraka" in (speaker(q) or "")


def test_stray_mark_mid_paragraph_takes_one_sentence_at_most(nlp):
    text = ('The mayor, Lucia Ferraz, called the storm "the worst in fifty years. Water covered the '
            'main square and the fish market stayed shut until Friday.\n\n'
            'She said repairs would take months.')
    qs = run_quotes(text)
    assert not any("fish market" in q.text for q in qs), [q.text for q in qs]
    assert any("repairs would take months" in q.text for q in qs)
