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
- Synthetic text pages (clean/synthetic.py), built inside every `fit` from that fit's own
  training pages: their furniture runs spliced around BBC articles and other sites' bodies.
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
from . import pick_title
from .lines import base_features, stack_features, vocabulary_features, words_of

VOCABULARY_SIZE = 150
MIN_PAGES_PER_WORD = 8   # a vocabulary word must occur on short lines of this many pages
TREES = 200
CV_CUTS = (0.5, 0.6, 0.7)  # P(content) cuts reported by the cross-validation
INNER_FOLDS = 3
TEXT_PAGE_WEIGHT = 1.0  # weight of a gold text article line against a Zyte line (3.0 scored no better on unseen dev)
LEAVES = 15
LEARNING_RATE = 0.1
MIN_LEAF = 20           # scikit-learn's default min_samples_leaf
L2 = 0.0
ZERO_MARGIN_SHARE = 0.35
TITLE_THRESHOLD = 0.3   # P(title) (class-balanced model) of the first line taken as headline
TEXT_CUT = 0.7          # P(content) a line of a text page needs (stored as the stacked model's cut; chosen by the dev 21-40 leave-out)
CONTENT_WEIGHT = 1.5    # weight of a content line against a furniture line: dropping content costs more (chosen by leave-out)
SYNTHETIC_PAGES = 300   # synthetic text pages (clean/synthetic.py) built for every fit from its pages
# (600 scored no better on the dev leave-outs)
SYNTHETIC_WEIGHT = 0.5  # weight of a synthetic line against a Zyte line (1.0: dev 21-40 leave-out lost 0.017, 0.5: 0.009)


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
        site = urlparse(truth[key].get("url") or key).netloc
        pages.append(Page(key=key, site=site, lines=window, content=labels[start:end],
                          title_index=None if t_index is None or t_index < start
                          else t_index - start, title=title))
        pages.append(_short_page(pages[-1], rng))
    return pages


def _short_page(page: Page, rng: random.Random) -> Page:
    """A short scrape of the same page: 1-4 consecutive body lines with 0-3 lines either side
    (brief items, teasers and one-paragraph texts are real inputs too)."""
    body = [i for i, y in enumerate(page.content) if y]
    first = rng.choice(body)
    last = min(len(page.lines), first + rng.randint(1, 4))
    start = max(0, first - rng.randint(0, 3))
    end = min(len(page.lines), last + rng.randint(0, 3))
    title = page.title_index if page.title_index is not None and start <= page.title_index < end \
        else None
    return Page(key=page.key + "-short", site=page.site, lines=page.lines[start:end],
                content=page.content[start:end],
                title_index=None if title is None else title - start, title=page.title)


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
    xs, ys, ts, groups, weights = [], [], [], [], []
    for gi, p in enumerate(pages):
        title = p.lines[p.title_index] if use_title and p.title_index is not None else None
        xs.append(p.features(title, vocabulary))
        ys += p.content
        ts += [int(i == p.title_index) for i in range(len(p.lines))]
        groups += [gi] * len(p.lines)
        page_weight = (SYNTHETIC_WEIGHT if p.key.startswith("synthetic-")
                       else TEXT_PAGE_WEIGHT if p.site == p.key else 1.0)
        weights += [page_weight * (CONTENT_WEIGHT if y else 1.0) for y in p.content]
    return np.vstack(xs), np.asarray(ys), np.asarray(ts), np.asarray(groups), np.asarray(weights)


def fit_forest(x: np.ndarray, y: np.ndarray, cut: float = 0.5, balanced: bool = False,
               seed: int = 0, weight: Optional[np.ndarray] = None) -> dict:
    """A HistGradientBoostingClassifier fitted on (x, y), exported as flat node arrays
    (model.Forest reads them with numpy alone)."""
    from sklearn.ensemble import HistGradientBoostingClassifier
    from threadpoolctl import threadpool_limits

    clf = HistGradientBoostingClassifier(max_iter=TREES, learning_rate=LEARNING_RATE,
                                         max_leaf_nodes=LEAVES, min_samples_leaf=MIN_LEAF,
                                         l2_regularization=L2,
                                         class_weight="balanced" if balanced else None,
                                         random_state=seed)
    with threadpool_limits(1):  # BLAS/OpenMP threads thrash on a shared 2-core machine
        clf.fit(x, y, sample_weight=weight)
    roots, feature, threshold, left, right, value = [], [], [], [], [], []
    depth = 0
    for (tree,) in clf._predictors:  # one tree per iteration for a binary task
        nodes = tree.nodes
        base = len(feature)
        roots.append(base)
        depth = max(depth, int(nodes["depth"].max()) + 1)
        for nd in nodes:
            leaf = bool(nd["is_leaf"])
            feature.append(int(nd["feature_idx"]) if not leaf else 0)
            threshold.append(float(nd["num_threshold"]) if not leaf else 0.0)
            left.append(-1 if leaf else base + int(nd["left"]))
            right.append(-1 if leaf else base + int(nd["right"]))
            value.append(float(nd["value"]) if leaf else 0.0)
    return {"baseline": float(np.ravel(clf._baseline_prediction)[0]), "roots": roots,
            "feature": feature, "threshold": threshold, "left": left, "right": right,
            "value": value, "depth": depth, "cut": cut}


