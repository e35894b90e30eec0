"""Learn which common nouns speak and which are spoken about, from PolNeAR train: how often a noun
that is the subject of a verb heads a gold Source span, and how often a noun heads a gold Content
span (or a noun phrase inside one) against how often it heads a Source.

People and organisations are resolved by the actor stage; this list adds the things PolNeAR
annotates as sources when they are subjects ('the poll found', 'the report says', 'a study
shows'), and leaves out those it does not ('these plans said', 'the rules say': content, not a
source). Writes src/dateline/data/quotes/source_nouns.tsv (lemma, subject uses heading a Source,
subject uses, ratio) for nouns with at least MIN_COUNT such uses and a ratio of at least MIN_RATIO.
Also writes src/dateline/data/quotes/content_nouns.tsv: nouns heading a noun phrase inside gold
Content at least MIN_CONTENT times and at least CONTENT_RATIO times as often as a Source ('plan',
'rule', 'bill': what attributions are about; such a noun as a cue's subject is no speaker).
Usage: python scripts/quotes/learn_source_nouns.py [--cache DIR] [--limit N]
  --cache DIR   the parsed train split (DIR/train.spacy, shared with train_tagger.py)
"""
import argparse
import collections
import sys
from pathlib import Path

from dateline.paths import data_file

sys.path.insert(0, str(Path(__file__).parent))
from train_tagger import parsed  # noqa: E402  (same parse and cache as the tagger)

MIN_COUNT, MIN_RATIO = 3, 0.4
MIN_CONTENT, CONTENT_RATIO = 5, 5.0


def content_counts(data):
    """(Counter of nouns heading a noun phrase inside gold Content, Counter heading a Source)."""
    con, src = collections.Counter(), collections.Counter()
    for doc, atts in data:
        cchars = {i for att in atts for a, b in att.get("content", []) for i in range(a, b)}
        schars = {i for att in atts for a, b in att.get("source", []) for i in range(a, b)}
        for chunk in doc.noun_chunks:
            root = chunk.root
            if root.pos_ != "NOUN":
                continue
            if root.idx in cchars:
                con[root.lemma_.lower()] += 1
            elif root.idx in schars:
                src[root.lemma_.lower()] += 1
    return con, src


def counts(data):
    """(Counter of subject nouns heading a Source, Counter of subject nouns) over `data`."""
    src, subj = collections.Counter(), collections.Counter()
    for doc, atts in data:
        chars = {i for att in atts for a, b in att.get("source", []) for i in range(a, b)}
        for tok in doc:
            if tok.pos_ != "NOUN" or tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.pos_ not in ("VERB", "AUX"):
                continue
            lemma = tok.lemma_.lower()
            subj[lemma] += 1
            if tok.idx in chars:
                src[lemma] += 1
    return src, subj


def _write(name: str, header: str, rows: list[str]) -> None:
    """data/quotes/NAME: the header line, then one line per row."""
    out = data_file("quotes", name)
    with open(out, "w", encoding="utf-8") as f:
        f.write(header + "\n")
        f.writelines(r + "\n" for r in rows)
    print(f"{len(rows)} {name.split('_')[0]} nouns -> {out}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--cache", default=None)
    args = ap.parse_args()
    data = parsed("train", args.limit, args.cache)
    src, subj = counts(data)
    rows = sorted(((w, n, subj[w]) for w, n in src.items() if n >= MIN_COUNT and n / subj[w] >= MIN_RATIO),
                  key=lambda r: (-r[1], r[0]))
    _write("source_nouns.tsv",
           f"# noun\tas_source\tas_subject\tratio  (subject nouns heading a PolNeAR Source; learned from "
           f"PolNeAR train, {len(data)} articles, by scripts/quotes/learn_source_nouns.py; min count "
           f"{MIN_COUNT}, min ratio {MIN_RATIO})",
           [f"{w}\t{n}\t{t}\t{n / t:.2f}" for w, n, t in rows])
    con, csrc = content_counts(data)
    rows = sorted(((w, n, csrc[w]) for w, n in con.items()
                   if n >= MIN_CONTENT and n >= CONTENT_RATIO * max(1, csrc[w]) and w not in {r[0] for r in rows}),
                  key=lambda r: (-r[1], r[0]))
    _write("content_nouns.tsv",
           f"# noun\tin_content\tas_source  (nouns heading noun phrases inside PolNeAR Content at least "
           f"{CONTENT_RATIO:g} times as often as a Source, min {MIN_CONTENT}; learned from PolNeAR train, "
           f"{len(data)} articles, by scripts/quotes/learn_source_nouns.py)",
           [f"{w}\t{n}\t{t}" for w, n, t in rows])


if __name__ == "__main__":
    main()
