"""Learned admission of non-finite attributions (`quotes.admit`, weights from PolNeAR train) and
the headline 'Source: claim' convention. Inputs written for these tests."""
from __future__ import annotations

from quotes_fixture import run_quotes, speaker

from dateline.quotes import admit


def test_weights_are_shipped_and_score_in_range():
    assert admit._weights() is not None
    p = admit.probability(["b", "l=criticize", "first=DET", "src=PERSON"])
    assert 0.0 < p < 1.0


def test_an_act_the_event_stage_codes_is_no_quotation(nlp):
    text = ("Opposition leader Miriam Otieno accused the electoral board of rigging the count in "
            "three districts, and the board condemned the attack on its office in Kisumu.")
    qs = run_quotes(text)
    assert not any("rigging the count" in q.text or "attack on its office" in q.text for q in qs), \
        [q.text for q in qs]


def test_headline_source_colon_claim(nlp):
    text = ("Kremlin: Moscow will answer the new sanctions within days\n\n"
            "Russia's government said on Monday it was studying the measures.")
    q = next(q for q in run_quotes(text) if "answer the new sanctions" in q.text)
    assert speaker(q)
    text = ("UPDATE: Floodwater closes three roads near the river port\n\n"
            "Water rose overnight and police closed the roads.")
    assert not any("Floodwater" in q.text for q in run_quotes(text))
