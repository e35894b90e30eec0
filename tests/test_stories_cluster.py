"""Stories on a real store built by the real pipeline: two outlets' reports of one development
form one story; a look-alike two weeks later and an unrelated report stay out. The story's
title and summary are taken from its articles."""
from __future__ import annotations

import pytest

from dateline.cli import main
from dateline.store import open_store
from dateline.store.stories import get_story, list_stories, story_of_article
from dateline.clean import article_id

import stories_samples as S


@pytest.fixture(scope="module")
def db(tmp_path_factory, nlp):
    path = tmp_path_factory.mktemp("stories") / "s.sqlite"
    src = path.parent / "in.jsonl"
    S.write_jsonl(src, [S.BUDGET_A, S.UNRELATED, S.LOOKALIKE])
    assert main(["ingest", str(src), "--db", str(path), "--workers", "1"]) == 0
    S.write_jsonl(src, [S.BUDGET_B])   # a second ingest: stories update incrementally
    assert main(["ingest", str(src), "--db", str(path), "--workers", "1"]) == 0
    return str(path)


def _sid(store, item):
    return story_of_article(store, article_id(item["url"], ""))


def test_same_development_one_story_lookalike_and_unrelated_apart(db):
    with open_store(db, create=False) as store:
        a, b = _sid(store, S.BUDGET_A), _sid(store, S.BUDGET_B)
        assert a is not None and a == b
        assert _sid(store, S.LOOKALIKE) != a
        assert _sid(store, S.UNRELATED) not in (a, _sid(store, S.LOOKALIKE))


def test_story_card_is_chosen_from_its_articles(db):
    with open_store(db, create=False) as store:
        story = get_story(store, _sid(store, S.BUDGET_A))
    assert story["title"] in (S.BUDGET_A["title"], S.BUDGET_B["title"])
    assert any(story["summary"].rstrip(" …") in d["text"] for d in (S.BUDGET_A, S.BUDGET_B))
    assert (story["first_date"], story["last_date"]) == ("2025-03-04", "2025-03-05")
    assert {s["site"] for s in story["sources"]} == {"news-a.example", "daily-b.example"}
    assert {a["site"] for a in story["articles"]} == {"news-a.example", "daily-b.example"}
    assert any("Ato Forson" in a["name"] for a in story["actors"])
    assert len(story["articles"]) == 2 and story["events"] and story["quotes"] is not None
    for ev in story["events"]:
        assert ev["n_mentions"] == len(ev["mentions"]) >= 1


def test_top_stories_rank_by_recency_then_coverage(db, capsys):
    with open_store(db, create=False) as store:
        top = list_stories(store, limit=10)
        order = [_sid(store, d) for d in (S.LOOKALIKE, S.BUDGET_A, S.UNRELATED)]
    # the look-alike is two weeks newer; of the two stories of 4-5 March, two sources win
    assert top["total"] == 3 and [c["id"] for c in top["items"]] == order
    assert main(["stories", "--db", db, "--top", "2", "--since", "2025-03-05"]) == 0
    out = capsys.readouterr().out
    assert "2 sources, 2 articles" in out and out.count("sources:") == 2


def test_reprocess_places_rewritten_articles_again(db, tmp_path):
    src = tmp_path / "again.jsonl"
    S.write_jsonl(src, [S.BUDGET_B])
    with open_store(db, create=False) as store:
        before = list_stories(store, limit=10)
    assert main(["ingest", str(src), "--db", db, "--reprocess", "--workers", "1"]) == 0
    with open_store(db, create=False) as store:
        after = list_stories(store, limit=10)
        assert _sid(store, S.BUDGET_B) == _sid(store, S.BUDGET_A)
    assert [c["n_articles"] for c in after["items"]] == [c["n_articles"] for c in before["items"]]
