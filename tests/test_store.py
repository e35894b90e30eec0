"""The store API on SQLite and on a real PostgreSQL server: round trip, idempotence,
atomicity, a killed writer, resume, and filters. Articles are built from model.py directly."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap

import pytest
import sqlalchemy as sa

from dateline.clean import to_article
from dateline.ingest.record import InputError, Record
from dateline.store import StoreError, open_store
from dateline.store.ingest import Stats, pending, record_id
from store_samples import make_article


def table_counts(store) -> dict:
    return store.counts()


def test_round_trip(store_url):
    art = make_article("rt", events=[("ASSAULT", "NOR", "KEN", "2025-02-01")],
                       quotes=[("Ada Lind", "NOR")])
    with open_store(store_url) as store:
        assert store.add(art) is True
        assert store.has("id-rt") and not store.has("id-other")
        assert store.article("id-rt") == art.to_dict()
        assert store.articles() == [art.to_dict()]
        [ev] = store.events()
        assert ev["article_id"] == "id-rt" and ev["published"] == "2025-02-03"
        assert {k: ev[k] for k in art.events[0].to_dict()} == art.events[0].to_dict()
        [q] = store.quotes()
        assert q["speaker"]["name"] == "Ada Lind" and q["text"] == art.quotes[0].text
        with store.engine.connect() as conn:
            row = conn.execute(sa.text("select site, author from articles")).one()
        assert tuple(row) == ("example.org", "A. Writer")


def test_adding_twice_keeps_one_copy(store_url):
    art = make_article("twice", events=[("PROTEST", "PER", "PER", None)] * 3,
                       quotes=[("Rosa Quispe", "PER")])
    with open_store(store_url) as store:
        assert store.add(art) is True
        assert store.add(art) is False
    with open_store(store_url) as store:  # reopening an existing store keeps it
        assert store.add(art) is False
        assert table_counts(store) == {"articles": 1, "events": 3, "quotes": 1, "actors": 1,
                                       "stories": 0}


def test_replace_overwrites_in_place(store_url):
    first = make_article("rep", events=[("AID", "NOR", "KEN", None)] * 4)
    second = make_article("rep", events=[("SANCTION", "USA", "ISL", None)])
    second.title = "Corrected title"
    with open_store(store_url) as store:
        store.add(first)
        assert store.add(second, replace=True) is True
        assert table_counts(store)["events"] == 1 and table_counts(store)["articles"] == 1
        assert [e["type"] for e in store.events()] == ["SANCTION"]
        assert store.article("id-rep")["title"] == "Corrected title"


def test_failed_write_leaves_nothing_of_the_article(store_url):
    good = make_article("good", events=[("AGREE", "NOR", "ISL", None)])
    bad = make_article("bad", events=[("AGREE", "NOR", "KEN", None), ("AID", "KEN", "NOR", None)],
                       quotes=[("Ada Lind", "NOR")])
    bad.events[1].id = bad.events[0].id  # the second event row violates the primary key
    with open_store(store_url) as store:
        store.add(good)
        with pytest.raises(sa.exc.IntegrityError):
            store.add(bad)
        assert not store.has("id-bad")
        assert table_counts(store) == {"articles": 1, "events": 1, "quotes": 0, "actors": 2,
                                       "stories": 0}


KILLED_WRITER = textwrap.dedent("""
    import sys
    sys.path.insert(0, sys.argv[2])
    from store_samples import make_article
    from dateline.store import open_store
    store = open_store(sys.argv[1])
    for i in range(100000):
        evs = [("ASSAULT", "NOR", "KEN", None)] * 40
        store.add(make_article(f"k{i}", events=evs, quotes=[("Ada Lind", "NOR")] * 5))
        print(i, flush=True)
