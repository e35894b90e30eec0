"""TimeBank (shared data): the reader keeps offsets straight and resolution stays accurate."""
from __future__ import annotations

from collections import Counter

from dateline.evaluation import time as tb


def _files(shared, n):
    return sorted((shared / "data" / "time" / "timebank").glob("*.tml"))[:n]


def test_reader_offsets_match_timex_text(shared):
    for path in _files(shared, 20):
        anchor, text, timexes = tb.read_tml(path)
        assert anchor and len(anchor) == 10
        assert timexes
        for t in timexes:
            assert text[t.start:t.end] == t.text


def test_value_accuracy_on_a_sample(shared, nlp):
    stats, wrong, missed = Counter(), [], []
    for path in _files(shared, 25):
        tb.score_file(path, nlp, stats, wrong, missed)
    judged = stats["resolved"] - stats["unverifiable"]
    assert stats["gold"] > 50
    assert stats["correct"] / judged >= 0.8
    assert stats["resolved"] / stats["gold"] >= 0.6
