"""A sentence and its light paraphrase (the word swaps syndicated rewrites make: "said" ->
"stated", "troops" -> "soldiers", "talks" -> "negotiations", "government" -> "administration")
code the same events, by type and sides' countries. Inputs written for this test; the swaps are
those of stories/rewrite.py's table, which `dateline eval dedup` uses."""
from __future__ import annotations

import re

import pytest

import dateline
from dateline.stories.rewrite import synonyms

SENTENCES = [
    "Sudanese troops attacked a rebel camp near El Fasher on Monday, the army said.",
    "The government of Niger expelled the French ambassador on Tuesday, officials said.",
    "Kenya promised to send 1,000 police officers to Haiti, a spokesman told reporters.",
    "Russia and Ukraine began talks in Istanbul on Monday, the foreign ministry announced.",
    "Ethiopia signed an agreement with Somalia to end the dispute, the government said.",
]


def _reworded(text: str) -> str:
    table = synonyms()
    return re.sub(r"[a-z]+", lambda m: table.get(m.group(0), m.group(0)), text)


def _coded(text: str) -> list:
    out = dateline.extract(text, published="2024-05-06")
    return sorted((e["type"], tuple(sorted(a.get("country") or "" for a in e["source"])),
                   tuple(sorted(a.get("country") or "" for a in e["target"])))
                  for e in out["events"])


@pytest.mark.parametrize("text", SENTENCES)
def test_a_reworded_sentence_codes_the_same_events(text):
    other = _reworded(text)
    assert other != text
    coded = _coded(text)
    assert coded and _coded(other) == coded
