"""A speaker is a person or an organisation (GOLD_FORMAT.md): things ('these plans said', 'the
rules say') and buildings ('the Sydney Opera House said') are not given as speakers;
metonymic seats ('the White House said') and documents and polls PolNeAR counts as sources
(data/quotes/source_nouns.tsv) stay. A thing is a noun PolNeAR train has mostly inside content
(data/quotes/content_nouns.tsv) that the actor stage does not resolve. Inputs written for these tests."""
from __future__ import annotations

from quotes_fixture import run_quotes, speaker


def _speakers(text):
    return {q.text: speaker(q) for q in run_quotes(text)}


def test_plans_and_rules_are_not_speakers(nlp):
    text = ("The new zoning plans said little about the river district, which floods every spring. "
            "Residents said the council had ignored them.\n\n"
            "The tender rules say that bidders must post a deposit of two million shillings.")
    got = _speakers(text)
    assert not any(s and ("plans" in s.lower() or "rules" in s.lower()) for s in got.values()), got
    assert any("council had ignored" in t and s for t, s in got.items()), got


def test_a_named_building_is_not_a_speaker(nlp):
    text = ("Fire crews worked through the night at the harbour. The Sydney Opera House said in a "
            "post that its evening concerts were cancelled, while Harbour Bridge Tower said the "
            "walkway would stay shut.\n\nThe harbour police said no one was hurt.")
    for q in run_quotes(text):
        name = (speaker(q) or "").lower()
        assert "opera house" not in name and "tower" not in name, (q.text, name)
    assert any("no one was hurt" in q.text and speaker(q) for q in run_quotes(text))


def test_seats_of_government_and_polls_still_speak(nlp):
    text = ("The White House said on Friday that it would send two envoys to the talks. "
            "A poll released on Thursday found that most farmers back the new water rules.")
    got = _speakers(text)
    assert any("send two envoys" in t and s for t, s in got.items()), got
    assert any("most farmers back" in t for t in got), got
