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


def test_value_f1_on_a_sample(shared, nlp):
    """TempEval-3 value F1 (all TIMEX3 types, strict values) on the first 12 documents."""
    stats, wrong, missed = Counter(), [], []
    for path in _files(shared, 12):
        tb.score_file(path, nlp, stats, wrong, missed)
    assert stats["gold"] > 30
    p, r, f = tb.f1(stats["value"], stats["ours"], stats["gold"])
    assert f >= 0.75, (p, r, f)
    assert stats["relaxed"] / stats["gold"] >= 0.85  # extents found


def test_seed_article_dates(shared, nlp):
    """The brief's checks on the seed article (read at run time), published 2024-06-18."""
    from dateline.model import Article, Event, Span
    from dateline.pipeline import Doc
    from dateline.when import resolve_dates

    text = (shared / "examples" / "putin-north-korea.txt").read_text(encoding="utf-8")

    def ev(sub, status):
        i = text.index(sub)
        return Event(id="e", type="X", evidence=Span(sub, i, i + len(sub)), status=status)

    events = [ev("Putin will visit Vietnam", "future"), ev("reiterated accusations", "asserted"),
              ev("a letter made public", "asserted")]
    article = Article(id="seed", input="seed", text=text, published="2024-06-18", events=events)
    resolve_dates(Doc(article=article, spacy=nlp(text)))
    got = [(e.date.value, e.date.end) if e.date else None for e in events]
    assert got == [("2024-06-19", "2024-06-20"), ("2024-06-17", None), ("2024-06-18", None)]
