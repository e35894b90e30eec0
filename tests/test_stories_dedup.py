"""Events deduplicated across a story's articles: an article stored with two rewritten copies
gives each of its events once, with three mentions, through `dateline events --dedup`."""
from __future__ import annotations

import json
import random

from dateline.cli import main
from dateline.clean import article_id
from dateline.store import open_store
from dateline.stories.events import dedup_events
from dateline.stories.rewrite import KEEP_CONTENT, rewrite

import stories_samples as S


def _ev(eid, type_, src, tgt, evidence, date=None):
    side = lambda names: [{"name": n, "text": n, "country": None} for n in names]  # noqa: E731
    return {"id": eid, "type": type_, "source": side(src), "target": side(tgt),
            "evidence": {"text": evidence}, "date": {"value": date} if date else None}


def test_two_events_of_one_article_stay_two_and_copies_add_mentions():
    a = {"id": "A", "events": [_ev("e1", "ACCUSE", ["Ghana"], ["Togo"], "Ghana accused Togo"),
                               _ev("e2", "ACCUSE", ["Ghana"], ["Togo"], "and accused it again")]}
    b = {"id": "B", "events": [_ev("e1", "ACCUSE", ["Ghana"], ["Togo"], "Ghana accused Togo"),
                               _ev("e2", "ASSAULT", ["Togo"], [], "troops fired shots")]}
    out = dedup_events([a, b])
    assert [e["n_mentions"] for e in out] == [2, 1, 1]
    assert out[0]["mentions"] == [{"article_id": "A", "event_id": "e1", "event_ids": ["e1"],
                                   "evidence": "Ghana accused Togo"},
                                  {"article_id": "B", "event_id": "e1", "event_ids": ["e1"],
                                   "evidence": "Ghana accused Togo"}]


def test_one_clause_coded_twice_by_an_article_is_one_mention():
    a = {"id": "A", "events": [_ev("e1", "SANCTION", ["Ecuador"], ["USA"],
                                   "Ecuador is expelling the US ambassador in Quito"),
                               _ev("e2", "SANCTION", ["Ecuador"], ["ambassador"],
                                   "Ecuador is expelling the US ambassador in Quito")]}
    b = {"id": "B", "events": [_ev("e7", "SANCTION", ["Ecuador"], ["USA"],
                                   "Ecuador is expelling the US ambassador in Quito")]}
    out = dedup_events([a, b])
    assert len(out) == 1 and out[0]["n_mentions"] == 2
    assert out[0]["mentions"][0]["event_ids"] == ["e1", "e2"]


def test_different_dates_or_sides_are_different_events():
    a = {"id": "A", "events": [_ev("e1", "AID", ["Japan"], ["Haiti"], "Japan sent aid",
                                   "2024-01-02")]}
    b = {"id": "B", "events": [_ev("e1", "AID", ["Japan"], ["Haiti"], "Japan sent more aid",
                                   "2024-01-09"),
                               _ev("e2", "AID", ["Brazil"], ["Chile"], "Brazil sent aid")]}
    assert [e["n_mentions"] for e in dedup_events([a, b])] == [1, 1, 1]


def _art(aid, text, events):
    """An article whose events' evidence offsets point into its text."""
    for e in events:
        start = text.index(e["evidence"]["text"])
        e["evidence"].update(start=start, end=start + len(e["evidence"]["text"]))
    return {"id": aid, "text": text, "events": events}


def test_a_reworded_clause_coded_as_another_type_is_the_same_event():
    a = _art("A", "Kenya vowed on Monday that the attackers and their backers would face justice.",
             [_ev("e1", "AGREE", ["Kenya"], ["attackers"],
                  "vowed on Monday that the attackers and their backers would face justice")])
    b = _art("B", "Kenya additionally vowed on Monday that the attackers and their backers "
             "would face justice.",
             [_ev("e4", "THREATEN", ["Kenya"], ["attackers"],
                  "vowed on Monday that the attackers and their backers would face justice")])
    out = dedup_events([a, b])
    assert len(out) == 1 and out[0]["type"] == "AGREE" and out[0]["n_mentions"] == 2


def test_a_copy_whose_evidence_is_cut_shorter_joins_when_a_side_agrees():
    text = ("Peru's president said he had asked the Organization of American States for "
            "observers to watch the vote in Lima next month.")
    a = _art("A", text, [_ev("e2", "REQUEST", ["Pedro Castillo"], ["PER"],
                             "he had asked the Organization of American States for observers "
                             "to watch the vote in Lima next month")])
    b = _art("B", text.replace("said", "stated"),
             [_ev("e3", "REQUEST", ["Pedro Castillo"], ["Organization of American States"],
                  "he had asked the Organization of American States for observers")])
    out = dedup_events([a, b])
    assert [e["n_mentions"] for e in out] == [2]


