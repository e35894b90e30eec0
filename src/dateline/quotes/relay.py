"""Relayed attributions: 'X said Y, according to Z'.

PolNeAR train annotates such a sentence as one attribution whose source is Z (the outlet or
document relaying it), cue 'according to', content 'X said Y'; the inner 'X said' is not
annotated on its own (29 of the 31 train attributions whose 'according to' content holds a
speech verb; counted by scripts/quotes/count_relays.py).
The pipeline's quotations say who said the words (docs/CONTRACT.md, GOLD_FORMAT.md: dev 18's
'..., the spokesperson said, according to Xinhua' is the Eastern Theatre Command's), so:

- scope "quotations": the inner attribution (X, cue 'said', content Y without the 'according to'
  phrase) is the quotation and the relaying one is dropped;
- scope "attributions" (what PolNeAR annotates): the relaying one is kept and the inner dropped.

An 'according to' whose content holds more than the inner attribution ('two ministers told him
they would resign, and the cabinet may be reshuffled, according to news reports') is no relay:
the inner attribution must span RELAY_COVER of it, from its subject to its content's end.
"""
from __future__ import annotations

RELAY_COVER = 0.8


def _is_according(text: str, cand) -> bool:
    return cand.cue is not None and text[cand.cue[0]:cand.cue[0] + 9].lower() == "according"


def _inner(text: str, outer, cands):
    """The candidate whose cue, subject and content make `outer`'s content, or None."""
    size = max(1, outer.end - outer.start)
    for c in cands:
        if c is outer or c.cue is None or _is_according(text, c) or c.speaker_tok is None:
            continue
        subj = c.speaker_tok
        if not (outer.start <= c.cue[0] < outer.end and outer.start <= subj.idx < outer.end):
            continue
        first = min(subj.left_edge.idx, c.cue[0], c.start)
        if min(c.end, outer.end) - max(first, outer.start) >= RELAY_COVER * size:
            return c
    return None


def settle(cands: list, text: str, scope: str) -> list:
    """`cands` (rule candidates of one doc, `assemble.Cand`) with each relay settled as the
    module docstring says; an inner content running into the 'according to' phrase ends before it."""
    drop = set()
    for outer in cands:
        if not _is_according(text, outer):
            continue
        inner = _inner(text, outer, cands)
        if inner is None:
            continue
        if scope == "attributions":
            drop.add(id(inner))
            continue
        drop.add(id(outer))
        if inner.start < outer.cue[0] < inner.end:
            end = outer.cue[0]
            while end > inner.start and (text[end - 1].isspace() or text[end - 1] in ",;\u2014-"):
                end -= 1
            inner.end = end
    return [c for c in cands if id(c) not in drop]
