"""Attributions the learned tagger (PolNeAR train) finds beyond reporting verbs: noun-object cues
('expressed optimism that', 'was dismissive of') and documents or studies as sources
('a study by X found that'). Inputs written for these tests."""
from __future__ import annotations

import pytest

from quotes_fixture import quote_with, run_quotes, speaker

from dateline.quotes import tagger


@pytest.fixture(scope="module")
def model():
    m = tagger.load()
    assert m is not None, "src/dateline/data/quotes/tagger.json.gz is missing (scripts/quotes/train_tagger.py)"
    return m


def test_noun_object_cue_expressed_optimism(nlp, model):
    qs = run_quotes("Central bank governor Elif Demir expressed optimism that inflation would fall "
                    "below five percent by the end of the year.")
    q = quote_with(qs, "inflation would fall")
    assert speaker(q) == "Elif Demir"


@pytest.mark.xfail(strict=True, reason="the shipped weights were learned with the copula as the cue "
                   "head of 'was dismissive of'; scripts/quotes/train_tagger.py now takes the adjective, "
                   "a retrain is due")
def test_noun_object_cue_dismissive_of(nlp, model):
    text = ("Senator Ruth Okafor was dismissive of the proposal to raise the fuel tax, "
            "calling it a gift to the oil companies.")
    q = quote_with(run_quotes(text, scope="attributions"), "proposal to raise the fuel tax")
    assert speaker(q) == "Ruth Okafor"
    # a noun phrase is an attitude, not a quotation: the pipeline's scope leaves it out
    assert not any("proposal to raise" in q.text for q in run_quotes(text))


def test_noun_object_cue_voiced_concern(nlp, model):
    qs = run_quotes("The farmers' union voiced concern that the new import quotas would ruin "
                    "small dairy producers.")
    q = quote_with(qs, "import quotas would ruin")
    assert "union" in (speaker(q) or "").lower()


def test_unknown_scope_is_refused(nlp):
    import pytest as _pytest

    with _pytest.raises(ValueError):
        run_quotes("He said it.", scope="everything")


def test_study_as_source(nlp, model):
    qs = run_quotes("A study by the Marine Institute found that fish stocks in the bay had fallen "
                    "by a third since 2010.")
    q = quote_with(qs, "fish stocks in the bay")
    assert "Marine Institute" in (speaker(q) or "")


def test_report_as_source(nlp, model):
    qs = run_quotes("A report from the World Health Organization concluded that the outbreak was "
                    "under control in four provinces.")
    q = quote_with(qs, "outbreak was under control")
    assert "World Health Organization" in (speaker(q) or "")


def test_cue_probability_separates_cues_from_plain_verbs(nlp, model):
    doc = nlp("The minister claimed that prices had fallen. The minister ate lunch.")
    claimed = next(t for t in doc if t.text == "claimed")
    ate = next(t for t in doc if t.text == "ate")
    assert model.cue_prob(claimed, False) > 0.5 > model.cue_prob(ate, False)


def test_role_tagger_finds_source_and_content(nlp, model):
    doc = nlp("Union leaders warned that the strike could last for weeks.")
    cue = next(t for t in doc if t.text == "warned")
    att = model.attribution(cue, set())
    assert att.source is not None and att.source.text == "leaders"
    assert att.content is not None
    assert "the strike could last for weeks" in doc.text[att.content[0]:att.content[1]]
    assert "Union" not in doc.text[att.content[0]:att.content[1]]
