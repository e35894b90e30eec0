"""Cue lexicon (reporting verbs, nouns, phrases) read from data/quotes/*.tsv.

Kept as data so the list can be extended or re-learned (scripts/quotes/learn_cues.py) without
touching code.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field

from ..paths import data_file


@dataclass(frozen=True)
class Lexicon:
    verbs: frozenset = field(default_factory=frozenset)
    nouns: frozenset = field(default_factory=frozenset)
    phrases: tuple = ()


def _rows(name: str):
    path = data_file("quotes", name)
    if not path.exists():
        return
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) >= 2:
            yield parts[0].strip().lower(), parts[1].strip().upper()


@functools.lru_cache(maxsize=None)
def load() -> Lexicon:
    """All cue files merged: hand-written `cues.tsv` plus learned `cues_learned.tsv` if present."""
    verbs, nouns, phrases = set(), set(), set()
    for name in ("cues.tsv", "cues_learned.tsv"):
        for cue, pos in _rows(name):
            {"VERB": verbs, "NOUN": nouns, "PHRASE": phrases}.get(pos, set()).add(cue)
    return Lexicon(frozenset(verbs), frozenset(nouns), tuple(sorted(phrases, key=len, reverse=True)))
