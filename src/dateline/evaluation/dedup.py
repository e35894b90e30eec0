"""`dateline eval dedup`: event deduplication across copies. Every dev article
(examples/dev/*.json) is stored with two rewritten copies generated from it (stories.rewrite:
furniture, dropped/reordered paragraph, wire prefix, new headline, light paraphrase); the
stories stage runs as on any ingest. For each event dateline extracts from an original, the
figure is the share whose story event holds exactly three mentions (original + both copies);
`share_with_all_coded_mentions` counts only mentions the coder itself gave (not those a copy's
aligned sentence gave, stories.align); it also counts story events that only copies report
(the same event counted twice).

Each missing mention (an original's event that a copy in its story does not report) gets a
cause: "sentence not in copy text" (no sentence of the copy's cleaned text has sentence
similarity >= SAME_SENTENCE with the one holding the evidence: the cleaner dropped it, or the
rewrite changed it too much), "type not coded in copy" (the sentence is there but the copy has
no event of that type in it: the coder read the reworded copy differently), or "not matched"
(the copy has such an event there, and the story-level merge kept it apart).

Over-merging is measured too: for every pair of dev articles (two different developments),
their articles and copies are deduplicated as if they were one story, and the figure counts
story events that mix mentions of both developments (events that should have stayed two).
"""
from __future__ import annotations

import json
import os
import random
import tempfile
from collections import Counter
from typing import Optional

from . import storykit as K


def add_arguments(p) -> None:
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--db", help="store to build or reuse (default: a temporary file; the "
                   "copies' URLs depend on --drop, so use one store per setting)")
    p.add_argument("--workers", type=int, default=1)
    p.add_argument("--copies", type=int, default=2, help="rewritten copies per article")
    p.add_argument("--drop", action="store_true",
                   help="copies may also drop paragraphs and sentences (events can go missing)")


def dev_records() -> list:
    from ..ingest.record import Record

    out = []
    for p in sorted((K.shared_dir() / "examples" / "dev").glob("*.json")):
        d = json.loads(p.read_text(encoding="utf-8"))
        out.append(Record(input=str(p), content=d["text"], title=d.get("title"),
                          url=d.get("url") or f"https://dev.example.org/{p.stem}",
                          published=d.get("published")))
    return out


def generated(records: list, n: int, rng: random.Random, drop: bool = False) -> list:
    from ..ingest.record import Record
    from ..stories.rewrite import EDITS, KEEP_CONTENT, rewrite

    out = []
    for rec in records:
        for k in range(1, n + 1):
            title, text, _ = rewrite(rec.title, rec.content, rng,
                                     EDITS if drop else KEEP_CONTENT)
            tail = rec.url.split("://", 1)[-1]
            out.append(Record(input=f"{rec.input}#copy{k}", content=text, title=title,
                              url=f"https://copy{k}.example.net/{tail}",
                              published=rec.published))
    return out


def run(args) -> int:
    from ..store.stories import clear_stories, copy_links, story_events
    from ..stories import update_stories

    originals = dev_records()
    records = originals + generated(originals, args.copies, random.Random(args.seed),
                                     args.drop)
    tmp = None
    if not args.db:
        tmp = tempfile.TemporaryDirectory()
        args.db = os.path.join(tmp.name, "dedup.sqlite")
    store = K.build_store(args.db, records, nlp=True, workers=args.workers)
    clear_stories(store)
    update_stories(store)
    links = copy_links(store)
    report = score(store, originals, args.copies + 1, links, story_events(store))
    report["missing_mentions"] = missing(store, originals, links, story_events(store))
    report["over_merge"] = over_merge(store, originals, links)
    print(json.dumps(report, indent=1))
    store.close()
    return 0


