"""Names in the article's own spelling.

The actor knowledge base keys and often writes names without diacritics ("Nicolas Maduro",
`actors.kb.fold`); a speaker's name should read as the article writes it ("Nicolás Maduro").
`respell(name, text) -> str`: each word of `name` that the article writes with diacritics (the
same word once accents are folded away, `unicodedata` NFKD) takes the article's spelling; every
other word, and the order and case of the name, stay as they are.
"""
from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*", re.UNICODE)


def _bare(word: str) -> str:
    text = unicodedata.normalize("NFKD", word)
    return "".join(c for c in text if not unicodedata.combining(c))


def accented_words(text: str) -> dict[str, str]:
    """{word without accents: the article's spelling} for the article's words with diacritics
    (the first spelling wins when an article spells a word two ways)."""
    out: dict[str, str] = {}
    if text.isascii():  # NFKD leaves ASCII as it is: no word can carry a diacritic
        return out
    for m in _WORD.finditer(text):
        word = m.group(0)
        if word.isascii():
            continue
        bare = _bare(word)
        if bare != word:
            out.setdefault(bare, word)
    return out


def respell(name: str, text: str, table: dict | None = None) -> str:
    """`name` with its words spelled as in `text` (see the module docstring); '' stays ''."""
    if not name:
        return name
    table = accented_words(text) if table is None else table
    if not table:
        return name
    return _WORD.sub(lambda m: table.get(m.group(0), m.group(0)), name)
