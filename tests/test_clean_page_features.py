"""clean.lines.page_features computes a page's title-free columns once and fills in the two title
columns: the rows must be exactly those of `base_features` with the title, as trained."""
from __future__ import annotations

import json

import numpy as np

from dateline.clean import _logical_lines
from dateline.clean.lines import base_features, page_features, vocabulary_features
from dateline.clean.model import load

PAGE = """World | Business | Sport

Fishermen welcome the Helsinki accord

By Jane Doe, Valparaiso

Fishermen in Valparaiso welcomed on Friday the fisheries accord that Chile and Finland signed.
"This is a good day for our fishermen," the Chilean foreign minister told reporters.

Share this article

Related: Finland opens a consulate in Santiago
"""


def _reference(lines, title, vocabulary):
    return np.hstack([base_features(lines, title), vocabulary_features(lines, vocabulary)])


def _pages(shared):
    yield _logical_lines(PAGE)
    for path in sorted((shared / "examples" / "dev").glob("*.json"))[:12]:
        yield _logical_lines(json.loads(path.read_text(encoding="utf-8"))["text"])


def test_rows_equal_the_titled_computation(shared):
    vocabulary = load().vocabulary
    for lines in _pages(shared):
        lines = [x for x in lines if x.strip()]
        for title in (None, "", lines[0], lines[1], "Fishermen welcome the accord"):
            got = page_features(lines, title, vocabulary)
            assert np.array_equal(got, _reference(lines, title, vocabulary)), title
            got[:] = -1  # callers own what they get: the cached copy is untouched
            assert np.array_equal(page_features(lines, title, vocabulary),
                                  _reference(lines, title, vocabulary))


def test_no_lines_gives_no_rows():
    assert page_features([], "A title", ("accord",)).shape[0] == 0
