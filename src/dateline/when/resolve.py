"""Resolve one tagged time expression against an anchor date (the publication date).

`tense` says which way an under-specified expression points: "past" (a weekday or a year-less
date on or before the anchor), "future" (on or after), anything else: the nearest.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Optional

from ..model import TimeRef
from . import calendar as cal
from . import lexicon as lx
from .tagger import Match, tag

ANAPHORIC_WITH_THE = {"next", "following", "previous", "preceding"}


def _num(s: str) -> Optional[int]:
    s = s.lower().strip()
    if s.isdigit():
        return int(s)
    nums = lx.numbers()
    total = 0
    for w in re.split(r"[\s-]+", s):
        if w not in nums:
            return None
        total += nums[w]
    return total or None


def _month(g: dict, key: str = "m1") -> int:
    return lx.months()[g[key].lower().rstrip(".")]


def _day(s: str) -> int:
    return int(re.match(r"\d+", s).group(0))


def _years(anchor: Optional[date]) -> list[int]:
    return [anchor.year - 1, anchor.year, anchor.year + 1] if anchor else []


def _with_part(p: cal.Period, g: dict, anchor: date) -> cal.Period:
    part = g.get("part")
    if not part:
        return p
    lo, hi = lx.parts()[re.sub(r"\s+", " ", part.lower())]
    return cal.sub_period(p, lo, hi, anchor)


def _safe_date(y: int, m: int, d: int) -> Optional[date]:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _explicit(g: dict, anchor: Optional[date], tense: str) -> Optional[cal.Period]:
    """mdy / dmy / ranges: a day (or span of days), choosing the year when the text omits it."""
    m1, d1 = _month(g), _day(g["d1"])
    m2 = _month(g, "m2") if g.get("m2") else m1
    d2 = _day(g["d2"]) if g.get("d2") else None

    def build(y: int) -> Optional[cal.Period]:
        start = _safe_date(y, m1, d1)
        if start is None:
            return None
        if d2 is None:
            return cal.day(start)
        end = _safe_date(y, m2, d2)
        if end is not None and end < start:
            end = _safe_date(y + 1, m2, d2)
        return cal.Period(start, end, "day") if end and end >= start else None

    if g.get("y"):
        y = int(g["y"])
        end_first = d2 is not None and (m2, d2) < (m1, d1)
        # "28 December to 3 January 2025": the year written once belongs to the end date
        return build(y - 1 if end_first else y)
    return cal.pick([p for p in map(build, _years(anchor)) if p], anchor, tense)


def _numeric(g: dict, anchor: Optional[date], tense: str) -> Optional[cal.Period]:
    import dateparser

    text = f"{g['mn']}/{g['d1']}/{g['y']}"
    settings = {"DATE_ORDER": "MDY"}
    if anchor:
        settings["RELATIVE_BASE"] = datetime(anchor.year, anchor.month, anchor.day)
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return cal.day(parsed.date()) if parsed else None


def _iso(g: dict, anchor, tense) -> Optional[cal.Period]:
    d = _safe_date(int(g["y"]), int(g["mn"]), _day(g["d1"]))
    return cal.day(d) if d else None


def _month_rule(g: dict, anchor: Optional[date], tense: str) -> Optional[cal.Period]:
    m = _month(g)
    if g.get("y"):
        return _with_part(cal.month(int(g["y"]), m), g, anchor)
    if anchor is None:
        return None
    if g.get("yshift"):
        return _with_part(cal.month(anchor.year + lx.shifts()[g["yshift"].lower()], m), g, anchor)
    shift = lx.shifts().get((g.get("shift") or "").lower())
    cands = [cal.month(y, m) for y in _years(anchor)]
    if shift is None or shift == 0:
        p = cal.pick(cands, anchor, tense if shift is None else "nearest")
    elif shift < 0:
        p = [c for c in cands if c.end < anchor][-1]
    else:
        p = [c for c in cands if c.start > anchor][0]
    return _with_part(p, g, anchor)


def _weekday(g: dict, anchor: Optional[date], tense: str) -> Optional[cal.Period]:
    if anchor is None:
        return None
    wd = lx.weekdays()[g["wd"].lower()]
    back = (anchor.weekday() - wd) % 7
    ahead = (wd - anchor.weekday()) % 7
    shift = lx.shifts().get((g.get("shift") or "").lower())
    if shift is not None and shift < 0:
        return cal.day(anchor - timedelta(days=back or 7))
    if shift is not None and shift > 0:
        return cal.day(anchor + timedelta(days=ahead or 7))
    if tense == "future":
        return cal.day(anchor + timedelta(days=ahead))
    if tense == "past" or back <= ahead:
        return cal.day(anchor - timedelta(days=back))
    return cal.day(anchor + timedelta(days=ahead))


def _deictic(g: dict, anchor: Optional[date], tense: str) -> Optional[cal.Period]:
    if anchor is None:
        return None
    return cal.day(anchor + timedelta(days=lx.deictic_days()[g["word"].lower()]))


def _unit(g: dict) -> str:
    return lx.units()[g["unit"].lower()]


def _ago(g: dict, anchor: Optional[date], tense: str) -> Optional[cal.Period]:
    n = _num(g["num"])
    if anchor is None or n is None:
        return None
    if (g.get("prep") or "").lower() == "over" or g.get("approx"):
        return None  # "over a year ago", "more than a week ago": open-ended
    unit = _unit(g)
    sign = -1 if g["dir"].lower() == "ago" else 1
    d = anchor + cal.step(unit, sign * n)
    return cal.Period(d, d, "week" if unit in ("fortnight", "weekend") else unit)


def _duration(g: dict, anchor: Optional[date], tense: str) -> Optional[cal.Period]:
    """'over the past 20 years', 'in the next six months': a length of time (TIMEX3 DURATION,
    see timex.py), not a date; an event it qualifies gets no date from it."""
    return None


def _quarter(g: dict, anchor: Optional[date], tense: str) -> Optional[cal.Period]:
    n = lx.ordinals()[g["ord"].lower()]
    build = cal.quarter if g["unit"].lower() == "quarter" else cal.half
    if (g["unit"].lower() == "half" and n > 2) or n > 4:
        return None
    y = g.get("y") or g.get("y2") or g.get("yq")
    if y:
        return build(int(y), n)
    if anchor is None:
        return None
    yshift = g.get("yshift")
    if yshift:
        return build(anchor.year + lx.shifts()[yshift.lower()], n)
    # reports look back at the quarter just ended even in future tense ("expects third-quarter")
    return cal.pick([build(yy, n) for yy in _years(anchor)], anchor,
                    "past" if tense == "past" else "nearest")


def _shift_unit(g: dict, anchor: Optional[date], tense: str) -> Optional[cal.Period]:
    if anchor is None:
        return None
    word = g["shift"].lower()
    shift = lx.shifts()[word]
    has_the = bool(re.search(r"\bthe\s+" + word, g.get("_text", "").lower()))
    if g.get("season"):
        return _with_part(_season_shift(g["season"], shift, anchor, tense), g, anchor)
    unit = _unit(g)
    if g["unit"].lower() in lx.plural_units():
        return None  # "in coming months", "in past years": no calendar period
    if unit == "day" or (has_the and word in ANAPHORIC_WITH_THE):
        return None  # "the next day", "the previous year": relative to the story, not to us
    if unit == "fortnight":
        unit = "week"
    base = cal.unit_period(unit, anchor)
    if base is None:
        return None
    p = base if shift == 0 else cal.unit_period(unit, anchor + cal.step(unit, shift))
    return _with_part(p, g, anchor)


def _season_shift(name: str, shift: int, anchor: date, tense: str) -> cal.Period:
    code, first = lx.seasons()[name.lower()]
    cands = sorted((cal.season(y, first) for y in range(anchor.year - 2, anchor.year + 2)),
                   key=lambda p: p.start)
    if shift < 0:
        return [c for c in cands if c.end < anchor][-1]
    if shift > 0:
        return [c for c in cands if c.start > anchor][0]
    current = [c for c in cands if c.start <= anchor <= c.end]
    return current[0] if current else cal.pick(cands, anchor, "nearest")


def _part_of_the(g: dict, anchor: Optional[date], tense: str) -> Optional[cal.Period]:
    """'by the end of the year', 'at the start of the month': a part of the current unit."""
    if anchor is None or not g.get("part"):
        return None
    return _with_part(cal.unit_period(_unit(g), anchor), g, anchor)


def _season(g: dict, anchor, tense) -> Optional[cal.Period]:
    code, first = lx.seasons()[g["season"].lower()]
    return _with_part(cal.season(int(g["y"]), first), g, anchor)


def _decade(g: dict, anchor: Optional[date], tense: str) -> Optional[cal.Period]:
    dec = g["dec"]
    if dec.startswith("'"):
        if anchor is None:
            return None
        yy = int(dec[1:])
        century = anchor.year // 100 * 100
        y = century + yy if century + yy <= anchor.year else century - 100 + yy
    else:
        y = int(dec)
    return _with_part(cal.decade(y), g, anchor)


def _year(g: dict, anchor, tense) -> Optional[cal.Period]:
    return _with_part(cal.year(int(g["y"])), g, anchor)


def _century(g: dict, anchor, tense) -> Optional[cal.Period]:
    c = int(g["cent"])
    if not 1 <= c <= 21:
        return None
    y0 = (c - 1) * 100
    return cal.Period(date(max(y0, 1), 1, 1), date(y0 + 99, 12, 31), "century")


def _weekend(g: dict, anchor: Optional[date], tense: str) -> Optional[cal.Period]:
    """'the weekend' / 'last weekend': the one the tense points at (Saturday and Sunday)."""
    if anchor is None:
        return None
    shift = lx.shifts().get((g.get("shift") or "").lower())
    cands = [cal.weekend_of(anchor + timedelta(weeks=k)) for k in (-1, 0, 1)]
    if shift is not None and shift < 0:
        return [c for c in cands if c.end < anchor][-1]
    if shift is not None and shift > 0:
        return [c for c in cands if c.start > anchor][0]
    if tense == "future":
        return [c for c in cands if c.end >= anchor][0]
    if tense == "past":
        return [c for c in cands if c.start <= anchor][-1]
    return cal.pick(cands, anchor, tense)


def _holiday(g: dict, anchor: Optional[date], tense: str) -> Optional[cal.Period]:
    key = re.sub(r"\s+", " ", g["holiday"].lower())
    if g.get("y"):
        return cal.day(lx.holiday_date(key, int(g["y"])))
    if anchor is None:
        return None
    return cal.pick([cal.day(lx.holiday_date(key, y)) for y in _years(anchor)], anchor, tense)


def _present(g: dict, anchor: Optional[date], tense: str) -> Optional[cal.Period]:
    return cal.Period(anchor, anchor, "present") if anchor else None


RESOLVERS = {
    "md_md_range": _explicit, "dm_dm_range": _explicit, "md_range": _explicit, "dm_range": _explicit, "mdy": _explicit,
    "dmy": _explicit, "iso": _iso, "dotted": _iso, "numeric": _numeric, "month_year": _month_rule, "month_shift_year": _month_rule,
    "month": _month_rule, "weekday": _weekday, "deictic": _deictic, "ago": _ago,
    "duration": _duration, "quarter": _quarter, "shift_unit": _shift_unit, "season": _season,
    "decade": _decade, "century": _century, "part_of_the": _part_of_the, "holiday": _holiday, "weekend": _weekend, "year": _year, "present": _present,
}


def resolve_match(m: Match, anchor: Optional[date], tense: str = "past", widen: bool = True
                  ) -> Optional[cal.Period]:
    """The period `m` denotes, or None when it cannot be placed without guessing.
    `widen`: "since May" runs from May to the anchor (False: May itself, TIMEX3's extent)."""
    g = dict(m.groups, _text=m.text)
    if lx.prepositions().get((m.groups.get("prep") or "").lower()) == "until" and \
            m.rule not in ("weekday", "deictic"):
        # "by May", "until mid-November": a deadline, usually ahead even in a past-tense clause
        tense = "nearest" if tense == "past" else "future"
    try:
        p = RESOLVERS[m.rule](g, anchor, tense)
    except (KeyError, ValueError, IndexError, OverflowError):
        return None
    if p is None:
        return None
    role = lx.prepositions().get((m.groups.get("prep") or "").lower())
    if role == "since" and widen:  # from then to the time of writing: unknowable without an anchor
        return cal.Period(p.start, anchor, "range") if anchor and p.start <= anchor else None
    return p


def parse_anchor(anchor) -> Optional[date]:
    if anchor is None or isinstance(anchor, date):
        return anchor
    try:
        return date.fromisoformat(str(anchor)[:10])
    except ValueError:
        return None


def to_timeref(text: str, p: cal.Period) -> TimeRef:
    end = p.end.isoformat() if p.end != p.start else None
    return TimeRef(text=text, value=p.start.isoformat(), end=end)


def _dateparser_fallback(text: str, anchor: Optional[date]) -> Optional[cal.Period]:
    """dateparser for forms the rules do not cover; full dates only when there is no anchor."""
    import dateparser
    from dateparser.date import DateDataParser

    month_names = "|".join(re.escape(m) for m in lx.months())
    if not re.search(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\b(?:%s)\b" % month_names, text, re.I):
        return None  # "at 10:30", "the 5th": no calendar date to read
    settings = {"RETURN_AS_TIMEZONE_AWARE": False}
    if anchor:
        settings["RELATIVE_BASE"] = datetime(anchor.year, anchor.month, anchor.day)
    else:
        settings["REQUIRE_PARTS"] = ["day", "month", "year"]
    data = DateDataParser(languages=["en"], settings=settings).get_date_data(text)
    if not data or not data.date_obj:
        return None
    d = data.date_obj.date()
    return cal.unit_period(data.period or "day", d) or cal.day(d)


def resolve_expression(text: str, anchor, tense: str = "past") -> Optional[TimeRef]:
    """Resolve a time expression `text` against `anchor` (YYYY-MM-DD or None)."""
    a = parse_anchor(anchor)
    matches = tag(text or "")
    if matches:
        best = max(matches, key=lambda m: m.end - m.start)
        p = resolve_match(best, a, tense)
        return to_timeref(best.text, p) if p else None
    try:
        p = _dateparser_fallback(text or "", a)
    except Exception:  # dateparser raises assorted errors on odd strings
        return None
    return to_timeref(text, p) if p else None
