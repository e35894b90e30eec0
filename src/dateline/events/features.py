"""Features for the PLOVER type classifier (pure Python, shared by training and inference).

A sentence is seen through its source and target: their spans are replaced by placeholders so
that the words inside actor names (often country names) do not decide the type, and the words
between and around them, which carry the event, get features of their own.
"""
from __future__ import annotations

import functools
import re

from ..paths import data_file

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


def extract_batch(sentences, sources, targets, use_parse: bool = True, docs=None) -> list[dict]:
    """Feature dicts for aligned lists (the one entry point training and inference share).

    `docs` may give the spaCy parse of each sentence (a Doc, or a sentence Span of an article's
    Doc, whose text must equal the sentence); otherwise the sentences are parsed here.
    """
    out = [lexical(s, a, b) for s, a, b in zip(sentences, sources, targets)]
    if not use_parse:
        return out
    if docs is None:
        from .. import nlp as nlp_mod

        docs = nlp_mod.load().pipe(sentences, disable=SKIP_PIPES, batch_size=64)
    else:
        docs = [d.as_doc() if hasattr(d, "as_doc") else d for d in docs]
    for fd, doc, s, a, b in zip(out, docs, sentences, sources, targets):
        fd.update(syntactic(doc, *locate(s, a, b)))
    return out


# ---------------------------------------------------------------- syntactic features (spaCy)

def _span_root(doc, span):
    """The token of a char span whose head lies outside it (the span's syntactic head)."""
    if not span:
        return None
    toks = [t for t in doc if t.idx < span[1] and t.idx + len(t) > span[0]]
    if not toks:
        return None
    inside = {t.i for t in toks}
    for t in toks:
        if t.head.i not in inside or t.head.i == t.i:
            return t
    return toks[0]


def _ancestors(tok):
    chain = [tok]
    while chain[-1].head.i != chain[-1].i and len(chain) < 40:
        chain.append(chain[-1].head)
    return chain


# The attribute ruler and lemmatizer cost as much as the parser; the classifier skips them and
# derives coarse POS from the tagger's Penn tag and lemmas (memoised) from the lemmatizer's tables.
SKIP_PIPES = ["ner", "attribute_ruler", "lemmatizer"]
TAG_POS = {"VB": "VERB", "VBD": "VERB", "VBG": "VERB", "VBN": "VERB", "VBP": "VERB", "VBZ": "VERB",
           "MD": "AUX", "NN": "NOUN", "NNS": "NOUN", "NNP": "PROPN", "NNPS": "PROPN",
           "JJ": "ADJ", "JJR": "ADJ", "JJS": "ADJ", "RB": "ADV", "RBR": "ADV", "RBS": "ADV"}
BASE_TAGS = frozenset({"VB", "VBP", "NN", "NNP", "JJ", "RB", "MD"})


def _pos(tok) -> str:
    return TAG_POS.get(tok.tag_, "X")


@functools.lru_cache(maxsize=None)
def _tables():
    from .. import nlp as nlp_mod

    lookups = nlp_mod.load().get_pipe("lemmatizer").lookups
    index, exc, rules = (lookups.get_table(t, {}) for t in ("lemma_index", "lemma_exc", "lemma_rules"))
    # spaCy keeps each POS's base forms as a list (57,528 nouns): sets make `in` cheap
    index = {pos: frozenset(index.get(pos, ())) for pos in ("noun", "verb", "adj", "adv")}
    return index, exc, rules


@functools.lru_cache(maxsize=200_000)
def lemma(lower: str, tag: str) -> str:
    """spaCy's rule lemma of a lower-cased word given its Penn tag (base forms stay as they are)."""
    pos = TAG_POS.get(tag, "").lower()
    if tag in BASE_TAGS or pos not in ("noun", "verb", "adj", "adv"):
        return lower
    index_t, exc_t, rules_t = _tables()
    exc = exc_t.get(pos, {}).get(lower)
    if exc:
        return exc[0]
    index, oov = index_t.get(pos, {}), None
    for old, new in rules_t.get(pos, {}):
        if lower.endswith(old):
            form = lower[: len(lower) - len(old)] + new
            if form and (form in index or not form.isalpha()):
                return form
            oov = oov or form
    return oov or lower


def _lem(tok) -> str:
    return lemma(tok.lower_, tok.tag_)


