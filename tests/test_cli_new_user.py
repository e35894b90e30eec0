"""What a new user ran into (round 5 review), on inputs written for these tests: every bad input
is one line naming it, wrong flags are usage errors (64), nothing passes silently."""
from __future__ import annotations

import json

import pytest

from dateline.cli import main
from dateline.ingest import InputError, Record, read_inputs

ARTICLE = {"text": "Chile and Peru signed a fisheries accord in Lima on Monday, officials said.",
           "published": "2025-02-03"}


def test_empty_directory_is_named_not_silent(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / ".hidden").write_text("x", encoding="utf-8")
    [item] = read_inputs([str(empty)])
    assert isinstance(item, InputError) and item.input_name == str(empty)
    assert "no files" in item.reason


@pytest.mark.parametrize("url", ["https://", "http://[::1", "http:///path-only"])
def test_url_without_host_is_named_invalid(url):
    [item] = read_inputs([url])
    assert isinstance(item, InputError) and "invalid URL" in item.reason


def test_pretty_printed_json_with_a_long_first_line_is_one_document(tmp_path):
    """Only `{` alone on the first line used to count as pretty-printed: any other layout was
    read as JSON Lines and gave one error per line."""
    obj = tmp_path / "one.json"
    obj.write_text('{"text": "' + ARTICLE["text"] + '",\n "published": "2025-02-03"}\n',
                   encoding="utf-8")
    meta = tmp_path / "meta.json"
    meta.write_text('{"source": "notes",\n "expect": [\n  {"what": "x"}\n ]\n}\n',
                    encoding="utf-8")
    listed = tmp_path / "list.json"
    listed.write_text("[\n" + json.dumps(ARTICLE) + ",\n " + json.dumps(ARTICLE) + "\n]\n",
                      encoding="utf-8")
    items = list(read_inputs([str(obj), str(meta), str(listed)]))
    assert [type(i).__name__ for i in items] == ["Record", "InputError", "Record", "Record"]
    assert items[0].published == "2025-02-03" and items[1].input_name == str(meta)
    assert [i.input for i in items[2:]] == [f"{listed}:1", f"{listed}:2"]


def test_json_lines_with_a_bad_first_line_still_reads_the_rest(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text('{"text": oops}\n' + json.dumps(ARTICLE) + "\n", encoding="utf-8")
    bad, good = read_inputs([str(p)])
    assert isinstance(bad, InputError) and bad.input_name == f"{p}:1"
    assert isinstance(good, Record) and good.input == f"{p}:2"


def test_json_list_on_one_line_is_not_an_article_text(tmp_path):
    p = tmp_path / "list.json"
    p.write_text(json.dumps([ARTICLE, ARTICLE]), encoding="utf-8")
    items = list(read_inputs([str(p)]))
    assert [i.content for i in items] == [ARTICLE["text"]] * 2


@pytest.mark.parametrize("args", [["--since", "notadate"], ["--min-articles", "0"],
                                  ["--top", "-1"]])
def test_stories_bad_values_are_usage_errors(args, tmp_path, capsys):
    assert main(["stories", "--db", str(tmp_path / "none.sqlite"), *args]) == 64
    assert "Traceback" not in capsys.readouterr().err


def test_export_to_a_file_says_what_it_wrote(tmp_path, capsys, nlp):
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps(ARTICLE) + "\n", encoding="utf-8")
    db = str(tmp_path / "s.sqlite")
    assert main(["ingest", str(src), "--db", db, "--workers", "1"]) == 0
    capsys.readouterr()
    out = tmp_path / "events.csv"
    assert main(["export", "--db", db, "--format", "csv", "-o", str(out)]) == 0
    rows = out.read_text(encoding="utf-8").strip().splitlines()[1:]
    err = capsys.readouterr().err
    assert f"{len(rows)} events exported" in err and str(out) in err
    assert main(["export", "--db", db, "--format", "csv", "-o", str(tmp_path / "no" / "x")]) == 2
    assert "no" in capsys.readouterr().err


def test_help_says_what_dateline_is(capsys):
    assert main([]) == 64
    out = capsys.readouterr().out
    assert "sourced event data" in out and "dateline/commands" not in out


def _warc_with_space_in_uri(path) -> None:
    body = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>Peru and Chile "
            b"signed a fisheries deal in Lima on Monday, officials said.</p></body></html>")
    head = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://a.example/x y\r\n"
            b"WARC-Date: 2025-01-01T00:00:00Z\r\nContent-Type: application/http; msgtype=response"
            b"\r\nContent-Length: " + str(len(body)).encode() + b"\r\n\r\n")
    path.write_bytes(head + body + b"\r\n\r\n")


def test_library_log_lines_do_not_leak_and_own_logs_are_one_line(tmp_path, capsys, nlp):
    import logging

    warc = tmp_path / "a.warc"
    _warc_with_space_in_uri(warc)
    assert main(["extract", str(warc), "--workers", "1", "--format", "jsonl"]) == 0
    out, err = capsys.readouterr()
    assert "fisheries deal" in out and err == ""      # warcio's "Replacing spaces" is dropped
    try:
        raise KeyError("x")
    except KeyError:
        logging.getLogger("dateline.actors").exception("lookup failed for %r", "Lima")
    [line] = capsys.readouterr().err.splitlines()
    assert line == "dateline: dateline.actors: lookup failed for 'Lima' (KeyError: 'x')"
