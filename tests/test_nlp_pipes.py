"""The cached attribute ruler and lemmatizer (dateline/nlp_pipes) annotate exactly as spaCy's own.

Compared on texts written here to hit the ruler's special cases: its two-token rules
("ai n't", "gon na", "let 's", "y' all", "c'm on", "there is"), rules that read the
dependency label ("I"/"you"/"it" as subject or object, "but" as adverb, auxiliaries, "do" as
a main verb), whitespace tokens, and long-tail words, plus an empty text.
"""
from __future__ import annotations

import numpy
import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, ORTH, POS, TAG

from dateline import nlp as nlp_mod
from dateline.nlp_pipes import install, paragraphs

TEXTS = [
    "I ain't gonna let 's go. Y'all c'mon, we gotta leave. There is a dog; there were two.",
    "But he did it anyway.  She gave it to me and I thanked you for it. Did you do the work?",
    "The ministers have had talks.\n\nThey had been negotiating since 2019 and have signed it.",
    "Protesters were dispersed by police in Nairobi's Uhuru Park on Tuesday, officials said.",
    "   \n\n  The quickest brown foxes jumped over lazier dogs, who'd rather've slept.\t",
    "",
]


@pytest.fixture(scope="module")
def plain():
    """spaCy's own components, with the same paragraph-break component as dateline's pipeline
    (nlp_pipes/paragraphs.py: it sets sentence starts, which the parser then keeps)."""
    return paragraphs.add(spacy.load(nlp_mod.DEFAULT_MODEL))


def _arrays(nlp, texts):
    cols = [ORTH, TAG, POS, MORPH, LEMMA, DEP, HEAD]
    return [doc.to_array(cols) for doc in nlp.pipe(texts)]


def test_cached_components_are_installed(nlp):
    kinds = {name: type(pipe).__name__ for name, pipe in nlp.pipeline}
    assert kinds["attribute_ruler"] == "CachedAttributeRuler"
    assert kinds["lemmatizer"] == "CachedLemmatizer"
    assert nlp.get_pipe("lemmatizer").lookups.get_table("lemma_rules")  # delegated API


def test_same_annotations_as_spacy(nlp, plain):
    for texts in (TEXTS, TEXTS[::-1]):  # second pass: every token from the caches
        for fast, slow in zip(_arrays(nlp, texts), _arrays(plain, texts)):
            assert fast.shape == slow.shape
            assert numpy.array_equal(fast, slow)


def test_disabling_by_name_still_works(nlp):
    doc = next(nlp.pipe(["Talks were held."], disable=["attribute_ruler", "lemmatizer", "ner"]))
    assert doc[1].lemma == 0 and doc[1].tag_ == "VBD"


def test_install_can_be_switched_off(monkeypatch, plain):
    monkeypatch.setenv("DATELINE_CACHED_PIPES", "0")
    kinds = [type(p).__name__ for _, p in install(plain).pipeline]
    assert "CachedAttributeRuler" not in kinds


def test_stock_restores_spacys_components_for_the_block(nlp):
    from dateline.nlp_pipes import stock

    with stock(nlp):
        assert type(nlp.get_pipe("attribute_ruler")).__name__ == "AttributeRuler"
        assert nlp("Talks were held.")[1].lemma_ == "be"
    assert type(nlp.get_pipe("attribute_ruler")).__name__ == "CachedAttributeRuler"


def test_english_rules_give_spacys_rule_lemma_on_real_articles(nlp, shared):
    """`EnglishRules` (the cached lemmatizer's miss path) returns spaCy's own first rule lemma
    for every distinct (ORTH, POS, MORPH) of the texts above and of the 40 dev articles."""
    import json

    from dateline.nlp_pipes.lemmas import EnglishRules

    spacy_own = nlp.get_pipe("lemmatizer").original
    rules = EnglishRules(spacy_own)
    texts = TEXTS + [json.loads(p.read_text())["text"]
                     for p in sorted((shared / "examples" / "dev").glob("*.json"))]
    checked, seen = 0, set()
    for doc in nlp.pipe(texts):
        for tok in doc:
            key = (tok.orth, tok.pos, tok.morph.key)
            if key in seen:
                continue
            seen.add(key)
            got = rules.lemma(doc.vocab.strings, *key)
            if got is not None:
                assert got == spacy_own.rule_lemmatize(tok)[0], (tok.text, tok.pos_, str(tok.morph))
                checked += 1
    assert checked > 3000


def test_english_rules_cover_only_the_english_rule_lemmatizer(nlp):
    from spacy.pipeline import Lemmatizer

    from dateline.nlp_pipes.lemmas import EnglishRules

    assert EnglishRules.covers(nlp.get_pipe("lemmatizer").original)
    class OtherLanguage(Lemmatizer):  # another language's rules: spaCy's own code answers
        def is_base_form(self, token):
            return False

    assert not EnglishRules.covers(OtherLanguage.__new__(OtherLanguage))
