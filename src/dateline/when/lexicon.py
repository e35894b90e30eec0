"""The time lexicons (src/dateline/data/time/*.tsv), loaded once.

Words live in data so that adding a spelling or a language variant is a data change.
"""
from __future__ import annotations

import functools
import re

from ..paths import data_file


def _rows(name: str) -> list[list[str]]:
    rows = []
    with open(data_file("time", name), encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.strip() and not line.startswith("#"):
                rows.append(line.split("\t"))
    return rows


def word_list(name: str) -> list[str]:
    """First column of a one-word-per-line lexicon, lower-cased."""
    return [r[0].strip().lower() for r in _rows(name)]


def _named(name: str) -> dict[str, int]:
    """`number<TAB>name,name` files -> {name: number}."""
    out = {}
    for num, names in _rows(name):
        for n in names.split(","):
            out[n.strip().lower()] = int(num)
    return out


@functools.lru_cache(maxsize=None)
def months() -> dict[str, int]:
    return _named("months.tsv")


@functools.lru_cache(maxsize=None)
def month_abbreviations() -> frozenset:
    """Names after the first on each months.tsv line: the ones that may end in a dot."""
    return frozenset(n.strip().lower() for _, names in _rows("months.tsv")
                     for n in names.split(",")[1:])


@functools.lru_cache(maxsize=None)
def weekdays() -> dict[str, int]:
    return _named("weekdays.tsv")


@functools.lru_cache(maxsize=None)
def deictic_days() -> dict[str, int]:
    return {w.lower(): int(n) for w, n in _rows("deictic_days.tsv")}


@functools.lru_cache(maxsize=None)
def shifts() -> dict[str, int]:
    return {w.lower(): int(n) for w, n in _rows("shifts.tsv")}


@functools.lru_cache(maxsize=None)
def units() -> dict[str, str]:
    """form -> canonical unit."""
    out = {}
    for unit, singular, plural in _rows("units.tsv"):
        for f in (singular + "," + plural).split(","):
            out[f.strip().lower()] = unit
    return out


@functools.lru_cache(maxsize=None)
def plural_units() -> frozenset:
    return frozenset(f.strip().lower() for _, _, plural in _rows("units.tsv")
                     for f in plural.split(","))


@functools.lru_cache(maxsize=None)
def numbers() -> dict[str, int]:
    return {w.lower(): int(n) for w, n in _rows("numbers.tsv")}


@functools.lru_cache(maxsize=None)
def ordinals() -> dict[str, int]:
    return {w.lower(): int(n) for w, n in _rows("ordinals.tsv")}


@functools.lru_cache(maxsize=None)
def seasons() -> dict[str, tuple[str, int]]:
    """name -> (TimeML code, first month)."""
    out = {}
    for code, month, names in _rows("seasons.tsv"):
        for n in names.split(","):
            out[n.strip().lower()] = (code, int(month))
    return out


@functools.lru_cache(maxsize=None)
def present_words() -> list[str]:
    return [r[0].lower() for r in _rows("present.tsv")]


@functools.lru_cache(maxsize=None)
def parts() -> dict[str, tuple[str, str]]:
    """'early' -> ('0', '0.33'); bounds are fractions of the period or 'anchor'."""
    return {w.lower(): (a, b) for w, a, b in _rows("parts.tsv")}


@functools.lru_cache(maxsize=None)
def prepositions() -> dict[str, str]:
    return {w.lower(): role for w, role in _rows("prepositions.tsv")}


@functools.lru_cache(maxsize=None)
def dayparts() -> list[str]:
    return [r[0].lower() for r in _rows("dayparts.tsv")]


def alternation(words, dotted=frozenset()) -> str:
    """A regex alternation of `words`, longest first; words in `dotted` may end in a dot
    ('Sept.'), full names may not (the dot after 'March.' ends the sentence)."""
    parts_ = []
    for w in sorted(set(words), key=len, reverse=True):
        esc = re.escape(w).replace(r"\ ", r"\s+")
        parts_.append(esc + (r"\.?" if w in dotted else ""))
    return "(?:" + "|".join(parts_) + ")"


@functools.lru_cache(maxsize=None)
def holidays() -> dict[str, tuple[int, int]]:
    """lower-case name -> (month, day) of holidays with a fixed date; moveable holidays
    (moveable_holidays.tsv) are listed with (0, 0): `holiday_date` places them."""
    out = {n.lower(): (int(m), int(d)) for n, m, d in _rows("holidays.tsv")}
    for row in _rows("moveable_holidays.tsv"):
        out.setdefault(row[0].lower(), (0, 0))
    return out


@functools.lru_cache(maxsize=None)
def _moveable() -> dict[str, tuple[int, int, int, int]]:
    return {r[0].lower(): (int(r[1]), int(r[2]), int(r[3]), int(r[4]))
            for r in _rows("moveable_holidays.tsv")}


def holiday_date(name: str, year: int):
    """The `datetime.date` of holiday `name` (lower case) in `year`."""
    from datetime import date, timedelta

    from dateutil.easter import easter

    name = " ".join(name.lower().replace("\u2019", "'").split())
    if name not in _moveable():
        m, d = holidays()[name]
        return date(year, m, d)
    month, weekday, nth, first_day = _moveable()[name]
    if month == 0:
        return easter(year) + timedelta(days=nth)
    if nth < 0:
        nxt = date(year + (month == 12), month % 12 + 1, 1)
        last = nxt - timedelta(days=1)
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    start = date(year, month, first_day)
    return start + timedelta(days=(weekday - start.weekday()) % 7 + 7 * (nth - 1))
