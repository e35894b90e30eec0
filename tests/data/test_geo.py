"""eval geo on the shared GeoWebNews / TR-News files (read at run time, never copied)."""
from __future__ import annotations

from dateline.evaluation import geo


def test_gold_offsets_point_at_the_names(shared):
    for name in ("gwn", "trnews"):
        articles = geo.load(name)
        pairs = [(text, g) for text, golds in articles for g in golds]
        ok = sum(text[g.start:g.end] == g.text for text, g in pairs)
        assert len(articles) > 100 and ok / len(pairs) > 0.9


def test_resolution_on_a_slice_of_gwn(shared, nlp):
    from dateline.where import parse_doc

    articles = geo.load("gwn")[:15]
    parses = [parse_doc(d) for d in nlp.pipe(t for t, _ in articles)]
    c = geo.score("gwn", articles, parses)
    assert c["gold"] > 100
    assert c["found"] / c["gold"] > 0.35
    assert c["within"] / c["found"] > 0.85
    assert c["meto_off_map"] / max(c["meto"], 1) > 0.5


def test_even_and_odd_halves_partition_the_articles():
    from dateline.evaluation.geo import _split

    items = list(range(7))
    even, odd = _split(items, "even"), _split(items, "odd")
    assert even == [0, 2, 4, 6] and odd == [1, 3, 5]
    assert sorted(even + odd) == items
