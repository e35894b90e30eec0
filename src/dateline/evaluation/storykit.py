"""Shared parts of the story evaluations (copies, stories, dedup): inputs read at run time
from the shared folder, generated copies, store building and pairwise scoring."""
from __future__ import annotations

import json
import random
import sys
from collections import Counter
from itertools import combinations
from typing import Iterable, Iterator, Optional

from ..clean import article_id, to_article
from ..ingest.record import InputError, Record
from ..paths import shared_dir
from ..stories.rewrite import rewrite


def bbc_records(limit: Optional[int] = None, seed: int = 7) -> list[Record]:
    """BBC articles (first line = headline) with a stable URL each; `limit` picks a seeded
    sample."""
    root = shared_dir() / "data" / "news" / "bbc"
    files = sorted(p for p in root.glob("*/*.txt"))
    if limit:
        files = sorted(random.Random(seed).sample(files, min(limit, len(files))))
    out = []
    for p in files:
        raw = p.read_text(encoding="latin-1")
        title, _, body = raw.partition("\n")
        out.append(Record(input=str(p), content=body.strip(), title=title.strip(),
                          url=f"https://www.bbc.co.uk/news/{p.parent.name}/{p.stem}"))
    return out


def example_stories() -> list[tuple[Record, dict]]:
    """(record, gold fields) of every file in examples/stories (INDEX.md describes them)."""
    out = []
    for p in sorted((shared_dir() / "examples" / "stories").glob("s2-*.json")):
        d = json.loads(p.read_text(encoding="utf-8"))
        out.append((Record(input=str(p), content=d["text"], url=d.get("url"),
                           published=d.get("published"), title=d.get("title")), d))
    return out


def copies_of(records: list[Record], rng: random.Random, share: float = 0.5,
              most: int = 2) -> list[tuple[Record, str]]:
    """Generated rewritten copies of a `share` of `records`: [(copy record, original url)]."""
    out = []
    for rec in records:
        if rng.random() >= share:
            continue
        for k in range(rng.randint(1, most)):
            title, text, _ = rewrite(rec.title, rec.content, rng)
            tail = (rec.url or rec.input).split("://", 1)[-1]
            out.append((Record(input=f"{rec.input}#copy{k + 1}", content=text, title=title,
                               url=f"https://copy{k + 1}.example.net/{tail}",
                               published=rec.published), rec.url))
    return out


def rid(record: Record) -> str:
    """The article id the store will give `record`."""
    return article_id(record.url, "") if record.url else to_article(record).id


def rid_url(url: str) -> str:
    """The article id of a record with this URL."""
    return article_id(url, "")


def clean_only(records: Iterable, workers: int = 1) -> Iterator:
    """A `process` for store.ingest that cleans but runs no NLP (articles without events)."""
    for rec in records:
        if isinstance(rec, InputError):
            yield rec
            continue
        try:
            yield to_article(rec)
        except InputError as exc:
            yield exc


def build_store(db: str, records: list, nlp: bool = True, workers: int = 1):
    """Open `db`, ingest the records not stored yet (stories not updated), return the store."""
    from ..store import open_store
    from ..store.ingest import ingest

    store = open_store(db, create=True)
    process = clean_only
    if nlp:
        from ..pipeline import extract_stream as process
    stats = ingest(store, records, process, workers=workers, stories=False, err=sys.stderr)
    print(f"store {db}: {stats.new} new, {stats.stored} already stored", file=sys.stderr)
    return store


def pairwise(pred: dict, gold: dict, focus: Optional[set] = None) -> dict:
    """Pairwise precision/recall/F1 of a clustering. `pred`, `gold`: {item: cluster}. With
    `focus`, only pairs with at least one item in `focus` count."""
    items = sorted(set(pred) & set(gold))
    tp = fp = fn = 0
    for a, b in combinations(items, 2):
        if focus is not None and a not in focus and b not in focus:
            continue
        same_p, same_g = pred[a] == pred[b], gold[a] == gold[b]
        tp += same_p and same_g
        fp += same_p and not same_g
        fn += same_g and not same_p
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"pairs_tp": tp, "pairs_fp": fp, "pairs_fn": fn, "precision": round(p, 4),
            "recall": round(r, 4), "f1": round(f, 4)}


def pairwise_fast(pred: dict, gold: dict) -> dict:
    """`pairwise` over all pairs, from the contingency table (fast for thousands of items)."""
    items = set(pred) & set(gold)
    c2 = lambda n: n * (n - 1) // 2  # noqa: E731
    tp = sum(c2(n) for n in Counter((pred[i], gold[i]) for i in items).values())
    pp = sum(c2(n) for n in Counter(pred[i] for i in items).values())
    gp = sum(c2(n) for n in Counter(gold[i] for i in items).values())
    p = tp / pp if pp else 1.0
    r = tp / gp if gp else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"pairs_tp": tp, "pairs_fp": pp - tp, "pairs_fn": gp - tp, "precision": round(p, 4),
            "recall": round(r, 4), "f1": round(f, 4)}


def size_distribution(story_of: dict) -> dict:
    """{story size: number of stories} for {article: story}."""
    sizes = Counter(Counter(story_of.values()).values())
    return dict(sorted(sizes.items()))
