"""Build src/dateline/data/events/negative_words.tsv from the VADER sentiment lexicon.

VADER (Hutto & Gilbert 2014, vaderSentiment 3.3.2, MIT License) gives each word the mean of ten
human valence ratings on -4..+4. Words rated at or below THRESHOLD (clearly negative: "lied",
"rigged", "crime", "abuse") are kept, lower-case alphabetic entries only. Used by
events/allegation.py: "X said Y lied" is an accusation by X against Y.

Run: pip install vaderSentiment==3.3.2 && python scripts/events/build_negative_words.py
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

THRESHOLD = -1.2
OUT = Path(__file__).resolve().parents[2] / "src" / "dateline" / "data" / "events" / "negative_words.tsv"


def main() -> int:
    try:
        import vaderSentiment
    except ImportError:
        print("build_negative_words: pip install vaderSentiment==3.3.2 first", file=sys.stderr)
        return 2
    src = Path(os.path.dirname(vaderSentiment.__file__)) / "vader_lexicon.txt"
    rows = []
    for line in src.read_text(encoding="utf-8").splitlines():
        word, mean, *_ = line.split("\t")
        if word.isalpha() and word.islower() and float(mean) <= THRESHOLD:
            rows.append((word, float(mean)))
    header = [
        "# word\tVADER mean valence (-4..+4); words at or below %.1f" % THRESHOLD,
        "# Built by scripts/events/build_negative_words.py from vaderSentiment 3.3.2",
        "# (vader_lexicon.txt, Copyright (c) 2016 C.J. Hutto, MIT License). Do not edit by hand.",
    ]
    OUT.write_text("\n".join(header + [f"{w}\t{m}" for w, m in sorted(rows)]) + "\n",
                   encoding="utf-8")
    print(f"{len(rows)} words -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
