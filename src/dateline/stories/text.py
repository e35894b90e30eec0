"""Text features of an article for the stories stage: word shingles (near-duplicates) and
weighted terms (story similarity).

Tokens are lower-cased words and numbers ("1,297" and "1297" are one token). Wire prefixes on
headlines ("UPDATE 1-", "REFILE-", "EXCLUSIVE-") are removed; the prefix list lives in
data/stories/wire_prefixes.txt (Reuters/AP slug conventions). Stop words are spaCy's English list.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from typing import Iterable, Optional

from ..paths import data_file

SHINGLE_WORDS = 4      # words per shingle (measured: `dateline eval copies`)
TOP_TERMS = 80         # terms kept per article vector
_TOKEN = re.compile(r"\d[\d,.]*\d|\d|[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)


@lru_cache(maxsize=1)
def _stop_words() -> frozenset:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@lru_cache(maxsize=1)
def _wire_prefix() -> re.Pattern:
    words = [w.strip() for w in open(data_file("stories", "wire_prefixes.txt"), encoding="utf-8")
             if w.strip() and not w.startswith("#")]
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"^\s*(?:(?:{alt})(?:\s+\d+)?\s*[-–:]\s*)+", re.IGNORECASE)


def strip_wire_prefix(title: Optional[str]) -> Optional[str]:
    """'UPDATE 2-Zambia asks ...' -> 'Zambia asks ...' (None stays None)."""
    if not title:
        return title
    return _wire_prefix().sub("", title).strip() or title


def tokens(text: str) -> list[str]:
    """Lower-cased word and number tokens; digit group separators dropped."""
    out = []
    for m in _TOKEN.finditer(text or ""):
        tok = m.group(0).lower().replace("’", "'")
        if tok[0].isdigit():
            tok = tok.replace(",", "").rstrip(".")
        out.append(tok)
    return out


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[str]:
    """Distinct k-word shingles of a text (a short text gives its whole token run)."""
    toks = tokens(text)
    if len(toks) < k:
        return {" ".join(toks)} if toks else set()
    return {" ".join(toks[i:i + k]) for i in range(len(toks) - k + 1)}


def content_terms(text: str) -> list[str]:
    """Tokens that carry content: not stop words, words of 3+ letters, any number."""
    stop = _stop_words()
    return [t for t in tokens(text) if t not in stop and (len(t) > 2 or t[0].isdigit())]


def term_counts(title: Optional[str], text: str, actors: Iterable[str] = (),
                event_types: Iterable[str] = ()) -> Counter:
    """Raw term frequencies: body terms, headline terms counted twice, actor names as
    '@name' (twice), PLOVER event types as '#TYPE' (once per event)."""
    counts = Counter(content_terms(text))
    for t in content_terms(strip_wire_prefix(title) or ""):
        counts[t] += 2
    for name in actors:
        counts["@" + name] += 2
    for t in event_types:
        counts["#" + t] += 1
    return counts


def weigh(counts: Counter, df: dict, n_docs: int, top: int = TOP_TERMS) -> dict:
    """L2-normalised tf-idf weights of the `top` heaviest terms.

    tf = 1 + ln(count); idf = ln((1 + N) / (1 + df)) + 1 (smoothed, as scikit-learn's default);
    `df` maps term -> number of earlier articles containing it, `n_docs` = N.
    """
    w = {t: (1 + math.log(c)) * (math.log((1 + n_docs) / (1 + df.get(t, 0))) + 1)
         for t, c in counts.items()}
    best = sorted(w.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    norm = math.sqrt(sum(v * v for _, v in best)) or 1.0
    return {t: round(v / norm, 5) for t, v in best}


def cosine(a: dict, b: dict) -> float:
    """Cosine of two sparse vectors given as {term: weight}."""
    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b.get(t, 0.0) for t, v in a.items())
    na = math.sqrt(sum(v * v for v in a.values())) or 1.0
    nb = math.sqrt(sum(v * v for v in b.values())) or 1.0
    return dot / (na * nb)


def content_term_spans(text: str) -> list[tuple[str, int, int]]:
    """(term, start, end) of each content term of `text` (as `content_terms`), offsets in
    characters."""
    stop = _stop_words()
    out = []
    for m in _TOKEN.finditer(text or ""):
        tok = m.group(0).lower().replace("’", "'")
        if tok[0].isdigit():
            tok = tok.replace(",", "").rstrip(".")
        if tok not in stop and (len(tok) > 2 or tok[0].isdigit()):
            out.append((tok, m.start(), m.end()))
    return out
