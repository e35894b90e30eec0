"""The store's query layer (store/query.py) on real SQLite and PostgreSQL stores."""
from __future__ import annotations

import sqlite3

import pytest
from store_samples import make_article

from dateline.model import Actor, Span
from dateline.store import QueryError, open_store


def _fill(store):
    a1 = make_article("g1", published="2025-01-10", events=[
        ("ASSAULT", "NOR", "KEN", "2025-01-09"), ("AID", "USA", "KEN", None)],
        quotes=[("Ada Lind", "NOR")], url="https://www.alpha.example/a1")
    a1.actors[0].mentions = [Span("Norway", 0, 6), Span("Oslo's government", 10, 27)]
    a1.events[0].status, a1.events[0].confidence = "alleged", 0.9
    a1.events[0].source[0].sector = "MIL"
    a1.site = "alpha.example"
    a1.title = "Harbour clash reported"
    a2 = make_article("g2", published="2025-03-01", events=[
        ("ASSAULT", "PER", "USA", "2025-02-20"), ("PROTEST", "ISL", "ISL", "2025-02-28")],
        quotes=[("Ada Lind", "NOR")])
    a2.site = "beta.example"
    a3 = make_article("g3", published=None, events=[("ASSAULT", "KEN", "NOR", None)])
    for art in (a1, a2):  # the speaker is one of the article's actors, as the pipeline does it
        art.actors.append(Actor(id="a9", name="Ada Lind", country="NOR", kind="person",
                                mentions=[Span("Ada Lind", 0, 8)]))
    for a in (a1, a2, a3):
        store.add(a)
    store.set_stories([{"id": "s1", "title": "Story", "score": 1.0, "article_ids": ["id-g2"]}])


def ids(evs):
    return [(e["article_id"][3:], e["id"]) for e in evs]


def test_side_filters_and_sorting(store_url):
    with open_store(store_url) as store:
        _fill(store)
        assert ids(store.events()) == [("g1", "e1"), ("g1", "e2"), ("g2", "e1"), ("g2", "e2"),
                                       ("g3", "e1")]
        assert ids(store.events(source_country="KEN")) == [("g3", "e1")]
        assert ids(store.events(target_country="KEN")) == [("g1", "e1"), ("g1", "e2")]
        assert ids(store.events(country="ISL")) == [("g2", "e2")]  # both sides ISL: once
        assert ids(store.events(sector="mil")) == [("g1", "e1")]
        assert ids(store.events(status="alleged")) == [("g1", "e1")]
        assert ids(store.events(min_confidence=0.8)) == [("g1", "e1")]
        assert ids(store.events(site="https://alpha.example/")) == [("g1", "e1"), ("g1", "e2")]
        assert ids(store.events(story="s1")) == [("g2", "e1"), ("g2", "e2")]
        assert ids(store.events(article="id-g3")) == [("g3", "e1")]
        rec = store.events(story="s1")[0]
        assert rec["story_id"] == "s1" and rec["site"] == "beta.example"
        assert rec["day"] == "2025-02-20" and rec["date_source"] == "text"
        aid = store.events(article="id-g1")[1]
        assert (aid["day"], aid["date_source"]) == ("2025-01-10", "published")
        undated = store.events(article="id-g3")[0]
        assert (undated["day"], undated["date_source"]) == (None, "none")


def test_actor_matches_names_aliases_and_keys(store_url):
    with open_store(store_url) as store:
        _fill(store)
        assert ids(store.events(actor="norway")) == [("g1", "e1"), ("g3", "e1")]
        # a mention text of Norway in one article finds Norway everywhere
        assert ids(store.events(actor="Oslo’s Government")) == [("g1", "e1"), ("g3", "e1")]
        assert ids(store.events(actor="Nor")) == [("g1", "e1"), ("g3", "e1")]  # prefix fallback
        assert store.events(actor="Atlantis") == []
        key = store.events(article="id-g3")[0]["source"][0]
        [actor] = [a for a in store.actors(q="kenya")]
        assert actor["id"].startswith("act_") and actor["articles"] == 2
        assert ids(store.events(actor=actor["id"])) == [("g1", "e1"), ("g1", "e2"), ("g3", "e1")]
        assert key["name"] == "Kenya"


def test_full_text_search(store_url):
    with open_store(store_url) as store:
        _fill(store)
        assert ids(store.events(q="harbour clash")) == [("g1", "e1"), ("g1", "e2")]
        assert ids(store.events(q="protest case")) == [("g2", "e1"), ("g2", "e2")]
        assert store.events(q="nonexistentword") == []
        assert store.events(q='" OR (') == []  # FTS syntax in user text is just words
        assert len(store.quotes(q="harbour")) == 1


