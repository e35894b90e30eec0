"""The stages' batch steps (`pipeline.Stage.prepare`) only prepare what the stages would compute
anyway: the records of a batch are the same with and without them, while the look-ups of the
events and quotes stages are answered in one batched parse and their dry runs are reused."""
from __future__ import annotations

import json

import pytest

from dateline import actors, pipeline
from dateline.model import Article

# Written for these tests (no news text is copied): nationality words and places that the
# event coder looks up (`ActorView.place_actor`), speakers named once and referred back to.
TEXTS = [
    "Pakistani officials accused Indian troops of shelling villages near the border on Monday. "
    "\"We will respond,\" a Pakistani army spokesman said. The foreign ministry in Islamabad "
    "summoned the Indian envoy and protested the attack.",
    "Kenyan police arrested dozens of protesters in Nairobi on Tuesday, witnesses said. The "
    "interior minister, Fred Okello, told reporters the protests were illegal. Later he flew to "
    "Kampala for talks with Ugandan officials, who pledged support for the crackdown.",
    "The Chilean president visited Lima and signed a trade accord with Peruvian leaders. \"This "
    "deal helps farmers on both sides,\" she said. Bolivian ministers criticised the accord, "
    "saying it ignored their exporters.",
]


def _articles() -> list[Article]:
    return [Article(id=f"t{k}", input="<test>", text=text, published="2024-03-04")
            for k, text in enumerate(TEXTS)]


def _records(docs) -> list[str]:
    return [json.dumps(d.article.to_dict(), sort_keys=True) for d in docs]


def _docs(nlp) -> list:
    return [pipeline.Doc(article=a, spacy=nlp(a.text)) for a in _articles()]


@pytest.fixture
def fresh_lookups():
    saved = dict(actors._CACHE)
    actors._CACHE.clear()
    yield
    actors._CACHE.clear()
    actors._CACHE.update(saved)


def test_batch_steps_leave_the_records_unchanged(nlp, fresh_lookups, monkeypatch):
    batched = pipeline.run_batch(_docs(nlp))
    actors._CACHE.clear()
    monkeypatch.setattr(pipeline.Stage, "batch_step", lambda self: None)
    alone = [pipeline.run_stages(d) for d in _docs(nlp)]
    assert _records(batched) == _records(alone)
    assert any(d.article.events for d in batched) and any(d.article.quotes for d in batched)


def test_events_batch_step_prefetches_what_the_coder_looks_up(nlp, fresh_lookups, monkeypatch):
    from dateline import events

    docs = _docs(nlp)
    pipeline.run_batch(docs, stages=["actors", "quotes"])
    prefetched: list = []
    real_prefetch = actors.prefetch

    def spy(asked):
        asked = list(asked)
        prefetched.extend(asked)
        return real_prefetch(asked)

    monkeypatch.setattr(actors, "prefetch", spy)
    events.prepare_events(docs)
    assert prefetched, "the dry run should have asked for strings outside the cache"
    assert all(date == "2024-03-04" for _, date in prefetched)
    redone = [f for d in docs for f in d.event_candidates.found if f is None]
    assert redone, "sentences that asked for a string are left for code_events to redo"
    alone = []
    real_lookup = actors._lookup

    def counting(text, date):
        if (text, date) not in actors._CACHE and text.lower() not in actors._SKIP:
            alone.append(text)
        return real_lookup(text, date)

    monkeypatch.setattr(actors, "_lookup", counting)
    for doc in docs:
        events.code_events(doc)
        assert doc.event_candidates is None
    asked = {text for text, _ in prefetched}
    assert not [t for t in alone if t in asked], "a prefetched string was parsed again"


def test_quotes_reuse_the_dry_run_answers(nlp, fresh_lookups, monkeypatch):
    from dateline import quotes
    from dateline.quotes import assemble

    docs = _docs(nlp)
    pipeline.run_batch(docs, stages=["actors"])
    quotes.prepare_quotes(docs)
    prepared = [d.quote_candidates for d in docs]
    assert all(isinstance(p, assemble.Prepared) for p in prepared)
    assert sum(len(p.known) for p in prepared) > 0
    calls = []
    real = assemble.SpeakerResolver.resolve

    def counted(self, tok, previous=None, definite=False):
        calls.append(tok)
        return real(self, tok, previous, definite)

    monkeypatch.setattr(assemble.SpeakerResolver, "resolve", counted)
    for doc in docs:
        quotes.find_quotes(doc)
    owners = {id(assemble._owner(c)) for p in prepared for c in p.cands}
    assert len(calls) < len(owners), "answers of the dry run should be reused"


def test_trigger_match_skips_only_words_no_table_knows(nlp, monkeypatch):
    from dateline.events import lexicon

    sp = nlp("Troops shelled the town and police detained 40 people after talks collapsed; "
             "the minister vowed to retaliate, slammed the deal and pledged aid to farmers. "
             "Later the two governments inked a ceasefire and sealed a prisoner swap.")
    quick = [lexicon.match(t) for t in sp]

    class Everything(frozenset):
        def __contains__(self, word):
            return True

    monkeypatch.setattr(lexicon, "_known_words", lambda: {"V": Everything(), "N": Everything()})
    full = [lexicon.match(t) for t in sp]
    assert quick == full
    assert sum(r is not None for r in quick) >= 4


def test_role_features_with_the_cue_chain_equal_those_without(nlp):
    from dateline.quotes.features import cue_chain, role_features

    sp = nlp("The minister, who spoke in Paris, told reporters that the talks had failed because "
             "neither side would give ground.")
    cues = [t for t in sp if t.pos_ == "VERB"]
    assert cues
    for cue in cues:
        chain = cue_chain(cue)
        for tok in sp:
            assert role_features(cue, tok, False, chain) == role_features(cue, tok, False)
