"""Noun-object attributions in the pipeline's scope: the learned tagger's attribution with a noun
phrase as content is a quote unless the event stage codes its cue as an event ('condemned the
attack', 'accused X of Y' are PLOVER events, not quotations). Inputs written for these tests."""
from __future__ import annotations

from quotes_fixture import quote_with, run_quotes, speaker


def test_questioned_the_count(nlp):
    text = ("Opposition senator Lidia Varga questioned the official count of the flood victims "
            "in a radio interview on Tuesday.")
    q = quote_with(run_quotes(text), "official count of the flood victims")
    assert "Varga" in speaker(q)


def test_cited_the_figures(nlp):
    text = ("Finance minister Arjun Mehra cited the latest export figures as proof that the "
            "reform had worked.")
    q = quote_with(run_quotes(text), "export figures")
    assert "Mehra" in speaker(q)


def test_event_cues_with_noun_objects_stay_events(nlp):
    text = ("The foreign ministry condemned the rocket attack on the border town. Protest leaders "
            "accused the governor of corruption.")
    qs = run_quotes(text)
    assert not any("rocket attack" in q.text or "of corruption" in q.text for q in qs)
