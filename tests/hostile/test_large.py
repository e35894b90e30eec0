"""Very large texts: the first part is coded within bounded size and time, with a warning on the
record, and the inputs beside it still come out."""
from __future__ import annotations

from .common import articles, assert_clean_stderr, assert_offsets, run, story

DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def test_fifty_megabyte_text_is_coded_in_part_with_a_warning(tmp_path):
    para = "".join(story(d) + "\n" for d in DAYS)
    big = tmp_path / "huge.txt"
    with open(big, "w", encoding="utf-8") as fh:
        for _ in range(50 * 1024 * 1024 // len(para) + 1):  # >= 50 MB
            fh.write(para)
    assert big.stat().st_size >= 50 * 1024 * 1024
    small = tmp_path / "small.txt"
    small.write_text(story("1 March"), encoding="utf-8")
    proc, seconds = run(["extract", "--workers", "1", "--format", "jsonl", str(big), str(small)],
                        guard_s=300)
    assert proc.returncode == 0, proc.stderr
    assert_clean_stderr(proc.stderr)
    got = articles(proc.stdout)
    assert set(got) == {str(big), str(small)}
    huge = got[str(big)]
    assert any("only the first" in w for w in huge["warnings"]), huge["warnings"]
    assert huge["events"], "the first part is coded, not dropped"
    assert max(e["evidence"]["end"] for e in huge["events"]) <= 100_000
    assert_offsets(huge)
    assert got[str(small)]["warnings"] == []


def test_one_endless_line_is_bounded(tmp_path):
    line = tmp_path / "line.txt"
    line.write_text((story("Monday").strip() + " ") * 20000, encoding="utf-8")  # ~5 MB, no newline
    proc, _ = run(["extract", "--workers", "2", "--format", "jsonl", str(line)], guard_s=300)
    assert proc.returncode == 0, proc.stderr
    (article,) = articles(proc.stdout).values()
    assert any("only the first" in w for w in article["warnings"])
    assert_offsets(article)
