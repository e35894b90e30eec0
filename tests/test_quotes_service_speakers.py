"""Emergency services speak: 'the fire service said', 'firefighters said', 'paramedics said',
'rescuers said' are organisations and roles with a sector (the CAMEO agents dictionary's
FIRE_SERVICE, FIREFIGHTER -> GOV, PARAMEDIC, AMBULANCE -> health, COAST_GUARD -> MIL:
data/actors/roles.tsv), not things. Inputs written for these tests."""
from __future__ import annotations

from quotes_fixture import quote_with, run_quotes


def _speaker(text, words):
    q = quote_with(run_quotes(text), words)
    assert q.speaker is not None, q.text
    return (q.speaker.name or "").lower(), q.speaker.sector


def test_a_fire_service_speaks(nlp):
    text = ("Heavy rain flooded the old town overnight. The fire service said crews had rescued "
            "14 people from the rooftops.\n\nIn the valley, the mountain rescue service said two "
            "bridges had been swept away.")
    assert _speaker(text, "rescued 14 people") == ("fire service", "GOV")
    name, sector = _speaker(text, "bridges had been swept away")
    assert "rescue service" in name and sector == "GOV"


def test_crews_and_medics_as_roles(nlp):
    text = ("A blaze tore through a warehouse in the port. Firefighters said the roof had collapsed "
            "before dawn, and paramedics said two workers were treated for smoke inhalation.\n\n"
            "Rescuers said the search of the basement would continue until nightfall.")
    assert _speaker(text, "roof had collapsed")[1] == "GOV"
    assert _speaker(text, "smoke inhalation")[1] == "HLH"
    assert _speaker(text, "search of the basement")[1] == "GOV"


def test_coast_guard_in_two_words(nlp):
    text = "The coast guard said a fishing boat had capsized near the lighthouse on Sunday."
    assert _speaker(text, "fishing boat had capsized")[1] == "MIL"


def test_other_services_cameo_codes(nlp):
    text = ("Moldova's security service said on Monday that it had detained two men near the "
            "border.\n\nThe wire service said its reporter had been released after six hours.")
    name, sector = _speaker(text, "detained two men")
    assert "security service" in name and sector == "SPY"
    assert _speaker(text, "reporter had been released")[1] == "MED"
