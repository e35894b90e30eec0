"""Streaming: with several workers the pipeline reads ahead only a few batches of its input, so a
100,000-article input does not sit in memory."""
from __future__ import annotations

import itertools

from dateline.ingest.record import InputError, Record
from dateline.pipeline import BATCH_SIZE, IN_FLIGHT_PER_WORKER, extract_stream


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
    # 40 taken + at most IN_FLIGHT_PER_WORKER x workers batches of BATCH_SIZE // 2 read ahead
    # (+ one batch forming)
    assert consumed <= 40 + (IN_FLIGHT_PER_WORKER * 2 + 1) * (BATCH_SIZE // 2), consumed


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


def test_with_a_pool_every_batch_is_coded_in_a_worker_in_input_order(nlp, monkeypatch):
    """With workers=2 the parent codes no batch itself (the second core would idle meanwhile):
    every batch goes to the pool, and the results come back in input order."""
    import dateline.pipeline as pipeline

    here = []
    real = pipeline._process_batch
    monkeypatch.setattr(pipeline, "_process_batch", lambda items: here.append(len(items)) or real(items))
    size = BATCH_SIZE // 2
    recs = [Record(input=f"m{i}", content=f"Peruvian troops entered {i} villages near Cusco.\n")
            for i in range(7 * size + 3)]
    recs[5] = Record(input="blank", content="   ")  # fails in a worker: its own error
    recs[2 * size] = InputError("missing.txt", "no such file or directory")  # failed to read
    out = list(extract_stream(recs, workers=2))
    assert [getattr(a, "input", getattr(a, "input_name", None)) for a in out] == \
        [getattr(r, "input", getattr(r, "input_name", None)) for r in recs]
    assert [i for i, a in enumerate(out) if isinstance(a, InputError)] == [5, 2 * size]
    assert here == []  # forked workers append to their own copy of `here`
