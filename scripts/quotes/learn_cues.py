"""Learn reporting-cue lemmas from PolNeAR train: how often a lemma is (part of) a gold Cue.

Writes src/dateline/data/quotes/cues_learned.tsv (lemma, POS, times as cue, occurrences, ratio) for
lemmas that are cues in at least MIN_RATIO of their uses and MIN_COUNT times. Only the tagger and
lemmatizer run (no parser), so the whole train split takes a minute or two on one core.
Usage: python scripts/quotes/learn_cues.py [--limit N]
"""
import argparse
import collections

from dateline.evaluation.quotes import polnear_files, read_ann
from dateline.nlp import load
from dateline.paths import data_file, shared_data

MIN_COUNT, MIN_RATIO = 4, 0.4
SKIP = {"be", "have", "do", "to", "in", "of", "for", "that", "also", "not", "as", "with", "on", "by"}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()
    nlp = load()
    cue, total = collections.Counter(), collections.Counter()
    files = list(polnear_files(shared_data("quotes", "polnear", "train")))[: args.limit]
    texts = [t.read_text(encoding="utf-8") for t, _ in files]
    with nlp.select_pipes(enable=["tok2vec", "tagger", "attribute_ruler", "lemmatizer"]):
        for (txt, ann), doc in zip(files, nlp.pipe(texts, batch_size=16)):
            cue_chars = {i for att in read_ann(ann) for a, b in att.get("cue", []) for i in range(a, b)}
            for tok in doc:
                if tok.pos_ not in ("VERB", "NOUN") or tok.lemma_.lower() in SKIP:
                    continue
                key = (tok.lemma_.lower(), tok.pos_)
                total[key] += 1
                if tok.idx in cue_chars:
                    cue[key] += 1
    rows = [(k, cue[k], total[k]) for k in cue if cue[k] >= MIN_COUNT and cue[k] / total[k] >= MIN_RATIO]
    rows.sort(key=lambda r: -r[1])
    out = data_file("quotes", "cues_learned.tsv")
    with open(out, "w", encoding="utf-8") as f:
        f.write(f"# cue\tpos\tas_cue\toccurrences\tratio  (learned from PolNeAR train, {len(files)} "
                f"articles, by scripts/quotes/learn_cues.py; min count {MIN_COUNT}, min ratio {MIN_RATIO})\n")
        for (lemma, pos), n, t in rows:
            f.write(f"{lemma}\t{pos}\t{n}\t{t}\t{n / t:.2f}\n")
    print(f"{len(rows)} cues -> {out}")


if __name__ == "__main__":
    main()
