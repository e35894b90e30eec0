"""'X said Y, according to Z' (quotes/relay.py): the pipeline's quotation is X's (who said the
words), without the 'according to' phrase; PolNeAR's scope ("attributions") keeps Z as the source
of 'X said Y', as PolNeAR train annotates it. An 'according to' over more than one attribution
stays. Inputs written for these tests."""
from __future__ import annotations

from quotes_fixture import quote_with, run_quotes, speaker


def _only(text, words, scope="quotations"):
    found = [q for q in run_quotes(text, scope=scope) if words in q.text]
    assert len(found) == 1, [(q.text, speaker(q)) for q in run_quotes(text, scope=scope)]
    return found[0]


def test_the_speaker_of_the_clause_speaks(nlp):
    text = ("The country's foreign minister said on Tuesday that talks with its neighbour would "
            "resume next month, according to Xinhua.")
    q = _only(text, "would resume next month")
    assert "minister" in (speaker(q) or "").lower()
    assert "according" not in q.text and "said" not in q.text


def test_the_relay_does_not_outrank_a_bare_subject(nlp):
    text = "Officials said the dam had been breached in two places, according to state media."
    q = _only(text, "breached in two places")
    assert speaker(q) and "officials" in speaker(q).lower()
    assert not q.text.rstrip().endswith("state media")
    text = ("The army said in a statement on Friday that it had recaptured the airport, "
            "according to the Tass news agency.")
    assert "army" in (speaker(_only(text, "recaptured the airport")) or "").lower()


def test_polnear_scope_keeps_the_relaying_source(nlp):
    text = "Officials said the dam had been breached in two places, according to state media."
    q = _only(text, "breached in two places", scope="attributions")
    assert "state media" in (speaker(q) or "").lower() and q.text.startswith("Officials said")


def test_according_to_over_more_than_one_clause_stays(nlp):
    text = ("The death toll rose to 40 overnight, and two more villages were cut off by the "
            "landslide, according to the health ministry.")
    q = quote_with(run_quotes(text), "death toll rose")
    assert "health ministry" in (speaker(q) or "").lower()
    text = ("Two ministers told the president they wanted to resign, and the cabinet may be "
            "reshuffled this week, according to the Lima daily El Comercio.")
    q = quote_with(run_quotes(text), "cabinet may be reshuffled")
    assert "comercio" in (speaker(q) or "").lower()