""")


def test_killed_writer_never_leaves_half_an_article(store_url):
    proc = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, store_url,
                             os.path.dirname(__file__)], stdout=subprocess.PIPE, text=True)
    try:
        for _ in range(3):  # let a few articles commit, then kill it mid-stream
            assert proc.stdout.readline(), "writer died early"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    with open_store(store_url) as store:
        counts = table_counts(store)
        n = counts["articles"]
        assert n >= 3
        assert counts["events"] == 40 * n and counts["quotes"] == 5 * n
        for art in store.articles():
            assert len(art["events"]) == 40 and len(art["quotes"]) == 5


def test_pending_skips_stored_ids_before_processing(store_url):
    text_rec = Record(input="a.txt", content="Ferry strike\n\nDockers in Bergen stopped work.\n")
    url_rec = Record(input="b.txt", content="Ferry talks\n\nUnions met owners.\n",
                     url="https://news.example.org/ferry")
    new_rec = Record(input="c.txt", content="Ferry deal\n\nThe dockers went back to work.\n")
    err = InputError("d.txt", "empty input")
    assert record_id(text_rec) == to_article(text_rec).id
    assert record_id(url_rec) == to_article(
        Record(input="b", content="Other words", url="https://news.example.org/ferry")).id
    with open_store(store_url) as store:
        for rec in (text_rec, url_rec):
            art = to_article(Record(input=rec.input, content="Body text.", url=rec.url))
            art.id = record_id(rec)
            store.add(art)
        assert store.stored_ids([record_id(url_rec), "nope", record_id(text_rec)]) == {
            record_id(url_rec), record_id(text_rec)}
        for batch in (1, 2, 64):
            stats = Stats()
            out = list(pending(store, [text_rec, new_rec, err, url_rec, new_rec], stats, batch))
            assert out == [new_rec, err, new_rec] and stats.stored == 2


def test_event_filters(store_url):
    arts = [
        make_article("f1", published="2025-01-10", events=[
            ("ASSAULT", "NOR", "KEN", "2025-01-09"), ("AID", "USA", "KEN", None)]),
        make_article("f2", published="2025-03-01", events=[
            ("ASSAULT", "PER", "USA", "2025-02-20"), ("PROTEST", "ISL", "ISL", "2025-02-28")]),
        make_article("f3", published=None, events=[("ASSAULT", "KEN", "NOR", None)]),
    ]
    with open_store(store_url) as store:
        for a in arts:
            store.add(a)
        ids = lambda evs: [(e["article_id"][3:], e["id"]) for e in evs]  # noqa: E731
        # undated events (no date, no published date) sort last
        assert ids(store.events(type="assault")) == [("f1", "e1"), ("f2", "e1"), ("f3", "e1")]
        assert ids(store.events(type=["AID", "PROTEST"])) == [("f1", "e2"), ("f2", "e2")]
        assert ids(store.events(country="ken")) == [("f1", "e1"), ("f1", "e2"), ("f3", "e1")]
        assert store.events(country="US") == store.events(country="SA") == []
        assert ids(store.events(country="USA")) == [("f1", "e2"), ("f2", "e1")]
        # the event's own date, else the article's published date; bounds are inclusive
        assert ids(store.events(since="2025-01-10")) == [("f1", "e2"), ("f2", "e1"), ("f2", "e2")]
        assert ids(store.events(since="2025-01-09", until="2025-02-20")) == [
            ("f1", "e1"), ("f1", "e2"), ("f2", "e1")]
        assert ids(store.events(type="ASSAULT", country="NOR", until="2025-12-31")) == [
            ("f1", "e1")]
        assert ids(store.events(type="ASSAULT", country="NOR", until="2025-12-31",
                                include_undated=True)) == [("f1", "e1"), ("f3", "e1")]
        assert len(store.events(limit=2)) == 2
        assert [a["id"] for a in store.articles(since="2025-02-01")] == ["id-f2"]


def test_events_keep_article_order_past_nine(store_url):
    art = make_article("many", events=[("CONSULT", "NOR", "ISL", "2025-02-01")] * 12)
    with open_store(store_url) as store:
        store.add(art)
        assert [e["id"] for e in store.events()] == [f"e{i}" for i in range(1, 13)]


def test_quote_filters(store_url):
    with open_store(store_url) as store:
        store.add(make_article("q1", published="2025-01-01",
                               quotes=[("Ada Lind", "NOR"), ("Juma Otieno", "KEN")]))
        store.add(make_article("q2", published="2025-02-01", quotes=[("Linda 100%_Ok", "PER")]))
        names = lambda qs: [q["speaker"]["name"] for q in qs]  # noqa: E731
        assert names(store.quotes()) == ["Ada Lind", "Juma Otieno", "Linda 100%_Ok"]
        assert names(store.quotes(speaker="LIND")) == ["Ada Lind", "Linda 100%_Ok"]
        assert names(store.quotes(speaker="100%_")) == ["Linda 100%_Ok"]
        assert names(store.quotes(speaker="0%_o")) == ["Linda 100%_Ok"]
        assert names(store.quotes(speaker="%")) == ["Linda 100%_Ok"]  # LIKE wildcards are literal
        assert store.quotes(speaker="a_") == []
        assert names(store.quotes(country="ken")) == ["Juma Otieno"]
        assert names(store.quotes(since="2025-01-15")) == ["Linda 100%_Ok"]


def test_contract_dicts_can_be_stored(store_url):
    d = make_article("dict", events=[("REJECT", "ISL", "NOR", None)]).to_dict()
    with open_store(store_url) as store:
        assert store.add(d) is True and store.add(d) is False
        assert store.article("id-dict") == d


# -- opening errors (SQLite files; an unreachable server) ---------------------------------------

def test_missing_file_is_an_error_when_reading(tmp_path):
    with pytest.raises(StoreError, match="no such database file"):
        open_store(str(tmp_path / "nope.sqlite"), create=False)
    with pytest.raises(StoreError, match="does not exist"):
        open_store(str(tmp_path / "no-dir" / "x.sqlite"))


def test_corrupt_or_foreign_file_is_an_error(tmp_path):
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not a database at all" * 200)
    for create in (True, False):
        with pytest.raises(StoreError, match="not a database"):
            open_store(str(junk), create=create)
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("create table t (x)").connection.commit()
    with pytest.raises(StoreError, match="not a dateline store"):
        open_store(str(other), create=False)


def test_sqlite_store_uses_wal_and_foreign_keys(tmp_path):
    with open_store(f"sqlite:///{tmp_path / 's.sqlite'}") as store:
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("pragma journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("pragma foreign_keys").scalar() == 1


def test_unreachable_server_is_an_error():
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(StoreError, match="cannot open store"):
        open_store(f"postgresql://nobody@127.0.0.1:{port}/x?connect_timeout=3")


def test_unsupported_url_is_an_error():
    with pytest.raises(StoreError, match="unsupported"):
        open_store("mysql://user@host/db")


def test_stories_replace_atomically(store_url):
    from dateline.model import Story

    with open_store(store_url) as store:
        for key in ("s1", "s2", "s3"):
            store.add(make_article(key))
        assert store.stories() == []
        store.set_stories([Story("st-a", "Harbour", ["id-s2", "id-s1"], 0.4),
                           {"id": "st-b", "title": "Ferry", "article_ids": ["id-s3"],
                            "score": 0.9}])
        assert [(s["id"], s["article_ids"]) for s in store.stories()] == [
            ("st-b", ["id-s3"]), ("st-a", ["id-s2", "id-s1"])]
        with pytest.raises(sa.exc.IntegrityError):  # an unknown article: nothing changes
            store.set_stories([Story("st-c", "Ghost", ["id-missing"], 1.0)])
        assert [s["id"] for s in store.stories()] == ["st-b", "st-a"]
        store.set_stories([Story("st-d", "Merged", ["id-s1", "id-s3"], 0.5)])
        assert store.stories() == [Story("st-d", "Merged", ["id-s1", "id-s3"], 0.5).to_dict()]
        assert store.counts()["stories"] == 1


def test_progress_line_only_on_a_terminal():
    import io
    import select

    from dateline.store.ingest import Progress

    master, slave = os.openpty()
    try:
        with os.fdopen(slave, "w") as tty:
            bar = Progress(tty, total=8)
            bar.show(Stats(new=3, stored=1, events=7))
            bar.close()
            shown = b""
            while select.select([master], [], [], 0.5)[0]:
                shown += os.read(master, 4000)
            # a total gives count, percentage and ETA
            assert b"4/8" in shown and b"50%" in shown and b"<" in shown, shown
            assert b"events=7" in shown
    finally:
        os.close(master)
    pipe = io.StringIO()
    Progress(pipe).show(Stats(new=3))
    assert pipe.getvalue() == ""


def test_nul_and_lone_surrogates_are_stored_losslessly(store_url):
    art = make_article("odd", events=[("THREATEN", "NOR", "KEN", None)],
                       quotes=[("Ada \x00Lind", "NOR")])
    art.text += " Broken \x00 byte and a lone \ud800 surrogate."
    art.title = "Title \x00 with \udcff"
    art.events[0].evidence.text = "evidence \x00 \ud801"
    with open_store(store_url) as store:
        assert store.add(art) is True
        assert store.article("id-odd") == art.to_dict()
        assert store.events()[0]["evidence"]["text"] == "evidence \x00 \ud801"
        assert [q["speaker"]["name"] for q in store.quotes(speaker="lind")] == ["Ada \x00Lind"]
