"""`dateline ingest/events/quotes/export` on SQLite and PostgreSQL, through the real CLI."""
from __future__ import annotations

import csv
import io
import json

import pytest

from dateline.cli import main
from dateline.store import open_store
from store_samples import make_article

STORY_A = """Harbour levy dispute

The transport minister of Norway met Kenyan trade officials in Mombasa on Tuesday to settle
a quarrel over harbour levies. "We have found a fair compromise," the minister told reporters.
"""
STORY_B = """Tea growers march

Hundreds of tea growers marched through Kericho on Saturday, demanding higher prices from
exporters. Police watched but made no arrests, a local official said.
"""
STORY_C = """Ferry link reopens

Iceland and the Faroe Islands agreed on Thursday to restore the winter ferry link that was
cancelled last year, officials in Reykjavik said.
"""


def _summary(err: str) -> str:
    return [ln for ln in err.splitlines() if ln.startswith("ingested ")][-1]


def test_ingest_twice_then_resume(store_url, tmp_path, capsys, nlp):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(STORY_A)
    (src / "b.txt").write_text(STORY_B)
    (src / "empty.txt").write_text("  \n")
    argv = ["ingest", str(src), "--db", store_url, "--published", "2025-05-06", "--workers", "1"]

    assert main(argv) == 2  # the empty file is an error; the others are stored
    err = capsys.readouterr().err
    assert "empty.txt" in err and len([ln for ln in err.splitlines() if "empty.txt" in ln]) == 1
    assert _summary(err).startswith("ingested 2 articles (2 new, 0 already stored), ")
    assert "1 errors -> " in _summary(err)
    assert "\r" not in err  # no progress line when stderr is not a terminal

    (src / "empty.txt").unlink()
    assert main(argv) == 0
    assert _summary(capsys.readouterr().err).startswith(
        "ingested 2 articles (0 new, 2 already stored), 0 events, 0 quotes, 0 errors")

    (src / "c.txt").write_text(STORY_C)  # a rerun after an interruption picks up the rest
    assert main(argv) == 0
    assert "(1 new, 2 already stored)" in _summary(capsys.readouterr().err)
    with open_store(store_url) as store:
        arts = store.articles()
        counts = store.counts()
    assert sorted(a["title"] for a in arts) == [
        "Ferry link reopens", "Harbour levy dispute", "Tea growers march"]
    assert all(a["published"] == "2025-05-06" for a in arts)
    assert counts["events"] == sum(len(a["events"]) for a in arts)
    assert counts["quotes"] == sum(len(a["quotes"]) for a in arts)

    assert main(["ingest", str(src / "a.txt"), "--db", store_url, "--reprocess",
                 "--workers", "1"]) == 0
    assert "(1 new, 0 already stored)" in _summary(capsys.readouterr().err)
    with open_store(store_url) as store:
        assert store.counts()["articles"] == 3


@pytest.fixture
def filled(store_url):
    with open_store(store_url) as store:
        store.add(make_article("c1", published="2025-01-05", events=[
            ("ASSAULT", "NOR", "KEN", "2025-01-04"), ("AID", "USA", "KEN", None)],
            quotes=[("Ada Lind", "NOR")]))
        store.add(make_article("c2", published="2025-02-07", events=[
            ("PROTEST", "PER", "PER", None)], quotes=[("Juma Otieno", "KEN")]))
    return store_url


