"""Synthetic training pages (clean/synthetic.py): another site's furniture spliced around an
article body, labelled furniture; the article's lines labelled content; nothing from pages
outside the training set. Pages and articles here are made up for the test."""
from __future__ import annotations

import pytest

pytest.importorskip("sklearn")

from dateline.clean.synthetic import furniture_runs, synthetic_pages  # noqa: E402
from dateline.clean.train import Page  # noqa: E402

BODY_A = ["The harbour board approved a new ferry timetable on Monday after months of talks.",
          "Ferries will leave every forty minutes in summer and every hour in winter.",
          "Island residents had asked for an earlier first crossing for school pupils."]
BODY_B = ["The city library will open on Sundays from next spring, the mayor said.",
          "Staff unions agreed to the change in return for two extra days of leave.",
          "Visitor numbers rose by a fifth last year, according to the library's report."]


def _page(key, site, head, body, tail, title):
    lines = head + [title] + body[:1] + ["* Photo: harbour board"] + body[1:] + tail
    content = [0] * len(head) + [0] + [1] + [0] + [1] * (len(body) - 1) + [0] * len(tail)
    return Page(key=key, site=site, lines=lines, content=content, title_index=len(head),
                title=title)


PAGES = [
    _page("a", "ferries.example", ["Home", "News"], BODY_A, ["Share this", "Comments (3)"],
          "Ferry timetable approved"),
    _page("b", "library.example", ["Menu", "Local"], BODY_B, ["Print version", "Tags: city"],
          "Library to open on Sundays"),
]
BBC = [("Council budget agreed", ["The council agreed its budget for next year on Tuesday. "
                                  "Spending on roads will rise.", "Taxes will not change."]),
       ("Bridge repairs delayed", ["Repairs to the old bridge have been delayed until May. "
                                   "Engineers found more damage.", "Traffic will be diverted."])]


def test_furniture_runs_by_position():
    runs = furniture_runs(PAGES[0])
    assert runs.head == ["Home", "News"]
    assert runs.inside == [["* Photo: harbour board"]]
    assert runs.tail == ["Share this", "Comments (3)"]


def test_synthetic_pages_label_spliced_furniture_and_keep_bodies():
    out = synthetic_pages(PAGES, 40, seed=3, bbc=BBC)
    assert out
    bodies = set(BODY_A + BODY_B) | {p for _, b in BBC for p in b}
    furniture = {x.lstrip("*- ") for p in PAGES for x, y in zip(p.lines, p.content) if not y}
    furniture.discard("Ferry timetable approved")
    furniture.discard("Library to open on Sundays")
    teasers = {t for t, _ in BBC} | {b[0].split(". ")[0] + "." for _, b in BBC}
    for page in out:
        assert page.key.startswith("synthetic-") and page.site == page.key
        for line, label in zip(page.lines, page.content):
            if label:
                assert line in bodies
            elif page.title_index is None or line != page.lines[page.title_index]:
                assert line.lstrip("*- ") in furniture | teasers, line
