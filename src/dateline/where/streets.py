"""Street names that local news writes without a street word after them, the way police and
court reports locate an incident:

- a block: "the 500 block of Jeffords", "the 1200 block of North Main";
- a corner or intersection: "the corner of State and Hubbard", "the intersection of Pine and
  Fifth", "the Chartres/Franklin intersection";
- two streets sharing one plural street word: "Bourbon and Dauphine streets", "Grant and
  Maple avenues" (AP style writes the word once, lower case, after the last name);
- a name before a lower-case street word, after a preposition: "the renaming of Third
  street", "on Main road" (the whole phrase is the mention).

Each name is a street (a site): the gazetteer has no streets, so it stands at the town that
contains it (rank.place_sites). A name found here replaces what the parse made of it ("State",
"Washington" are streets in "the corner of State and Washington", not the state or the city).
"""
from __future__ import annotations

import functools
import re

from ..nlp import text_of
from ..paths import data_file

# one to three capitalised words (or "5th"), after an optional direction; no sentence stop inside
_WORD = r"[A-Z0-9][\w'\u2019-]*"
_NAME = rf"(?:(?:North|South|East|West|N\.|S\.|E\.|W\.|St\.)[ ])?{_WORD}(?:[ ][A-Z][\w'\u2019-]*){{0,2}}"


@functools.lru_cache(maxsize=1)
def road_words() -> frozenset:
    """Last words of street and road names ("street", "st.", "avenue"): the rows of
    data/geo/facility_words.tsv marked `road`."""
    return frozenset(r[0] for r in _rows() if len(r) > 1 and r[1] == "road")


@functools.lru_cache(maxsize=1)
def street_words() -> tuple[frozenset, frozenset]:
    """(singular, plural) lower-case street words: the road rows that give a plural."""
    rows = [r for r in _rows() if len(r) > 2 and r[2]]
    return frozenset(r[0] for r in rows), frozenset(r[2] for r in rows)


def _rows() -> list:
    lines = data_file("geo", "facility_words.tsv").read_text(encoding="utf-8").splitlines()
    return [[c.strip() for c in ln.split("\t")] for ln in lines
            if ln.strip() and not ln.startswith("#")]


@functools.lru_cache(maxsize=1)
def _patterns() -> list:
    one, many = street_words()
    alt1 = "|".join(sorted(map(re.escape, one), key=len, reverse=True))
    altn = "|".join(sorted(map(re.escape, many), key=len, reverse=True))
    pair = rf"(?P<a>{_NAME})\s(?:and|&)\s(?P<b>{_NAME})"
    return [
        re.compile(rf"\b\d[\d,]*\s+block\s+of\s+(?P<a>{_NAME})"),
        re.compile(rf"\b(?:corner|intersection|junction)\s+of\s+{pair}"),
        re.compile(rf"(?P<a>{_NAME})\s?/\s?(?P<b>{_NAME})\s+(?:intersection|corner)\b"),
        re.compile(rf"{pair}\s+(?:{altn})\b"),
        re.compile(rf"\b(?:on|of|along|down|up|at|to|into|off|onto|near|from|across|in)\s+"
                   rf"(?P<a>{_NAME}\s+(?:{alt1}))\b(?!\s+[A-Z])"),
    ]


_STOP = {"the", "a", "an", "this", "that", "its", "his", "her", "their", "our", "my"}


def street_spans(doc) -> list:
    """Token spans of the street names of `doc` (spaCy Doc), in text order, without repeats."""
    text, out, seen = text_of(doc), [], set()
    for pat in _patterns():
        for m in pat.finditer(text):
            for g in ("a", "b"):
                if g not in pat.groupindex or m.group(g) is None:
                    continue
                span = _span(doc, m.start(g), m.end(g))
                if span is not None and (span.start, span.end) not in seen:
                    seen.add((span.start, span.end))
                    out.append(span)
    return sorted(out, key=lambda s: s.start)


def _span(doc, start: int, end: int):
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None or len(span) == 0:
        return None
    while len(span) and span[-1].text in (".", ",") and not span[-1].text[:1].isalnum():
        span = span[:-1]
    if len(span) == 0 or span[0].lower_ in _STOP or span.text.isdigit() or \
            not span[0].text[:1].isupper() and not span[0].text[:1].isdigit():
        return None
    if span[0].text[:1].isdigit() and not re.match(r"^\d+(?:st|nd|rd|th)$", span[0].text):
        return None  # "500" opens an address, "5th" names a street
    return span
