"""Generate rewritten copies of an article, the way syndication and rewriting change a text:
page furniture added, a paragraph dropped, paragraphs reordered, a wire prefix on the
headline ("UPDATE 1-"), a new headline, light paraphrase (word synonyms, a dropped sentence).

For evaluation only (`dateline eval copies|stories|dedup`): seeded, so a figure can be
reproduced. Synonyms: data/stories/paraphrase.tsv; furniture: data/stories/furniture_lines.txt.
"""
from __future__ import annotations

import random
import re
from functools import lru_cache
from typing import Optional

from ..paths import data_file

EDITS = ("furniture", "drop_paragraph", "reorder", "wire_prefix", "new_headline", "paraphrase")
KEEP_CONTENT = ("furniture", "reorder", "wire_prefix", "new_headline", "synonyms")
WIRE_PREFIXES = ("UPDATE 1-", "UPDATE 2-", "REFILE-", "CORRECTED-")
_WORD = re.compile(r"[A-Za-z]+")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_ARTICLE = re.compile(r"\b([Aa]n?)(\s+)$")


def _lines(name: str) -> list[str]:
    with open(data_file("stories", name), encoding="utf-8") as fh:
        return [ln.rstrip("\n") for ln in fh if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=1)
def synonyms() -> dict:
    return dict(ln.split("\t", 1) for ln in _lines("paraphrase.tsv"))


@lru_cache(maxsize=1)
def furniture() -> list[str]:
    return _lines("furniture_lines.txt")


def paragraphs(text: str) -> list[str]:
    """Paragraphs: blocks between blank lines when the text has any (a single line break inside
    a block is a hard wrap and stays inside its paragraph), else lines with hard wraps undone
    by the cleaner's rule (clean._logical_lines), so no edit cuts a sentence in two."""
    if _BLANK_LINE.search(text):
        return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    from ..clean import _logical_lines

    return [p for p in _logical_lines(text) if p]


def _in_name(para: str, m: re.Match) -> bool:
    """A capitalised word is part of a name unless it opens a sentence and the next word is
    lower case ("People's Liberation Army", "Major General X", "the Government" stay)."""
    if not m.group(0)[0].isupper():
        return False
    before = para[:m.start()].rstrip(" \t\n\"'“‘([")
    if before and not before.endswith((".", "!", "?", ":")):
        return True
    nxt = _WORD.search(para, m.end())
    return bool(nxt) and nxt.group(0)[0].isupper()


def paraphrase(para: str, rng: random.Random, rate: float = 0.6) -> str:
    """Replace listed words (with probability `rate` each), keeping their capitalisation and
    the indefinite article before them ("an increase" -> "a boost"); words inside names are
    kept."""
    table = synonyms()
    out, last = [], 0
    for m in _WORD.finditer(para):
        word = m.group(0)
        new = table.get(word.lower())
        if not new or _in_name(para, m) or rng.random() > rate:
            continue
        new = new[0].upper() + new[1:] if word[0].isupper() else new
        out.append(_article_for(para[last:m.start()], new))
        out.append(new)
        last = m.end()
    out.append(para[last:])
    return "".join(out)


def _article_for(before: str, word: str) -> str:
    """`before` with a trailing "a"/"an" made to fit `word` (by its first letter)."""
    m = _ARTICLE.search(before)
    if not m:
        return before
    art = "an" if word[0].lower() in "aeiou" else "a"
    art = art.capitalize() if m.group(1)[0].isupper() else art
    return before[:m.start(1)] + art + m.group(2)


def _drop_sentence(para: str, rng: random.Random) -> str:
    sents = re.split(r"(?<=[.!?])\s+(?=[A-Z])", para)
    if len(sents) < 3:
        return para
    del sents[rng.randrange(1, len(sents))]
    return " ".join(sents)


def rewrite(title: Optional[str], text: str, rng: random.Random,
            edits: tuple = EDITS) -> tuple[str, str, list[str]]:
    """(new title, new text, edits applied) of one generated copy; at least two edits.

    `edits=KEEP_CONTENT` makes copies that keep every sentence (reworded, reordered, with
    furniture and another headline), so every event of the original is still reported."""
    chosen = [e for e in edits if rng.random() < 0.6] or list(rng.sample(edits, 2))
    paras = paragraphs(text)
    title = title or (paras[0][:80] if paras else "")
    if "drop_paragraph" in chosen and len(paras) > 3:
        del paras[rng.randrange(1, len(paras))]
    if "reorder" in chosen and len(paras) > 3:
        i = rng.randrange(1, len(paras) - 1)
        paras[i], paras[i + 1] = paras[i + 1], paras[i]
    if "paraphrase" in chosen:
        paras = [_drop_sentence(paraphrase(p, rng), rng) if rng.random() < 0.3
                 else paraphrase(p, rng) for p in paras]
    if "synonyms" in chosen:  # paraphrase that keeps every sentence
        paras = [paraphrase(p, rng) for p in paras]
    if "new_headline" in chosen and paras:
        words = paras[0].split()
        title = " ".join(words[:min(len(words), rng.randint(7, 12))]).rstrip(",.;:")
    if "wire_prefix" in chosen:
        title = rng.choice(WIRE_PREFIXES) + title
    if "furniture" in chosen:
        extra = furniture()
        paras.insert(rng.randrange(1, max(2, len(paras))), rng.choice(extra))
        paras.append(rng.choice(extra))
    return title, "\n\n".join(paras), chosen
