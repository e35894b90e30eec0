"""The stage declarations: order, hand-overs, the per-stage error guard and `annotate`."""
from __future__ import annotations

import dataclasses
import pathlib
import re

import pytest

from dateline import pipeline
from dateline.model import Article

SRC = pathlib.Path(pipeline.__file__).parent


def test_every_requirement_is_provided_by_an_earlier_stage():
    available = set(pipeline.PROVIDED)
    for stage in pipeline.STAGES:
        missing = [r for r in stage.requires if r not in available]
        assert not missing, f"stage {stage.name} requires {missing} before anything assigns it"
        available.update(stage.assigns)


def test_every_assigned_handover_is_a_typed_doc_field():
    fields = {f.name for f in dataclasses.fields(pipeline.Doc)}
    article_fields = {f.name for f in dataclasses.fields(Article)}
    for stage in pipeline.STAGES:
        for name in stage.assigns:
            head = name.split(".")[1] if name.startswith("article.") else name
            assert head in (article_fields if name.startswith("article.") else fields), name


def test_no_stage_reads_an_untyped_scratch_dict():
    offenders = [str(p) for p in SRC.rglob("*.py") if re.search(r"\bscratch\b", p.read_text())]
    assert offenders == []


def test_failing_stage_leaves_a_warning_and_later_stages_run(monkeypatch):
    import dateline.quotes as quotes_mod

    def broken(doc):
        raise RuntimeError("boom")

    monkeypatch.setattr(quotes_mod, "find_quotes", broken)
    doc = pipeline.annotate("Kenyan police arrested 40 protesters in Nairobi on Tuesday.")
    assert any(w.startswith("quotes stage failed: RuntimeError: boom") for w in doc.article.warnings)
    assert doc.article.actors, "the actors stage ran before the failure"
    assert doc.article.events, "the events stage still ran after the failure"


def test_annotate_runs_only_the_chosen_stages():
    doc = pipeline.annotate("Peru recalled its ambassador from Bolivia on Monday.", stages=["actors"])
    assert doc.actor_index is not None and doc.article.actors
    assert doc.article.events == [] and doc.time_expressions is None


def test_annotate_rejects_unknown_stage():
    with pytest.raises(ValueError, match="unknown stage"):
        pipeline.annotate("text", stages=["sentiment"])
