"""PolNeAR (shared data): the BRAT reader and the quote stage on a few dev articles."""
from __future__ import annotations

from dateline.evaluation.quotes import polnear_files, read_ann, run_polnear


def test_polnear_reader(shared):
    folder = shared / "data" / "quotes" / "polnear" / "dev"
    files = list(polnear_files(folder))
    assert len(files) > 50
    txt, ann = files[0]
    text = txt.read_text(encoding="utf-8")
    atts = read_ann(ann)
    assert atts and all(0 <= a <= b <= len(text) for att in atts for a, b in att["content"])


def test_polnear_few_articles_score(shared, nlp):
    res = run_polnear(shared / "data" / "quotes" / "polnear" / "dev", limit=4)
    assert res["gold"] > 0
    for scope in ("quotations", "attributions"):
        assert res[scope]["predicted"] > 0
        assert res[scope]["content"][2] > 0.3
    # the wider scope only adds attributions
    assert res["attributions"]["predicted"] >= res["quotations"]["predicted"]