def _prob(net: dict, x: np.ndarray) -> np.ndarray:
    from .model import forest

    return forest(net).prob(x)


def _site_folds(pages: list[Page], folds: int, seed: int = 7) -> dict:
    sites = sorted({p.site for p in pages})
    random.Random(seed).shuffle(sites)
    return {s: i % folds for i, s in enumerate(sites)}


def _stacked(pages: list[Page], p1: np.ndarray) -> np.ndarray:
    out, k = [], 0
    for p in pages:
        out.append(stack_features(p1[k:k + len(p.lines)]))
        k += len(p.lines)
    return np.vstack(out)


def fit(pages: list[Page]) -> dict:
    """All models on `pages`: the weights file's content. The stacked stage trains on
    out-of-fold stage-1 scores (INNER_FOLDS folds by site), as it will see at run time.
    SYNTHETIC_PAGES synthetic text pages built from the Zyte pages among `pages` join them."""
    from .synthetic import synthetic_pages

    vocabulary = learn_vocabulary(pages)  # synthetic pages would repeat one site's words
    pages = list(pages) + synthetic_pages(pages, SYNTHETIC_PAGES)
    x, y, _, _, w = _matrix(pages, vocabulary, use_title=True)
    x0, _, t0, _, _ = _matrix(pages, vocabulary, use_title=False)
    fold_of = _site_folds(pages, INNER_FOLDS, seed=11)
    line_fold = np.concatenate([[fold_of[p.site]] * len(p.lines) for p in pages])
    p1 = np.zeros(len(y))
    for k in range(INNER_FOLDS):
        inner = fit_forest(x[line_fold != k], y[line_fold != k], weight=w[line_fold != k])
        p1[line_fold == k] = _prob(inner, x[line_fold == k])
    stacked = fit_forest(np.hstack([x, _stacked(pages, p1)]), y, cut=TEXT_CUT, weight=w)
    return {"vocabulary": vocabulary, "content": fit_forest(x, y, weight=w), "stacked": stacked,
            "title": fit_forest(x0, t0, cut=TITLE_THRESHOLD, balanced=True)}


def _content_prob(model: dict, x: np.ndarray) -> np.ndarray:
    p1 = _prob(model["content"], x)
    return _prob(model["stacked"], np.hstack([x, stack_features(p1)]))


def cross_validate(pages: list[Page], folds: int = 5, extra: Optional[list] = None) -> dict:
    """Line scores of the content model and title accuracy, folds grouped by site (so never
    training and testing on one page, nor on two pages of one site). Scored on the full page
    windows; their short copies are training data only. `extra` pages join every training fold."""
    fold_of = _site_folds(pages, folds)
    scores, golds = [], []
    titles = title_total = 0
    for k in range(folds):
        train = [p for p in pages if fold_of[p.site] != k] + (extra or [])
        test = [p for p in pages if fold_of[p.site] == k and not p.key.endswith("-short")]
        model = fit(train)
        for p in test:
            x0 = p.features(None, model["vocabulary"])
            t_pick = pick_title(_prob(model["title"], x0), p.lines, TITLE_THRESHOLD)
            title = p.lines[t_pick] if t_pick is not None else None
            scores.append(_content_prob(model, p.features(title, model["vocabulary"])))
            golds.append(np.asarray(p.content) == 1)
            titles += t_pick == p.title_index
            title_total += 1
    score, gold = np.concatenate(scores), np.concatenate(golds)
    out = {"lines": len(gold), "pages": len(golds),
           "titles": titles / max(1, title_total), "by_cut": {}}
    for cut in CV_CUTS:
        pred = score >= cut
        tp, fp = int((pred & gold).sum()), int((pred & ~gold).sum())
        fn, tn = int((~pred & gold).sum()), int((~pred & ~gold).sum())
        precision, recall = tp / max(1, tp + fp), tp / max(1, tp + fn)
        out["by_cut"][cut] = {"precision": precision, "recall": recall,
                              "f1": 2 * precision * recall / max(1e-9, precision + recall),
                              "furniture_removed": tn / max(1, tn + fp)}
    return out


def cross_validate_cli(folds: int = 5) -> int:
    try:
        pages = zyte_pages()
    except ImportError as err:
        print(f"dateline: --cv needs the train extra (pip install 'dateline[train]'): {err}")
        return 2
    r = cross_validate(pages, folds)
    print(f"zyte pages {r['pages']}  lines {r['lines']}  {folds}-fold grouped by site  "
          f"titles right {r['titles']:.3f}")
    for cut, x in r["by_cut"].items():
        print(f"  cut {cut:.1f}: content line precision {x['precision']:.3f}  recall "
              f"{x['recall']:.3f}  F1 {x['f1']:.3f}  furniture removed {x['furniture_removed']:.3f}")
    return 0
