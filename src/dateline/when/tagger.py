"""A rule tagger of English time expressions, built from the lexicons in data/time.

Each rule is a named regular expression; `tag()` runs them all and keeps the longest
non-overlapping matches. The resolver (resolve.py) reads the same named groups, so a rule
and the way it is resolved stay side by side by name.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from . import lexicon as lx


@dataclass
class Match:
    start: int
    end: int
    text: str
    rule: str
    groups: dict


def _pieces() -> dict[str, str]:
    a = lx.alternation
    month_full = [m for m in lx.months() if len(m) > 3 or m == "may"]
    units = lx.units()
    return {
        "MON": a(lx.months(), dotted=lx.month_abbreviations()),
        "MONF": a(month_full),
        "WD": a([w for w in lx.weekdays() if len(w) > 4]),
        "DEICTIC": a(lx.deictic_days()),
        "SHIFT": a(lx.shifts()),
        "UNIT": a(units),
        "NUM": r"(?:\d{1,3}|" + a(lx.numbers())[3:-1] + r")(?:[\s-]+" + a(lx.numbers())[3:-1]
               + r")?",
        "ORD": a(lx.ordinals()),
        "SEASON": a(lx.seasons()),
        "PART": a(lx.parts()),
        "PREP": a(lx.prepositions()),
        "DAYPART": a(lx.dayparts()),
        "PRESENT": a(lx.present_words()),
        "HOLIDAY": a(lx.holidays()),
        "YEAR": r"(?:1[5-9]\d\d|20\d\d)",
        "DAY": r"(?:[0-2]?\d|3[01])(?:st|nd|rd|th)?",
        "DASH": r"\s*(?:[-–—]|to|through|until|till|and)\s*",
    }


# name -> pattern; {X} is filled from _pieces(). Order matters only for equal-length ties.
RULES = (
    ("md_md_range", r"(?P<m1>{MON})\s+(?P<d1>{DAY}){DASH}(?P<m2>{MON})\s+(?P<d2>{DAY})"
                    r"(?:,?\s+(?P<y>{YEAR}))?"),
    ("md_range", r"(?P<m1>{MON})\s+(?P<d1>{DAY}){DASH}(?P<d2>{DAY})(?:,?\s+(?P<y>{YEAR}))?"),
    ("dm_dm_range", r"(?P<d1>{DAY})\s+(?:of\s+)?(?P<m1>{MON}){DASH}(?P<d2>{DAY})\s+(?:of\s+)?"
                    r"(?P<m2>{MON})(?:,?\s+(?P<y>{YEAR}))?"),
    ("dm_range", r"(?P<d1>{DAY}){DASH}(?P<d2>{DAY})\s+(?:of\s+)?(?P<m1>{MON})(?:,?\s+(?P<y>{YEAR}))?"),
    ("mdy", r"(?:{WD},?\s+)?(?P<m1>{MON})\s+(?P<d1>{DAY})(?!\d|:\d)(?:,?\s+(?P<y>{YEAR}))?"),
    ("dmy", r"(?:{WD},?\s+)?(?:the\s+)?(?P<d1>{DAY})\s+(?:of\s+)?(?P<m1>{MON})(?:,?\s+(?P<y>{YEAR}))?"),
    ("iso", r"(?P<y>{YEAR})(?P<sep>[-/])(?P<mn>[01]?\d)(?P=sep)(?P<d1>[0-3]?\d)(?![\d/.-]\d)"),
    ("dotted", r"(?P<d1>[0-3]?\d)\.(?P<mn>[01]?\d)\.(?P<y>{YEAR})"),
    ("numeric", r"(?P<mn>1[0-2]|0?[1-9])/(?P<d1>3[01]|[12]\d|0?[1-9])/(?P<y>{YEAR}|\d\d)(?!/)"),
    ("month_year", r"(?:(?P<part>{PART})[\s-]*)?(?P<m1>{MONF})(?:,?\s+|\s+of\s+)(?P<y>{YEAR})"),
    ("month_shift_year", r"(?:(?P<part>{PART})[\s-]*)?(?P<m1>{MONF})\s+(?:of\s+)?(?P<yshift>{SHIFT})"
                         r"\s+year(?![\w-])"),
    ("month", r"(?:(?P<shift>{SHIFT})\s+|(?P<part>{PART})[\s-]*)?(?P<m1>{MONF})(?![\w-])"),
    ("weekday", r"(?:(?P<shift>{SHIFT})\s+)?(?P<wd>{WD})(?:\s+(?P<daypart>{DAYPART}))?"),
    ("deictic", r"(?:(?P<part>{PART})\s+)?(?P<word>{DEICTIC})(?:\s+(?P<daypart>{DAYPART}))?"),
    ("ago", r"(?:(?P<approx>more\s+than|at\s+least|over)\s+)?(?P<num>{NUM})\s+(?P<unit>{UNIT})\s+(?P<dir>ago|from\s+now|hence)"),
    ("duration", r"(?:the\s+)?(?P<shift>{SHIFT})\s+(?P<num>{NUM})\s+(?P<unit>{UNIT})"),
    ("quarter", r"(?:(?P<yq>{YEAR})(?:'s)?\s+|(?P<yshift>{SHIFT})\s+year's\s+)?(?:the\s+)?(?:fiscal\s+)?(?P<ord>{ORD})[\s-]+"
                r"(?:fiscal[\s-]+)?(?P<unit>quarter|half)"
                r"(?:\s+of\s+(?:fiscal\s+)?(?P<y>{YEAR})|\s+(?P<y2>{YEAR}))?"),
    ("weekend", r"(?:(?P<shift>{SHIFT})\s+|the\s+)weekend(?![\w-])"),
    ("shift_unit", r"(?:(?P<part>{PART})\s+)?(?:the\s+)?(?P<shift>{SHIFT})\s+(?P<unit>{UNIT}|"
                   r"(?P<season>{SEASON}))(?![\w-])"),
    ("part_of_the", r"(?P<part>{PART})\s+the\s+(?P<unit>week|month|year|quarter)(?![\w-])"),
    ("season", r"(?:(?P<part>{PART})[\s-]+)?(?P<season>{SEASON})\s+(?:of\s+)?(?P<y>{YEAR})"),
    ("decade", r"(?:the\s+)?(?:(?P<part>{PART})[\s-]*)?(?P<dec>(?:1[5-9]|20)\d0|'\d0)'?s(?!\w)"),
    ("year", r"(?:(?P<part>{PART})[\s-]*)?(?:fiscal\s+)?(?P<y>{YEAR})(?![\d,.%/-]\d|\s*%)"),
    ("century", r"(?:the\s+)?(?P<cent>[12]?\d)(?:st|nd|rd|th)[\s-]+century"),
    ("holiday", r"(?P<holiday>{HOLIDAY})(?:\s+(?P<y>{YEAR}))?"),
    ("present", r"(?P<word>{PRESENT})"),
)


@functools.lru_cache(maxsize=None)
def compiled() -> tuple:
    pieces = _pieces()
    out = []
    for name, pat in RULES:
        body = pat.format(**pieces)
        full = r"(?<![\w$])(?:(?P<prep>{PREP})\s+)?".format(**pieces) + body + r"(?![\w])"
        out.append((name, re.compile(full, re.IGNORECASE)))
    return tuple(out)


_CAPITAL = ("m1", "m2", "wd", "holiday")


def _plausible(m: re.Match, text: str) -> bool:
    """Reject month and weekday names written in lower case ('may', 'march') and bare years
    that read as counts ('2000 people')."""
    for g in _CAPITAL:
        s = m.groupdict().get(g)
        if s and not s[0].isupper():
            return False
    return True


def _year_ok(m: re.Match, text: str) -> bool:
    """A bare number 1900-2099 is a year unless it reads as a count or an amount: after a
    currency sign or a quantity word, or before a plural noun ('2000 people')."""
    gd = m.groupdict()
    if gd.get("prep") or gd.get("part") or "fiscal" in m.group(0).lower():
        return True
    if not re.match(r"(?:19|20)\d\d$", gd["y"]):
        return False
    before = text[max(0, m.start() - 16):m.start()].lower()
    if re.search(r"(?:[$#£€]|\d[.,]?|\b(?:about|some|nearly|almost|than|approximately|"
                 r"roughly|only|just|number|no\.|page|room|flight|route))\s*$", before):
        return False
    after = text[m.end():m.end() + 20]
    if gd["y"].endswith("00") and re.match(r"\s+[a-z]", after):
        return False  # "2000 people"
    return not re.match(r"\s+[a-z]+s\b(?<!'s)", after)


# Which words a rule's match must contain ("digit" = any digit). Text far from a rule's
# triggers is never scanned by it: the tagger runs at several times spaCy's speed.
RULE_TRIGGERS = {
    "md_md_range": ("month",), "dm_dm_range": ("month",), "md_range": ("month",), "dm_range": ("month",),
    "mdy": ("month",), "dmy": ("month",), "month_year": ("month",),
    "month_shift_year": ("month",), "month": ("month",),
    "iso": ("digit",), "dotted": ("digit",), "numeric": ("digit",), "year": ("digit",), "decade": ("digit",),
    "century": ("unit",), "weekday": ("weekday",), "deictic": ("deictic",),
    "ago": ("unit",), "duration": ("unit",), "quarter": ("unit",), "weekend": ("unit",),
    "shift_unit": ("unit", "season"), "part_of_the": ("unit",), "season": ("season",), "present": ("present",), "holiday": ("holiday",),
}


@functools.lru_cache(maxsize=None)
def trigger_classes() -> dict[str, str]:
    """word -> trigger class."""
    out = {}
    for cls, words in (("month", lx.months()), ("weekday", lx.weekdays()),
                       ("unit", lx.units()), ("season", lx.seasons()),
                       ("deictic", [w for p in lx.deictic_days() for w in p.split()]),
                       ("present", [w for p in lx.present_words() for w in p.split()]),
                       ("holiday", [p.split()[0] for p in lx.holidays()])):
        for w in words:
            out.setdefault(w, cls)
    return out


WINDOW = 64  # characters kept on each side of a trigger word; longer than any rule's reach
_WORD = re.compile(r"[^\W\d_]+|\d+")


def windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """For each trigger class, the merged stretches of `text` around its words."""
    classes = trigger_classes()
    spans: dict[str, list[list[int]]] = {}
    for w in _WORD.finditer(text):
        tok = w.group(0)
        if tok[0].isdigit():  # years, ISO and US dates carry four digits; '80s an apostrophe
            four = len(tok) == 4 or (w.start() > 0 and text[w.start() - 1] == "'")
            cls = "digit" if four else None
        else:
            cls = classes.get(tok.lower())
        if cls is None or cls in ("month", "weekday", "holiday") and not tok[0].isupper():
            continue  # the rules want 'May', 'Monday' capitalised
        lo, hi = max(0, w.start() - WINDOW), min(len(text), w.end() + WINDOW)
        lst = spans.setdefault(cls, [])
        if lst and lo <= lst[-1][1]:
            lst[-1][1] = max(lst[-1][1], hi)
        else:
            lst.append([lo, hi])
    return {c: [(lo, hi) for lo, hi in v] for c, v in spans.items()}


def _scan(rx, text: str, spans: list[tuple[int, int]]):
    last = -1
    for lo, hi in spans:
        for m in rx.finditer(text, lo, hi):
            if m.start() >= last:  # windows of two classes may overlap
                last = m.end()
                yield m


def tag(text: str, scan_all: bool = False) -> list[Match]:
    """All time expressions in `text`, longest first when they overlap, in text order.
    `scan_all` runs every rule over the whole text (slow; the windows must not change the result)."""
    found = []
    by_class = windows(text)
    for name, rx in compiled():
        spans = sorted(sp for c in RULE_TRIGGERS[name] for sp in by_class.get(c, ()))
        if scan_all:
            spans = [(0, len(text))]
        for m in _scan(rx, text, spans):
            if not _plausible(m, text):
                continue
            if name == "year" and not _year_ok(m, text):
                continue
            if name in ("month", "weekday") and not _month_ok(m):
                continue
            found.append(Match(m.start(), m.end(), m.group(0), name,
                               {k: v for k, v in m.groupdict().items() if v}))
    found.sort(key=lambda x: (-(x.end - x.start), x.start))
    chosen: list[Match] = []
    for f in found:
        if all(f.end <= c.start or f.start >= c.end for c in chosen):
            chosen.append(f)
    return sorted(chosen, key=lambda x: x.start)


def _month_ok(m: re.Match) -> bool:
    """'May' alone is a modal verb unless a preposition or modifier introduces it."""
    gd = m.groupdict()
    if gd.get("m1", "").lower() == "may":
        if re.match(r"['’]s\b", m.string[m.end():m.end() + 3]):
            return False  # "in May's government": the person
        return bool(gd.get("prep") or gd.get("shift") or gd.get("part"))
    return True


def find_expressions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of each time expression in `text`."""
    return [(m.start, m.end, m.text) for m in tag(text)]
