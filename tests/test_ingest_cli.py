"""`dateline extract` on mixed good and bad inputs: exit 2, one stderr line per bad input,
every good record on stdout."""
from __future__ import annotations

import json

from dateline.cli import main


def test_mixed_good_and_bad_inputs(tmp_path, capsys, nlp):
    good = tmp_path / "good.txt"
    good.write_text("Top Stories\n\nChile and Peru sign water deal\n\nChile and Peru signed an "
                    "agreement on shared water rights in Lima on Monday, officials said.\n\n"
                    "No comments:\n", encoding="utf-8")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "Ghana and Togo reopened a border post on Friday.", '
                   '"published": "2025-01-10"}\n{"text": oops}\n', encoding="utf-8")
    missing = tmp_path / "missing.txt"
    status = main(["extract", str(good), str(missing), str(bad), "--workers", "1",
                   "--published", "2025-02-01"])
    out, err = capsys.readouterr()
    assert status == 2
    err_lines = err.strip().splitlines()
    assert len(err_lines) == 2
    assert str(missing) in err_lines[0] and f"{bad}:2" in err_lines[1]
    docs = [json.loads(line) for line in out.strip().splitlines()]
    assert [d["input"] for d in docs] == [str(good), f"{bad}:1"]
    first = docs[0]
    assert first["title"] == "Chile and Peru sign water deal"
    assert first["published"] == "2025-02-01"  # from the flag
    assert "Top Stories" not in first["text"] and "No comments" not in first["text"]
    assert "sign water deal" not in first["text"]
    assert docs[1]["published"] == "2025-01-10"  # the record's own date wins over the flag