def _predicate(s_root, t_root):
    """Lowest common ancestor of source and target heads, and the two upward chains."""
    up_s = _ancestors(s_root) if s_root is not None else []
    up_t = _ancestors(t_root) if t_root is not None else []
    ids_t = {t.i for t in up_t}
    for k, tok in enumerate(up_s):
        if tok.i in ids_t:
            return tok, up_s[1:k], up_t[1:[t.i for t in up_t].index(tok.i)]
    if up_s:
        verbs = [t for t in up_s[1:] if _pos(t) in ("VERB", "AUX")]
        return (verbs[0] if verbs else up_s[-1]), up_s[1:], []
    if up_t:
        verbs = [t for t in up_t[1:] if _pos(t) in ("VERB", "AUX")]
        return (verbs[0] if verbs else up_t[-1]), [], up_t[1:]
    return None, [], []


def _pred_features(pred, feats):
    lem = _lem(pred)
    feats["p:" + lem] = 1.0
    for ch in pred.children:
        d = ch.dep_
        if d == "neg":
            feats["p:neg"] = 1.0
        elif d == "aux" and ch.lower_ in MODAL_WORDS:
            feats["p:modal"] = 1.0
        elif d in ("dobj", "attr", "oprd", "acomp"):
            feats[f"p:{lem}>{_lem(ch)}"] = 1.0
            feats["obj:" + _lem(ch)] = 1.0
        elif d in ("xcomp", "ccomp"):
            feats[f"p:{lem}>{d}>{_lem(ch)}"] = 1.0
            feats["x:" + _lem(ch)] = 1.0
        elif d == "prep":
            feats[f"p:{lem}_{ch.lower_}"] = 1.0
        elif d == "prt":
            feats[f"p:{lem}_{ch.lower_}"] = 1.0
    if pred.dep_ in ("xcomp", "ccomp", "advcl", "conj") and pred.head.i != pred.i:
        feats[f"gov:{_lem(pred.head)}>{lem}"] = 1.0
        feats["gov:" + _lem(pred.head)] = 1.0


@functools.lru_cache(maxsize=None)
def triggers() -> dict[str, frozenset]:
    """lemma (or "predicate object") -> PLOVER types, from data/events/plover_triggers.tsv."""
    table: dict[str, set] = {}
    for line in data_file("events", "plover_triggers.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            typ, lemma = line.split("\t", 1)
            table.setdefault(lemma.strip().lower(), set()).add(typ.strip())
    return {k: frozenset(v) for k, v in table.items()}


def _trigger_features(prefix, keys, feats):
    table = triggers()
    for key in keys:
        for typ in table.get(key, ()):
            feats[prefix + typ] = 1.0


def _triggers_for(doc, pred, up_s, up_t, lemmas, feats):
    lem = _lem(pred)
    objs = [_lem(c) for c in pred.children if c.dep_ in ("dobj", "attr", "prep", "prt", "pobj")]
    _trigger_features("tp:", [lem], feats)
    _trigger_features("tpo:", [f"{lem} {o}" for o in objs], feats)
    gov = [_lem(pred.head)] if pred.dep_ in ("xcomp", "ccomp", "conj") else []
    comp = [_lem(c) for c in pred.children if c.dep_ in ("xcomp", "ccomp")]
    _trigger_features("tx:", gov + comp + objs, feats)
    _trigger_features("tpath:", [_lem(t) for t in up_s + up_t], feats)
    _trigger_features("ta:", lemmas, feats)


def syntactic(doc, s_span, t_span) -> dict[str, float]:
    """Predicate linking source and target, its object/complement, the dependency path, lemmas."""
    feats: dict[str, float] = {}
    s_root, t_root = _span_root(doc, s_span), _span_root(doc, t_span)
    pred, up_s, up_t = _predicate(s_root, t_root)
    if pred is None:
        return feats
    _pred_features(pred, feats)
    if s_root is not None:
        feats["s_dep:" + s_root.dep_] = 1.0
        feats[f"s_head:{s_root.dep_}>{_lem(s_root.head)}"] = 1.0
    if t_root is not None:
        feats["t_dep:" + t_root.dep_] = 1.0
        feats[f"t_head:{t_root.dep_}>{_lem(t_root.head)}"] = 1.0
        if t_root.head.dep_ == "prep":
            feats[f"t_prep:{t_root.head.lower_}>{_lem(t_root.head.head)}"] = 1.0
    path = [_lem(t) for t in up_s + up_t if _pos(t) in ("VERB", "NOUN", "ADJ")]
    for w in path[:6]:
        feats["path:" + w] = 1.0
    spans = [sp for sp in (s_span, t_span) if sp]
    lemmas = [_lem(t) for t in doc if t.is_alpha and not any(a <= t.idx < b for a, b in spans)]
    for w in lemmas:
        feats["l:" + w] = 1.0
    for a, b in zip(lemmas, lemmas[1:]):
        feats[f"l:{a} {b}"] = 1.0
    _triggers_for(doc, pred, up_s, up_t, lemmas, feats)
    return feats
