"""TIMEX3 annotation of a text: every time expression with its TimeML type and value.

`annotate(text, anchor, sdoc=None)` -> list of `Timex` (character offsets into `text`, type
DATE | TIME | DURATION | SET, value as TimeML writes it: "1998-01-08", "1998-W02", "P3Y",
"PRESENT_REF", "XXXX-WXX-1"...). Calendar dates come from the date tagger and resolver
(tagger.py, resolve.py); durations, clock times, sets, reference words and anaphoric dates from
timex_rules.py. `anchor` (YYYY-MM-DD or date) is the document's reference time; `sdoc`, a spaCy
parse of the same text, gives the tense that places weekdays and year-less dates (future ->
the next one, past -> the last one). Anaphoric expressions ("a year earlier", "the next day",
"that year") resolve against the reference time: the last date the text placed on the calendar,
carried from sentence to sentence. Value conventions: TimeML 1.2.1 guidelines, TempEval-3.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from . import calendar as cal
from . import timex_rules
from .resolve import parse_anchor, resolve_match
from .tagger import Match, tag

# date-tagger rules whose period becomes the reference time for anaphora
REFERENCE_RULES = {"md_md_range", "md_range", "dm_range", "dm_dm_range", "mdy", "dmy", "iso",
                   "dotted", "numeric", "month_year", "month", "weekday", "quarter", "year",
                   "season", "deictic", "ago", "shift_unit", "month_shift_year"}
DAYPART = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


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


def _date_value(m: Match, anchor, tense: str, ref=None) -> tuple[Optional[tuple[str, str]], Optional[cal.Period]]:
    if m.rule == "ago" and ref is not None and ref.gran in ("quarter", "month") and \
            re.match(r"(?:a|one)\s+year\s+ago$", m.text.split(" ", 1)[-1] if m.groups.get(
                "prep") else m.text, re.I):
        # "a year ago" beside a quarter's figures: the same quarter a year back
        return ("DATE", cal.timex(ref.shifted(years=-1))), None
    if m.rule == "duration":  # "the past three years": a length of time, not a date
        return timex_rules.value(Match(m.start, m.end, m.text, "dur_num", m.groups), anchor,
                                 None, tense), None
    p = resolve_match(m, anchor, tense, widen=False)
    if p is None:
        return None, None
    if p.gran == "present":
        return ("DATE", "PRESENT_REF"), None
    value = cal.timex(p) + ("-WE" if p.gran == "weekend" else "")
    daypart = (m.groups.get("daypart") or "").lower()
    if daypart and p.gran == "day":
        return ("TIME", f"{value}T{DAYPART[daypart]}"), p
    return ("DATE", value), (p if m.rule in REFERENCE_RULES else None)


TIME_RULES = ("clock", "daypart", "overnight", "set_plural_wd")


def _longest(matches: list[Match]) -> list[Match]:
    """Longest first; on a tie clock times and sets, then the date tagger's, then leftmost."""
    matches = sorted(matches, key=lambda x: (-(x.end - x.start), x.rule not in TIME_RULES,
                                             x.rule in timex_rules.VALUES, x.start))
    chosen: list[Match] = []
    for f in matches:
        if all(f.end <= c.start or f.start >= c.end for c in chosen):
            chosen.append(f)
    return sorted(chosen, key=lambda x: x.start)


def annotate(text: str, anchor=None, sdoc=None, tagged: Optional[list] = None) -> list[Timex]:
    """Every time expression of `text` that can be given a TIMEX3 value, in text order.
    `tagged`: `tagger.tag(text)` when the caller has it already (it is not modified)."""
    a = parse_anchor(anchor)
    out, ref = [], None
    if tagged is None:
        tagged = tag(text)
    dates = [m for m in tagged if m.rule == "duration" or resolve_match(m, a, "present")]
    for m in _longest(dates + timex_rules.find(text)):
        tense = _tense(sdoc, m)
        if m.rule in timex_rules.VALUES:
            tv, p = timex_rules.value(m, a, ref, tense), None
        else:
            tv, p = _date_value(m, a, tense, ref)
        if tv is None:
            continue
        if p is not None:
            ref = p
        out.append(Timex(m.start, m.end, m.text, tv[0], tv[1]))
    return out
