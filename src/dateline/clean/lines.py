"""Features of the lines of a text page, for the furniture and title models (clean/model.py).

`page_features(lines, title)` gives one row per line: the line's own shape (length, sentence
punctuation, capitalisation, digits and dates, cue words, the furniture rules of
data/clean/furniture.tsv as flags), its similarity to the title, its position on the page, and
the shape of its neighbours. `vocabulary` words (learned at training time, stored with the
weights) add one 0/1 column each. Shapes: list of n strings -> float array (n, n_features).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional, Sequence

import numpy as np

from ..paths import word_set

_WORD = re.compile(r"\w+", re.UNICODE)
_ALPHA_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_MONTH = (r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?")
_DATE = re.compile(rf"{_MONTH}\s+\d{{1,2}}\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}|"
                   r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b", re.I)
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s*[ap]\.?m\b", re.I)
_URL = re.compile(r"https?://|www\.|\.(?:com|org|net|co\.uk)\b|^url\s*:", re.I)
_TERMINAL = tuple(".!?\"”’'»…")
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’']?\s+[\"“‘']?[A-Z]")
# a photo credit inside a caption ('Photo: Jane Doe/Reuters', '(Photo by X/AFP via Getty Images)',
# 'Image credit: NASA', 'File photo'): the credit formats of wire and newspaper captions
_CREDIT = re.compile(r"\b(?:photo|image|picture|foto|credit)s?\s*(?::|credit\b)|"
                     r"(?-i:\b(?:Photo|Image|Picture|Foto)s? by\b)|\bgetty images\b|"
                     r"\bfile (?:photo|picture|image)\b|/\s*(?:reuters|ap|afp|epa|getty|associated press)\b",
                     re.I)
_SIGNOFF = re.compile(r"^\W{0,3}\(?[A-Z][\w./-]{1,15}(?:[,/ ]+[A-Z][\w./-]{1,15}){0,4}\)?\W{0,2}$")

OWN = ["words", "chars", "terminal", "colon_end", "no_punct_end", "sentences", "cap_share",
       "all_caps", "digit_share", "has_date", "has_time", "date_line", "starts_by", "has_pipe",
       "has_url", "starts_bullet", "has_quote", "headline_like", "paragraph_like", "rule_drop",
       "rule_cut", "rule_caption", "dateline_start", "cue_words", "lower_start", "in_parens",
       "signoff_shape", "comma_share", "upper_first_words", "function_share", "quote_open",
       "quote_odd", "lower_share", "ellipsis_end", "credit"]
CONTEXT = ["title_sim", "is_title", "duplicate", "lines_before", "lines_after", "before_first_para",
           "after_last_para", "after_cut", "para_distance", "is_first", "is_last",
           "relative_position", "run_length", "run_inside", "run_after_colon", "quote_carried", "teaser_of_neighbour",
           "function_gap"]
NEIGHBOUR = ["words", "terminal", "paragraph_like", "headline_like", "rule_drop", "has_date",
             "function_share", "has_quote", "starts_bullet"]
WINDOW = ["words", "terminal", "headline_like", "paragraph_like", "rule_drop"]
WINDOW_LINES = 3  # window means over the 3 lines either side (and the line itself)


def _word_file(name: str) -> frozenset:
    return word_set("clean", name)


def cue_words() -> frozenset:
    """Furniture cue words (data/clean/cue_words.txt)."""
    return _word_file("cue_words.txt")


def open_words() -> frozenset:
    """Words a sentence does not end on (data/clean/open_words.txt)."""
    return _word_file("open_words.txt")


CUT_OFF_MIN_WORDS = 6


def cut_off(line: str) -> bool:
    """A line of at least CUT_OFF_MIN_WORDS words that stops on an article, a possessive or a
    preposition/conjunction that needs a complement (data/clean/open_words.txt, matched on the
    last word as written, so "IN" and "ON" in upper case do not count): prose cut off."""
    words = line.split()
    return len(words) >= CUT_OFF_MIN_WORDS and words[-1] in open_words()


def function_words() -> frozenset:
    """English function words (data/clean/function_words.txt): prose has many."""
    return _word_file("function_words.txt")


_OPEN_QUOTES = "\"“«„‘'"
_DOUBLE_QUOTES = "\"“”«»„"


def words_of(line: str) -> list[str]:
    return _WORD.findall(line.casefold())


@lru_cache(maxsize=4096)
def own_features(line: str, in_head: bool) -> dict:
    """The shape of one line, independent of its page (a dict keyed by OWN; cached, since a
    page is scored twice, without and with its title: do not mutate)."""
    from . import (_DATELINE_START, EDGE_CHARS, _rule_for, headline_like, paragraph_like,
                   parse_date_words)

    words = line.split()
    alpha = _ALPHA_WORD.findall(line)
    initials = "".join([w[0] for w in alpha])  # counted with map() below: no per-word Python code
    toks = words_of(line)
    rule = _rule_for(line, in_head)
    n_alpha = sum(map(str.isalpha, line)) or 1
    function = function_words()
    return {
        "words": np.log1p(len(words)),
        "chars": np.log1p(len(line)),
        "terminal": float(line.endswith(_TERMINAL)),
        "colon_end": float(line.endswith(":")),
        "no_punct_end": float(line[-1].isalnum()),
        "sentences": np.log1p(len(_SENTENCE_BREAK.findall(line))),
        "cap_share": sum(map(str.isupper, initials)) / max(1, len(alpha)),
        "all_caps": float(sum(map(str.isupper, line)) / n_alpha > 0.8 and n_alpha >= 3),
        "digit_share": sum(map(str.isdigit, line)) / len(line),
        "has_date": float(bool(_DATE.search(line[:300]))),
        "has_time": float(bool(_TIME.search(line[:300]))),
        "date_line": float(parse_date_words(line[:300]) is not None),
        "starts_by": float(bool(re.match(r"(?:by|par|por|von|di)\s+[A-Z]", line, re.I))
                           and len(words) <= 12),
        "has_pipe": float("|" in line),
        "has_url": float(bool(_URL.search(line[:300]))),
        "starts_bullet": float(line[0] in "-–—•·*>|[" ),
        "has_quote": float(any(c in line for c in "\"“”«»")),
        "headline_like": float(headline_like(line)),
        "paragraph_like": float(paragraph_like(line)),
        "rule_drop": float(rule == "drop"),
        "rule_cut": float(rule == "cut"),
        "rule_caption": float(rule == "caption"),
        "dateline_start": float(bool(_DATELINE_START.match(line[:EDGE_CHARS]))),
        "cue_words": min(3, sum(map(cue_words().__contains__, toks))) / (1 + 0.1 * len(toks)),
        "lower_start": float(line[0].islower()),
        "in_parens": float(line.startswith(("(", "[")) and line.endswith((")", "]"))),
        "signoff_shape": float(bool(_SIGNOFF.match(line)) and len(words) <= 6),
        "comma_share": line.count(",") / max(1, len(words)),
        "upper_first_words": float(len(words) >= 2 and words[0].isupper() and words[1].isupper()),
        "function_share": sum(map(function.__contains__, toks)) / max(1, len(toks)),
        "quote_open": float(line[0] in _OPEN_QUOTES),
        "quote_odd": float(sum(map(line.count, _DOUBLE_QUOTES)) % 2 == 1),
        "lower_share": sum(map(str.islower, initials)) / max(1, len(alpha)),
        "ellipsis_end": float(line.endswith(("...", "…"))),
        "credit": float(bool(_CREDIT.search(line[:EDGE_CHARS])
                             or (len(line) > EDGE_CHARS and _CREDIT.search(line[-EDGE_CHARS:])))),
    }


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def page_features(lines: Sequence[str], title: Optional[str],
                  vocabulary: Sequence[str] = ()) -> np.ndarray:
    """Rows of OWN + CONTEXT + prev/next NEIGHBOUR + vocabulary columns, one per line.

    Only the CONTEXT columns `title_sim` and `is_title` depend on `title`: a page is scored
    without a title (to find one) and then with it, so the rest is computed once (`_untitled`)
    and those two columns are filled in, as `base_features` computes them."""
    out = _untitled(tuple(lines), tuple(vocabulary)).copy()
    if title:
        title_words, title_norm = set(words_of(title)), _norm_line(title)
        col = len(OWN) + CONTEXT.index("title_sim")
        out[:, col] = [_jaccard(set(words_of(x)), title_words) for x in lines]
        col = len(OWN) + CONTEXT.index("is_title")
        out[:, col] = [float(title_norm == _norm_line(x)) for x in lines]
    return out


@lru_cache(maxsize=4)
def _untitled(lines: tuple, vocabulary: tuple) -> np.ndarray:
    """`page_features` without a title (its title columns are 0); read-only, cached."""
    out = np.hstack([base_features(lines, None), vocabulary_features(lines, vocabulary)])
    out.setflags(write=False)
    return out


def _norm_line(line: str) -> str:
    from . import _norm

    return _norm(line)


def vocabulary_features(lines: Sequence[str], vocabulary: Sequence[str]) -> np.ndarray:
    """One 0/1 column per vocabulary word: the word is on the line (lines of <= 15 words)."""
    index = {w: j for j, w in enumerate(vocabulary)}
    out = np.zeros((len(lines), len(vocabulary)))
    for i, x in enumerate(lines):
        toks = words_of(x)
        if len(toks) <= 15:
            for t in toks:
                if t in index:
                    out[i, index[t]] = 1.0
    return out


def base_features(lines: Sequence[str], title: Optional[str]) -> np.ndarray:
    """Rows of OWN + CONTEXT + prev/next NEIGHBOUR + WINDOW mean columns, one per line."""
    from . import _norm, paragraph_like

    n = len(lines)
    if not n:
        return np.zeros((0, len(OWN) + len(CONTEXT) + 2 * len(NEIGHBOUR) + len(WINDOW)))
    paras = [i for i, x in enumerate(lines) if paragraph_like(x)]
    first_para = paras[0] if paras else n
    last_para = paras[-1] if paras else -1
    own = [own_features(x, i <= first_para) for i, x in enumerate(lines)]
    title_words = set(words_of(title)) if title else set()
    title_norm = _norm(title) if title else None
    norms = [_norm(x) for x in lines]
    counts: dict[str, int] = {}
    for x in norms:
        counts[x] = counts.get(x, 0) + 1
    rows = []
    cut_seen = False
    shape = np.asarray([[o[k] for k in WINDOW] for o in own], dtype=np.float64)
    runs = _runs([o["paragraph_like"] > 0 for o in own], lines)
    carried = _quote_carried(own)
    normed = [" ".join(words_of(x)) for x in lines]
    gap = _function_gap(own)
    for i, x in enumerate(lines):
        f = [own[i][k] for k in OWN]
        dist = min((abs(i - p) for p in paras), default=n)
        f += [_jaccard(set(words_of(x)), title_words), float(title_norm == norms[i]),
              float(counts[norms[i]] > 1), np.log1p(i), np.log1p(n - 1 - i), float(i < first_para),
              float(i > last_para), float(cut_seen), np.log1p(dist), float(i == 0),
              float(i == n - 1), i / max(1, n - 1), *runs[i], carried[i],
              _teaser_of_neighbour(normed, i), gap[i]]
        for j in (i - 1, i + 1):
            f += [own[j][k] for k in NEIGHBOUR] if 0 <= j < n else [0.0] * len(NEIGHBOUR)
        f += list(shape[max(0, i - WINDOW_LINES):i + WINDOW_LINES + 1].mean(axis=0))
        rows.append(f)
        cut_seen = cut_seen or own[i]["rule_cut"] > 0
    return np.asarray(rows, dtype=np.float64)


def _runs(para: list, lines: Sequence[str]) -> list[tuple]:
    """Per line: (log length of its run of consecutive non-paragraph lines, run has paragraphs
    on both sides, the line before the run ends with ':'); (0, 0, 0) for a paragraph line.
    A list inside an article ('The main points:' then short items) is such a run."""
    out: list[tuple] = [(0.0, 0.0, 0.0)] * len(para)
    i = 0
    while i < len(para):
        if para[i]:
            i += 1
            continue
        j = i
        while j < len(para) and not para[j]:
            j += 1
        inside = float(i > 0 and j < len(para))
        colon = float(i > 0 and lines[i - 1].rstrip().endswith(":"))
        out[i:j] = [(np.log1p(j - i), inside, colon)] * (j - i)
        i = j
    return out


TEASER_MIN_WORDS = 6
GAP_MIN_WORDS = 3  # shorter lines have too few words for a share of function words


def _function_gap(own: list) -> list[float]:
    """Per line: how far its share of English function words falls below the median of the
    page's paragraphs (0 when above, or for lines under GAP_MIN_WORDS words): a line in another
    language than the article (a comment policy, a menu) among English paragraphs."""
    para = [o["function_share"] for o in own if o["paragraph_like"] > 0]
    if not para:
        return [0.0] * len(own)
    median = float(np.median(para))
    return [max(0.0, median - o["function_share"]) if np.expm1(o["words"]) >= GAP_MIN_WORDS
            else 0.0 for o in own]




def _teaser_of_neighbour(normed: list[str], i: int) -> float:
    """1.0 when line i's words open a longer line within two lines of it (a standfirst or
    teaser cut short, '...', repeating the lead paragraph)."""
    t = normed[i]
    if len(t.split()) < TEASER_MIN_WORDS:
        return 0.0
    for j in range(max(0, i - 2), min(len(normed), i + 3)):
        if j != i and len(normed[j]) > len(t) and normed[j].startswith(t):
            return 1.0
    return 0.0


def _quote_carried(own: list) -> list[float]:
    """1.0 for a line opened by a quote mark while the quotation of the line before is still
    open (an odd count of double quote marks leaves it open): a quote running over several
    paragraphs repeats the opening mark on each and closes only at the end."""
    out, open_quote = [], False
    for o in own:
        out.append(float(open_quote and o["quote_open"] > 0))
        open_quote = o["quote_odd"] > 0
    return out


STACK = ["p_prev2", "p_prev", "p_next", "p_next2", "p_window3", "p_window8", "p_max_before",
         "p_max_after", "p_page_mean", "p_rank"]


def stack_features(p: np.ndarray) -> np.ndarray:
    """Second-stage columns from first-stage P(content) of the page's lines (n,) -> (n, 10):
    the neighbours' scores, window means, the best score before and after the line, the page's
    mean and the line's rank on its page (article text comes in one run of lines)."""
    n = len(p)
    out = np.zeros((n, len(STACK)))
    if not n:
        return out
    padded = np.concatenate([np.zeros(2), p, np.zeros(2)])
    out[:, 0], out[:, 1], out[:, 2], out[:, 3] = padded[:n], padded[1:n + 1], padded[3:n + 3], \
        padded[4:n + 4]
    csum = np.concatenate([[0.0], np.cumsum(p)])
    idx = np.arange(n)
    for col, w in ((4, 3), (5, 8)):
        lo, hi = np.maximum(0, idx - w), np.minimum(n, idx + w + 1)
        out[:, col] = (csum[hi] - csum[lo]) / (hi - lo)
    out[1:, 6] = np.maximum.accumulate(p)[:-1]
    out[:-1, 7] = np.maximum.accumulate(p[::-1])[::-1][1:]
    out[:, 8] = p.mean()
    out[:, 9] = np.argsort(np.argsort(-p)) / n
    return out
