"""PETRARCH2 verb patterns as triggers (kind 3 of issue 7): inputs written for these tests."""
from __future__ import annotations

import pytest

from dateline.events import petrarch
from dateline.pipeline import extract


def _types(text: str) -> set[tuple]:
    return {(e["type"], tuple(s["country"] for s in e["source"]),
             tuple(t["country"] for t in e["target"])) for e in extract(text)["events"]}


def test_tables_compiled_with_plover_types():
    verbs, patterns = petrarch.tables()
    assert len(verbs) > 1000 and sum(map(len, patterns.values())) > 3000
    recall = [p for p in patterns["recall"] if p.cameo == "161"]
    assert recall and recall[0].type == "SANCTION"


@pytest.mark.parametrize("text", [
    "Peru recalled its ambassador to Chile on Monday after the border dispute.",
    "Norway has withdrawn its ambassador from Kenya in protest at the ruling.",
])
def test_recalling_an_envoy_is_sanction_not_retreat(text):
    found = _types(text)
    assert any(t == "SANCTION" for t, _, _ in found), found
    assert not any(t == "RETREAT" for t, _, _ in found), found


@pytest.mark.parametrize("text,src,tgt", [
    ("Argentina has put on hold a planned delivery of grain to Bolivia, officials said.",
     "ARG", "BOL"),
    pytest.param("Japan put on hold its shipment of medical supplies to Myanmar on Friday.",
                 "JPN", "MMR", marks=pytest.mark.xfail(
                     reason="known gap: this parse of 'put on hold its shipment' codes nothing",
                     strict=True)),
])
def test_putting_aid_on_hold_is_sanction(text, src, tgt):
    found = _types(text)
    assert ("SANCTION", (src,), (tgt,)) in found, found
    assert not any(t == "AID" for t, _, _ in found), found


@pytest.mark.parametrize("text", [
    "Kenya blamed Uganda for the collapse of the talks.",
    "Chile decried Peru's decision to close the border.",
])
def test_blame_and_decry_are_accusations(text):
    found = _types(text)
    assert any(t == "ACCUSE" for t, _, _ in found), found


def test_bare_verb_needs_an_argument():
    # "add" has a CAMEO code of its own but a reporting use states nothing
    found = _types("The talks will resume in March, the Kenyan minister added.")
    assert not any(t == "COOPERATE" for t, _, _ in found), found
