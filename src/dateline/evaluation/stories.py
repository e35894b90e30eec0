"""`dateline eval stories`: story membership on the examples' real multi-site stories mixed
into BBC articles (pairwise precision/recall/F1 over pairs involving a story article, and how
many distractors stay out of the story they look like).

The inputs are shuffled (seeded) and ingested through the real pipeline into a SQLite store;
the stories stage then places them in that arrival order, exactly as successive ingests would.
Give `--db` to keep the processed store and rerun the stage alone with other parameters.
"""
from __future__ import annotations

import json
import os
import random
import sys
import tempfile
import time
from collections import Counter, defaultdict

from . import storykit as K


def add_arguments(p) -> None:
    p.add_argument("--bbc", type=int, default=300, help="BBC articles mixed in (default 300)")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--db", help="store to build or reuse (default: a temporary file)")
    p.add_argument("--workers", type=int, default=1)
    p.add_argument("--window", type=int, help="days a story reaches beyond its date range")
    p.add_argument("--threshold", type=float, help="similarity needed to join a story")
    p.add_argument("--weights", help="text,actors,types weights, e.g. 0.7,0.2,0.1")
    p.add_argument("--no-type-terms", action="store_true", help="event types not in the vector")
    p.add_argument("--no-merge", action="store_true", help="never merge two stories")
    p.add_argument("--show", action="store_true", help="print the predicted stories")


def _params(args):
    from ..stories import Params

    p = Params()
    if args.window is not None:
        p.window_days = args.window
    if args.threshold is not None:
        p.join_threshold = args.threshold
    if args.weights:
        p.weights = tuple(float(x) for x in args.weights.split(","))
    p.merge = not args.no_merge
    p.type_terms = not args.no_type_terms
    return p


def run(args) -> int:
    from ..store.stories import clear_stories, copy_links
    from ..stories import update_stories

    examples = K.example_stories()
    bbc = K.bbc_records(args.bbc, args.seed)
    category = {K.rid(r): r.url.rsplit("/", 2)[-2] for r in bbc}
    records = [r for r, _ in examples] + bbc
    random.Random(args.seed).shuffle(records)
    tmp = None
    if not args.db:
        tmp = tempfile.TemporaryDirectory()
        args.db = os.path.join(tmp.name, "stories.sqlite")
    store = K.build_store(args.db, records, nlp=True, workers=args.workers)
    clear_stories(store)
    t0 = time.perf_counter()
    stats = update_stories(store, _params(args))
    elapsed = time.perf_counter() - t0
    links = copy_links(store)
    report = score(examples, {aid: sid for aid, (sid, _) in links.items()})
    report["bbc_pairs_same_category"] = bbc_categories(
        {aid: sid for aid, (sid, _) in links.items()}, category)
    report.update(articles=len(links), seconds=round(elapsed, 2),
                  size_distribution=K.size_distribution({a: s for a, (s, _) in links.items()}),
                  params=vars(_params(args)))
    if args.show:
        _show(examples, links)
    print(json.dumps(report, indent=1, default=list))
    store.close()
    return 0


def score(examples: list, pred: dict) -> dict:
    """Pairwise membership scores and the distractor count for predicted {article: story}."""
    gold, focus, members = {}, set(), defaultdict(set)
    for rec, d in examples:
        aid = K.rid(rec)
        gold[aid] = d["story"] if d.get("relation") != "distractor" else "d:" + aid
        focus.add(aid)
        if d.get("relation") != "distractor":
            members[d["story"]].add(aid)
    for aid in pred:
        gold.setdefault(aid, "bbc:" + aid)
    out = K.pairwise(pred, gold, focus)
    kept, total = 0, 0
    for rec, d in examples:
        if d.get("distractor_of"):
            total += 1
            aid = K.rid(rec)
            look_alike = {pred.get(m) for m in members[d["distractor_of"]]}
            kept += pred.get(aid) not in look_alike
    out["distractors_kept_out"] = f"{kept}/{total}"
    return out


def bbc_categories(pred: dict, category: dict) -> str:
    """'same/all' pairs of BBC articles put in one story whose BBC categories agree (a proxy
    for unrelated articles merging: one story never spans sport and business)."""
    from itertools import combinations

    groups = defaultdict(list)
    for aid, cat in category.items():
        if aid in pred:
            groups[pred[aid]].append(cat)
    pairs = [a == b for cats in groups.values() for a, b in combinations(cats, 2)]
    return f"{sum(pairs)}/{len(pairs)}"


def _show(examples, links) -> None:
    label = {K.rid(r): (d["story"] if d.get("relation") != "distractor" else
                        "D" + d["distractor_of"][-2:]) for r, d in examples}
    by_story = defaultdict(list)
    for aid, (sid, cp) in links.items():
        by_story[sid].append(label.get(aid, "bbc") + ("*" if cp else ""))
    for sid, labels in sorted(by_story.items(), key=lambda kv: sorted(kv[1])):
        if any(x != "bbc" for x in labels) or len(labels) > 2:
            print(sid, Counter(labels), file=sys.stderr)
