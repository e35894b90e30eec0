"""Issue 7, kind 1: who a demand or recall is addressed to.

"demanded the release of X": X is who is held, not the recipient (the holder, else the story's
counterpart); "recalled its ambassador to X": towards X; "appealed for help to X": X.
Inputs written for these tests; the real pipeline runs on them."""
from __future__ import annotations

from dateline.pipeline import extract


def _sides(ev):
    return ({r["country"] for r in ev["source"]}, {r["country"] for r in ev["target"]})


def _event(text, word, published="2023-09-04"):
    out = extract(text, published=published)
    return next(e for e in out["events"] if word in e["evidence"]["text"])


def test_release_of_own_nationals_is_asked_of_the_other_side():
    text = ("YEREVAN, Armenia — Azerbaijan detained four Armenian soldiers on Sunday. "
            "Armenia's foreign minister demanded the immediate release of the soldiers.")
    src, tgt = _sides(_event(text, "demanded"))
    assert src == {"ARM"} and tgt == {"AZE"}


def test_return_of_fishermen_is_not_asked_of_themselves():
    text = ("ACCRA, Ghana — Togo seized six Ghanaian fishing boats last week, Ghana said. "
            "Ghana's fisheries minister called for the return of our fishermen.")
    src, tgt = _sides(_event(text, "called for"))
    assert src == {"GHA"} and "GHA" not in tgt


def test_recalling_an_envoy_is_towards_the_host():
    text = "Algeria recalled its ambassador to Spain on Saturday over the Sahara policy."
    src, tgt = _sides(_event(text, "recalled"))
    assert src == {"DZA"} and tgt == {"ESP"}


def test_withdrawing_an_envoy_in_a_capital():
    text = "Rwanda withdrew its envoy in Kinshasa on Friday after the border clashes."
    src, tgt = _sides(_event(text, "withdrew"))
    assert src == {"RWA"} and tgt == {"COD"}


def test_appeal_for_help_to_an_organisation():
    text = "Moldova's president appealed for help to the European Union on Tuesday."
    src, tgt = _sides(_event(text, "appealed"))
    assert src == {"MDA"} and tgt == {"EU"}


def test_request_for_support_from_a_country():
    text = "Somalia's government asked for support from Turkey in the fight against al-Shabab."
    src, tgt = _sides(_event(text, "asked"))
    assert src == {"SOM"} and "TUR" in tgt
