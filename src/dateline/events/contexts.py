"""PLOVER contexts of an event: its type's default plus those cued by words of its sentence.

Contexts are topical ("military", "economic", "legal"...), so they come from the words around
the event rather than from its trigger; the cue list is data (data/events/contexts.tsv).
"""
from __future__ import annotations

import csv
import functools
import re

from ..paths import data_file


@functools.lru_cache(maxsize=1)
def _pattern() -> tuple[re.Pattern, dict[str, str]]:
    cues: dict[str, str] = {}
    with open(data_file("events", "contexts.tsv"), encoding="utf-8") as fh:
        rows = csv.DictReader((ln for ln in fh if not ln.startswith("#")), delimiter="\t")
        for row in rows:
            cues[row["cue"].strip().lower()] = row["context"].strip()
    alternatives = sorted(cues, key=len, reverse=True)
    parts = [re.escape(c[:-1]) + r"\w*" if c.endswith("*") else re.escape(c) for c in alternatives]
    return re.compile(r"\b(?:" + "|".join(f"({p})" for p in parts) + r")\b"), \
        {i + 1: cues[c] for i, c in enumerate(alternatives)}


def contexts_for(default: list[str], sentence: str) -> list[str]:
    """`default` contexts, then each cued one once, in order of first cue in the sentence."""
    pattern, by_group = _pattern()
    out = list(default)
    for m in pattern.finditer(sentence.lower()):
        context = by_group[m.lastindex]
        if context not in out:
            out.append(context)
    return out
