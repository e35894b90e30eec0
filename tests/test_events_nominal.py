"""An event noun with nobody acting ("the accusation against X", "street protests against
him") is a mention, not an event; with an actor ("Ghana's protest", "a protest by X", a light
verb with a subject) it is coded. Inputs written for these tests."""
from __future__ import annotations

import pytest

from events_fixture import event_types



@pytest.mark.parametrize("text, type_", [
    ("The minister said the accusation against President Tinubu was baseless.", "ACCUSE"),
    ("He resigned after weeks of street protests against him in Lima.", "PROTEST"),
])
def test_actorless_event_noun_is_not_an_event(text, type_):
    assert type_ not in event_types(text), event_types(text)


@pytest.mark.parametrize("text, type_", [
    ("Kenya lodged a formal protest with Uganda over the arrests.", "PROTEST"),
    ("Peru's Congress launched an investigation into President Boluarte.", "ACCUSE"),
])
def test_event_noun_with_an_actor_stays(text, type_):
    assert type_ in event_types(text), event_types(text)
