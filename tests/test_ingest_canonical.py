"""A page's own URL (`<link rel="canonical">`, else og:url) is the article's url when the input
gives none; pages written for these tests."""
from __future__ import annotations

import json

import pytest

from dateline.cli import main
from dateline.ingest.canonical import page_url

BODY = ("<article><h1>{title}</h1><p>Uruguay and Paraguay signed a river transport accord in "
        "Montevideo on Tuesday, the two foreign ministers said after talks.</p><p>The accord "
        "lets barges from both countries use each other's ports without extra fees, officials "
        "said.</p></article>")


def _page(head: str, title: str = "Uruguay and Paraguay sign river accord") -> str:
    return (f"<!DOCTYPE html><html><head><title>{title}</title>{head}</head><body>"
            f"<nav>Home | World</nav>{BODY.format(title=title)}</body></html>")


CANONICAL = '<link rel="canonical" href="https://river.example/2025/uruguay-paraguay-accord">'
OG = '<meta property="og:url" content="https://river.example/2025/og-only-story">'


@pytest.mark.parametrize("head, expected", [
    (CANONICAL + OG, "https://river.example/2025/uruguay-paraguay-accord"),
    (OG, "https://river.example/2025/og-only-story"),
    ('<LINK REL="Canonical" HREF="//river.example/a/b">', "https://river.example/a/b"),
    ('<link rel="canonical" href="/2025/rel-story">' + OG, "https://river.example/2025/rel-story"),
    # a site's front page or a non-web link names no article: og:url, else nothing
    ('<link rel="canonical" href="https://river.example/">' + OG,
     "https://river.example/2025/og-only-story"),
    ('<link rel="canonical" href="https://river.example/">', None),
    ('<link rel="canonical" href="javascript:void(0)">', None),
    ('<link rel="stylesheet" href="https://river.example/s.css">', None),
    ("", None),
])
def test_page_url(head, expected):
    assert page_url(_page(head)) == expected


def test_links_in_the_body_are_not_the_page_url():
    html = _page("").replace("<nav>", '<nav><link rel="canonical" href="https://x.example/a/b">')
    assert page_url(html) is None


def _extract(args, capsys) -> list:
    assert main(["extract", *args, "--format", "jsonl", "--workers", "1"]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_saved_page_gets_its_canonical_url_and_flags_still_win(tmp_path, capsys, nlp):
    saved = tmp_path / "saved.html"
    saved.write_text(_page(CANONICAL), encoding="utf-8")
    og = tmp_path / "og.html"
    og.write_text(_page(OG), encoding="utf-8")
    lines = tmp_path / "pages.jsonl"
    lines.write_text(json.dumps({"html": _page(CANONICAL), "url": "https://given.example/x/y"})
                     + "\n" + json.dumps({"html": _page(OG)}) + "\n", encoding="utf-8")
    a, b, c, d = _extract([str(saved), str(og), str(lines)], capsys)
    assert a["url"] == "https://river.example/2025/uruguay-paraguay-accord"
    assert b["url"] == d["url"] == "https://river.example/2025/og-only-story"
    assert c["url"] == "https://given.example/x/y"          # the input's own url wins
    assert a["events"] and a["id"] != c["id"]
    [flagged] = _extract([str(saved), "--url", "https://flag.example/p/q"], capsys)
    assert flagged["url"] == "https://flag.example/p/q"     # so does --url


def test_two_saved_copies_of_one_page_are_one_article(tmp_path, capsys, nlp):
    """Same canonical URL, different furniture: the second copy is already stored."""
    one, two = tmp_path / "one.html", tmp_path / "two.html"
    one.write_text(_page(CANONICAL), encoding="utf-8")
    two.write_text(_page(CANONICAL).replace("Home | World", "Sport | Weather | Login"),
                   encoding="utf-8")
    db = str(tmp_path / "c.sqlite")
    assert main(["ingest", str(one), str(two), "--db", db, "--workers", "1"]) == 0
    assert "(1 new, 1 already stored)" in capsys.readouterr().err
