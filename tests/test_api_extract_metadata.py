"""`dateline.extract(..., url=, title=)` with a url or title that is not a string: a one-line
InputError naming the field, not a bare TypeError from deep in the cleaner (found by a new user,
round 7). String metadata still reaches the record."""
from __future__ import annotations

import pytest

import dateline
from dateline.ingest.record import InputError

TEXT = "Peru thanked Chile on Monday for its help with the floods."


@pytest.mark.parametrize("kwargs, field", [
    (dict(title=5), "title must be a string, not int"),
    (dict(title=["a"]), "title must be a string, not list"),
    (dict(url=42), "url must be a string, not int"),
])
def test_non_string_metadata_is_an_input_error(kwargs, field):
    with pytest.raises(InputError, match=field):
        dateline.extract(TEXT, **kwargs)


def test_input_error_names_the_url_when_there_is_one():
    with pytest.raises(InputError, match=r"^https://example\.org/p: title must be"):
        dateline.extract(TEXT, url="https://example.org/p", title=7)


def test_string_metadata_is_kept():
    out = dateline.extract(TEXT, url="https://example.org/p", title="Peru thanks Chile")
    assert out["url"] == "https://example.org/p" and out["title"] == "Peru thanks Chile"
