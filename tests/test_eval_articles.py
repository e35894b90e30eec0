"""The gold-article scorer follows GOLD_FORMAT.md's matching rules."""
from __future__ import annotations

from dateline.evaluation.articles import ArticleScorer, content_covered, event_ok, quote_ok


def _pred(type_, src, tgt, status="asserted"):
    side = lambda cs: [{"text": c, "name": c, "country": c, "sector": None, "actor": None} for c in cs]
    return {"type": type_, "source": side(src), "target": side(tgt), "status": status,
            "evidence": {"text": "x", "start": 0, "end": 1}, "date": None, "location": None}


def test_event_match_needs_type_and_intersecting_sides():
    gold = {"type": "CONSULT", "alt_types": ["AGREE"], "source": ["FIN"], "target": ["CHL", "ARG"]}
    assert event_ok(gold, _pred("AGREE", ["FIN"], ["ARG"]))
    assert not event_ok(gold, _pred("ACCUSE", ["FIN"], ["ARG"]))
    assert not event_ok(gold, _pred("CONSULT", ["SWE"], ["ARG"]))
    assert event_ok({"type": "ASSAULT", "source": ["UNK"], "target": []}, _pred("ASSAULT", [], []))


def test_required_gold_first_and_precision_counts_optional_matches():
    golds = [{"type": "AID", "source": ["FIN"], "target": ["CHL"], "required": False},
             {"type": "AID", "source": ["FIN"], "target": [], "required": True}]
    preds = [_pred("AID", ["FIN"], ["CHL"])]
    s = ArticleScorer()
    s.score("t", {"events": golds, "quotes": []}, {"events": preds, "quotes": []})
    r = s.report()["events"]
    assert (r["recall"], r["precision"]) == (1.0, 1.0)


def test_quote_needs_distinctive_speaker_and_word_runs():
    gold = {"speaker": "Aino Virtanen", "text": "the harbour will reopen next spring for all boats"}
    good = {"speaker": {"name": "Aino Virtanen", "text": "Virtanen"},
            "text": "the harbour will reopen next spring"}
    role_only = {"speaker": {"name": "minister", "text": "the minister"}, "text": gold["text"]}
    scattered = {"speaker": {"name": "Virtanen", "text": "she"}, "text": "boats harbour spring the"}
    assert quote_ok(gold, good)
    assert not quote_ok(gold, role_only)
    assert not quote_ok(gold, scattered)
    assert content_covered("a b c d", "a b x c d") == 1.0


def test_pairing_prefers_same_status_among_equal_matches():
    golds = [{"type": "AGREE", "source": ["FIN"], "target": ["CHL"], "status": "asserted"},
             {"type": "AGREE", "source": ["FIN"], "target": ["CHL"], "status": "hypothetical"}]
    preds = [_pred("AGREE", ["FIN"], ["CHL"], "hypothetical"), _pred("AGREE", ["FIN"], ["CHL"])]
    s = ArticleScorer()
    s.score("t", {"events": golds, "quotes": []}, {"events": preds, "quotes": []})
    assert s.report()["status"]["accuracy"] == 1.0


def test_acronym_and_full_name_are_the_same_speaker():
    gold = {"speaker": "WFP", "text": "food stocks will run out within six weeks"}
    pred = {"speaker": {"name": "World Food Programme", "text": "the agency"},
            "text": "food stocks will run out within six weeks"}
    assert quote_ok(gold, pred)
    assert not quote_ok({**gold, "speaker": "UNHCR"}, pred)
