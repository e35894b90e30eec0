"""Sentence and entity look-ups cached per parse.

spaCy rebuilds `Doc.sents` and `Doc.ents` on every access and `Token.sent` walks the whole
document, so on a long article (100k characters) repeated look-ups dominate the quote stage.
`sents(doc)` -> sentence Spans; `sent_of(tok)` -> its sentence; `ents(doc)` -> entities; `text(doc)`;
`segments(doc)` -> the quotation-mark segments of the text (`marks.find_segments`).
"""
from __future__ import annotations

import bisect


def sents(doc) -> list:
    cached = doc.user_data.get("dateline_sents")
    if cached is None:
        cached = doc.user_data["dateline_sents"] = list(doc.sents)
    return cached


def sent_of(tok):
    doc = tok.doc
    starts = doc.user_data.get("dateline_sent_starts")
    ss = sents(doc)
    if starts is None:
        starts = doc.user_data["dateline_sent_starts"] = [s.start for s in ss]
    return ss[max(0, bisect.bisect_right(starts, tok.i) - 1)]


def ents(doc) -> list:
    cached = doc.user_data.get("dateline_ents")
    if cached is None:
        cached = doc.user_data["dateline_ents"] = list(doc.ents)
    return cached


def text(doc) -> str:
    """`Doc.text` joins every token on each access: read it once per parse."""
    cached = doc.user_data.get("dateline_text")
    if cached is None:
        cached = doc.user_data["dateline_text"] = doc.text
    return cached


def segments(doc) -> tuple:
    """`marks.find_segments(text(doc))`, scanned once per parse (the candidates and the speaker
    resolver both read them); a tuple, so no caller can change another's."""
    cached = doc.user_data.get("dateline_segments")
    if cached is None:
        from . import marks

        cached = doc.user_data["dateline_segments"] = tuple(marks.find_segments(text(doc)))
    return cached
