"""Body extraction: the benchmark metric on hand-made strings, and clean_html on a slice of the
Zyte pages and on the shared seed example (../shared, read at run time)."""
from __future__ import annotations

import argparse
import gzip
import json

import pytest

from dateline.clean import clean_html, clean_text
from dateline.evaluation import extraction


def test_shingle_metric_counts_extra_and_missing_text():
    true = "one two three four five six"
    assert extraction.tp_fp_fn(true, true) == (1.0, 0.0, 0.0)
    tp, fp, fn = extraction.tp_fp_fn(true, "one two three four five")  # 2 of 3 shingles
    assert (tp, fp, fn) == pytest.approx((2 / 3, 0, 1 / 3))
    s = extraction.score([extraction.tp_fp_fn(true, true + " menu login share")])
    assert s["recall"] == 1.0 and s["precision"] < 1.0


def test_zyte_slice_f1(shared):
    folder = shared / "data" / "extraction" / "zyte"
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key in sorted(truth)[:20]:
        with gzip.open(folder / "html" / f"{key}.html.gz", "rt", encoding="utf-8") as fh:
            body = clean_html(fh.read(), truth[key]["url"]).body
        pages.append(extraction.tp_fp_fn(truth[key]["articleBody"], body))
    assert extraction.score(pages)["f1"] >= 0.9


def test_eval_command_runs_on_a_few_pages(shared, capsys):
    parser = argparse.ArgumentParser()
    extraction.add_arguments(parser)
    assert extraction.run(parser.parse_args(["--limit", "3"])) == 0
    assert "F1" in capsys.readouterr().out


def test_seed_example_title_and_furniture(shared):
    ex = shared / "examples"
    gold = json.loads((ex / "putin-north-korea.gold.json").read_text(encoding="utf-8"))
    c = clean_text((ex / "putin-north-korea.txt").read_text(encoding="utf-8"))
    assert c.title == gold["title"]
    lines = c.body.split("\n\n")
    for furniture in gold["boilerplate"]:
        assert furniture not in lines
    assert gold["title"] not in c.body
