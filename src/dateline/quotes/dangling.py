"""Where a quote with no closing mark ends (`marks.dangling`: open at a paragraph's end, with no
next paragraph opening a mark to continue it).

The newspaper convention leaves a quote open only when the next paragraph continues it; a quote
open anywhere else is a typo (closing mark missing) or a stray mark, and the narrative after it
is not speech. `mend(sp, segs, is_cue) -> segs`, each dangling segment ended:
  * at the comma of an attribution inside it ('"We hold the town, the rebel spokesman said.'):
    a comma followed, within the sentence, by a cue verb whose subject lies after the comma;
  * else, when the mark opens inside the paragraph, at the end of the sentence it opens in;
  * else (a paragraph opening with the mark) where it is: a whole-paragraph quote.
"""
from __future__ import annotations

from dataclasses import replace

from . import marks, sentences
from .speakers import subject_of


def mend(sp, segs: list, is_cue) -> list:
    """`segs` with every dangling segment ended as the module docstring says (same order)."""
    loose = {id(s) for s in marks.dangling(segs)}
    if not loose:
        return segs
    return [_end(sp, s, is_cue) if id(s) in loose else s for s in segs]


def _end(sp, seg, is_cue):
    text = sentences.text(sp)
    span = sp.char_span(seg.start, seg.end, alignment_mode="expand")
    if span is None:
        return seg
    cut = _attribution_comma(span, is_cue)
    if cut is not None:
        return replace(seg, end=cut, closed=True)
    pa, _ = marks.paragraph_bounds(text, seg.start)
    if not text[pa:seg.start - 1].strip():
        return seg  # the paragraph opens with the mark: the paragraph is the quote
    first = sentences.sent_of(span[0])
    end = min(seg.end, first.end_char)
    while end > seg.start and text[end - 1].isspace():
        end -= 1
    return replace(seg, end=end, closed=True) if end - seg.start >= 2 else seg


def _attribution_comma(span, is_cue):
    """Character offset of the comma before an attribution inside `span`, or None."""
    for tok in span:
        if tok.text != "," or tok.i + 1 >= span.end:
            continue
        sent = sentences.sent_of(tok)
        for cue in span.doc[tok.i + 1:min(sent.end, span.end)]:
            if not is_cue(cue):
                continue
            subj = subject_of(cue)
            if subj is not None and subj.i > tok.i:
                return tok.idx
            if subj is None or cue.i == tok.i + 1:
                return tok.idx  # ', said the spokesman'
    return None
