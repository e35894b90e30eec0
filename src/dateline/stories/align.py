"""Mentions that a near-duplicate's own text gives, though its own coding missed them.

Two articles the copy detection links (stories.copies: a syndicated copy or a light rewrite)
tell the same sentences, perhaps reordered, with other furniture or with a few words swapped.
The coder reads each copy afresh, and a reworded sentence can parse differently ("and is
committed to ..." attached to "stated" rather than to the clause), so a story event may hold a
mention from one copy and none from the other although both print the sentence. When a story
event has a mention from article A and none from a near-duplicate B of A, B's sentence aligned
with the mention's sentence gives B's mention, if

  - the two sentences are each other's best match between the two texts (sentence word
    Jaccard, at least SAME_SENTENCE: the same sentence, lightly reworded);
  - B's sentence holds at least SAME_CLAUSE of the content words of A's evidence (the clause
    itself is there, not only its sentence);
  - B has no event of the same type in that sentence (then the story merge, not the coder,
    kept them apart, and adding a mention would count the event twice).

The mention's evidence is B's own text: the span of B's sentence from the first to the last of
those words, with its offsets; `aligned_with` names the article and event it was aligned with,
and it has no event id of its own (`event_id` None, `event_ids` []). Alignment of sentences
between versions of one text, as in annotation projection across parallel or near-parallel
text (Yarowsky et al., 2001); the thresholds are the story merge's (stories/events.py).
"""
from __future__ import annotations

import re
from typing import Optional

from .text import content_term_spans

_END = re.compile(r"[.!?][\"'”’)]*\s|\n")


def families(copies: dict) -> dict:
    """{article id: family id}: articles joined by copy links (`copies`: id -> id it is a copy
    of, or None) are one family, whichever way the links run."""
    parent: dict = {}

    def root(x):
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in copies.items():
        root(a)
        if b:
            parent[root(a)] = root(b)
    return {a: root(a) for a in list(parent)}


def sentences(text: str) -> list[tuple[int, int, frozenset]]:
    """(start, end, content words) of each sentence of `text` (split after . ! ? and at line
    breaks, as stories.events.sentence_of)."""
    out, start = [], 0
    for m in _END.finditer(text):
        out.append((start, m.end()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    spans = content_term_spans(text)
    return [(a, b, frozenset(t for t, s, _ in spans if a <= s < b)) for a, b in out
            if text[a:b].strip()]


def _jaccard(a: frozenset, b: frozenset) -> float:
    return len(a & b) / (len(a | b) or 1)


class Aligner:
    """Sentence alignment between the articles of one story (texts split once each)."""

    def __init__(self, articles: list[dict], copies: dict, same_sentence: float,
                 same_clause: float):
        self.family = families(copies)
        self.by_id = {a["id"]: a for a in articles}
        self.same_sentence, self.same_clause = same_sentence, same_clause
        self._sents: dict = {}

    def near_duplicates(self, a: str, b: str) -> bool:
        fa = self.family.get(a)
        return a != b and fa is not None and fa == self.family.get(b)

    def sents(self, aid: str) -> list:
        if aid not in self._sents:
            self._sents[aid] = sentences(self.by_id.get(aid, {}).get("text") or "")
        return self._sents[aid]

    def _holding(self, aid: str, pos: int) -> Optional[int]:
        return next((k for k, (a, b, _) in enumerate(self.sents(aid)) if a <= pos < b), None)

    def _best(self, words: frozenset, aid: str) -> tuple[Optional[int], float]:
        scores = [_jaccard(words, w) for _, _, w in self.sents(aid)]
        if not scores:
            return None, 0.0
        k = max(range(len(scores)), key=scores.__getitem__)
        return k, scores[k]

    def mention(self, ev: dict, src: str, dst: str, evidence_words: frozenset) -> Optional[dict]:
        """The mention of `ev` (an event of article `src`) that article `dst`'s aligned
        sentence gives (module docstring), or None."""
        if not evidence_words or not self.near_duplicates(src, dst):
            return None
        start = (ev.get("evidence") or {}).get("start")
        k = self._holding(src, start) if isinstance(start, int) else None
        if k is None:
            return None
        words = self.sents(src)[k][2]
        j, score = self._best(words, dst)
        if j is None or score < self.same_sentence:
            return None
        a, b, theirs = self.sents(dst)[j]
        if self._best(theirs, src)[0] != k:
            return None
        if len(evidence_words & theirs) / len(evidence_words) < self.same_clause:
            return None
        if any(e["type"] == ev["type"] and _overlaps(e, a, b)
               for e in self.by_id[dst].get("events") or []):
            return None
        text = self.by_id[dst]["text"]
        hits = [(s, e) for t, s, e in content_term_spans(text[a:b]) if t in evidence_words]
        lo, hi = a + hits[0][0], a + hits[-1][1]
        return {"article_id": dst, "event_id": None, "event_ids": [],
                "evidence": text[lo:hi], "start": lo, "end": hi,
                "aligned_with": {"article_id": src, "event_id": ev.get("id")}}


def _overlaps(ev: dict, a: int, b: int) -> bool:
    span = ev.get("evidence") or {}
    return (span.get("start") or 0) < b and (span.get("end") or 0) > a
