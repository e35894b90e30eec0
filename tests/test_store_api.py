"""`dateline.open(db)`: DataFrames for notebooks, on a real store."""
from __future__ import annotations

import pytest
from store_samples import make_article

import dateline
from dateline.store import open_store


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "api.sqlite")
    with open_store(path) as store:
        store.add(make_article("p1", published="2025-01-10", events=[
            ("ASSAULT", "NOR", "KEN", "2025-01-09"), ("AID", "USA", "KEN", None)],
            quotes=[("Ada Lind", "NOR")]))
        store.add(make_article("p2", published=None, events=[("PROTEST", "ISL", "NOR", None)]))
    return path


def test_frames(db):
    pd = pytest.importorskip("pandas")
    with dateline.open(db) as data:
        ev = data.events(country="KEN")
        assert isinstance(ev, pd.DataFrame) and list(ev["type"]) == ["ASSAULT", "AID"]
        assert str(ev["day"].dtype).startswith("datetime64")
        assert list(ev["date_source"]) == ["text", "published"]
        assert ev.loc[0, "source_countries"] == ["NOR"]
        allev = data.events()
        assert pd.isna(allev["day"].iloc[-1])  # undated last
        counts = data.counts("month,type")
        assert list(counts.columns) == ["month", "type", "n"] and counts["n"].sum() == 3
        assert list(data.quotes(speaker="ada")["speaker"]) == ["Ada Lind"]
        actors = data.actors(country="KEN")
        assert list(actors["name"]) == ["Kenya"] and int(actors["events"].iloc[0]) == 2
        assert data.article("id-p1")["title"] == "Title p1"


def test_without_pandas_lists_of_dicts(db, monkeypatch):
    import builtins

    real = builtins.__import__

    def no_pandas(name, *args, **kwargs):
        if name == "pandas":
            raise ImportError("no pandas")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pandas)
    with dateline.open(db) as data:
        rows = data.events(type="PROTEST")
        assert isinstance(rows, list) and rows[0]["type"] == "PROTEST"


def test_filters_are_read_as_the_cli_reads_them(db):
    pytest.importorskip("pandas")
    with dateline.open(db) as data:
        assert len(data.events(country="Kenya")) == len(data.events(country="KE")) == 2
        for bad in [dict(country="Narnia"), dict(type="BOMB"), dict(since="garbage"),
                    dict(until="2024-02-30"), dict(status=["asserted", "maybe"])]:
            with pytest.raises(ValueError, match=next(iter(bad))):
                data.events(**bad)
        with pytest.raises(ValueError, match="country"):
            data.counts("month", country="Atlantis")
