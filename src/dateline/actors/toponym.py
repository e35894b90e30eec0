"""Toponyms with two readings: a country that is also a US state ("Georgia").

The gazetteer (data/geo/us_states.tsv) lists the US states; any state whose name is also a KB
country name is ambiguous. Such a match reads as the US state when the document's other place
clues point to the United States more than to that country: US cities, capitals and demonyms,
other US state names, a US dateline ("ATLANTA —") against the country's own capital, cities and
demonym ("Tbilisi", "Georgian"). The state reading keeps the match as a sub-national place
(kind "city") of the USA, so "Georgia's governor" is a US official and "in Georgia" a US place.
"""
from __future__ import annotations

import csv
import functools

from ..paths import data_file
from . import kb as kb_mod
from .match import Match

US = "USA"
CLUE_KINDS = ("country", "adj", "capital", "seat", "city")


@functools.lru_cache(maxsize=1)
def us_states() -> frozenset[str]:
    """Folded US state names from the gazetteer."""
    with open(data_file("geo", "us_states.tsv"), encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return frozenset(kb_mod.fold(r["name"]) for r in rows if r.get("name"))


@functools.lru_cache(maxsize=1)
def ambiguous() -> dict[str, str]:
    """Folded name -> the country it also names (state names that are KB country names)."""
    kb = kb_mod.load()
    out = {}
    for name in us_states():
        for kind, iso in kb.names.get(name, []):
            if kind == "country" and iso != US:
                out[name] = iso
    return out


def _state_mentions(tokens) -> int:
    """Occurrences of unambiguous US state names (one or two words, capitalised)."""
    states, amb = us_states(), ambiguous()
    n = 0
    words = [kb_mod.fold(t.text) for t in tokens]
    for i, t in enumerate(tokens):
        if not t.text[:1].isupper():
            continue
        for L in (2, 1):
            name = " ".join(words[i:i + L])
            if name in states and name not in amb:
                n += 1
                break
    return n


def disambiguate(tokens, names: list[Match], dateline_country=None) -> list[Match]:
    """Rewrite ambiguous country matches to the US-state reading when the clues say so."""
    amb = ambiguous()
    if not amb:
        return names
    folded = {i: kb_mod.fold(tokens[m.start:m.end].text) for i, m in enumerate(names)
              if m.kind == "country"}
    hits = {i for i, f in folded.items() if f in amb}
    if not hits:
        return names
    out = list(names)
    for country in {amb[folded[i]] for i in hits}:
        mine = {i for i in hits if amb[folded[i]] == country}
        us = _state_mentions(tokens) + 3 * (dateline_country == US)
        own = 3 * (dateline_country == country)
        for j, m in enumerate(names):
            if j in mine or m.kind not in CLUE_KINDS:
                continue
            us += m.key == US
            own += m.key == country
        if us > own:
            for i in mine:
                m = names[i]
                out[i] = Match(m.start, m.end, "city", US, m.case)
    return out
