"""Training data, grouped cross-validation and fitting of the line models (needs the `train`
extra: scikit-learn, inscriptis). Used by scripts/train_furniture.py and `dateline eval
furniture --cv`; never imported at run time.

Data:
- Zyte pages (../shared/data/extraction/zyte): each HTML page rendered to text lines by
  inscriptis (as a scraper would), cropped to a window of 0-25 lines around the ground-truth
  body (the part of a page a text scrape keeps), each line labelled content when its words belong
  to the ground-truth `articleBody`; the page's <h1> (or og:title) line is the title.
- Gold text articles (../shared/examples/dev): each line labelled furniture when it is one of the
  gold `boilerplate` strings or the title.
"""
from __future__ import annotations

import gzip
import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional
from urllib.parse import urlparse

import numpy as np

from ..paths import shared_data, shared_dir
from .lines import base_features, page_features, vocabulary_features, words_of

VOCABULARY_SIZE = 150
MIN_PAGES_PER_WORD = 8   # a vocabulary word must occur on short lines of this many pages
HIDDEN = 32
ZERO_MARGIN_SHARE = 0.35
TITLE_THRESHOLD = 0.3   # P(title) of the first line taken as headline (oversampled 10x in training)
MAX_EPOCHS = 150


@dataclass
class Page:
    key: str
    site: str
    lines: list
    content: list          # 1 = article body, 0 = furniture
    title_index: Optional[int]
    title: Optional[str] = None
    cache: dict = field(default_factory=dict, repr=False)

    def base(self, title: Optional[str]) -> np.ndarray:
        """base_features of the page, cached per title (the vocabulary part varies by fold)."""
        if title not in self.cache:
            self.cache[title] = base_features(self.lines, title)
        return self.cache[title]

    def features(self, title: Optional[str], vocabulary) -> np.ndarray:
        return np.hstack([self.base(title), vocabulary_features(self.lines, vocabulary)])


def _norm(text: str) -> str:
    return " ".join(words_of(text))


def _prepare(raw_lines) -> list[str]:
    from . import _strip_edges, fix_text

    out = []
    for raw in raw_lines:
        line, _ = _strip_edges(" ".join(fix_text(raw).split()))
        if line:
            out.append(line)
    return out


def _html_title(html: str) -> Optional[str]:
    import lxml.html

    try:
        root = lxml.html.fromstring(html)
    except Exception:  # lxml rejects some pages; then the page simply has no title label
        return None
    for path in ("//h1", "//meta[@property='og:title']/@content", "//title"):
        found = root.xpath(path)
        if found:
            text = found[0] if isinstance(found[0], str) else found[0].text_content()
            if text and text.strip():
                return " ".join(text.split())
    return None


def _is_body(line: str, body: str, body_lines: set, body_shingles: set) -> bool:
    t = _norm(line)
    if not t:
        return False
    toks = t.split()
    if len(toks) < 4:
        return t in body_lines
    if f" {t} " in body:
        return True
    grams = [tuple(toks[i:i + 4]) for i in range(len(toks) - 3)]
    return sum(g in body_shingles for g in grams) / len(grams) >= 0.6


def _margin(rng: random.Random) -> int:
    """Lines of page furniture a text scrape keeps beyond the body: none in a third of scrapes
    (which end where the article ends), else 1-25."""
    return 0 if rng.random() < ZERO_MARGIN_SHARE else rng.randint(1, 25)


