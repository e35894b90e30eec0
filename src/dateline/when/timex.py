"""TIMEX3 annotation of a text: every time expression with its TimeML type and value.

`annotate(text, anchor, sdoc=None)` -> list of `Timex` (character offsets into `text`, type
DATE | TIME | DURATION | SET, value as TimeML writes it: "1998-01-08", "1998-W02", "P3Y",
"PRESENT_REF", "XXXX-WXX-1"...). Dates come from the tagger and resolver (tagger.py, resolve.py);
`anchor` (YYYY-MM-DD or date) is the document's reference time; `sdoc`, a spaCy parse of the same
text, gives the tense that places weekdays and year-less dates (future -> next, past -> last).
Value conventions follow the TimeML annotation guidelines (TimeBank 1.2) and TempEval-3.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from . import calendar as cal
from .resolve import parse_anchor, resolve_match
from .tagger import Match, tag


@dataclass
class Timex:
    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str

    def to_dict(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end, "type": self.type,
                "value": self.value}


def _tense(sdoc, m: Match) -> str:
    if sdoc is None:
        return "present"
    from .attach import tense_at

    return tense_at(sdoc, m.start, m.end)


def value_of(m: Match, anchor, tense: str) -> Optional[tuple[str, str]]:
    """(TIMEX3 type, value) of one tagged expression, or None when it cannot be written."""
    p = resolve_match(m, anchor, tense)
    if p is None:
        return None
    if p.gran == "present":
        return "DATE", "PRESENT_REF"
    return "DATE", cal.timex(p)


def annotate(text: str, anchor=None, sdoc=None) -> list[Timex]:
    """Every time expression of `text` that can be given a TIMEX3 value, in text order."""
    a = parse_anchor(anchor)
    out = []
    for m in tag(text):
        tv = value_of(m, a, _tense(sdoc, m))
        if tv is not None:
            out.append(Timex(m.start, m.end, m.text, tv[0], tv[1]))
    return out
