"""The wire dateline at the head of an article body: 'KADUNA, Nigeria —', 'NEW DELHI (Reuters) –',
'MOSCOW, May 17 (Reuters) -', 'Burkina Faso, 13 February 2020:'.

Newswire style (AP Stylebook, Reuters Handbook) opens a story with the place of filing in capitals,
optionally a region or country, a date, the agency in parentheses, then a dash. `split_dateline`
cuts it off the first paragraph so that later stages do not read it as part of the first sentence;
the article keeps it as `dateline` {text, place, date}, used only as a fallback for the event
location and the reference date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Optional

_MON = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_WEEKDAY = r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"
_DATE = (rf"{_WEEKDAY}(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{_MON}),?(?:\s+(?P<y1>\d{{4}}))?"
         rf"|(?P<m2>{_MON})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y2>\d{{4}}))?"
         rf"|(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}}))")
_CAPS_PLACE = r"[A-Z][A-Z.'’-]+(?:[ -][A-Z][A-Z.'’-]+){0,3}"          # NEW DELHI, KADUNA
_TITLE_PLACE = r"[A-Z][a-zé.'’-]+(?:[ -][A-Z][a-zé.'’-]+){0,3}"       # Burkina Faso
_REGION = r"[A-Z][\w.'’-]+(?:[ -][A-Z][\w.'’-]+){0,3}"                 # Nigeria, N.C., Ivory Coast
_AGENCY = r"\((?P<agency>[A-Za-z][\w .,/&-]{0,30})\)"
_SEP = r"(?P<sep>\s*(?:--|[-–—]|:)\s*)"
_CAPS_LINE = re.compile(
    rf"^(?P<place>{_CAPS_PLACE}(?:,\s*{_REGION})?)(?:,?\s+(?P<date>{_DATE}))?\s*(?:{_AGENCY})?"
    rf"{_SEP}(?:{_AGENCY.replace('agency', 'agency2')}\s*)?(?=[\"“‘'A-Z0-9]|$)")
_TITLE_LINE = re.compile(
    rf"^(?P<place>{_TITLE_PLACE}(?:,\s*{_REGION})?)"
    rf"(?:,?\s+(?P<date>{_DATE})\s*(?:{_AGENCY})?|\s*{_AGENCY.replace('agency', 'agency2')})"
    rf"{_SEP}(?=[\"“‘'A-Z0-9]|$)")
MONTHS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
MAX_DATELINE_CHARS = 90


@dataclass
class Dateline:
    text: str            # as written, without the closing dash
    place: str           # the place of filing as written ('KADUNA, Nigeria')
    date: Optional[str]  # YYYY-MM-DD when the dateline gives a day (year from it or the reference)

    def to_dict(self) -> dict:
        return {"text": self.text, "place": self.place, "date": self.date}


def _valid(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
    except ValueError:
        return False
    return 1900 <= y <= 2100


def _date(m: re.Match, reference: Optional[str]) -> Optional[str]:
    for d, mon, y in (("d1", "m1", "y1"), ("d2", "m2", "y2"), ("d3", "m3", "y3")):
        if not m.group(d):
            continue
        month = int(m.group(mon)) if m.group(mon).isdigit() else MONTHS.get(m.group(mon)[:3].lower())
        day = int(m.group(d))
        if m.group(y):
            year = int(m.group(y))
        elif reference and re.match(r"\d{4}-\d{2}-\d{2}$", reference):
            ref = date.fromisoformat(reference)
            year = ref.year if (month, day) <= (ref.month, ref.day) else ref.year - 1
        else:
            return None
        return f"{year:04d}-{month:02d}-{day:02d}" if month and _valid(year, month, day) else None
    return None


def match_dateline(paragraph: str) -> Optional[re.Match]:
    head = paragraph[:MAX_DATELINE_CHARS + 40]
    m = _CAPS_LINE.match(head) or _TITLE_LINE.match(head)
    if not m or m.end() > MAX_DATELINE_CHARS:
        return None
    agency = m.group("agency") or m.groupdict().get("agency2")
    if m.group("sep").strip() == ":" and not (m.group("date") or agency) \
            and len(m.group("place").split()) > 2:
        return None  # 'BREAKING NEWS UPDATE:' is a label, not a place
    return m


def split_dateline(paragraph: str, reference: Optional[str] = None
                   ) -> tuple[Optional[Dateline], str]:
    """(dateline, rest of the paragraph); (None, paragraph) when it does not open with one."""
    m = match_dateline(paragraph)
    if not m:
        return None, paragraph
    text = paragraph[:m.end()].strip().rstrip("-–—:").strip()
    place = m.group("place").strip().rstrip(",")
    return Dateline(text=text, place=place, date=_date(m, reference) if m.group("date") else None), \
        paragraph[m.end():].lstrip()