def test_events_formats_and_filters(filled, capsys):
    assert main(["events", "--db", filled, "--type", "ASSAULT", "--type", "PROTEST"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [(r["article_id"], r["type"]) for r in map(json.loads, lines)] == [
        ("id-c1", "ASSAULT"), ("id-c2", "PROTEST")]

    assert main(["events", "--db", filled, "--country", "KEN", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["type"], r["source_countries"], r["target_countries"], r["date"]) for r in rows] == [
        ("ASSAULT", "NOR", "KEN", "2025-01-04"), ("AID", "USA", "KEN", "")]

    assert main(["events", "--db", filled, "--since", "2025-02-01", "--format", "table"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2 and "PROTEST" in out[1] and "Peru (PER)" in out[1]
    assert "asserted" in out[1] and "example.org" in out[1]


def test_quotes_command(filled, capsys):
    assert main(["quotes", "--db", filled, "--speaker", "juma"]) == 0
    [rec] = map(json.loads, capsys.readouterr().out.splitlines())
    assert rec["speaker"]["name"] == "Juma Otieno" and rec["article_id"] == "id-c2"
    assert main(["quotes", "--db", filled, "--country", "NOR", "--format", "csv"]) == 0
    [row] = csv.DictReader(io.StringIO(capsys.readouterr().out))
    assert row["speaker"] == "Ada Lind" and row["text"] == "We will keep talking about c1"
    assert main(["quotes", "--db", filled, "--format", "table"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 3


def test_export_formats(filled, tmp_path, capsys):
    import pyarrow.parquet as pq

    out = tmp_path / "all.jsonl"
    assert main(["export", "--db", filled, "--format", "jsonl", "--output", str(out)]) == 0
    arts = [json.loads(ln) for ln in out.read_text().splitlines()]
    assert arts == [make_article("c1", published="2025-01-05", events=[
        ("ASSAULT", "NOR", "KEN", "2025-01-04"), ("AID", "USA", "KEN", None)],
        quotes=[("Ada Lind", "NOR")]).to_dict(), arts[1]]
    assert [a["id"] for a in arts] == ["id-c1", "id-c2"]

    assert main(["export", "--db", filled, "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["type"] for r in rows] == ["ASSAULT", "AID", "PROTEST"]

    pq_path = tmp_path / "events.parquet"
    assert main(["export", "--db", filled, "--format", "parquet", "-o", str(pq_path)]) == 0
    table = pq.read_table(pq_path)
    assert table.column("type").to_pylist() == ["ASSAULT", "AID", "PROTEST"]
    assert table.column("lat").to_pylist() == [1.5, 1.5, 1.5]
    assert table.schema.field("confidence").type == "double"


def test_export_of_empty_store_is_valid(store_url, tmp_path):
    import pyarrow.parquet as pq

    open_store(store_url).close()
    pq_path = tmp_path / "empty.parquet"
    assert main(["export", "--db", store_url, "--format", "parquet", "-o", str(pq_path)]) == 0
    assert pq.read_table(pq_path).num_rows == 0


@pytest.mark.parametrize("command", [["events"], ["quotes"], ["export", "--format", "csv"]])
def test_missing_or_corrupt_store_is_one_line_exit_2(command, tmp_path, capsys):
    missing = tmp_path / "missing.sqlite"
    assert main([*command, "--db", str(missing)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no such database file" in err
    assert not missing.exists()  # reading never creates a store

    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"\x00garbage" * 500)
    assert main([*command, "--db", str(junk)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not a database" in err


def test_ingest_into_corrupt_store_is_one_line_exit_2(tmp_path, capsys):
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"\x00garbage" * 500)
    (tmp_path / "a.txt").write_text(STORY_A)
    assert main(["ingest", str(tmp_path / "a.txt"), "--db", str(junk)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not a database" in err


def test_bad_date_is_a_one_line_usage_error_and_bad_output_exit_2(filled, tmp_path, capsys):
    assert main(["events", "--db", filled, "--since", "someday"]) == 64
    err = capsys.readouterr().err
    assert "--since: 'someday' is not a date" in err and err.count("\n") == 1
    assert main(["quotes", "--db", filled, "--until", "2025-02-30"]) == 64
    assert "--until: '2025-02-30' is not a date" in capsys.readouterr().err
    bad_out = tmp_path / "no-dir" / "x.csv"
    assert main(["export", "--db", filled, "--format", "csv", "-o", str(bad_out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "x.csv" in err
