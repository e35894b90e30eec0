"""`dateline.extract` on values that are not article text: a one-line InputError, never a bare
TypeError; bytes are decoded like a file's; an unreadable `published` is dropped with a warning."""
from __future__ import annotations

import pytest

from dateline.ingest.record import InputError
from dateline.pipeline import extract


@pytest.mark.parametrize("value", [None, 42, ["France condemned Iran."]])
def test_not_text_is_an_input_error(value):
    with pytest.raises(InputError, match="expected text"):
        extract(value)


def test_bytes_are_decoded():
    out = extract("Kenya’s foreign ministry condemned the attack.".encode("utf-8"))
    assert "Kenya’s" in out["text"]


@pytest.mark.parametrize("value", ["yesterday", "2024-13-45"])
def test_an_unreadable_published_date_warns(value):
    out = extract("France condemned Iran on Monday.", published=value)
    assert out["published"] is None
    assert any("not understood" in w for w in out["warnings"])