def zyte_pages(folder: Optional[Path] = None, seed: int = 13) -> list[Page]:
    from inscriptis import get_text

    folder = folder or shared_data("extraction", "zyte")
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key in sorted(truth):
        with gzip.open(folder / "html" / f"{key}.html.gz", "rt", encoding="utf-8",
                       errors="replace") as fh:
            html = fh.read()
        body_text = truth[key].get("articleBody", "")
        body = f" {_norm(body_text)} "
        toks = body.split()
        shingles = {tuple(toks[i:i + 4]) for i in range(len(toks) - 3)}
        body_lines = {_norm(x) for x in body_text.split("\n") if x.strip()}
        try:
            lines = _prepare(get_text(html).split("\n"))
        except Exception:  # a page inscriptis cannot render is left out of the data
            continue
        labels = [int(_is_body(x, body, body_lines, shingles)) for x in lines]
        if sum(labels) < 2:
            continue
        first = labels.index(1)
        last = len(labels) - 1 - labels[::-1].index(1)
        title = _html_title(html)
        rng = random.Random(f"{seed}-{key}")
        start = max(0, first - _margin(rng))
        end = min(len(lines), last + 1 + _margin(rng))
        t_index = None
        if title:
            near = [i for i in range(max(0, first - 30), last + 1)
                    if _norm(lines[i]) == _norm(title) and not labels[i]]
            if near:
                t_index = near[-1] if near[-1] < first else near[0]
                start = min(start, t_index - rng.randint(0, 3)) if t_index >= start - 30 else start
                start = max(0, start)
        window = lines[start:end]
        pages.append(Page(key=key, site=urlparse(truth[key].get("url") or key).netloc,
                          lines=window, content=labels[start:end],
                          title_index=None if t_index is None or t_index < start
                          else t_index - start, title=title))
    return pages


def dev_pages(folder: Optional[Path] = None, exclude: str = "") -> list[Page]:
    """Gold text articles as labelled pages; `exclude` is a number range such as '21-40'."""
    from . import _logical_lines, fix_text

    folder = folder or shared_dir() / "examples" / "dev"
    lo, _, hi = exclude.partition("-")
    pages = []
    for f in sorted(folder.glob("*.json")):
        m = re.match(r"(\d+)", f.name)
        if exclude and m and int(lo) <= int(m.group(1)) <= int(hi or lo):
            continue
        gold = json.loads(f.read_text(encoding="utf-8"))
        bp = {_norm(b) for b in gold.get("boilerplate") or [] if _norm(b)}
        title = _norm(gold.get("title") or "")
        lines = _prepare(_logical_lines(fix_text(gold["text"])))
        labels = [int(_norm(x) not in bp and _norm(x) != title) for x in lines]
        t_index = next((i for i, x in enumerate(lines) if title and _norm(x) == title), None)
        pages.append(Page(key=f.stem, site=f.stem, lines=lines, content=labels,
                          title_index=t_index, title=gold.get("title")))
    return pages


def learn_vocabulary(pages: list[Page]) -> list[str]:
    """Words of short lines found on at least MIN_PAGES_PER_WORD pages, most common first,
    weighted towards words that separate furniture from content."""
    seen: dict[str, set] = {}
    furn: dict[str, int] = {}
    total: dict[str, int] = {}
    for p in pages:
        for line, y in zip(p.lines, p.content):
            toks = words_of(line)
            if len(toks) > 15:
                continue
            for t in set(toks):
                if t.isdigit():
                    continue
                seen.setdefault(t, set()).add(p.site)
                total[t] = total.get(t, 0) + 1
                furn[t] = furn.get(t, 0) + (1 - y)
    ranked = sorted((w for w, s in seen.items() if len(s) >= MIN_PAGES_PER_WORD),
                    key=lambda w: -abs(furn[w] / total[w] - 0.5) * len(seen[w]))
    return ranked[:VOCABULARY_SIZE]


def _matrix(pages: list[Page], vocabulary, use_title: bool):
    xs, ys, ts, groups = [], [], [], []
    for gi, p in enumerate(pages):
        title = p.lines[p.title_index] if use_title and p.title_index is not None else None
        xs.append(p.features(title, vocabulary))
        ys += p.content
        ts += [int(i == p.title_index) for i in range(len(p.lines))]
        groups += [gi] * len(p.lines)
    return np.vstack(xs), np.asarray(ys), np.asarray(ts), np.asarray(groups)


