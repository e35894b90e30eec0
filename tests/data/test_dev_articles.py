"""Regression floor for the event coder on the shared seed article and dev set (GOLD_FORMAT.md).

Dev figures, not test figures: the floors sit under what the coder measured when they were set
(docs/results.md, ## events), so a change that breaks coding fails here. Half the dev set (every
other file) keeps the run short; `dateline eval articles` scores all of it.
"""
from __future__ import annotations

import json

import pytest

from dateline.evaluation.articles import evaluate, gold_files
from dateline.pipeline import extract


def test_dev_event_f1_and_status(shared):
    files = gold_files(str(shared / "examples" / "dev"))[::2]
    if not files:
        pytest.skip("no dev gold files")
    report = evaluate(files, extract).report()
    assert report["events"]["f1"] >= 0.55
    assert report["status"]["accuracy"] >= 0.8


def test_seed_required_events_found_and_nothing_from_boilerplate(shared):
    path = shared / "examples" / "putin-north-korea.gold.json"
    gold = json.loads(path.read_text(encoding="utf-8"))
    outputs = []

    def recording_extract(*args, **kwargs):
        outputs.append(extract(*args, **kwargs))
        return outputs[-1]

    report = evaluate([path], recording_extract).report()
    assert report["events"]["recall"] >= 0.9
    out = outputs[0]
    for e in out["events"]:
        ev = e["evidence"]
        assert out["text"][ev["start"]:ev["end"]] == ev["text"]
        assert not any(line.strip() == ev["text"].strip() for line in gold["boilerplate"])
