"""The country of a first-level administrative division named before an actor's role noun.

"the Amhara regional government", "Tigray forces", "Punjab police": a division name used as a
premodifier places the actor in that division's country (issue 7, kind 2: the organisation
belongs to the place its own words name, not to whichever country the story names most).
Source: GeoNames admin1 divisions (data/geo/admins.tsv, built by scripts/build_admins.py). A name
is used only when one country has a division of that name, the actor KB does not know the name as
something else (a country, city or organisation: "Georgia", "Punjab" of two countries are out),
and the name is not generic (data/actors/region_words.tsv).
"""
from __future__ import annotations

import functools
from typing import Optional

from ..paths import data_file, word_set
from . import kb as kb_mod


def _generic() -> frozenset[str]:
    return word_set("actors", "region_words.tsv")


@functools.lru_cache(maxsize=1)
def divisions() -> dict[str, str]:
    """{folded admin1 name: ISO3} for unambiguous, non-generic names the KB does not know."""
    found: dict[str, set] = {}
    with open(data_file("geo", "admins.tsv"), encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 3 or cols[0] != "admin1":
                continue
            found.setdefault(kb_mod.fold(cols[1]), set()).add(cols[2])
    kb = kb_mod.load()
    generic = _generic()
    return {name: next(iter(isos)) for name, isos in found.items()
            if len(isos) == 1 and len(name) >= 4 and name not in kb.names
            and not set(name.replace("-", " ").split()) & generic}


def region_country(tokens, s: int, e: int) -> Optional[str]:
    """ISO3 of a division named by capitalised proper nouns in tokens[s:e] (one to three
    tokens, "'s" allowed after it), or None."""
    table = divisions()
    i = s
    while i < e:
        tok = tokens[i]
        if tok.pos_ == "PROPN" and tok.text[:1].isupper():
            for n in (3, 2, 1):
                j = i + n
                if j > e or not all(t.pos_ == "PROPN" for t in tokens[i:j]):
                    continue
                iso = table.get(kb_mod.fold(tokens[i:j].text))
                if iso:
                    return iso
        i += 1
    return None
