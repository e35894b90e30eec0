"""`dateline eval furniture`'s measure (evaluation/furniture.py): a furniture string counts as
kept when a kept paragraph is it, or starts or ends with it (a sign-off glued to a sentence),
but not when that paragraph is exactly a gold content line: a teaser cut short repeats the
start of the lead paragraph, and keeping the lead is not keeping the teaser."""
from __future__ import annotations

from dateline.evaluation.furniture import furniture_removed, norm

LEAD = "The council agreed its budget on Tuesday after a debate that lasted nine hours."
TEASER = "The council agreed its budget on Tuesday after a debate that…"


def test_teaser_that_opens_the_kept_lead_counts_as_removed():
    assert furniture_removed(TEASER, [norm(LEAD)], frozenset({norm(LEAD)}))


def test_furniture_glued_to_a_paragraph_still_counts_as_kept():
    glued = norm("Share this article " + LEAD)
    assert not furniture_removed("Share this article", [glued], frozenset({norm(LEAD)}))
    assert not furniture_removed(TEASER, [norm(LEAD)])  # without the gold lines: kept
    assert not furniture_removed(TEASER, [norm(TEASER)], frozenset({norm(LEAD)}))
