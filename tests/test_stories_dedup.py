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
