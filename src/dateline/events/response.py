"""Responses to an earlier act: "Belarus condemned the decision" answers whoever decided.

When a reaction event (rejecting, condemning, welcoming...) has no named recipient and its
object is a definite noun for an act ("the decision", "the criticism", "the sanctions"), the
recipient is the source of the nearest earlier event by another actor in the article - the act
the noun refers back to. The nouns are data (data/events/response_nouns.tsv).
"""
from __future__ import annotations

import functools

from ..paths import data_file

WINDOW_CHARS = 600  # an antecedent further back than this is rarely the one meant


@functools.lru_cache(maxsize=1)
def _nouns() -> frozenset[str]:
    with open(data_file("events", "response_nouns.tsv"), encoding="utf-8") as fh:
        return frozenset(ln.strip().lower() for ln in fh if ln.strip() and not ln.startswith("#"))


def _anaphoric_object(cand):
    """The definite act-noun the trigger takes as object ("rejected the criticism"), if any."""
    for child in cand.head.children:
        if child.dep_ in ("dobj", "nsubjpass") and child.lemma_.lower() in _nouns():
            if any(d.lower_ in ("the", "this", "that", "these", "those", "such")
                   or d.dep_ == "poss" for d in child.children):
                return child
    return None


def _countries(refs) -> set:
    return {r.country for r in refs if r.country}


def respond_to_antecedents(cands: list) -> None:
    """Give each recipient-less response the source of the act it answers."""
    ordered = sorted(cands, key=lambda c: c.trigger.idx)
    for i, cand in enumerate(ordered):
        if cand.target or not cand.source or _anaphoric_object(cand) is None:
            continue
        own = _countries(cand.source)
        for prev in reversed(ordered[:i]):
            if cand.trigger.idx - prev.trigger.idx > WINDOW_CHARS:
                break
            theirs = _countries(prev.source)
            if theirs and not theirs & own:
                cand.target = list(prev.source)
                break
