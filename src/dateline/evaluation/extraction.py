"""`dateline eval extraction`: article-body extraction on the Zyte benchmark.

Scores `clean.clean_html` (the path users get) with the benchmark's own metric: word 4-gram
shingles (tokens are `\\w+` runs, case kept, as in the benchmark's evaluate.py), per-page
tp/fp/fn normalised by page, precision and recall averaged over pages, F1 of the two averages.
"""
from __future__ import annotations

import gzip
import json
import re
import statistics
import time
from collections import Counter
from pathlib import Path

from ..paths import shared_data

_TOKEN = re.compile(r"\w+", re.UNICODE)


def add_arguments(p) -> None:
    p.add_argument("--data", type=Path, default=None,
                   help="benchmark folder with html/*.html.gz and ground-truth.json "
                        "(default: ../shared/data/extraction/zyte)")
    p.add_argument("--limit", type=int, default=0, help="score only the first N pages")
    p.add_argument("--raw", action="store_true",
                   help="score trafilatura's text before dateline's line rules")
    p.add_argument("--worst", type=int, default=0, help="list the N pages with the lowest F1")


def shingles(text: str, n: int = 4) -> Counter:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1))
                   if tokens[i:i + n])


def tp_fp_fn(true: str, pred: str) -> tuple[float, float, float]:
    """Shingle matches of one page, normalised so long pages weigh as much as short ones."""
    t, p = shingles(true), shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp, fp, fn):
    return 1.0 if fp == fn == 0 else (0.0 if tp == fp == 0 else tp / (tp + fp))


def _recall(tp, fp, fn):
    return 1.0 if fp == fn == 0 else (0.0 if tp == fn == 0 else tp / (tp + fn))


def score(pages: list[tuple[float, float, float]]) -> dict:
    """The benchmark's aggregate: mean precision, mean recall, F1 of the two."""
    precision = statistics.mean(_precision(*x) for x in pages if x[0] + x[1] > 0)
    recall = statistics.mean(_recall(*x) for x in pages if x[0] + x[2] > 0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def _page_f1(x) -> float:
    p, r = _precision(*x), _recall(*x)
    return 2 * p * r / (p + r) if p + r else 0.0


def _article_text(page) -> str:
    """The body as the benchmark counts it: the wire dateline, which dateline moves from the
    first paragraph to its own field, is still article text the page gave."""
    return f"{page.dateline.text} {page.body}" if page.dateline else page.body


def run(args) -> int:
    from ..clean import clean_html, extract_html

    folder = args.data or shared_data("extraction", "zyte")
    truth_path = folder / "ground-truth.json"
    if not truth_path.exists():
        print(f"dateline: no benchmark at {folder} (ground-truth.json missing)")
        return 2
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    ids = sorted(truth)[: args.limit or None]
    pages, per_page, start = [], [], time.perf_counter()
    for key in ids:
        with gzip.open(folder / "html" / f"{key}.html.gz", "rt", encoding="utf-8",
                       errors="replace") as fh:
            html = fh.read()
        url = truth[key].get("url")
        pred = extract_html(html, url).body if args.raw else _article_text(clean_html(html, url))
        x = tp_fp_fn(truth[key].get("articleBody", ""), pred)
        pages.append(x)
        per_page.append((_page_f1(x), key, url))
    elapsed = time.perf_counter() - start
    s = score(pages)
    mean_f1 = statistics.mean(f for f, _, _ in per_page)
    print(f"pages {len(pages)}  precision {s['precision']:.3f}  recall {s['recall']:.3f}  "
          f"F1 {s['f1']:.3f}  (mean per-page F1 {mean_f1:.3f})  "
          f"{elapsed / max(1, len(pages)) * 1000:.0f} ms/page")
    for f, key, url in sorted(per_page)[: args.worst]:
        print(f"  {f:.3f}  {key[:12]}  {url}")
    return 0
