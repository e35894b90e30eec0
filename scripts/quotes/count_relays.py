"""Count how PolNeAR annotates relayed attributions ('X said Y, according to Z').

For every 'according to' attribution of PolNeAR train whose sentence has a speech verb with its
own subject before the cue, reports whether the inner attribution ('X said') is annotated and
whether the relaying one's content holds the speech verb. The figures are quoted in
src/dateline/quotes/relay.py (29 of 31 with the speech verb in the content: no inner
attribution, content 'X said Y').

Usage: python scripts/quotes/count_relays.py [--shared DIR] [--split train]
"""
from __future__ import annotations

import argparse
import collections
import os
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SPEECH = re.compile(r"\b(said|says|told|tells|announced|stated|wrote|writes|added|reported|reports)\b")


def read_ann(path: Path) -> list[dict]:
    spans, events = {}, []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) < 2:
            continue
        if cols[0].startswith("T"):
            _label, rest = cols[1].split(" ", 1)
            spans[cols[0]] = [tuple(map(int, o.split())) for o in rest.split(";")]
        elif cols[0].startswith("E"):
            events.append(dict(r.split(":") for r in cols[1].split(" ")[1:] if ":" in r))
    return [{k: spans.get(e.get(k, ""), []) for k in ("Cue", "Source", "Content")} for e in events]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=os.environ.get("DATELINE_SHARED", ROOT.parent / "shared"))
    ap.add_argument("--split", default="train")
    args = ap.parse_args()
    base = Path(args.shared) / "data/quotes/polnear" / args.split
    tally, seen = collections.Counter(), set()
    for ann in sorted((base / "attributions").glob("*.ann")):
        stem = re.sub(r"_[0-9a-f]{4}$", "", ann.stem)  # one annotator's file per article
        txt = base / "text" / f"{stem}.txt"
        if stem in seen or not txt.exists():
            continue
        seen.add(stem)
        text = txt.read_text(encoding="utf-8")
        atts = [a for a in read_ann(ann) if a["Cue"]]
        for a in atts:
            cue = " ".join(text[s:e] for s, e in a["Cue"]).lower()
            if not cue.startswith("according to") or not a["Source"]:
                continue
            at = a["Cue"][0][0]
            start = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1
            if not SPEECH.search(text[start:at]):
                continue
            inner = any(o is not a and start <= o["Cue"][0][0] < at for o in atts)
            content = " ".join(text[s:e] for s, e in a["Content"])
            tally[("inner annotated" if inner else "no inner attribution",
                   "content holds the speech verb" if SPEECH.search(content) else "content without it")] += 1
    for key, n in tally.most_common():
        print(f"{n:4d}  {key[0]}, {key[1]}")


if __name__ == "__main__":
    main()
