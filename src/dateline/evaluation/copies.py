"""`dateline eval copies`: near-duplicate detection and story grouping on the BBC set
(2,225 articles) plus rewritten copies generated from half of them (1-2 each; stories.rewrite:
furniture, dropped/reordered paragraph, wire prefix, new headline, light paraphrase).

Gold copy families: a generated copy belongs to its original; BBC articles with identical text
(the set holds some) are one family. Predicted families: articles joined by `copy_of` links.
Reports pairwise precision/recall of copy detection, how many copies share their original's
story, BBC-category agreement inside stories (unrelated articles merging), the story size
distribution and the stage's throughput. Without `--nlp` the articles are only cleaned (no
actors or events), which isolates the text-based parts.
"""
from __future__ import annotations

import hashlib
import json
import os
import random
import tempfile
import time

from . import storykit as K
from .stories import bbc_categories


def add_arguments(p) -> None:
    p.add_argument("--bbc", type=int, help="BBC articles (default: all 2,225)")
    p.add_argument("--share", type=float, default=0.5, help="share of articles copied")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--db", help="store to build or reuse (default: a temporary file)")
    p.add_argument("--nlp", action="store_true", help="run the full pipeline (slow)")
    p.add_argument("--workers", type=int, default=1)
    p.add_argument("--containment", type=float, help="copy threshold (estimated containment)")


def run(args) -> int:
    from ..stories import Params, update_stories
    from ..store.stories import clear_stories, copy_links

    originals = K.bbc_records(args.bbc, args.seed)
    made = K.copies_of(originals, random.Random(args.seed), args.share)
    records = originals + [r for r, _ in made]
    random.Random(args.seed).shuffle(records)
    tmp = None
    if not args.db:
        tmp = tempfile.TemporaryDirectory()
        args.db = os.path.join(tmp.name, "copies.sqlite")
    store = K.build_store(args.db, records, nlp=args.nlp, workers=args.workers)
    clear_stories(store)
    params = Params()
    if args.containment:
        params.copy_containment = args.containment
    t0 = time.perf_counter()
    update_stories(store, params)
    elapsed = time.perf_counter() - t0
    links = copy_links(store)
    gold = gold_families(originals, made)
    pred = families({a: cp for a, (_, cp) in links.items()})
    story = {a: s for a, (s, _) in links.items()}
    copy_ids = {K.rid(r): K.rid_url(orig) for r, orig in made}
    report = {"articles": len(links), "generated_copies": len(made),
              "copy_detection": K.pairwise_fast(pred, gold),
              "wrong_copy_links": _wrong_links(links, gold, set(copy_ids)),
              "copies_in_original_story": f"{sum(story.get(c) == story.get(o) for c, o in copy_ids.items())}/{len(copy_ids)}",
              "bbc_pairs_same_category_in_stories": bbc_categories(story, _categories(records)),
              "story_size_distribution": K.size_distribution(story),
              "stage_seconds": round(elapsed, 1),
              "articles_per_second": round(len(links) / elapsed, 1) if elapsed else None,
              "copy_containment": params.copy_containment}
    print(json.dumps(report, indent=1))
    store.close()
    return 0


def _wrong_links(links: dict, gold: dict, generated: set) -> dict:
    """copy_of links outside the gold family: between two BBC originals (the set's own
    near-duplicates that differ by more than whitespace) or involving a generated copy."""
    wrong = [(a, cp) for a, (_, cp) in links.items() if cp and gold.get(a) != gold.get(cp)]
    both_bbc = sum(1 for a, cp in wrong if a not in generated and cp not in generated)
    return {"between_bbc_originals": both_bbc, "involving_generated_copy": len(wrong) - both_bbc}


def _categories(records) -> dict:
    return {K.rid(r): r.url.rsplit("/", 2)[-2] for r in records}


def gold_families(originals, made) -> dict:
    """{article id: family}: identical BBC texts share a family; copies join their original."""
    fam = {}
    for r in originals:
        fam[K.rid(r)] = hashlib.sha1(" ".join(r.content.split()).encode()).hexdigest()
    for r, orig in made:
        fam[K.rid(r)] = fam[K.rid_url(orig)]
    return fam


def families(copy_of: dict) -> dict:
    """{article id: family root} from `copy_of` links (union-find)."""
    parent = {a: a for a in copy_of}

    def root(a):
        while parent.get(a, a) != a:
            parent[a] = parent.get(parent[a], parent[a])
            a = parent[a]
        return a
    for a, cp in copy_of.items():
        if cp and cp in parent:
            parent[root(a)] = root(cp)
    return {a: root(a) for a in copy_of}
