"""Issue 10's faults: hangs, silently accepted values, misleading dates. Real processes where
the fault needed worker processes to show."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from dateline.cli import main

ARTICLE = ("Kenya and Norway signed a fisheries agreement in Nairobi on Tuesday, officials "
           "said. The deal ends a long dispute over catches off the coast.\n")


def _run(args, tmp_path, timeout=180, code=None):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    cmd = [sys.executable, "-c", code or "import sys; from dateline.cli import main; "
           "sys.exit(main())", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env,
                          cwd=tmp_path)


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    return str(path)


@pytest.mark.parametrize("command", ["extract", "ingest"])
@pytest.mark.parametrize("value", ["2025-02-30", "tomorrow", "xyz", "04/03/2025"])
def test_bad_published_ends_at_once_with_two_workers(command, value, article, tmp_path):
    args = [command, article, "--published", value, "--workers", "2"]
    if command == "ingest":
        args += ["--db", str(tmp_path / "s.sqlite")]
    done = _run(args, tmp_path, timeout=60)  # it used to hang here forever
    assert done.returncode == 64, done.stderr
    assert f"'{value}' is not a date: use YYYY-MM-DD" in done.stderr
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr


FAILING_READER = textwrap.dedent("""
    import sys
    from dateline.ingest import readers
    real = readers.read_file
    def read_file(path):
        if path.endswith("boom.txt"):
            raise RuntimeError("disk vanished")
        yield from real(path)
    readers.read_file = read_file
    from dateline.cli import main
    sys.exit(main())
""")


@pytest.mark.parametrize("workers", ["1", "2"])
def test_exception_while_reading_inputs_ends_the_run_with_exit_2(workers, article, tmp_path):
    (tmp_path / "boom.txt").write_text(ARTICLE)
    done = _run(["extract", article, str(tmp_path / "boom.txt"), "--workers", workers,
                 "--format", "jsonl"], tmp_path, code=FAILING_READER)
    assert done.returncode == 2, done.stderr
    assert "reading the inputs failed: RuntimeError: disk vanished" in done.stderr
    assert "Traceback" not in done.stderr
    assert len(done.stdout.splitlines()) == 1  # the article read before the failure is kept


def test_ingest_with_failing_reader_and_two_workers_keeps_what_was_read(article, tmp_path):
    (tmp_path / "boom.txt").write_text(ARTICLE)
    db = str(tmp_path / "s.sqlite")
    done = _run(["ingest", article, str(tmp_path / "boom.txt"), "--workers", "2", "--db", db],
                tmp_path, code=FAILING_READER)
    assert done.returncode == 2 and "disk vanished" in done.stderr, done.stderr
    from dateline.store import open_store

    with open_store(db, create=False) as store:
        assert store.counts()["articles"] == 1


@pytest.mark.parametrize("args, message", [
    (["events", "--type", "FOO"], "'FOO' is not a PLOVER event type (one of AGREE"),
    (["events", "--status", "maybe"], "'maybe' is not a status"),
    (["events", "--country", "Narnia"], "'Narnia' is not a country"),
    (["events", "--since", "04/03/2025"], "'04/03/2025' is not a date"),
    (["events", "--min-confidence", "2"], "is not a number from 0 to 1"),
    (["count", "--by", "colour"], "give distinct keys"),
    (["count", "--by", "day,month"], "use one of day, week, month"),
    (["actors", "--limit", "0"], "is not a whole number of at least 1"),
])
def test_bad_values_are_usage_errors(args, message, tmp_path, capsys):
    db = str(tmp_path / "none.sqlite")
    assert main([args[0], "--db", db, *args[1:]]) == 64
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_workers_zero_is_refused(article, capsys):
    assert main(["extract", article, "--workers", "0"]) == 64
    assert "--workers: '0' is not a whole number of at least 1" in capsys.readouterr().err


@pytest.mark.parametrize("typed, code", [("GB", "GBR"), ("United Kingdom", "GBR"),
                                         ("gbr", "GBR"), ("Britain", "GBR"), ("UN", "UN")])
def test_country_names_and_alpha2_are_read_and_said(typed, code, capsys):
    from dateline.commands.common import country

    assert country(typed) == code
    err = capsys.readouterr().err
    assert (f"read as {code}" in err) == (typed != code)


def test_url_with_several_inputs_is_ignored_with_a_note(article, tmp_path, capsys, nlp):
    other = tmp_path / "b.txt"
    other.write_text(ARTICLE.replace("Kenya", "Peru"))
    assert main(["extract", article, str(other), "--url", "https://x.example/a",
                 "--workers", "1", "--format", "jsonl"]) == 0
    out, err = capsys.readouterr()
    assert "--url ignored" in err
    import json

    assert [json.loads(ln)["url"] for ln in out.splitlines()] == [None, None]


def test_url_with_a_multi_article_file_is_ignored(tmp_path, capsys, nlp):
    import json

    path = tmp_path / "two.jsonl"
    path.write_text("\n".join(json.dumps({"text": ARTICLE + str(i)}) for i in range(2)) + "\n")
    assert main(["extract", str(path), "--url", "https://x.example/a", "--workers", "1",
                 "--format", "jsonl"]) == 0
    out, err = capsys.readouterr()
    assert "holds more than one article" in err
    assert {json.loads(ln)["url"] for ln in out.splitlines()} == {None}


def test_pdf_is_named(tmp_path, capsys):
    pdf = tmp_path / "report.txt"  # the name lies; the bytes say PDF
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n")
    assert main(["extract", str(pdf), "--workers", "1"]) == 2
    err = capsys.readouterr().err
    assert "report.txt: PDF is not supported" in err and err.count("\n") == 1


def test_no_arguments_print_help_and_version_exists(capsys):
    assert main([]) == 64
    out = capsys.readouterr().out
    for command in ("extract", "ingest", "events", "count", "actors", "show", "export"):
        assert command in out
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("dateline ")


def test_help_shows_defaults_and_valid_values(capsys):
    assert main(["actors", "--help"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "(default: 50)" in out and "{table,csv,tsv,json,jsonl}" in out
    assert main(["events", "--help"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "ASSAULT" in out and "asserted" in out and "(default: jsonl)" in out
