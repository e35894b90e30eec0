"""A PETRARCH verb pattern is coded only between actors: an agentless passive ("the school had
been closed") names no one who acted, so it is not an event. Inputs written for these tests."""
from __future__ import annotations

import pytest

from events_fixture import event_types



@pytest.mark.parametrize("text", [
    "Nobody was injured because the market in Gao had been closed for the holiday.",
    "The clinic in Goma had been shut for a week when the rains came.",
])
def test_agentless_pattern_passive_is_not_an_event(text):
    assert not {"COERCE", "SANCTION"} & set(event_types(text)), event_types(text)


@pytest.mark.parametrize("text, wanted", [
    ("Ugandan police closed the offices of the main opposition party in Kampala.",
     {"COERCE", "SANCTION"}),
    ("Three Zimbabwean journalists were arrested in Harare on Tuesday.", {"COERCE"}),
    ("Two Malian soldiers were detained in Bamako on Friday.", {"COERCE"}),
])
def test_acts_with_an_actor_or_a_state_act_stay(text, wanted):
    """Arrest and detention are acts of the state by definition (PLOVER COERCE, mode arrest):
    coded with an implicit state source even when the passive names no agent."""
    assert wanted & set(event_types(text)), event_types(text)
