"""A warning is a threat only when the warner says it will act, or names a punitive or forceful
act (PLOVER THREATEN); a warning of what others or events may do is not an event. Inputs written
for these tests; the real pipeline runs on them."""
from __future__ import annotations

import pytest

from dateline.pipeline import extract
from events_fixture import event_types



@pytest.mark.parametrize("text", [
    "The rebel commander warned that his fighters would attack the convoy if it entered the "
    "valley.",
    "Russia warned on Monday that it would cut gas deliveries to Moldova unless the debt was paid.",
    "The interior ministry warned that soldiers who joined the protest would be punished.",
])
def test_a_warning_of_ones_own_act_is_a_threat(text):
    assert "THREATEN" in event_types(text, published="2024-03-04"), extract(text)["events"]


@pytest.mark.parametrize("text", [
    "The central bank of Kenya warned that inflation could rise further next year.",
    "The German finance minister warned that many small firms could be crippled by the new rules.",
    "The French president warned his supporters against complacency before the vote.",
])
def test_a_warning_of_what_may_happen_is_not(text):
    assert "THREATEN" not in event_types(text, published="2024-03-04"), extract(text)["events"]
