"""PLOVER contexts come from the words around an event, on top of its type's default."""
from __future__ import annotations

import dateline
from dateline.events.contexts import contexts_for


def test_cues_add_contexts_once_in_order():
    got = contexts_for(["diplomatic"], "Talks on the loan stalled as troops and more troops massed.")
    assert got == ["diplomatic", "economic", "military"]


def test_longer_cue_wins_and_word_boundaries_hold():
    assert contexts_for([], "Riot police used tear gas on Friday.") == ["repression"]
    assert contexts_for([], "The gastronomy festival opened.") == []


def test_events_carry_sentence_contexts():
    doc = dateline.extract("Chilean troops shelled rebel positions near the border on Monday, "
                           "the army said.", published="2025-02-03")
    assault = [e for e in doc["events"] if e["type"] == "ASSAULT"]
    assert assault and {"military", "territory"} <= set(assault[0]["contexts"])
