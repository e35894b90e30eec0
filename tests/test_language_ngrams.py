"""language.ngram_counts: py3langid's feature counts computed with numpy must be exactly the
library's own (`visit_counts`), so every language and probability recorded stays the same."""
from __future__ import annotations

import random

import numpy as np
import pytest
from py3langid.langid import MODEL_FILE, LanguageIdentifier, visit_counts

from dateline import language

WRITTEN = [
    "",
    "a",
    "   ",
    "Fishermen in Valparaiso welcomed the accord signed on Friday.",
    "Les pêcheurs de Brest ont salué l'accord signé vendredi à Helsinki.",
    "Die Fischer in Kiel begrüßten das am Freitag unterzeichnete Abkommen.",
    "Рыбаки Мурманска приветствовали соглашение, подписанное в пятницу.",
    "漁業協定は金曜日にヘルシンキで署名された。",
    "SHARE THIS ARTICLE | Advertisement | Cookie policy",
]


@pytest.fixture(scope="module")
def library():
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _texts(shared=None) -> list[str]:
    rng = random.Random(7)
    out = list(WRITTEN)
    out += ["".join(chr(rng.randint(32, 0x3000)) for _ in range(rng.randint(1, 300)))
            for _ in range(60)]
    out += [" ".join(rng.choice(WRITTEN[3:]) for _ in range(40))]  # long and mixed
    if shared is not None:
        import json

        for path in sorted((shared / "examples" / "dev").glob("*.json"))[:20]:
            out.append(json.loads(path.read_text(encoding="utf-8"))["text"])
    return out


def test_counts_equal_the_librarys_walk(library, shared):
    ident = language._identifier()
    for text in _texts(shared):
        for sample in (text[:language.SAMPLE_CHARS], text[:40]):
            data = library._encode(sample)
            want = visit_counts(library.tk_nextmove, library._rowbase, library.tk_output, data)
            got = language.ngram_counts(ident, data)
            assert (got is None) == (want is None), sample[:40]
            if want is not None:
                assert list(got.items()) == list(want.items()), sample[:40]  # same order too


def test_classification_is_the_librarys(library, shared):
    ident = language._identifier()
    for text in _texts(shared):
        sample = text[:language.SAMPLE_CHARS]
        assert ident.classify(sample) == library.classify(sample)


def test_order_is_the_depth_of_the_automatons_deepest_state():
    """The window ORDER must reach the deepest state: breadth-first from the start state over
    every byte, a state's distance is the length of the feature prefix it stands for."""
    nextmove, rowbase, _ = language._automaton(language._identifier())
    depth = np.full(len(rowbase), -1)
    depth[0] = 0
    frontier, d = np.array([0]), 0
    while len(frontier):
        d += 1
        reached = np.unique(nextmove[(rowbase[frontier][:, None] + np.arange(256)).ravel()])
        frontier = reached[depth[reached] < 0]
        depth[frontier] = d
    assert depth.min() >= 0 and depth.max() == language.ORDER
