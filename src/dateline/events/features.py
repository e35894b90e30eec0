"""Features for the PLOVER type classifier (pure Python, shared by training and inference).

A sentence is seen through its source and target: their spans are replaced by placeholders so
that the words inside actor names (often country names) do not decide the type, and the words
between and around them, which carry the event, get features of their own.
"""
from __future__ import annotations

import re

TOKEN_RE = re.compile(r"[a-z]+(?:['’][a-z]+)?|\d+(?:[.,]\d+)*|[^\sa-z\d]", re.I)
SRC, TGT = "<src>", "<tgt>"
NEG_WORDS = frozenset("not no never n't nor without refuse refused refuses denied deny".split())
MODAL_WORDS = frozenset("will would could might may should shall can must threatened vowed".split())


def _find(sentence: str, text: str, taken=None, near: int | None = None):
    """Char span of `text` in `sentence` (case-insensitive), avoiding `taken`, nearest `near`."""
    text = text.strip()
    if not text:
        return None
    low, pat = sentence.lower(), text.lower()
    spans, i = [], low.find(pat)
    while i >= 0:
        span = (i, i + len(pat))
        if taken is None or span[1] <= taken[0] or span[0] >= taken[1]:
            spans.append(span)
        i = low.find(pat, i + 1)
    if not spans:
        return None
    if near is None:
        return spans[0]
    return min(spans, key=lambda s: abs(s[0] - near))


def locate(sentence: str, source: str, target: str):
    """(source_span, target_span); either may be None when the text is not in the sentence."""
    s = _find(sentence, source)
    t = _find(sentence, target, taken=s, near=s[0] if s else None)
    return s, t


def tokens(text: str) -> list[str]:
    return [w.lower() for w in TOKEN_RE.findall(text)]


def masked(sentence: str, s_span, t_span) -> list[str]:
    """Tokens of the sentence with source and target spans replaced by placeholders."""
    marks = sorted([(sp, tag) for sp, tag in ((s_span, SRC), (t_span, TGT)) if sp])
    out, pos = [], 0
    for (a, b), tag in marks:
        out += tokens(sentence[pos:a]) + [tag]
        pos = b
    return out + tokens(sentence[pos:])


def _ngrams(toks, prefix, n_max, feats, weight=1.0):
    for n in range(1, n_max + 1):
        for i in range(len(toks) - n + 1):
            key = prefix + " ".join(toks[i:i + n])
            feats[key] = max(feats.get(key, 0.0), weight)


def lexical(sentence: str, source: str, target: str) -> dict[str, float]:
    """Bag of placeholder-masked n-grams plus between/after-actor windows and cue flags."""
    s, t = locate(sentence, source, target)
    toks = masked(sentence, s, t)
    feats: dict[str, float] = {}
    _ngrams(toks, "w:", 2, feats)
    if SRC in toks and TGT in toks:
        i, j = toks.index(SRC), toks.index(TGT)
        lo, hi = sorted((i, j))
        between = toks[lo + 1:hi]
        feats["order:" + ("st" if i < j else "ts")] = 1.0
        _ngrams(between[:12], "b:", 2, feats)
        if len(between) > 12:
            feats["b:long"] = 1.0
    else:
        feats["missing:" + ("src" if SRC not in toks else "tgt")] = 1.0
    anchor = toks.index(SRC) if SRC in toks else 0
    after = toks[anchor + 1:anchor + 7]
    _ngrams(after, "a:", 2, feats)
    cues = set(toks)
    if cues & NEG_WORDS:
        feats["cue:neg"] = 1.0
    if cues & MODAL_WORDS:
        feats["cue:modal"] = 1.0
    return feats


def extract_batch(sentences, sources, targets) -> list[dict]:
    """Feature dicts for aligned lists (the one entry point training and inference share)."""
    return [lexical(s, a, b) for s, a, b in zip(sentences, sources, targets)]