def test_two_different_events_of_one_story_stay_two():
    # one sentence, two events of one type by different actors: neither the article that
    # codes both nor a copy coding them with other sides merges them
    text = "Chile said it would accept aid from its neighbour Peru, which promised tents and food."
    accept = "it would accept aid from its neighbour Peru, which promised tents and food"
    promise = "which promised tents and food"
    a = _art("A", text, [_ev("e1", "AGREE", ["Chile"], [], accept),
                         _ev("e2", "AGREE", ["Peru"], [], promise)])
    b = _art("B", text.replace("said", "stated"),
             [_ev("e1", "AGREE", ["Chile"], ["Peru"], "it would accept"),
              _ev("e2", "AGREE", ["Peru"], ["Chile"], promise)])
    out = dedup_events([a, b])
    assert [[m["event_ids"] for m in e["mentions"]] for e in out] == [[["e1"], ["e1"]],
                                                                     [["e2"], ["e2"]]]
    # another type in the same sentence, but another clause and another target: two events
    c = _art("C", "Ghana accused Togo of arming the rebels and threatened Mali with sanctions.",
             [_ev("e1", "ACCUSE", ["Ghana"], ["Togo"], "Ghana accused Togo of arming the rebels")])
    d = _art("D", "Ghana accused Togo of arming the rebels and threatened Mali with sanctions.",
             [_ev("e1", "ACCUSE", ["Ghana"], ["Togo"], "Ghana accused Togo of arming the rebels"),
              _ev("e2", "THREATEN", ["Ghana"], ["Mali"], "threatened Mali with sanctions")])
    assert [e["n_mentions"] for e in dedup_events([c, d])] == [2, 1]
    # the same short clause about two different people, in two different sentences
    e = _art("E", "Rebels in the north have urged him to step down since May.",
             [_ev("e1", "RETREAT", ["rebels"], ["Liberia"], "him to step down")])
    f = _art("F", "Students marching in La Paz urged him to step down after the vote.",
             [_ev("e1", "RETREAT", ["students"], ["Bolivia"], "him to step down")])
    assert [x["n_mentions"] for x in dedup_events([e, f])] == [1, 1]


def test_a_clause_repeated_word_for_word_beats_sides_that_merely_fit():
    def side(name, country):
        return [{"name": name, "text": name, "country": country}]

    def ev(eid, src, tgt, evidence):
        return {"id": eid, "type": "ACCUSE", "source": src, "target": tgt,
                "evidence": {"text": evidence}, "date": None}

    clause = "police on Friday accused opposition leaders of planning riots"
    a = {"id": "A", "events": [
        ev("e1", side("Tanzania", "TZA"), side("opposition", "TZA"),
           "Tanzania accuses opposition"),
        ev("e2", side("police", "TZA"), side("opposition leaders", None), clause)]}
    # a copy whose dateline stuck to the clause: its target is read as the dateline city
    b = {"id": "B", "events": [ev("e5", side("police", "TZA"), side("Dodoma", "TZA"),
                                  "DODOMA - " + clause)]}
    out = dedup_events([a, b])
    assert [[m["article_id"] for m in e["mentions"]] for e in out] == [["A"], ["A", "B"]]


def test_over_merge_counts_events_mixing_two_developments():
    from dateline.evaluation.dedup import mixed_events

    gaza = [{"id": f"G{k}", "events": [_ev("e1", "ASSAULT", ["Israel"], ["Gaza"], "jets struck")]}
            for k in range(2)]
    peru = [{"id": "P", "events": [_ev("e1", "ASSAULT", ["Israel"], ["Gaza"], "shells hit"),
                                   _ev("e2", "AID", ["Peru"], [], "Peru sent food")]}]
    chad = [{"id": "C", "events": [_ev("e1", "PROTEST", ["Chad"], [], "crowds marched")]}]
    out = mixed_events({"gaza": gaza, "peru": peru, "chad": chad})
    assert out["development_pairs"] == 3 and out["pairs_with_a_mixed_event"] == 1
    assert out["mixed_story_events"] == 1 and out["story_events"] == 2 + 2 + 3


def test_article_with_two_rewritten_copies_gives_each_event_three_mentions(tmp_path, capsys,
                                                                           nlp):
    rng = random.Random(4)
    items = [S.CLASHES]
    for k in (1, 2):
        title, text, _ = rewrite(S.CLASHES["title"], S.CLASHES["text"], rng, KEEP_CONTENT)
        items.append({**S.CLASHES, "url": f"https://copy{k}.example.net/clashes",
                      "title": title, "text": text})
    src, db = tmp_path / "in.jsonl", str(tmp_path / "d.sqlite")
    S.write_jsonl(src, items)
    assert main(["ingest", str(src), "--db", db, "--workers", "1"]) == 0
    capsys.readouterr()
    assert main(["events", "--db", db, "--dedup", "--format", "jsonl"]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    original = article_id(S.CLASHES["url"], "")
    with open_store(db, create=False) as store:
        events = store.article(original)["events"]
    assert events
    for e in events:
        mine = [r for r in rows if any(m["article_id"] == original and e["id"] in m["event_ids"]
                                       for m in r["mentions"])]
        assert len(mine) == 1
        assert mine[0]["n_mentions"] == 3
        assert {m["article_id"] for m in mine[0]["mentions"]} == {
            original, article_id(items[1]["url"], ""), article_id(items[2]["url"], "")}
    assert main(["events", "--db", db, "--dedup", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("story_id,id,type") and len(lines) == len(rows) + 1
