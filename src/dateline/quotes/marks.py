"""Quotation-mark spans: straight and curly, multi-sentence and multi-paragraph.

A quote opened at the start of a paragraph and left unclosed continues into the next paragraph
when that one opens with a mark again (the newspaper convention); each paragraph piece becomes
its own segment, linked by `group` so the pieces share one speaker.
"""
from __future__ import annotations

from dataclasses import dataclass

OPEN = {"\u201c": "\u201d", "\u201e": "\u201d", "\u00ab": "\u00bb", '"': '"'}
CLOSE = {"\u201d", "\u00bb", '"'}


@dataclass
class Segment:
    start: int  # first character of the content (after the opening mark)
    end: int    # one past the content (before the closing mark)
    group: int
    closed: bool = True


def _paragraphs(text: str):
    start = 0
    for i, ch in enumerate(text):
        if ch == "\n":
            if i > start:
                yield start, i
            start = i + 1
    if start < len(text):
        yield start, len(text)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _scan_paragraph(text: str, a: int, b: int) -> list[tuple[int, int, bool]]:
    """(content_start, content_end, closed) for the outermost quotes of one paragraph."""
    out, i, open_at, depth = [], a, None, 0
    while i < b:
        ch = text[i]
        if open_at is None:
            if ch in OPEN:
                open_at, depth = i, 1
        elif ch == '"' and text[open_at] != '"':
            pass  # straight mark inside a curly quote: nested, ignore
        elif ch in CLOSE and (ch != '"' or text[open_at] == '"'):
            depth -= 1
            if depth == 0:
                out.append((open_at + 1, i, True))
                open_at = None
        elif ch in OPEN and ch != '"':
            depth += 1  # nested curly quote
        i += 1
    if open_at is not None:
        out.append((open_at + 1, b, False))
    return out


def find_segments(text: str) -> list[Segment]:
    # Some papers (and ASCII feeds) write double quotes as two apostrophes: read '' as " (same length)
    text = text.replace("''", '" ')
    segments: list[Segment] = []
    group, carry = 0, False
    for a, b in _paragraphs(text):
        first_mark = text[a:b].lstrip()[:1] in OPEN
        pieces = _scan_paragraph(text, a, b)
        for k, (s, e, closed) in enumerate(pieces):
            if not (k == 0 and carry and first_mark and text[a:s].strip() in OPEN):
                group += 1
            s, e = _strip(text, s, e)
            if e - s >= 2:
                segments.append(Segment(s, e, group, closed))
        carry = bool(pieces) and not pieces[-1][2]
    return segments
