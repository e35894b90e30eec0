"""Side checks for the event coder (issue 7, kinds 1 and 8), run from `dateline eval actors`.

`--same-country DIR` (gold articles, GOLD_FORMAT.md): runs the pipeline on each article and counts
X->X events, i.e. events whose source and target country sets are equal and non-empty. Each is
split by where its recipient came from:
  named    - the recipient is words of the article (ActorRef.text is non-empty), e.g.
             "Lavrov congratulated Hayashi" coded RUS->RUS;
  default  - the recipient is the domestic default (no words, ActorRef.text == "").
and by whether it matches a gold event (GOLD_FORMAT scoring rule) or is spurious.

`--bbc DIR [--limit N]` (plain-text articles, first N by file name): runs the pipeline and reports
the share of same-country events among events with both sides coded, and person-country
consistency: for every person actor named in two or more articles (by name), the countries given
to that person across articles; a person is consistent when one country (or none) is given
everywhere. Persons without any country are counted separately.
"""
from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path


def _countries(refs) -> frozenset:
    return frozenset(r.get("country") for r in refs if r.get("country"))


def same_country(ev: dict) -> bool:
    """Source and target coded with the same non-empty set of countries."""
    src, tgt = _countries(ev.get("source", [])), _countries(ev.get("target", []))
    return bool(src) and src == tgt


def recipient_named(ev: dict) -> bool:
    """The recipient is words of the article, not the coder's domestic default."""
    return any((r.get("text") or "").strip() for r in ev.get("target", []))


def run_same_country(path: Path, show: int = 0) -> int:
    from ..pipeline import extract
    from .articles import _pair, event_ok, gold_files, gold_published

    files = gold_files(str(path))
    if not files:
        print(f"dateline: no gold files in {path}", file=sys.stderr)
        return 2
    counts: Counter = Counter()
    lines = []
    for f in files:
        gold = json.loads(f.read_text(encoding="utf-8"))
        out = extract(gold["text"], published=gold_published(gold), url=gold.get("url"))
        golds, preds = gold.get("events", []), out["events"]
        matched = set(_pair(golds, preds, event_ok).values())
        counts["events"] += len(preds)
        for j, ev in enumerate(preds):
            if not same_country(ev):
                continue
            how = "named" if recipient_named(ev) else "default"
            right = "matched" if j in matched else "spurious"
            counts[f"xx_{how}_{right}"] += 1
            if right == "spurious":
                tgt = ", ".join(r.get("text") or "-" for r in ev["target"])
                src = ", ".join(r.get("text") or "-" for r in ev["source"])
                lines.append(f"{f.stem[:30]:30s} {how:7s} {ev['type']:9s} "
                             f"{sorted(_countries(ev['source']))} {src[:30]!r} -> {tgt[:30]!r} "
                             f"| {ev['evidence']['text'][:70]!r}")
    total = sum(v for k, v in counts.items() if k.startswith("xx_"))
    print(f"gold articles: {path} ({len(files)} files), predicted events {counts['events']}")
    print(f"X->X events: {total}")
    for how in ("named", "default"):
        n_m, n_s = counts[f"xx_{how}_matched"], counts[f"xx_{how}_spurious"]
        print(f"  recipient {how:7s}: {n_m + n_s:3d} ({n_m} match gold, {n_s} spurious)")
    for line in lines[:show]:
        print(line)
    return 0


def _bbc_files(path: Path, limit: int) -> list[Path]:
    return sorted(p for p in path.glob("*.txt") if p.is_file())[:limit]


def run_bbc(path: Path, limit: int = 100, show: int = 0) -> int:
    from ..pipeline import extract

    files = _bbc_files(path, limit)
    if not files:
        print(f"dateline: no .txt articles in {path}", file=sys.stderr)
        return 2
    both = same = 0
    person_countries: dict[str, Counter] = defaultdict(Counter)
    person_articles: dict[str, set] = defaultdict(set)
    quote_countries: dict[str, Counter] = defaultdict(Counter)
    for f in files:
        out = extract(f.read_text(encoding="utf-8", errors="replace"))
        for ev in out["events"]:
            if _countries(ev["source"]) and _countries(ev["target"]):
                both += 1
                same += same_country(ev)
        for a in out.get("actors", []):
            if a.get("kind") != "person" or len((a.get("name") or "").split()) < 2:
                continue
            name = a["name"]
            person_articles[name].add(f.name)
            person_countries[name][a.get("country") or "-"] += 1
        for q in out.get("quotes", []):
            sp = q.get("speaker") or {}
            if sp.get("name") and len(sp["name"].split()) >= 2:
                quote_countries[sp["name"]][sp.get("country") or "-"] += 1
    multi = {n: c for n, c in person_countries.items() if len(person_articles[n]) >= 2}
    consistent = [n for n, c in multi.items() if len([k for k in c if k != "-"]) <= 1]
    no_country = sum(c["-"] for c in multi.values())
    mentions = sum(sum(c.values()) for c in multi.values())
    share = same / both if both else 0.0
    print(f"articles: {path} (first {len(files)} by name)")
    print(f"same-country events: {same}/{both} = {share:.3f} of events with both sides coded")
    print(f"persons named in >=2 articles: {len(multi)}; consistent country: "
          f"{len(consistent)}/{len(multi)}; article-actors without a country: "
          f"{no_country}/{mentions}")
    q_total = q_major = q_none = 0
    for name, c in quote_countries.items():
        if name not in multi:
            continue
        coded = Counter({k: v for k, v in c.items() if k != "-"})
        q_total += sum(c.values())
        q_none += c["-"]
        q_major += coded.most_common(1)[0][1] if coded else 0
    print(f"quotes by those persons: {q_total}; with the person's usual country: {q_major}; "
          f"another country: {q_total - q_major - q_none}; no country: {q_none}")
    ranked = sorted(multi.items(), key=lambda kv: -sum(kv[1].values()))
    for name, c in ranked[:show]:
        print(f"  {name:28s} actors {dict(c)} quotes {dict(quote_countries.get(name, {}))}")
    return 0
