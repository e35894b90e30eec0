"""Time expressions that are not calendar dates: durations, clock times, sets, reference words,
and anaphoric dates resolved against the reference time ("a year earlier", "the next day").

Each rule is (name, regex); `find(text)` returns `tagger.Match`es like the date tagger's, and
`value(match, anchor, ref, tense)` gives (TIMEX3 type, value) following the TimeML 1.2.1
guidelines: "the past three years" = DURATION P3Y, "several weeks" = PXW, "10 p.m. Wednesday" =
TIME 1998-02-11T22:00, "each Thursday" = SET XXXX-WXX-4, "recently" = DATE PAST_REF.
`ref` is the last date the text placed on the calendar (a `calendar.Period`), or None.
"""
from __future__ import annotations

import functools
import re
from datetime import date, timedelta
from typing import Optional

from dateutil.relativedelta import relativedelta

from . import calendar as cal
from . import lexicon as lx
from .tagger import Match


@functools.lru_cache(maxsize=None)
def duration_codes() -> dict[str, str]:
    return {u: code for u, code, *_ in lx._rows("timex_units.tsv")}


@functools.lru_cache(maxsize=None)
def unit_forms() -> dict[str, str]:
    """surface form -> unit, calendar units (units.tsv) and clock units."""
    out = dict(lx.units())
    for u, _code, *forms in lx._rows("timex_units.tsv"):
        for f in (forms[0].split(",") if forms and forms[0] else []):
            out[f.strip().lower()] = u
    return out


@functools.lru_cache(maxsize=None)
def refs() -> dict[str, str]:
    return {w.lower(): v for w, v in lx._rows("refs.tsv")}


@functools.lru_cache(maxsize=None)
def daypart_codes() -> dict[str, str]:
    return {w.lower(): v for w, v in lx._rows("dayparts_timeml.tsv")}


def _pieces() -> dict[str, str]:
    a = lx.alternation
    nums = a(lx.numbers())[3:-1]
    return {
        "NUM": r"(?:\d+(?:\.\d+)?|" + nums + r")(?:[\s-]+(?:" + nums + r"))?",
        "VAGUE": a(lx.word_list("vague_counts.tsv")),
        "UNIT": a(unit_forms()),
        "PUNIT": a(lx.plural_units()),
        "DSHIFT": r"(?:past|last|next|coming|first|latest|previous|following|final|"
                  r"remaining|initial|preceding|ensuing|other)",
        "MOD": r"(?:about|almost|nearly|more\s+than|less\s+than|at\s+least|up\s+to|no\s+more\s+"
               r"than|roughly|approximately|some|within|only|just)",
        "WD": a([w for w in lx.weekdays() if len(w) > 4]),
        "MONF": a([m for m in lx.months() if len(m) > 3 or m == "may"]),
        "DP": a(daypart_codes()),
        "REF": a(refs()),
        "DAYW": r"(?:today|yesterday|tomorrow|tonight)",
        "MON": a(lx.months(), dotted=lx.month_abbreviations()),
    }


