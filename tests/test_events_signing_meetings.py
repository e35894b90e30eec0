"""Two vocabulary classes PETRARCH2's dictionary holds and the coder missed. (1) Verbs of signing
dateline lists (cues.json classes.sign) that PETRARCH2 lists nowhere ('ink', 'seal') are read as
its SIGN: 'inked a pact' is coded as 'signed a pact'. (2) Nouns PETRARCH2 codes CONSULT as the
bare object of several light verbs ('hold consultations', 'start consultations') name a meeting
by themselves (data/events/petrarch_nouns.tsv, scripts/events/build_petrarch.py):
'consultations between X and Y'. Inputs written for these tests."""
from __future__ import annotations

import pytest

from dateline.events import lexicon
from dateline.pipeline import extract


def _events(text: str) -> set[tuple]:
    return {(e["type"], tuple(sorted(s["country"] or "" for s in e["source"]))) for e in
            extract(text, published="2024-05-02")["events"]}


@pytest.mark.parametrize("signed, inked", [
    ("Japan and Vietnam signed a maritime security agreement in Hanoi on Monday.",
     "Japan and Vietnam inked a maritime security agreement in Hanoi on Monday."),
    ("Kenya and Ethiopia signed a border treaty in Addis Ababa on Friday.",
     "Kenya and Ethiopia sealed a border treaty in Addis Ababa on Friday."),
])
def test_inked_and_sealed_code_as_signed(signed, inked):
    want = _events(signed)
    assert want and _events(inked) == want


@pytest.mark.parametrize("text, sources", [
    ("Consultations between Egypt and Jordan took place in Amman on Sunday.", ("EGY", "JOR")),
    ("After consultations with Ghana on Monday, Togo reopened the border crossing.", ("TGO",)),
])
def test_consultations_are_a_meeting(text, sources):
    found = _events(text)
    assert any(t == "CONSULT" and set(sources) <= set(src) for t, src in found), found


def test_meeting_nouns_come_from_the_compiled_table():
    rows = lexicon.triggers()[("consultation", "N")]
    assert rows[0].types == ("CONSULT",)
    assert ("conference", "N") not in lexicon.triggers()  # 'hold a news conference' is no meeting
