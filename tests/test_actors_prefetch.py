"""`actors.prefetch` answers look-ups in one batched parse with `lookup`'s own answers, and
`actors.recording` (the quotes stage's dry run) only collects names, in its own thread."""
from __future__ import annotations

import threading

from dateline import actors


def _fresh():
    actors._CACHE.clear()


def test_prefetched_answers_equal_lookups_one_by_one(nlp):
    names = [("the Kenyan foreign minister", "2024-06-18"), ("Nairobi", None),
             ("a spokeswoman for the Red Cross", None), ("Chilean police", "2023-01-02")]
    _fresh()
    alone = [actors.lookup(text, date) for text, date in names]
    _fresh()
    assert actors.prefetch(names) == 4
    assert all((text, actors._date(actors._norm_date(date))) in actors._CACHE for text, date in names)
    assert [actors.lookup(text, date) for text, date in names] == alone
    assert actors.prefetch(names) == 0  # all cached now
    assert alone[0]["country"] == "KEN" and alone[3]["country"] == "CHL"


def test_recording_collects_unseen_names_and_answers_none(nlp):
    _fresh()
    known = actors.lookup("Nairobi")
    with actors.recording() as asked:
        assert actors.lookup("Nairobi") == known  # cached: answered
        assert actors.lookup("the Peruvian interior minister") is None  # not parsed
    assert asked == ["the Peruvian interior minister"]
    assert actors.lookup("the Peruvian interior minister")["country"] == "PER"


def test_recording_in_one_thread_leaves_other_threads_alone(nlp):
    _fresh()
    seen = {}
    inside, done = threading.Event(), threading.Event()

    def other():
        inside.wait(30)
        seen["hit"] = actors.lookup("the Chilean foreign minister")
        done.set()

    thread = threading.Thread(target=other)
    thread.start()
    with actors.recording() as asked:
        inside.set()
        done.wait(60)
    thread.join()
    assert asked == []
    assert seen["hit"] and seen["hit"]["country"] == "CHL"