RULES = (
    # "10 p.m. Wednesday", "5 p.m. EST, Nov. 6", "noon Thursday", "midnight Friday"
    ("clock", r"(?:(?P<h>\d{{1,2}})(?:[:.](?P<mi>\d\d))?\s*(?P<ap>a\.m\.|p\.m\.|am\b|pm\b)|"
              r"(?P<noon>noon|midnight))(?:\s+(?:EST|EDT|EDT|CST|PST|GMT|ET|local\s+time))?"
              r"(?:,?\s+(?:on\s+)?(?P<day>{WD}|{DAYW}|{MON}\s+\d{{1,2}}))?"),
    # "this morning", "last night", "yesterday afternoon", "Thursday evening", "overnight"
    ("daypart", r"(?:(?:later|early|late)\s+)?(?P<which>this|last|yesterday|tomorrow|today|the|"
                r"{WD})\s+(?P<dp>{DP})"),
    ("overnight", r"(?P<dp>overnight|tonight)"),
    # "each Thursday", "every month", "Tuesday nights", "annually"
    ("set_each", r"(?:each|every)\s+(?:(?P<wd>{WD})|(?P<mon>{MONF})|(?P<unit>{UNIT}))"),
    ("set_plural_wd", r"(?P<wd>{WD})(?:s(?:\s+(?P<dp>nights|mornings|evenings|afternoons))?|"
                      r"\s+(?P<dp2>nights|mornings|evenings|afternoons))"),
    # "the 1988 quarter", "the 1989 period": the reference quarter in another year
    ("year_period", r"the\s+(?P<y>(?:19|20)\d\d)\s+(?P<what>quarter|period)"),
    ("set_adverb", r"(?P<adv>yearly|hourly)"),
    # anaphoric dates: against the reference time or the anchor
    ("year_earlier", r"(?:the\s+)?(?:comparable\s+|corresponding\s+|same\s+)?(?:(?:a|one)\s+)?"
                     r"year[\s-](?:earlier|ago|before)(?:\s+(?P<what>quarter|period|"
                     r"nine\s+months|six\s+months|month|week))?"),
    ("same_period", r"the\s+(?:comparable|corresponding|same)\s+(?P<what>period|quarter|"
                    r"month|week)(?:\s+(?:of\s+)?(?:last|a)\s+year(?:\s+earlier|\s+ago)?)"),
    ("that_unit", r"(?:later\s+|earlier\s+)?(?:that|the\s+same)\s+(?P<unit>day|week|month|"
                  r"year|quarter)"),
    ("next_unit", r"the\s+(?P<shift>next|following|previous|preceding|prior)\s+(?P<unit>day|"
                  r"week|month|year|morning|evening|night|afternoon)"),
    ("the_quarter", r"the\s+(?:latest\s+|current\s+|fiscal\s+)?(?P<unit>quarter)(?![\s-]+"
                    r"(?:century|mile))"),
    # durations: "the past three years", "two-year", "18 months", "several weeks"
    ("dur_num", r"(?:{MOD}\s+)?(?:the\s+)?(?:{DSHIFT}\s+)?(?P<num>{NUM})[\s-]+(?P<unit>{UNIT})"
                r"(?:\s+or\s+so)?"),
    ("dur_vague", r"(?:the\s+)?(?:{DSHIFT}\s+)?(?P<vague>{VAGUE})\s+(?P<unit>{UNIT})"),
    # "in coming months", "past years": an open stretch before or after now
    ("open_plural", r"(?:the\s+)?(?P<dir>coming|past|next\s+few|past\s+few)\s+(?P<unit>{PUNIT})"),
    ("ref", r"(?P<ref>{REF})"),
)


@functools.lru_cache(maxsize=None)
def compiled() -> tuple:
    pieces = _pieces()
    return tuple((name, re.compile(r"(?<![\w$])" + pat.format(**pieces) + r"(?![\w])",
                                   re.IGNORECASE)) for name, pat in RULES)


def _ok(name: str, m: re.Match, text: str) -> bool:
    g = m.groupdict()
    for key in ("wd", "mon", "day"):
        if g.get(key) and g[key][0].isalpha() and not g[key][0].isupper() \
                and g[key].lower() not in ("today", "yesterday", "tomorrow", "tonight"):
            return False
    if name in ("dur_num", "dur_vague"):
        unit = unit_forms()[g["unit"].lower()]
        if unit == "half":
            return False
        after = text[m.end():m.end() + 12].lower()
        if re.match(r"\s+(?:ago|old|later|earlier|from now)\b|['’]s?\b", after):
            return False  # "two years ago" is a date; "10 years old" an age
        if g.get("num") and re.fullmatch(r"(?:1[5-9]|20)\d\d", g["num"]):
            return False  # "the 1988 quarter": a year, not a count
    if name == "dur_vague" and g["vague"].lower() == "some" and \
            g["unit"].lower() not in lx.plural_units():
        return False  # "some day"
    if name == "ref" and g["ref"].lower() == "current":
        return not re.match(r"\s+(?:account|events|affairs|flow|dollars?|prices?)\b",
                            text[m.end():m.end() + 12].lower())
    return True


