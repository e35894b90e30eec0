"""The HTTP API's event filters mean what the CLI's do (README: "same meaning in events, count,
export, dateline.open(db).events() and the HTTP API"): each answer equals Store.iter_events
with the same filters, country names and alpha-2 codes are read as the CLI reads them, and a
country that is none is a 422 naming it, never an empty 200."""
from __future__ import annotations

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from web_store import sample_store  # noqa: E402

from dateline.store import open_store  # noqa: E402
from dateline.web import create_app  # noqa: E402


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return sample_store(tmp_path_factory.mktemp("f") / "s.sqlite")


@pytest.fixture(scope="module")
def client(db):
    app = create_app(str(db))
    with TestClient(app) as c:
        yield c
    app.state.store.close()


def _api(client, **params) -> set:
    r = client.get("/api/events", params={"limit": 500, **params})
    assert r.status_code == 200, r.text
    return {(e["article_id"], e["id"]) for e in r.json()["items"]}


def _store(db, **filters) -> set:
    with open_store(str(db), create=False) as store:
        return {(e["article_id"], e["id"]) for e in store.iter_events(**filters)}


@pytest.mark.parametrize("params, filters", [
    ({"country": "KE"}, {"country": "KEN"}),
    ({"country": "Kenya"}, {"country": "KEN"}),
    ({"source_country": "Norway"}, {"source_country": "NOR"}),
    ({"target_country": "no"}, {"target_country": "NOR"}),
    ({"source_country": "ISL", "target_country": "NOR"},
     {"source_country": "ISL", "target_country": "NOR"}),
    ({"min_confidence": 0.99}, {"min_confidence": 0.99}),
    ({"since": "2025-02-02", "include_undated": "true"},
     {"since": "2025-02-02", "include_undated": True}),
    ({"since": "2025-02-02"}, {"since": "2025-02-02"}),
])
def test_api_filters_equal_the_stores(client, db, params, filters):
    assert _api(client, **params) == _store(db, **filters)


def test_filters_narrow_and_do_not_pass_silently(client, db):
    everything = _api(client)
    assert _api(client, source_country="NOR") < everything
    assert _api(client, target_country="NOR") != _api(client, source_country="NOR")
    assert _api(client, since="2025-02-02", include_undated="true") > \
        _api(client, since="2025-02-02")


@pytest.mark.parametrize("params", [{"country": "Narnia"}, {"source_country": "Atlantis"},
                                    {"target_country": "ZZ"}, {"min_confidence": "1.5"},
                                    {"sector": "1"}])
def test_unknown_values_are_422_naming_them(client, params):
    r = client.get("/api/events", params=params)
    assert r.status_code == 422, r.text
    name, value = next(iter(params.items()))
    assert name in r.text


def test_event_page_reads_country_names(client):
    page = client.get("/events", params={"country": "Kenya"})
    assert page.status_code == 200 and "id-k1" in page.text
    assert client.get("/events", params={"country": "Narnia"}).status_code == 422
