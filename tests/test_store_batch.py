"""Batched store writes (`Store.add_many`, `dateline ingest` writing STORE_BATCH articles per
transaction): the same rows as one-by-one writes, one bad article costs only itself, and an
interrupted run keeps, and counts, every article it processed."""
from __future__ import annotations

import io

import sqlalchemy as sa

from dateline.store import open_store
from dateline.store import ingest as ingest_mod
from dateline.store.ingest import STORE_BATCH, ingest
from store_samples import make_article


def _articles(n: int, prefix: str = "b") -> list:
    return [make_article(f"{prefix}{i}", events=[("AGREE", "NOR", "KEN", None)] * (i % 3),
                         quotes=[("Ada Lind", "NOR")] * (i % 2)) for i in range(n)]


def _dump(store) -> tuple:
    def clean(rows):  # the write time (ingested_at) differs between two stores
        return sorted(str({k: v for k, v in r.items() if k != "ingested_at"}) for r in rows)
    return (store.counts(), clean(store.articles()), clean(store.events()), clean(store.quotes()))


def test_add_many_equals_adding_one_by_one(tmp_path):
    arts = _articles(7)
    batch = arts[:5] + [arts[1]] + arts[5:]  # a repeat inside the batch counts as stored
    with open_store(str(tmp_path / "one.sqlite")) as one:
        assert one.add(arts[6]) is True
        expected = [one.add(a) for a in batch]
        rows = _dump(one)
    assert expected == [True] * 5 + [False, True, False]  # the repeat; arts[6] stored before
    with open_store(str(tmp_path / "many.sqlite")) as many:
        assert many.add(arts[6]) is True
        assert many.add_many(batch) == expected
        assert _dump(many) == rows


def test_add_many_replace_overwrites(tmp_path):
    first, second = make_article("r", events=[("AID", "NOR", "KEN", None)] * 2), \
        make_article("r", events=[("SANCTION", "USA", "ISL", None)])
    with open_store(str(tmp_path / "s.sqlite")) as store:
        store.add(first)
        assert store.add_many([second], replace=True) == [True]
        assert [e["type"] for e in store.events()] == ["SANCTION"]


def _process(results, interrupt_after=None):
    def run(items, workers):
        for i, art in enumerate(results):
            if interrupt_after is not None and i == interrupt_after:
                raise KeyboardInterrupt
            yield art
    return run


def test_ingest_stores_a_partial_last_batch(tmp_path):
    arts = _articles(STORE_BATCH + 3)
    with open_store(str(tmp_path / "s.sqlite")) as store:
        stats = ingest(store, [], _process(arts), stories=False, err=io.StringIO())
        assert stats.new == len(arts) and store.counts()["articles"] == len(arts)
        assert stats.events == sum(len(a.events) for a in arts)


def test_interrupted_ingest_keeps_and_counts_what_was_processed(tmp_path):
    arts = _articles(STORE_BATCH + 5)
    with open_store(str(tmp_path / "s.sqlite")) as store:
        stats = ingest(store, [], _process(arts, interrupt_after=STORE_BATCH + 2),
                       stories=False, err=io.StringIO())
        assert stats.interrupted
        assert stats.new == STORE_BATCH + 2 == store.counts()["articles"]


def test_one_bad_article_in_a_batch_costs_only_itself(tmp_path):
    arts = _articles(5)
    bad = make_article("bad", events=[("AGREE", "NOR", "KEN", None), ("AID", "KEN", "NOR", None)])
    bad.events[1].id = bad.events[0].id  # the second event row violates the primary key
    err = io.StringIO()
    with open_store(str(tmp_path / "s.sqlite")) as store:
        stats = ingest(store, [], _process(arts[:2] + [bad] + arts[2:]), stories=False, err=err)
        assert stats.new == 5 and len(stats.errors) == 1 and "could not store" in err.getvalue()
        assert store.counts()["articles"] == 5 and not store.has("id-bad")


def test_a_slow_stream_is_written_without_waiting_for_a_full_batch(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest_mod, "STORE_SECONDS", 0.0)
    arts = _articles(3)
    seen = []
    with open_store(str(tmp_path / "s.sqlite")) as store:
        def run(items, workers):
            for art in arts:
                yield art
                seen.append(store.counts()["articles"])  # after the consumer took it
        ingest(store, [], run, stories=False, err=io.StringIO())
    assert seen == [1, 2, 3]
