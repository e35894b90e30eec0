"""A partial quote keeps the marked words as its text and carries the cue's argument that holds
them (what was said) as its `content`. Inputs written for these tests."""
from __future__ import annotations

from quotes_fixture import quote_with, run_quotes, speaker


def test_called_object_and_label(nlp):
    text = ("Union leader Marisol Ferreira called the new shift rota \u201ca recipe for accidents\u201d "
            "at a rally outside the depot.")
    q = quote_with(run_quotes(text), "recipe for accidents")
    assert q.text == "a recipe for accidents"
    assert q.content.text.startswith("the new shift rota") and q.content.text.endswith("\u201d")
    assert q.kind == "partial" and "Ferreira" in speaker(q)


def test_clause_around_the_marked_words(nlp):
    text = ("Farm minister Ole Brekke said the import deal was \u201ca slow poison\u201d for dairy "
            "farmers in the north.")
    q = quote_with(run_quotes(text), "slow poison")
    said = q.content or q  # the reported clause itself, or the partial quote's content
    assert "import deal was" in said.text and "Brekke" in speaker(q)
    assert said.text.count("\u201c") == said.text.count("\u201d")


def test_described_as_label(nlp):
    text = ("Harbour master Juno Aalto described the dredging plan as \u201ca waste of public money\u201d "
            "on Thursday.")
    q = quote_with(run_quotes(text), "waste of public money")
    assert q.text == "a waste of public money" and "Aalto" in speaker(q)
    assert q.content is not None and "dredging plan as" in q.content.text


def test_scare_quote_without_cue_is_still_not_speech(nlp):
    text = "The so-called \u201cgreen corridor\u201d opened to lorries on Monday."
    assert not any("green corridor" in q.text for q in run_quotes(text))


# Kind (PolNeAR train, round 6): the marked words close the sentence and hold its full stop
# (US style, 'called it "a disgrace."'); the argument still holds them, stop and mark included.

def test_sentence_final_label_keeps_its_argument(nlp):
    text = ("Councillor Ada Okafor called the parking levy \u201ca tax on nurses.\u201d "
            "The council votes on it next week.")
    q = quote_with(run_quotes(text), "tax on nurses")
    assert q.text.startswith("a tax on nurses") and "Okafor" in speaker(q)
    assert q.content is not None and q.content.text == "the parking levy \u201ca tax on nurses.\u201d"


def test_sentence_final_accusation_keeps_its_argument(nlp):
    text = ("Goalkeeper Tomas Lindqvist accused the league of \u201cprotecting its friends.\u201d "
            "He was fined the next day.")
    q = quote_with(run_quotes(text), "protecting its friends")
    assert q.content is not None and q.content.text.startswith("the league of \u201cprotecting")
    assert q.content.text.endswith(".\u201d")
