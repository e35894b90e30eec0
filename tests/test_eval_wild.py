"""`dateline eval wild` checks each expectation on its own, on inputs written for this test."""
from __future__ import annotations

import json

from dateline.cli import main


def test_expectations_pass_and_fail_independently(tmp_path, capsys, nlp):
    (tmp_path / "01-arrest.txt").write_text(
        "Kenyan police arrested 40 protesters in Nairobi on Tuesday, officials said.\n",
        encoding="utf-8")
    (tmp_path / "01-arrest.expect.json").write_text(json.dumps({
        "published": "2025-03-14",
        "expect": [
            {"what": "event", "type": "COERCE", "source": ["KEN"], "status": "asserted"},
            {"what": "text_contains", "text": "40 protesters"},
            {"what": "text_excludes", "text": "Nairobi"},          # fails on purpose
            {"what": "no_event", "type": "ASSAULT", "source": ["KEN"]},
        ]}), encoding="utf-8")
    assert main(["eval", "wild", str(tmp_path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    got = [r["passed"] for r in out["inputs"]["01-arrest"]]
    assert got == [True, True, False, True]
    assert out["passed"] == 3 and out["total"] == 4


def test_empty_folder_is_exit_2(tmp_path, capsys):
    assert main(["eval", "wild", str(tmp_path)]) == 2
    assert "no .expect.json" in capsys.readouterr().err
