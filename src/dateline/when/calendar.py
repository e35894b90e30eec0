"""Calendar arithmetic on `datetime.date`: periods, picking the right year or week, TimeML values."""
from __future__ import annotations

import calendar as _cal
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterable, Optional

from dateutil.relativedelta import relativedelta


@dataclass
class Period:
    """A resolved time: first and last day and the granularity the text stated."""
    start: date
    end: date
    gran: str  # day | week | month | quarter | half | season | year | decade | century | present

    def shifted(self, **kw) -> "Period":
        return Period(self.start + relativedelta(**kw), self.end + relativedelta(**kw), self.gran)


def day(d: date) -> Period:
    return Period(d, d, "day")


def month(y: int, m: int) -> Period:
    return Period(date(y, m, 1), date(y, m, _cal.monthrange(y, m)[1]), "month")


def year(y: int) -> Period:
    return Period(date(y, 1, 1), date(y, 12, 31), "year")


def quarter(y: int, q: int) -> Period:
    first = month(y, 3 * q - 2)
    return Period(first.start, month(y, 3 * q).end, "quarter")


def half(y: int, h: int) -> Period:
    return Period(date(y, 6 * h - 5, 1), month(y, 6 * h).end, "half")


def week_of(d: date) -> Period:
    monday = d - timedelta(days=d.weekday())
    return Period(monday, monday + timedelta(days=6), "week")


def weekend_of(d: date) -> Period:
    sat = week_of(d).start + timedelta(days=5)
    return Period(sat, sat + timedelta(days=1), "weekend")


def season(y: int, first_month: int) -> Period:
    """Three months from `first_month`; winter starts in December of year `y`."""
    start = date(y, first_month, 1)
    end = (start + relativedelta(months=3)) - timedelta(days=1)
    return Period(start, end, "season")


def decade(y: int) -> Period:
    y0 = y - y % 10
    return Period(date(y0, 1, 1), date(y0 + 9, 12, 31), "decade")


def unit_period(unit: str, d: date) -> Optional[Period]:
    """The calendar `unit` that contains day `d`."""
    if unit == "day":
        return day(d)
    if unit == "week":
        return week_of(d)
    if unit == "weekend":
        return weekend_of(d)
    if unit == "month":
        return month(d.year, d.month)
    if unit == "quarter":
        return quarter(d.year, (d.month - 1) // 3 + 1)
    if unit == "half":
        return half(d.year, 1 if d.month <= 6 else 2)
    if unit == "year":
        return year(d.year)
    if unit == "decade":
        return decade(d.year)
    return None


def step(unit: str, n: int) -> relativedelta:
    """`n` units as a calendar step."""
    table = {"day": dict(days=n), "week": dict(weeks=n), "weekend": dict(weeks=n),
             "fortnight": dict(weeks=2 * n), "month": dict(months=n), "quarter": dict(months=3 * n),
             "half": dict(months=6 * n), "year": dict(years=n), "decade": dict(years=10 * n),
             "century": dict(years=100 * n)}
    return relativedelta(**table[unit])


# How much farther a candidate on the wrong side of the anchor may be before the tense is
# overruled. A past-tense clause often governs a date ahead ("declared a dividend, payable
# Dec. 15"), so past is a mild preference; "will" rarely points back, so future is a strong one.
AGAINST_PAST = 4.0
AGAINST_FUTURE = 8.0
UNKNOWN_TENSE_FUTURE = 1.5  # news mentions past months more than coming ones


def _distance(p: Period, anchor: date) -> int:
    if p.start <= anchor <= p.end:
        return 0
    return min(abs((p.start - anchor).days), abs((p.end - anchor).days))


def pick(candidates: Iterable[Period], anchor: date, tense: str) -> Optional[Period]:
    """The candidate nearest the anchor, counting candidates against the tense (after the
    anchor for "past", before it for "future") as several times farther."""
    def cost(p: Period) -> float:
        d = _distance(p, anchor)
        ahead = p.start > anchor
        behind = p.end < anchor
        if tense == "past" and ahead:
            return d * AGAINST_PAST
        if tense == "future" and behind:
            return d * AGAINST_FUTURE
        if tense not in ("past", "future") and ahead:
            return d * UNKNOWN_TENSE_FUTURE
        return d

    cands = list(candidates)
    return min(cands, key=cost) if cands else None


def sub_period(p: Period, lo: str, hi: str, anchor: date) -> Period:
    """Part of `p` between fractions `lo` and `hi` (or the anchor), e.g. 'early' = first third."""
    span = (p.end - p.start).days

    def at(frac: str, is_end: bool) -> date:
        if frac == "anchor":
            return min(max(anchor, p.start), p.end)
        d = p.start + timedelta(days=round(span * float(frac)))
        return d if not is_end or float(frac) >= 1 else max(p.start, d)

    start, end = at(lo, False), at(hi, True)
    if end < start:
        start, end = end, start
    return Period(start, end, p.gran)


def timex(p: Period, gran: Optional[str] = None) -> str:
    """`p` written as a TimeML value at granularity `gran` (default: its own)."""
    g = gran or p.gran
    d = p.start
    if g in ("day", "present"):
        return d.isoformat()
    if g in ("week", "weekend"):
        iy, iw, _ = d.isocalendar()
        return f"{iy}-W{iw:02d}"
    if g == "month":
        return f"{d.year}-{d.month:02d}"
    if g == "quarter":
        return f"{d.year}-Q{(d.month - 1) // 3 + 1}"
    if g == "half":
        return f"{d.year}-H{1 if d.month <= 6 else 2}"
    if g == "season":
        code = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}
        return f"{d.year}-{code.get(d.month, 'FA')}"
    if g == "year":
        return str(d.year)
    if g == "decade":
        return str(d.year)[:3]
    if g == "century":
        return str(d.year)[:2]
    return d.isoformat()
