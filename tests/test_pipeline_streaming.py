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
