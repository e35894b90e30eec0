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
    # Longest cue first; cues are grouped by their first character behind a lookahead, so the
    # engine tries only the cues that can start at a position (same matches as one flat list,
    # since cues with different first characters never match at the same place).
    buckets: dict[str, list[str]] = {}
    for c in alternatives:
        buckets.setdefault(c[:1] if len(c.rstrip("*")) else "", []).append(c)
    parts, groups = [], {}
    for first, members in buckets.items():
        alts = []
        for c in members:
            groups[len(groups) + 1] = cues[c]
            alts.append("(" + (re.escape(c[:-1]) + r"\w*" if c.endswith("*") else re.escape(c)) + ")")
        guard = f"(?={re.escape(first)})" if first else ""
        parts.append(guard + "(?:" + "|".join(alts) + ")")
    return re.compile(r"\b(?:" + "|".join(parts) + r")\b"), groups


def contexts_for(default: list[str], sentence: str) -> list[str]:
    """`default` contexts, then each cued one once, in order of first cue in the sentence."""
    pattern, by_group = _pattern()
    out = list(default)
    for m in pattern.finditer(sentence.lower()):
        context = by_group[m.lastindex]
        if context not in out:
            out.append(context)
    return out
