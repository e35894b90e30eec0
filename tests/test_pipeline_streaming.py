"""Streaming: with several workers the pipeline reads ahead only a few batches of its input, so a
100,000-article input does not sit in memory."""
from __future__ import annotations

import itertools

from dateline.ingest.record import Record
from dateline.pipeline import BATCH_SIZE, extract_stream


def test_multi_worker_read_ahead_is_bounded(nlp):
    consumed = 0

    def records():
        nonlocal consumed
        for i in range(5000):
            consumed += 1
            yield Record(input=f"r{i}",
                         content=f"Kenyan police arrested {i} protesters in Nairobi on Tuesday.\n")

    taken = list(itertools.islice(extract_stream(records(), workers=2), 40))
    assert [a.input for a in taken] == [f"r{i}" for i in range(40)]
    # 40 taken + at most 2 x workers batches of BATCH_SIZE // 2 read ahead (+ one batch forming)
    assert consumed <= 40 + (2 * 2 + 1) * (BATCH_SIZE // 2), consumed


def _parse_seconds_here() -> float:
    from dateline.pipeline import STAGE_SECONDS

    return STAGE_SECONDS["parse"]


def test_one_batch_of_input_is_processed_here_without_a_pool(nlp):
    """A single article with workers=2 is parsed in this process (its CPU seconds count here):
    forking and warming every stage costs more than one article does."""
    before = _parse_seconds_here()
    out = list(extract_stream([Record(input="one", content="Chilean police detained 12 miners in "
                                      "Antofagasta on Friday, officials said.\n")], workers=2))
    assert [a.input for a in out] == ["one"]
    assert _parse_seconds_here() > before


def test_more_than_one_batch_still_uses_workers(nlp):
    """Past one batch the pool does the parsing: this process's parse seconds stay put."""
    recs = [Record(input=f"m{i}", content=f"Peruvian troops entered {i} villages near Cusco.\n")
            for i in range(3 * BATCH_SIZE)]
    before = _parse_seconds_here()
    out = list(extract_stream(recs, workers=2))
    assert [a.input for a in out] == [r.input for r in recs]
    assert _parse_seconds_here() == before
