"""Synthetic text pages for training the line models (train time only; clean/train.py).

A text page copied from a browser has furniture around and inside the article: bylines and date
lines above it, captions, subheads and related headlines between its paragraphs, sign-offs,
tags and comment forms after it; bullets are usually gone. The Zyte pages rendered by inscriptis
hold all these kinds, but always in one site's layout, with their list bullets. A synthetic page
splices one page's article text (a Zyte page's body lines, or a BBC article of
../shared/data/news/bbc: title + paragraphs, pure content) with another site's furniture runs,
taken from where they stood on their own page (head, inside, tail), and drops the bullets, so the
model learns the kinds of furniture rather than one site's layout.

Shapes: `synthetic_pages(pages, n, seed)` takes labelled Zyte `Page`s (the training fold only: the
furniture of a page scored by cross-validation never enters its training data) and returns n new
`Page`s (site "synthetic-<k>", key "synthetic-<k>").
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from ..paths import shared_data

_BULLET = re.compile(r"^(?:[*+•·]|-(?=\s))\s*")
MAX_INSIDE_RUNS = 3    # furniture runs spliced between the paragraphs of one page
MAX_RUN_LINES = 4      # lines of one inside run (a caption, a subhead, a few related headlines)
MAX_EDGE_LINES = 12    # furniture lines kept above the title or below the article
BBC_SHARE = 0.5        # share of synthetic pages whose article text is a BBC article
BULLET_STRIP_SHARE = 0.6  # share of synthetic pages with list bullets removed (copied text)
BULLET_DASH_SHARE = 0.2   # ... with bullets written '- ' (trafilatura's list items); else kept
DEV_DONORS = True      # gold text articles among the training pages lend their furniture too


@dataclass
class Runs:
    """The furniture of one Zyte page by where it stood: above the body (without the title),
    inside it (runs of consecutive lines), below it."""
    site: str
    head: list
    inside: list
    tail: list


def furniture_runs(page) -> Optional[Runs]:
    c = page.content
    if 1 not in c:
        return None
    first, last = c.index(1), len(c) - 1 - c[::-1].index(1)
    head = [x for i, x in enumerate(page.lines[:first]) if i != page.title_index]
    tail = page.lines[last + 1:]
    inside, run = [], []
    for i in range(first, last + 1):
        if c[i] or i == page.title_index:
            if run:
                inside.append(run)
            run = []
        else:
            run.append(page.lines[i])
    return Runs(page.site, head, inside, tail)


def bbc_articles(limit: int, seed: int, folder: Optional[Path] = None) -> list[tuple]:
    """(title, paragraphs) of `limit` BBC articles drawn at random (seeded)."""
    folder = folder or shared_data("news", "bbc")
    files = sorted(folder.glob("*/*.txt"))
    random.Random(seed).shuffle(files)
    out = []
    for f in files[:limit]:
        parts = [" ".join(x.split()) for x in f.read_text(encoding="latin-1").split("\n")]
        parts = [x for x in parts if x]
        if len(parts) >= 3:
            out.append((parts[0], parts[1:]))
    return out


def _bullets(lines: list[str], rng: random.Random) -> list[str]:
    """List bullets as a text page has them: removed (copied from a browser), written '- '
    (trafilatura), or as rendered."""
    r = rng.random()
    if r < BULLET_STRIP_SHARE:
        return [_BULLET.sub("", x).strip() for x in lines]
    if r < BULLET_STRIP_SHARE + BULLET_DASH_SHARE:
        return [_BULLET.sub("- ", x).strip() if _BULLET.match(x) else x for x in lines]
    return lines


def _one(article: tuple, donor: Runs, rng: random.Random, key: str):
    from .train import Page, _prepare

    title, body = article
    k_head = rng.randint(0, min(MAX_EDGE_LINES, len(donor.head)))
    head = donor.head[len(donor.head) - k_head:]
    split = rng.randint(0, len(head))  # bylines and dates go below the title too
    lines: list = [(x, 0) for x in head[:split]]
    title_index = None
    if title:
        title_index = len(lines)
        lines.append((title, 0))
    lines += [(x, 0) for x in head[split:]]
    runs = rng.sample(donor.inside, min(len(donor.inside), rng.randint(0, MAX_INSIDE_RUNS)))
    gaps = {rng.randint(1, max(1, len(body) - 1)): r[:MAX_RUN_LINES] for r in runs}
    for i, x in enumerate(body):
        lines += [(y, 0) for y in gaps.get(i, [])]
        lines.append((x, 1))
    lines += [(x, 0) for x in donor.tail[:rng.randint(0, min(MAX_EDGE_LINES, len(donor.tail)))]]
    text = [x for x, _ in lines]
    text = _bullets(text, rng)
    kept = [(i, _prepare([x])) for i, x in enumerate(text)]
    out, labels, t_new = [], [], None
    for i, pre in kept:
        if pre:
            if i == title_index:
                t_new = len(out)
            out.append(pre[0])
            labels.append(lines[i][1])
    if sum(labels) < 1:
        return None
    return Page(key=key, site=key, lines=out, content=labels, title_index=t_new,
                title=out[t_new] if t_new is not None else None)


def synthetic_pages(pages: list, n: int, seed: int = 5, bbc: Optional[list] = None) -> list:
    """n synthetic pages from the furniture of the Zyte `pages` (full windows only, not their
    short copies; with DEV_DONORS also of the gold text articles among `pages`) around BBC
    articles and other sites' Zyte bodies."""
    zyte = [p for p in pages if p.site != p.key and not p.key.endswith("-short")]
    dev = [p for p in pages if p.site == p.key and not p.key.startswith("synthetic-")]
    lenders = zyte + (dev if DEV_DONORS else [])
    donors = [r for r in map(furniture_runs, lenders) if r and (r.head or r.inside or r.tail)]
    if not donors:
        return []
    rng = random.Random(seed)
    if bbc is None:
        bbc = bbc_articles(n, seed)
    out = []
    for k in range(n):
        donor = rng.choice(donors)
        if bbc and rng.random() < BBC_SHARE:
            article = bbc[k % len(bbc)]
        else:
            src = rng.choice(zyte)
            if src.site == donor.site:
                continue
            body = [x for x, y in zip(src.lines, src.content) if y]
            article = (src.lines[src.title_index] if src.title_index is not None else None, body)
        page = _one(article, donor, rng, f"synthetic-{k}")
        if page:
            out.append(page)
    return out