def find(text: str) -> list[Match]:
    """Every match of every rule (overlapping; the caller keeps the longest)."""
    out = []
    for name, rx in compiled():
        for m in rx.finditer(text):
            if _ok(name, m, text):
                out.append(Match(m.start(), m.end(), m.group(0), name,
                                 {k: v for k, v in m.groupdict().items() if v}))
    return out


def _count(g: dict) -> Optional[str]:
    s = g.get("num")
    if not s:
        return None
    s = s.lower().strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", s):
        return s.rstrip("0").rstrip(".") if "." in s else s
    nums = lx.numbers()
    words = re.split(r"[\s-]+", s)
    if len(words) > 1 and words[0] in ("a", "an"):
        words = words[1:]  # "a four year term"
    if not all(w in nums for w in words):
        return None
    total = 0
    for w in words:
        n = nums[w]
        total = total * n if n == 100 and total else total + n
    return str(total)


def duration(n: str, unit: str) -> str:
    code = duration_codes()[unit]
    if code == "DE":  # TimeBank writes decades in years: "two decades" = P20Y
        return f"P{int(n) * 10}Y" if n != "X" else "PXDE"
    if code == "2W":
        return f"P{int(n) * 2}W" if n != "X" else "PXW"
    if code == "6M":
        return f"P{int(n) * 6}M" if n != "X" else "PXM"
    if code.startswith("T"):
        return f"PT{n}{code[1:]}"
    return f"P{n}{code}"


def _day_of(g: dict, anchor: date, tense: str) -> Optional[date]:
    from .resolve import resolve_expression

    which = (g.get("day") or g.get("which") or "").lower()
    if which in ("", "this", "today", "the"):
        return anchor
    if which in ("yesterday", "last"):
        return anchor - timedelta(days=1)
    if which == "tomorrow":
        return anchor + timedelta(days=1)
    t = resolve_expression(g.get("day") or g.get("which"), anchor.isoformat(), tense)
    return date.fromisoformat(t.value) if t else None


def _clock(g: dict, anchor, ref, tense):
    if g.get("noon"):
        hh, mm = ("12", None) if g["noon"].lower() == "noon" else ("24", None)
    else:
        h = int(g["h"]) % 12 + (12 if g["ap"].lower().startswith("p") else 0)
        hh, mm = f"{h:02d}", g.get("mi")
    if anchor is None:
        return None
    d = _day_of(g, anchor, tense)
    if d is None:
        return None
    return "TIME", f"{d.isoformat()}T{hh}" + (f":{mm}" if mm else (":00" if hh != "24" else ""))


def _daypart(g: dict, anchor, ref, tense):
    code = daypart_codes()[g["dp"].lower()]
    if anchor is None:
        return None
    which = (g.get("which") or "").lower()
    if which == "the":
        base = ref.start if ref is not None and ref.gran == "day" else anchor
        return "TIME", f"{base.isoformat()}T{code}"
    if which == "last" and code == "NI":
        g = dict(g, which="yesterday")
    d = _day_of(g, anchor, tense)
    return ("TIME", f"{d.isoformat()}T{code}") if d else None


def _overnight(g, anchor, ref, tense):
    return ("TIME", f"{anchor.isoformat()}TNI") if anchor else None


def _set_each(g: dict, anchor, ref, tense):
    if g.get("wd"):
        return "SET", f"XXXX-WXX-{lx.weekdays()[g['wd'].lower()] + 1}"
    if g.get("mon"):
        return "SET", f"XXXX-{lx.months()[g['mon'].lower()]:02d}"
    return "SET", duration("1", unit_forms()[g["unit"].lower()])


def _set_plural_wd(g: dict, anchor, ref, tense):
    wd = f"XXXX-WXX-{lx.weekdays()[g['wd'].lower()] + 1}"
    dp = (g.get("dp") or g.get("dp2") or "").lower().rstrip("s")
    return "SET", wd + (f"T{daypart_codes()[dp]}" if dp else "")


ADVERB = {"annually": "P1Y", "yearly": "P1Y", "quarterly": "P3M", "monthly": "P1M",
          "weekly": "P1W", "daily": "P1D", "hourly": "PT1H"}


def _set_adverb(g: dict, anchor, ref, tense):
    return "SET", ADVERB[g["adv"].lower()]


