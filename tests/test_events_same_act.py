"""One act named twice in a clause ("thronged the streets to join protests", "opened fire,
killing 12") is one event: the inner trigger of the same type is a mention. An act in a clause
with its own subject ("after X killed ...") stays an event. Inputs written for these tests."""
from __future__ import annotations

from dateline.pipeline import extract


def _events(text: str) -> list[dict]:
    return extract(text, published="2024-05-02")["events"]


def test_purpose_clause_of_the_same_type_is_one_event():
    text = "Thousands of Armenian demonstrators filled the streets of Yerevan to join protests against the government."
    protests = [e for e in _events(text) if e["type"] == "PROTEST"]
    assert len(protests) == 1, _events(text)
    assert protests[0]["mentions"], protests[0]


def test_result_participle_is_one_event():
    text = "Malian soldiers opened fire on villagers near Mopti, killing at least 12 civilians."
    assaults = [e for e in _events(text) if e["type"] == "ASSAULT"]
    assert len(assaults) == 1, _events(text)


def test_an_act_with_its_own_subject_stays():
    text = ("French troops clashed with Ivorian soldiers in Abidjan after Ivorian jets killed "
            "nine French peacekeepers.")
    assaults = [e for e in _events(text) if e["type"] == "ASSAULT"]
    assert len(assaults) == 2, _events(text)
