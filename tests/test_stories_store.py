"""Story store functions the web page and API call: ranked listing with an `after=` cursor and
filtered counts, story by id, events by story; on SQLite and PostgreSQL."""
from __future__ import annotations

import random

import pytest

from dateline.evaluation import storykit as K
from dateline.store import open_store
from dateline.store.ingest import ingest
from dateline.store.stories import (count_stories, decode_cursor, get_story, list_stories,
                                    story_events)


@pytest.fixture
def store(store_url, shared):
    originals = K.bbc_records(10, seed=9)
    for i, rec in enumerate(originals):   # give them dates so --since filters something
        rec.published = f"2025-01-{10 + i:02d}"
    made = [r for r, _ in K.copies_of(originals[:3], random.Random(2), share=1.0, most=2)]
    with open_store(store_url) as s:
        ingest(s, originals + made, K.clean_only)   # the ingest hook places them
        yield s


def test_pages_cover_every_story_once_in_rank_order(store):
    total = count_stories(store)
    assert total == 10
    seen, after, scores = [], None, []
    while True:
        page = list_stories(store, limit=3, after=after)
        assert page["total"] == total
        seen += [c["id"] for c in page["items"]]
        scores += [c["score"] for c in page["items"]]
        after = page["next"]
        if not after:
            break
    assert len(seen) == len(set(seen)) == total
    assert scores == sorted(scores, reverse=True)


def test_filters_and_counts_agree(store):
    later = list_stories(store, limit=50, since="2025-01-15")
    assert later["total"] == count_stories(store, since="2025-01-15") == len(later["items"])
    assert all(c["last_date"] >= "2025-01-15" for c in later["items"])
    assert 0 < later["total"] < 10
    word = list_stories(store, limit=50)["items"][0]["title"].split()[0]
    assert list_stories(store, q=word.lower())["total"] >= 1


def test_story_by_id_and_its_events(store):
    card = next(c for c in list_stories(store, limit=50)["items"] if c["n_articles"] > 1)
    story = get_story(store, card["id"])
    assert story["n_articles"] == len(story["articles"]) == 3   # original + two copies
    assert len({a["id"] for a in story["articles"]}) == 3
    assert story_events(store, story_id=card["id"]) == story["events"]  # clean-only: no events
    assert get_story(store, "no-such-story") is None


def test_bad_cursor_is_a_value_error(store):
    with pytest.raises(ValueError):
        list_stories(store, after="not-a-cursor")
    with pytest.raises(ValueError):
        decode_cursor("!!!")
