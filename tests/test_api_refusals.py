"""What `dateline events` refuses on the command line (exit 64), `dateline.open(db)` and the
HTTP API refuse too, naming the value, instead of quietly answering something else (found by a
new user, round 7): a limit below 1, a confidence outside 0..1, a sector that is no code, and a
`since` after `until`. Opening a directory as a store says it is a directory."""
from __future__ import annotations

import pytest
from store_samples import make_article

import dateline
from dateline.store import open_store
from dateline.store.db import StoreError


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "refuse.sqlite")
    with open_store(path) as store:
        store.add(make_article("r1", published="2025-01-10", events=[
            ("ASSAULT", "NOR", "KEN", "2025-01-09"), ("AID", "USA", "KEN", None)],
            quotes=[("Ada Lind", "NOR")]))
    return path


@pytest.mark.parametrize("kwargs, named", [
    (dict(limit=-5), "limit=-5"),
    (dict(limit=0), "limit=0"),
    (dict(limit="3"), "limit='3'"),
    (dict(min_confidence=5), "min_confidence=5"),
    (dict(min_confidence=-0.1), "min_confidence=-0.1"),
    (dict(sector="not a sector"), "sector='not a sector'"),
    (dict(since="2025-05-01", until="2025-01-01"), "since='2025-05-01'"),
])
def test_events_refuse_what_the_cli_refuses(db, kwargs, named):
    with dateline.open(db) as data:
        with pytest.raises(ValueError, match=named.replace("(", r"\(")):
            data.events(**kwargs)


def test_counts_quotes_actors_check_too(db):
    with dateline.open(db) as data:
        with pytest.raises(ValueError, match="min_confidence=2"):
            data.counts("month", min_confidence=2)
        with pytest.raises(ValueError, match="limit=-1"):
            data.quotes(limit=-1)
        with pytest.raises(ValueError, match="limit=0"):
            data.actors(limit=0)


def test_good_values_still_answer(db):
    with dateline.open(db) as data:
        assert len(data.events(limit=1)) == 1
        assert len(data.events(min_confidence=0, sector="gov", since="2025-01-01",
                               until="2025-01-01", include_undated=True)) >= 0
        assert len(data.events(since="2025-01-09", until="2025-01-09")) == 1
        assert len(data.quotes(limit=1)) == 1


def test_directory_as_store_is_named_a_directory(tmp_path):
    for create in (False, True):
        with pytest.raises(StoreError, match="is a directory"):
            open_store(str(tmp_path), create=create)
    with pytest.raises(StoreError, match="is a directory"):
        dateline.open(str(tmp_path))


def test_http_since_after_until_is_422(db):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from dateline.web import create_app

    app = create_app(db)
    with TestClient(app) as client:
        r = client.get("/api/events", params={"since": "2025-05-01", "until": "2025-01-01"})
        assert r.status_code == 422 and "2025-05-01" in r.text
        assert client.get("/api/events", params={"since": "2025-01-09",
                                                  "until": "2025-01-09"}).status_code == 200
    app.state.store.close()


def test_events_page_since_after_until_is_422(db):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from dateline.web import create_app

    app = create_app(db)
    with TestClient(app) as client:
        r = client.get("/events", params={"since": "2025-05-01", "until": "2025-01-01"})
        assert r.status_code == 422 and "is after" in r.text
        assert client.get("/events", params={"since": "2025-01-01"}).status_code == 200
    app.state.store.close()
