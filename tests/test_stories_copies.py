"""Near-duplicates on a real SQLite store: generated rewrites of BBC articles are found as
copies of their originals, unrelated articles are not, and a second process continues from the
LSH buckets stored by the first."""
from __future__ import annotations

import random

import pytest

from dateline.evaluation import storykit as K
from dateline.store import open_store
from dateline.store.ingest import ingest
from dateline.store.stories import copy_links, get_story, story_of_article
from dateline.stories import update_stories
from dateline.stories.rewrite import paragraphs, paraphrase, rewrite
from dateline.stories.text import shingles, strip_wire_prefix
from dateline.stories import copies as C


def _store(path, records):
    store = open_store(str(path))
    ingest(store, records, K.clean_only, stories=False)
    return store


@pytest.fixture(scope="module")
def bbc(shared):
    return K.bbc_records(12, seed=3)


def test_wire_prefixes_are_removed():
    assert strip_wire_prefix("UPDATE 2-Zambia asks IMF for more") == "Zambia asks IMF for more"
    assert strip_wire_prefix("REFILE-EXCLUSIVE-Talks stall") == "Talks stall"
    assert strip_wire_prefix("Update on the talks") == "Update on the talks"


def test_containment_survives_a_dropped_paragraph_but_not_a_new_text(bbc):
    text = bbc[0].content
    paras = text.split("\n\n")
    shorter = "\n\n".join(paras[:1] + paras[2:])
    a, b = C.sketch(shingles(text)), C.sketch(shingles(shorter))
    other = C.sketch(shingles(bbc[1].content))
    assert C.containment(a, b) > 0.8
    assert C.containment(a, other) < 0.2


def test_generated_copies_join_their_original_across_processes(tmp_path, bbc):
    rng = random.Random(5)
    db = tmp_path / "copies.sqlite"
    store = _store(db, bbc)
    update_stories(store)
    store.close()
    made = K.copies_of(bbc[:4], rng, share=1.0, most=1)  # every one copied once
    store = _store(db, [r for r, _ in made])             # a later ingest, a new process' view
    stats = update_stories(store)
    assert stats.articles == len(made)
    links = copy_links(store)
    for rec, original in made:
        assert links[K.rid(rec)][1] == K.rid_url(original)
        assert story_of_article(store, K.rid(rec)) == story_of_article(store, K.rid_url(original))
    originals = {K.rid(r) for r in bbc}
    assert all(links[a][1] is None for a in originals)    # no original copies another
    story = get_story(store, story_of_article(store, K.rid_url(made[0][1])))
    assert story["n_articles"] == 2 and story["n_sources"] == 2
    assert {a["copy_of"] for a in story["articles"]} == {None, K.rid_url(made[0][1])}
    store.close()


def test_rewrite_applies_the_edits_it_reports():
    text = ("First paragraph says the government announced a plan.\n\nSecond one.\n\n"
            "Third paragraph here.\n\nFourth paragraph closes.")
    seen = set()
    for seed in range(8):
        title, new, edits = rewrite("Old headline", text, random.Random(seed),
                                    ("wire_prefix", "furniture", "synonyms"))
        seen.update(edits)
        prefixed = title.split("-", 1)[0] in ("UPDATE 1", "UPDATE 2", "REFILE", "CORRECTED")
        assert prefixed == ("wire_prefix" in edits)
        added = new.count("\n\n") - text.count("\n\n")
        assert added == (2 if "furniture" in edits else 0)
    assert seen == {"wire_prefix", "furniture", "synonyms"}


def test_paraphrase_keeps_capitals_and_unlisted_words():
    out = paraphrase("Officials said the government would help.", random.Random(0), rate=1.0)
    assert out == "Authorities stated the administration would help."


def test_paraphrase_never_rewrites_words_inside_names():
    text = ("The People's Liberation Army said Major General Wu told the Government. "
            "People said so.")
    out = paraphrase(text, random.Random(0), rate=1.0)
    assert out == ("The People's Liberation Army stated Major General Wu informed the Government. "
                   "Individuals stated so.")


def test_paraphrase_fixes_the_indefinite_article():
    out = paraphrase("An increase was an important step, officials said.", random.Random(0), 1.0)
    assert out == "A boost was a key step, authorities stated."


def test_paragraphs_keep_hard_wrapped_sentences_whole():
    blocks = "Troops crossed the river\nat dawn, officials said.\n\nTalks resumed\nin Doha."
    assert paragraphs(blocks) == ["Troops crossed the river\nat dawn, officials said.",
                                  "Talks resumed\nin Doha."]
    wrapped = ("Rescue teams reached the flooded villages of the northern province late on\n"
               "Tuesday after the water began to fall, the relief agency said in a statement.\n"
               "Aid flights resumed from the capital on Wednesday morning, and the agency\n"
               "expected road convoys to follow within two days if the weather held up.\n"
               "Officials said about 4,000 families had been moved to schools and churches\n"
               "on higher ground, where volunteers were handing out food and clean water.")
    paras = paragraphs(wrapped)
    assert len(paras) == 3 and all(p.endswith(".") for p in paras)
