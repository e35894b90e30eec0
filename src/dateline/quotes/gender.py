"""Grammatical gender of the people an article names, from the article itself.

Evidence, per person (keyed by the last word of the name, so "Ana Lopes" and "Lopes" agree):
  * a title or gendered role noun next to a mention ("Mr", "Ms", "spokeswoman", "her husband"),
    from data/quotes/gender.tsv;
  * the first he/his/him or she/her in the mention's sentence or the next one, when the mention
    is a subject and no other person is named in between (the way a reader fixes it).
`genders(doc, ents) -> {surname: "m" | "f"}`; people without evidence are absent (compatible with
both pronouns). `pronoun_gender(word) -> "m" | "f" | None`.
"""
from __future__ import annotations

import functools
from collections import Counter

from ..paths import data_file
from ..pronouns import pronouns
from . import sentences

MALE = pronouns(gender="m")  # he, him, his, himself
FEMALE = pronouns(gender="f")


@functools.lru_cache(maxsize=None)
def lexicon() -> dict[str, str]:
    out = {}
    for line in data_file("quotes", "gender.tsv").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 2 and not line.startswith("#"):
            out[parts[0].strip()] = parts[1].strip()
    return out


def pronoun_gender(word: str):
    w = word.lower()
    return "m" if w in MALE else "f" if w in FEMALE else None


def key(name: str) -> str:
    words = [w for w in name.replace("\u2019s", "").replace("'s", "").split() if w]
    return words[-1].lower() if words else ""


def _near_words(ent, lex) -> list[str]:
    """Gender words touching the mention: two words before, its apposition or compound nouns."""
    doc = ent.doc
    out = []
    for j in range(max(0, ent.start - 2), ent.end - 1):  # "Ms" may sit inside the entity
        if doc[j].lower_ in lex:
            out.append(lex[doc[j].lower_])
    root = ent.root
    for t in list(root.children) + [root.head]:
        if t.dep_ in ("appos", "compound") or (t is root.head and root.dep_ in ("appos", "compound")):
            for w in t.subtree if t is not root.head else [t]:
                if w.lower_ in lex and not (ent.start <= w.i < ent.end):
                    out.append(lex[w.lower_])
    return out


def _next_pronoun(ent, persons):
    """Gender of the first personal pronoun after the mention, in its sentence or the next."""
    doc = ent.doc
    sent = sentences.sent_of(ent.root)
    stop = sent.end
    if stop < len(doc):
        stop = sentences.sent_of(doc[stop]).end
    nxt = [p.start for p in persons if p.start >= ent.end]
    if nxt:
        stop = min(stop, nxt[0])
    for t in doc[ent.end:stop]:
        g = pronoun_gender(t.text)
        if g is not None:
            return g
    return None


def genders(doc, ents) -> dict[str, str]:
    lex = lexicon()
    persons = [e for e in ents if e.label_ == "PERSON"]
    votes: dict[str, Counter] = {}
    for ent in persons:
        c = votes.setdefault(key(ent.text), Counter())
        for g in _near_words(ent, lex):
            c[g] += 3
        g = _next_pronoun(ent, persons) if ent.root.dep_ in ("nsubj", "nsubjpass") else None
        if g is not None:
            c[g] += 1
    out = {}
    for k, c in votes.items():
        if c:
            (g, n), *rest = c.most_common()
            if not rest or n > rest[0][1]:
                out[k] = g
    return out
