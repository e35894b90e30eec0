"""`dateline events` options, `count`, `actors`, `show`, `export` on real stores: the demo store
built by the pipeline from examples/demo, and a sample store with known contents."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from store_samples import make_article

from dateline.cli import main
from dateline.model import Actor
from dateline.store import open_store

DEMO = Path(__file__).resolve().parent.parent / "examples" / "demo"

# GDELT 2.0 event table columns as published in the GDELT 2.0 Event Codebook (written out here
# independently of dateline.store.gdelt so the test checks the layout, not itself).
GDELT_NAMES = """GLOBALEVENTID SQLDATE MonthYear Year FractionDate Actor1Code Actor1Name
Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code Actor1Religion2Code
Actor1Type1Code Actor1Type2Code Actor1Type3Code Actor2Code Actor2Name Actor2CountryCode
Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code Actor2Religion2Code Actor2Type1Code
Actor2Type2Code Actor2Type3Code IsRootEvent EventCode EventBaseCode EventRootCode QuadClass
GoldsteinScale NumMentions NumSources NumArticles AvgTone Actor1Geo_Type Actor1Geo_FullName
Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code Actor1Geo_Lat Actor1Geo_Long
Actor1Geo_FeatureID Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code
Actor2Geo_ADM2Code Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID ActionGeo_Type
ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code ActionGeo_Lat
ActionGeo_Long ActionGeo_FeatureID DATEADDED SOURCEURL""".split()


@pytest.fixture(scope="module")
def demo(tmp_path_factory, nlp):
    db = str(tmp_path_factory.mktemp("demo") / "demo.sqlite")
    assert main(["ingest", str(DEMO), "--db", db, "--workers", "1"]) in (0, 2)
    with open_store(db, create=False) as store:
        assert store.counts()["events"] > 5
    return db


@pytest.fixture
def sample(tmp_path):
    """Known contents: a two-actor source side, dated/undated events, a repeated person."""
    a1 = make_article("m1", published="2025-01-10", events=[
        ("ASSAULT", "NOR", "KEN", "2025-01-09"), ("AID", "USA", "KEN", None)],
        quotes=[("Ada Lind", "NOR")])
    a1.events[0].source.append(Actor(id="a7", name="Peru", country="PER").ref("Lima"))
    a1.actors.append(Actor(id="a9", name="Ada Lind", country="NOR", kind="person"))
    a2 = make_article("m2", published=None, events=[("PROTEST", "ISL", "NOR", None)],
                      quotes=[("Ada Lind", "NOR")])
    a2.actors.append(Actor(id="a9", name="Ada Lind", country="NOR", kind="person"))
    db = str(tmp_path / "sample.sqlite")
    with open_store(db) as store:
        store.add(a1)
        store.add(a2)
    return db


def _csv(text: str) -> list:
    return list(csv.DictReader(io.StringIO(text)))


def test_events_filters_and_table(demo, capsys):
    assert main(["events", "--db", demo, "--format", "json"]) == 0
    every = json.loads(capsys.readouterr().out)
    assert every and all({"day", "date_source", "site", "story_id"} <= set(e) for e in every)
    days = [e["day"] for e in every]
    dated = [d for d in days if d]
    assert dated == sorted(dated) and days[:len(dated)] == dated  # undated last
    some = every[0]
    code = (some["source"] or some["target"])[0]["country"]
    assert main(["events", "--db", demo, "--country", code, "--format", "jsonl"]) == 0
    hits = [json.loads(ln) for ln in capsys.readouterr().out.splitlines()]
    assert hits and all(code in {a["country"] for a in e["source"] + e["target"]} for e in hits)
    assert main(["events", "--db", demo, "--type", some["type"], "--status", some["status"],
                 "--format", "table"]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split()[:5] == ["day", "from", "type", "status", "source"]
    assert len(table) > 1 and some["type"] in table[1] and some["status"] in table[1]
    word = some["evidence"]["text"].split()[-1].strip(".,")
    assert main(["events", "--db", demo, "--q", word, "--format", "jsonl"]) == 0
    assert some["id"] in {json.loads(ln)["id"] for ln in capsys.readouterr().out.splitlines()}


def test_events_actor_and_sides(sample, capsys):
    assert main(["events", "--db", sample, "--actor", "lima", "--format", "csv"]) == 0
    out, err = capsys.readouterr()
    rows = _csv(out)
    assert "matched Peru (PER" in err
    assert [(r["source"], r["source_countries"]) for r in rows] == [("Norway; Peru", "NOR; PER")]
    assert main(["events", "--db", sample, "--source-country", "PE", "--format", "csv"]) == 0
    assert len(_csv(capsys.readouterr().out)) == 1
    assert main(["events", "--db", sample, "--target-country", "Norway", "--since",
                 "2025-01-01", "--format", "csv"]) == 0
    assert _csv(capsys.readouterr().out) == []  # the NOR-target event is undated
    assert main(["events", "--db", sample, "--target-country", "Norway", "--since",
                 "2025-01-01", "--include-undated", "--format", "csv"]) == 0
    [row] = _csv(capsys.readouterr().out)
    assert (row["type"], row["day"], row["date_source"]) == ("PROTEST", "", "none")
    assert main(["events", "--db", sample, "--actor", "nobody at all"]) == 0
    assert "matches no stored actor" in capsys.readouterr().err


def test_table_and_csv_agree_on_dates(sample, capsys):
    assert main(["events", "--db", sample, "--format", "csv"]) == 0
    rows = _csv(capsys.readouterr().out)
    assert [(r["day"], r["date_source"], r["date"]) for r in rows] == [
        ("2025-01-09", "text", "2025-01-09"), ("2025-01-10", "published", ""), ("", "none", "")]
    assert main(["events", "--db", sample, "--format", "table"]) == 0
    lines = capsys.readouterr().out.splitlines()[1:]
    assert [ln.split()[:2] for ln in lines] == [["2025-01-09", "text"],
                                                ["2025-01-10", "published"], ["-", "none"]]


def test_count(sample, demo, capsys):
    assert main(["count", "--db", sample, "--by", "month,country", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {"month": "2025-01", "country": "KEN", "n": 2} in rows
    assert {"month": None, "country": "ISL", "n": 1} in rows
    assert main(["count", "--db", sample, "--by", "source,type", "--format", "csv"]) == 0
    rows = _csv(capsys.readouterr().out)
    assert {"source": "PER", "type": "ASSAULT", "n": "1"} in rows
    assert main(["count", "--db", demo, "--by", "quad"]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split() == ["quad", "n"] and len(table) > 1
    assert main(["count", "--db", demo, "--by", "week", "--format", "jsonl"]) == 0
    weeks = [json.loads(ln) for ln in capsys.readouterr().out.splitlines()]
    from datetime import date

    assert all(w["week"] is None or date.fromisoformat(w["week"]).weekday() == 0 for w in weeks)


def test_actors(sample, demo, capsys):
    assert main(["actors", "--db", sample, "--q", "ada", "--format", "json"]) == 0
    [ada] = json.loads(capsys.readouterr().out)
    assert (ada["articles"], ada["quotes"], ada["events"]) == (2, 2, 0)
    assert main(["actors", "--db", sample, "--country", "NO", "--format", "csv"]) == 0
    names = {r["name"] for r in _csv(capsys.readouterr().out)}
    assert names == {"Norway", "Ada Lind"}
    assert main(["actors", "--db", demo]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split()[:3] == ["id", "name", "country"] and len(table) > 3
    assert main(["events", "--db", sample, "--actor", ada["id"], "--format", "jsonl"]) == 0
    assert capsys.readouterr().out == ""  # Ada speaks but acts in no event


def test_show_marks_evidence(demo, capsys):
    with open_store(demo, create=False) as store:
        ev = store.events(limit=1)[0]
    assert main(["show", ev["article_id"], "--db", demo]) == 0
    import re

    out = capsys.readouterr().out
    assert f"[[{ev['id']}: " in out
    bare = re.sub(r"\{\{q\d+: |\}\}|\[\[e\d+: |\]\]", "", out)  # marks may nest
    assert ev["evidence"]["text"] in bare
    assert "## events" in out and "## quotes" in out
    assert main(["show", "no-such-id", "--db", demo]) == 2
    assert "no-such-id: no such article" in capsys.readouterr().err


def test_mark_keeps_overlapping_spans_balanced():
    from dateline.commands.show import mark

    text = "abcdefghij"
    out = mark(text, [(0, 5, "e1", "[[", "]]"), (2, 8, "q1", "{{", "}}")])
    assert out.count("[[") == out.count("]]") == 1 and out.count("{{") == out.count("}}") == 1
    assert out.replace("[[e1: ", "").replace("{{q1: ", "").replace("]]", "").replace(
        "}}", "") == text


def test_export_what_and_formats(sample, tmp_path, capsys):
    import pyarrow.parquet as pq

    pq_path = tmp_path / "events.parquet"
    assert main(["export", "--db", sample, "--what", "events", "--format", "parquet", "-o",
                 str(pq_path)]) == 0
    t = pq.read_table(pq_path)
    assert str(t.schema.field("day").type) == "date32[day]"
    assert str(t.schema.field("cameo").type) == "string"
    import pyarrow as pa

    assert pa.types.is_list(t.schema.field("source").type)
    assert t.schema.field("source").type.value_type == pa.string()
    first = t.slice(0, 1).to_pylist()[0]
    assert first["source"] == ["Norway", "Peru"] and first["source_countries"] == ["NOR", "PER"]
    assert first["cameo"] == "190" and first["date_source"] == "text"
    assert {"source_sectors", "target_sectors", "contexts", "input", "story_id",
            "date_source"} <= set(t.column_names)
    for what in ("quotes", "actors", "articles"):
        for fmt in ("csv", "tsv", "jsonl"):
            assert main(["export", "--db", sample, "--what", what, "--format", fmt]) == 0
            assert capsys.readouterr().out.strip()
        path = tmp_path / f"{what}.parquet"
        assert main(["export", "--db", sample, "--what", what, "--format", "parquet", "-o",
                     str(path)]) == 0
        assert pq.read_table(path).num_rows >= 2
    assert main(["export", "--db", sample, "--what", "actors", "--format", "gdelt"]) == 64
    assert main(["export", "--db", sample, "--what", "quotes", "--type", "AID"]) == 64


def test_gdelt_export_of_demo_store_loads_with_gdelt_names(demo, tmp_path):
    import pandas as pd

    out = tmp_path / "demo.export.CSV"
    assert main(["export", "--db", demo, "--format", "gdelt", "-o", str(out)]) == 0
    df = pd.read_csv(out, sep="\t", header=None, names=GDELT_NAMES,
                     dtype={"EventCode": str, "EventBaseCode": str, "EventRootCode": str})
    assert list(df.columns) == GDELT_NAMES and len(df.columns) == 61
    with open_store(demo, create=False) as store:
        events = store.events()
    pairs = sum(max(1, len(e["source"])) * max(1, len(e["target"])) for e in events)
    assert len(df) == pairs
    assert df["GLOBALEVENTID"].is_unique
    assert set(df["QuadClass"].dropna().astype(int)) <= {1, 2, 3, 4}
    coded = df.dropna(subset=["EventCode"])
    assert (coded["EventCode"].str.len() >= 2).all()  # CAMEO codes keep leading zeros
    assert (coded["EventRootCode"] == coded["EventCode"].str[:2]).all()
    dated = df.dropna(subset=["SQLDATE"])
    assert (dated["SQLDATE"].astype(int) // 100 == dated["MonthYear"].astype(int)).all()