def score(store, originals: list, expected: int, links: dict, events: list) -> dict:
    """Share of the originals' events whose story event has `expected` mentions."""
    orig_ids = {K.rid(r) for r in originals}
    by_mention = {}
    for ev in events:
        for m in ev["mentions"]:
            for event_id in m.get("event_ids") or [m["event_id"]]:
                by_mention[(m["article_id"], event_id)] = ev
    counts: Counter = Counter()
    coded: Counter = Counter()
    total = 0
    for aid in sorted(orig_ids):
        art = store.article(aid)
        for e in (art or {}).get("events", []):
            total += 1
            ev = by_mention[(aid, e["id"])]
            counts[ev["n_mentions"]] += 1
            coded[sum(1 for m in ev["mentions"] if not m.get("aligned_with"))] += 1
    copies_only = sum(1 for ev in events
                      if not any(m["article_id"] in orig_ids for m in ev["mentions"]))
    together = sum(1 for aid, (sid, _) in links.items() if aid not in orig_ids
                   and any(links.get(o, (None,))[0] == sid for o in orig_ids))
    n_copies = len(links) - len(orig_ids)
    return {"original_events": total,
            "share_with_all_mentions": round(counts[expected] / total, 4) if total else None,
            "mentions_histogram": dict(sorted(counts.items())),
            "aligned_mentions": sum(1 for ev in events for m in ev["mentions"]
                                    if m.get("aligned_with")),
            "share_with_all_coded_mentions": round(coded[expected] / total, 4) if total else None,
            "story_events_only_in_copies": copies_only,
            "copies_in_original_story": f"{together}/{n_copies}"}


def missing(store, originals: list, links: dict, events: list) -> dict:
    """Counts of missing mentions by cause (module docstring), with each case listed."""
    from ..stories.events import SAME_SENTENCE, _Mention

    names = {K.rid(r): os.path.basename(r.input) for r in originals}
    by_mention = {(m["article_id"], i): ev for ev in events for m in ev["mentions"]
                  for i in m.get("event_ids") or [m["event_id"]]}
    counts, cases = Counter(), []
    for aid in sorted(names, key=names.get):
        art = store.article(aid)
        sid = links.get(aid, (None,))[0]
        copies = [a for a, (s, _) in links.items() if s == sid and a != aid]
        for e in (art or {}).get("events", []):
            have = {m["article_id"] for m in by_mention[(aid, e["id"])]["mentions"]}
            for cid in copies:
                if cid in have:
                    continue
                cause = _cause(_Mention(e, art), store.article(cid), SAME_SENTENCE)
                counts[cause] += 1
                cases.append(f"{names[aid]} {e['id']} {e['type']} copy {cid[:8]}: {cause}")
    return {"by_cause": dict(counts), "cases": cases}


def _cause(m, copy: dict, same_sentence: float) -> str:
    import re

    from ..stories.text import content_terms

    text = copy.get("text") or ""
    spans = [x.span() for x in re.finditer(r"[^.!?\n]+[.!?]*", text)]
    best, where = 0.0, None
    for a, b in spans:
        words = set(content_terms(text[a:b]))
        score = len(words & m.sentence) / (len(words | m.sentence) or 1)
        if score > best:
            best, where = score, (a, b)
    if best < same_sentence:
        return "sentence not in copy text"
    a, b = where
    coded = [e for e in copy.get("events") or [] if e["type"] == m.type
             and (e.get("evidence") or {}).get("start", -1) < b
             and (e.get("evidence") or {}).get("end", -1) > a]
    return "not matched" if coded else "type not coded in copy"


def over_merge(store, originals: list, links: dict) -> dict:
    """Pairs of different developments deduplicated as one story: story events mixing both."""
    family = {}
    for r in originals:
        sid = links.get(K.rid(r), (None,))[0]
        members = [a for a, (s, _) in links.items() if s == sid] if sid else [K.rid(r)]
        family[K.rid(r)] = [a for a in (store.article(m) for m in members) if a]
    return mixed_events(family, {a: cp for a, (_, cp) in links.items()})


def mixed_events(family: dict, copies: Optional[dict] = None) -> dict:
    """`family`: development -> its article dicts (story order). Every pair of developments is
    deduplicated as one story (with the copy links `copies`, so aligned mentions count too);
    counts the story events holding mentions of both."""
    from itertools import combinations

    from ..stories.events import dedup_events

    mixed = events = pairs_mixed = 0
    for a, b in combinations(sorted(family), 2):
        side = {x["id"]: 0 for x in family[a]} | {x["id"]: 1 for x in family[b]}
        out = dedup_events(family[a] + family[b], copies)
        bad = sum(1 for ev in out if len({side[m["article_id"]] for m in ev["mentions"]}) == 2)
        mixed += bad
        events += len(out)
        pairs_mixed += bool(bad)
    n_pairs = len(family) * (len(family) - 1) // 2
    return {"development_pairs": n_pairs, "pairs_with_a_mixed_event": pairs_mixed,
            "story_events": events, "mixed_story_events": mixed,
            "mixed_share": round(mixed / events, 4) if events else None}
