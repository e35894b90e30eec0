"""A JSON input's `published` that cannot be read as a date is ignored with a warning on the
record (and so on stderr from `dateline extract`), as `dateline.extract(published=...)` already
says; before, the JSON reader dropped it silently (found by a new user, round 7)."""
from __future__ import annotations

import json

from dateline.cli import main
from dateline.ingest import read_path


def _write(tmp_path, objs):
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(o) + "\n" for o in objs), encoding="utf-8")
    return path


def test_unreadable_published_is_a_warning_not_silence(tmp_path):
    path = _write(tmp_path, [
        {"text": "Chile recalled its envoy from Peru.", "published": "sometime soon"},
        {"text": "Chile recalled its envoy from Peru.", "published": "2024-02-30"},
        {"text": "Chile recalled its envoy from Peru.", "published": "2024-03-04"},
        {"text": "Chile recalled its envoy from Peru.", "published": "4 March 2024"},
        {"text": "Chile recalled its envoy from Peru."},
    ])
    records = list(read_path(str(path)))
    warned = [bool(r.warnings) for r in records]
    assert warned == [True, True, False, False, False]
    assert "'sometime soon' not understood" in records[0].warnings[0]


def test_extract_says_so_on_stderr_and_still_codes_the_article(tmp_path, capsys):
    path = _write(tmp_path, [{"text": "Chile recalled its envoy from Peru.", "published": "soon"},
                             {"text": "Norway thanked Kenya for its help."}])
    assert main(["extract", str(path), "--format", "jsonl"]) == 0
    out, err = capsys.readouterr()
    lines = [json.loads(line) for line in out.splitlines()]
    assert len(lines) == 2 and lines[0]["published"] is None
    assert f"{path}:1: warning: published date 'soon' not understood" in err
    assert "Traceback" not in err