def fit_net(x: np.ndarray, y: np.ndarray, seed: int = 0, weight_positive: float = 1.0):
    from sklearn.neural_network import MLPClassifier
    from threadpoolctl import threadpool_limits

    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    xs = (x - mean) / scale
    if weight_positive != 1.0:  # oversample the rare class (MLPClassifier has no sample weights)
        pos = np.flatnonzero(y == 1)
        reps = np.repeat(pos, int(weight_positive) - 1)
        xs, y = np.vstack([xs, xs[reps]]), np.concatenate([y, y[reps]])
    clf = MLPClassifier(hidden_layer_sizes=(HIDDEN,), alpha=1e-3, max_iter=MAX_EPOCHS,
                        random_state=seed, early_stopping=False)
    with threadpool_limits(1):  # BLAS threads thrash on a shared 2-core machine (10x slower)
        clf.fit(xs, y)
    return {"mean": mean.tolist(), "scale": scale.tolist(),
            "coefs": [w.tolist() for w in clf.coefs_],
            "intercepts": [b.tolist() for b in clf.intercepts_], "threshold": 0.5}


def _prob(net: dict, x: np.ndarray) -> np.ndarray:
    from .model import _net

    return _net(net).prob(x)


def fit(pages: list[Page]) -> dict:
    """Both models on all `pages`: the weights file's content."""
    vocabulary = learn_vocabulary(pages)
    x, y, t, _ = _matrix(pages, vocabulary, use_title=True)
    x0, _, t0, _ = _matrix(pages, vocabulary, use_title=False)
    return {"vocabulary": vocabulary, "content": fit_net(x, y),
            "title": {**fit_net(x0, t0, weight_positive=10.0), "threshold": TITLE_THRESHOLD}}


def pick_title(p_title: np.ndarray, threshold: float = TITLE_THRESHOLD) -> Optional[int]:
    """As clean.pick_title: the first line scored at least `threshold`."""
    return next((i for i, p in enumerate(p_title) if p >= threshold), None)


def cross_validate(pages: list[Page], folds: int = 5, extra: Optional[list] = None) -> dict:
    """Line scores of the content model and title accuracy, folds grouped by site (so never
    training and testing on one page). `extra` pages are added to every training fold only."""
    sites = sorted({p.site for p in pages})
    random.Random(7).shuffle(sites)
    fold_of = {s: i % folds for i, s in enumerate(sites)}
    tp = fp = fn = tn = 0
    titles = title_total = 0
    for k in range(folds):
        train = [p for p in pages if fold_of[p.site] != k] + (extra or [])
        test = [p for p in pages if fold_of[p.site] == k]
        model = fit(train)
        for p in test:
            x0 = p.features(None, model["vocabulary"])
            t_pick = pick_title(_prob(model["title"], x0))
            title = p.lines[t_pick] if t_pick is not None else None
            x = p.features(title, model["vocabulary"])
            pred = _prob(model["content"], x) >= 0.5
            gold = np.asarray(p.content) == 1
            tp += int((pred & gold).sum())
            fp += int((pred & ~gold).sum())
            fn += int((~pred & gold).sum())
            tn += int((~pred & ~gold).sum())
            titles += t_pick == p.title_index
            title_total += 1
    precision = tp / max(1, tp + fp)
    recall = tp / max(1, tp + fn)
    return {"lines": tp + fp + fn + tn, "pages": len(pages), "precision": precision,
            "recall": recall, "f1": 2 * precision * recall / max(1e-9, precision + recall),
            "furniture_removed": tn / max(1, tn + fp), "titles": titles / max(1, title_total)}


def cross_validate_cli(folds: int = 5) -> int:
    try:
        pages = zyte_pages()
    except ImportError as err:
        print(f"dateline: --cv needs the train extra (pip install 'dateline[train]'): {err}")
        return 2
    r = cross_validate(pages, folds)
    print(f"zyte pages {r['pages']}  lines {r['lines']}  {folds}-fold by site: content line "
          f"precision {r['precision']:.3f}  recall {r['recall']:.3f}  F1 {r['f1']:.3f}  "
          f"furniture removed {r['furniture_removed']:.3f}  titles right {r['titles']:.3f}")
    return 0
