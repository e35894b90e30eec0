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


SENTENCE_END = set('.!?:;"\u201d\u2019\u00bb)]|')


def is_break(text: str, i: int) -> bool:
    """Is the line break at `i` a paragraph break? A blank line always is; a single break is one
    unless the line stops mid-sentence (hard-wrapped plain text: 'we want to\nhelp them')."""
    j = i - 1
    while j >= 0 and text[j] in " \t\r":
        j -= 1
    k = i + 1
    while k < len(text) and text[k] in " \t\r":
        k += 1
    if j < 0 or k >= len(text) or text[k] == "\n" or text[j] == "\n":
        return True
    if text[k] in OPEN or text[k] in "-\u2014\u2013\u2022*":
        return True
    return text[j] in SENTENCE_END or not text[j].isalnum() and text[j] not in ",-"


def paragraph_bounds(text: str, at: int) -> tuple[int, int]:
    """(start, end) of the paragraph holding character `at` (see `is_break`)."""
    a = at
    while True:
        a = text.rfind("\n", 0, a)
        if a < 0 or is_break(text, a):
            a += 1
            break
    b = at
    while True:
        b = text.find("\n", b)
        if b < 0:
            b = len(text)
            break
        if is_break(text, b):
            break
        b += 1
    return a, b


def same_paragraph(text: str, a: int, b: int) -> bool:
    lo, hi = min(a, b), max(a, b)
    i = text.find("\n", lo, hi)
    while i >= 0:
        if is_break(text, i):
            return False
        i = text.find("\n", i + 1, hi)
    return True


def _paragraphs(text: str):
    start = 0
    for i, ch in enumerate(text):
        if ch == "\n" and is_break(text, i):
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
            if ch in OPEN and not (ch == '"' and i > a and text[i - 1].isdigit()):
                open_at, depth = i, 1  # '5" guns': a straight mark after a digit is inches
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


def dangling(segments: list[Segment]) -> list[Segment]:
    """Segments left open at a paragraph's end whose quote no later paragraph continues (the
    next paragraph does not open with a mark): a missing closing mark or a stray opening one,
    so where the quote ends is unknown."""
    groups = {}
    for s in segments:
        groups[s.group] = s
    return [s for s in segments if not s.closed and groups[s.group] is s]


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
