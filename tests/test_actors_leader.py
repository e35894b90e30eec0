"""Issue 7, kind 8: "the leader" (with no country of its own) is the head of state or government
named last, not the country the article names most.

Inputs written for these tests; the real pipeline runs on them."""
from __future__ import annotations

from dateline.pipeline import extract


def _actor_of(out, words):
    for a in out["actors"]:
        if any(words in m["text"] for m in a["mentions"]):
            return a
    return None


def test_the_veteran_leader_is_the_president_named_before():
    text = ("President Yoweri Museveni met farmers in Gulu on Monday.\n\n"
            "Kenya, Kenya and Kenya again protested. The veteran leader later accused Kenya "
            "of stealing fish from Lake Victoria.")
    out = extract(text, published="2024-05-06")
    a = _actor_of(out, "veteran leader")
    assert a is not None and a["country"] == "UGA"


def test_the_leader_after_a_prime_minister():
    text = ("Prime Minister Abiy Ahmed spoke in Addis Ababa on Friday about the dam. Egypt "
            "has long opposed it and Egypt's diplomats say Egypt will not give up.\n\n"
            "The Ethiopian-born leader said the dam would be finished this year.")
    out = extract(text, published="2022-02-04")
    a = _actor_of(out, "born leader")
    assert a is not None and a["country"] == "ETH"


def test_the_opposition_leader_is_not_the_president():
    text = ("President Samia Suluhu Hassan opened a hospital in Dodoma on Monday.\n\n"
            "The opposition leader accused the government of wasting money.")
    out = extract(text, published="2023-03-06")
    a = _actor_of(out, "opposition leader")
    assert a is not None and a["name"] != "Samia Suluhu Hassan" and a["sector"] == "OPP"
