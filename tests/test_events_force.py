"""Figurative force (kind 7 of issue 7): inputs written for these tests."""
from __future__ import annotations

import pytest

from events_fixture import event_types

FORCE = {"ASSAULT", "COERCE", "MOBILIZE"}



@pytest.mark.parametrize("text", [
    "The opposition leader attacked the government's budget plans as reckless.",
    "The shadow chancellor launched a fierce attack on Labour's spending record.",
    "Ministers vowed to fight crime and antisocial behaviour in town centres.",
    "The party went on the offensive over hospital waiting lists on Tuesday.",
])
def test_words_are_not_force(text):
    types = event_types(text, published=None)
    assert not FORCE & set(types), types


def test_attack_on_an_owned_plan_is_an_accusation():
    types = event_types("The Liberal Democrat leader attacked the Conservative plans for pensions.",
                        published=None)
    assert "ACCUSE" in types and "ASSAULT" not in types, types


@pytest.mark.parametrize("text", [
    "Gunmen attacked a police station in northern Nigeria on Sunday, killing three officers.",
    "Syrian troops shelled the town of Idlib, killing at least 12 civilians.",
])
def test_physical_force_stays(text):
    assert "ASSAULT" in event_types(text, published=None)