def test_cursor_pages_and_counts(store_url):
    with open_store(store_url) as store:
        _fill(store)
        seen, after = [], None
        while True:
            page, after = store.events_page(after=after, limit=2)
            seen += ids(page)
            if not after:
                break
        assert seen == ids(store.events())
        assert store.count_events() == 5
        assert store.count_events(type="ASSAULT", since="2025-01-01") == 2
        assert store.count_events(type="ASSAULT", since="2025-01-01", include_undated=True) == 3
        with pytest.raises(QueryError):
            store.events_page(after="garbage!")
        with pytest.raises(QueryError):
            store.events(colour="red")


def test_count_by(store_url):
    with open_store(store_url) as store:
        _fill(store)
        rows = store.count_by("month,country")
        assert {"month": "2025-01", "country": "KEN", "n": 2} in rows
        assert {"month": "2025-02", "country": "ISL", "n": 1} in rows  # one event, not two
        assert {"month": None, "country": "NOR", "n": 1} in rows
        assert store.count_by(["type"], since="2025-02-01") == [
            {"type": "ASSAULT", "n": 1}, {"type": "PROTEST", "n": 1}]
        assert store.count_by("source,target", type="ASSAULT") == [
            {"source": "KEN", "target": "NOR", "n": 1}, {"source": "NOR", "target": "KEN", "n": 1},
            {"source": "PER", "target": "USA", "n": 1}]
        assert {"site": "alpha.example", "n": 2} in store.count_by("site")
        weeks = store.count_by("week", type="PROTEST")
        assert weeks == [{"week": "2025-02-24", "n": 1}]  # Monday of 2025-02-28's week
        with pytest.raises(QueryError):
            store.count_by("colour")


def test_actors_across_articles(store_url):
    with open_store(store_url) as store:
        _fill(store)
        ada = [a for a in store.actors(q="ada")]
        assert len(ada) == 1 and ada[0]["quotes"] == 2 and ada[0]["articles"] == 2
        nor = store.actors(country="NOR")
        assert {a["name"] for a in nor} == {"Norway", "Ada Lind"}
        norway = [a for a in nor if a["name"] == "Norway"][0]
        assert norway["events"] == 2 and norway["mentions"] == 2
        full = store.actor(norway["id"])
        assert "oslo's government" in full["aliases"] and full["events"] == 2
        assert store.actor("act_000000000000") is None


def test_version_1_store_is_migrated(tmp_path):
    path = tmp_path / "old.sqlite"
    with open_store(str(path)) as store:
        _fill(store)
        before = store.events()
    con = sqlite3.connect(path)  # make it look like a version-1 store
    con.executescript("""
        DROP TABLE event_actors; DROP TABLE actor_aliases; DROP TABLE article_fts;
        ALTER TABLE events DROP COLUMN day; ALTER TABLE events DROP COLUMN date_source;
        DROP INDEX ix_events_order; DROP INDEX ix_events_type; DROP INDEX ix_events_status;
        ALTER TABLE events DROP COLUMN sort_day;
        UPDATE dateline_meta SET value = '1' WHERE key = 'schema_version';
    """)
    con.close()
    with open_store(str(path), create=False) as store:
        assert store.events() == before
        assert ids(store.events(q="harbour", country="KEN")) == [("g1", "e1"), ("g1", "e2")]
        with store.engine.connect() as conn:
            version = conn.exec_driver_sql(
                "SELECT value FROM dateline_meta WHERE key='schema_version'").scalar_one()
        from dateline.store.schema import SCHEMA_VERSION

        assert version == SCHEMA_VERSION


def test_newer_store_is_refused(tmp_path):
    from dateline.store import StoreError

    path = tmp_path / "new.sqlite"
    open_store(str(path)).close()
    con = sqlite3.connect(path)
    con.execute("UPDATE dateline_meta SET value = '99' WHERE key = 'schema_version'")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="newer dateline"):
        open_store(str(path))


def _plan(store, **filters) -> str:
    from dateline.store import query as Q

    f = Q.EventFilter.of(filters)
    with store.engine.connect() as conn:
        sql = Q.events_select(conn, f, limit=100).compile(
            conn, compile_kwargs={"literal_binds": True})
        return "\n".join(r[-1] for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))


@pytest.mark.parametrize("filters", [
    {}, {"type": "ASSAULT"}, {"status": "alleged"}, {"country": "KEN"},
    {"source_country": "KEN"}, {"target_country": "KEN"}, {"sector": "GOV"},
    {"actor": "norway"}, {"since": "2025-01-01", "until": "2025-02-01"}, {"site": "a.example"},
    {"story": "s1"}, {"q": "harbour"}, {"min_confidence": 0.9},
])
def test_no_filter_scans_the_events_table(tmp_path, filters):
    with open_store(str(tmp_path / "plan.sqlite")) as store:
        _fill(store)
        plan = _plan(store, **filters)
    scans = [ln for ln in plan.splitlines() if ln.startswith("SCAN events")]
    if filters and "min_confidence" not in filters:  # every filter starts from an index search
        assert not scans, plan
    else:  # the plain listing (and a confidence threshold, which matches most events) walks
        # the order index and stops at the limit: no sort, no table scan
        assert scans == ["SCAN events USING INDEX ix_events_order"], plan
