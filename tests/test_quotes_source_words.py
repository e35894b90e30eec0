"""A source's head word names someone: a conjunction or punctuation the learned tagger marks as
source gives way to the cue's subject. Inputs written for these tests."""
from __future__ import annotations

from quotes_fixture import run_quotes, speaker


def _speakers(text):
    return [speaker(q) for q in run_quotes(text)]


def test_conjunction_inside_the_subject_is_no_speaker(nlp):
    spk = _speakers("Observers, both Ghanaian and foreign, viewed polling as generally free and fair.")
    assert "and" not in spk


def test_conjunction_between_two_groups_is_no_speaker(nlp):
    spk = _speakers("Monitors, local and international, described the count as orderly and transparent.")
    assert "and" not in spk