def _last_quarter(anchor: date) -> cal.Period:
    """The quarter most recently ended: what an earnings report calls 'the quarter'."""
    return cal.unit_period("quarter", cal.unit_period("quarter", anchor).start - timedelta(days=1))


def _year_earlier(g: dict, anchor, ref, tense):
    """'a year earlier', 'the year-ago quarter': the reference period a year back, at the
    reference's granularity (a quarter in an earnings report); else the previous year."""
    if anchor is None:
        return None
    what = (g.get("what") or "").lower()
    if what == "quarter":
        base = cal.unit_period("quarter", ref.start) if ref is not None and ref.gran in (
            "quarter", "month", "day") else _last_quarter(anchor)
        return "DATE", cal.timex(base.shifted(years=-1))
    if ref is not None and ref.gran in ("quarter", "month", "week", "day", "half") \
            and what in ("", "period", "month", "week"):
        return "DATE", cal.timex(ref.shifted(years=-1))
    return "DATE", str(anchor.year - 1)


def _year_period(g: dict, anchor, ref, tense):
    if ref is not None and ref.gran == "quarter":
        return "DATE", f"{g['y']}-Q{(ref.start.month - 1) // 3 + 1}"
    return "DATE", g["y"]


def _same_period(g, anchor, ref, tense):
    return _year_earlier(g, anchor, ref, tense)


def _that_unit(g: dict, anchor, ref, tense):
    if ref is None:
        return None
    unit = g["unit"].lower()
    return "DATE", cal.timex(cal.unit_period(unit, ref.start) or ref, unit if unit != "day" else "day")


def _next_unit(g: dict, anchor, ref, tense):
    base = ref if ref is not None else (cal.day(anchor) if anchor else None)
    if base is None:
        return None
    unit = g["unit"].lower()
    sign = 1 if g["shift"].lower() in ("next", "following") else -1
    if unit in daypart_codes():
        d = base.start + timedelta(days=sign)
        return "TIME", f"{d.isoformat()}T{daypart_codes()[unit]}"
    p = cal.unit_period(unit, base.start + cal.step(unit, sign))
    return "DATE", cal.timex(p, unit)


def _the_quarter(g, anchor, ref, tense):
    if ref is not None and ref.gran == "quarter":
        return "DATE", cal.timex(ref)
    return ("DATE", cal.timex(_last_quarter(anchor))) if anchor else None


def _dur_num(g: dict, anchor, ref, tense):
    n = _count(g)
    return ("DURATION", duration(n, unit_forms()[g["unit"].lower()])) if n else None


def _dur_vague(g: dict, anchor, ref, tense):
    if g["vague"].lower() == "recent" and g["unit"].lower() in lx.plural_units():
        return "DATE", "PAST_REF"  # "in recent years": a time before now, not a length
    return "DURATION", duration("X", unit_forms()[g["unit"].lower()])


def _open_plural(g: dict, anchor, ref, tense):
    d = g["dir"].lower()
    if "few" in d:
        return "DURATION", duration("X", unit_forms()[g["unit"].lower()])
    return "DATE", "FUTURE_REF" if d == "coming" else "PAST_REF"


def _ref(g: dict, anchor, ref, tense):
    return "DATE", refs()[re.sub(r"\s+", " ", g["ref"].lower())]


VALUES = {
    "clock": _clock, "daypart": _daypart, "overnight": _overnight, "set_each": _set_each,
    "set_plural_wd": _set_plural_wd, "set_adverb": _set_adverb, "year_earlier": _year_earlier,
    "same_period": _same_period, "that_unit": _that_unit, "next_unit": _next_unit,
    "the_quarter": _the_quarter, "year_period": _year_period, "dur_num": _dur_num, "dur_vague": _dur_vague, "open_plural": _open_plural, "ref": _ref,
}


def value(m: Match, anchor: Optional[date], ref: Optional[cal.Period], tense: str
          ) -> Optional[tuple[str, str]]:
    """(TIMEX3 type, value) for a match of one of these rules, or None."""
    try:
        return VALUES[m.rule](m.groups, anchor, ref, tense)
    except (KeyError, ValueError, TypeError, OverflowError):
        return None
