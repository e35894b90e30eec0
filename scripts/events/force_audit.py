"""List the force events (ASSAULT, COERCE, MOBILIZE) dateline codes on a folder of news texts.

For the issue-7 audit of figurative force: every ASSAULT/COERCE/MOBILIZE event with its
article, sides and evidence, one per line (TSV), then per-type counts and the share of events
whose source and target countries are the same. A reader then marks each line physical or
figurative by the rule in docs/results.md ("figurative force"); `--judged FILE` reads such a
marked copy (last column "phys" or "fig") and prints the count of figurative ones.

Usage: python scripts/events/force_audit.py DIR [--limit 100] [--out FILE] [--judged FILE]
(DIR: e.g. $DATELINE_SHARED/data/news/bbc/politics; files are taken in sorted order.)
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

FORCE = ("ASSAULT", "COERCE", "MOBILIZE")


def _countries(refs) -> set:
    return {r.country for r in refs if r.country}


def audit(folder: Path, limit: int):
    from dateline.ingest.record import Record
    from dateline.pipeline import process_record
    rows, types, same, total = [], Counter(), 0, 0
    for path in sorted(folder.iterdir())[:limit]:
        text = path.read_text(encoding="utf-8", errors="replace")
        article = process_record(Record(input=str(path), content=text, is_html=False))
        for ev in article.events:
            src, tgt = _countries(ev.source), _countries(ev.target)
            total += 1
            same += bool(src and tgt and src == tgt)
            if ev.type in FORCE:
                types[ev.type] += 1
                rows.append((path.name, ev.type, ",".join(sorted(src)), ",".join(sorted(tgt)),
                             " ".join(ev.evidence.text.split())))
    return rows, types, same, total


def judged(path: Path) -> Counter:
    marks = Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) >= 6 and cols[-1] in ("phys", "fig"):
            marks[(cols[1], cols[-1])] += 1
    return marks


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path, nargs="?")
    ap.add_argument("--limit", type=int, default=100)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--judged", type=Path)
    args = ap.parse_args()
    if args.judged:
        marks = judged(args.judged)
        for (t, m), n in sorted(marks.items()):
            print(f"{t}\t{m}\t{n}")
        print(f"figurative: {sum(n for (t, m), n in marks.items() if m == 'fig')} "
              f"of {sum(marks.values())}")
        return
    if args.folder is None or not args.folder.is_dir():
        sys.exit(f"force_audit: not a folder: {args.folder}")
    rows, types, same, total = audit(args.folder, args.limit)
    out = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout
    for r in rows:
        print("\t".join(r), file=out)
    print(f"# force events: {dict(types)}; all events {total}, same-country "
          f"{same} ({same / max(total, 1):.2f})", file=out)


if __name__ == "__main__":
    main()
