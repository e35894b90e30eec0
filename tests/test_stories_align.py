"""Mentions a near-duplicate's aligned sentence gives (stories.align): a copy that prints the
same sentence, reworded, reports the event even when the coder read its wording differently;
an article that is not a copy, a sentence without the clause, or a copy that coded the type
there itself gives none. Inputs written for these tests."""
from __future__ import annotations

import pytest

from dateline.stories.align import families, sentences
from dateline.stories.events import dedup_events


def _ev(eid, type_, src, tgt, evidence, text):
    side = lambda names: [{"name": n, "text": n, "country": None} for n in names]  # noqa: E731
    start = text.index(evidence)
    return {"id": eid, "type": type_, "source": side(src), "target": side(tgt), "date": None,
            "evidence": {"text": evidence, "start": start, "end": start + len(evidence)}}


# (original text, its event (type, source, target, evidence), the copy's text: the same report
# reworded, whose coding of that sentence came out empty)
PAIRS = [
    ("Mali's junta said on Sunday it would open talks with the northern rebels in Algiers. "
     "Fighting in Kidal has displaced thousands since March.",
     ("CONSULT", ["Mali"], ["rebels"], "open talks with the northern rebels in Algiers"),
     "Fighting in Kidal has displaced thousands since March.\n\nMali's junta stated on Sunday "
     "it would open negotiations with the northern rebels in Algiers."),
    ("Lithuania's foreign ministry summoned the Belarusian envoy on Tuesday over the balloons "
     "that closed Vilnius airport twice this week. Flights resumed in the evening.",
     ("ACCUSE", ["Lithuania"], ["Belarus"], "summoned the Belarusian envoy on Tuesday over the "
      "balloons that closed Vilnius airport"),
     "UPDATE 1-Lithuania summons envoy\n\nLithuania's foreign ministry summoned the Belarusian "
     "envoy on Tuesday over the balloons that shut Vilnius airport twice this week.\n\n"
     "Flights resumed in the evening."),
]


def _story(k):
    text, (type_, src, tgt, evidence), copy_text = PAIRS[k]
    a = {"id": "A", "text": text, "events": [_ev("e1", type_, src, tgt, evidence, text)]}
    b = {"id": "B", "text": copy_text, "events": []}
    return a, b


@pytest.mark.parametrize("k", range(len(PAIRS)))
def test_a_copy_reworded_sentence_gives_a_mention_with_its_own_evidence(k):
    a, b = _story(k)
    out = dedup_events([a, b], {"A": None, "B": "A"})
    assert [e["n_mentions"] for e in out] == [2]
    first, aligned = out[0]["mentions"]
    assert first["event_ids"] == ["e1"] and aligned["article_id"] == "B"
    assert aligned["event_id"] is None and aligned["event_ids"] == []
    assert aligned["aligned_with"] == {"article_id": "A", "event_id": "e1"}
    assert b["text"][aligned["start"]:aligned["end"]] == aligned["evidence"]
    assert aligned["evidence"] not in a["text"]  # the copy's own (reworded) words


@pytest.mark.parametrize("k", range(len(PAIRS)))
def test_an_article_that_is_not_a_copy_gives_no_aligned_mention(k):
    a, b = _story(k)
    assert [e["n_mentions"] for e in dedup_events([a, b], {"A": None, "B": None})] == [1]
    assert [e["n_mentions"] for e in dedup_events([a, b])] == [1]


@pytest.mark.parametrize("sentence, evidence, instead", [
    ("After a week of fighting around Kidal and Gao that displaced thousands of families, "
     "Mali's junta said on Sunday it would open talks with the rebels.",
     "open talks with the rebels", "hold firm"),
    ("Speaking in Vilnius after the airport closed twice this week because of smuggling "
     "balloons from Belarus, the foreign minister said Lithuania would expel two diplomats.",
     "would expel two diplomats", "would respond"),
])
def test_a_copy_whose_sentence_lost_the_clause_gives_none(sentence, evidence, instead):
    # the sentence is still the same one (word Jaccard >= 0.6), but the clause the event was
    # coded from is not in it
    a = {"id": "A", "text": sentence,
         "events": [_ev("e1", "CONSULT", ["Mali"], ["rebels"], evidence, sentence)]}
    b = {"id": "B", "text": sentence.replace(evidence, instead), "events": []}
    assert [e["n_mentions"] for e in dedup_events([a, b], {"A": None, "B": "A"})] == [1]
    a2 = {**a, "text": sentence}
    b2 = {"id": "B", "text": sentence.replace("said", "stated"), "events": []}
    assert [e["n_mentions"] for e in dedup_events([a2, b2], {"A": None, "B": "A"})] == [2]


def test_a_copy_that_coded_the_type_there_itself_is_left_to_the_merge():
    a, b = _story(0)
    # the copy coded CONSULT in that sentence with other sides and a clause the merge does not
    # take for the same one: no second, aligned mention for it (the event would count twice)
    b["events"] = [_ev("e1", "CONSULT", ["Algeria"], ["Mali"], "in Algiers", b["text"])]
    out = dedup_events([a, b], {"A": None, "B": "A"})
    assert not any(m.get("aligned_with") for e in out for m in e["mentions"])


def test_a_sentence_aligns_only_with_its_best_match():
    # two near-identical sentences in the original; the copy keeps only the second: the event
    # coded in the first does not borrow the second's copy
    text = ("Ghana accused Togo on Monday of arming rebels near the border town of Aflao. "
            "Ghana accused Togo on Friday of arming rebels near the border town of Aflao.")
    a = {"id": "A", "text": text,
         "events": [_ev("e1", "ACCUSE", ["Ghana"], ["Togo"],
                        "Ghana accused Togo on Monday of arming rebels", text)]}
    b = {"id": "B", "text": "Ghana accused Togo on Friday of arming rebels near the border "
                            "town of Aflao.", "events": []}
    assert [e["n_mentions"] for e in dedup_events([a, b], {"A": None, "B": "A"})] == [1]


def test_copy_links_make_families_whichever_way_they_run():
    fam = families({"A": None, "B": "A", "C": "B", "D": None, "E": "D"})
    assert fam["A"] == fam["B"] == fam["C"] and fam["D"] == fam["E"] != fam["A"]


def test_sentences_split_at_stops_and_line_breaks():
    text = "Talks resumed in Doha. Both sides attended\n\nA ceasefire holds"
    spans = [text[a:b].strip() for a, b, _ in sentences(text)]
    assert spans == ["Talks resumed in Doha.", "Both sides attended", "A ceasefire holds"]
